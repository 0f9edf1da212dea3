package com.hoteltraffic.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The DuckDB contender's memory, bounded like the other contenders' heaps. */
class BenchContenderTest {
  @Test
  void heapSizesReadAsXmxTakesThem() {
    assertEquals(2048, BenchContender.heapMiB("2g"), "2g");
    assertEquals(3072, BenchContender.heapMiB("3G"), "3G");
    assertEquals(1536, BenchContender.heapMiB("1536m"), "1536m");
    assertEquals(2048, BenchContender.heapMiB("2097152k"), "2097152k");
    assertEquals(2048, BenchContender.heapMiB("2147483648"), "bytes");
  }

  @Test
  void duckDbIsLimitedToTheBenchHeapAndSpillsIntoItsOutput(@TempDir Path output) throws Exception {
    String before = System.getProperty("bench.heap");
    System.setProperty("bench.heap", "2g");
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:")) {
      BenchContender.limitDuckDb(connection, output);
      assertEquals("2.0 GiB", setting(connection, "memory_limit"), "memory_limit");
      assertEquals(
          output.resolve("duckdb-spill").toString(),
          setting(connection, "temp_directory"),
          "temp_directory");
      assertTrue(Files.isDirectory(output.resolve("duckdb-spill")), "spill directory made");
    } finally {
      if (before == null) {
        System.clearProperty("bench.heap");
      } else {
        System.setProperty("bench.heap", before);
      }
    }
  }

  @Test
  void duckDbKeepsItsDefaultWhenRunByHand(@TempDir Path output) throws Exception {
    String before = System.getProperty("bench.heap");
    System.clearProperty("bench.heap");
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:")) {
      String defaultLimit = setting(connection, "memory_limit");
      BenchContender.limitDuckDb(connection, output);
      assertEquals(defaultLimit, setting(connection, "memory_limit"), "memory_limit unchanged");
      assertTrue(Files.notExists(output.resolve("duckdb-spill")), "no spill directory");
    } finally {
      if (before != null) {
        System.setProperty("bench.heap", before);
      }
    }
  }

  private static String setting(Connection connection, String name) throws Exception {
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("SELECT current_setting('" + name + "')")) {
      result.next();
      return result.getString(1);
    }
  }
}
