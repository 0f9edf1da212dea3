package com.hoteltraffic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hoteltraffic.cli.AnalyzeMainAccess;
import com.hoteltraffic.testing.FlakyFileSystem;
import com.hoteltraffic.testing.OutputDiff;
import com.hoteltraffic.testing.SparkTestSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Task attempts of the read that fail half way through a split, after leaving side files behind,
 * change no output: the retried run writes every report, {@code alerts.json}, the quarantine and
 * every table exactly as an undisturbed run. Both runs read and write through {@link
 * FlakyFileSystem} with {@code local[2,3]} (a task gets three attempts); in the disturbed one, one
 * attempt's input stream breaks half way through {@code proxy/egress.jsonl} (after it quarantined
 * that file's three bad lines, all in its first half), and another attempt's fold block breaks
 * after half of its first write (after its quarantine part was written whole). The merge must read
 * only the kept attempts' blocks and the quarantine only their parts.
 */
class RetriedTaskTest {
  private static final String EGRESS = "egress.jsonl";
  private static final long EGRESS_HALF = 609_985 / 2;
  private static final Pattern SIDE_FILE =
      Pattern.compile("(quarantine|fold)-(\\d{6})-attempt-(\\d+)\\.(jsonl|bin)");

  @TempDir static Path work;
  private static Path undisturbed;
  private static Path retried;
  private static List<String> faults;
  private static List<String> sideFiles;

  @BeforeAll
  static void runTwice() {
    FlakyFileSystem.reset();
    undisturbed = run("undisturbed");
    assertEquals(List.of(), FlakyFileSystem.faults(), "no fault in the undisturbed run");
    FlakyFileSystem.reset();
    FlakyFileSystem.breakReadHalfway(EGRESS);
    FlakyFileSystem.breakFoldBlockHalfway();
    retried = run("retried");
    faults = FlakyFileSystem.faults();
    sideFiles = FlakyFileSystem.sideFiles();
  }

  @AfterAll
  static void disarm() {
    FlakyFileSystem.reset();
  }

  private static Path run(String name) {
    // A live session would keep its own master and configuration: getOrCreate ignores new ones.
    assertTrue(
        SparkSession.getDefaultSession().isEmpty() && SparkSession.getActiveSession().isEmpty(),
        "no Spark session is running before the " + name + " run");
    Path out = work.resolve(name);
    String input = Path.of("sample-data", "traffic").toAbsolutePath().toString();
    int exit =
        AnalyzeMainAccess.run(
            "--input",
            FlakyFileSystem.SCHEME + "://" + input,
            "--output",
            FlakyFileSystem.SCHEME + "://" + out.toAbsolutePath(),
            "--master",
            "local[2,3]",
            "--conf",
            "spark.hadoop.fs."
                + FlakyFileSystem.SCHEME
                + ".impl="
                + FlakyFileSystem.class.getName());
    assertEquals(0, exit, "exit of the " + name + " run");
    return out;
  }

  @Test
  void bothFaultsFiredOnceInTheRead() {
    assertEquals(2, faults.size(), "faults of the retried run: " + faults);
    assertEquals(
        "read of " + EGRESS + " broken at byte " + EGRESS_HALF,
        faults.get(0).startsWith("read") ? faults.get(0) : faults.get(1),
        "the read fault, at half of the file: " + faults);
    String write = faults.get(0).startsWith("write") ? faults.get(0) : faults.get(1);
    Matcher broken =
        Pattern.compile(
                "write of fold-\\d{6}-attempt-\\d+\\.bin broken after (\\d+) of (\\d+) bytes;"
                    + " its quarantine part had (\\d+) bytes")
            .matcher(write);
    assertTrue(broken.matches(), "the write fault: " + write);
    assertTrue(
        Long.parseLong(broken.group(1)) > 0,
        "the failed attempt left part of its block on disk: " + write);
    assertTrue(
        Long.parseLong(broken.group(3)) > 0,
        "the failed attempt's quarantine part was written before its block: " + write);
  }

  @Test
  void failedAttemptsLeftSideFilesThatTheRetriesReplaced() {
    // Per task, the attempts that wrote a quarantine part or a block.
    List<String> partsWithoutBlock = new ArrayList<>();
    List<String> blocks = new ArrayList<>();
    for (String file : sideFiles) {
      Matcher side = SIDE_FILE.matcher(file);
      assertTrue(side.matches(), "a side file of the read: " + file);
      if (side.group(1).equals("fold")) {
        blocks.add(side.group(2) + "/" + side.group(3));
      }
    }
    for (String file : sideFiles) {
      Matcher side = SIDE_FILE.matcher(file);
      side.matches();
      if (side.group(1).equals("quarantine")
          && !blocks.contains(side.group(2) + "/" + side.group(3))) {
        partsWithoutBlock.add(file);
      }
    }
    assertEquals(
        1,
        partsWithoutBlock.size(),
        "one attempt (broken reading egress.jsonl) left a quarantine part and no block: "
            + sideFiles);
    long tasks = blocks.stream().map(block -> block.substring(0, 6)).distinct().count();
    // The sample's 9 files (1.9 MB) are packed by bytes: 5 and 4 files, each costing its length
    // plus the 4 MiB open cost, in tasks of up to (1.9 MB + 9 × 4 MiB) / 2 cores.
    assertEquals(2, tasks, "one block per read task, the sample's 9 files in 2 tasks: " + blocks);
    assertEquals(3, blocks.size(), "the 2 kept blocks and the one left half-written: " + sideFiles);
  }

  @Test
  void reportsAlertsSummaryAndQuarantineAreTheSame() throws IOException {
    List<String> differences = new ArrayList<>();
    OutputDiff.compareCsvs(undisturbed.resolve("reports"), retried.resolve("reports"), differences);
    OutputDiff.compareSummaries(
        undisturbed.resolve("run_summary.json"), retried.resolve("run_summary.json"), differences);
    assertEquals(List.of(), differences, "differences of the retried run from the undisturbed one");
    for (String file : List.of("alerts.json", "quarantine/records.jsonl")) {
      assertArrayEquals(
          Files.readAllBytes(undisturbed.resolve(file)),
          Files.readAllBytes(retried.resolve(file)),
          file);
    }
    assertEquals(
        9,
        Files.readAllLines(retried.resolve("quarantine/records.jsonl")).size(),
        "the sample's 9 quarantined records, none twice");
    try (Stream<Path> csvs = Files.list(retried.resolve("reports"))) {
      assertTrue(csvs.count() >= 10, "every report was compared");
    }
  }

  @Test
  void tablesHaveTheSameRows() throws IOException {
    List<String> differences = new ArrayList<>();
    SparkSession spark = SparkTestSession.create("retried-task");
    try {
      OutputDiff.compareTables(
          spark, undisturbed.resolve("tables"), retried.resolve("tables"), differences);
    } finally {
      spark.stop();
    }
    assertEquals(List.of(), differences, "table differences of the retried run");
    try (Stream<Path> tables = Files.list(retried.resolve("tables"))) {
      assertTrue(tables.count() >= 10, "every table was compared");
    }
  }
}
