package com.hoteltraffic.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.hoteltraffic.report.engine.ReportResults;
import com.hoteltraffic.report.engine.ReportRow;
import com.hoteltraffic.report.engine.ReportSpec;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CSV half of a report, written from its rows in plain Java (no Spark runs here). */
class ReportFilesTest {
  private static final String KEY = "key";
  private static final String NAME = "name";
  private static final String TS = "ts";
  private static final String RATE = "rate";
  private static final ReportSpec SPEC =
      new ReportSpec(
          "test",
          new StructType()
              .add(KEY, DataTypes.LongType)
              .add(NAME, DataTypes.StringType)
              .add(TS, DataTypes.TimestampType)
              .add(RATE, DataTypes.DoubleType),
          List.of(KEY, NAME),
          true);

  @TempDir Path dir;

  @Test
  void sortsByTheKeysWithNullsFirstThenByEveryOtherColumn() throws IOException {
    Path target =
        write(
            "sorted.csv",
            row(2L, "b", null, 0.5),
            row(1L, "b", null, null),
            row(2L, "a", null, null),
            row(1L, null, null, null),
            row(null, "z", null, null),
            row(2L, "b", null, 0.25),
            row(
                2L, "\uFB01", null,
                null), // U+FB01: after the surrogates in UTF-16, before U+1F600 in UTF-8
            row(
                2L,
                "\uD83D\uDE00",
                null,
                null)); // U+1F600, after U+FB01 by code point (and by UTF-8 bytes)

    List<String> order =
        parse(target).stream()
            .map(r -> r.get(KEY) + "/" + r.get(NAME) + "/" + r.get(RATE))
            .toList();
    assertEquals(
        List.of(
            "/z/", "1//", "1/b/", "2/a/", "2/b/0.25", "2/b/0.5", "2/\uFB01/", "2/\uD83D\uDE00/"),
        order,
        "key then name, nulls first, then the other columns; text by code point as Spark orders UTF-8");
  }

  @Test
  void quotesCommasQuotesAndNewlinesAsRfc4180() throws IOException {
    Path target =
        write(
            "quoted.csv",
            row(1L, "Hotel Alpha, Zurich", Instant.parse("2024-03-01T10:00:00.250Z"), 0.5),
            row(2L, "the \"best\" hotel", Instant.parse("2024-03-01T10:00:00Z"), 1.0),
            row(3L, "line one\nline two", null, null),
            row(4L, "=HYPERLINK(\"x\")", null, -0.25));

    String expected =
        "key,name,ts,rate\r\n"
            + "1,\"Hotel Alpha, Zurich\",2024-03-01T10:00:00.250Z,0.5\r\n"
            + "2,\"the \"\"best\"\" hotel\",2024-03-01T10:00:00Z,1\r\n"
            + "3,\"line one\nline two\",,\r\n"
            + "4,\"'=HYPERLINK(\"\"x\"\")\",,-0.25\r\n";
    assertEquals(expected, Files.readString(target, StandardCharsets.UTF_8), "exact file");
    List<CSVRecord> records = parse(target);
    assertEquals("Hotel Alpha, Zurich", records.get(0).get(NAME), "comma survives a parse");
    assertEquals("line one\nline two", records.get(2).get(NAME), "newline survives a parse");
  }

  @Test
  void writesOnlyTheHeaderForAnEmptyReport() throws IOException {
    assertEquals(
        "key,name,ts,rate\r\n",
        Files.readString(write("empty.csv"), StandardCharsets.UTF_8),
        "header only");
  }

  @Test
  void replacesAFileLeftFromBefore() throws IOException {
    Files.writeString(
        dir.resolve("again.csv"), "old content that is longer than the new one\r\n".repeat(10));
    assertEquals(
        "key,name,ts,rate\r\n1,x,,\r\n",
        Files.readString(write("again.csv", row(1L, "x", null, null)), StandardCharsets.UTF_8),
        "old content gone");
  }

  @Test
  void withoutTheOptionTheFileIsPlainUtf8WithoutAByteOrderMark() throws IOException {
    Path target = write("plain.csv", row(1L, "Z\u00fcrich ...wxyz", null, null));

    assertArrayEquals(
        concat(
            bytes("key,name,ts,rate\r\n1,Z"),
            new byte[] {(byte) 0xC3, (byte) 0xBC},
            bytes("rich ...wxyz,,\r\n")),
        Files.readAllBytes(target),
        "exact bytes: UTF-8, no BOM");
  }

  @Test
  void csvBomPutsTheUtf8ByteOrderMarkFirstAndNothingElseChanges() throws IOException {
    Path target = write("bom.csv", true, row(1L, "Z\u00fcrich ...wxyz", null, null));

    assertArrayEquals(
        concat(
            new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
            bytes("key,name,ts,rate\r\n1,Z"),
            new byte[] {(byte) 0xC3, (byte) 0xBC},
            bytes("rich ...wxyz,,\r\n")),
        Files.readAllBytes(target),
        "exact bytes: EF BB BF, then the same file as without the option");
    assertArrayEquals(
        new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'k', 'e', 'y'},
        java.util.Arrays.copyOf(Files.readAllBytes(write("empty-bom.csv", true)), 6),
        "an empty report too");
  }

  private static byte[] bytes(String ascii) {
    return ascii.getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] concat(byte[]... parts) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  private Path write(String name, ReportRow... rows) throws IOException {
    return write(name, false, rows);
  }

  private Path write(String name, boolean byteOrderMark, ReportRow... rows) throws IOException {
    ReportResults results = ReportResults.of(List.of(SPEC), List.of(rows));
    Path target = dir.resolve(name);
    ReportFiles.writeCsv(
        SPEC,
        results.rows(SPEC.name()),
        new org.apache.hadoop.fs.Path(target.toUri()),
        new Configuration(),
        byteOrderMark);
    return target;
  }

  private static ReportRow row(Long key, String name, Instant ts, Double rate) {
    return new ReportRow(SPEC.name(), new Object[] {key, name, ts, rate});
  }

  private static List<CSVRecord> parse(Path file) throws IOException {
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser parser = CSVParser.parse(reader, format)) {
      return parser.getRecords();
    }
  }
}
