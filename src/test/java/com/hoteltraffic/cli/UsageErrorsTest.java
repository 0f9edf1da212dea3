package com.hoteltraffic.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Command-line mistakes: each exits 2 with exactly one line on stderr that names the problem, and
 * is caught before a SparkSession is built (no session exists afterwards, and the answer comes in
 * well under Spark's start-up time).
 */
class UsageErrorsTest {
  @TempDir Path work;

  /** What one in-process run printed and returned. */
  private record Outcome(int exit, List<String> stderr, String stdout, long millis) {}

  @Test
  void missingInputPath() throws IOException {
    String missing = work.resolve("no-such-dir").toString();
    assertUsageError(
        run("--input", missing, "--output", work.resolve("out").toString()),
        "--input " + missing + ": no such file or directory");
  }

  /**
   * A local input this process may not read. CI runs as root, who may read any file whatever its
   * mode, so the refusal is reached through the check's readability test rather than a chmod.
   */
  @Test
  void unreadableInputFile() throws IOException, UsageException {
    Path file = Files.writeString(work.resolve("locked.jsonl"), "{}\n");
    UsageException refused =
        assertThrows(
            UsageException.class,
            () ->
                AnalyzeOptions.checkLocalPaths(
                    List.of(file.toString()),
                    work.resolve("out").toString(),
                    path -> !path.equals(file)));
    assertEquals(
        "--input " + file + ": not readable", refused.getMessage(), "the one-line message");
    AnalyzeOptions.checkLocalPaths(
        List.of(file.toString()), work.resolve("out").toString(), path -> true);
  }

  @Test
  void outputThatIsAFile() throws IOException {
    Path input = Files.writeString(work.resolve("in.jsonl"), "");
    Path output = Files.writeString(work.resolve("out.txt"), "I am a file");
    assertUsageError(
        run("--input", input.toString(), "--output", output.toString()),
        "--output " + output + ": is a file, not a directory");
  }

  @Test
  void unknownOption() throws IOException {
    Path input = Files.writeString(work.resolve("in.jsonl"), "");
    assertUsageError(
        run(
            "--input",
            input.toString(),
            "--output",
            work.resolve("out").toString(),
            "--frobnicate"),
        "unknown option --frobnicate (see --help)");
  }

  @Test
  void badDuration() throws IOException {
    Path input = Files.writeString(work.resolve("in.jsonl"), "");
    String out = work.resolve("out").toString();
    assertUsageError(
        run("--input", input.toString(), "--output", out, "--window", "5x"),
        "--window \"5x\": not a duration (use e.g. 500ms, 60s, 5m, 1h, 1d)");
    assertUsageError(
        run("--input", input.toString(), "--output", out, "--burst-gap", "0s"),
        "--burst-gap 0s: must be longer than zero");
    assertUsageError(
        run("--input", input.toString(), "--output", out, "--outage-gap", "999999999999d"),
        "--outage-gap 999999999999d: must be at most 3650d");
  }

  @Test
  void strictIsAnOptionNotAUsageError() throws Exception {
    // Parsing only: --strict is accepted and reaches the config.
    assertTrue(
        AnalyzeOptions.parse(
                new String[] {
                  "--input", work.toString(), "--output", work.resolve("out").toString(), "--strict"
                },
                java.util.Map.of())
            .strict(),
        "--strict sets strict");
    assertTrue(
        !AnalyzeOptions.parse(
                new String[] {
                  "--input", work.toString(), "--output", work.resolve("out").toString()
                },
                java.util.Map.of())
            .strict(),
        "strict is off by default");
  }

  private static void assertUsageError(Outcome outcome, String message) {
    assertEquals(
        AnalyzeMain.EXIT_USAGE, outcome.exit(), "exit status; stderr: " + outcome.stderr());
    assertEquals(
        List.of("analyze: " + message),
        outcome.stderr(),
        "exactly one stderr line naming the problem");
    assertEquals("", outcome.stdout(), "nothing on stdout");
    assertTrue(
        SparkSession.getActiveSession().isEmpty() && SparkSession.getDefaultSession().isEmpty(),
        "no SparkSession was built");
    assertTrue(
        outcome.millis() < 3000, "answered before Spark could start: " + outcome.millis() + " ms");
  }

  private static Outcome run(String... args) {
    assertTrue(
        SparkSession.getDefaultSession().isEmpty(), "another test left a SparkSession behind");
    PrintStream originalErr = System.err;
    PrintStream originalOut = System.out;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    long start = System.nanoTime();
    int exit;
    try {
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      exit = AnalyzeMain.run(args);
    } finally {
      System.setErr(originalErr);
      System.setOut(originalOut);
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    return new Outcome(
        exit,
        err.toString(StandardCharsets.UTF_8).lines().toList(),
        out.toString(StandardCharsets.UTF_8),
        millis);
  }
}
