package com.hoteltraffic.output;

import java.io.IOException;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The run's output directory, replaced whole. Everything is written into a staging directory beside
 * it on the same file system; {@link #commit()} moves the previous results aside, renames the
 * staging directory into place and deletes the old one. A reader never sees half of one run and
 * half of another; a run that dies before the commit leaves the previous results untouched.
 *
 * <p>Staging and set-aside directories are hidden ({@code .NAME.staging-*}, {@code
 * .NAME.previous-*}): Spark and Hadoop readers skip names starting with a dot. A killed run leaves
 * its staging directory behind; the next run on the same output removes it when it starts, and
 * restores the previous results if the kill fell between the two renames of a commit. Two runs on
 * the same output at the same time would destroy each other's staging: {@link OutputLock} makes the
 * second one fail at once with {@link LockedException}; the lock is given up by {@link #commit()}
 * and {@link #abandon()}, and by the operating system when a run is killed.
 */
public final class OutputDirectory {
  private static final Logger LOG = LoggerFactory.getLogger(OutputDirectory.class);

  private final FileSystem fs;
  private final Path target;
  private final Path staging;
  private final OutputLock lock;

  private OutputDirectory(FileSystem fs, Path target, Path staging, OutputLock lock) {
    this.fs = fs;
    this.target = target;
    this.staging = staging;
    this.lock = lock;
  }

  /**
   * Another run holds the output's lock: a usage error (exit 2), one line naming the lock file. A
   * {@link FileAlreadyExistsException} (the lock file exists and is held), so callers need not know
   * this type.
   */
  public static final class LockedException extends FileAlreadyExistsException {
    private static final long serialVersionUID = 1L;

    LockedException(String message) {
      super(message);
    }
  }

  /**
   * Creates the staging directory.
   *
   * @throws FileAlreadyExistsException when {@code output} exists and is not a directory
   */
  public static OutputDirectory prepare(String output, Configuration conf) throws IOException {
    Path target = new Path(output);
    FileSystem fs = target.getFileSystem(conf);
    target = fs.makeQualified(target);
    if (fs.exists(target) && !fs.getFileStatus(target).isDirectory()) {
      throw new FileAlreadyExistsException("--output " + output + " is a file, not a directory");
    }
    // The local file system would put a hidden .crc beside every output file: clutter for the
    // people who open the folder, and no protection that the files need.
    fs.setWriteChecksum(false);
    // Before anything else: a second run would delete the first one's staging as a leftover.
    OutputLock lock = OutputLock.acquire(fs, target, output);
    try {
      recoverLeftovers(fs, target);
      Path staging = new Path(target.getParent(), stagingPrefix(target) + UUID.randomUUID());
      if (!fs.mkdirs(staging)) {
        throw new IOException("Could not create the staging directory " + staging);
      }
      return new OutputDirectory(fs, target, staging, lock);
    } catch (IOException | RuntimeException e) {
      lock.close();
      throw e;
    }
  }

  /** Where this run writes; the same file system as the target, so the final rename is cheap. */
  public Path staging() {
    return staging;
  }

  public Path target() {
    return target;
  }

  public Path resolve(String relative) {
    return new Path(staging, relative);
  }

  /** Deletes a working folder of the run from the staging directory before the commit. */
  public void delete(String relative) throws IOException {
    fs.delete(resolve(relative), true);
  }

  /** Swaps the staging directory in for the target. */
  public void commit() throws IOException {
    Path previous = null;
    if (fs.exists(target)) {
      previous = new Path(target.getParent(), previousPrefix(target) + UUID.randomUUID());
      rename(target, previous);
    }
    rename(staging, target);
    if (previous != null) {
      fs.delete(previous, true);
    }
    lock.close();
    LOG.debug("Output committed to {}", target);
  }

  /** Removes the staging directory of a failed run. */
  public void abandon() {
    try {
      fs.delete(staging, true);
    } catch (IOException e) {
      // The run has already failed; this only leaves a directory the next run's recovery removes.
      LOG.warn("Could not remove the staging directory {}", staging, e);
    } finally {
      lock.close();
    }
  }

  /**
   * Cleans up after runs that were killed: a missing target with a set-aside previous result means
   * a commit died between its renames, so the previous result goes back in place; every other
   * leftover staging or set-aside directory of this target is deleted.
   */
  static void recoverLeftovers(FileSystem fs, Path target) throws IOException {
    Path parent = target.getParent();
    if (parent == null || !fs.exists(parent)) {
      return;
    }
    String staging = stagingPrefix(target);
    String previous = previousPrefix(target);
    for (FileStatus leftover : fs.listStatus(parent)) {
      String name = leftover.getPath().getName();
      if (name.startsWith(previous) && !fs.exists(target)) {
        LOG.warn("Restoring {}: a run was killed while swapping in its results", target);
        if (!fs.rename(leftover.getPath(), target)) {
          throw new IOException("Could not restore " + leftover.getPath() + " to " + target);
        }
      } else if (name.startsWith(staging) || name.startsWith(previous)) {
        LOG.info("Removing {}, left behind by a run that did not finish", leftover.getPath());
        fs.delete(leftover.getPath(), true);
      }
    }
  }

  private static String stagingPrefix(Path target) {
    return "." + target.getName() + ".staging-";
  }

  private static String previousPrefix(Path target) {
    return "." + target.getName() + ".previous-";
  }

  private void rename(Path from, Path to) throws IOException {
    if (!fs.rename(from, to)) {
      throw new IOException("Could not rename " + from + " to " + to);
    }
  }
}
