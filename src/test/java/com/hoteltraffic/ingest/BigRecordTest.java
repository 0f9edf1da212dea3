package com.hoteltraffic.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.hoteltraffic.classify.ExchangeInterpreter;
import com.hoteltraffic.classify.ProviderRules;
import com.hoteltraffic.classify.ResponseClassifier;
import com.hoteltraffic.classify.TokenPseudonymizer;
import com.hoteltraffic.json.JsonFactories;
import com.hoteltraffic.model.BodyNeeds;
import com.hoteltraffic.model.ClassifiedExchange;
import com.hoteltraffic.model.ErrorClass;
import com.hoteltraffic.model.Operation;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Records with bodies over Jackson's default string limit (20 million characters):
 * docs/messy-input.md promises that only lines over 64 MB are refused, so a 30 MB body is read,
 * classified and re-read by the body readers, and the records after it are read too.
 */
class BigRecordTest {
  private static final int BIG = 30 * 1024 * 1024;
  private static final ObjectMapper MAPPER = JsonFactories.mapper();
  private static final String HB = "https://api.hotelbeds.com/hotel-api/1.0/bookings";

  /**
   * A Hotelbeds booking response whose clientReference alone is 30 MB: the facts reader must read
   * it.
   */
  private static String bigBookingBody;

  @TempDir Path dir;

  @BeforeAll
  static void buildBody() {
    bigBookingBody =
        "{\"booking\":{\"reference\":\"1-3814850\",\"clientReference\":\""
            + "R".repeat(BIG)
            + "\",\"status\":\"CONFIRMED\",\"creationDate\":\"2026-11-19\",\"hotel\":{\"code\":1534}}}";
  }

  private static ExchangeInterpreter interpreter() {
    return new ExchangeInterpreter(
        ProviderRules.loadDefault(),
        ResponseClassifier.withDefaultTaxonomy(),
        new TokenPseudonymizer("k".getBytes(StandardCharsets.UTF_8)),
        false);
  }

  private static String smallRecord(String id) {
    return "{\"ts\":\"2026-11-19T10:00:05Z\",\"id\":\""
        + id
        + "\",\"request\":{\"method\":\"GET\",\"url\":\"https://onlinebuchungen.ch/v1/introspect\"},"
        + "\"response\":{\"status\":200,\"body\":\"{}\"}}";
  }

  private static String bigRecord() {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("ts", "2026-11-19T10:00:06Z");
    root.put("id", "big");
    ObjectNode request = root.putObject("request");
    request.put("method", "POST");
    request.put("url", HB);
    request.putObject("headers").put("Api-key", "hbKey0123456789");
    ObjectNode response = root.putObject("response");
    response.put("status", 200);
    response.putObject("headers").put("Content-Type", "application/json");
    response.put("body", bigBookingBody);
    return root.toString();
  }

  private static void assertBigBookingClassified(ExchangeInterpreter interpreter, RawExchange raw) {
    assertEquals(bigBookingBody, raw.responseBody(), "the 30 MB body is kept whole");
    ClassifiedExchange out = interpreter.interpret(raw);
    assertEquals(Operation.HB_BOOKING_CONFIRMATION, out.operation, "operation");
    assertEquals(ErrorClass.OK, out.errorClass, "class");
    assertEquals(1, out.bookings.size(), "the booking facts are read from the 30 MB body");
    assertEquals("1-3814850", out.bookings.get(0).reference(), "reference");
    assertEquals(
        BIG,
        out.bookings.get(0).clientReference().length(),
        "the 30 MB clientReference read whole");
    assertEquals("1534", out.hotelId, "hotel after the big string");
  }

  @Test
  void jsonLinesRecordWithA30MbBodyIsReadClassifiedAndTheNextRecordsToo() throws IOException {
    Path file = dir.resolve("big.jsonl");
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write(
          smallRecord("a")
              + "\n"
              + bigRecord()
              + "\n"
              + smallRecord("c")
              + "\n"
              + smallRecord("d")
              + "\n");
    }
    long length = Files.size(file);
    assertTrue(
        length > BIG && length < JsonLinesSplitReader.MAX_LINE_BYTES,
        "a line under the 64 MB limit");
    ExchangeInterpreter interpreter = interpreter();
    JsonLinesParser parser = new JsonLinesParser(MAPPER.getFactory(), interpreter.bodyNeeds());
    InputSplit split =
        new InputSplit(file.toUri().toString(), InputFormat.JSONL, false, 0, length, length);
    List<ReadEvent> events = new ArrayList<>();
    try (InputStream in = Files.newInputStream(file)) {
      JsonLinesSplitReader reader = new JsonLinesSplitReader(in, split, parser);
      reader.forEachRemaining(events::add);
    }
    SplitStats stats = events.get(events.size() - 1).stats();
    assertEquals(4, stats.lines(), "lines");
    assertEquals(4, stats.exchanges(), "exchanges");
    assertEquals(0, stats.quarantined(), "quarantined");
    assertNull(stats.corruptReason(), "not corrupt");
    assertEquals(
        List.of("a", "big", "c", "d"),
        events.subList(0, 4).stream().map(e -> e.exchange().requestId()).toList(),
        "every record, in order");
    assertEquals(2, events.get(1).line(), "line number");
    assertBigBookingClassified(interpreter, events.get(1).exchange());
  }

  private static String smallEntry(String second) {
    return "{\"startedDateTime\": \"2026-11-19T10:00:0"
        + second
        + "Z\", \"time\": 12,"
        + " \"request\": {\"method\": \"GET\", \"url\": \"https://onlinebuchungen.ch/v1/introspect\", \"headers\": []},"
        + " \"response\": {\"status\": 200, \"headers\": [], \"content\": {\"text\": \"{}\"}}}";
  }

  private static String bigEntry() {
    ObjectNode entry = MAPPER.createObjectNode();
    entry.put("startedDateTime", "2026-11-19T10:00:06Z");
    entry.put("time", 20);
    ObjectNode request = entry.putObject("request");
    request.put("method", "POST");
    request.put("url", HB);
    request.putArray("headers").addObject().put("name", "Api-key").put("value", "hbKey0123456789");
    ObjectNode response = entry.putObject("response");
    response.put("status", 200);
    response.putArray("headers");
    response.putObject("content").put("mimeType", "application/json").put("text", bigBookingBody);
    return entry.toString();
  }

  @Test
  void harWhoseSecondEntryHasA30MbBodyYieldsAllItsEntries() throws IOException {
    Path file = dir.resolve("big.har");
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write(HarSplitReaderTest.har(smallEntry("5"), bigEntry(), smallEntry("7")));
    }
    ExchangeInterpreter interpreter = interpreter();
    List<ReadEvent> events = new ArrayList<>();
    try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      new HarSplitReader(in, MAPPER, new HarEntryParser(interpreter.bodyNeeds()))
          .forEachRemaining(events::add);
    }
    assertEquals(4, events.size(), "three exchanges and the counts");
    SplitStats stats = events.get(3).stats();
    assertEquals(3, stats.lines(), "entries");
    assertEquals(3, stats.exchanges(), "exchanges");
    assertEquals(0, stats.quarantined(), "quarantined");
    assertNull(stats.corruptReason(), "not corrupt");
    for (int i = 0; i < 3; i++) {
      assertEquals(ReadEvent.Kind.EXCHANGE, events.get(i).kind(), "entry " + (i + 1));
    }
    assertEquals(TS_7, events.get(2).exchange().tsMillis(), "the entry after the big one");
    assertBigBookingClassified(interpreter, events.get(1).exchange());
  }

  private static final long TS_7 = java.time.Instant.parse("2026-11-19T10:00:07Z").toEpochMilli();

  @Test
  void theStringLimitMatchesTheLineLimitAndNoOtherLimitIsLowered() {
    StreamReadConstraints used = MAPPER.getFactory().streamReadConstraints();
    StreamReadConstraints defaults = StreamReadConstraints.defaults();
    assertEquals(
        JsonLinesSplitReader.MAX_LINE_BYTES,
        used.getMaxStringLength(),
        "string limit = line limit");
    assertEquals(defaults.getMaxDocumentLength(), used.getMaxDocumentLength(), "document length");
    assertEquals(defaults.getMaxNestingDepth(), used.getMaxNestingDepth(), "nesting depth");
    assertEquals(defaults.getMaxNumberLength(), used.getMaxNumberLength(), "number length");
    assertEquals(defaults.getMaxNameLength(), used.getMaxNameLength(), "name length");
  }

  @Test
  void aRecordOverAReadingLimitIsQuarantinedWithTheLimitNamedAndTheNextLineIsRead() {
    String deep = "[".repeat(3000) + "]".repeat(3000);
    String tooDeep =
        "{\"ts\":\"2026-11-19T10:00:05Z\",\"request\":{\"method\":\"GET\","
            + "\"url\":\"https://onlinebuchungen.ch/v1/introspect\",\"body\":"
            + deep
            + "}}";
    byte[] file = (tooDeep + "\n" + smallRecord("next") + "\n").getBytes(StandardCharsets.UTF_8);
    InputSplit split =
        new InputSplit("file:/t.jsonl", InputFormat.JSONL, false, 0, file.length, file.length);
    List<ReadEvent> events = new ArrayList<>();
    new JsonLinesSplitReader(
            new java.io.ByteArrayInputStream(file),
            split,
            new JsonLinesParser(MAPPER.getFactory(), BodyNeeds.ALL))
        .forEachRemaining(events::add);
    assertEquals(ReadEvent.Kind.QUARANTINE, events.get(0).kind(), "the deep record");
    assertTrue(
        events.get(0).reason().startsWith("exceeds a JSON reading limit: Document nesting depth"),
        events.get(0).reason());
    assertEquals("next", events.get(1).exchange().requestId(), "the line after it");
    assertEquals(1, events.get(2).stats().quarantined(), "quarantined");
  }

  @Test
  void aLimitBrokenInInvalidUtf8IsStillARecordError() {
    byte[] line =
        ("{\"ts\":\"2026-11-19T10:00:05Z\",\"error\":\"\u00e9\",\"x\":"
                + "[".repeat(3000)
                + "]".repeat(3000)
                + "}")
            .getBytes(StandardCharsets.ISO_8859_1);
    MalformedRecordException e =
        assertThrows(
            MalformedRecordException.class,
            () ->
                new JsonLinesParser(MAPPER.getFactory(), BodyNeeds.ALL)
                    .parse(line, 0, line.length));
    assertTrue(e.getMessage().contains("exceeds a JSON reading limit"), e.getMessage());
  }

  @Test
  void reasonsNeedNoLocation() {
    assertEquals(
        "exceeds a JSON reading limit: String value length (5) exceeds the maximum allowed (4)",
        JsonFactories.reason(
            new StreamConstraintsException(
                "String value length (5) exceeds the maximum allowed (4, from `StreamReadConstraints.getMaxStringLength()`)")));
    assertEquals(
        "exceeds a JSON reading limit: unknown limit",
        JsonFactories.reason(new StreamConstraintsException(null)));
    assertEquals(
        "not valid JSON",
        JsonFactories.reason(
            new com.fasterxml.jackson.core.JsonParseException(
                null, "bad", (com.fasterxml.jackson.core.JsonLocation) null)));
  }

  @Test
  void harEntryOverAReadingLimitEndsTheFileWithTheLimitNamedAndKeepsTheEntriesBefore() {
    String deep =
        smallEntry("6")
            .replace(
                "\"time\": 12,",
                "\"time\": 12, \"_x\": " + "[".repeat(3000) + "]".repeat(3000) + ",");
    HarSplitReaderTest.HarRead read =
        HarSplitReaderTest.read(
            new java.io.ByteArrayInputStream(
                HarSplitReaderTest.har(smallEntry("5"), deep).getBytes(StandardCharsets.UTF_8)));
    assertEquals(1, read.exchanges().size(), "the entry before");
    assertNotNull(read.stats().corruptReason(), "marked corrupt");
    assertTrue(
        read.stats()
            .corruptReason()
            .startsWith("HAR exceeds a JSON reading limit: Document nesting depth"),
        read.stats().corruptReason());
  }
}
