package com.hoteltraffic.output;

import java.io.IOException;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The run's output directory, replaced whole. Everything is written into a staging directory
 * beside it on the same file system; {@link #commit()} moves the previous results aside, renames
 * the staging directory into place and deletes the old one. A reader never sees half of one run
 * and half of another; a run that dies before the commit leaves the previous results untouched.
 */
public final class OutputDirectory {
  private static final Logger LOG = LoggerFactory.getLogger(OutputDirectory.class);

  private final FileSystem fs;
  private final Path target;
  private final Path staging;

  private OutputDirectory(FileSystem fs, Path target, Path staging) {
    this.fs = fs;
    this.target = target;
    this.staging = staging;
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
    Path staging = new Path(target.getParent(), "." + target.getName() + ".staging-" + UUID.randomUUID());
    fs.mkdirs(staging);
    return new OutputDirectory(fs, target, staging);
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

  /** Swaps the staging directory in for the target. */
  public void commit() throws IOException {
    Path previous = null;
    if (fs.exists(target)) {
      previous = new Path(target.getParent(), "." + target.getName() + ".previous-" + UUID.randomUUID());
      rename(target, previous);
    }
    rename(staging, target);
    if (previous != null) {
      fs.delete(previous, true);
    }
    LOG.debug("Output committed to {}", target);
  }

  /** Removes the staging directory of a failed run. */
  public void abandon() {
    try {
      fs.delete(staging, true);
    } catch (IOException e) {
      LOG.warn("Could not remove the staging directory {}: {}", staging, e.toString());
    }
  }

  private void rename(Path from, Path to) throws IOException {
    if (!fs.rename(from, to)) {
      throw new IOException("Could not rename " + from + " to " + to);
    }
  }
}
