package com.hoteltraffic.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exit codes and messages of the command line for the cases that end before Spark starts. */
class AnalyzeMainTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream originalOut;
  private PrintStream originalErr;

  @TempDir Path dir;

  @BeforeEach
  void captureConsole() {
    originalOut = System.out;
    originalErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restoreConsole() {
    System.setOut(originalOut);
    System.setErr(originalErr);
  }

  @Test
  void unknownOptionExitsWithTwoAndOneLine() {
    int code = AnalyzeMain.run(new String[] {"--bogus"});

    assertEquals(AnalyzeMain.EXIT_USAGE, code, "exit status");
    assertEquals(
        "analyze: unknown option --bogus (see --help)" + System.lineSeparator(),
        stderr(),
        "stderr");
    assertEquals("", stdout(), "stdout");
    assertNoSpark();
  }

  @Test
  void missingInputPathExitsWithTwoAndOneLine() {
    String missing = dir.resolve("missing.jsonl").toString();

    int code =
        AnalyzeMain.run(
            new String[] {"--input", missing, "--output", dir.resolve("out").toString()});

    assertEquals(AnalyzeMain.EXIT_USAGE, code, "exit status");
    String[] lines = stderr().split(System.lineSeparator());
    assertEquals(1, lines.length, "one line: " + stderr());
    assertTrue(
        lines[0].startsWith("analyze: --input " + missing),
        "names the option and path: " + lines[0]);
    assertNoSpark();
  }

  @Test
  void badValueExitsWithTwoAndOneLine() throws IOException {
    String input = Files.writeString(dir.resolve("a.jsonl"), "{}\n").toString();

    int code =
        AnalyzeMain.run(
            new String[] {
              "--input", input, "--output", dir.resolve("out").toString(), "--window", "abc"
            });

    assertEquals(AnalyzeMain.EXIT_USAGE, code, "exit status");
    String[] lines = stderr().split(System.lineSeparator());
    assertEquals(1, lines.length, "one line: " + stderr());
    assertTrue(
        lines[0].startsWith("analyze: --window \"abc\""),
        "names the option and value: " + lines[0]);
    assertNoSpark();
  }

  @Test
  void badReportWindowSettingExitsWithTwoAndOneLineBeforeTheRead() throws IOException {
    String input = Files.writeString(dir.resolve("a.jsonl"), "{}\n").toString();
    Path out = dir.resolve("out");

    int code =
        AnalyzeMain.run(
            new String[] {
              "--input",
              input,
              "--output",
              out.toString(),
              "--conf",
              "spark.hoteltraffic.reportWindow=lots"
            });

    assertEquals(AnalyzeMain.EXIT_USAGE, code, "exit status");
    assertEquals(
        "analyze: spark.hoteltraffic.reportWindow must be a whole number of rows, not \"lots\""
            + System.lineSeparator(),
        stderr(),
        "one line naming the setting and its value");
    assertTrue(Files.notExists(out), "nothing was read or written");
  }

  @Test
  void noArgumentsIsAUsageError() {
    int code = AnalyzeMain.run(new String[0]);

    assertEquals(AnalyzeMain.EXIT_USAGE, code, "exit status");
    assertEquals("analyze: --input is required" + System.lineSeparator(), stderr(), "stderr");
    assertNoSpark();
  }

  @Test
  void helpExitsWithZeroAndPrintsUsage() {
    int code = AnalyzeMain.run(new String[] {"--help"});

    assertEquals(AnalyzeMain.EXIT_OK, code, "exit status");
    assertEquals(AnalyzeOptions.USAGE + System.lineSeparator(), stdout(), "stdout");
    assertEquals("", stderr(), "stderr");
    assertNoSpark();
  }

  private String stdout() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }

  private static void assertNoSpark() {
    assertTrue(SparkSession.getDefaultSession().isEmpty(), "no SparkSession was started");
    assertTrue(SparkSession.getActiveSession().isEmpty(), "no active SparkSession");
  }
}
