package com.hoteltraffic.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hoteltraffic.job.AnalyzeConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the Spark UI and the history server show of a run: its application name and, for every Spark
 * job, the step it belongs to. Read back from the event log a whole run writes, as the history
 * server reads it.
 */
class SparkJobNamesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void everySparkJobOfARunIsNamedAfterItsStep() throws IOException {
    List<String> sample =
        Files.readAllLines(Path.of("sample-data/traffic/proxy/egress.jsonl")).subList(0, 40);
    Path input = Files.createDirectories(dir.resolve("in"));
    Files.write(input.resolve("a.jsonl"), sample.subList(0, 20), StandardCharsets.UTF_8);
    Files.write(input.resolve("b.jsonl"), sample.subList(20, 40), StandardCharsets.UTF_8);
    Path events = Files.createDirectories(dir.resolve("events"));

    int exit =
        AnalyzeMain.run(
            new String[] {
              "--input",
              input.toString(),
              "--output",
              dir.resolve("night-run").toString(),
              "--master",
              "local[2]",
              "--conf",
              "spark.eventLog.enabled=true",
              "--conf",
              "spark.eventLog.dir=" + events.toUri(),
              "--conf",
              "spark.eventLog.compress=false"
            });

    assertEquals(AnalyzeMain.EXIT_OK, exit, "exit status");
    List<JsonNode> log = eventLog(events);
    JsonNode start = first(log, "SparkListenerApplicationStart");
    assertEquals("traffic-analyzer night-run", start.path("App Name").asText(), "app name");
    Set<String> descriptions = new LinkedHashSet<>();
    for (JsonNode job : all(log, "SparkListenerJobStart")) {
      JsonNode properties = job.path("Properties");
      String group = properties.path("spark.jobGroup.id").asText("");
      String description = properties.path("spark.job.description").asText("");
      assertTrue(group.startsWith("traffic-analyzer-"), "job group of job " + job + ": " + group);
      descriptions.add(group.substring("traffic-analyzer-".length()) + ": " + description);
    }
    String megabytes =
        String.format(
            java.util.Locale.ROOT,
            "%.1f",
            (Files.size(input.resolve("a.jsonl")) + Files.size(input.resolve("b.jsonl")))
                / (1024.0 * 1024.0));
    // Small files are one split each, so their lines need no counting job of their own.
    assertEquals(
        List.of(
            "read: read and classify 2 files (" + megabytes + " MB)",
            "merge: merge reports from 2 blocks"),
        List.copyOf(descriptions),
        "the steps, in order, and nothing unnamed");
  }

  @Test
  void aDailyRunIsNamedAfterItsDay() throws Exception {
    AnalyzeConfig daily =
        AnalyzeOptions.parse(
            new String[] {"--input", dir.toString(), "--output", "out", "--date", "2026-11-20"},
            Map.of());
    AnalyzeConfig whole =
        AnalyzeOptions.parse(
            new String[] {"--input", dir.toString(), "--output", "/x/out/"}, Map.of());

    assertEquals("traffic-analyzer 2026-11-20", AnalyzeMain.appName(daily), "daily run");
    assertEquals("traffic-analyzer out", AnalyzeMain.appName(whole), "whole run");
  }

  @Test
  void noStepIsLeftOnTheThreadAfterARun() throws Exception {
    // The job group is a thread-local property: a run must put back what the caller had.
    Path input = Files.createDirectories(dir.resolve("in"));
    Files.write(
        input.resolve("a.jsonl"),
        Files.readAllLines(Path.of("sample-data/traffic/proxy/egress.jsonl")).subList(0, 5));
    org.apache.spark.sql.SparkSession spark =
        AnalyzeMain.session(Optional.of("local[1]"), Map.of(), Map.of(), "caller");
    try {
      spark.sparkContext().setJobGroup("caller-group", "caller's own", false);
      com.hoteltraffic.job.AnalyzeJob.run(
          spark,
          AnalyzeOptions.parse(
              new String[] {"--input", input.toString(), "--output", dir.resolve("o").toString()},
              Map.of()));
      assertEquals(
          "caller-group", spark.sparkContext().getLocalProperty("spark.jobGroup.id"), "group");
      assertEquals(
          "caller's own",
          spark.sparkContext().getLocalProperty("spark.job.description"),
          "description");
      spark.sparkContext().clearJobGroup();
      com.hoteltraffic.job.AnalyzeJob.run(
          spark,
          AnalyzeOptions.parse(
              new String[] {"--input", input.toString(), "--output", dir.resolve("p").toString()},
              Map.of()));
      assertNull(
          spark.sparkContext().getLocalProperty("spark.job.description"),
          "no description left where the caller had none");
    } finally {
      spark.stop();
    }
  }

  /**
   * The run's events: one log file, or with Spark 4's rolling event logs the {@code events_*} files
   * of one {@code eventlog_v2_*} folder, in order.
   */
  private static List<JsonNode> eventLog(Path events) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(events)) {
      files =
          walk.filter(Files::isRegularFile)
              .filter(
                  p -> {
                    String name = p.getFileName().toString();
                    return !name.startsWith(".") && !name.startsWith("appstatus_");
                  })
              .sorted()
              .toList();
    }
    assertTrue(!files.isEmpty(), "no event log under " + events);
    List<JsonNode> log = new ArrayList<>();
    for (Path file : files) {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        log.add(JSON.readTree(line));
      }
    }
    return log;
  }

  private static List<JsonNode> all(List<JsonNode> log, String event) {
    return log.stream().filter(e -> event.equals(e.path("Event").asText())).toList();
  }

  private static JsonNode first(List<JsonNode> log, String event) {
    List<JsonNode> found = all(log, event);
    assertTrue(!found.isEmpty(), "no " + event + " in the event log");
    return found.get(0);
  }
}
