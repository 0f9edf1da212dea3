package com.hoteltraffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hoteltraffic.cli.AnalyzeMainAccess;
import com.hoteltraffic.generate.GeneratorConfig;
import com.hoteltraffic.generate.TrafficGenerator;
import com.hoteltraffic.job.AnalyzeJob;
import com.hoteltraffic.testing.OutputDiff;
import com.hoteltraffic.testing.SparkTestSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A daily run on an archive laid out by day ({@code archive/yyyy/MM/dd/...}, 30 generated days)
 * with a date placeholder in {@code --input} reads only the files of its three days (the day, the
 * day of its look-back, the day of its look-ahead) and writes the same reports, byte for byte, as a
 * daily run over the whole archive.
 */
class DatedArchiveRunTest {
  private static final String DAY = "2026-11-15";
  private static final List<String> READ_DAYS = List.of("2026/11/14", "2026/11/15", "2026/11/16");
  private static final Pattern DAY_IN_NAME = Pattern.compile("-(\\d{4})-(\\d{2})-(\\d{2})\\.");

  @TempDir static Path work;
  private static Path archive;
  private static Path byPlaceholder;
  private static Path whole;
  private static Path firstDay;
  private static int archiveFiles;

  @BeforeAll
  static void generateLayOutAndRun() throws Exception {
    Path generated = work.resolve("generated");
    TrafficGenerator.generate(
        GeneratorConfig.builder()
            .outDir(generated)
            .seed(15)
            .days(30)
            .start(Instant.parse("2026-11-01T00:00:00Z"))
            .exchangesPerDay(150)
            .build());
    archive = layOutByDay(generated.resolve(TrafficGenerator.TRAFFIC_DIR), work.resolve("archive"));

    byPlaceholder = run("{yyyy}/{MM}/{dd}/", DAY, "placeholder");
    whole = run("", DAY, "whole");
    firstDay = run("{yyyy}/{MM}/{dd}", "2026-11-01", "first-day");
  }

  /**
   * Moves the generator's per-day files ({@code casy/app-2026-11-14.jsonl.gz}) to {@code
   * archive/2026/11/14/casy/...}; the files that span every day (proxy log, HAR captures) have no
   * day and stay out of this archive.
   */
  private static Path layOutByDay(Path traffic, Path archive) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(traffic)) {
      files = walk.filter(Files::isRegularFile).toList();
    }
    int moved = 0;
    for (Path file : files) {
      Matcher day = DAY_IN_NAME.matcher(file.getFileName().toString());
      if (day.find()) {
        Path target =
            archive
                .resolve(day.group(1))
                .resolve(day.group(2))
                .resolve(day.group(3))
                .resolve(traffic.relativize(file));
        Files.createDirectories(target.getParent());
        Files.move(file, target);
        moved++;
      }
    }
    assertTrue(moved >= 60, "30 days of per-day files: " + moved);
    archiveFiles = moved;
    return archive;
  }

  private static Path run(String layout, String date, String name) {
    Path out = work.resolve("out-" + name);
    int exit =
        AnalyzeMainAccess.run(
            "--input",
            archive + "/" + layout,
            "--output",
            out.toString(),
            "--date",
            date,
            "--master",
            "local[2]");
    assertEquals(0, exit, "exit status of the " + name + " run");
    return out.resolve("date=" + date);
  }

  @Test
  void readsExactlyTheFilesOfItsThreeDays() throws IOException {
    List<String> expected = new ArrayList<>();
    for (String day : READ_DAYS) {
      try (Stream<Path> walk = Files.walk(archive.resolve(day))) {
        walk.filter(Files::isRegularFile).forEach(f -> expected.add("file:" + f.toAbsolutePath()));
      }
    }
    expected.sort(null);
    for (String day : READ_DAYS) {
      assertTrue(
          expected.stream().anyMatch(f -> f.contains("/" + day + "/")),
          "files on " + day + ": " + expected);
    }

    assertEquals(expected, filesRead(byPlaceholder), "run_summary.json files");
    assertEquals(
        List.of(archive + "/{yyyy}/{MM}/{dd}/"),
        texts(summary(byPlaceholder).get("inputs")),
        "the input as given");
    assertEquals(archiveFiles, filesRead(whole).size(), "the whole archive, for comparison");
  }

  @Test
  void reportsAreByteIdenticalToReadingTheWholeArchive() throws IOException {
    List<String> differences = new ArrayList<>();
    OutputDiff.compareCsvs(byPlaceholder.resolve("reports"), whole.resolve("reports"), differences);
    SparkSession spark = SparkTestSession.create("dated-archive");
    try {
      OutputDiff.compareTables(
          spark, byPlaceholder.resolve("tables"), whole.resolve("tables"), differences);
    } finally {
      spark.stop();
    }
    assertEquals(List.of(), differences, "differences between the dated and the whole-archive run");
    assertEquals(
        summary(whole).get("counts").get("exchanges_in_day").asLong(),
        summary(byPlaceholder).get("counts").get("exchanges_in_day").asLong(),
        "exchanges in the day");
    assertTrue(
        summary(whole).get("counts").get("exchanges_in_day").asLong() > 50,
        "the day has traffic: " + summary(whole).get("counts"));
    try (Stream<Path> csvs = Files.list(byPlaceholder.resolve("reports"))) {
      assertTrue(csvs.count() >= 5, "reports were compared");
    }
  }

  @Test
  void aDayMissingFromTheArchiveIsSkippedAndListed() throws IOException {
    JsonNode summary = summary(firstDay);
    List<String> skipped = new ArrayList<>();
    summary
        .get("skipped_files")
        .forEach(s -> skipped.add(s.get("path").asText() + " | " + s.get("reason").asText()));

    assertEquals(
        List.of(archive + "/2026/10/31 | no input for 2026-10-31 (date placeholder)"),
        skipped,
        "the look-back's day is not in the archive");
    List<String> firstTwoDays = new ArrayList<>();
    for (String day : List.of("2026/11/01", "2026/11/02")) {
      try (Stream<Path> walk = Files.walk(archive.resolve(day))) {
        walk.filter(Files::isRegularFile)
            .forEach(f -> firstTwoDays.add("file:" + f.toAbsolutePath()));
      }
    }
    firstTwoDays.sort(null);
    assertEquals(firstTwoDays, filesRead(firstDay), "the two days that exist");
  }

  private static List<String> filesRead(Path runOutput) throws IOException {
    List<String> paths = new ArrayList<>();
    summary(runOutput).get("files").forEach(f -> paths.add(f.get("path").asText()));
    return paths;
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(node -> texts.add(node.asText()));
    return texts;
  }

  private static JsonNode summary(Path runOutput) throws IOException {
    return new ObjectMapper().readTree(runOutput.resolve(AnalyzeJob.SUMMARY_FILE).toFile());
  }
}
