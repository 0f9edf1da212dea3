package com.hoteltraffic.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hoteltraffic.job.AnalyzeConfig;
import com.hoteltraffic.report.alert.AlertSettings;
import com.hoteltraffic.report.alert.AlertThresholds;
import com.hoteltraffic.report.alert.Severity;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The alert options of the command line: {@code --previous}, {@code --fail-on} and the thresholds.
 */
class AlertOptionsTest {
  @TempDir Path dir;
  private String input;
  private String output;
  private String previousRun;

  @BeforeEach
  void files() throws IOException {
    input = Files.writeString(dir.resolve("day1.jsonl"), "{}\n").toString();
    output = dir.resolve("out").toString();
    Path previous = Files.createDirectories(dir.resolve("yesterday"));
    Files.writeString(previous.resolve("run_summary.json"), "{}");
    previousRun = previous.toString();
    Files.createDirectories(dir.resolve("not-a-run"));
  }

  @Test
  void defaults() throws Exception {
    AlertSettings alerts = parse("--input", input, "--output", output).alerts();

    assertEquals(
        AlertSettings.defaults(), alerts, "no previous run, no --fail-on, default thresholds");
    assertEquals(
        new BigDecimal("0.10"), alerts.thresholds().rateRise(), "rate rise default: 10 points");
    assertEquals(
        new BigDecimal("0.50"),
        alerts.thresholds().rateRiseCritical(),
        "critical default: 50 points");
    assertEquals(50, alerts.thresholds().minRequests(), "min requests default");
  }

  @Test
  void everyAlertOption() throws Exception {
    AlertSettings alerts =
        parse(
                "--input",
                input,
                "--output",
                output,
                "--previous",
                previousRun,
                "--fail-on",
                "critical",
                "--alert-rate-rise",
                "5%",
                "--alert-rate-rise-critical=0.25",
                "--alert-min-requests",
                "20")
            .alerts();

    assertEquals(
        new AlertSettings(
            Optional.of(previousRun),
            Optional.of(Severity.CRITICAL),
            new AlertThresholds(new BigDecimal("0.05"), new BigDecimal("0.25"), 20)),
        alerts,
        "every alert option");
    assertEquals(
        Optional.of(Severity.WARNING),
        parse("--input", input, "--output", output, "--fail-on", "warning").alerts().failOn(),
        "--fail-on warning");
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({
    "10%, 0.1",
    "12.5%, 0.125",
    "0.1, 0.1",
    "0.125, 0.125",
    "100%, 1",
    "1, 1",
    "0.01%, 0.0001"
  })
  void sharesAsPercentOrFraction(String text, String expected) throws Exception {
    assertEquals(
        0,
        new BigDecimal(expected).compareTo(AnalyzeOptions.fraction("--alert-rate-rise", text)),
        text + " read as " + expected);
  }

  static Stream<Arguments> usageErrors() {
    return Stream.of(
        Arguments.of(List.of("--fail-on", "info"), List.of("--fail-on", "info")),
        Arguments.of(List.of("--fail-on"), List.of("--fail-on")),
        Arguments.of(List.of("--alert-rate-rise", "0"), List.of("--alert-rate-rise", "0")),
        Arguments.of(List.of("--alert-rate-rise", "0%"), List.of("--alert-rate-rise", "0%")),
        Arguments.of(List.of("--alert-rate-rise", "10"), List.of("--alert-rate-rise", "10")),
        Arguments.of(List.of("--alert-rate-rise", "101%"), List.of("--alert-rate-rise", "101%")),
        Arguments.of(List.of("--alert-rate-rise", "-5%"), List.of("--alert-rate-rise", "-5%")),
        Arguments.of(List.of("--alert-rate-rise", "ten"), List.of("--alert-rate-rise", "ten")),
        Arguments.of(
            List.of("--alert-rate-rise-critical", "5%"),
            List.of("--alert-rate-rise-critical", "5%", "10%")),
        Arguments.of(
            List.of("--alert-rate-rise", "60%"),
            List.of("--alert-rate-rise-critical", "50%", "60%")),
        Arguments.of(List.of("--alert-min-requests", "0"), List.of("--alert-min-requests", "0")),
        Arguments.of(
            List.of("--previous", "MISSING"),
            List.of("--previous", "MISSING", "no such directory")),
        Arguments.of(
            List.of("--previous", "NOT_A_RUN"),
            List.of("--previous", "NOT_A_RUN", "run_summary.json")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("usageErrors")
  void usageErrorIsOneLineNamingTheOption(List<String> args, List<String> named) {
    List<String> real = new ArrayList<>(List.of("--input", input, "--output", output));
    real.addAll(resolve(args));

    UsageException e =
        assertThrows(
            UsageException.class,
            () -> AnalyzeOptions.parse(real.toArray(new String[0]), Map.of()),
            String.join(" ", args));

    assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    for (String name : resolve(named)) {
      assertTrue(e.getMessage().contains(name), "message names " + name + ": " + e.getMessage());
    }
  }

  @Test
  void exitFourLeavesTheJvmAsTheOtherFailuresDo() {
    int[] exited = {-1};
    AnalyzeMain.exit(AnalyzeMain.EXIT_ALERTS, false, code -> exited[0] = code);
    assertEquals(4, exited[0], "client mode: System.exit(4)");
    AnalyzeMain.ExitException e =
        assertThrows(
            AnalyzeMain.ExitException.class,
            () -> AnalyzeMain.exit(AnalyzeMain.EXIT_ALERTS, true, code -> {}),
            "cluster mode throws");
    assertEquals(4, e.exitCode(), "cluster mode: the exception names exit code 4");
    assertTrue(e.getMessage().contains("--fail-on"), e.getMessage());
  }

  private List<String> resolve(List<String> args) {
    return args.stream()
        .map(
            arg ->
                switch (arg) {
                  case "MISSING" -> dir.resolve("missing").toString();
                  case "NOT_A_RUN" -> dir.resolve("not-a-run").toString();
                  default -> arg;
                })
        .toList();
  }

  private static AnalyzeConfig parse(String... args) throws Exception {
    return AnalyzeOptions.parse(args, Map.of());
  }
}
