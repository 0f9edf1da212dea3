package com.hoteltraffic.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hoteltraffic.json.JsonFactories;
import com.hoteltraffic.model.BodyNeeds;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * {@link HarSplitReader} and {@link HarEntryParser}: HAR 1.2 entries, no-response entries, damage.
 */
class HarSplitReaderTest {
  private static final ObjectMapper MAPPER = JsonFactories.mapper();
  private static final long TS = 1_795_082_405_000L; // 2026-11-19T10:00:05Z

  record HarRead(List<ReadEvent> records, SplitStats stats) {
    List<RawExchange> exchanges() {
      return records.stream()
          .filter(e -> e.kind() == ReadEvent.Kind.EXCHANGE)
          .map(ReadEvent::exchange)
          .toList();
    }
  }

  static HarRead read(String har) {
    return read(new ByteArrayInputStream(har.getBytes(StandardCharsets.UTF_8)));
  }

  static HarRead read(java.io.InputStream in) {
    HarSplitReader reader = new HarSplitReader(in, MAPPER, new HarEntryParser(BodyNeeds.ALL));
    List<ReadEvent> records = new ArrayList<>();
    SplitStats stats = null;
    while (reader.hasNext()) {
      ReadEvent event = reader.next();
      if (event.kind() == ReadEvent.Kind.STATS) {
        assertNull(stats, "one stats event");
        stats = event.stats();
      } else {
        assertNull(stats, "stats come last");
        records.add(event);
      }
    }
    assertNotNull(stats, "stats at the end");
    assertEquals(0, stats.blank(), "HAR has no blank lines");
    assertEquals(
        stats.lines(),
        stats.exchanges() + stats.quarantined(),
        "entries = exchanges + quarantined");
    return new HarRead(records, stats);
  }

  static String har(String... entries) {
    return "{\"log\": {\"version\": \"1.2\", \"creator\": {\"name\": \"test\", \"version\": \"1\"},\n"
        + "\"pages\": [],\n"
        + "\"entries\": [\n"
        + String.join(",\n", entries)
        + "\n]}}";
  }

  static final String BASE64_ENTRY =
      "{\"startedDateTime\": \"2026-11-19T11:00:05.000+01:00\", \"time\": 183.4,"
          + " \"request\": {\"method\": \"POST\", \"url\": \"https://api.hotelbeds.com/hotel-api/1.0/bookings\","
          + " \"headers\": [{\"name\": \"Api-key\", \"value\": \"k1\"}, {\"name\": \"api-key\", \"value\": \"k2\"}],"
          + " \"postData\": {\"mimeType\": \"application/json\", \"text\": \"{\\\"clientReference\\\":\\\"ABC\\\"}\"}},"
          + " \"response\": {\"status\": 200, \"headers\": [{\"name\": \"Content-Type\", \"value\": \"application/json\"}],"
          + " \"content\": {\"mimeType\": \"application/json\", \"encoding\": \"base64\", \"text\": \""
          + Base64.getEncoder()
              .encodeToString(
                  "{\"booking\":{\"reference\":\"1-3814850\"}}".getBytes(StandardCharsets.UTF_8))
          + "\"}}}";

  static final String PLAIN_ENTRY =
      "{\"startedDateTime\": \"2026-11-19T10:00:06Z\", \"time\": 12,"
          + " \"request\": {\"method\": \"GET\", \"url\": \"https://onlinebuchungen.ch/v1/introspect\", \"headers\": []},"
          + " \"response\": {\"status\": 503, \"headers\": [], \"content\": {\"text\": \"{\\\"error\\\":\\\"x\\\"}\"}}}";

  static final String ENTRY_LEVEL_ERROR =
      "{\"startedDateTime\": \"2026-11-19T10:00:07Z\", \"time\": -1,"
          + " \"request\": {\"method\": \"POST\", \"url\": \"https://api.hotelbeds.com/hotel-api/1.0/bookings\", \"headers\": []},"
          + " \"response\": {\"status\": 0, \"headers\": [], \"content\": {\"size\": 0}}, \"_error\": \"Connection killed.\"}";

  static final String RESPONSE_LEVEL_ERROR =
      "{\"startedDateTime\": \"2026-11-19T10:00:08Z\", \"time\": 60000,"
          + " \"request\": {\"method\": \"GET\", \"url\": \"https://onlinebuchungen.ch/v1/introspect\", \"headers\": []},"
          + " \"response\": {\"status\": 0, \"_error\": \"timeout\", \"headers\": []}}";

  static final String NO_RESPONSE =
      "{\"startedDateTime\": \"2026-11-19T10:00:09Z\","
          + " \"request\": {\"method\": \"GET\", \"url\": \"https://onlinebuchungen.ch/v1/introspect\"}}";

  @Test
  void entriesWithBase64ContentPostDataAndNoResponses() {
    HarRead read =
        read(har(BASE64_ENTRY, PLAIN_ENTRY, ENTRY_LEVEL_ERROR, RESPONSE_LEVEL_ERROR, NO_RESPONSE));
    assertNull(read.stats().corruptReason(), "not corrupt");
    assertEquals(5, read.stats().exchanges(), "exchanges");
    List<RawExchange> e = read.exchanges();

    RawExchange booking = e.get(0);
    assertEquals(TS, booking.tsMillis(), "+01:00 normalised to UTC");
    assertEquals(183L, booking.durationMs(), "time rounded");
    assertEquals("POST", booking.method(), "method");
    assertEquals("https://api.hotelbeds.com/hotel-api/1.0/bookings", booking.url(), "url");
    assertEquals(
        Map.of("api-key", "k1"),
        booking.requestHeaders(),
        "first of duplicate headers, lower-cased");
    assertEquals("{\"clientReference\":\"ABC\"}", booking.requestBody(), "postData.text");
    assertEquals(200, booking.status(), "status");
    assertEquals(
        Map.of("content-type", "application/json"), booking.responseHeaders(), "response headers");
    assertEquals(
        "{\"booking\":{\"reference\":\"1-3814850\"}}", booking.responseBody(), "base64 decoded");
    assertNull(booking.error(), "no error");

    assertEquals(503, e.get(1).status(), "plain status");
    assertEquals("{\"error\":\"x\"}", e.get(1).responseBody(), "plain content text");
    assertEquals(12L, e.get(1).durationMs(), "time");

    assertNull(e.get(2).status(), "status 0 + entry _error is no response");
    assertEquals("Connection killed.", e.get(2).error(), "entry-level _error");
    assertNull(e.get(2).durationMs(), "time -1 is unknown");

    assertNull(e.get(3).status(), "status 0 + response _error is no response");
    assertEquals("timeout", e.get(3).error(), "response-level _error");

    assertNull(e.get(4).status(), "missing response is no response");
    assertEquals("no response", e.get(4).error(), "default reason");
  }

  @Test
  void entriesCarryTheLineTheyStartOn() {
    HarRead read = read(har(PLAIN_ENTRY, "\n" + PLAIN_ENTRY, NO_RESPONSE));
    List<Long> lines = read.records().stream().map(ReadEvent::line).toList();
    // Header lines 1-3; entries on line 4, then 6 (after a blank line), then 7.
    assertEquals(List.of(4L, 6L, 7L), lines, "entry start lines");
  }

  @Test
  void harCutOffMidEntryKeepsTheEntriesBeforeAndIsCorrupt() {
    String whole = har(PLAIN_ENTRY, BASE64_ENTRY, PLAIN_ENTRY);
    int cut = whole.lastIndexOf("\"response\"");
    HarRead read = read(whole.substring(0, cut));
    assertEquals(2, read.stats().exchanges(), "entries before the cut kept");
    assertEquals(2, read.stats().lines(), "the cut entry is not counted");
    assertNotNull(read.stats().corruptReason(), "corrupt");
    assertTrue(
        read.stats().corruptReason().startsWith("HAR is cut off or not valid JSON near line"),
        read.stats().corruptReason());
  }

  @Test
  void harCutOffBetweenEntriesIsCorrupt() {
    String whole = har(PLAIN_ENTRY, PLAIN_ENTRY);
    HarRead read = read(whole.substring(0, whole.indexOf(PLAIN_ENTRY) + PLAIN_ENTRY.length() + 1));
    assertEquals(1, read.stats().exchanges(), "entry before the cut kept");
    // Jackson reports the end of input inside an array as a parse error, not as a null token.
    assertEquals(
        "HAR is cut off or not valid JSON near line 4", read.stats().corruptReason(), "reason");
  }

  @Test
  void gzipHarCutOffKeepsTheEntriesBefore() throws IOException {
    List<String> entries = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      entries.add(PLAIN_ENTRY.replace("introspect", "reservations/" + (1000 + i * 7919 % 9000)));
    }
    byte[] gz = gzip(har(entries.toArray(new String[0])).getBytes(StandardCharsets.UTF_8));
    byte[] cut = java.util.Arrays.copyOf(gz, gz.length / 2);
    HarRead read =
        read(new java.io.BufferedInputStream(new GZIPInputStream(new ByteArrayInputStream(cut))));
    assertNotNull(read.stats().corruptReason(), "corrupt");
    assertTrue(
        read.stats().exchanges() > 0 && read.stats().exchanges() < 400,
        "some kept: " + read.stats().exchanges());
  }

  @Test
  void notAHarIsCorruptWithNoEntries() {
    for (String text :
        List.of("{\"foo\":1}", "[]", "{\"log\":{\"entries\":{}}}", "{\"log\":[]}", "", "hello")) {
      HarRead read = read(text);
      assertEquals(0, read.stats().lines(), "no entries in " + text);
      assertNotNull(read.stats().corruptReason(), "corrupt: " + text);
    }
    assertEquals(
        "not a HAR file: no log.entries array",
        read("{\"foo\":1}").stats().corruptReason(),
        "reason");
  }

  @Test
  void emptyEntriesAndContentAfterTheEntriesAreFine() {
    HarRead empty = read("{\"log\":{\"version\":\"1.2\",\"entries\":[]}}");
    assertEquals(0, empty.stats().lines(), "no entries");
    assertNull(empty.stats().corruptReason(), "an empty HAR is not corrupt");
    HarRead entriesFirst =
        read("{\"log\":{\"entries\":[" + PLAIN_ENTRY + "],\"pages\":[{\"id\":\"p\"}]}}");
    assertEquals(1, entriesFirst.stats().exchanges(), "entries before pages");
  }

  @Test
  void badEntriesAreQuarantinedWithTheirRawJson() throws Exception {
    String noStart = PLAIN_ENTRY.replace("\"startedDateTime\": \"2026-11-19T10:00:06Z\", ", "");
    String badBase64 =
        BASE64_ENTRY.replaceFirst("\"text\": \"eyJ[^\"]*\"", "\"text\": \"%%%not base64%%%\"");
    String badStatus = PLAIN_ENTRY.replace("\"status\": 503", "\"status\": \"abc\"");
    HarRead read = read(har(noStart, PLAIN_ENTRY, "42", badBase64, badStatus, "null"));
    assertEquals(6, read.stats().lines(), "entries");
    assertEquals(1, read.stats().exchanges(), "valid entries");
    assertEquals(5, read.stats().quarantined(), "quarantined entries");
    assertNull(read.stats().corruptReason(), "bad entries do not make the file corrupt");

    ReadEvent first = read.records().get(0);
    assertEquals(ReadEvent.Kind.QUARANTINE, first.kind(), "first is quarantined");
    assertEquals("missing field startedDateTime", first.reason(), "reason");
    assertEquals(MAPPER.readTree(noStart), MAPPER.readTree(first.raw()), "raw is the entry's JSON");
    assertEquals(4, first.line(), "line of the bad entry");

    assertEquals("HAR entry is not an object", read.records().get(2).reason(), "a number entry");
    assertEquals(
        "response.content.text is not valid base64", read.records().get(3).reason(), "bad base64");
    assertEquals(
        "response.status is not an integer", read.records().get(4).reason(), "string status");
    assertEquals("HAR entry is not an object", read.records().get(5).reason(), "a null entry");
  }

  @Test
  void entryParserRefusesMissingRequestParts() throws Exception {
    HarEntryParser parser = new HarEntryParser(BodyNeeds.ALL);
    record Case(String entry, String reason) {}
    for (Case c :
        List.of(
            new Case("{\"startedDateTime\":\"2026-11-19T10:00:06Z\"}", "missing field request"),
            new Case(
                "{\"startedDateTime\":\"2026-11-19T10:00:06\",\"request\":{}}",
                "ts is not an ISO-8601 timestamp with Z or an offset"),
            new Case("{\"startedDateTime\":5,\"request\":{}}", "startedDateTime is not a string"),
            new Case(
                "{\"startedDateTime\":\"2026-11-19T10:00:06Z\",\"request\":{\"url\":\"https://x/\"}}",
                "missing field request.method"),
            new Case(
                "{\"startedDateTime\":\"2026-11-19T10:00:06Z\",\"request\":{\"method\":\"GET\"}}",
                "missing field request.url"))) {
      JsonNode node = MAPPER.readTree(c.entry());
      MalformedRecordException e =
          assertThrows(MalformedRecordException.class, () -> parser.parse(node), c.entry());
      assertEquals(c.reason(), e.getMessage(), c.entry());
    }
  }

  @Test
  void bodiesRefusedByBodyNeedsAreNotKept() throws Exception {
    BodyNeeds none = BodyNeeds.NONE;
    RawExchange e = new HarEntryParser(none).parse(MAPPER.readTree(BASE64_ENTRY));
    assertNull(e.requestBody(), "request body skipped");
    assertNull(e.responseBody(), "response body skipped");
    assertEquals(200, e.status(), "status kept");
  }

  private static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    }
    return out.toByteArray();
  }
}
