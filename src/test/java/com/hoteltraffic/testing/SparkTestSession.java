package com.hoteltraffic.testing;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The one Spark setup of the tests: {@code @ExtendWith(SparkTestSession.class)} on a test class
 * gives it one {@code local[2]} session (no UI, few shuffle partitions, UTC) in its static {@link
 * SparkSession} field before its own {@code @BeforeAll} methods run, and stops it after its last
 * test. Small in-memory inputs then run fast, and no class can forget to stop its session.
 */
public final class SparkTestSession implements BeforeAllCallback, AfterAllCallback {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(SparkTestSession.class);

  @Override
  public void beforeAll(ExtensionContext context) throws IllegalAccessException {
    Class<?> testClass = context.getRequiredTestClass();
    Field field = sessionField(testClass);
    SparkSession spark = create(testClass.getSimpleName());
    context.getStore(NAMESPACE).put(testClass, spark);
    field.setAccessible(true);
    field.set(null, spark);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    SparkSession spark =
        context.getStore(NAMESPACE).remove(context.getRequiredTestClass(), SparkSession.class);
    if (spark != null) {
      spark.stop();
    }
  }

  /** A session with the tests' settings, for code that must own its session's life. */
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

  private static Field sessionField(Class<?> testClass) {
    for (Field field : testClass.getDeclaredFields()) {
      if (field.getType() == SparkSession.class && Modifier.isStatic(field.getModifiers())) {
        return field;
      }
    }
    throw new IllegalStateException(
        testClass.getName()
            + " uses SparkTestSession but declares no static SparkSession field to receive it");
  }
}
