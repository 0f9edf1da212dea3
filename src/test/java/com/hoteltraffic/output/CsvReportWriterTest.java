package com.hoteltraffic.output;

import static org.apache.spark.sql.functions.rand;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hoteltraffic.testing.SparkTestSession;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReportWriterTest {
  private static final String KEY = "key";
  private static final String NAME = "name";
  private static final String TS = "ts";
  private static final String RATE = "rate";
  private static final String CODES = "codes";
  private static final List<String> COLUMNS = List.of(KEY, NAME, TS, RATE, CODES);
  private static final StructType SCHEMA =
      new StructType()
          .add(KEY, DataTypes.LongType)
          .add(NAME, DataTypes.StringType)
          .add(TS, DataTypes.TimestampType)
          .add(RATE, DataTypes.DoubleType)
          .add(CODES, DataTypes.createArrayType(DataTypes.StringType));
  private static final Instant BASE = Instant.parse("2024-03-01T00:00:00Z");

  private static SparkSession spark;
  private static Configuration conf;

  @TempDir Path dir;

  @BeforeAll
  static void startSpark() {
    spark = SparkTestSession.create("CsvReportWriterTest");
    // Small test data would otherwise be coalesced into one partition, and the order in which the
    // parts are concatenated would go untested.
    spark.conf().set("spark.sql.adaptive.coalescePartitions.enabled", "false");
    conf = spark.sparkContext().hadoopConfiguration();
  }

  @AfterAll
  static void stopSpark() {
    spark.stop();
  }

  @Test
  void writesHeaderOnceAndRowsInSortOrderAcrossPartitions() throws IOException {
    int count = 5000;
    List<Long> keys = new ArrayList<>();
    for (long k = 0; k < count; k++) {
      keys.add(k);
    }
    Collections.shuffle(keys, new Random(42));
    List<Row> rows = new ArrayList<>();
    for (long k : keys) {
      rows.add(RowFactory.create(k, "hotel " + k, Timestamp.from(BASE.plusSeconds(k)), k / 8.0,
          List.of("c" + k)));
    }
    Dataset<Row> input = spark.createDataFrame(rows, SCHEMA).repartition(6, rand(7));
    assertEquals(6, input.javaRDD().getNumPartitions(), "input partitions");

    Path target = dir.resolve("reports/big.csv");
    long written = CsvReportWriter.write(input, COLUMNS, List.of(KEY), hadoopPath(target), conf);

    assertEquals(count, written, "rows reported written");
    List<CSVRecord> records = parse(target);
    assertEquals(count, records.size(), "data records (header excluded)");
    for (int i = 0; i < count; i++) {
      CSVRecord record = records.get(i);
      assertEquals(String.valueOf(i), record.get(KEY), "key of record " + i);
      assertEquals("hotel " + i, record.get(NAME), "name of record " + i);
      assertEquals(BASE.plusSeconds(i).toString(), record.get(TS), "ts of record " + i);
      assertEquals(CsvCells.format(i / 8.0), record.get(RATE), "rate of record " + i);
      assertEquals("c" + i, record.get(CODES), "codes of record " + i);
    }
    String text = Files.readString(target, StandardCharsets.UTF_8);
    assertTrue(text.startsWith("key,name,ts,rate,codes\r\n"), "header first, with CRLF");
    assertEquals(1, countOccurrences(text, "key,name"), "header written once");
    assertEquals(count + 1, countOccurrences(text, "\r\n"), "one CRLF per record");
    assertEquals(0, countOccurrences(text.replace("\r\n", ""), "\n"), "no bare LF");
    assertPartsRemoved(target);
  }

  @Test
  void sortsByEveryKeyWithNullsFirst() throws IOException {
    List<Row> rows =
        List.of(
            RowFactory.create(2L, "b", null, null, null),
            RowFactory.create(1L, "b", null, null, null),
            RowFactory.create(2L, "a", null, null, null),
            RowFactory.create(1L, null, null, null, null),
            RowFactory.create(null, "z", null, null, null));
    Path target = dir.resolve("sorted.csv");
    CsvReportWriter.write(
        spark.createDataFrame(rows, SCHEMA).repartition(4), COLUMNS, List.of(KEY, NAME), hadoopPath(target), conf);

    List<String> order = parse(target).stream().map(r -> r.get(KEY) + "/" + r.get(NAME)).toList();
    assertEquals(List.of("/z", "1/", "1/b", "2/a", "2/b"), order, "key then name, nulls first");
  }

  @Test
  void quotesCommasQuotesAndNewlinesAsRfc4180() throws IOException {
    List<Row> rows =
        List.of(
            RowFactory.create(1L, "Hotel Alpha, Zurich", Timestamp.from(Instant.parse("2024-03-01T10:00:00.250Z")),
                0.5, List.of("a", "b")),
            RowFactory.create(2L, "the \"best\" hotel", Timestamp.from(Instant.parse("2024-03-01T10:00:00Z")),
                1.0, List.of()),
            RowFactory.create(3L, "line one\nline two", null, null, null),
            RowFactory.create(4L, "=HYPERLINK(\"x\")", null, -0.25, List.of("-x")));
    Path target = dir.resolve("quoted.csv");
    CsvReportWriter.write(spark.createDataFrame(rows, SCHEMA).repartition(4), COLUMNS, List.of(KEY),
        hadoopPath(target), conf);

    String expected =
        "key,name,ts,rate,codes\r\n"
            + "1,\"Hotel Alpha, Zurich\",2024-03-01T10:00:00.250Z,0.5,a;b\r\n"
            + "2,\"the \"\"best\"\" hotel\",2024-03-01T10:00:00Z,1,\r\n"
            + "3,\"line one\nline two\",,,\r\n"
            + "4,\"'=HYPERLINK(\"\"x\"\")\",,-0.25,'-x\r\n";
    assertEquals(expected, Files.readString(target, StandardCharsets.UTF_8), "exact file");

    List<CSVRecord> records = parse(target);
    assertEquals("Hotel Alpha, Zurich", records.get(0).get(NAME), "comma survives a parse");
    assertEquals("the \"best\" hotel", records.get(1).get(NAME), "quotes survive a parse");
    assertEquals("line one\nline two", records.get(2).get(NAME), "newline survives a parse");
    assertEquals("'=HYPERLINK(\"x\")", records.get(3).get(NAME), "formula neutralised");
  }

  @Test
  void writesOnlyTheHeaderForAnEmptyReport() throws IOException {
    Path target = dir.resolve("empty.csv");
    long written = CsvReportWriter.write(spark.createDataFrame(List.of(), SCHEMA), COLUMNS, List.of(KEY),
        hadoopPath(target), conf);

    assertEquals(0, written, "rows reported written");
    assertEquals("key,name,ts,rate,codes\r\n", Files.readString(target, StandardCharsets.UTF_8), "header only");
    assertPartsRemoved(target);
  }

  @Test
  void writesOnlyTheChosenColumnsInTheirOrder() throws IOException {
    List<Row> rows = List.of(RowFactory.create(1L, "x", null, 0.125, null));
    Path target = dir.resolve("columns.csv");
    CsvReportWriter.write(spark.createDataFrame(rows, SCHEMA), List.of(RATE, KEY), List.of(KEY), hadoopPath(target),
        conf);

    assertEquals("rate,key\r\n0.125,1\r\n", Files.readString(target, StandardCharsets.UTF_8), "chosen columns");
  }

  @Test
  void replacesAFileLeftFromBefore() throws IOException {
    Path target = dir.resolve("again.csv");
    Files.writeString(target, "old content that is longer than the new one\r\n".repeat(10));
    CsvReportWriter.write(spark.createDataFrame(List.of(RowFactory.create(1L, "x", null, null, null)), SCHEMA),
        List.of(KEY, NAME), List.of(KEY), hadoopPath(target), conf);

    assertEquals("key,name\r\n1,x\r\n", Files.readString(target, StandardCharsets.UTF_8), "old content gone");
  }

  private static List<CSVRecord> parse(Path file) throws IOException {
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser parser = CSVParser.parse(reader, format)) {
      assertEquals(COLUMNS.subList(0, parser.getHeaderNames().size()), parser.getHeaderNames(), "header");
      return parser.getRecords();
    }
  }

  private static void assertPartsRemoved(Path target) throws IOException {
    try (Stream<Path> siblings = Files.list(target.getParent())) {
      List<String> parts =
          siblings.map(p -> p.getFileName().toString()).filter(name -> name.contains("_parts_")).toList();
      assertEquals(List.of(), parts, "part directories left beside " + target.getFileName());
    }
  }

  private static int countOccurrences(String text, String part) {
    int found = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
      found++;
    }
    return found;
  }

  private static org.apache.hadoop.fs.Path hadoopPath(Path path) {
    return new org.apache.hadoop.fs.Path(path.toUri());
  }
}
