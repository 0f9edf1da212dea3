package com.hoteltraffic.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.hoteltraffic.model.Provider;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Table-driven tests of {@link ResponseClassifier} against the bundled taxonomy: every row of both
 * seed documents with a realistic response, then the edge cases of the classification rules.
 */
class ResponseClassifierTest {
  private static final ResponseClassifier CLASSIFIER = ResponseClassifier.withDefaultTaxonomy();

  private static final String CASY = Provider.CASY;
  private static final String HOTELBEDS = Provider.HOTELBEDS;
  private static final String UNKNOWN = Provider.UNKNOWN;
  private static final Map<String, String> NO_HEADERS = Map.of();
  private static final String MASHERY = "x-mashery-error-code";
  private static final String TOKEN = "0DE456A5B2C94F1D8E7A6B5C4D3E2F10";

  /** One response and the classification it must get. */
  record Case(
      String name,
      String provider,
      Integer status,
      Map<String, String> headers,
      String body,
      String noResponseReason,
      String code,
      String errorClass,
      boolean retryable,
      boolean documented) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static Case response(
      String name,
      String provider,
      int status,
      Map<String, String> headers,
      String body,
      String code,
      String errorClass,
      boolean retryable,
      boolean documented) {
    return new Case(
        name, provider, status, headers, body, null, code, errorClass, retryable, documented);
  }

  private static Case response(
      String name,
      String provider,
      int status,
      String body,
      String code,
      String errorClass,
      boolean retryable) {
    return response(name, provider, status, NO_HEADERS, body, code, errorClass, retryable, true);
  }

  private static Case undocumented(
      String name, String provider, int status, String body, String code) {
    return response(name, provider, status, NO_HEADERS, body, code, "undocumented", false, false);
  }

  private static Case noResponse(String name, String provider, String reason, String errorClass) {
    String code = "timeout".equals(errorClass) ? "TIMEOUT" : "NO_RESPONSE";
    return new Case(name, provider, null, NO_HEADERS, null, reason, code, errorClass, true, true);
  }

  private static String casyError(String code) {
    return "{\"error\":\""
        + code
        + "\",\"message\":\"Human-readable description\","
        + "\"detail\":\"Additional context\"}";
  }

  private static String hotelbedsJsonError(String type) {
    return "{\"auditData\":{\"processTime\":\"12\",\"timestamp\":\"2026-03-01 10:00:00.123\","
        + "\"serverId\":\"ws3xmi01\",\"environment\":\"[awseuwest1]\"},"
        + "\"error\":{\"code\":\""
        + type
        + "-"
        + TOKEN
        + "\",\"message\":\"Some message\"}}";
  }

  private static String hotelbedsXmlError(String operation, String type) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        + "<"
        + operation
        + "RS xmlns=\"http://www.hotelbeds.com/schemas/messages\">\n"
        + "  <auditData timestamp=\"2015-05-01 18:09:02.056\" serverId=\"ws3xmi01\"/>\n"
        + "  <error>\n"
        + "    <code>"
        + type
        + "-BCDBF0DE2CDA4D86B1C6A82D8317493D</code>\n"
        + "    <message>The number of children are wrong</message>\n"
        + "  </error>\n"
        + "</"
        + operation
        + "RS>";
  }

  /** Every row of seed 000 (CASY error codes), with the documented body. */
  static Stream<Case> casySeedRows() {
    return Stream.of(
        response(
            "CASY 200 success envelope",
            CASY,
            200,
            "{\"ok\":true,\"requested_hotel\":\"9994\",\"reservations\":[]}",
            "OK",
            "ok",
            false),
        response(
            "CASY 400 invalid_parameter",
            CASY,
            400,
            casyError("invalid_parameter"),
            "invalid_parameter",
            "invalid_request",
            false),
        response(
            "CASY 401 missing_token",
            CASY,
            401,
            casyError("missing_token"),
            "missing_token",
            "auth",
            false),
        response(
            "CASY 401 invalid_token",
            CASY,
            401,
            casyError("invalid_token"),
            "invalid_token",
            "auth",
            false),
        response(
            "CASY 401 invalid_token_or_not_found",
            CASY,
            401,
            casyError("invalid_token_or_not_found"),
            "invalid_token_or_not_found",
            "auth",
            false),
        response(
            "CASY 403 forbidden",
            CASY,
            403,
            casyError("forbidden"),
            "forbidden",
            "permission",
            false),
        response(
            "CASY 403 forbidden_action",
            CASY,
            403,
            casyError("forbidden_action"),
            "forbidden_action",
            "permission",
            false),
        response(
            "CASY 404 not_found",
            CASY,
            404,
            casyError("not_found"),
            "not_found",
            "not_found",
            false),
        response(
            "CASY 404 unknown_hotel",
            CASY,
            404,
            casyError("unknown_hotel"),
            "unknown_hotel",
            "not_found",
            false),
        response(
            "CASY 429 rate_limited, exact body without message",
            CASY,
            429,
            "{\"error\":\"rate_limited\",\"window_seconds\":60,\"limit\":10}",
            "rate_limited",
            "rate_limited",
            true),
        response(
            "CASY 500 internal_error",
            CASY,
            500,
            casyError("internal_error"),
            "internal_error",
            "server_error",
            true),
        response(
            "CASY 502 central_db_unavailable",
            CASY,
            502,
            casyError("central_db_unavailable"),
            "central_db_unavailable",
            "upstream_unavailable",
            true),
        response(
            "CASY 502 tenant_db_unavailable",
            CASY,
            502,
            casyError("tenant_db_unavailable"),
            "tenant_db_unavailable",
            "upstream_unavailable",
            true));
  }

  /** Every row of seed 004 (Hotelbeds errors), plus the providers.md additions. */
  static Stream<Case> hotelbedsSeedRows() {
    return Stream.of(
        response(
            "HB 200 booking",
            HOTELBEDS,
            200,
            "{\"booking\":{\"reference\":\"1-3814850\",\"status\":\"CONFIRMED\"}}",
            "OK",
            "ok",
            false),
        response(
            "HB 400 formatted INVALID_REQUEST (JSON)",
            HOTELBEDS,
            400,
            hotelbedsJsonError("INVALID_REQUEST"),
            "INVALID_REQUEST",
            "invalid_request",
            false),
        response(
            "HB 400 formatted INVALID_REQUEST (XML, seed example)",
            HOTELBEDS,
            400,
            hotelbedsXmlError("availability", "INVALID_REQUEST"),
            "INVALID_REQUEST",
            "invalid_request",
            false),
        response(
            "HB 400 formatted INVALID_DATA (JSON)",
            HOTELBEDS,
            400,
            hotelbedsJsonError("INVALID_DATA"),
            "INVALID_DATA",
            "invalid_request",
            false),
        response(
            "HB 400 formatted INVALID_DATA (XML)",
            HOTELBEDS,
            400,
            hotelbedsXmlError("booking", "INVALID_DATA"),
            "INVALID_DATA",
            "invalid_request",
            false),
        response(
            "HB 400 plain card not tokenized",
            HOTELBEDS,
            400,
            "The card data are not correctly tokenized. Card Number o CVC is not tokenized.",
            "CARD_NOT_TOKENIZED",
            "payment",
            false),
        response(
            "HB 400 plain bad request",
            HOTELBEDS,
            400,
            "Bad Request",
            "BAD_REQUEST",
            "invalid_request",
            false),
        response(
            "HB 401 plain not authorized",
            HOTELBEDS,
            401,
            "<h1>Not Authorized</h1>",
            "NOT_AUTHORIZED",
            "auth",
            false),
        response(
            "HB 401 new gateway signature",
            HOTELBEDS,
            401,
            "{\"error\":\"Request signature verification failed\"}",
            "SIGNATURE_VERIFICATION_FAILED",
            "auth",
            false),
        response(
            "HB 401 new gateway authorization missing",
            HOTELBEDS,
            401,
            "{\"error\":\"Authorization field missing\"}",
            "AUTHORIZATION_FIELD_MISSING",
            "auth",
            false),
        response(
            "HB 402 payment required",
            HOTELBEDS,
            402,
            "Payment Required",
            "PAYMENT_REQUIRED",
            "payment",
            false),
        response(
            "HB 403 over QPS by header",
            HOTELBEDS,
            403,
            Map.of(MASHERY, "ERR_403_DEVELOPER_OVER_QPS"),
            "",
            "DEVELOPER_OVER_QPS",
            "rate_limited",
            true,
            true),
        response(
            "HB 403 over rate by header",
            HOTELBEDS,
            403,
            Map.of(MASHERY, "ERR_403_DEVELOPER_OVER_RATE"),
            null,
            "DEVELOPER_OVER_RATE",
            "quota_exceeded",
            false,
            true),
        response(
            "HB 403 inactive by header",
            HOTELBEDS,
            403,
            Map.of(MASHERY, "ERR_403_DEVELOPER_INACTIVE", "content-type", "text/xml"),
            "",
            "DEVELOPER_INACTIVE",
            "auth",
            false,
            true),
        response(
            "HB 403 not authorized by header",
            HOTELBEDS,
            403,
            Map.of(MASHERY, " err_403_not_authorized "),
            "",
            "NOT_AUTHORIZED",
            "auth",
            false,
            true),
        response(
            "HB 403 over QPS by body",
            HOTELBEDS,
            403,
            "<h1>Developer Over Qps</h1>",
            "DEVELOPER_OVER_QPS",
            "rate_limited",
            true),
        response(
            "HB 403 over rate by body",
            HOTELBEDS,
            403,
            "<h1>Developer Over Rate</h1>",
            "DEVELOPER_OVER_RATE",
            "quota_exceeded",
            false),
        response(
            "HB 403 inactive by body, other case",
            HOTELBEDS,
            403,
            "<h1>DEVELOPER INACTIVE</h1>",
            "DEVELOPER_INACTIVE",
            "auth",
            false),
        response(
            "HB 403 not authorized by body",
            HOTELBEDS,
            403,
            "<h1>Not Authorized</h1>",
            "NOT_AUTHORIZED",
            "auth",
            false),
        response(
            "HB 403 new gateway disallowed",
            HOTELBEDS,
            403,
            "{\"error\":\"Access to this API has been disallowed\"}",
            "ACCESS_DISALLOWED",
            "permission",
            false),
        response(
            "HB 403 no sub-case recognised",
            HOTELBEDS,
            403,
            "<h1>Forbidden</h1>",
            "FORBIDDEN",
            "permission",
            false),
        response("HB 404", HOTELBEDS, 404, "Not Found", "NOT_FOUND", "not_found", false),
        response("HB 406", HOTELBEDS, 406, "", "NOT_ACCEPTABLE", "invalid_request", false),
        response(
            "HB 410 repeated failed request",
            HOTELBEDS,
            410,
            "",
            "REPEATED_FAILED_REQUEST",
            "invalid_request",
            false),
        response(
            "HB 415",
            HOTELBEDS,
            415,
            "Unsupported Media Type",
            "UNSUPPORTED_MEDIA_TYPE",
            "invalid_request",
            false),
        response(
            "HB 429 new gateway",
            HOTELBEDS,
            429,
            "{\"error\":\"Rate limit exceeded\"}",
            "RATE_LIMIT_EXCEEDED",
            "rate_limited",
            true),
        response(
            "HB 500 formatted PRODUCT_ERROR (JSON)",
            HOTELBEDS,
            500,
            hotelbedsJsonError("PRODUCT_ERROR"),
            "PRODUCT_ERROR",
            "product",
            false),
        response(
            "HB 500 formatted SYSTEM_ERROR (XML)",
            HOTELBEDS,
            500,
            hotelbedsXmlError("booking", "SYSTEM_ERROR"),
            "SYSTEM_ERROR",
            "server_error",
            true),
        response(
            "HB 500 formatted CONFIGURATION_ERROR",
            HOTELBEDS,
            500,
            hotelbedsJsonError("CONFIGURATION_ERROR"),
            "CONFIGURATION_ERROR",
            "product",
            false),
        response(
            "HB 500 plain",
            HOTELBEDS,
            500,
            "Internal Server Error",
            "INTERNAL_SERVER_ERROR",
            "server_error",
            true),
        response(
            "HB 502",
            HOTELBEDS,
            502,
            "<html>Bad Gateway</html>",
            "BAD_GATEWAY",
            "upstream_unavailable",
            true),
        response(
            "HB 503 plain",
            HOTELBEDS,
            503,
            "Service Unavailable",
            "SERVICE_UNAVAILABLE",
            "upstream_unavailable",
            true),
        response(
            "HB 503 insufficient allotment",
            HOTELBEDS,
            503,
            "Insufficient allotment",
            "INSUFFICIENT_ALLOTMENT",
            "product",
            false),
        response("HB 504", HOTELBEDS, 504, "", "GATEWAY_TIMEOUT", "timeout", true),
        response(
            "HB 513",
            HOTELBEDS,
            513,
            "Application error",
            "APPLICATION_ERROR",
            "server_error",
            false),
        response(
            "HB 596",
            HOTELBEDS,
            596,
            "Service Not Found",
            "SERVICE_NOT_FOUND",
            "misrouted",
            false));
  }

  /** Bodies CASY may send that name no code: the code comes from the status. */
  static Stream<Case> casyWithoutCodeInBody() {
    String padding = "x".repeat(ErrorBodyReader.MAX_SCANNED_CHARS);
    return Stream.of(
        response(
            "CASY 400 body missing: its only code",
            CASY,
            400,
            null,
            "invalid_parameter",
            "invalid_request",
            false),
        response(
            "CASY 429 body empty: its only code",
            CASY,
            429,
            "",
            "rate_limited",
            "rate_limited",
            true),
        response(
            "CASY 500 body not JSON: its only code",
            CASY,
            500,
            "<html><body>500 Internal Server Error</body></html>",
            "internal_error",
            "server_error",
            true),
        response("CASY 401 body missing: shared class", CASY, 401, null, "HTTP_401", "auth", false),
        response(
            "CASY 403 JSON without error: shared class",
            CASY,
            403,
            "{\"message\":\"nope\"}",
            "HTTP_403",
            "permission",
            false),
        response(
            "CASY 404 error not a string: shared class",
            CASY,
            404,
            "{\"error\":{\"code\":\"not_found\"}}",
            "HTTP_404",
            "not_found",
            false),
        response(
            "CASY 502 proxy page: shared class, retryable",
            CASY,
            502,
            "<html>502 Bad Gateway</html>",
            "HTTP_502",
            "upstream_unavailable",
            true),
        response(
            "CASY 502 truncated JSON",
            CASY,
            502,
            "{\"error\":\"tenant_db_unav",
            "HTTP_502",
            "upstream_unavailable",
            true),
        response(
            "CASY 502 blank error",
            CASY,
            502,
            "{\"error\":\"  \"}",
            "HTTP_502",
            "upstream_unavailable",
            true),
        response(
            "CASY 502 JSON array",
            CASY,
            502,
            "[{\"error\":\"tenant_db_unavailable\"}]",
            "HTTP_502",
            "upstream_unavailable",
            true),
        response(
            "CASY error field after other fields is found",
            CASY,
            502,
            "{\"detail\":{\"db\":[1,2,{\"x\":null}]},\"message\":\"m\","
                + "\"error\":\"tenant_db_unavailable\"}",
            "tenant_db_unavailable",
            "upstream_unavailable",
            true),
        response(
            "CASY BOM and blanks before JSON",
            CASY,
            404,
            "\uFEFF \n{\"error\":\"unknown_hotel\"}",
            "unknown_hotel",
            "not_found",
            false),
        response(
            "CASY error beyond the scanned part is not read",
            CASY,
            502,
            "{\"detail\":\"" + padding + "\",\"error\":\"tenant_db_unavailable\"}",
            "HTTP_502",
            "upstream_unavailable",
            true));
  }

  /** Statuses and codes the documents do not list, successes, no-response, unknown provider. */
  static Stream<Case> edgeCases() {
    String padding = "x".repeat(ErrorBodyReader.MAX_SCANNED_CHARS);
    return Stream.of(
        undocumented("CASY 418 without body", CASY, 418, null, "HTTP_418"),
        undocumented("HB 418 plain", HOTELBEDS, 418, "I'm a teapot", "HTTP_418"),
        undocumented(
            "CASY 418 with a code: kept as seen", CASY, 418, casyError("teapot"), "teapot"),
        undocumented(
            "CASY 429 undocumented code",
            CASY,
            429,
            "{\"error\":\"quota_exceeded\"}",
            "quota_exceeded"),
        undocumented(
            "CASY documented code at the wrong status",
            CASY,
            400,
            casyError("rate_limited"),
            "rate_limited"),
        undocumented(
            "HB formatted type at the wrong status",
            HOTELBEDS,
            400,
            hotelbedsJsonError("PRODUCT_ERROR"),
            "PRODUCT_ERROR"),
        undocumented(
            "HB formatted type not in the taxonomy",
            HOTELBEDS,
            500,
            hotelbedsXmlError("checkRate", "NEW_KIND_OF_ERROR"),
            "NEW_KIND_OF_ERROR"),
        undocumented(
            "HB formatted at an undocumented status: kept as seen",
            HOTELBEDS,
            409,
            hotelbedsJsonError("INVALID_REQUEST"),
            "INVALID_REQUEST"),
        undocumented(
            "Code kept as seen is cut",
            CASY,
            400,
            "{\"error\":\"" + "e".repeat(200) + "\"}",
            "e".repeat(ResponseClassifier.MAX_CODE_LENGTH)),
        response(
            "HB formatted wins over the body phrase",
            HOTELBEDS,
            400,
            "{\"error\":{\"code\":\"INVALID_DATA-"
                + TOKEN
                + "\",\"message\":\"The card data "
                + "are not correctly tokenized. Card Number o CVC is not tokenized.\"}}",
            "INVALID_DATA",
            "invalid_request",
            false),
        response(
            "HB formatted without token",
            HOTELBEDS,
            500,
            "{\"error\":{\"message\":\"m\",\"code\":\"SYSTEM_ERROR\"}}",
            "SYSTEM_ERROR",
            "server_error",
            true),
        response(
            "HB XML <errors> is not <error>",
            HOTELBEDS,
            500,
            "<bookingRS><errors><code>SYSTEM_ERROR-1</code></errors></bookingRS>",
            "INTERNAL_SERVER_ERROR",
            "server_error",
            true),
        response(
            "HB XML error element with attributes",
            HOTELBEDS,
            500,
            "<bookingRS><error type=\"x\"><code> PRODUCT_ERROR-ABC </code></error></bookingRS>",
            "PRODUCT_ERROR",
            "product",
            false),
        response(
            "HB 403 header wins over body phrase",
            HOTELBEDS,
            403,
            Map.of(MASHERY, "ERR_403_DEVELOPER_OVER_RATE"),
            "Developer Over Qps",
            "DEVELOPER_OVER_RATE",
            "quota_exceeded",
            false,
            true),
        response(
            "HB 403 header wins over a code the body names",
            HOTELBEDS,
            403,
            Map.of(MASHERY, "ERR_403_DEVELOPER_OVER_QPS"),
            "{\"error\":{\"message\":\"m\",\"code\":\"INVALID_REQUEST-0DE456\"}}",
            "DEVELOPER_OVER_QPS",
            "rate_limited",
            true,
            true),
        undocumented(
            "HB 403 body code is kept as seen without the header",
            HOTELBEDS,
            403,
            "{\"error\":{\"message\":\"m\",\"code\":\"INVALID_REQUEST-0DE456\"}}",
            "INVALID_REQUEST"),
        response(
            "HB 403 unknown header value falls to body",
            HOTELBEDS,
            403,
            Map.of(MASHERY, "ERR_403_SOMETHING_NEW"),
            "Developer Inactive",
            "DEVELOPER_INACTIVE",
            "auth",
            false,
            true),
        response(
            "HB 403 header rule only at 403",
            HOTELBEDS,
            401,
            Map.of(MASHERY, "ERR_403_DEVELOPER_OVER_QPS"),
            "",
            "NOT_AUTHORIZED",
            "auth",
            false,
            true),
        response(
            "HB phrase rule only at its status",
            HOTELBEDS,
            500,
            "Insufficient allotment",
            "INTERNAL_SERVER_ERROR",
            "server_error",
            true),
        response(
            "HB phrase beyond the scanned part is not read",
            HOTELBEDS,
            503,
            padding + "Insufficient allotment",
            "SERVICE_UNAVAILABLE",
            "upstream_unavailable",
            true),
        response(
            "HB 429 without body",
            HOTELBEDS,
            429,
            null,
            "RATE_LIMIT_EXCEEDED",
            "rate_limited",
            true),
        response(
            "CASY 200 body is not read",
            CASY,
            200,
            "{\"error\":\"rate_limited\"}",
            "OK",
            "ok",
            false),
        response(
            "CASY 204 undocumented success",
            CASY,
            204,
            NO_HEADERS,
            null,
            "HTTP_204",
            "ok",
            false,
            false),
        response(
            "HB 201 undocumented success",
            HOTELBEDS,
            201,
            NO_HEADERS,
            "{}",
            "HTTP_201",
            "ok",
            false,
            false),
        response("unknown 200", UNKNOWN, 200, NO_HEADERS, "{}", "OK", "ok", false, false),
        response("unknown 204", UNKNOWN, 204, NO_HEADERS, null, "OK", "ok", false, false),
        undocumented(
            "unknown 500: body not read", UNKNOWN, 500, casyError("internal_error"), "HTTP_500"),
        undocumented("unknown 429", UNKNOWN, 429, null, "HTTP_429"),
        noResponse("CASY timeout", CASY, "timeout", "timeout"),
        noResponse("CASY read timed out", CASY, "Read Timed Out", "timeout"),
        noResponse("CASY connection reset", CASY, "connection reset", "no_response"),
        noResponse("CASY no reason", CASY, null, "no_response"),
        noResponse("HB timeout", HOTELBEDS, "TimeoutException", "timeout"),
        noResponse("HB connection reset", HOTELBEDS, "connection reset by peer", "no_response"),
        noResponse("unknown timeout", UNKNOWN, "timeout", "timeout"),
        noResponse("unknown refused", UNKNOWN, "connection refused", "no_response"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource({"casySeedRows", "hotelbedsSeedRows", "casyWithoutCodeInBody", "edgeCases"})
  void classifies(Case c) {
    Classification actual =
        CLASSIFIER.classify(c.provider(), c.status(), c.headers(), c.body(), c.noResponseReason());

    assertEquals(
        new Classification(c.code(), c.errorClass(), c.retryable(), c.documented()),
        actual,
        c.name());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hotelbedsSeedRows")
  void hotelbedsTokenNeverReachesTheCode(Case c) {
    Classification actual =
        CLASSIFIER.classify(c.provider(), c.status(), c.headers(), c.body(), null);

    assertFalse(actual.errorCode().contains("-"), c.name() + ": " + actual.errorCode());
    assertFalse(actual.errorCode().contains(TOKEN), c.name());
  }

  @Test
  void survivesJavaSerializationAsSparkShipsIt() throws IOException, ClassNotFoundException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(CLASSIFIER);
    }
    ResponseClassifier copy;
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (ResponseClassifier) in.readObject();
    }

    assertEquals(
        new Classification("DEVELOPER_OVER_QPS", "rate_limited", true, true),
        copy.classify(HOTELBEDS, 403, NO_HEADERS, "Developer Over Qps", null),
        "phrase rule after deserialization");
    assertEquals(
        new Classification("HTTP_502", "upstream_unavailable", true, true),
        copy.classify(CASY, 502, NO_HEADERS, null, null),
        "status fallback after deserialization");
  }

  /** Recorders' no-response reasons (mitmproxy, Chrome HAR {@code _error}, Node, Java, ...). */
  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "casy      | timeout                                  | TIMEOUT     | timeout",
        "casy      | Timeout                                  | TIMEOUT     | timeout",
        "casy      | ETIMEDOUT                                | TIMEOUT     | timeout",
        "casy      | net::ERR_TIMED_OUT                       | TIMEOUT     | timeout",
        "casy      | net::ERR_CONNECTION_TIMED_OUT            | TIMEOUT     | timeout",
        "casy      | Read timed out                           | TIMEOUT     | timeout",
        "casy      | java.net.SocketTimeoutException          | TIMEOUT     | timeout",
        "hotelbeds | Connection timeout: api.hotelbeds.com:443 | TIMEOUT    | timeout",
        "hotelbeds | net::ERR_TIMED_OUT                       | TIMEOUT     | timeout",
        "hotelbeds | Gateway Time-out                         | TIMEOUT     | timeout",
        "unknown   | net::ERR_CONNECTION_TIMED_OUT            | TIMEOUT     | timeout",
        "casy      | net::ERR_CONNECTION_RESET                | NO_RESPONSE | no_response",
        "casy      | net::ERR_CONNECTION_REFUSED              | NO_RESPONSE | no_response",
        "casy      | net::ERR_NAME_NOT_RESOLVED               | NO_RESPONSE | no_response",
        "casy      | net::ERR_EMPTY_RESPONSE                  | NO_RESPONSE | no_response",
        "casy      | net::ERR_ABORTED                         | NO_RESPONSE | no_response",
        "casy      | ECONNRESET                               | NO_RESPONSE | no_response",
        "casy      | connection reset                         | NO_RESPONSE | no_response",
        "hotelbeds | Server disconnected.                     | NO_RESPONSE | no_response",
        "hotelbeds | net::ERR_CONNECTION_RESET                | NO_RESPONSE | no_response",
        "unknown   | connection refused                       | NO_RESPONSE | no_response",
        "unknown   | ''                                       | NO_RESPONSE | no_response",
      })
  void noResponseReasonDecidesTheCode(
      String provider, String reason, String code, String errorClass) {
    Classification c = CLASSIFIER.classify(provider, null, NO_HEADERS, null, reason);

    assertEquals(new Classification(code, errorClass, true, true), c, reason);
  }

  @Test
  void noReasonAtAllIsNoResponse() {
    assertEquals(
        new Classification("NO_RESPONSE", "no_response", true, true),
        CLASSIFIER.classify(Provider.HOTELBEDS, null, NO_HEADERS, null, null));
  }

  /**
   * 1xx and 3xx are not errors for any provider, whatever the body says and whatever the provider's
   * rules for its error statuses: named like an undocumented 2xx, class ok.
   */
  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "casy, 101, HTTP_101",
    "casy, 204, HTTP_204",
    "casy, 301, HTTP_301",
    "casy, 304, HTTP_304",
    "hotelbeds, 101, HTTP_101",
    "hotelbeds, 204, HTTP_204",
    "hotelbeds, 301, HTTP_301",
    "hotelbeds, 304, HTTP_304",
    "unknown, 101, OK",
    "unknown, 204, OK",
    "unknown, 301, OK",
    "unknown, 304, OK",
    "acme, 304, OK",
  })
  void informationalAndRedirectResponsesAreNotErrors(String provider, int status, String code) {
    Classification expected = new Classification(code, "ok", false, false);
    Map<String, String> hbHeaders = Map.of(MASHERY, "ERR_403_DEVELOPER_OVER_QPS");
    for (String body :
        new String[] {
          null,
          "",
          casyError("rate_limited"),
          hotelbedsJsonError("INVALID_REQUEST"),
          "Insufficient allotment"
        }) {
      assertEquals(
          expected,
          CLASSIFIER.classify(provider, status, NO_HEADERS, body, null),
          provider + " " + status + " body " + body);
      assertEquals(
          expected,
          CLASSIFIER.classify(provider, status, hbHeaders, body, null),
          provider + " " + status + " with a Mashery error header");
    }
  }
}
