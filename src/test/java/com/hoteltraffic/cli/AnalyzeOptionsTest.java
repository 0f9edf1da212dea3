package com.hoteltraffic.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hoteltraffic.ingest.InputFormat;
import com.hoteltraffic.job.AnalyzeConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
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

class AnalyzeOptionsTest {
  private static final Map<String, String> NO_ENV = Map.of();

  @TempDir Path dir;
  private String input;
  private String otherInput;
  private String output;
  private String providers;

  @BeforeEach
  void files() throws IOException {
    input = Files.writeString(dir.resolve("day1.jsonl"), "{}\n").toString();
    otherInput = Files.createDirectories(dir.resolve("archive")).toString();
    providers = Files.writeString(dir.resolve("providers.json"), "{}").toString();
    output = dir.resolve("out").toString();
  }

  @Test
  void defaults() throws Exception {
    AnalyzeConfig config = parse(NO_ENV, "--input", input, "--output", output);

    assertEquals(List.of(input), config.inputs(), "inputs");
    assertEquals(output, config.output(), "output");
    assertEquals(Optional.empty(), config.format(), "format");
    assertEquals(Duration.ofHours(1), config.window(), "window");
    assertEquals(ZoneId.of("UTC"), config.zone(), "timezone");
    assertEquals(Duration.ofSeconds(60), config.burstGap(), "burst gap");
    assertEquals(Duration.ofSeconds(90), config.listLag(), "list lag");
    assertEquals(5, config.burstMin(), "burst min");
    assertEquals(Duration.ofMinutes(5), config.outageGap(), "outage gap");
    assertEquals(3, config.outageMin(), "outage min");
    assertNull(config.tokenKey(), "token key");
    assertEquals("none", config.tokenKeySource(), "token key source");
    assertEquals(Optional.empty(), config.providersFile(), "providers");
    assertEquals(Optional.empty(), config.master(), "master");
    assertFalse(config.includePii(), "include PII");
    assertFalse(config.verbose(), "verbose");
  }

  @Test
  void everyOption() throws Exception {
    String keyFile = Files.writeString(dir.resolve("key"), "k3y").toString();
    AnalyzeConfig config =
        parse(
            NO_ENV,
            "--input",
            input,
            "--output",
            output,
            "--format",
            "har",
            "--window",
            "15m",
            "--timezone",
            "Europe/Zurich",
            "--burst-gap",
            "30s",
            "--burst-min",
            "7",
            "--outage-gap",
            "2h",
            "--outage-min",
            "4",
            "--token-key-file",
            keyFile,
            "--providers",
            providers,
            "--master",
            "spark://h:7077",
            "--include-pii",
            "--verbose",
            "--list-lag",
            "2m");

    assertEquals(Optional.of(InputFormat.HAR), config.format(), "format");
    assertEquals(Duration.ofMinutes(15), config.window(), "window");
    assertEquals(ZoneId.of("Europe/Zurich"), config.zone(), "timezone");
    assertEquals(Duration.ofSeconds(30), config.burstGap(), "burst gap");
    assertEquals(7, config.burstMin(), "burst min");
    assertEquals(Duration.ofHours(2), config.outageGap(), "outage gap");
    assertEquals(4, config.outageMin(), "outage min");
    assertEquals(Duration.ofMinutes(2), config.listLag(), "list lag");
    assertArrayEquals("k3y".getBytes(StandardCharsets.UTF_8), config.tokenKey(), "token key");
    assertEquals("file", config.tokenKeySource(), "token key source");
    assertEquals(Optional.of(providers), config.providersFile(), "providers");
    assertEquals(Optional.of("spark://h:7077"), config.master(), "master");
    assertTrue(config.includePii(), "include PII");
    assertTrue(config.verbose(), "verbose");
  }

  @Test
  void optionEqualsValueForm() throws Exception {
    AnalyzeConfig config =
        parse(
            NO_ENV,
            "--input=" + input,
            "--output=" + output,
            "--window=1d",
            "--timezone=America/New_York",
            "--burst-min=9",
            "--format=JSONL",
            "--master=local[1]");

    assertEquals(List.of(input), config.inputs(), "inputs");
    assertEquals(output, config.output(), "output");
    assertEquals(Duration.ofDays(1), config.window(), "window");
    assertEquals(ZoneId.of("America/New_York"), config.zone(), "timezone");
    assertEquals(9, config.burstMin(), "burst min");
    assertEquals(Optional.of(InputFormat.JSONL), config.format(), "format");
    assertEquals(Optional.of("local[1]"), config.master(), "master");
  }

  @Test
  void severalPathsAfterOneInput() throws Exception {
    String glob = dir.resolve("*.jsonl").toString();
    AnalyzeConfig config =
        parse(NO_ENV, "--input", input, otherInput, glob, "hdfs://nn/traffic", "--output", output);

    assertEquals(
        List.of(input, otherInput, glob, "hdfs://nn/traffic"), config.inputs(), "inputs in order");
  }

  @Test
  void repeatedInput() throws Exception {
    AnalyzeConfig config =
        parse(NO_ENV, "--input", input, "--output", output, "--input", otherInput);

    assertEquals(List.of(input, otherInput), config.inputs(), "inputs in order");
  }

  @ParameterizedTest
  @CsvSource({"500ms, PT0.5S", "60s, PT1M", "5m, PT5M", "5min, PT5M", "2h, PT2H", "1d, PT24H"})
  void durationUnits(String text, String expected) throws Exception {
    AnalyzeConfig config =
        parse(NO_ENV, "--input", input, "--output", output, "--outage-gap", text);

    assertEquals(Duration.parse(expected), config.outageGap(), "--outage-gap " + text);
  }

  @Test
  void keyFromFileIsStrippedOfSurroundingWhiteSpace() throws Exception {
    String keyFile = Files.writeString(dir.resolve("key"), "  s3cret key\n\n").toString();

    AnalyzeConfig config =
        parse(
            Map.of(AnalyzeOptions.TOKEN_KEY_ENV, "from-env"),
            "--input",
            input,
            "--output",
            output,
            "--token-key-file",
            keyFile);

    assertArrayEquals(
        "s3cret key".getBytes(StandardCharsets.UTF_8), config.tokenKey(), "file key, stripped");
    assertEquals("file", config.tokenKeySource(), "the file wins over the environment");
  }

  @Test
  void keyFromEnvironment() throws Exception {
    AnalyzeConfig config =
        parse(
            Map.of(AnalyzeOptions.TOKEN_KEY_ENV, "env-key"), "--input", input, "--output", output);

    assertArrayEquals(
        "env-key".getBytes(StandardCharsets.UTF_8), config.tokenKey(), "environment key");
    assertEquals("environment", config.tokenKeySource(), "token key source");
  }

  @Test
  void emptyEnvironmentKeyIsNoKey() throws Exception {
    AnalyzeConfig config =
        parse(Map.of(AnalyzeOptions.TOKEN_KEY_ENV, ""), "--input", input, "--output", output);

    assertNull(config.tokenKey(), "token key");
    assertEquals("none", config.tokenKeySource(), "token key source");
  }

  @Test
  void toStringNeverShowsTheKey() throws Exception {
    String secret = "Very-Secret-Key-4711";
    String keyFile = Files.writeString(dir.resolve("key"), secret).toString();
    AnalyzeConfig fromFile =
        parse(NO_ENV, "--input", input, "--output", output, "--token-key-file", keyFile);
    AnalyzeConfig fromEnv =
        parse(Map.of(AnalyzeOptions.TOKEN_KEY_ENV, secret), "--input", input, "--output", output);

    for (AnalyzeConfig config : List.of(fromFile, fromEnv)) {
      String text = config.toString();
      assertFalse(text.contains(secret), "key in " + text);
      assertFalse(
          text.contains(Arrays.toString(secret.getBytes(StandardCharsets.UTF_8))),
          "key bytes in " + text);
      assertTrue(
          text.contains("tokenKey=" + config.tokenKeySource()), "key source shown in " + text);
    }
  }

  @Test
  void tokenKeyIsACopy() throws Exception {
    AnalyzeConfig config =
        parse(Map.of(AnalyzeOptions.TOKEN_KEY_ENV, "abc"), "--input", input, "--output", output);

    config.tokenKey()[0] = 'X';

    assertArrayEquals(
        "abc".getBytes(StandardCharsets.UTF_8), config.tokenKey(), "key unchanged by a caller");
  }

  @Test
  void helpIsNotAnError() {
    assertThrows(AnalyzeOptions.HelpRequested.class, () -> parse(NO_ENV, "--help"), "--help");
    assertThrows(AnalyzeOptions.HelpRequested.class, () -> parse(NO_ENV, "-h"), "-h");
    assertThrows(
        AnalyzeOptions.HelpRequested.class,
        () -> parse(NO_ENV, "--input", "a", "-h"),
        "-h after input paths is the help, not a path");
  }

  /**
   * Each case: the arguments (ARGS is replaced by a valid --input/--output), and what the message
   * must name.
   */
  static Stream<Arguments> usageErrors() {
    return Stream.of(
        Arguments.of("unknown option", List.of("ARGS", "--bogus"), List.of("--bogus")),
        Arguments.of("stray argument", List.of("ARGS", "stray"), List.of("stray")),
        Arguments.of("missing --input", List.of("--output", "OUT"), List.of("--input")),
        Arguments.of("missing --output", List.of("--input", "IN"), List.of("--output")),
        Arguments.of(
            "--input with no path", List.of("--input", "--output", "OUT"), List.of("--input")),
        Arguments.of(
            "--input at the end", List.of("--output", "OUT", "--input"), List.of("--input")),
        Arguments.of(
            "--input= with no path", List.of("--input=", "--output", "OUT"), List.of("--input")),
        Arguments.of(
            "--output with no value", List.of("--input", "IN", "--output"), List.of("--output")),
        Arguments.of(
            "--output= with no value", List.of("--input", "IN", "--output="), List.of("--output")),
        Arguments.of(
            "missing local input",
            List.of("--input", "MISSING", "--output", "OUT"),
            List.of("--input", "MISSING")),
        Arguments.of(
            "output is a file", List.of("--input", "IN", "--output", "IN"), List.of("--output")),
        Arguments.of("window abc", List.of("ARGS", "--window", "abc"), List.of("--window", "abc")),
        Arguments.of("window 0s", List.of("ARGS", "--window", "0s"), List.of("--window", "0s")),
        Arguments.of("window 5x", List.of("ARGS", "--window", "5x"), List.of("--window", "5x")),
        Arguments.of("window -5s", List.of("ARGS", "--window", "-5s"), List.of("--window", "-5s")),
        Arguments.of("window without value", List.of("ARGS", "--window"), List.of("--window")),
        Arguments.of(
            "burst gap 5x", List.of("ARGS", "--burst-gap", "5x"), List.of("--burst-gap", "5x")),
        Arguments.of(
            "list lag 5x", List.of("ARGS", "--list-lag", "5x"), List.of("--list-lag", "5x")),
        Arguments.of(
            "outage gap 0s", List.of("ARGS", "--outage-gap", "0s"), List.of("--outage-gap", "0s")),
        Arguments.of(
            "burst min 0", List.of("ARGS", "--burst-min", "0"), List.of("--burst-min", "0")),
        Arguments.of(
            "burst min x", List.of("ARGS", "--burst-min", "x"), List.of("--burst-min", "x")),
        Arguments.of(
            "outage min -1", List.of("ARGS", "--outage-min", "-1"), List.of("--outage-min", "-1")),
        Arguments.of(
            "bad timezone",
            List.of("ARGS", "--timezone", "Mars/Olympus"),
            List.of("--timezone", "Mars/Olympus")),
        Arguments.of("bad format", List.of("ARGS", "--format", "csv"), List.of("--format", "csv")),
        Arguments.of(
            "empty key file",
            List.of("ARGS", "--token-key-file", "EMPTY_KEY"),
            List.of("--token-key-file", "EMPTY_KEY")),
        Arguments.of(
            "missing key file",
            List.of("ARGS", "--token-key-file", "MISSING"),
            List.of("--token-key-file", "MISSING")),
        Arguments.of(
            "missing providers file",
            List.of("ARGS", "--providers", "MISSING"),
            List.of("--providers", "MISSING")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("usageErrors")
  void usageErrorIsOneLineNamingTheOption(String description, List<String> args, List<String> named)
      throws IOException {
    Files.writeString(dir.resolve("empty.key"), " \n");
    String[] real = resolve(args).toArray(new String[0]);

    UsageException e =
        assertThrows(UsageException.class, () -> AnalyzeOptions.parse(real, NO_ENV), description);

    String message = e.getMessage();
    assertFalse(
        message.contains("\n") || message.contains("\r"), description + ": one line: " + message);
    for (String name : resolve(named)) {
      assertTrue(message.contains(name), description + ": message names " + name + ": " + message);
    }
  }

  /** Replaces the placeholders of {@link #usageErrors} with real paths of this test's folder. */
  private List<String> resolve(List<String> args) {
    List<String> real = new ArrayList<>();
    for (String arg : args) {
      switch (arg) {
        case "ARGS" -> real.addAll(List.of("--input", input, "--output", output));
        case "IN" -> real.add(input);
        case "OUT" -> real.add(output);
        case "MISSING" -> real.add(dir.resolve("missing").toString());
        case "EMPTY_KEY" -> real.add(dir.resolve("empty.key").toString());
        default -> real.add(arg);
      }
    }
    return real;
  }

  private static AnalyzeConfig parse(Map<String, String> environment, String... args)
      throws Exception {
    return AnalyzeOptions.parse(args, environment);
  }
}
