package com.hoteltraffic.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.hoteltraffic.json.JsonFactories;
import com.hoteltraffic.model.BodyNeeds;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * {@link JsonLinesSplitReader}: line handling, byte-range splits, damaged gzip, over-long lines.
 */
class JsonLinesSplitReaderTest {
  private static final ObjectMapper MAPPER = JsonFactories.mapper();
  private static final JsonLinesParser PARSER =
      new JsonLinesParser(MAPPER.getFactory(), BodyNeeds.ALL);

  /** What one split yields, in order, and its counts. */
  record SplitRead(List<ReadEvent> records, SplitStats stats) {
    List<String> exchangeIds() {
      return records.stream()
          .filter(e -> e.kind() == ReadEvent.Kind.EXCHANGE)
          .map(e -> e.exchange().requestId())
          .toList();
    }

    List<ReadEvent> quarantined() {
      return records.stream().filter(e -> e.kind() == ReadEvent.Kind.QUARANTINE).toList();
    }
  }

  static String rec(String id) {
    return "{\"ts\":\"2026-11-19T10:00:05Z\",\"id\":\""
        + id
        + "\",\"request\":{\"method\":\"GET\",\"url\":\"https://onlinebuchungen.ch/v1/introspect\"}}";
  }

  /** Reads one byte range as the job does: the stream starts one byte early for splits not at 0. */
  static SplitRead read(byte[] file, long start, long length) {
    InputSplit split =
        new InputSplit("file:/t.jsonl", InputFormat.JSONL, false, start, length, file.length);
    int from = start > 0 ? (int) start - 1 : 0;
    return drain(
        new JsonLinesSplitReader(
            new ByteArrayInputStream(file, from, file.length - from), split, PARSER));
  }

  static SplitRead readWhole(byte[] file) {
    return read(file, 0, file.length);
  }

  static SplitRead drain(JsonLinesSplitReader reader) {
    List<ReadEvent> records = new ArrayList<>();
    SplitStats stats = null;
    while (reader.hasNext()) {
      ReadEvent event = reader.next();
      if (event.kind() == ReadEvent.Kind.STATS) {
        assertNull(stats, "one stats event per split");
        stats = event.stats();
      } else {
        assertNull(stats, "stats come last");
        records.add(event);
      }
    }
    assertNotNull(stats, "a split always ends with its stats");
    assertEquals(
        stats.lines(),
        stats.exchanges() + stats.quarantined() + stats.blank(),
        "lines = exchanges + quarantined + blank");
    assertEquals(
        stats.exchanges() + stats.quarantined(),
        records.size(),
        "one event per exchange or quarantine");
    return new SplitRead(records, stats);
  }

  static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void blankLinesCrlfAndALastLineWithoutNewline() {
    String text =
        rec("a")
            + "\n"
            + "\n"
            + "   \t \n"
            + rec("b")
            + "\r\n"
            + "\r\n"
            + "not json\r\n"
            + rec("c")
            + "\n"
            + rec("d");
    SplitRead read = readWhole(bytes(text));
    assertEquals(List.of("a", "b", "c", "d"), read.exchangeIds(), "exchanges");
    assertEquals(8, read.stats().lines(), "lines");
    assertEquals(3, read.stats().blank(), "blank lines: empty, whitespace, CRLF only");
    assertEquals(4, read.stats().exchanges(), "exchanges");
    assertEquals(1, read.stats().quarantined(), "quarantined");
    assertNull(read.stats().corruptReason(), "not corrupt");
    List<Long> lines = read.records().stream().map(ReadEvent::line).toList();
    assertEquals(
        List.of(1L, 4L, 6L, 7L, 8L), lines, "1-based physical line numbers, blank lines counted");
    ReadEvent bad = read.quarantined().get(0);
    assertEquals("not json", bad.raw(), "raw kept whole, without CR");
    assertTrue(bad.reason().startsWith("not valid JSON"), "reason: " + bad.reason());
  }

  @Test
  void aUtf8ByteOrderMarkAtTheStartOfTheFileIsNotARecordError() {
    SplitRead read = readWhole(bytes("\uFEFF" + rec("a") + "\n" + rec("b") + "\n"));
    assertEquals(List.of("a", "b"), read.exchangeIds(), "exchanges after a BOM");
  }

  @Test
  void emptyFileAndOnlyNewlines() {
    SplitRead empty = readWhole(new byte[0]);
    assertEquals(0, empty.stats().lines(), "empty file has no lines");
    SplitRead newlines = readWhole(bytes("\n\n\r\n"));
    assertEquals(3, newlines.stats().lines(), "three blank lines");
    assertEquals(3, newlines.stats().blank(), "all blank");
    assertEquals(0, newlines.records().size(), "no records");
  }

  /**
   * A small file with every kind of line: short, blank, CRLF, malformed, multi-byte UTF-8, no final
   * newline.
   */
  private static byte[] splitTestFile() {
    return bytes(
        shortRec("1")
            + "\n"
            + "\n"
            + "x\n"
            + shortRec("2-é")
            + "\r\n"
            + " \n"
            + shortRec("3")
            + "\n"
            + "\r\n"
            + "{}\n"
            + shortRec("4"));
  }

  /** A minimal valid record: short lines keep the every-cut-position test fast. */
  private static String shortRec(String id) {
    return "{\"ts\":0,\"id\":\"" + id + "\",\"request\":{\"method\":\"G\",\"url\":\"u\"}}";
  }

  /**
   * The critical property: whatever the cut positions, every line is read by exactly one split, and
   * per-split line numbers plus the lines of earlier splits are the whole-file line numbers.
   */
  @Test
  void byteRangeSplitsReadEveryLineExactlyOnceAtEveryCutPosition() {
    byte[] file = splitTestFile();
    SplitRead whole = readWhole(file);
    assertEquals(List.of("1", "2-é", "3", "4"), whole.exchangeIds(), "whole-file exchanges");
    assertEquals(2, whole.quarantined().size(), "whole-file quarantined");
    int n = file.length;
    int checked = 0;
    // Two and three splits: every cut position and pair of positions.
    for (int a = 1; a < n; a++) {
      assertSplitsEqualWhole(file, whole, new int[] {a});
      checked++;
      for (int b = a + 1; b < n; b++) {
        assertSplitsEqualWhole(file, whole, new int[] {a, b});
        checked++;
      }
    }
    // Four and five splits: random cut sets (every combination would take minutes).
    Random random = new Random(20261119);
    for (int i = 0; i < 10_000; i++) {
      int cuts = 3 + random.nextInt(2);
      int[] positions = random.ints(cuts, 1, n).sorted().distinct().toArray();
      assertSplitsEqualWhole(file, whole, positions);
      checked++;
    }
    assertTrue(checked > n * (n - 1) / 2, "cut sets checked: " + checked);
  }

  @Test
  void splitsThatStartOrEndExactlyOnLineBoundariesAndEmptySplits() {
    byte[] file = splitTestFile();
    SplitRead whole = readWhole(file);
    List<Integer> lineStarts = new ArrayList<>();
    for (int i = 0; i < file.length; i++) {
      if (file[i] == '\n' && i + 1 < file.length) {
        lineStarts.add(i + 1);
      }
    }
    for (int start : lineStarts) {
      // Cut just before, at, and just after each line start.
      for (int cut = start - 1; cut <= start + 1; cut++) {
        assertSplitsEqualWhole(file, whole, new int[] {cut});
      }
    }
    // A split holding no line start yields nothing.
    SplitRead middle = read(file, 5, 1); // inside the first record
    assertEquals(
        0, middle.stats().lines(), "a one-byte split inside a line has no line of its own");
  }

  private static void assertSplitsEqualWhole(byte[] file, SplitRead whole, int[] cuts) {
    List<String> ids = new ArrayList<>();
    List<String> raws = new ArrayList<>();
    List<Long> lineNumbers = new ArrayList<>();
    long lines = 0;
    long blank = 0;
    int start = 0;
    for (int i = 0; i <= cuts.length; i++) {
      int end = i < cuts.length ? cuts[i] : file.length;
      SplitRead split = read(file, start, end - start);
      ids.addAll(split.exchangeIds());
      for (ReadEvent event : split.records()) {
        lineNumbers.add(lines + event.line());
        if (event.kind() == ReadEvent.Kind.QUARANTINE) {
          raws.add(event.raw());
        }
      }
      lines += split.stats().lines();
      blank += split.stats().blank();
      start = end;
    }
    String where = "cuts " + Arrays.toString(cuts);
    assertEquals(whole.exchangeIds(), ids, where + ": exchanges");
    assertEquals(
        whole.quarantined().stream().map(ReadEvent::raw).toList(), raws, where + ": quarantined");
    assertEquals(
        whole.records().stream().map(ReadEvent::line).toList(),
        lineNumbers,
        where + ": line numbers");
    assertEquals(whole.stats().lines(), lines, where + ": lines");
    assertEquals(whole.stats().blank(), blank, where + ": blank");
  }

  @Test
  void gzipCutOffInTheMiddleKeepsTheLinesBeforeAndQuarantinesTheTail() throws IOException {
    Random random = new Random(7);
    StringBuilder text = new StringBuilder();
    List<String> written = new ArrayList<>();
    int records = 3000;
    for (int i = 0; i < records; i++) {
      // Random ids keep the compressed stream long enough to cut in the middle.
      written.add(rec(String.format("%05d-%016x", i, random.nextLong())));
      text.append(written.get(i)).append('\n');
    }
    byte[] gz = gzip(bytes(text.toString()));
    byte[] cut = Arrays.copyOf(gz, gz.length / 2);
    InputSplit split =
        new InputSplit("file:/t.jsonl.gz", InputFormat.JSONL, true, 0, cut.length, cut.length);
    InputStream in = new GZIPInputStream(new ByteArrayInputStream(cut));
    SplitRead read = drain(new JsonLinesSplitReader(in, split, PARSER));

    assertNotNull(read.stats().corruptReason(), "a cut-off gzip marks the split corrupt");
    assertTrue(
        read.stats().corruptReason().startsWith("compressed data ends early or is damaged"),
        "reason: " + read.stats().corruptReason());
    List<String> ids = read.exchangeIds();
    assertTrue(
        ids.size() > records / 10 && ids.size() < records,
        "records before the cut kept: " + ids.size());
    for (int i = 0; i < ids.size(); i++) {
      assertTrue(
          ids.get(i).startsWith(String.format("%05d-", i)),
          "record " + i + " in order: " + ids.get(i));
    }
    assertEquals(1, read.quarantined().size(), "the cut-off tail is quarantined");
    ReadEvent tail = read.quarantined().get(0);
    assertEquals("line cut off where the file is damaged", tail.reason(), "tail reason");
    assertTrue(
        !tail.raw().isEmpty() && written.get(ids.size()).startsWith(tail.raw()),
        "the tail is the start of the next record: " + tail.raw());
    assertEquals(ids.size() + 1, tail.line(), "tail line number");
    assertEquals(ids.size() + 1, read.stats().lines(), "lines counted up to the tail");
  }

  @Test
  void gzipReadWholeIsNotCorrupt() throws IOException {
    byte[] gz = gzip(bytes(rec("a") + "\n" + rec("b") + "\n"));
    InputSplit split =
        new InputSplit("file:/t.jsonl.gz", InputFormat.JSONL, true, 0, gz.length, gz.length);
    SplitRead read =
        drain(
            new JsonLinesSplitReader(
                new GZIPInputStream(new ByteArrayInputStream(gz)), split, PARSER));
    assertEquals(List.of("a", "b"), read.exchangeIds(), "exchanges");
    assertNull(read.stats().corruptReason(), "whole gzip is not corrupt");
  }

  @Test
  void aLineLongerThanTheLimitIsQuarantinedWithItsStartAndTheNextLineIsRead() {
    int max = JsonLinesSplitReader.MAX_LINE_BYTES;
    String head =
        "{\"ts\":\"2026-11-19T10:00:05Z\",\"id\":\"fits\",\"request\":{\"method\":\"GET\",\"url\":\"https://x/\"},\"pad\":\"";
    // A valid record of exactly the limit, one a byte too long, then a short one.
    byte[] file = new byte[max + 1 + (max + 1) + 1 + rec("after").length()];
    int pos = fillRecord(file, 0, head, max);
    file[pos++] = '\n';
    String headTooLong = head.replace("fits", "long");
    pos = fillRecord(file, pos, headTooLong, max + 1);
    file[pos++] = '\n';
    byte[] after = bytes(rec("after"));
    System.arraycopy(after, 0, file, pos, after.length);

    SplitRead read = readWhole(file);
    assertEquals(
        List.of("fits", "after"), read.exchangeIds(), "a line of exactly the limit is kept");
    assertEquals(1, read.quarantined().size(), "the over-long line is quarantined");
    ReadEvent longLine = read.quarantined().get(0);
    assertEquals(2, longLine.line(), "line of the over-long record");
    assertEquals(
        "line longer than " + max + " bytes (only its start is kept)", longLine.reason(), "reason");
    assertTrue(longLine.raw().startsWith(headTooLong), "raw keeps the start of the line");
    assertTrue(
        longLine.raw().length() <= 4096, "raw is only the start: " + longLine.raw().length());
    assertEquals(3, read.stats().lines(), "lines");
  }

  /** Writes a record of exactly {@code length} bytes: head, padding, closing quote and brace. */
  private static int fillRecord(byte[] file, int pos, String head, int length) {
    byte[] h = bytes(head);
    System.arraycopy(h, 0, file, pos, h.length);
    int padEnd = pos + length - 2;
    Arrays.fill(file, pos + h.length, padEnd, (byte) 'p');
    file[padEnd] = '"';
    file[padEnd + 1] = '}';
    return pos + length;
  }

  private static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    }
    return out.toByteArray();
  }
}
