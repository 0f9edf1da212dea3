package com.hoteltraffic.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hoteltraffic.ingest.ExchangeReader;
import com.hoteltraffic.testing.SparkTestSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuarantineWriterTest {
  private static final StructType SCHEMA =
      new StructType()
          .add(ExchangeReader.Q_SOURCE, DataTypes.StringType)
          .add(ExchangeReader.Q_LINE, DataTypes.LongType)
          .add(ExchangeReader.Q_REASON, DataTypes.StringType)
          .add(ExchangeReader.Q_RAW, DataTypes.StringType);
  private static final ObjectMapper JSON = new ObjectMapper();

  private static SparkSession spark;
  private static Configuration conf;

  @TempDir Path dir;

  @BeforeAll
  static void startSpark() {
    spark = SparkTestSession.create("QuarantineWriterTest");
    spark.conf().set("spark.sql.adaptive.coalescePartitions.enabled", "false");
    conf = spark.sparkContext().hadoopConfiguration();
  }

  @AfterAll
  static void stopSpark() {
    spark.stop();
  }

  @Test
  void writesOneJsonObjectALineInSourceAndLineOrder() throws IOException {
    List<Row> rows =
        List.of(
            RowFactory.create("day2.jsonl", 10L, "not JSON", "{\"ts\": "),
            RowFactory.create("day1.har", 3L, "no timestamp", "{\"request\":{\"url\":\"https://x\"}}"),
            RowFactory.create("day2.jsonl", 9L, "not JSON", "line with \"quotes\", a tab\tand ünïcode €"),
            RowFactory.create("day2.jsonl", 100L, "not JSON", "back\\slash"),
            RowFactory.create("day1.har", 1L, "no url", "Authorization: Bearer abc\r\nnext"));
    Path quarantine = dir.resolve("out/quarantine");

    long written = QuarantineWriter.write(spark.createDataFrame(rows, SCHEMA).repartition(4), hadoopPath(quarantine),
        conf);

    assertEquals(5, written, "records reported written");
    List<String> lines = Files.readAllLines(quarantine.resolve(QuarantineWriter.FILE_NAME), StandardCharsets.UTF_8);
    assertEquals(5, lines.size(), "one line per record (raw newlines escaped)");
    List<String> order = new ArrayList<>();
    for (String line : lines) {
      JsonNode record = JSON.readTree(line);
      assertEquals(List.of("source", "line", "reason", "raw"), fieldNames(record), "fields of " + line);
      assertEquals(true, record.get(ExchangeReader.Q_LINE).isIntegralNumber(), "line is a number in " + line);
      order.add(record.get(ExchangeReader.Q_SOURCE).asText() + ":" + record.get(ExchangeReader.Q_LINE).asLong());
    }
    assertEquals(List.of("day1.har:1", "day1.har:3", "day2.jsonl:9", "day2.jsonl:10", "day2.jsonl:100"), order,
        "source, then line as a number");
    assertEquals("Authorization: Bearer abc\r\nnext", JSON.readTree(lines.get(0)).get("raw").asText(), "raw 1");
    assertEquals("no url", JSON.readTree(lines.get(0)).get("reason").asText(), "reason 1");
    assertEquals("line with \"quotes\", a tab\tand ünïcode €", JSON.readTree(lines.get(2)).get("raw").asText(),
        "raw with quotes, tab and non-ASCII");
    assertEquals("back\\slash", JSON.readTree(lines.get(4)).get("raw").asText(), "raw with a backslash");
  }

  @Test
  void folderAndFileAreReadableByTheOwnerOnly() throws IOException {
    Path quarantine = dir.resolve("quarantine");
    // A folder left with open permissions is closed too.
    Files.createDirectories(
        quarantine, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));

    QuarantineWriter.write(spark.createDataFrame(List.of(RowFactory.create("a.jsonl", 1L, "r", "secret")), SCHEMA),
        hadoopPath(quarantine), conf);

    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(quarantine)),
        "quarantine folder");
    assertEquals("rw-------",
        PosixFilePermissions.toString(Files.getPosixFilePermissions(quarantine.resolve(QuarantineWriter.FILE_NAME))),
        "records.jsonl");
  }

  @Test
  void writesAnEmptyOwnerOnlyFileWhenNothingWasQuarantined() throws IOException {
    Path quarantine = dir.resolve("q");

    long written = QuarantineWriter.write(spark.createDataFrame(List.of(), SCHEMA), hadoopPath(quarantine), conf);

    Path file = quarantine.resolve(QuarantineWriter.FILE_NAME);
    assertEquals(0, written, "records reported written");
    assertEquals(0, Files.size(file), "empty records.jsonl");
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)), "records.jsonl");
    try (Stream<Path> files = Files.list(quarantine)) {
      assertEquals(List.of(QuarantineWriter.FILE_NAME),
          files.map(p -> p.getFileName().toString()).filter(name -> !name.endsWith(".crc")).toList(),
          "only the records file (no part folders)");
    }
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static org.apache.hadoop.fs.Path hadoopPath(Path path) {
    return new org.apache.hadoop.fs.Path(path.toUri());
  }
}
