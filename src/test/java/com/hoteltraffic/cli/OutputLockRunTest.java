package com.hoteltraffic.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hoteltraffic.output.LockHolder;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two runs on one output through the command line: while another process holds the output's lock, a
 * run fails at once with exit 2 and one line naming the lock file and its holder; once that process
 * is killed (no chance to clean up), the next run takes the lock and succeeds.
 */
class OutputLockRunTest {
  @TempDir Path dir;

  @Test
  void aRunWhileAnotherProcessHoldsTheLockFailsAndAKilledHolderDoesNotBlock() throws Exception {
    Path out = dir.resolve("out");
    String[] args = {
      "--input",
      Path.of("sample-data", "traffic", "casy").toString(),
      "--output",
      out.toString(),
      "--master",
      "local[1]"
    };
    Process holder = startHolder(out);
    try {
      Outcome blocked = run(args);

      assertEquals(
          AnalyzeMain.EXIT_USAGE, blocked.exit(), "exit status; stderr: " + blocked.stderr());
      assertEquals(1, blocked.stderr().size(), "one line: " + blocked.stderr());
      assertTrue(
          blocked
              .stderr()
              .get(0)
              .startsWith(
                  "analyze: --output "
                      + out
                      + ": another run is writing it (lock "
                      + dir.resolve(".out.lock")
                      + " held by pid "
                      + holder.pid()
                      + " on "),
          blocked.stderr().get(0));
      assertTrue(
          blocked.millis() < 60_000, "fails at once, without waiting: " + blocked.millis() + " ms");
      assertTrue(!Files.exists(out), "the blocked run wrote nothing");
    } finally {
      holder.destroyForcibly();
      holder.waitFor(30, TimeUnit.SECONDS);
    }
    assertTrue(
        Files.exists(dir.resolve(".out.lock")), "the killed holder left its lock file behind");

    Outcome after = run(args);

    assertEquals(
        AnalyzeMain.EXIT_OK, after.exit(), "the run after the kill; stderr: " + after.stderr());
    assertTrue(Files.isRegularFile(out.resolve("run_summary.json")), "results written");
    try (var names = Files.list(dir)) {
      assertEquals(
          List.of(".out.lock", "out"),
          names.map(p -> p.getFileName().toString()).sorted().toList(),
          "the holder's staging directory is gone; the lock file stays, released");
    }
  }

  private static Process startHolder(Path out) throws Exception {
    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                LockHolder.class.getName(),
                out.toString())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    BufferedReader stdout =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    assertEquals("locked", stdout.readLine(), "the holder process took the lock");
    return process;
  }

  private record Outcome(int exit, List<String> stderr, long millis) {}

  private static Outcome run(String... args) {
    PrintStream originalErr = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    long start = System.nanoTime();
    int exit;
    try {
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      exit = AnalyzeMain.run(args);
    } finally {
      System.setErr(originalErr);
    }
    return new Outcome(
        exit,
        err.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("analyze:")).toList(),
        (System.nanoTime() - start) / 1_000_000);
  }
}
