package com.hoteltraffic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hoteltraffic.cli.AnalyzeOptionsAccess;
import com.hoteltraffic.generate.GeneratorConfig;
import com.hoteltraffic.generate.TrafficGenerator;
import com.hoteltraffic.job.AnalyzeJob;
import com.hoteltraffic.testing.FilePieces;
import com.hoteltraffic.testing.LogCapture;
import com.hoteltraffic.testing.OutputDiff;
import com.hoteltraffic.testing.SparkTestSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A day archived as a few hundred small files is read by as many tasks as its bytes call for, and
 * reports exactly what one task per file reports. Generated traffic is cut into plain pieces of 16
 * lines (with the HAR captures and one damaged {@code .gz} beside them) and analysed twice in the
 * suite's session: packed as Spark packs files (the defaults: 128 MiB a task, 4 MiB a file's open
 * cost), and unpacked ({@code spark.sql.files.maxPartitionBytes=1}: every file its own task).
 *
 * <p>Why 32 files a task: with at least 64 files, (bytes + files × 4 MiB) / 2 cores exceeds 128
 * MiB, so a task holds up to 128 MiB; each file costs 4 MiB plus its length, so 32 files of under
 * 100 KB fit (31 × 4 MiB plus 32 lengths is under 128 MiB) and a 33rd never does.
 */
@ExtendWith(SparkTestSession.class)
class SmallFilesRunTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String DAMAGED = "zz-damaged.jsonl.gz";
  private static SparkSession spark;

  @TempDir static Path work;
  private static List<FilePieces.Piece> pieces;
  private static int files;
  private static Path packed;
  private static Path unpacked;
  private static List<String> packedLog;
  private static List<String> unpackedLog;

  @BeforeAll
  static void runPackedAndUnpacked() throws IOException {
    Path generated = work.resolve("generated");
    TrafficGenerator.generate(
        GeneratorConfig.builder()
            .outDir(generated)
            .seed(23)
            .days(2)
            .exchangesPerDay(1500)
            .plain(true)
            .build());
    Path input = work.resolve("pieces");
    pieces = FilePieces.byLines(generated.resolve(TrafficGenerator.TRAFFIC_DIR), input, 16);
    // Not gzip at all: the whole file is damaged.
    Files.writeString(input.resolve("proxy").resolve(DAMAGED), "not gzip\n");
    try (Stream<Path> all = Files.walk(input)) {
      List<Path> inputs = all.filter(Files::isRegularFile).toList();
      files = inputs.size();
      for (Path file : inputs) {
        assertTrue(Files.size(file) < 100_000, "a small file: " + file + " " + Files.size(file));
      }
    }
    packed = work.resolve("packed");
    packedLog = run(input, packed);
    String before = spark.conf().get("spark.sql.files.maxPartitionBytes");
    spark.conf().set("spark.sql.files.maxPartitionBytes", "1");
    try {
      unpacked = work.resolve("unpacked");
      unpackedLog = run(input, unpacked);
    } finally {
      spark.conf().set("spark.sql.files.maxPartitionBytes", before);
    }
  }

  private static List<String> run(Path input, Path output) throws IOException {
    try (LogCapture log = LogCapture.start()) {
      AnalyzeJob.run(
          spark,
          AnalyzeOptionsAccess.parse(
              List.of("--input", input.toString(), "--output", output.toString()),
              Map.of("TRAFFIC_TOKEN_KEY", "small-files-key")));
      return log.lines();
    } catch (com.hoteltraffic.ingest.InputDiscovery.MissingInputException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void theInputIsAFewHundredSmallFiles() {
    assertTrue(pieces.size() >= 200, "pieces: " + pieces.size());
    assertEquals(pieces.size() + 3, files, "the pieces, the two HAR captures and the damaged file");
  }

  @Test
  void packedTasksFollowTheBytesUnpackedOnePerFile() throws IOException {
    int tasks = (files + 31) / 32;
    assertEquals(
        List.of(files + " files in " + tasks + " tasks", tasks + " blocks", tasks + " table files"),
        List.of(tasksLine(packedLog), blocksLine(packedLog), tableFiles(packed) + " table files"),
        "packed: 32 files a task");
    assertEquals(
        List.of(
            files + " files in " + files + " tasks",
            files + " blocks",
            (files - 1) + " table files"),
        List.of(
            tasksLine(unpackedLog), blocksLine(unpackedLog), tableFiles(unpacked) + " table files"),
        "unpacked: a task per file, and a table file for each but the damaged one (no rows)");
  }

  @Test
  void reportsAlertsSummaryQuarantineAndTablesAreTheSame() throws IOException {
    List<String> differences = new ArrayList<>();
    OutputDiff.compareCsvs(packed.resolve("reports"), unpacked.resolve("reports"), differences);
    OutputDiff.compareSummaries(
        packed.resolve("run_summary.json"), unpacked.resolve("run_summary.json"), differences);
    OutputDiff.compareTables(
        spark, packed.resolve("tables"), unpacked.resolve("tables"), differences);
    assertEquals(List.of(), differences, "differences of the packed run from the unpacked one");
    for (String file : List.of("alerts.json", "quarantine/records.jsonl")) {
      assertArrayEquals(
          Files.readAllBytes(unpacked.resolve(file)),
          Files.readAllBytes(packed.resolve(file)),
          file);
    }
    try (Stream<Path> csvs = Files.list(packed.resolve("reports"))) {
      assertTrue(csvs.count() >= 10, "every report was compared");
    }
  }

  @Test
  void everyFileIsCountedAndTheDamagedOneIsNamed() throws IOException {
    JsonNode summary = JSON.readTree(packed.resolve("run_summary.json").toFile());
    Map<String, JsonNode> byPath = new HashMap<>();
    summary.get("files").forEach(file -> byPath.put(file.get("path").asText(), file));
    assertEquals(files, byPath.size(), "a summary entry per file");
    for (FilePieces.Piece piece : pieces) {
      JsonNode file = byPath.get("file:" + piece.file().toAbsolutePath());
      assertEquals(piece.lines(), file.get("lines").asLong(), "lines of " + piece.file());
      assertEquals(
          piece.lines(),
          file.get("exchanges").asLong()
              + file.get("quarantined").asLong()
              + file.get("blank").asLong(),
          "exchanges + quarantined + blank of " + piece.file());
    }
    String damaged = "file:" + work.resolve("pieces/proxy").resolve(DAMAGED).toAbsolutePath();
    assertEquals(
        List.of(Map.of("path", damaged, "reason", "not a readable gzip file (ZipException)")),
        JSON.convertValue(summary.get("corrupt_files"), List.class),
        "the one corrupt file among " + files);
  }

  @Test
  void quarantinedRecordsAreInFileAndLineOrder() throws IOException {
    List<String> lines =
        Files.readAllLines(packed.resolve("quarantine/records.jsonl"), StandardCharsets.UTF_8);
    JsonNode summary = JSON.readTree(packed.resolve("run_summary.json").toFile());
    long quarantined = summary.get("counts").get("quarantined").asLong();
    assertTrue(quarantined > 0, "the generated traffic has bad lines");
    assertEquals(quarantined, lines.size(), "every quarantined record once");
    List<JsonNode> records = new ArrayList<>();
    for (String line : lines) {
      records.add(JSON.readTree(line));
    }
    List<JsonNode> sorted = new ArrayList<>(records);
    sorted.sort(
        Comparator.comparing((JsonNode r) -> r.get("source").asText())
            .thenComparingLong(r -> r.get("line").asLong()));
    assertEquals(sorted, records, "by file, then line");
  }

  private static String tasksLine(List<String> log) {
    return find(log, "Read and classified: ").replaceAll("^(\\d+ files in \\d+ tasks).*", "$1");
  }

  private static String blocksLine(List<String> log) {
    return find(log, "Reports merged from ").replaceAll("^(\\d+ blocks).*", "$1");
  }

  private static String find(List<String> log, String prefix) {
    for (String line : log) {
      int at = line.indexOf(prefix);
      if (at >= 0) {
        return line.substring(at + prefix.length());
      }
    }
    throw new AssertionError("no log line with " + prefix);
  }

  private static long tableFiles(Path output) throws IOException {
    try (Stream<Path> files = Files.list(output.resolve("tables/exchanges"))) {
      return files.filter(f -> f.getFileName().toString().endsWith(".parquet")).count();
    }
  }
}
