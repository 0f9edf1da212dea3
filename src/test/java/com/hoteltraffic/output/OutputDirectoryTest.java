package com.hoteltraffic.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputDirectoryTest {
  private final Configuration conf = new Configuration();

  @TempDir Path dir;

  @Test
  void firstRunCreatesTheTargetFromStaging() throws IOException {
    Path target = dir.resolve("out");

    OutputDirectory out = OutputDirectory.prepare(target.toString(), conf);
    Path staging = localPath(out.staging());
    assertTrue(Files.isDirectory(staging), "staging exists before the commit");
    assertEquals(dir, staging.getParent(), "staging is beside the target");
    assertFalse(Files.exists(target), "target does not exist before the commit");
    Files.createDirectories(localPath(out.resolve("reports")));
    Files.writeString(localPath(out.resolve("reports/a.csv")), "new");
    out.commit();

    assertEquals("new", Files.readString(target.resolve("reports/a.csv")), "committed file");
    assertEquals(List.of(".out.lock", "out"), names(dir), "only the target is left beside it");
  }

  @Test
  void commitReplacesThePreviousResultsWhole() throws IOException {
    Path target = dir.resolve("out");
    Files.createDirectories(target.resolve("reports"));
    Files.writeString(target.resolve("reports/a.csv"), "old");
    Files.writeString(target.resolve("reports/gone.csv"), "old only");
    Files.writeString(target.resolve("run_summary.json"), "{}");

    OutputDirectory out = OutputDirectory.prepare(target.toString(), conf);
    Files.createDirectories(localPath(out.resolve("reports")));
    Files.writeString(localPath(out.resolve("reports/a.csv")), "new");
    assertEquals(
        "old",
        Files.readString(target.resolve("reports/a.csv")),
        "previous results visible until commit");
    out.commit();

    assertEquals("new", Files.readString(target.resolve("reports/a.csv")), "replaced file");
    assertEquals(List.of("reports"), names(target), "nothing of the previous run at the top");
    assertEquals(
        List.of("a.csv"),
        names(target.resolve("reports")),
        "nothing of the previous run in reports/");
    assertEquals(List.of(".out.lock", "out"), names(dir), "no staging or previous folder left");
  }

  @Test
  void abandonRemovesStagingAndKeepsThePreviousResults() throws IOException {
    Path target = dir.resolve("out");
    Files.createDirectories(target);
    Files.writeString(target.resolve("run_summary.json"), "previous");

    OutputDirectory out = OutputDirectory.prepare(target.toString(), conf);
    Files.writeString(localPath(out.resolve("run_summary.json")), "half-written");
    out.abandon();

    assertFalse(Files.exists(localPath(out.staging())), "staging removed");
    assertEquals(
        "previous", Files.readString(target.resolve("run_summary.json")), "previous results kept");
    assertEquals(List.of(".out.lock", "out"), names(dir), "nothing else left beside the target");
  }

  @Test
  void aTargetThatIsAFileIsRefused() throws IOException {
    Path target = dir.resolve("out");
    Files.writeString(target, "a file");

    FileAlreadyExistsException e =
        assertThrows(
            FileAlreadyExistsException.class,
            () -> OutputDirectory.prepare(target.toString(), conf));

    assertTrue(e.getMessage().contains("--output"), "message names the option: " + e.getMessage());
    assertEquals("a file", Files.readString(target), "the file is untouched");
    assertEquals(List.of("out"), names(dir), "no staging created");
  }

  @Test
  void twoRunsInARowLeaveTheSecondRunsResults() throws IOException {
    Path target = dir.resolve("out");
    for (String run : List.of("first", "second")) {
      OutputDirectory out = OutputDirectory.prepare(target.toString(), conf);
      Files.writeString(localPath(out.resolve(run + ".txt")), run);
      out.commit();
    }

    assertEquals(List.of("second.txt"), names(target), "only the second run's file");
  }

  private static Path localPath(org.apache.hadoop.fs.Path path) {
    return Path.of(path.toUri());
  }

  /** Names in a folder, sorted, ignoring Hadoop's hidden checksum files. */
  private static List<String> names(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(name -> !name.endsWith(".crc"))
          .sorted()
          .toList();
    }
  }
}
