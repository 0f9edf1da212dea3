package com.hoteltraffic.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The streamed corpus of {@code jobs/bench --scale}: {@link ScaleCorpus}. */
class ScaleCorpusTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long BACKGROUND = 3_000;

  @TempDir static Path shared;
  private static Path out;
  private static ScaleCorpus.Written written;

  @BeforeAll
  static void writeOnce() throws IOException {
    out = shared.resolve("run");
    written = ScaleCorpus.write(out, BACKGROUND, 2, 7);
  }

  @Test
  void sameSettingsWriteIdenticalBytes(@TempDir Path other) throws IOException {
    ScaleCorpus.write(other, BACKGROUND, 2, 7);
    Map<String, byte[]> first = contents(out);
    Map<String, byte[]> second = contents(other);
    assertEquals(first.keySet(), second.keySet(), "same files");
    assertEquals(10, first.size(), "9 traffic files and the counts");
    for (String path : first.keySet()) {
      assertArrayEquals(first.get(path), second.get(path), "bytes of " + path);
    }
  }

  /**
   * Every background exchange and every scripted one is written exactly once: the files hold the
   * background plus what {@link TrafficGenerator} writes with no background at all.
   */
  @Test
  void everyExchangeIsWrittenOnce(@TempDir Path scriptedOnly) throws IOException {
    GroundTruth scripted =
        TrafficGenerator.generate(
            GeneratorConfig.builder()
                .seed(7)
                .exchangesPerDay(0)
                .plain(true)
                .outDir(scriptedOnly)
                .build());
    long exchanges = written.files().stream().mapToLong(FileStats::exchanges).sum();
    assertEquals(
        BACKGROUND + scripted.totals().exchanges(),
        exchanges,
        "background + scripted (" + scripted.totals().exchanges() + ")");
    assertEquals(
        written.files(),
        ScaleCorpus.read(out, BACKGROUND, 2, 7).orElseThrow().files(),
        "the counts file reads back the counts written");
    assertTrue(
        ScaleCorpus.read(out, BACKGROUND + 1, 2, 7).isEmpty(),
        "a corpus written for other settings is not reused");
  }

  /**
   * Streaming writes each file in time order, as {@link TrafficGenerator}'s sorted days do; every
   * line is a record, a blank line, or one of the counted malformed lines.
   */
  @Test
  void everyFileIsInTimeOrderAndCounted() throws IOException {
    for (FileStats f : written.files()) {
      if (f.format().equals("har")) {
        continue;
      }
      List<String> lines =
          Files.readAllLines(
              out.resolve(TrafficGenerator.TRAFFIC_DIR).resolve(f.path()), StandardCharsets.UTF_8);
      long blank = lines.stream().filter(String::isEmpty).count();
      long last = Long.MIN_VALUE;
      long records = 0;
      for (String line : lines) {
        Long ts = timeOf(line);
        if (ts == null) {
          continue;
        }
        records++;
        assertTrue(ts >= last, f.path() + ": " + ts + " after " + last);
        last = ts;
      }
      assertEquals(f.lines(), lines.size(), "lines of " + f.path());
      assertEquals(f.blank(), blank, "blank lines of " + f.path());
      assertEquals(f.exchanges(), records, "records with a time in " + f.path());
      assertEquals(f.lines(), f.exchanges() + f.blank() + f.quarantined(), "all lines counted");
    }
  }

  /** The day's hourly volume (weights summing to 140, hour 0 weighs 2) and its boundaries. */
  @Test
  void timeAtFollowsTheHourlyVolume() {
    long day = 1_000 * Times.DAY;
    assertEquals(day, ScaleCorpus.timeAt(day, 0.0), "quantile 0: midnight");
    assertEquals(
        day + Times.HOUR - 1,
        ScaleCorpus.timeAt(day, Math.nextDown(2.0 / 140)),
        "just below hour 0's share: its last millisecond");
    assertEquals(day + Times.HOUR, ScaleCorpus.timeAt(day, 2.0 / 140), "hour 0's share: 01:00");
    assertEquals(
        day + 9 * Times.HOUR + 42 * Times.MINUTE,
        ScaleCorpus.timeAt(day, 0.25),
        "a quarter of the day's volume by 09:42 (28 of 35 before 09:00, hour 9 weighs 10)");
    assertEquals(
        day + Times.DAY - 1,
        ScaleCorpus.timeAt(day, Math.nextDown(1.0)),
        "the last quantile stays in the day");
  }

  /** The background's mix: each file holds about what the bench's usual generator puts there. */
  @Test
  void sameMixAsTheBenchCorpus(@TempDir Path scale, @TempDir Path usual) throws IOException {
    ScaleCorpus.Written streamed = ScaleCorpus.write(scale, 20_000, 2, 7);
    GroundTruth sorted =
        TrafficGenerator.generate(
            GeneratorConfig.builder()
                .seed(7)
                .exchangesPerDay(10_000)
                .plain(true)
                .outDir(usual)
                .build());
    Map<String, Long> expected = byPath(sorted.files());
    Map<String, Long> actual = byPath(streamed.files());
    assertEquals(expected.keySet(), actual.keySet(), "the same files");
    for (String path : expected.keySet()) {
      if (path.endsWith(".har")) {
        continue; // the browser session is scripted only; the mitmproxy hour a sample of one key
      }
      double ratio = (double) actual.get(path) / expected.get(path);
      assertTrue(
          ratio > 0.9 && ratio < 1.1,
          path + ": " + actual.get(path) + " exchanges against " + expected.get(path));
    }
  }

  /**
   * The generator's memory does not grow with the corpus: 100,000 exchanges (160 MB, several
   * hundred MB as objects) in a JVM whose heap is 32 MB.
   */
  @Test
  void streamsInABoundedHeap(@TempDir Path dir) throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process =
        new ProcessBuilder(
                java.toString(),
                "-Xmx32m",
                "-cp",
                System.getProperty("java.class.path"),
                ScaleCorpus.class.getName(),
                dir.toString(),
                "100000")
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("generator.log").toFile())
            .start();
    assertEquals(
        0,
        process.waitFor(),
        "exit status with a 32 MB heap: " + Files.readString(dir.resolve("generator.log")));
    long exchanges =
        ScaleCorpus.read(dir, 100_000, 2, GeneratorConfig.DEFAULT_SEED)
            .orElseThrow()
            .files()
            .stream()
            .mapToLong(FileStats::exchanges)
            .sum();
    assertTrue(exchanges > 100_000, "all of them written: " + exchanges);
  }

  /** The time of a well-formed record; null for a blank or malformed line. */
  private static Long timeOf(String line) {
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (IOException malformed) {
      return null;
    }
    JsonNode ts = node == null ? null : node.get("ts");
    JsonNode response = node == null ? null : node.get("response");
    boolean answered =
        response == null || response.isNull()
            ? node != null && node.path("error").isTextual()
            : response.path("status").isInt();
    if (ts == null || !answered) {
      return null;
    }
    if (ts.isNumber()) {
      return ts.asLong();
    }
    try {
      return OffsetDateTime.parse(ts.asText()).toInstant().toEpochMilli();
    } catch (DateTimeParseException notADate) {
      return null;
    }
  }

  private static Map<String, Long> byPath(List<FileStats> files) {
    return files.stream()
        .collect(Collectors.toMap(FileStats::path, FileStats::exchanges, Long::sum, TreeMap::new));
  }

  private static Map<String, byte[]> contents(Path dir) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) paths.filter(Files::isRegularFile)::iterator) {
        files.put(dir.relativize(p).toString(), Files.readAllBytes(p));
      }
    }
    return files;
  }
}
