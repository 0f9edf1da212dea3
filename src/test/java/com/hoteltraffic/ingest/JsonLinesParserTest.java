package com.hoteltraffic.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.hoteltraffic.classify.ExchangeInterpreter;
import com.hoteltraffic.classify.ProviderRules;
import com.hoteltraffic.classify.ResponseClassifier;
import com.hoteltraffic.classify.TokenPseudonymizer;
import com.hoteltraffic.json.JsonFactories;
import com.hoteltraffic.model.BodyNeeds;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link JsonLinesParser}: every variant of the input contract's JSON Lines record. */
class JsonLinesParserTest {
  private static final ObjectMapper MAPPER = JsonFactories.mapper();
  private static final String SECRET = "sk_live_SECRET_7f3a9c";
  private static final long TS_2026_11_19_10_00_05 = 1_795_082_405_000L;

  /** The input contract's example record, on one line. */
  static final String SPEC_EXAMPLE =
      "{\"ts\": \"2026-11-19T10:00:05.000Z\", \"duration_ms\": 183,"
          + " \"request\":  {\"method\": \"GET\", \"url\": \"https://onlinebuchungen.ch/v1/reservations/9994?start_date=2026-11-01\","
          + " \"headers\": {\"Authorization\": \"Bearer "
          + SECRET
          + "\", \"Accept\": \"application/json\"}, \"body\": null},"
          + " \"response\": {\"status\": 429, \"headers\": {\"Content-Type\": \"application/json\"},"
          + " \"body\": \"{\\\"error\\\":\\\"rate_limited\\\",\\\"window_seconds\\\":60,\\\"limit\\\":10}\"},"
          + " \"error\": null}";

  /** Refuses every body, as the job does for successful reads nobody looks at. */
  private static final BodyNeeds NO_BODIES = BodyNeeds.NONE;

  private static RawExchange parse(String line) throws MalformedRecordException {
    return parse(line, BodyNeeds.ALL);
  }

  private static RawExchange parse(String line, BodyNeeds needs) throws MalformedRecordException {
    byte[] bytes = ("xx" + line + "yy").getBytes(StandardCharsets.UTF_8);
    // Parse from the middle of a buffer: the reader hands over a slice of its line buffer.
    return new JsonLinesParser(MAPPER.getFactory(), needs).parse(bytes, 2, bytes.length - 4);
  }

  private static String record(String request, String rest) {
    return "{\"ts\":\"2026-11-19T10:00:05Z\",\"request\":" + request + rest + "}";
  }

  private static final String GET_REQUEST =
      "{\"method\":\"GET\",\"url\":\"https://onlinebuchungen.ch/v1/introspect\"}";

  @Test
  void specExampleRecord() throws Exception {
    RawExchange e = parse(SPEC_EXAMPLE);
    assertEquals(TS_2026_11_19_10_00_05, e.tsMillis(), "ts");
    assertEquals(183L, e.durationMs(), "duration_ms");
    assertEquals("GET", e.method(), "method");
    assertEquals(
        "https://onlinebuchungen.ch/v1/reservations/9994?start_date=2026-11-01", e.url(), "url");
    assertEquals(
        Map.of("authorization", "Bearer " + SECRET, "accept", "application/json"),
        e.requestHeaders(),
        "request headers, names lower-cased");
    assertNull(e.requestBody(), "request body null");
    assertEquals(429, e.status(), "status");
    assertEquals(
        Map.of("content-type", "application/json"), e.responseHeaders(), "response headers");
    assertEquals(
        "{\"error\":\"rate_limited\",\"window_seconds\":60,\"limit\":10}",
        e.responseBody(),
        "body");
    assertNull(e.error(), "error");
    assertNull(e.providerHint(), "provider");
    assertNull(e.requestId(), "id");
  }

  @Test
  void headersAsHarArrayAreCaseInsensitiveAndKeepTheFirstOfADuplicate() throws Exception {
    RawExchange e =
        parse(
            record(
                "{\"method\":\"GET\",\"url\":\"https://x/\",\"headers\":["
                    + "{\"name\":\"Api-Key\",\"value\":\"first\"},"
                    + "null,"
                    + "{\"name\":\"API-KEY\",\"value\":\"second\"},"
                    + "{\"name\":\"X-Null\",\"value\":null},"
                    + "{\"name\":null,\"value\":\"orphan\"},"
                    + "{\"value\":\"no-name\"},"
                    + "\"odd\",[1,2],"
                    + "{\"name\":\"Accept\",\"value\":\"text/xml\",\"comment\":{\"x\":1}}]}",
                ""));
    assertEquals(
        Map.of("api-key", "first", "accept", "text/xml"),
        e.requestHeaders(),
        "first of duplicate names kept; null names, null values and odd elements dropped");
  }

  @Test
  void headersAsObjectKeepTheFirstOfCaseVariantsAndDropNulls() throws Exception {
    RawExchange e =
        parse(
            record(
                "{\"method\":\"GET\",\"url\":\"https://x/\",\"headers\":"
                    + "{\"Accept\":\"a\",\"ACCEPT\":\"b\",\"X-Null\":null,\"X-Obj\":{\"k\":1}}}",
                ",\"response\":{\"status\":200,\"headers\":null}"));
    assertEquals(Map.of("accept", "a"), e.requestHeaders(), "request headers");
    assertEquals(Map.of(), e.responseHeaders(), "headers null → none");
  }

  /** Keeps every body, and only the headers {@code api-key} and {@code content-type}. */
  private static final BodyNeeds TWO_HEADERS =
      new BodyNeeds() {
        @Override
        public boolean requestBody(String method, String url) {
          return true;
        }

        @Override
        public boolean responseBody(String method, String url, int status) {
          return true;
        }

        @Override
        public java.util.Set<String> headers() {
          return java.util.Set.of("api-key", "content-type");
        }
      };

  @Test
  void onlyTheHeadersBodyNeedsNamesAreKeptInEitherForm() throws Exception {
    RawExchange e =
        parse(
            record(
                "{\"method\":\"GET\",\"url\":\"https://x/\",\"headers\":["
                    + "{\"name\":\"Accept\",\"value\":\"text/xml\"},"
                    + "{\"name\":\"X-Signature\",\"value\":{\"nested\":[1,2]}},"
                    + "{\"value\":\"v-first\",\"name\":\"API-KEY\"},"
                    + "{\"name\":\"Api-Key\",\"value\":\"second\"},"
                    + "{\"name\":42,\"value\":\"number-name\"},"
                    + "{\"name\":\"Content-Typ\",\"value\":\"one short\"}]}",
                ",\"response\":{\"status\":500,\"headers\":{\"X-Request-Id\":\"r1\","
                    + "\"CONTENT-type\":\"text/plain\",\"Content-Type\":\"later\","
                    + "\"Content-Typez\":\"one long\",\"Server\":{\"k\":[1]}}}"),
            TWO_HEADERS);
    assertEquals(
        Map.of("api-key", "v-first"),
        e.requestHeaders(),
        "value before name kept; the first of a duplicate; unnamed headers dropped");
    assertEquals(
        Map.of("content-type", "text/plain"),
        e.responseHeaders(),
        "object form: the first of case variants; near names and object values dropped");
  }

  @Test
  void headerNamesThatLowerCaseToAKeptNameOutsideAsciiAreKept() throws Exception {
    // U+212A KELVIN SIGN lower-cases to 'k' (Locale.ROOT), as the unfiltered reader folded it.
    RawExchange e =
        parse(
            record(
                "{\"method\":\"GET\",\"url\":\"https://x/\",\"headers\":{\"Api-\u212Aey\":\"kelvin\","
                    + "\"Ap\u00ee-Key\":\"not it\"}}",
                ""),
            TWO_HEADERS);
    assertEquals(Map.of("api-key", "kelvin"), e.requestHeaders(), "kept as toLowerCase folds it");
  }

  @Test
  void aHeaderPairThatNamesItselfTwiceIsReadAgainSoTheLastNameWins() throws Exception {
    String line =
        record(
            "{\"method\":\"GET\",\"url\":\"https://x/\",\"headers\":["
                + "{\"name\":\"Accept\",\"value\":\"skipped at first\",\"name\":\"Api-Key\"},"
                + "{\"name\":\"Content-Type\",\"value\":\"application/json\"}]}",
            "");
    JsonLinesParser parser = new JsonLinesParser(MAPPER.getFactory(), TWO_HEADERS);
    byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
    RawExchange e = parser.parse(bytes, 0, bytes.length);
    assertEquals(
        Map.of("api-key", "skipped at first", "content-type", "application/json"),
        e.requestHeaders(),
        "the value of the pair's last name, as a reader keeping every value reads it");
    byte[] next =
        record(
                "{\"method\":\"GET\",\"url\":\"https://x/\",\"headers\":["
                    + "{\"name\":\"Accept\",\"value\":\"a\"},{\"name\":\"Api-Key\",\"value\":\"k\"}]}",
                "")
            .getBytes(StandardCharsets.UTF_8);
    assertEquals(
        Map.of("api-key", "k"),
        parser.parse(next, 0, next.length).requestHeaders(),
        "the same parser filters the next record again");
  }

  @Test
  void bodiesAsStringAndAsEmbeddedJsonAreText() throws Exception {
    RawExchange e =
        parse(
            record(
                "{\"method\":\"POST\",\"url\":\"https://x/\",\"body\":{\"clientReference\":\"ABC\",\"rooms\":[{\"rateKey\":\"k\"}]}}",
                ",\"response\":{\"status\":200,\"body\":[1,{\"a\":null},\"s\"]}"));
    assertEquals(
        "{\"clientReference\":\"ABC\",\"rooms\":[{\"rateKey\":\"k\"}]}",
        e.requestBody(),
        "object body");
    assertEquals("[1,{\"a\":null},\"s\"]", e.responseBody(), "array body");

    RawExchange xml =
        parse(
            record(
                "{\"method\":\"POST\",\"url\":\"https://x/\",\"body\":\"<bookingRQ/>\"}",
                ",\"response\":{\"status\":200,\"body\":\"<bookingRS>\\u00e9</bookingRS>\"}"));
    assertEquals("<bookingRQ/>", xml.requestBody(), "string body");
    assertEquals("<bookingRS>é</bookingRS>", xml.responseBody(), "escaped string body decoded");
  }

  static Stream<Arguments> timestamps() {
    return Stream.of(
        Arguments.of("\"2026-11-19T10:00:05.000Z\"", TS_2026_11_19_10_00_05),
        Arguments.of("\"2026-11-19T10:00:05Z\"", TS_2026_11_19_10_00_05),
        Arguments.of("\"2026-11-19T11:00:05.000+01:00\"", TS_2026_11_19_10_00_05),
        Arguments.of("\"2026-11-19T05:00:05-05:00\"", TS_2026_11_19_10_00_05),
        Arguments.of("\"2026-11-19T10:00:05.123Z\"", TS_2026_11_19_10_00_05 + 123),
        Arguments.of(Long.toString(TS_2026_11_19_10_00_05), TS_2026_11_19_10_00_05));
  }

  @ParameterizedTest(name = "ts {0}")
  @MethodSource("timestamps")
  void timestampsAreNormalisedToUtcMillis(String tsJson, long expected) throws Exception {
    RawExchange e = parse("{\"ts\":" + tsJson + ",\"request\":" + GET_REQUEST + "}");
    assertEquals(expected, e.tsMillis(), "epoch millis of " + tsJson);
  }

  @Test
  void nullOrAbsentResponseIsNoResponseWithItsError() throws Exception {
    RawExchange timeout = parse(record(GET_REQUEST, ",\"response\":null,\"error\":\"timeout\""));
    assertNull(timeout.status(), "status of a null response");
    assertEquals("timeout", timeout.error(), "error");
    assertNull(timeout.responseBody(), "body");

    RawExchange absent = parse(record(GET_REQUEST, ",\"error\":\"connection reset\""));
    assertNull(absent.status(), "status of an absent response");
    assertEquals("connection reset", absent.error(), "error");
  }

  @Test
  void providerAndIdAreKept() throws Exception {
    RawExchange e =
        parse(
            record(
                GET_REQUEST,
                ",\"provider\":\"hotelbeds\",\"id\":\"req-42\",\"extra\":{\"a\":[1]}"));
    assertEquals("hotelbeds", e.providerHint(), "provider");
    assertEquals("req-42", e.requestId(), "id");
    RawExchange numericId = parse(record(GET_REQUEST, ",\"id\":42"));
    assertEquals("42", numericId.requestId(), "a numeric id is kept as text");
  }

  @Test
  void bodiesRefusedByBodyNeedsAreSkippedAndTheRecordStaysValid() throws Exception {
    RawExchange e =
        parse(
            record(
                "{\"method\":\"POST\",\"url\":\"https://x/\",\"body\":{\"deep\":[{\"a\":1}]}}",
                ",\"response\":{\"status\":200,\"body\":\"ok\",\"headers\":{\"A\":\"b\"}},\"id\":\"r1\""),
            NO_BODIES);
    assertNull(e.requestBody(), "request body skipped");
    assertNull(e.responseBody(), "response body skipped");
    assertEquals(200, e.status(), "status still read");
    assertEquals(
        Map.of("a", "b"), e.responseHeaders(), "headers after the skipped body still read");
    assertEquals("r1", e.requestId(), "fields after the skipped bodies still read");
  }

  @Test
  void bodiesAreKeptWhenTheReaderCannotDecideYet() throws Exception {
    // Response before request, and body before status: the needs cannot be asked yet.
    RawExchange e =
        parse(
            "{\"response\":{\"body\":\"early\",\"status\":200},\"ts\":\"2026-11-19T10:00:05Z\","
                + "\"request\":{\"body\":\"req\",\"method\":\"POST\",\"url\":\"https://x/\"}}",
            NO_BODIES);
    assertEquals("early", e.responseBody(), "response body kept");
    assertEquals("req", e.requestBody(), "request body before method kept");
    assertEquals(200, e.status(), "status");
  }

  /** A record missing request.method must be quarantined even when BodyNeeds looks at the URL. */
  @Test
  void missingMethodWithASuccessfulResponseIsQuarantinedWithTheJobsBodyNeeds() {
    BodyNeeds jobNeeds =
        new ExchangeInterpreter(
                ProviderRules.loadDefault(),
                ResponseClassifier.withDefaultTaxonomy(),
                new TokenPseudonymizer(null),
                false)
            .bodyNeeds();
    String noMethod =
        "{\"ts\":\"2026-11-19T10:00:05Z\",\"request\":{\"url\":\"https://onlinebuchungen.ch/v1/introspect\"},"
            + "\"response\":{\"status\":200,\"body\":\"{}\"}}";
    MalformedRecordException e =
        assertThrows(MalformedRecordException.class, () -> parse(noMethod, jobNeeds), "no method");
    assertEquals("missing field request.method", e.getMessage(), "reason");
    String noUrl =
        "{\"ts\":\"2026-11-19T10:00:05Z\",\"request\":{\"method\":\"GET\"},\"response\":{\"status\":200,\"body\":\"{}\"}}";
    MalformedRecordException e2 =
        assertThrows(MalformedRecordException.class, () -> parse(noUrl, jobNeeds), "no url");
    assertEquals("missing field request.url", e2.getMessage(), "reason");
  }

  static Stream<Arguments> malformed() {
    String ok = record(GET_REQUEST, ",\"response\":{\"status\":200}");
    String secretHeader = "{\"Authorization\":\"Bearer " + SECRET + "\"}";
    return Stream.of(
        Arguments.of(
            "truncated line",
            "{\"ts\":\"2026-11-19T10:00:05Z\",\"request\":{\"method\":\"GET\",\"headers\":"
                + secretHeader,
            "not valid JSON"),
        Arguments.of(
            "truncated inside the secret",
            "{\"ts\":\"2026-11-19T10:00:05Z\",\"request\":{\"headers\":{\"Authorization\":\"Bearer "
                + SECRET,
            "not valid JSON"),
        Arguments.of("non-JSON text", "GET /v1/introspect Bearer " + SECRET, "not valid JSON"),
        Arguments.of("bare unquoted token", SECRET, "not valid JSON"),
        Arguments.of("empty object", "{}", "missing field ts"),
        Arguments.of("JSON array", "[" + ok + "]", "a JSON array, not an exchange object"),
        Arguments.of("JSON string", "\"" + SECRET + "\"", "not a JSON object"),
        Arguments.of("JSON null", "null", "not a JSON object"),
        Arguments.of("missing ts", "{\"request\":" + GET_REQUEST + "}", "missing field ts"),
        Arguments.of(
            "null ts", "{\"ts\":null,\"request\":" + GET_REQUEST + "}", "missing field ts"),
        Arguments.of(
            "status abc",
            record(GET_REQUEST, ",\"response\":{\"status\":\"abc\"}"),
            "response.status is not an integer"),
        Arguments.of(
            "status 200.5",
            record(GET_REQUEST, ",\"response\":{\"status\":200.5}"),
            "response.status is not an integer"),
        Arguments.of(
            "ts not-a-date",
            "{\"ts\":\"not-a-date\",\"request\":" + GET_REQUEST + "}",
            "ts is not an ISO-8601 timestamp with Z or an offset"),
        Arguments.of(
            "ts secret",
            "{\"ts\":\"" + SECRET + "\",\"request\":" + GET_REQUEST + "}",
            "ts is not an ISO-8601 timestamp with Z or an offset"),
        Arguments.of(
            "ts without zone",
            "{\"ts\":\"2026-11-19T10:00:05.000\",\"request\":" + GET_REQUEST + "}",
            "ts is not an ISO-8601 timestamp with Z or an offset"),
        Arguments.of(
            "ts boolean",
            "{\"ts\":true,\"request\":" + GET_REQUEST + "}",
            "ts is neither an ISO-8601 string nor epoch milliseconds"),
        Arguments.of(
            "missing request",
            "{\"ts\":\"2026-11-19T10:00:05Z\",\"response\":null}",
            "missing field request"),
        Arguments.of(
            "request a string",
            "{\"ts\":\"2026-11-19T10:00:05Z\",\"request\":\"" + SECRET + "\"}",
            "request is not an object"),
        Arguments.of(
            "missing request.method",
            record("{\"url\":\"https://x/\",\"headers\":" + secretHeader + "}", ""),
            "missing field request.method"),
        Arguments.of(
            "missing request.url",
            record("{\"method\":\"GET\",\"headers\":" + secretHeader + "}", ""),
            "missing field request.url"),
        Arguments.of(
            "request.url a number",
            record("{\"method\":\"GET\",\"url\":7}", ""),
            "request.url is not a string"),
        Arguments.of(
            "response without status",
            record(GET_REQUEST, ",\"response\":{\"headers\":" + secretHeader + ",\"body\":\"x\"}"),
            "missing field response.status"),
        Arguments.of(
            "response a string",
            record(GET_REQUEST, ",\"response\":\"" + SECRET + "\""),
            "response is not an object"),
        Arguments.of(
            "headers a string",
            record(
                "{\"method\":\"GET\",\"url\":\"https://x/\",\"headers\":\"Bearer " + SECRET + "\"}",
                ""),
            "request.headers is neither an object nor an array"),
        Arguments.of(
            "duration_ms text",
            record(GET_REQUEST, ",\"duration_ms\":\"" + SECRET + "\""),
            "duration_ms is not a number"),
        Arguments.of("trailing garbage", ok + " " + SECRET, "not valid JSON"),
        Arguments.of(
            "trailing second object",
            ok + " {\"a\":\"" + SECRET + "\"}",
            "unexpected content after the JSON object"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void malformedRecordsAreRefusedWithAReasonThatNeverQuotesValues(
      String name, String line, String reasonStart) {
    MalformedRecordException e =
        assertThrows(MalformedRecordException.class, () -> parse(line), name);
    String reason = e.getMessage();
    assertTrue(
        reason.startsWith(reasonStart),
        name + ": reason '" + reason + "' should start with '" + reasonStart + "'");
    assertFalse(reason.contains(SECRET), name + ": the reason quotes the secret: " + reason);
    assertFalse(
        reason.contains("SECRET"), name + ": the reason quotes part of the secret: " + reason);
    assertFalse(reason.contains("not-a-date"), name + ": the reason quotes a value: " + reason);
  }

  @Test
  void durationMsAsFloatIsRounded() throws Exception {
    assertEquals(
        184L, parse(record(GET_REQUEST, ",\"duration_ms\":183.6")).durationMs(), "rounded");
    assertNull(parse(record(GET_REQUEST, ",\"duration_ms\":null")).durationMs(), "null");
  }
}
