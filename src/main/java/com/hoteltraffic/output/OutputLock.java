package com.hoteltraffic.output;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lock that keeps two runs off one output directory: a hidden file {@code .NAME.lock} beside
 * the target, taken before the run touches anything there (a second run would otherwise delete the
 * first one's staging directory as a leftover) and given up after the commit or the abandon.
 *
 * <ul>
 *   <li>On the local file system the file is locked with {@link FileChannel#tryLock()}: the
 *       operating system drops the lock when the process ends, however it ends, so a killed run
 *       never blocks the next one. The file stays (empty) between runs and is locked again by the
 *       next one. No other file handle to it is ever opened by the locking process: on Linux,
 *       closing any handle to a file drops the process's lock on it.
 *   <li>On any other file system (HDFS, object stores) no such lock exists: the file is created
 *       exclusively ({@code overwrite=false}) with the holder's host, process id and start time. A
 *       lock left by a process that is gone from this host is taken over with a warning; one from
 *       another host is reported with its holder, to delete by hand once that run is known to be
 *       gone. On object stores (s3a) the exclusive create is not atomic: the check is best effort.
 * </ul>
 */
final class OutputLock implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(OutputLock.class);

  private final FileSystem fs;
  private final Path file;
  private final FileChannel channel; // local lock, or null for a marker file
  private final FileLock lock;

  private OutputLock(FileSystem fs, Path file, FileChannel channel, FileLock lock) {
    this.fs = fs;
    this.file = file;
    this.channel = channel;
    this.lock = lock;
  }

  /** The lock file of {@code target}: hidden, so readers of the parent folder skip it. */
  static Path fileOf(Path target) {
    return new Path(target.getParent(), "." + target.getName() + ".lock");
  }

  /**
   * Takes the lock of {@code target} or fails at once.
   *
   * @throws OutputDirectory.LockedException when another run holds it
   */
  static OutputLock acquire(FileSystem fs, Path target, String output) throws IOException {
    Path file = fileOf(target);
    fs.mkdirs(file.getParent());
    return "file".equals(fs.getScheme()) ? local(fs, file, output) : marker(fs, file, output, true);
  }

  private static OutputLock local(FileSystem fs, Path file, String output) throws IOException {
    FileChannel channel =
        FileChannel.open(
            Paths.get(file.toUri()),
            StandardOpenOption.CREATE,
            StandardOpenOption.READ,
            StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null; // held by another run in this JVM
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
    if (lock == null) {
      String holder = holder(channel);
      channel.close();
      throw new OutputDirectory.LockedException(lockedMessage(output, file, holder));
    }
    channel.truncate(0);
    channel.write(ByteBuffer.wrap(holderLine().getBytes(StandardCharsets.UTF_8)), 0);
    channel.force(false);
    return new OutputLock(fs, file, channel, lock);
  }

  /**
   * The lock of a file system without OS locks (HDFS, s3a), taken on any file system: for tests.
   */
  static OutputLock acquireMarker(FileSystem fs, Path target, String output) throws IOException {
    return marker(fs, fileOf(target), output, true);
  }

  private static OutputLock marker(FileSystem fs, Path file, String output, boolean mayTakeOver)
      throws IOException {
    try (OutputStream out = fs.create(file, false)) {
      out.write(holderLine().getBytes(StandardCharsets.UTF_8));
    } catch (FileAlreadyExistsException e) {
      String holder = markerHolder(fs, file);
      if (mayTakeOver && goneFromThisHost(holder)) {
        LOG.warn("Taking over the lock {} of a run that is gone ({})", file, holder);
        fs.delete(file, false);
        return marker(fs, file, output, false);
      }
      throw new OutputDirectory.LockedException(
          lockedMessage(output, file, holder) + "; if that run is gone, delete the lock file");
    }
    return new OutputLock(fs, file, null, null);
  }

  /**
   * Gives the lock up. A marker file is deleted. A locked local file stays (emptied): deleting it
   * would let a run that opened it just before lock a file no longer reachable by its name while a
   * third run creates and locks a new one; an empty file that nobody locks blocks nothing.
   */
  @Override
  public void close() {
    if (channel == null) {
      try {
        fs.delete(file, false);
      } catch (IOException e) {
        LOG.warn("Could not delete the lock file {}", file, e);
      }
      return;
    }
    try {
      channel.truncate(0);
      lock.release();
      channel.close();
    } catch (IOException e) {
      LOG.warn("Could not release the lock {}", file, e);
    }
  }

  static String holderLine() {
    return "pid "
        + ProcessHandle.current().pid()
        + " on "
        + hostName()
        + " since "
        + Instant.now()
        + "\n";
  }

  private static String lockedMessage(String output, Path file, String holder) {
    return "--output "
        + output
        + ": another run is writing it (lock "
        + Path.getPathWithoutSchemeAndAuthority(file)
        + (holder.isEmpty() ? "" : " held by " + holder)
        + ")";
  }

  private static String holder(FileChannel channel) {
    try {
      ByteBuffer buffer = ByteBuffer.allocate(256);
      channel.read(buffer, 0);
      return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8)
          .lines()
          .findFirst()
          .orElse("")
          .strip();
    } catch (IOException e) {
      return "";
    }
  }

  private static String markerHolder(FileSystem fs, Path file) {
    try (InputStream in = fs.open(file)) {
      return new String(in.readNBytes(256), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      return "";
    }
  }

  /**
   * Whether {@code holder} ({@link #holderLine()}) names a process of this host that no longer
   * runs.
   */
  static boolean goneFromThisHost(String holder) {
    String[] words = holder.split(" ");
    if (words.length < 4 || !words[0].equals("pid") || !words[3].equals(hostName())) {
      return false;
    }
    try {
      Optional<ProcessHandle> process = ProcessHandle.of(Long.parseLong(words[1]));
      return process.isEmpty() || !process.get().isAlive();
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "localhost";
    }
  }
}
