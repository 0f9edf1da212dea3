package com.hoteltraffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hoteltraffic.cli.AnalyzeMainAccess;
import com.hoteltraffic.generate.GeneratorConfig;
import com.hoteltraffic.generate.TrafficGenerator;
import com.hoteltraffic.testing.TrafficLines;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Daily runs into Iceberg and Delta tables ({@code --tables}): three days, then the middle day
 * rerun with fewer exchanges and with none. Each day's rows are read back through Spark SQL by
 * table name and must be exactly the day's valid recorded exchanges (and each report's rows exactly
 * what the same run wrote to its CSV): a rerun never duplicates or keeps stale rows, other days are
 * untouched, and the table's history still holds the day as it was before the rerun.
 */
class LakehouseTablesTest {
  private static final List<String> DAYS = List.of("2026-11-18", "2026-11-19", "2026-11-20");
  private static final String MIDDLE = DAYS.get(1);

  @TempDir static Path work;
  private static Path generated;

  @BeforeAll
  static void generate() throws IOException {
    generated = work.resolve("generated");
    TrafficGenerator.generate(
        GeneratorConfig.builder()
            .outDir(generated)
            .seed(24)
            .days(3)
            .start(Instant.parse("2026-11-18T00:00:00Z"))
            .exchangesPerDay(150)
            .build());
  }

  @ParameterizedTest
  @ValueSource(strings = {"iceberg", "delta"})
  void aRerunReplacesExactlyItsDay(String format) throws IOException {
    Path input = work.resolve(format + "-in");
    Path out = work.resolve(format + "-out");
    copyDayFiles(input, DAYS);
    Map<String, Long> expected = new LinkedHashMap<>();
    for (String day : DAYS) {
      expected.put(day, validExchanges(day));
      run(format, input, out, day);
    }
    Map<String, Long> reportsOfMiddle = reportRows(out, MIDDLE);
    String historic = lastVersion(format, out);

    // Fewer exchanges for the middle day: one of its files is gone.
    Files.delete(dayFiles(input, MIDDLE).get(0));
    run(format, input, out, MIDDLE);
    Map<String, Long> fewer = new LinkedHashMap<>(expected);
    fewer.put(MIDDLE, validInInput(input, MIDDLE));
    assertTrue(fewer.get(MIDDLE) < expected.get(MIDDLE), "the rerun has fewer: " + fewer);
    assertDays(format, out, fewer, reportRows(out, MIDDLE));

    // None at all.
    for (Path file : dayFiles(input, MIDDLE)) {
      Files.delete(file);
    }
    run(format, input, out, MIDDLE);
    Map<String, Long> none = new LinkedHashMap<>(expected);
    none.put(MIDDLE, 0L);
    assertDays(format, out, none, reportRows(out, MIDDLE));

    try (SparkSession spark = reader(format, out)) {
      assertEquals(
          expected.get(MIDDLE),
          count(spark, table(format, out, "exchanges") + " " + historic, "day", MIDDLE),
          "time travel to the version before the reruns");
    }
    assertTrue(
        reportsOfMiddle.get("error_codes") > 0, "the first run had rows: " + reportsOfMiddle);
  }

  /** Every report table's rows of {@code day} against what the day's run wrote to its CSVs. */
  private static void assertDays(
      String format, Path out, Map<String, Long> exchanges, Map<String, Long> reports)
      throws IOException {
    try (SparkSession spark = reader(format, out)) {
      for (Map.Entry<String, Long> day : exchanges.entrySet()) {
        assertEquals(
            day.getValue(),
            count(spark, table(format, out, "exchanges"), "day", day.getKey()),
            format + " exchanges of " + day.getKey());
      }
      for (Map.Entry<String, Long> report : reports.entrySet()) {
        assertEquals(
            report.getValue(),
            count(spark, table(format, out, report.getKey()), "run_date", MIDDLE),
            format + " " + report.getKey() + " of " + MIDDLE);
      }
    }
  }

  private static void run(String format, Path input, Path out, String day) {
    int exit =
        AnalyzeMainAccess.run(
            "--input",
            input.toString(),
            "--output",
            out.toString(),
            "--date",
            day,
            "--tables",
            format,
            "--master",
            "local[2]");
    assertEquals(0, exit, format + " run of " + day);
  }

  /** A session that reads the tables as a notebook would, configured as the runs were. */
  private static SparkSession reader(String format, Path out) {
    return com.hoteltraffic.cli.AnalyzeMainAccess.readerSession(
        format, out.resolve("warehouse").toUri().toString());
  }

  private static String table(String format, Path out, String name) {
    return format.equals("iceberg")
        ? "traffic_analyzer.traffic." + name
        : "delta.`" + out.resolve("warehouse/traffic/" + name).toUri() + "`";
  }

  private static long count(SparkSession spark, String table, String column, String day) {
    Row row =
        spark
            .sql("SELECT count(*) FROM " + table + " WHERE " + column + " = DATE'" + day + "'")
            .first();
    return row.getLong(0);
  }

  /** The version clause that reads a table as it is now: a snapshot id or a Delta version. */
  private static String lastVersion(String format, Path out) throws IOException {
    try (SparkSession spark = reader(format, out)) {
      if (format.equals("iceberg")) {
        long id =
            spark
                .sql(
                    "SELECT snapshot_id FROM traffic_analyzer.traffic.exchanges.snapshots"
                        + " ORDER BY committed_at DESC LIMIT 1")
                .first()
                .getLong(0);
        return "VERSION AS OF " + id;
      }
      long version =
          spark
              .sql("DESCRIBE HISTORY " + table(format, out, "exchanges"))
              .selectExpr("max(version)")
              .first()
              .getLong(0);
      return "VERSION AS OF " + version;
    }
  }

  private static Map<String, Long> reportRows(Path out, String day) throws IOException {
    Map<String, Long> rows = new LinkedHashMap<>();
    try (Stream<Path> csvs = Files.list(out.resolve("date=" + day).resolve("reports"))) {
      for (Path csv : csvs.sorted().toList()) {
        String name = csv.getFileName().toString().replace(".csv", "");
        rows.put(
            name,
            (long)
                org.apache.commons.csv.CSVFormat.RFC4180
                    .builder()
                    .setHeader()
                    .get()
                    .parse(Files.newBufferedReader(csv))
                    .getRecords()
                    .size());
      }
    }
    return rows;
  }

  private static void copyDayFiles(Path input, List<String> days) throws IOException {
    for (String day : days) {
      for (Path file : dayFiles(generated.resolve(TrafficGenerator.TRAFFIC_DIR), day)) {
        Path target =
            input.resolve(generated.resolve(TrafficGenerator.TRAFFIC_DIR).relativize(file));
        Files.createDirectories(target.getParent());
        Files.copy(file, target);
      }
    }
  }

  /** The JSON Lines files of one UTC day (the generator rotates them at midnight). */
  private static List<Path> dayFiles(Path root, String day) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(p -> p.getFileName().toString().contains("-" + day + ".jsonl"))
          .sorted()
          .toList();
    }
  }

  private static long validExchanges(String day) throws IOException {
    return validInFiles(dayFiles(generated.resolve(TrafficGenerator.TRAFFIC_DIR), day));
  }

  private static long validInInput(Path input, String day) throws IOException {
    return validInFiles(dayFiles(input, day));
  }

  private static long validInFiles(List<Path> files) throws IOException {
    long valid = 0;
    for (Path file : files) {
      Path alone = Files.createTempDirectory(work, "count");
      Files.copy(file, alone.resolve(file.getFileName()));
      valid += TrafficLines.validJsonLines(alone).size();
    }
    return valid;
  }
}
