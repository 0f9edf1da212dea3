package com.hoteltraffic.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The swap and the clean-up after killed runs, on the local Hadoop file system (no Spark). */
class OutputDirectoryRecoveryTest {
  @TempDir Path parent;

  @Test
  void commitReplacesTheTargetWhole() throws IOException {
    Path target = parent.resolve("out");
    Files.createDirectories(target);
    Files.writeString(target.resolve("old.csv"), "old");

    OutputDirectory out = OutputDirectory.prepare(target.toUri().toString(), new Configuration());
    Files.writeString(Path.of(out.resolve("new.csv").toUri()), "new");
    out.commit();

    assertEquals(List.of("new.csv"), visibleNames(target), "files of the target after the commit");
    assertEquals(List.of(".out.lock", "out"), names(parent), "nothing beside the target");
  }

  @Test
  void startingRemovesLeftoverStagingOfThisTargetOnly() throws IOException {
    Path target = parent.resolve("out");
    Files.createDirectories(target.resolve("reports"));
    Files.createDirectories(parent.resolve(".out.staging-killed/reports"));
    Files.createDirectories(parent.resolve(".other.staging-running"));

    OutputDirectory out = OutputDirectory.prepare(target.toString(), new Configuration());

    assertEquals(
        List.of(".other.staging-running", ".out.lock", out.staging().getName(), "out"),
        names(parent),
        "the killed run's staging directory is gone; another output's is not touched; the run holds its lock");
    out.abandon();
    assertEquals(
        List.of(".other.staging-running", ".out.lock", "out"),
        names(parent),
        "abandon removes staging");
    assertEquals(
        "", Files.readString(parent.resolve(".out.lock")), "the lock file stays, empty: no holder");
  }

  @Test
  void aCommitKilledBetweenItsRenamesIsUndoneOnTheNextStart() throws IOException {
    Path target = parent.resolve("out");
    // The kill fell after the target was set aside and before the staging directory was renamed.
    Path setAside = parent.resolve(".out.previous-1234");
    Files.createDirectories(setAside);
    Files.writeString(setAside.resolve("good.csv"), "good");
    Files.createDirectories(parent.resolve(".out.staging-5678"));

    OutputDirectory out = OutputDirectory.prepare(target.toString(), new Configuration());
    out.abandon();

    assertEquals(
        List.of(".out.lock", "out"),
        names(parent),
        "the previous results are back in place, leftovers gone");
    assertEquals(
        "good", Files.readString(target.resolve("good.csv")), "the previous results, intact");
  }

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries
          .map(p -> p.getFileName().toString())
          .filter(n -> !n.endsWith(".crc"))
          .sorted()
          .toList();
    }
  }

  private static List<String> visibleNames(Path dir) throws IOException {
    return names(dir).stream().filter(n -> !n.startsWith(".")).toList();
  }
}
