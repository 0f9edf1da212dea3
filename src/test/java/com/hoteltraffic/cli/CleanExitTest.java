package com.hoteltraffic.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How {@code main} ends: success returns normally (no System.exit, which would make YARN's
 * ApplicationMaster record a cluster-mode run as FAILED and retry it); a failure calls System.exit
 * with its code in client mode and throws with the code in its message in cluster mode.
 */
class CleanExitTest {
  private final List<Integer> exits = new ArrayList<>();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream originalErr;

  @TempDir Path dir;

  @BeforeEach
  void captureStderr() {
    originalErr = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restoreStderr() {
    System.setErr(originalErr);
  }

  @Test
  void successReturnsNormallyInBothModesAndStopsSpark() {
    for (boolean cluster : new boolean[] {false, true}) {
      Path out = dir.resolve("out-" + cluster);
      AnalyzeMain.main(
          new String[] {
            "--input",
            Path.of("sample-data", "traffic").toString(),
            "--output",
            out.toString(),
            "--master",
            "local[1]"
          },
          cluster,
          exits::add);

      assertEquals(List.of(), exits, "no System.exit on success (cluster mode " + cluster + ")");
      assertTrue(Files.isDirectory(out.resolve("reports")), "the run wrote its reports");
      assertTrue(
          SparkSession.getDefaultSession().isEmpty() && SparkSession.getActiveSession().isEmpty(),
          "the SparkSession was stopped");
    }
  }

  @Test
  void helpReturnsNormally() {
    PrintStream originalOut = System.out;
    try {
      System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
      AnalyzeMain.main(new String[] {"--help"}, true, exits::add);
      AnalyzeMain.main(new String[] {"--help"}, false, exits::add);
    } finally {
      System.setOut(originalOut);
    }
    assertEquals(List.of(), exits, "no System.exit for --help");
  }

  @Test
  void usageErrorExitsWithTwoInClientMode() {
    AnalyzeMain.main(new String[] {"--bogus"}, false, exits::add);

    assertEquals(List.of(AnalyzeMain.EXIT_USAGE), exits, "System.exit(2)");
    assertEquals(
        "analyze: unknown option --bogus (see --help)" + System.lineSeparator(),
        err.toString(StandardCharsets.UTF_8),
        "the one-line reason on stderr");
  }

  @Test
  void failureThrowsWithTheCodeInClusterMode() {
    String missing = dir.resolve("missing").toString();
    AnalyzeMain.ExitException thrown =
        assertThrows(
            AnalyzeMain.ExitException.class,
            () ->
                AnalyzeMain.main(
                    new String[] {"--input", missing, "--output", dir.resolve("out").toString()},
                    true,
                    exits::add));

    assertEquals(List.of(), exits, "no System.exit in cluster mode");
    assertEquals(AnalyzeMain.EXIT_USAGE, thrown.exitCode(), "exit code");
    assertTrue(
        thrown.getMessage().contains("exit code 2"), "code in the message: " + thrown.getMessage());
    assertTrue(
        err.toString(StandardCharsets.UTF_8).startsWith("analyze: --input " + missing),
        "the reason is still on stderr: " + err);
  }

  @Test
  void everyFailureCodeFollowsTheMode() {
    for (int code :
        new int[] {
          AnalyzeMain.EXIT_FAILURE, AnalyzeMain.EXIT_USAGE, AnalyzeMain.EXIT_CORRUPT_INPUT
        }) {
      AnalyzeMain.ExitException thrown =
          assertThrows(
              AnalyzeMain.ExitException.class, () -> AnalyzeMain.exit(code, true, exits::add));
      assertEquals(code, thrown.exitCode());
      assertTrue(thrown.getMessage().contains("exit code " + code), thrown.getMessage());
      AnalyzeMain.exit(code, false, exits::add);
    }
    assertEquals(List.of(1, 2, 3), exits, "client mode exits with each code");
    AnalyzeMain.exit(AnalyzeMain.EXIT_OK, false, exits::add);
    AnalyzeMain.exit(AnalyzeMain.EXIT_OK, true, exits::add);
    assertEquals(List.of(1, 2, 3), exits, "success never exits");
  }

  @Test
  void clusterModeIsReadFromSparkSubmitsProperty() {
    String before = System.getProperty("spark.submit.deployMode");
    try {
      System.clearProperty("spark.submit.deployMode");
      assertTrue(!AnalyzeMain.clusterDeployMode(), "no property: client/embedded");
      System.setProperty("spark.submit.deployMode", "client");
      assertTrue(!AnalyzeMain.clusterDeployMode(), "client");
      System.setProperty("spark.submit.deployMode", "cluster");
      assertTrue(AnalyzeMain.clusterDeployMode(), "cluster");
    } finally {
      if (before == null) {
        System.clearProperty("spark.submit.deployMode");
      } else {
        System.setProperty("spark.submit.deployMode", before);
      }
    }
  }
}
