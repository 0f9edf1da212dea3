package com.hoteltraffic.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hoteltraffic.classify.ExchangeInterpreter;
import com.hoteltraffic.classify.ProviderRules;
import com.hoteltraffic.classify.ResponseClassifier;
import com.hoteltraffic.classify.TokenPseudonymizer;
import com.hoteltraffic.model.ExchangeSchema;
import com.hoteltraffic.testing.SparkTestSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one-pass read: exchange rows, quarantine parts and counts, over files cut into many splits.
 */
@ExtendWith(SparkTestSession.class)
class ExchangeReaderTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static SparkSession spark;

  @TempDir Path dir;

  private static String exchange(int n) {
    return "{\"ts\":\"2026-11-18T10:00:"
        + String.format("%02d", n % 60)
        + "Z\",\"duration_ms\":"
        + n
        + ",\"request\":{\"method\":\"GET\",\"url\":\"https://onlinebuchungen.ch/v1/reservations/"
        + (8000 + n)
        + "\",\"headers\":[],\"body\":null},\"response\":{\"status\":200,\"headers\":[],\"body\":\"{}\"}}";
  }

  /**
   * 300 lines: exchanges, with a blank line every 50 (6) and a bad one every 70 (4; raw text that
   * needs escaping).
   */
  private List<String> writeFile(Path file) throws IOException {
    List<String> lines = new ArrayList<>();
    for (int i = 1; i <= 300; i++) {
      lines.add(i % 50 == 0 ? "" : i % 70 == 0 ? "not json \"quoted\"\ttab ünï €" : exchange(i));
    }
    Files.write(file, lines, StandardCharsets.UTF_8);
    return lines;
  }

  private ExchangeReader.Read read(Path input, long splitBytes, Path side) throws Exception {
    InputDiscovery.Result found =
        InputDiscovery.discover(
            List.of(input.toString()),
            Optional.empty(),
            spark.sparkContext().hadoopConfiguration(),
            splitBytes);
    ExchangeInterpreter interpreter =
        new ExchangeInterpreter(
            ProviderRules.loadDefault(),
            ResponseClassifier.withDefaultTaxonomy(),
            new TokenPseudonymizer("k".getBytes(StandardCharsets.UTF_8)),
            false);
    return ExchangeReader.read(
        spark,
        found.splits(),
        interpreter,
        side == null ? null : new org.apache.hadoop.fs.Path(side.toUri()));
  }

  /** The quarantined records of the outcome's slices, in their order. */
  static List<String> quarantinedLines(ExchangeReader.Outcome outcome) throws IOException {
    List<String> lines = new ArrayList<>();
    for (ExchangeReader.QuarantineSlice slice : outcome.quarantine()) {
      byte[] part = Files.readAllBytes(Path.of(slice.part().toUri()));
      String text =
          new String(part, (int) slice.offset(), (int) slice.length(), StandardCharsets.UTF_8);
      lines.addAll(text.lines().toList());
    }
    return lines;
  }

  @Test
  void lineNumbersAreFileWideWhenManyTasksReadOneFile() throws Exception {
    Path input = dir.resolve("in.jsonl");
    List<String> lines = writeFile(input);
    Path side = dir.resolve("side");
    ExchangeReader.Read read = read(input, 1000, side); // ~ 70 splits, packed in 2 tasks

    List<Row> rows = read.exchanges().orderBy(ExchangeSchema.LINE).collectAsList();
    ExchangeReader.Outcome outcome = read.finish();

    List<Long> expectedLines = new ArrayList<>();
    for (int i = 1; i <= lines.size(); i++) {
      if (lines.get(i - 1).startsWith("{")) {
        expectedLines.add((long) i);
      }
    }
    assertEquals(
        expectedLines,
        rows.stream().map(r -> r.<Long>getAs(ExchangeSchema.LINE)).toList(),
        "every exchange once, numbered by its line in the file");
    for (Row row : rows) {
      long line = row.getAs(ExchangeSchema.LINE);
      assertEquals(
          line,
          (long) row.<Long>getAs(ExchangeSchema.DURATION_MS),
          "line " + line + " is the record written there");
    }
    ExchangeReader.FileCounts file = outcome.files().get(0);
    assertEquals(
        List.of(300L, 290L, 4L, 6L),
        List.of(file.lines(), file.exchanges(), file.quarantined(), file.blank()),
        "lines, exchanges, quarantined, blank");

    List<String> quarantined = quarantinedLines(outcome);
    for (ExchangeReader.QuarantineSlice slice : outcome.quarantine()) {
      assertEquals(
          "rw-------",
          PosixFilePermissions.toString(
              Files.getPosixFilePermissions(Path.of(slice.part().toUri()))),
          "quarantine part " + slice.part());
    }
    assertEquals(4, quarantined.size(), "the bad lines 70, 140, 210 and 280");
  }

  @Test
  void foldBlocksAreOwnerOnlyCodecBytes() throws Exception {
    Path input = dir.resolve("in.jsonl");
    writeFile(input);
    Path side = dir.resolve("side");
    InputDiscovery.Result found =
        InputDiscovery.discover(
            List.of(input.toString()),
            Optional.empty(),
            spark.sparkContext().hadoopConfiguration(),
            4000);
    ExchangeReader.Read read =
        ExchangeReader.read(
            spark,
            found.splits(),
            new ExchangeInterpreter(
                ProviderRules.loadDefault(),
                ResponseClassifier.withDefaultTaxonomy(),
                new TokenPseudonymizer("k".getBytes(StandardCharsets.UTF_8)),
                false),
            new org.apache.hadoop.fs.Path(side.toUri()),
            new com.hoteltraffic.report.engine.ReportFold(
                com.hoteltraffic.report.Reports.catalog(),
                com.hoteltraffic.report.engine.ReportSettings.defaults()));
    read.exchanges().count();
    ExchangeReader.Outcome outcome = read.finish();

    assertEquals(read.tasks(), outcome.foldBlocks().size(), "one block per read task");
    assertEquals(
        "rwx------",
        PosixFilePermissions.toString(Files.getPosixFilePermissions(side)),
        "the side directory");
    for (org.apache.hadoop.fs.Path block : outcome.foldBlocks()) {
      Path file = Path.of(block.toUri());
      assertEquals(
          "rw-------",
          PosixFilePermissions.toString(Files.getPosixFilePermissions(file)),
          "block " + block);
      byte[] start = Arrays.copyOf(Files.readAllBytes(file), 4);
      // The report codec's block header ("RPB", version 1), not Java serialization's 0xACED.
      assertEquals("RPB\u0001", new String(start, StandardCharsets.ISO_8859_1), "block " + block);
    }
  }

  @Test
  void quarantinedRecordsKeepTheirRawTextAndFileWideLine() throws Exception {
    Path input = dir.resolve("bad.jsonl");
    writeFile(input);
    ExchangeReader.Read read = read(input, 1000, dir.resolve("side"));

    read.exchanges().write().parquet(dir.resolve("table").toString());
    ExchangeReader.Outcome outcome = read.finish();

    List<JsonNode> records = new ArrayList<>();
    for (String line : quarantinedLines(outcome)) {
      records.add(JSON.readTree(line));
    }
    assertEquals(
        List.of(70L, 140L, 210L, 280L),
        records.stream().map(r -> r.get("line").asLong()).toList(),
        "bad lines in file order, file-wide numbers");
    for (JsonNode record : records) {
      assertEquals(
          "not json \"quoted\"\ttab ünï €", record.get("raw").asText(), "raw text kept exactly");
      assertTrue(
          record.get("source").asText().endsWith("/bad.jsonl"), "source " + record.get("source"));
      assertTrue(!record.get("reason").asText().isEmpty(), "a reason");
    }
  }

  @Test
  void countsStayRightWhenTheExchangesAreReadTwice() throws Exception {
    Path input = dir.resolve("twice.jsonl");
    writeFile(input);
    ExchangeReader.Read read = read(input, 4000, dir.resolve("side"));

    assertEquals(290, read.exchanges().count(), "first action");
    assertEquals(290, read.exchanges().count(), "second action");
    ExchangeReader.FileCounts file = read.finish().files().get(0);

    assertEquals(
        List.of(300L, 290L, 4L),
        List.of(file.lines(), file.exchanges(), file.quarantined()),
        "each split counted once");
  }

  @Test
  void finishingBeforeAnyActionSaysTheReadIsIncomplete() throws Exception {
    Path input = dir.resolve("unread.jsonl");
    writeFile(input);
    ExchangeReader.Read read = read(input, 4000, null);

    IllegalStateException e = assertThrows(IllegalStateException.class, read::finish);
    assertTrue(e.getMessage().startsWith("The read is not complete: 0 of "), e.getMessage());
  }
}
