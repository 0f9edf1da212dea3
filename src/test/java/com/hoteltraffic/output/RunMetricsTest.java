package com.hoteltraffic.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run's metrics as the Prometheus text format, the textfile collector and promtool see them.
 */
class RunMetricsTest {
  private static final Instant END = Instant.parse("2026-11-21T02:00:30Z");
  private static final Instant DAY = Instant.parse("2026-11-20T00:00:00Z");

  @TempDir Path dir;

  private static RunMetrics.Run success() {
    return new RunMetrics.Run(
        true,
        END,
        Duration.ofMillis(12_500),
        DAY,
        RunMetrics.seconds(END),
        new RunMetrics.Counts(
            Map.of("casy", 1200L, "hotelbeds", 800L),
            Map.of("casy", Map.of("rate_limited", 30L, "auth", 4L), "hotelbeds", Map.of()),
            7,
            1,
            Map.of("critical", 2L, "warning", 0L),
            3));
  }

  @Test
  void aSuccessfulRunDescribesItselfInGauges() {
    String text = new String(RunMetrics.text(RunMetrics.snapshots(success())), UTF8);

    List<String> samples = samples(text);
    assertEquals(
        List.of(
            "traffic_analyzer_alerts{severity=\"critical\"} 2.0",
            "traffic_analyzer_alerts{severity=\"warning\"} 0.0",
            "traffic_analyzer_corrupt_files 1.0",
            "traffic_analyzer_errors{error_class=\"auth\",provider=\"casy\"} 4.0",
            "traffic_analyzer_errors{error_class=\"rate_limited\",provider=\"casy\"} 30.0",
            "traffic_analyzer_exchanges{provider=\"casy\"} 1200.0",
            "traffic_analyzer_exchanges{provider=\"hotelbeds\"} 800.0",
            "traffic_analyzer_last_run_success 1.0",
            "traffic_analyzer_last_run_timestamp_seconds 1.79522643E9",
            "traffic_analyzer_last_success_timestamp_seconds 1.79522643E9",
            "traffic_analyzer_quarantined_records 7.0",
            "traffic_analyzer_run_day_timestamp_seconds 1.7951328E9",
            "traffic_analyzer_run_duration_seconds 12.5",
            "traffic_analyzer_unresolved_bookings 3.0"),
        samples.stream().sorted().toList(),
        text);
    assertEquals(
        11, text.lines().filter(l -> l.startsWith("# HELP ")).count(), "one help per gauge");
  }

  @Test
  void aFailedRunSaysSoAndKeepsTheLastSuccess() {
    Instant before = Instant.parse("2026-11-20T02:01:00Z");
    RunMetrics.Run failed =
        new RunMetrics.Run(
            false, END, Duration.ofSeconds(3), DAY, RunMetrics.seconds(before), null);

    List<String> samples = samples(new String(RunMetrics.text(RunMetrics.snapshots(failed)), UTF8));

    assertTrue(samples.contains("traffic_analyzer_last_run_success 0.0"), samples.toString());
    assertTrue(
        samples.contains("traffic_analyzer_last_success_timestamp_seconds 1.79514006E9"),
        samples.toString());
    assertFalse(
        samples.stream().anyMatch(s -> s.startsWith("traffic_analyzer_exchanges")),
        "a failed run counts nothing: " + samples);
  }

  @Test
  void theFileIsReplacedWholeAndItsLastSuccessReadBack() throws IOException {
    Path file = dir.resolve("traffic_analyzer.prom");
    Files.writeString(file, "old content\n");

    RunMetrics.writeFile(file, RunMetrics.snapshots(success()));

    assertEquals(
        OptionalDouble.of(END.getEpochSecond() + 0.0), RunMetrics.lastSuccess(file), "read back");
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(file), files.toList(), "no temporary file left beside it");
    }
    assertFalse(Files.readString(file).contains("old content"), "replaced, not appended");
    assertEquals(
        OptionalDouble.empty(), RunMetrics.lastSuccess(dir.resolve("none.prom")), "no file");
    Files.writeString(file, "traffic_analyzer_last_success_timestamp_seconds abc\n");
    IOException bad = assertThrows(IOException.class, () -> RunMetrics.lastSuccess(file));
    assertTrue(bad.getMessage().contains(file.toString()), bad.getMessage());
  }

  @Test
  void promtoolAcceptsTheFile() throws Exception {
    // .ci/run installs Debian's prometheus package, which brings promtool.
    Path promtool = Path.of("/usr/bin/promtool");
    assertTrue(Files.isExecutable(promtool), "promtool is installed (.ci/run installs it)");
    Path file = dir.resolve("traffic_analyzer.prom");
    RunMetrics.writeFile(file, RunMetrics.snapshots(success()));

    Process check =
        new ProcessBuilder(promtool.toString(), "check", "metrics")
            .redirectInput(file.toFile())
            .redirectErrorStream(true)
            .start();
    assertTrue(check.waitFor(60, TimeUnit.SECONDS), "promtool finished");
    String said = new String(check.getInputStream().readAllBytes(), UTF8);
    assertEquals(0, check.exitValue(), "promtool check metrics: " + said);
    assertEquals("", said.strip(), "no lint finding");
  }

  private static final java.nio.charset.Charset UTF8 = StandardCharsets.UTF_8;

  private static List<String> samples(String text) {
    return text.lines().filter(l -> !l.startsWith("#") && !l.isBlank()).toList();
  }
}
