package com.hoteltraffic.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The output lock: a second run on one output fails at once with a message naming the lock file;
 * the lock goes with the commit, the abandon, or the death of its process (the OS releases it).
 * (The run through the command line, with a holder in another process that is then killed, is in
 * {@code OutputLockRunTest}.)
 */
class OutputLockTest {
  private final Configuration conf = new Configuration();

  @TempDir Path dir;

  @Test
  void aSecondRunOnTheSameOutputFailsAtOnceNamingTheLock() throws IOException {
    Path target = dir.resolve("out");
    OutputDirectory first = OutputDirectory.prepare(target.toString(), conf);
    Path firstStaging = Path.of(first.staging().toUri());

    OutputDirectory.LockedException e =
        assertThrows(
            OutputDirectory.LockedException.class,
            () -> OutputDirectory.prepare(target.toString(), conf));

    String message = e.getMessage();
    assertTrue(
        message.startsWith(
            "--output "
                + target
                + ": another run is writing it (lock "
                + dir.resolve(".out.lock")
                + " held by pid "
                + ProcessHandle.current().pid()
                + " on "),
        message);
    assertFalse(message.contains("\n"), "one line: " + message);
    assertTrue(
        Files.isDirectory(firstStaging), "the first run's staging is untouched by the second");
    first.commit();
    assertEquals(
        List.of(".out.lock", "out"),
        names(dir),
        "the commit leaves only the target and its lock file");
    assertEquals("", Files.readString(dir.resolve(".out.lock")), "emptied: nobody holds it");
    OutputDirectory.prepare(target.toString(), conf).abandon(); // the lock is free again
  }

  @Test
  void theLockIsReleasedOnSuccessAndOnFailure() throws IOException {
    Path target = dir.resolve("out");
    OutputDirectory.prepare(target.toString(), conf).abandon();
    assertEquals(
        List.of(".out.lock"), names(dir), "abandon gives the lock up (the file stays, empty)");
    OutputDirectory second = OutputDirectory.prepare(target.toString(), conf);
    second.commit();
    OutputDirectory third = OutputDirectory.prepare(target.toString(), conf);
    third.commit();
    assertEquals(
        List.of(".out.lock", "out"), names(dir), "three runs in a row, each took the lock");
  }

  @Test
  void otherOutputsBesideItAreNotLocked() throws IOException {
    OutputDirectory day1 = OutputDirectory.prepare(dir.resolve("date=2026-01-01").toString(), conf);
    OutputDirectory day2 = OutputDirectory.prepare(dir.resolve("date=2026-01-02").toString(), conf);
    day2.commit();
    day1.commit();
    assertEquals(
        List.of(
            ".date=2026-01-01.lock", ".date=2026-01-02.lock", "date=2026-01-01", "date=2026-01-02"),
        names(dir),
        "two days at once, each with its own lock");
  }

  @Test
  void aLockFileLeftByAKilledRunDoesNotBlock() throws IOException {
    // What a killed run leaves: the file, but no lock (the OS dropped it with the process).
    Files.writeString(
        dir.resolve(".out.lock"), "pid 999999 on somewhere since 2026-01-01T00:00:00Z\n");

    OutputDirectory out = OutputDirectory.prepare(dir.resolve("out").toString(), conf);
    out.commit();

    assertEquals(List.of(".out.lock", "out"), names(dir), "the run locked the left file and ran");
    assertEquals("", Files.readString(dir.resolve(".out.lock")), "and released it");
  }

  @Test
  void withoutOsLocksALockOfAGoneProcessOfThisHostIsTakenOver() throws Exception {
    FileSystem fs = FileSystem.getLocal(conf);
    org.apache.hadoop.fs.Path target = new org.apache.hadoop.fs.Path(dir.resolve("out").toUri());
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    Files.writeString(
        dir.resolve(".out.lock"),
        "pid "
            + gone.pid()
            + " on "
            + InetAddress.getLocalHost().getHostName()
            + " since 2026-01-01T00:00:00Z\n");

    OutputLock lock = OutputLock.acquireMarker(fs, target, "OUT");
    assertTrue(
        Files.readString(dir.resolve(".out.lock"))
            .startsWith("pid " + ProcessHandle.current().pid() + " "),
        "the lock now names this process");
    OutputDirectory.LockedException held =
        assertThrows(
            OutputDirectory.LockedException.class,
            () -> OutputLock.acquireMarker(fs, target, "OUT"),
            "a live holder of this host keeps it");
    assertTrue(
        held.getMessage()
            .startsWith(
                "--output OUT: another run is writing it (lock "
                    + dir.resolve(".out.lock")
                    + " held by pid "
                    + ProcessHandle.current().pid()),
        held.getMessage());
    lock.close();
    assertEquals(List.of(), names(dir), "closing deletes the marker");
  }

  @Test
  void withoutOsLocksALockOfAnotherHostIsReportedNotTaken() throws Exception {
    FileSystem fs = FileSystem.getLocal(conf);
    org.apache.hadoop.fs.Path target = new org.apache.hadoop.fs.Path(dir.resolve("out").toUri());
    String holder = "pid 4242 on another-host.example since 2026-01-01T00:00:00Z";
    Files.writeString(dir.resolve(".out.lock"), holder + "\n");

    OutputDirectory.LockedException e =
        assertThrows(
            OutputDirectory.LockedException.class,
            () -> OutputLock.acquireMarker(fs, target, "OUT"));

    assertEquals(
        "--output OUT: another run is writing it (lock "
            + dir.resolve(".out.lock")
            + " held by "
            + holder
            + "); if that run is gone, delete the lock file",
        e.getMessage());
    assertEquals(holder + "\n", Files.readString(dir.resolve(".out.lock")), "left as it was");
  }

  private static List<String> names(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
