package com.hoteltraffic.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.hoteltraffic.ingest.JsonLinesParser;
import com.hoteltraffic.model.BookingFact;
import com.hoteltraffic.model.ClassifiedExchange;
import com.hoteltraffic.model.Environment;
import com.hoteltraffic.model.ErrorClass;
import com.hoteltraffic.model.Operation;
import com.hoteltraffic.model.Provider;
import com.hoteltraffic.model.RecordedExchange;
import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link ExchangeInterpreter} end to end from a JSON Lines record, read with the interpreter's own
 * {@link ExchangeInterpreter#bodyNeeds()} as the job reads it.
 */
class ExchangeInterpreterTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final byte[] KEY = "test-key".getBytes(StandardCharsets.UTF_8);
  private static final String CASY_TOKEN = "casyTokenSECRET0123456789abcdef";
  private static final String HB_API_KEY = "hbApiKeySECRET9876543210fedcba";
  private static final String HB_SIGNATURE = "a1b2c3SIGNATURESECRETd4e5f6";
  private static final String USERINFO_SECRET = "userinfoSECRETpw42";
  private static final List<String> SECRETS =
      List.of(CASY_TOKEN, HB_API_KEY, HB_SIGNATURE, USERINFO_SECRET);

  private static final ExchangeInterpreter INTERPRETER = interpreter(false);

  private static ExchangeInterpreter interpreter(boolean includePii) {
    return new ExchangeInterpreter(
        ProviderRules.loadDefault(),
        ResponseClassifier.withDefaultTaxonomy(),
        new TokenPseudonymizer(KEY),
        includePii);
  }

  /** A record as a recorder writes it; bodies are strings. */
  private static String record(
      String method,
      String url,
      String authHeaders,
      String requestBody,
      Integer status,
      String responseBody,
      String error) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("ts", "2026-11-19T10:00:05Z");
    ObjectNode request = root.putObject("request");
    request.put("method", method);
    request.put("url", url);
    try {
      request.set("headers", MAPPER.readTree(authHeaders));
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
    request.put("body", requestBody);
    if (status == null) {
      root.putNull("response");
    } else {
      ObjectNode response = root.putObject("response");
      response.put("status", status);
      response.putObject("headers").put("Content-Type", "application/json");
      response.put("body", responseBody);
    }
    root.put("error", error);
    return root.toString();
  }

  private static ClassifiedExchange interpret(ExchangeInterpreter interpreter, String line)
      throws Exception {
    byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
    RecordedExchange raw =
        new JsonLinesParser(MAPPER.getFactory(), interpreter.bodyNeeds())
            .parse(bytes, 0, bytes.length);
    ClassifiedExchange out = interpreter.interpret(raw);
    assertNoSecret(out);
    return out;
  }

  private static ClassifiedExchange interpret(String line) throws Exception {
    return interpret(INTERPRETER, line);
  }

  @Test
  void theReadersKeepExactlyTheHeadersTheRulesRead() {
    assertEquals(
        java.util.Set.of(
            "authorization", "api-key", "x-signature", "content-type", "x-mashery-error-code"),
        INTERPRETER.bodyNeeds().headers(),
        "credential headers, secret headers, Content-Type and the taxonomy's header rules");
  }

  private static String hbHeaders() {
    return "{\"Api-key\":\""
        + HB_API_KEY
        + "\",\"X-Signature\":\""
        + HB_SIGNATURE
        + "\",\"Accept\":\"application/json\"}";
  }

  private static String casyHeaders() {
    return "{\"Authorization\":\"Bearer " + CASY_TOKEN + "\"}";
  }

  private static final String HB = "https://api.hotelbeds.com/hotel-api/1.0";

  @Test
  void bodiesThatSayJsonAndCannotBeReadAreMarkedPlainTextIsNot() throws Exception {
    ClassifiedExchange casy =
        interpret(
            record(
                "GET",
                "https://onlinebuchungen.ch/v1/reservations/42",
                casyHeaders(),
                null,
                403,
                "{\"detail\":\"x\",,\"error\":\"forbidden\"}",
                null));
    assertEquals("HTTP_403", casy.errorCode, "broken before its error field: names no code");
    assertEquals(ClassifiedExchange.RESPONSE_BODY, casy.unreadableBody, "an error body");
    assertEquals("json", casy.unreadableFormat, "said JSON");
    ClassifiedExchange list =
        interpret(
            record(
                "GET",
                HB + "/bookings?start=2026-11-18&end=2026-11-19&filterType=CREATION",
                hbHeaders(),
                null,
                200,
                HotelbedsBookingFactsTest.LIST_JSON.substring(0, 100),
                null));
    assertEquals(Operation.HB_BOOKING_LIST, list.operation, "a booking list");
    assertEquals(ClassifiedExchange.RESPONSE_BODY, list.unreadableBody, "its page");
    assertEquals("json", list.unreadableFormat, "said JSON");
    ClassifiedExchange plain =
        interpret(
            record("POST", HB + "/hotels", hbHeaders(), "{}", 403, "Developer Over Qps", null)
                .replace("application/json", "text/plain"));
    assertEquals("DEVELOPER_OVER_QPS", plain.errorCode, "read by its phrase");
    assertNull(plain.unreadableBody, "a plain-text gateway answer is no parse failure");
    ClassifiedExchange whole =
        interpret(
            record(
                "GET",
                "https://onlinebuchungen.ch/v1/reservations/42",
                casyHeaders(),
                null,
                403,
                "{\"error\":\"forbidden\"}",
                null));
    assertNull(whole.unreadableBody, "a whole error body");
  }

  @Test
  void successfulBookingConfirmation() throws Exception {
    ClassifiedExchange out =
        interpret(
            record(
                "POST",
                HB + "/bookings",
                hbHeaders(),
                HotelbedsBookingFactsTest.CONFIRMATION_JSON,
                200,
                HotelbedsBookingFactsTest.BOOKING_JSON,
                null));
    assertEquals(Provider.HOTELBEDS, out.provider, "provider");
    assertEquals(Operation.HB_BOOKING_CONFIRMATION, out.operation, "operation");
    assertEquals("api.hotelbeds.com", out.host, "host");
    assertEquals(Environment.PRODUCTION, out.environment, "environment of the host");
    assertEquals("/hotel-api/1.0/bookings", out.path, "path");
    assertEquals(200, out.httpStatus, "status");
    assertEquals(ErrorClass.OK, out.errorClass, "class");
    assertEquals("OK", out.errorCode, "code");
    assertEquals(
        new TokenPseudonymizer(KEY).tokenId(HB_API_KEY), out.tokenId, "token id of the Api-key");
    assertEquals("..." + HB_API_KEY.substring(HB_API_KEY.length() - 4), out.tokenHint, "hint");
    assertEquals("IntegrationAgency", out.clientReference, "clientReference from the request");
    assertEquals("1534", out.hotelId, "hotel from the response");
    assertEquals(
        List.of(
            new BookingFact("1-3814850", "INTEGRATIONAGENCY", "CONFIRMED", "1534", "2026-11-19")),
        out.bookings,
        "booking");
    assertNull(out.holderName, "no PII by default");
    assertNull(out.noResponseReason, "a response came back");

    ClassifiedExchange pii =
        interpret(
            interpreter(true),
            record(
                "POST",
                HB + "/bookings",
                hbHeaders(),
                HotelbedsBookingFactsTest.CONFIRMATION_XML,
                200,
                HotelbedsBookingFactsTest.BOOKING_XML,
                null));
    assertEquals("Jane Doe", pii.holderName, "holder with includePii");
    assertEquals("1534", pii.hotelId, "hotel from the XML response");
  }

  /** Issue 21 rule 2: an exchange with Hotelbeds' test host is of the test environment. */
  @Test
  void aTestHostExchangeIsOfTheTestEnvironment() throws Exception {
    ClassifiedExchange test =
        interpret(
            record(
                "GET",
                "https://api.test.hotelbeds.com/hotel-api/1.0/bookings?clientReference=R",
                hbHeaders(),
                null,
                200,
                "{\"bookings\":{\"from\":1,\"to\":100,\"total\":0,\"bookings\":[]}}",
                null));
    assertEquals(Provider.HOTELBEDS, test.provider, "provider");
    assertEquals(Operation.HB_BOOKING_LIST, test.operation, "operation");
    assertEquals(Environment.TEST, test.environment, "environment");
  }

  /**
   * Issue 14 rule 8: another API on Hotelbeds' host is an unknown provider, whatever it answers.
   */
  @Test
  void theActivitiesApiOnAHotelbedsHostIsAnUnknownProvider() throws Exception {
    String activities = "https://api.hotelbeds.com/activity-api/3.0/activities?destination=PMI";
    ClassifiedExchange rejected =
        interpret(
            record(
                "GET",
                activities,
                hbHeaders(),
                null,
                429,
                "{\"error\":\"Rate limit exceeded\"}",
                null));
    assertEquals(Provider.UNKNOWN, rejected.provider, "provider");
    assertEquals(Operation.OTHER, rejected.operation, "operation");
    assertEquals("HTTP_429", rejected.errorCode, "code of an unknown provider's 429");
    assertEquals(
        ErrorClass.UNDOCUMENTED, rejected.errorClass, "not rate_limited: no Hotelbeds burst");
    assertNull(rejected.tokenId, "an unknown provider has no credential");
    ClassifiedExchange hotelApi =
        interpret(
            record(
                "GET",
                HB + "/bookings/1-1",
                hbHeaders(),
                null,
                429,
                "{\"error\":\"Rate limit exceeded\"}",
                null));
    assertEquals(Provider.HOTELBEDS, hotelApi.provider, "the Hotel API on the same host");
    assertEquals(ErrorClass.RATE_LIMITED, hotelApi.errorClass, "the Hotel API's 429");
  }

  @Test
  void theFingerprintHashesMethodUrlAndEveryRequestBodyButNoHeader() throws Exception {
    String body =
        "{\"stay\":{\"checkIn\":\"2026-12-01\"},\"occupancies\":[{\"rooms\":1,\"adults\":2}]}";
    ClassifiedExchange availability =
        interpret(
            record(
                "POST",
                HB + "/hotels",
                hbHeaders(),
                body,
                400,
                "{\"error\":{\"code\":\"INVALID_DATA\",\"message\":\"x\"}}",
                null));
    RequestFingerprint fingerprint = new RequestFingerprint();
    assertEquals(
        fingerprint.of("POST", HB + "/hotels", body),
        availability.requestFingerprint,
        "an availability body (which no other rule reads) is kept for the fingerprint");
    ClassifiedExchange otherKey =
        interpret(
            record(
                "POST",
                HB + "/hotels",
                "{\"Api-key\":\"another\",\"X-Signature\":\"other\"}",
                body,
                400,
                "{\"error\":{\"code\":\"INVALID_DATA\",\"message\":\"x\"}}",
                null));
    assertEquals(
        availability.requestFingerprint, otherKey.requestFingerprint, "headers are not part of it");
    ClassifiedExchange get =
        interpret(
            record(
                "GET",
                "https://onlinebuchungen.ch/v1/reservations/42?start_date=x",
                casyHeaders(),
                null,
                200,
                "{}",
                null));
    assertEquals(
        fingerprint.of("GET", "https://onlinebuchungen.ch/v1/reservations/42?start_date=x", null),
        get.requestFingerprint,
        "a GET without a body");
  }

  @Test
  void uncertainConfirmationsKeepTheRequestFacts() throws Exception {
    ClassifiedExchange gateway =
        interpret(
            record(
                "POST",
                HB + "/bookings",
                hbHeaders(),
                HotelbedsBookingFactsTest.CONFIRMATION_XML,
                504,
                "<html>Gateway Timeout</html>",
                null));
    assertEquals(504, gateway.httpStatus, "status");
    assertTrue(gateway.isError(), "504 is an error");
    assertEquals(
        "IntegrationAgency", gateway.clientReference, "clientReference from the XML request");
    assertEquals("1533", gateway.hotelId, "hotel from the rateKey");
    assertEquals("2026-12-09", gateway.checkIn, "check-in");
    assertEquals(List.of(), gateway.bookings, "an error response shows no bookings");

    ClassifiedExchange timeout =
        interpret(
            record(
                "POST",
                HB + "/bookings",
                hbHeaders(),
                HotelbedsBookingFactsTest.CONFIRMATION_JSON,
                null,
                null,
                "timeout"));
    assertNull(timeout.httpStatus, "no status");
    assertEquals("timeout", timeout.noResponseReason, "why");
    assertTrue(timeout.isError(), "no response is an error");
    assertEquals("IntegrationAgency", timeout.clientReference, "clientReference");
    assertEquals("1533", timeout.hotelId, "hotel");
  }

  @Test
  void bookingListQueryAndPage() throws Exception {
    ClassifiedExchange out =
        interpret(
            record(
                "GET",
                HB
                    + "/bookings?start=2026-11-19&end=2026-11-20&from=1&to=100&filterType=CREATION&status=ALL"
                    + "&clientReference=Integration%20Agency",
                hbHeaders(),
                null,
                200,
                HotelbedsBookingFactsTest.LIST_XML,
                null));
    assertEquals(Operation.HB_BOOKING_LIST, out.operation, "operation");
    assertEquals("Integration Agency", out.listClientReference, "decoded clientReference filter");
    assertEquals("CREATION", out.listFilterType, "filterType");
    assertEquals("2026-11-19", out.listStart, "start");
    assertEquals("2026-11-20", out.listEnd, "end");
    assertEquals(3, out.listTotal, "total");
    assertEquals(3, out.bookings.size(), "bookings");
    assertNull(out.hotelId, "several hotels");
  }

  @Test
  void availabilityNamesNoHotelAndItsBodiesAreNotKept() throws Exception {
    ClassifiedExchange out =
        interpret(
            record(
                "POST",
                HB + "/hotels",
                hbHeaders(),
                HotelbedsBookingFactsTest.CONFIRMATION_JSON,
                200,
                HotelbedsBookingFactsTest.BOOKING_JSON,
                null));
    assertEquals(Operation.HB_AVAILABILITY, out.operation, "operation");
    assertNull(out.hotelId, "no hotel for availability");
    assertNull(out.clientReference, "no booking facts");
    assertEquals(List.of(), out.bookings, "no bookings");
  }

  @Test
  void casyRateLimitBody() throws Exception {
    ClassifiedExchange out =
        interpret(
            record(
                "GET",
                "https://onlinebuchungen.ch/v1/reservations/9994?start_date=2026-11-01",
                casyHeaders(),
                null,
                429,
                "{\"error\":\"rate_limited\",\"window_seconds\":60,\"limit\":10}",
                null));
    assertEquals(Provider.CASY, out.provider, "provider");
    assertEquals(Operation.CASY_RESERVATIONS, out.operation, "operation");
    assertEquals("9994", out.hotelId, "hotel");
    assertEquals("rate_limited", out.errorCode, "code");
    assertEquals(ErrorClass.RATE_LIMITED, out.errorClass, "class");
    assertEquals(10, out.rateLimitLimit, "limit");
    assertEquals(60, out.rateLimitWindowSeconds, "window");
    assertEquals(
        new TokenPseudonymizer(KEY).tokenId(CASY_TOKEN),
        out.tokenId,
        "token id of the Bearer token");

    ClassifiedExchange custom =
        interpret(
            record(
                "GET",
                "https://onlinebuchungen.ch/v1/introspect",
                casyHeaders(),
                null,
                429,
                "{\"error\":\"rate_limited\",\"window_seconds\":\"x\",\"limit\":100}",
                null));
    assertEquals(100, custom.rateLimitLimit, "custom limit");
    assertNull(custom.rateLimitWindowSeconds, "unreadable window");

    ClassifiedExchange ok =
        interpret(
            record(
                "GET",
                "https://onlinebuchungen.ch/v1/health/hotels/12",
                casyHeaders(),
                null,
                200,
                "{\"ok\":true}",
                null));
    assertNull(ok.rateLimitLimit, "no limit on success");
    assertEquals("12", ok.hotelId, "hotel");
  }

  /** A record whose provider field names Hotelbeds behind a proxy host keeps its booking facts. */
  @Test
  void providerHintBehindAProxyKeepsTheBodiesBookingFactsNeed() throws Exception {
    String line =
        record(
                "POST",
                "https://hb-proxy.corp.local/hotel-api/1.0/bookings",
                hbHeaders(),
                HotelbedsBookingFactsTest.CONFIRMATION_JSON,
                200,
                HotelbedsBookingFactsTest.BOOKING_JSON,
                null)
            .replaceFirst("^\\{", "{\"provider\":\"hotelbeds\",");
    ClassifiedExchange out = interpret(line);
    assertEquals(Provider.HOTELBEDS, out.provider, "provider from the hint");
    assertEquals(Operation.HB_BOOKING_CONFIRMATION, out.operation, "operation");
    assertEquals(
        "IntegrationAgency", out.clientReference, "request body kept for the booking facts");
    assertEquals(1, out.bookings.size(), "response body kept for the booking facts");
    assertEquals("1534", out.hotelId, "hotel");
  }

  @Test
  void unknownHostHasNoCredentialAndNoHotel() throws Exception {
    ClassifiedExchange out =
        interpret(
            record(
                "GET",
                "https://" + "user:" + USERINFO_SECRET + "@example.com/v1/reservations/9994",
                casyHeaders(),
                null,
                500,
                "{}",
                null));
    assertEquals(Provider.UNKNOWN, out.provider, "provider");
    assertEquals(Operation.OTHER, out.operation, "operation");
    assertEquals("example.com", out.host, "host without userinfo");
    assertNull(out.tokenId, "no credential rule for an unknown provider");
    assertNull(out.hotelId, "no hotel");
  }

  /**
   * The raw credential never reaches the classified exchange, whichever field and however it was
   * sent.
   */
  @Test
  void noRawCredentialInAnyField() throws Exception {
    List<String> lines = new ArrayList<>();
    String userinfo = "https://agent:" + USERINFO_SECRET + "@";
    lines.add(
        record(
            "POST",
            userinfo + "api.hotelbeds.com/hotel-api/1.0/bookings?apiKey=" + HB_API_KEY,
            hbHeaders(),
            HotelbedsBookingFactsTest.CONFIRMATION_JSON,
            200,
            HotelbedsBookingFactsTest.BOOKING_JSON,
            null));
    lines.add(
        record(
            "GET",
            userinfo
                + "api.hotelbeds.com/hotel-api/1.0/bookings?clientReference=R&signature="
                + HB_SIGNATURE,
            hbHeaders(),
            null,
            200,
            HotelbedsBookingFactsTest.LIST_JSON,
            null));
    lines.add(
        record(
            "GET",
            userinfo + "onlinebuchungen.ch/v1/reservations/9994?token=" + CASY_TOKEN,
            casyHeaders(),
            null,
            401,
            "{\"error\":\"invalid_token\",\"message\":\"bad token\"}",
            null));
    lines.add(
        record(
            "POST",
            HB + "/bookings",
            hbHeaders(),
            HotelbedsBookingFactsTest.CONFIRMATION_JSON,
            null,
            null,
            "reset"));
    for (String line : lines) {
      ClassifiedExchange out = interpret(interpreter(true), line);
      assertNotNull(out.tokenId, "a token id is still made");
    }
  }

  private static void assertNoSecret(ClassifiedExchange out) throws IllegalAccessException {
    List<String> values = new ArrayList<>();
    for (Field field : ClassifiedExchange.class.getFields()) {
      Object value = field.get(out);
      if (value instanceof String text) {
        values.add(field.getName() + "=" + text);
      }
    }
    for (BookingFact booking : out.bookings) {
      for (RecordComponent component : BookingFact.class.getRecordComponents()) {
        try {
          values.add(
              "booking." + component.getName() + "=" + component.getAccessor().invoke(booking));
        } catch (ReflectiveOperationException e) {
          throw new AssertionError(e);
        }
      }
    }
    assertFalse(values.isEmpty(), "some fields were scanned");
    for (String value : values) {
      for (String secret : SECRETS) {
        assertFalse(value.contains(secret), "raw credential in " + value);
        assertFalse(value.contains("SECRET"), "part of a raw credential in " + value);
      }
    }
  }
}
