package com.hoteltraffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hoteltraffic.classify.TokenPseudonymizer;
import com.hoteltraffic.cli.AnalyzeMainAccess;
import com.hoteltraffic.generate.GeneratorConfig;
import com.hoteltraffic.generate.TrafficGenerator;
import com.hoteltraffic.job.AnalyzeJob;
import com.hoteltraffic.report.Reports;
import com.hoteltraffic.report.engine.ReportSpec;
import com.hoteltraffic.testing.LogCapture;
import com.hoteltraffic.testing.TrafficLines;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Messy archives through the command line: a cut-off gzip and a cut-off HAR, a 12 MB body, invalid
 * UTF-8, empty files and directories, duplicate and null headers, timestamps decades away from the
 * rest. One run reads them all and must exit 0 with every line accounted for; one more run shows
 * {@code --strict} failing on the corrupt file, and one shows a run with nothing to read.
 */
class HostileInputTest {
  private static final String KEY = "hostile-input-test-key";
  private static final int BIG_BODY_BYTES = 12 * 1024 * 1024;
  private static final String FIRST_TOKEN = "casy_FirstOfTwoDuplicateHeaders00";
  private static final String SECOND_TOKEN = "casy_SecondOfTwoDuplicateHeaders0";

  @TempDir static Path work;
  private static Path inputs;
  private static Path out;
  private static int exit;
  private static List<String> log;
  private static JsonNode summary;
  private static Map<String, JsonNode> files;
  private static long cutGzipLinesBeforeTheCut;
  private static long cutHarEntriesBeforeTheCut;
  private static int strictExit;
  private static String strictStderr;
  private static Path strictOut;
  private static int emptyExit;
  private static Path emptyOut;

  @BeforeAll
  static void writeHostileInputsAndAnalyze() throws Exception {
    Path generated = work.resolve("generated");
    TrafficGenerator.generate(
        GeneratorConfig.builder().outDir(generated).seed(5).days(2).exchangesPerDay(100).build());
    Path traffic = generated.resolve(TrafficGenerator.TRAFFIC_DIR);
    inputs = Files.createDirectories(work.resolve("in"));
    Path keyFile = Files.writeString(work.resolve("key.txt"), KEY);

    // A recorder that crashed: the first 200 lines of valid traffic, gzipped, cut at 60%.
    List<String> valid = TrafficLines.validJsonLines(traffic);
    byte[] gzip = gzip(String.join("\n", valid.subList(0, 200)) + "\n");
    byte[] cut = java.util.Arrays.copyOf(gzip, gzip.length * 6 / 10);
    Files.write(inputs.resolve("cut.jsonl.gz"), cut);
    cutGzipLinesBeforeTheCut = completeLinesBeforeTheDamage(cut);

    // A HAR capture cut off in the middle of its entries.
    Path har =
        TrafficLines.files(traffic).stream()
            .filter(p -> p.toString().endsWith(".har"))
            .findFirst()
            .orElseThrow();
    byte[] harBytes = Files.readAllBytes(har);
    int harCut = harBytes.length * 7 / 10;
    Files.write(inputs.resolve("cut.har"), java.util.Arrays.copyOf(harBytes, harCut));
    cutHarEntriesBeforeTheCut = entriesEndingBefore(harBytes, harCut);

    String big = "x".repeat(BIG_BODY_BYTES);
    Files.writeString(
        inputs.resolve("big-body.jsonl"),
        String.join(
                "\n",
                casy("2026-11-19T10:00:00Z", "9101", FIRST_TOKEN, 500, big),
                casy("2026-11-19T10:00:01Z", "9101", FIRST_TOKEN, 200, big),
                casy(
                    "2026-11-19T10:00:02Z",
                    "9101",
                    FIRST_TOKEN,
                    503,
                    "{\"error\":\"" + big + "\"}"))
            + "\n");

    ByteArrayOutputStream utf8 = new ByteArrayOutputStream();
    // Latin-1 "é" inside an error body (kept) and inside a success body (skipped, still decoded).
    utf8.write(
        latin1(
            casy(
                "2026-11-19T11:00:00Z",
                "9102",
                FIRST_TOKEN,
                500,
                "Fehler: Zimmer r\u00e9serviert")));
    utf8.write('\n');
    utf8.write(
        latin1(
            casy("2026-11-19T11:00:01Z", "9102", FIRST_TOKEN, 200, "{\"guest\":\"Ren\u00e9e\"}")));
    utf8.write('\n');
    // A stray byte between fields: not a string a replacement character could live in.
    byte[] broken =
        casy("2026-11-19T11:00:02Z", "9102", FIRST_TOKEN, 200, "ok")
            .getBytes(StandardCharsets.UTF_8);
    utf8.write(broken, 0, 1);
    utf8.write(0xff);
    utf8.write(broken, 1, broken.length - 1);
    utf8.write('\n');
    Files.write(inputs.resolve("utf8.jsonl"), utf8.toByteArray());

    Files.write(inputs.resolve("empty.jsonl"), new byte[0]);
    Files.write(inputs.resolve("empty.jsonl.gz"), new byte[0]);
    Files.write(inputs.resolve("empty.har"), new byte[0]);
    Files.createDirectories(inputs.resolve("empty-dir"));
    Files.writeString(inputs.resolve("notes.txt"), "not a recording\n");

    String request =
        "{\"method\":\"GET\",\"url\":\"https://onlinebuchungen.ch/v1/reservations/9103\",\"headers\":";
    String response =
        ",\"response\":{\"status\":200,\"headers\":[null,{\"name\":null,\"value\":\"x\"},"
            + "{\"name\":\"Content-Type\",\"value\":null}],\"body\":null}}";
    Files.writeString(
        inputs.resolve("headers.jsonl"),
        String.join(
                "\n",
                "{\"ts\":\"2026-11-19T12:00:00Z\",\"request\":"
                    + request
                    + "[null,{\"name\":\"Authorization\",\"value\":\"Bearer "
                    + FIRST_TOKEN
                    + "\"},{\"name\":\"authorization\",\"value\":\"Bearer "
                    + SECOND_TOKEN
                    + "\"},7,[]]}"
                    + response,
                "{\"ts\":\"2026-11-19T12:00:01Z\",\"request\":"
                    + request
                    + "{\"Authorization\":\"Bearer "
                    + FIRST_TOKEN
                    + "\",\"Authorization\":\"Bearer "
                    + SECOND_TOKEN
                    + "\",\"X-Null\":null}}"
                    + response)
            + "\n");

    Files.writeString(
        inputs.resolve("far-ts.jsonl"),
        String.join(
                "\n",
                casyAt("0", "9104"),
                casyAt("\"2999-12-31T23:30:00Z\"", "9104"),
                casyAt("\"+10000-01-01T00:00:00Z\"", "9104"),
                casyAt("9223372036854775807", "9104"))
            + "\n");

    // Hotel ids a spreadsheet would run as formulas, straight from the URL path into the reports.
    Files.writeString(
        inputs.resolve("formula.jsonl"),
        String.join(
                "\n",
                casy("2026-11-19T13:00:00Z", "=1+2", FIRST_TOKEN, 200, "ok"),
                casy("2026-11-19T13:00:01Z", "@SUM(A1)", FIRST_TOKEN, 200, "ok"))
            + "\n");

    out = work.resolve("out");
    try (LogCapture capture = LogCapture.start()) {
      exit =
          AnalyzeMainAccess.run(
              "--input",
              inputs.toString(),
              "--output",
              out.toString(),
              "--master",
              "local[2]",
              "--token-key-file",
              keyFile.toString());
      log = capture.lines();
    }
    summary = new ObjectMapper().readTree(out.resolve(AnalyzeJob.SUMMARY_FILE).toFile());
    files = new HashMap<>();
    for (JsonNode file : summary.get("files")) {
      String path = file.get("path").asText();
      files.put(path.substring(path.lastIndexOf('/') + 1), file);
    }

    strictOut = work.resolve("strict-out");
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    PrintStream original = System.err;
    System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
    try {
      strictExit =
          AnalyzeMainAccess.run(
              "--input",
              inputs.resolve("cut.jsonl.gz").toString(),
              inputs.resolve("headers.jsonl").toString(),
              "--output",
              strictOut.toString(),
              "--master",
              "local[2]",
              "--token-key-file",
              keyFile.toString(),
              "--strict");
    } finally {
      System.setErr(original);
    }
    strictStderr = stderr.toString(StandardCharsets.UTF_8);

    Path nothing = Files.createDirectories(work.resolve("nothing/deeper"));
    Files.writeString(nothing.resolve("README.txt"), "no recordings here\n");
    emptyOut = work.resolve("empty-out");
    emptyExit =
        AnalyzeMainAccess.run(
            "--input",
            work.resolve("nothing").toString(),
            "--output",
            emptyOut.toString(),
            "--master",
            "local[2]",
            "--token-key-file",
            keyFile.toString(),
            "--strict");
  }

  @Test
  void runSucceedsAndEveryFileAddsUp() {
    assertEquals(0, exit, "exit status without --strict, corrupt files included");
    assertEquals(10, files.size(), "files read: " + files.keySet());
    for (Map.Entry<String, JsonNode> entry : files.entrySet()) {
      JsonNode file = entry.getValue();
      assertEquals(
          file.get("lines").asLong(),
          file.get("exchanges").asLong()
              + file.get("quarantined").asLong()
              + file.get("blank").asLong(),
          entry.getKey() + ": lines = exchanges + quarantined + blank");
    }
    long quarantined = 0;
    for (JsonNode file : summary.get("files")) {
      quarantined += file.get("quarantined").asLong();
    }
    assertEquals(
        quarantined, summary.get("counts").get("quarantined").asLong(), "total quarantined");
    List<String> skipped = new ArrayList<>();
    summary.get("skipped_files").forEach(s -> skipped.add(s.get("path").asText()));
    assertEquals(1, skipped.size(), "skipped: " + skipped);
    assertTrue(skipped.get(0).endsWith("/notes.txt"), "notes.txt is listed as skipped");
  }

  @Test
  void cutOffGzipKeepsTheLinesBeforeTheCutAndIsNamedCorrupt() {
    JsonNode file = files.get("cut.jsonl.gz");
    assertTrue(
        cutGzipLinesBeforeTheCut > 50, "the cut leaves lines to keep: " + cutGzipLinesBeforeTheCut);
    assertEquals(
        cutGzipLinesBeforeTheCut, file.get("exchanges").asLong(), "complete lines before the cut");
    assertEquals(1, file.get("quarantined").asLong(), "the line the cut went through");
    assertTrue(
        file.get("corrupt_reason").asText().startsWith("compressed data ends early"),
        "reason: " + file.get("corrupt_reason"));
    assertCorruptEverywhere("cut.jsonl.gz");
  }

  @Test
  void cutOffHarKeepsTheEntriesBeforeTheCutAndIsNamedCorrupt() {
    JsonNode file = files.get("cut.har");
    assertTrue(cutHarEntriesBeforeTheCut > 0, "the cut leaves whole entries before it");
    assertEquals(
        cutHarEntriesBeforeTheCut,
        file.get("exchanges").asLong(),
        "every entry that ends before the cut, and none after it: " + file);
    assertTrue(
        file.get("corrupt_reason").asText().contains("HAR"),
        "reason: " + file.get("corrupt_reason"));
    assertCorruptEverywhere("cut.har");
  }

  /**
   * How many of the whole HAR file's entries end within its first {@code cut} bytes, found by
   * parsing the uncut file: what a reader of the cut file can keep, worked out without it.
   */
  private static long entriesEndingBefore(byte[] har, int cut) throws IOException {
    long whole = 0;
    try (JsonParser parser = new JsonFactory().createParser(har)) {
      while (parser.nextToken() != null) {
        // The generator's HAR has one "entries" field: log.entries.
        if (parser.currentToken() == JsonToken.FIELD_NAME
            && "entries".equals(parser.currentName())) {
          parser.nextToken(); // START_ARRAY
          while (parser.nextToken() == JsonToken.START_OBJECT) {
            parser.skipChildren();
            if (parser.currentLocation().getByteOffset() <= cut) {
              whole++;
            }
          }
          return whole;
        }
      }
    }
    throw new IllegalStateException("no log.entries in the generated HAR file");
  }

  private static void assertCorruptEverywhere(String name) {
    List<String> corrupt = new ArrayList<>();
    summary.get("corrupt_files").forEach(c -> corrupt.add(c.get("path").asText()));
    assertEquals(
        1,
        corrupt.stream().filter(p -> p.endsWith("/" + name)).count(),
        "corrupt_files: " + corrupt);
    assertEquals(
        1,
        log.stream()
            .filter(
                l ->
                    l.startsWith("WARN ")
                        && l.contains("Corrupt input")
                        && l.contains("/" + name + ":"))
            .count(),
        "one WARN line names " + name);
  }

  @Test
  void strictExitsThreeNamingTheCorruptFileAndStillWritesTheResults() throws IOException {
    assertEquals(3, strictExit, "exit status with --strict and a corrupt file");
    List<String> lines = strictStderr.lines().filter(l -> l.startsWith("analyze:")).toList();
    assertEquals(1, lines.size(), "one stderr line from analyze: " + strictStderr);
    assertTrue(
        lines.get(0).contains("cut.jsonl.gz") && !lines.get(0).contains("headers.jsonl"),
        "the line names the corrupt file and only it: " + lines.get(0));
    JsonNode strictSummary =
        new ObjectMapper().readTree(strictOut.resolve(AnalyzeJob.SUMMARY_FILE).toFile());
    assertEquals(
        cutGzipLinesBeforeTheCut + 2,
        strictSummary.get("counts").get("exchanges").asLong(),
        "results are written: exchanges of both files");
  }

  @Test
  void twelveMegabyteBodiesAreReadWithoutRunningOutOfMemory() {
    JsonNode file = files.get("big-body.jsonl");
    assertEquals(3, file.get("exchanges").asLong(), "exchanges with 12 MB bodies");
    assertEquals(0, file.get("quarantined").asLong(), "quarantined");
  }

  @Test
  void invalidUtf8InsideAStringIsRepairedAndOutsideOneIsQuarantined() throws IOException {
    JsonNode file = files.get("utf8.jsonl");
    assertEquals(2, file.get("exchanges").asLong(), "exchanges");
    assertEquals(2, file.get("repaired_utf8").asLong(), "repaired_utf8");
    assertEquals(1, file.get("quarantined").asLong(), "quarantined");
    List<JsonNode> records = quarantine("utf8.jsonl");
    assertEquals(1, records.size(), "quarantine records of utf8.jsonl");
    assertEquals(3, records.get(0).get("line").asLong(), "line");
    assertTrue(
        records.get(0).get("reason").asText().startsWith("invalid UTF-8 at byte 2"),
        "reason: " + records.get(0).get("reason"));
  }

  @Test
  void emptyFilesAreEmptyNotCorrupt() {
    for (String name : List.of("empty.jsonl", "empty.jsonl.gz", "empty.har")) {
      JsonNode file = files.get(name);
      assertNotNull(file, name + " is listed");
      assertEquals(0, file.get("lines").asLong(), name + " lines");
      assertTrue(
          file.get("corrupt_reason").isNull(),
          name + " is not corrupt: " + file.get("corrupt_reason"));
    }
  }

  @Test
  void duplicateAndNullHeadersKeepTheFirstValue() throws IOException {
    JsonNode file = files.get("headers.jsonl");
    assertEquals(2, file.get("exchanges").asLong(), "exchanges with odd headers");
    TokenPseudonymizer tokens = new TokenPseudonymizer(KEY.getBytes(StandardCharsets.UTF_8));
    Map<String, Long> requestsByToken = new HashMap<>();
    for (CSVRecord row : csv(out, "error_rates_by_token")) {
      requestsByToken.merge(row.get("token_id"), Long.parseLong(row.get("requests")), Long::sum);
    }
    assertEquals(
        3 + 2 + 2 + 2,
        requestsByToken.get(tokens.tokenId(FIRST_TOKEN)),
        "the first of duplicate Authorization headers is the credential (big-body 3, utf8 2, headers 2, formula 2)");
    assertFalse(requestsByToken.containsKey(tokens.tokenId(SECOND_TOKEN)), "the second is ignored");
  }

  @Test
  void timestampsFarFromTheRestAreKeptWithoutFillingTheYearsBetween() throws IOException {
    JsonNode file = files.get("far-ts.jsonl");
    assertEquals(2, file.get("exchanges").asLong(), "1970 and 2999 are kept");
    assertEquals(
        2, file.get("quarantined").asLong(), "year 10000 and Long.MAX_VALUE ms are refused");
    assertEquals(
        List.of("ts is out of range (years 1 to 9999)", "ts is out of range (years 1 to 9999)"),
        quarantine("far-ts.jsonl").stream().map(r -> r.get("reason").asText()).toList(),
        "reasons");
    assertEquals("1970-01-01T00:00:00Z", summary.get("time_range").get("first").asText(), "first");
    assertEquals("2999-12-31T23:30:00Z", summary.get("time_range").get("last").asText(), "last");
    List<String> windows = new ArrayList<>();
    long rows = 0;
    for (CSVRecord row : csv(out, "error_rates_by_hotel")) {
      rows++;
      if (row.get("hotel_id").equals("9104")) {
        windows.add(row.get("window_start"));
      }
    }
    assertEquals(
        List.of("1970-01-01T00:00:00Z", "2999-12-31T23:00:00Z"),
        windows,
        "one window per exchange");
    assertTrue(
        rows <= summary.get("counts").get("exchanges").asLong(),
        "no row without an exchange: " + rows + " rows");
  }

  @Test
  void hotelIdsThatLookLikeFormulasAreNeutralisedInTheCsv() throws IOException {
    List<String> hotels = new ArrayList<>();
    for (CSVRecord row : csv(out, "error_rates_by_hotel")) {
      if (row.get("hotel_id").contains("1+2") || row.get("hotel_id").contains("SUM(")) {
        hotels.add(row.get("hotel_id"));
      }
    }
    assertEquals(
        List.of("'=1+2", "'@SUM(A1)"),
        hotels.stream().sorted().toList(),
        "formula hotel ids start with ' in error_rates_by_hotel.csv");
  }

  @Test
  void aRunWithNothingToReadSucceedsWithHeaderOnlyReports() throws IOException {
    assertEquals(0, emptyExit, "exit status with no recording among the inputs, --strict given");
    JsonNode empty =
        new ObjectMapper().readTree(emptyOut.resolve(AnalyzeJob.SUMMARY_FILE).toFile());
    assertEquals(0, empty.get("counts").get("files").asLong(), "files");
    assertEquals(0, empty.get("counts").get("exchanges").asLong(), "exchanges");
    assertTrue(empty.get("time_range").get("first").isNull(), "no first exchange");
    assertEquals(1, empty.get("skipped_files").size(), "README.txt is skipped");
    List<Path> reports;
    try (Stream<Path> list = Files.list(emptyOut.resolve(AnalyzeJob.REPORTS_DIR))) {
      reports =
          list.filter(
                  p ->
                      p.getFileName().toString().endsWith(".csv")
                          && !p.getFileName().toString().startsWith("."))
              .sorted()
              .toList(); // not Hadoop's .crc files
    }
    assertEquals(
        Reports.all(false).stream().filter(ReportSpec::written).count(),
        reports.size(),
        "a header-only CSV per written report: " + reports);
    for (Path report : reports) {
      List<String> lines = Files.readAllLines(report);
      assertEquals(1, lines.size(), report.getFileName() + " holds its header only");
      assertFalse(lines.get(0).isBlank(), report.getFileName() + " header");
    }
    assertTrue(
        Files.readString(emptyOut.resolve(AnalyzeJob.HTML_FILE)).contains("</html>"),
        "report.html");
  }

  // ---- helpers ----

  private static String casy(String ts, String hotel, String token, int status, String body) {
    return "{\"ts\":\""
        + ts
        + "\",\"duration_ms\":12,\"request\":{\"method\":\"GET\",\"url\":"
        + "\"https://onlinebuchungen.ch/v1/reservations/"
        + hotel
        + "\",\"headers\":{\"Authorization\":\"Bearer "
        + token
        + "\"}},\"response\":{\"status\":"
        + status
        + ",\"headers\":{},\"body\":"
        + "\""
        + new String(JsonStringEncoder.getInstance().quoteAsString(body))
        + "\"}}";
  }

  private static String casyAt(String tsJson, String hotel) {
    return "{\"ts\":"
        + tsJson
        + ",\"request\":{\"method\":\"GET\",\"url\":\"https://onlinebuchungen.ch/v1/reservations/"
        + hotel
        + "\"},\"response\":{\"status\":200,\"body\":null}}";
  }

  private static byte[] latin1(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream out = new GZIPOutputStream(bytes)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }

  /** Complete lines a reader gets out of a cut-off gzip before the decompressor gives up. */
  private static long completeLinesBeforeTheDamage(byte[] cut) throws IOException {
    long lines = 0;
    try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(cut), 1 << 16)) {
      int b;
      while ((b = in.read()) >= 0) {
        lines += b == '\n' ? 1 : 0;
      }
    } catch (EOFException e) {
      return lines;
    }
    throw new AssertionError("the cut gzip decompressed to its end");
  }

  private static List<JsonNode> quarantine(String fileName) throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    List<JsonNode> records = new ArrayList<>();
    for (String line : Files.readAllLines(out.resolve("quarantine/records.jsonl"))) {
      JsonNode record = mapper.readTree(line);
      if (record.get("source").asText().endsWith("/" + fileName)) {
        records.add(record);
      }
    }
    return records;
  }

  private static List<CSVRecord> csv(Path dir, String report) throws IOException {
    try (Reader reader =
        Files.newBufferedReader(dir.resolve(AnalyzeJob.REPORTS_DIR).resolve(report + ".csv"))) {
      return CSVFormat.RFC4180
          .builder()
          .setHeader()
          .setSkipHeaderRecord(true)
          .get()
          .parse(reader)
          .getRecords();
    }
  }
}
