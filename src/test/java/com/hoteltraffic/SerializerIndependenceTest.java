package com.hoteltraffic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hoteltraffic.cli.AnalyzeMainAccess;
import com.hoteltraffic.testing.OutputDiff;
import com.hoteltraffic.testing.SparkTestSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run with {@code spark.serializer=KryoSerializer} writes the same outputs as one with Spark's
 * default (Java) serializer: every CSV and {@code alerts.json} byte for byte, {@code
 * run_summary.json} but for its clock fields, and every Parquet table row for row. Nothing of ours
 * crosses tasks as an object the serializer would have to know: splits go by number, pieces, facts
 * and rows as codec bytes.
 */
class SerializerIndependenceTest {
  private static final String KRYO = "org.apache.spark.serializer.KryoSerializer";

  @TempDir static Path work;
  private static Path javaRun;
  private static Path kryoRun;

  @BeforeAll
  static void runTwice() {
    javaRun = run("java");
    kryoRun = run("kryo", "--conf", "spark.serializer=" + KRYO);
  }

  private static Path run(String name, String... extra) {
    // A live session would keep its own serializer: getOrCreate ignores a new --conf.
    assertTrue(
        SparkSession.getDefaultSession().isEmpty() && SparkSession.getActiveSession().isEmpty(),
        "no Spark session is running before the " + name + " run");
    Path out = work.resolve(name);
    List<String> args =
        new ArrayList<>(
            List.of(
                "--input",
                Path.of("sample-data", "traffic").toString(),
                "--output",
                out.toString(),
                "--master",
                "local[2]"));
    args.addAll(List.of(extra));
    assertEquals(
        0, AnalyzeMainAccess.run(args.toArray(String[]::new)), "exit of the " + name + " run");
    return out;
  }

  @Test
  void reportsAlertsAndSummaryAreTheSame() throws IOException {
    List<String> differences = new ArrayList<>();
    OutputDiff.compareCsvs(javaRun.resolve("reports"), kryoRun.resolve("reports"), differences);
    OutputDiff.compareSummaries(
        javaRun.resolve("run_summary.json"), kryoRun.resolve("run_summary.json"), differences);
    assertEquals(List.of(), differences, "differences of the Kryo run from the Java one");
    assertArrayEquals(
        Files.readAllBytes(javaRun.resolve("alerts.json")),
        Files.readAllBytes(kryoRun.resolve("alerts.json")),
        "alerts.json");
    try (Stream<Path> csvs = Files.list(kryoRun.resolve("reports"))) {
      assertTrue(csvs.count() >= 10, "every report was compared");
    }
    assertTrue(
        Files.size(javaRun.resolve("reports/error_codes.csv")) > 1000,
        "the sample's reports have rows");
  }

  @Test
  void tablesHaveTheSameRows() throws IOException {
    List<String> differences = new ArrayList<>();
    SparkSession spark = SparkTestSession.create("serializer-independence");
    try {
      OutputDiff.compareTables(
          spark, javaRun.resolve("tables"), kryoRun.resolve("tables"), differences);
    } finally {
      spark.stop();
    }
    assertEquals(List.of(), differences, "table differences of the Kryo run from the Java one");
    try (Stream<Path> tables = Files.list(kryoRun.resolve("tables"))) {
      assertTrue(tables.count() >= 10, "every table was compared");
    }
  }
}
