package com.hoteltraffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hoteltraffic.cli.AnalyzeMainAccess;
import com.hoteltraffic.generate.GeneratorConfig;
import com.hoteltraffic.generate.TrafficGenerator;
import com.hoteltraffic.report.Reports;
import com.hoteltraffic.report.engine.ReportSpec;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run killed with SIGKILL half-way — as a scheduler's timeout or a lost node does — loses
 * nothing: the previous results stay byte for byte, and the next run succeeds and removes what the
 * killed one left behind.
 */
class KilledRunTest {
  private static final Duration KILL_DEADLINE = Duration.ofMinutes(5);

  @TempDir Path work;

  @Test
  void aKilledRunLeavesThePreviousResultsUntouched() throws Exception {
    Path generated = work.resolve("generated");
    TrafficGenerator.generate(
        GeneratorConfig.builder().outDir(generated).seed(5).days(2).exchangesPerDay(200).build());
    String input = generated.resolve(TrafficGenerator.TRAFFIC_DIR).toString();
    Path out = work.resolve("results").resolve("out");
    assertEquals(
        0,
        AnalyzeMainAccess.run("--input", input, "--output", out.toString(), "--master", "local[2]"),
        "the first, good run");
    Map<String, String> before = snapshot(out);
    assertTrue(
        before.containsKey("run_summary.json") && before.containsKey("reports/error_codes.csv"),
        "the good run wrote its results: " + before.keySet());

    Process run = startAnalyzeProcess(input, out);
    Path staging = awaitStagingWithTables(run, out);
    run.destroyForcibly(); // SIGKILL: no shutdown hook, no clean-up
    assertTrue(run.waitFor(60, TimeUnit.SECONDS), "the killed run ended");
    assertEquals(137, run.exitValue(), "the run died of SIGKILL rather than finishing");

    assertEquals(
        before,
        snapshot(out),
        "every previous file is still there, byte for byte, and nothing else");
    assertTrue(Files.isDirectory(staging), "the killed run left its staging directory " + staging);

    assertEquals(
        0,
        AnalyzeMainAccess.run("--input", input, "--output", out.toString(), "--master", "local[2]"),
        "the run after the killed one");
    try (Stream<Path> entries = Files.list(out.getParent())) {
      List<String> names = entries.map(p -> p.getFileName().toString()).sorted().toList();
      // The killed run held the output's lock: the OS dropped it with the process, so the rerun was
      // not
      // blocked; the lock file stays, empty, beside the output.
      assertEquals(
          List.of(".out.lock", "out"),
          names,
          "no staging or set-aside directory is left beside the output");
    }
    // Parquet part names carry a per-run id; the CSV reports and the quarantine must be identical.
    assertEquals(
        reportsOnly(before), reportsOnly(snapshot(out)), "the rerun wrote the same reports");
  }

  /** The analyzer in its own JVM, as jobs/analyze runs it, so that it can be killed. */
  private Process startAnalyzeProcess(String input, Path out) throws IOException {
    Path root = Path.of("").toAbsolutePath();
    String classpath =
        root.resolve("target/classes")
            + File.pathSeparator
            + Files.readString(root.resolve("target/classpath.txt")).strip();
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "@" + root.resolve("jobs/spark-jvm.options"),
                "-Xmx1g",
                "-cp",
                classpath,
                "com.hoteltraffic.cli.AnalyzeMain",
                "--input",
                input,
                "--output",
                out.toString(),
                "--master",
                "local[2]"));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(work.resolve("killed-run.log").toFile());
    builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    return builder.start();
  }

  /** Waits until the run is half-way: its staging directory holds the exchanges table. */
  private static Path awaitStagingWithTables(Process run, Path out)
      throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(KILL_DEADLINE);
    while (Instant.now().isBefore(deadline)) {
      assertTrue(run.isAlive(), "the second run is still running when it is to be killed");
      try (Stream<Path> entries = Files.list(out.getParent())) {
        for (Path entry : entries.toList()) {
          if (entry.getFileName().toString().startsWith(".out.staging-")
              && Files.isDirectory(entry.resolve("tables/exchanges"))) {
            return entry;
          }
        }
      }
      Thread.sleep(100);
    }
    run.destroyForcibly();
    throw new AssertionError("the second run did not start writing within " + KILL_DEADLINE);
  }

  private static Map<String, String> reportsOnly(Map<String, String> files) {
    Map<String, String> reports = new TreeMap<>(files);
    reports
        .keySet()
        .removeIf(name -> !name.startsWith("reports/") && !name.startsWith("quarantine/"));
    long written = Reports.all(false).stream().filter(ReportSpec::written).count();
    assertEquals(
        written + 1,
        reports.size(),
        written + " CSV reports and the quarantine, no checksum files: " + reports.keySet());
    return reports;
  }

  /** SHA-256 of every file under {@code dir}, by relative path. */
  private static Map<String, String> snapshot(Path dir)
      throws IOException, NoSuchAlgorithmException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        files.put(
            dir.relativize(file).toString(),
            HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))));
      }
    }
    assertFalse(files.isEmpty(), "files under " + dir);
    return files;
  }
}
