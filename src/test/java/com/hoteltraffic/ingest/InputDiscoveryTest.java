package com.hoteltraffic.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hoteltraffic.ingest.InputDiscovery.MissingInputException;
import com.hoteltraffic.ingest.InputDiscovery.Result;
import com.hoteltraffic.ingest.InputDiscovery.SkippedFile;
import com.hoteltraffic.testing.FlakyFileSystem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link InputDiscovery} on Hadoop's local file system: no Spark session needed. */
class InputDiscoveryTest {
  private static final Configuration CONF = new Configuration();
  private static final long BIG = InputDiscovery.DEFAULT_SPLIT_BYTES;
  private static final String NOT_A_RECORDING =
      "not a recording format (.jsonl, .ndjson, .json, .har, optionally .gz)";
  private static final String HIDDEN = "hidden or bookkeeping file";

  @TempDir Path dir;

  private Path file(String relative, int bytes) throws IOException {
    Path path = dir.resolve(relative);
    Files.createDirectories(path.getParent());
    Files.write(path, new byte[bytes]);
    return path;
  }

  /** Hadoop's form of a local path, as discovery reports it. */
  private static String uri(Path path) {
    return "file:" + path.toAbsolutePath();
  }

  private static Result discover(List<String> inputs) throws Exception {
    return InputDiscovery.discover(inputs, Optional.empty(), CONF, BIG);
  }

  private static Map<String, String> skippedByPath(Result result) {
    return result.skipped().stream()
        .collect(Collectors.toMap(SkippedFile::path, SkippedFile::reason));
  }

  @Test
  void directoriesAreReadRecursivelyAndOtherFilesAreListedAsSkipped() throws Exception {
    Path a = file("a.jsonl", 10);
    Path b = file("sub/b.har", 20);
    Path c = file("sub/deeper/c.ndjson.gz", 30);
    Path d = file("sub/d.JSON", 5);
    Path notes = file("notes.txt", 1);
    Path hidden = file(".hidden.jsonl", 1);
    Path success = file("sub/_SUCCESS", 0);

    Result result = discover(List.of(dir.toString()));
    assertEquals(
        List.of(uri(a), uri(b), uri(d), uri(c)),
        result.files(),
        "files read, sorted by path string");
    assertEquals(
        Map.of(uri(notes), NOT_A_RECORDING, uri(hidden), HIDDEN, uri(success), HIDDEN),
        skippedByPath(result),
        "skipped files with their reasons");

    Map<String, InputSplit> splits =
        result.splits().stream().collect(Collectors.toMap(InputSplit::path, s -> s));
    assertEquals(
        new InputSplit(uri(a), InputFormat.JSONL, false, 0, 10, 10), splits.get(uri(a)), "jsonl");
    assertEquals(
        new InputSplit(uri(b), InputFormat.HAR, false, 0, 20, 20), splits.get(uri(b)), "har");
    assertEquals(
        new InputSplit(uri(c), InputFormat.JSONL, true, 0, 30, 30),
        splits.get(uri(c)),
        ".ndjson.gz");
    assertEquals(
        new InputSplit(uri(d), InputFormat.JSONL, false, 0, 5, 5),
        splits.get(uri(d)),
        "upper-case .JSON");
    assertEquals(4, result.splits().size(), "one split per small file");
  }

  @Test
  void filesUnderHiddenOrBookkeepingDirectoriesAreSkipped() throws Exception {
    Path kept = file("day/a.jsonl", 1);
    Path temporary = file("day/_temporary/0/part-0.jsonl", 1);
    Path git = file(".git/objects/x.json", 1);
    Result result = discover(List.of(dir.toString()));
    assertEquals(List.of(uri(kept)), result.files(), "only the visible file is read");
    assertEquals(
        Map.of(uri(temporary), HIDDEN, uri(git), HIDDEN), skippedByPath(result), "skipped");
  }

  @Test
  void discoveryListsSizesWithoutOpeningAnyFile() throws Exception {
    for (int i = 0; i < 300; i++) {
      file(String.format("day/h%02d/part-%03d.jsonl", i % 24, i), 10 + i);
    }
    Configuration flaky = new Configuration();
    flaky.set("fs." + FlakyFileSystem.SCHEME + ".impl", FlakyFileSystem.class.getName());
    flaky.setBoolean("fs." + FlakyFileSystem.SCHEME + ".impl.disable.cache", true);
    FlakyFileSystem.reset();
    Result result =
        InputDiscovery.discover(
            List.of(FlakyFileSystem.SCHEME + "://" + dir.resolve("day").toAbsolutePath()),
            Optional.empty(),
            flaky,
            BIG);
    assertEquals(0, FlakyFileSystem.opens(), "files opened by discovery");
    assertEquals(300, result.splits().size(), "one split per file");
    assertEquals(
        300L * 10 + 299 * 300 / 2,
        result.splits().stream().mapToLong(InputSplit::length).sum(),
        "every file's length, from the listing");
  }

  @Test
  void anUnreadableLocalFileIsAMissingInputNamingIt() throws Exception {
    // The permission check is given: the suite runs as root too, who may read any file.
    Path locked = file("locked.jsonl", 5);
    file("open.jsonl", 5);
    MissingInputException e =
        assertThrows(
            MissingInputException.class,
            () ->
                InputDiscovery.discover(
                    List.of(dir.toString()),
                    Optional.empty(),
                    CONF,
                    InputDiscovery.DEFAULT_SPLIT_BYTES,
                    file -> !file.equals(locked)));
    assertEquals(
        "--input " + uri(locked) + ": cannot be read (permission denied)",
        e.getMessage(),
        "the message names the file");
  }

  @Test
  void globsMatchFilesAndDirectories() throws Exception {
    Path a = file("2026-11-19/a.jsonl", 1);
    Path b = file("2026-11-20/b.har.gz", 1);
    Path c = file("2026-12-01/c.jsonl", 1);
    file("2026-11-19/x.txt", 1);

    Result days = discover(List.of(dir + "/2026-11-*"));
    assertEquals(
        List.of(uri(a), uri(b)),
        days.files(),
        "directories matched by a glob are read recursively");
    assertEquals(1, days.skipped().size(), "x.txt skipped");
    assertEquals(true, days.splits().get(1).gzip(), ".har.gz is gzip");
    assertEquals(InputFormat.HAR, days.splits().get(1).format(), ".har.gz is HAR");

    Result files = discover(List.of(dir + "/*/*.jsonl"));
    assertEquals(List.of(uri(a), uri(c)), files.files(), "file glob");
    assertEquals(List.of(), files.skipped(), "nothing skipped by a file glob");
  }

  @Test
  void theSameFileNamedTwiceIsReadOnce() throws Exception {
    Path a = file("a.jsonl", 3);
    Result result = discover(List.of(dir.toString(), a.toString(), dir + "/*.jsonl"));
    assertEquals(List.of(uri(a)), result.files(), "deduplicated");
    assertEquals(1, result.splits().size(), "one split");
  }

  @Test
  void aMissingPathOrAnEmptyGlobIsAMissingInputNamingIt() throws Exception {
    file("a.jsonl", 1);
    String missing = dir.resolve("no-such-dir").toString();
    MissingInputException e =
        assertThrows(
            MissingInputException.class,
            () -> discover(List.of(dir.toString(), missing)),
            "missing path");
    assertTrue(e.getMessage().contains(missing), "message names the path: " + e.getMessage());
    String glob = dir + "/*.har";
    MissingInputException g =
        assertThrows(MissingInputException.class, () -> discover(List.of(glob)), "empty glob");
    assertTrue(g.getMessage().contains(glob), "message names the glob: " + g.getMessage());
  }

  @Test
  void anEmptyDirectoryGivesNoFiles() throws Exception {
    Files.createDirectories(dir.resolve("empty"));
    Result result = discover(List.of(dir.resolve("empty").toString()));
    assertEquals(List.of(), result.files(), "no files");
    assertEquals(List.of(), result.splits(), "no splits");
  }

  @Test
  void aForcedFormatReadsEveryVisibleFileWithIt() throws Exception {
    Path notes = file("notes.txt", 4);
    Path jsonl = file("b.jsonl", 4);
    Path gz = file("c.log.gz", 4);
    Path hidden = file(".d.txt", 4);
    Result result =
        InputDiscovery.discover(List.of(dir.toString()), Optional.of(InputFormat.HAR), CONF, BIG);
    assertEquals(List.of(uri(jsonl), uri(gz), uri(notes)), result.files(), "files read");
    assertTrue(
        result.splits().stream().allMatch(s -> s.format() == InputFormat.HAR), "all read as HAR");
    assertEquals(
        List.of(false, true, false),
        result.splits().stream().map(InputSplit::gzip).toList(),
        "gzip from the name");
    assertEquals(Map.of(uri(hidden), HIDDEN), skippedByPath(result), "hidden files stay skipped");
  }

  @Test
  void bigPlainJsonLinesFilesAreCutIntoContiguousSplitsCoveringTheFile() throws Exception {
    Path big = file("big.jsonl", 1000);
    Path exact = file("exact.jsonl", 300);
    Path gz = file("big.jsonl.gz", 1000);
    Path har = file("big.har", 1000);
    Result result = InputDiscovery.discover(List.of(dir.toString()), Optional.empty(), CONF, 300);

    List<InputSplit> bigSplits =
        result.splits().stream().filter(s -> s.path().equals(uri(big))).toList();
    assertEquals(
        List.of(
            new InputSplit(uri(big), InputFormat.JSONL, false, 0, 300, 1000),
            new InputSplit(uri(big), InputFormat.JSONL, false, 300, 300, 1000),
            new InputSplit(uri(big), InputFormat.JSONL, false, 600, 300, 1000),
            new InputSplit(uri(big), InputFormat.JSONL, false, 900, 100, 1000)),
        bigSplits,
        "contiguous splits covering the file");
    long covered = 0;
    for (InputSplit split : bigSplits) {
      assertEquals(covered, split.start(), "split starts where the previous ended");
      covered = split.end();
    }
    assertEquals(1000, covered, "the splits cover the whole file");
    for (Path whole : List.of(exact, gz, har)) {
      List<InputSplit> splits =
          result.splits().stream().filter(s -> s.path().equals(uri(whole))).toList();
      assertEquals(1, splits.size(), whole.getFileName() + " is read whole");
      assertTrue(splits.get(0).isWholeFile(), whole.getFileName() + " split is the whole file");
    }
  }
}
