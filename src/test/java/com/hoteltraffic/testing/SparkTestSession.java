package com.hoteltraffic.testing;

import org.apache.spark.sql.SparkSession;

/**
 * The one way tests make a SparkSession: {@code local[2]}, no UI, few shuffle partitions so that
 * small in-memory inputs run fast. Each test class builds one in {@code @BeforeAll} and stops it
 * in {@code @AfterAll}.
 */
public final class SparkTestSession {
  private SparkTestSession() {}

  public static SparkSession create(String name) {
    return SparkSession.builder()
        .appName(name)
        .master("local[2]")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .getOrCreate();
  }
}
