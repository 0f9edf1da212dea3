package com.hoteltraffic.ingest;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * Expands the {@code --input} arguments (files, directories read recursively, globs; any Hadoop
 * file system) into the splits Spark tasks read. Files the job does not read are listed as skipped
 * so that the run summary can show them; nothing is ignored silently.
 *
 * <p>This runs on the driver and holds one entry per file, never file contents.
 */
public final class InputDiscovery {
  /** Plain JSON Lines files larger than this are read by several tasks. */
  public static final long DEFAULT_SPLIT_BYTES = 128L * 1024 * 1024;

  /** The files found: what will be read, and what was passed over with the reason. */
  public record Result(List<InputSplit> splits, List<String> files, List<SkippedFile> skipped) {}

  public record SkippedFile(String path, String reason) {}

  /** An {@code --input} that names nothing: a usage error, reported before Spark does any work. */
  public static final class MissingInputException extends Exception {
    public MissingInputException(String message) {
      super(message);
    }
  }

  private InputDiscovery() {}

  /**
   * {@link #discover(List, Optional, Configuration, long)} after expanding the date placeholders of
   * {@link DatedInputs} for {@code days}. A day whose path does not exist is passed over and listed
   * as skipped (an archive may lack a day); a template that exists for none of the days is missing
   * input, as a plain path that does not exist.
   */
  public static Result discover(
      List<String> inputs,
      List<LocalDate> days,
      Optional<InputFormat> forcedFormat,
      Configuration conf,
      long splitBytes)
      throws IOException, MissingInputException {
    List<String> paths = new ArrayList<>();
    List<SkippedFile> missingDays = new ArrayList<>();
    for (String input : inputs) {
      if (!DatedInputs.hasPlaceholder(input)) {
        paths.add(input);
        continue;
      }
      if (days.isEmpty()) {
        throw new MissingInputException("--input " + input + ": date placeholders need --date");
      }
      int found = 0;
      for (DatedInputs.DatedPath dated : DatedInputs.expandAll(input, days)) {
        if (exists(dated.path(), conf)) {
          paths.add(dated.path());
          found++;
        } else {
          missingDays.add(
              new SkippedFile(dated.path(), "no input for " + dated.day() + " (date placeholder)"));
        }
      }
      if (found == 0) {
        throw new MissingInputException(
            "--input "
                + input
                + ": no such path for any day from "
                + days.get(0)
                + " to "
                + days.get(days.size() - 1));
      }
    }
    Result result = discover(paths, forcedFormat, conf, splitBytes);
    List<SkippedFile> skipped = new ArrayList<>(missingDays);
    skipped.addAll(result.skipped());
    return new Result(result.splits(), result.files(), skipped);
  }

  private static boolean exists(String input, Configuration conf) throws IOException {
    Path path = new Path(input);
    FileStatus[] matches = path.getFileSystem(conf).globStatus(path);
    return matches != null && matches.length > 0;
  }

  public static Result discover(
      List<String> inputs, Optional<InputFormat> forcedFormat, Configuration conf, long splitBytes)
      throws IOException, MissingInputException {
    // Sorted by path: the same inputs give the same splits, task order and line numbers.
    TreeMap<String, FileStatus> files = new TreeMap<>();
    // Files below a hidden or bookkeeping directory (.git, _temporary of a half-written job) are
    // skipped too.
    Set<String> inHiddenDirectory = new HashSet<>();
    for (String input : inputs) {
      Path path = new Path(input);
      FileSystem fs = path.getFileSystem(conf);
      FileStatus[] matches = fs.globStatus(path);
      if (matches == null || matches.length == 0) {
        throw new MissingInputException("--input " + input + ": no such file or directory");
      }
      for (FileStatus match : matches) {
        if (match.isDirectory()) {
          RemoteIterator<LocatedFileStatus> listing = fs.listFiles(match.getPath(), true);
          while (listing.hasNext()) {
            LocatedFileStatus file = listing.next();
            files.put(file.getPath().toString(), file);
            if (underHiddenDirectory(match.getPath(), file.getPath())) {
              inHiddenDirectory.add(file.getPath().toString());
            }
          }
        } else {
          files.put(match.getPath().toString(), match);
        }
      }
    }

    List<InputSplit> splits = new ArrayList<>();
    List<String> read = new ArrayList<>();
    List<SkippedFile> skipped = new ArrayList<>();
    for (FileStatus file : files.values()) {
      String path = file.getPath().toString();
      String name = file.getPath().getName();
      if (isHidden(name) || inHiddenDirectory.contains(path)) {
        skipped.add(new SkippedFile(path, "hidden or bookkeeping file"));
        continue;
      }
      Optional<InputFormat> format =
          forcedFormat.isPresent() ? forcedFormat : InputFormat.fromFileName(name);
      if (format.isEmpty()) {
        skipped.add(
            new SkippedFile(
                path, "not a recording format (.jsonl, .ndjson, .json, .har, optionally .gz)"));
        continue;
      }
      checkReadable(file, conf);
      read.add(path);
      addSplits(splits, path, format.get(), InputFormat.isGzip(name), file.getLen(), splitBytes);
    }
    return new Result(splits, read, skipped);
  }

  private static boolean isHidden(String name) {
    return name.startsWith(".") || name.startsWith("_");
  }

  /**
   * Whether a directory between {@code root} (a listed input directory) and {@code file} is hidden.
   */
  private static boolean underHiddenDirectory(Path root, Path file) {
    for (Path dir = file.getParent(); dir != null && !dir.equals(root); dir = dir.getParent()) {
      if (isHidden(dir.getName())) {
        return true;
      }
    }
    return false;
  }

  private static void checkReadable(FileStatus file, Configuration conf)
      throws MissingInputException {
    try (var in = file.getPath().getFileSystem(conf).open(file.getPath())) {
      // Opening is the portable readability test across file systems.
    } catch (FileNotFoundException e) {
      throw new MissingInputException(
          "--input " + file.getPath() + ": file disappeared while listing");
    } catch (IOException e) {
      throw new MissingInputException(
          "--input " + file.getPath() + ": cannot be read (" + e.getMessage() + ")");
    }
  }

  private static void addSplits(
      List<InputSplit> splits,
      String path,
      InputFormat format,
      boolean gzip,
      long length,
      long splitBytes) {
    boolean splittable = format == InputFormat.JSONL && !gzip && length > splitBytes;
    if (!splittable) {
      splits.add(new InputSplit(path, format, gzip, 0, length, length));
      return;
    }
    for (long start = 0; start < length; start += splitBytes) {
      splits.add(
          new InputSplit(path, format, false, start, Math.min(splitBytes, length - start), length));
    }
  }
}
