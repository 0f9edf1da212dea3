package com.hoteltraffic.testing;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FSInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.util.Progressable;
import org.apache.spark.TaskContext;

/**
 * The local file system under the scheme {@code flaky:} (register it with {@code
 * spark.hadoop.fs.flaky.impl}), which can break once, as a failing disk or a lost connection does:
 *
 * <ul>
 *   <li>{@link #breakReadHalfway}: the first stream a Spark task reads to half of a file of that
 *       name throws an {@link IOException} there; later streams read it whole;
 *   <li>{@link #breakFoldBlockHalfway}: the first fold block written by a task attempt that has
 *       already written a quarantine part gets half of its first write, then every write throws.
 * </ul>
 *
 * <p>Faults are armed and recorded in static fields: in local mode every task runs in the test's
 * JVM. Each fault fires once, so the task's next attempt succeeds. Every side file the read creates
 * ({@code quarantine-*} parts, {@code fold-*} blocks) is recorded with its attempt, so that a test
 * can prove a failed attempt left files behind.
 */
public final class FlakyFileSystem extends RawLocalFileSystem {
  /** The scheme; input and output paths are {@code flaky:///absolute/path}. */
  public static final String SCHEME = "flaky";

  private static final URI NAME = URI.create(SCHEME + ":///");
  private static final Pattern SIDE_FILE =
      Pattern.compile("(quarantine|fold)-(\\d{6})-attempt-(\\d+)\\.(jsonl|bin)");

  private static final AtomicReference<String> readToBreak = new AtomicReference<>();
  private static final AtomicBoolean blockToBreak = new AtomicBoolean();
  private static final Set<String> attemptsWithQuarantine = ConcurrentHashMap.newKeySet();
  private static final List<String> sideFiles = new CopyOnWriteArrayList<>();
  private static final List<String> faults = new CopyOnWriteArrayList<>();
  private static final java.util.concurrent.atomic.AtomicInteger opens =
      new java.util.concurrent.atomic.AtomicInteger();

  /** Forgets every fault, armed or fired, and every side file seen. */
  public static void reset() {
    opens.set(0);
    readToBreak.set(null);
    blockToBreak.set(false);
    attemptsWithQuarantine.clear();
    sideFiles.clear();
    faults.clear();
  }

  /**
   * Arms a read fault: the first stream a Spark task reads to half of a file named {@code fileName}
   * breaks there.
   */
  public static void breakReadHalfway(String fileName) {
    readToBreak.set(fileName);
  }

  /**
   * Arms a write fault: the next fold block of an attempt that wrote a quarantine part is left
   * half-written.
   */
  public static void breakFoldBlockHalfway() {
    blockToBreak.set(true);
  }

  /** The faults that fired, one line each, in order. */
  public static List<String> faults() {
    return List.copyOf(faults);
  }

  /** How many streams were opened for reading since the last {@link #reset}. */
  public static int opens() {
    return opens.get();
  }

  /** The names of the read's side files created so far, in order. */
  public static List<String> sideFiles() {
    return List.copyOf(sideFiles);
  }

  @Override
  public URI getUri() {
    return NAME;
  }

  @Override
  public String getScheme() {
    return SCHEME;
  }

  // RawLocalFileSystem reads permissions through java.io.File(URI), which takes file: URIs only.
  @Override
  public FileStatus getFileStatus(Path path) throws IOException {
    return withPermission(super.getFileStatus(path));
  }

  @Override
  public FileStatus[] listStatus(Path path) throws IOException {
    FileStatus[] statuses = super.listStatus(path);
    for (int i = 0; i < statuses.length; i++) {
      statuses[i] = withPermission(statuses[i]);
    }
    return statuses;
  }

  private static FileStatus withPermission(FileStatus status) throws IOException {
    PosixFileAttributes attributes =
        Files.readAttributes(
            java.nio.file.Path.of(status.getPath().toUri().getPath()),
            PosixFileAttributes.class,
            LinkOption.NOFOLLOW_LINKS);
    return new FileStatus(
        status.getLen(),
        status.isDirectory(),
        status.getReplication(),
        status.getBlockSize(),
        status.getModificationTime(),
        status.getAccessTime(),
        FsPermission.valueOf("-" + PosixFilePermissions.toString(attributes.permissions())),
        attributes.owner().getName(),
        attributes.group().getName(),
        status.getPath());
  }

  @Override
  public FSDataInputStream open(Path path, int bufferSize) throws IOException {
    FSDataInputStream in = super.open(path, bufferSize);
    opens.incrementAndGet();
    // Only a Spark task's stream: the driver may open a file too (to look at its first bytes).
    if (path.getName().equals(readToBreak.get()) && TaskContext.get() != null) {
      long half = getFileStatus(path).getLen() / 2;
      return new FSDataInputStream(new HalfwayInput(in, half, path));
    }
    return in;
  }

  @Override
  public FSDataOutputStream create(
      Path path,
      FsPermission permission,
      boolean overwrite,
      int bufferSize,
      short replication,
      long blockSize,
      Progressable progress)
      throws IOException {
    FSDataOutputStream out =
        super.create(path, permission, overwrite, bufferSize, replication, blockSize, progress);
    Matcher side = SIDE_FILE.matcher(path.getName());
    if (!side.matches()) {
      return out;
    }
    sideFiles.add(path.getName());
    String attempt = side.group(3);
    if (side.group(1).equals("quarantine")) {
      attemptsWithQuarantine.add(attempt);
    } else if (attemptsWithQuarantine.contains(attempt)
        && blockToBreak.compareAndSet(true, false)) {
      // The attempt closed its quarantine part before it began its block: its size is final.
      Path part =
          new Path(
              path.getParent(), "quarantine-" + side.group(2) + "-attempt-" + attempt + ".jsonl");
      long partBytes = getFileStatus(part).getLen();
      return new FSDataOutputStream(new HalfwayOutput(out, path, partBytes), statistics);
    }
    return out;
  }

  /** Reads up to byte {@code half} of the file, then throws. */
  private static final class HalfwayInput extends FSInputStream {
    private final FSDataInputStream in;
    private final long half;
    private final Path path;

    HalfwayInput(FSDataInputStream in, long half, Path path) {
      this.in = in;
      this.half = half;
      this.path = path;
    }

    /** Whether reads stop at the half: until the fault fires, on this stream or another. */
    private boolean armed() {
      return path.getName().equals(readToBreak.get());
    }

    private void check() throws IOException {
      String armed = readToBreak.get(); // compareAndSet compares references, not text
      if (in.getPos() >= half
          && path.getName().equals(armed)
          && readToBreak.compareAndSet(armed, null)) {
        faults.add("read of " + path.getName() + " broken at byte " + in.getPos());
        throw new IOException("flaky: the stream over " + path + " broke at byte " + in.getPos());
      }
    }

    @Override
    public int read() throws IOException {
      check();
      return in.read();
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      check();
      long left = half - in.getPos();
      return in.read(buffer, offset, armed() && left > 0 ? (int) Math.min(length, left) : length);
    }

    @Override
    public void seek(long position) throws IOException {
      in.seek(position);
    }

    @Override
    public long getPos() throws IOException {
      return in.getPos();
    }

    @Override
    public boolean seekToNewSource(long target) {
      return false;
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }

  /** Passes half of the first write to the file, then throws on every write. */
  private static final class HalfwayOutput extends java.io.OutputStream {
    private final FSDataOutputStream out;
    private final Path path;
    private final long partBytes;
    private boolean broken;

    HalfwayOutput(FSDataOutputStream out, Path path, long partBytes) {
      this.out = out;
      this.path = path;
      this.partBytes = partBytes;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] buffer, int offset, int length) throws IOException {
      if (!broken) {
        broken = true;
        out.write(buffer, offset, length / 2);
        out.hflush(); // the half is on disk, as a stray file of the failed attempt
        faults.add(
            "write of "
                + path.getName()
                + " broken after "
                + length / 2
                + " of "
                + length
                + " bytes; its quarantine part had "
                + partBytes
                + " bytes");
      }
      throw new IOException("flaky: the write of " + path + " broke");
    }

    @Override
    public void close() throws IOException {
      out.close();
    }
  }
}
