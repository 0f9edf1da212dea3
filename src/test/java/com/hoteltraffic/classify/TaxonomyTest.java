package com.hoteltraffic.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.hoteltraffic.model.ErrorClass;
import com.hoteltraffic.model.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Tests of the bundled {@code taxonomy.json} against the seed documents (the rows are hard-coded
 * here as the independent expectation), of its validation, and that extending it is a data change.
 */
class TaxonomyTest {
  private static final Taxonomy TAXONOMY = Taxonomy.loadDefault();
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @ParameterizedTest(name = "{0} {1} {2}")
  @CsvSource({
    // seed 000: CASY error codes
    "casy, 200, OK, ok, false",
    "casy, 400, invalid_parameter, invalid_request, false",
    "casy, 401, missing_token, auth, false",
    "casy, 401, invalid_token, auth, false",
    "casy, 401, invalid_token_or_not_found, auth, false",
    "casy, 403, forbidden, permission, false",
    "casy, 403, forbidden_action, permission, false",
    "casy, 404, not_found, not_found, false",
    "casy, 404, unknown_hotel, not_found, false",
    "casy, 429, rate_limited, rate_limited, true",
    "casy, 500, internal_error, server_error, true",
    "casy, 502, central_db_unavailable, upstream_unavailable, true",
    "casy, 502, tenant_db_unavailable, upstream_unavailable, true",
    // seed 004: Hotelbeds HTTP response errors
    "hotelbeds, 200, OK, ok, false",
    "hotelbeds, 400, BAD_REQUEST, invalid_request, false",
    "hotelbeds, 400, CARD_NOT_TOKENIZED, payment, false",
    "hotelbeds, 401, NOT_AUTHORIZED, auth, false",
    "hotelbeds, 402, PAYMENT_REQUIRED, payment, false",
    "hotelbeds, 403, FORBIDDEN, permission, false",
    "hotelbeds, 403, DEVELOPER_OVER_QPS, rate_limited, true",
    "hotelbeds, 403, DEVELOPER_OVER_RATE, quota_exceeded, false",
    "hotelbeds, 403, DEVELOPER_INACTIVE, auth, false",
    "hotelbeds, 403, NOT_AUTHORIZED, auth, false",
    "hotelbeds, 404, NOT_FOUND, not_found, false",
    "hotelbeds, 406, NOT_ACCEPTABLE, invalid_request, false",
    "hotelbeds, 415, UNSUPPORTED_MEDIA_TYPE, invalid_request, false",
    "hotelbeds, 500, INTERNAL_SERVER_ERROR, server_error, true",
    "hotelbeds, 502, BAD_GATEWAY, upstream_unavailable, true",
    "hotelbeds, 503, SERVICE_UNAVAILABLE, upstream_unavailable, true",
    "hotelbeds, 503, INSUFFICIENT_ALLOTMENT, product, false",
    "hotelbeds, 504, GATEWAY_TIMEOUT, timeout, true",
    "hotelbeds, 513, APPLICATION_ERROR, server_error, false",
    "hotelbeds, 596, SERVICE_NOT_FOUND, misrouted, false",
    // seed 004: Hotelbeds formatted response errors
    "hotelbeds, 500, PRODUCT_ERROR, product, false",
    "hotelbeds, 500, SYSTEM_ERROR, server_error, true",
    "hotelbeds, 400, INVALID_REQUEST, invalid_request, false",
    "hotelbeds, 400, INVALID_DATA, invalid_request, false",
    // providers.md
    "hotelbeds, 401, SIGNATURE_VERIFICATION_FAILED, auth, false",
    "hotelbeds, 401, AUTHORIZATION_FIELD_MISSING, auth, false",
    "hotelbeds, 403, ACCESS_DISALLOWED, permission, false",
    "hotelbeds, 410, REPEATED_FAILED_REQUEST, invalid_request, false",
    "hotelbeds, 429, RATE_LIMIT_EXCEEDED, rate_limited, true",
    "hotelbeds, 500, CONFIGURATION_ERROR, product, false",
  })
  void holdsEveryDocumentedRow(
      String provider, int status, String code, String errorClass, boolean retryable) {
    Optional<TaxonomyEntry> entry = TAXONOMY.find(provider, status, code);

    assertTrue(entry.isPresent(), provider + " " + status + " " + code + " missing");
    assertEquals(errorClass, entry.get().errorClass(), "class of " + code);
    assertEquals(retryable, entry.get().retryable(), "retryable of " + code);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"casy", "hotelbeds", "unknown"})
  void everyProviderHasANoResponseEntry(String provider) {
    TaxonomyEntry entry = TAXONOMY.find(provider, null, "NO_RESPONSE").orElseThrow();

    assertEquals(ErrorClass.NO_RESPONSE, entry.errorClass(), provider);
    assertTrue(entry.retryable(), provider);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"casy", "hotelbeds", "unknown"})
  void everyProviderHasATimeoutEntryWithItsOwnCode(String provider) {
    TaxonomyEntry entry = TAXONOMY.find(provider, null, "TIMEOUT").orElseThrow();

    assertEquals(ErrorClass.TIMEOUT, entry.errorClass(), provider);
    assertTrue(entry.retryable(), provider);
  }

  @Test
  void rejectsATimeoutPhraseThatMatchesANonTimeoutReason() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                modified(
                    root ->
                        ((ArrayNode) root.get("no_response_timeout").get("phrases"))
                            .add("connection")));
    assertTrue(e.getMessage().contains("not_timeouts"), e.getMessage());
  }

  @Test
  void holdsNothingBeyondTheDocumentedRowsAndNoResponse() {
    // 13 CASY rows + 30 Hotelbeds rows above, and one NO_RESPONSE and one TIMEOUT per provider.
    assertEquals(13 + 30 + 3 + 3, TAXONOMY.entries().size(), "entries in taxonomy.json");
  }

  @Test
  void everyEntryHasAKnownClassAndItsTexts() {
    for (TaxonomyEntry entry : TAXONOMY.entries()) {
      String key = entry.provider() + " " + entry.httpStatus() + " " + entry.errorCode();
      assertTrue(ErrorClass.ALL.contains(entry.errorClass()), key + ": " + entry.errorClass());
      assertFalse(entry.description().isBlank(), key + " description");
      assertFalse(entry.remedy().isBlank(), key + " remedy");
      assertFalse(entry.source().isBlank(), key + " source");
    }
  }

  @Test
  void noTwoEntriesShareAKey() {
    Set<List<Object>> keys = new HashSet<>();
    for (TaxonomyEntry entry : TAXONOMY.entries()) {
      // Arrays.asList, not List.of: the no-response entries have a null status.
      List<Object> key = Arrays.asList(entry.provider(), entry.httpStatus(), entry.errorCode());
      assertTrue(keys.add(key), "duplicate key " + key);
    }
  }

  @ParameterizedTest(name = "{0} {1} {3}={4}")
  @CsvSource({
    "hotelbeds, 400, body_contains, , card data are not correctly tokenized, CARD_NOT_TOKENIZED",
    "hotelbeds, 401, body_contains, , request signature verification failed, "
        + "SIGNATURE_VERIFICATION_FAILED",
    "hotelbeds, 401, body_contains, , authorization field missing, AUTHORIZATION_FIELD_MISSING",
    "hotelbeds, 403, header_equals, x-mashery-error-code, ERR_403_DEVELOPER_OVER_QPS, "
        + "DEVELOPER_OVER_QPS",
    "hotelbeds, 403, header_equals, x-mashery-error-code, ERR_403_DEVELOPER_OVER_RATE, "
        + "DEVELOPER_OVER_RATE",
    "hotelbeds, 403, header_equals, x-mashery-error-code, ERR_403_DEVELOPER_INACTIVE, "
        + "DEVELOPER_INACTIVE",
    "hotelbeds, 403, header_equals, x-mashery-error-code, ERR_403_NOT_AUTHORIZED, NOT_AUTHORIZED",
    "hotelbeds, 403, body_contains, , developer over qps, DEVELOPER_OVER_QPS",
    "hotelbeds, 403, body_contains, , developer over rate, DEVELOPER_OVER_RATE",
    "hotelbeds, 403, body_contains, , developer inactive, DEVELOPER_INACTIVE",
    "hotelbeds, 403, body_contains, , not authorized, NOT_AUTHORIZED",
    "hotelbeds, 403, body_contains, , access to this api has been disallowed, ACCESS_DISALLOWED",
    "hotelbeds, 429, body_contains, , rate limit exceeded, RATE_LIMIT_EXCEEDED",
    "hotelbeds, 503, body_contains, , insufficient allotment, INSUFFICIENT_ALLOTMENT",
  })
  void holdsEveryDetectionRuleOfTheDocuments(
      String provider, int status, String match, String header, String value, String code) {
    boolean present =
        TAXONOMY.detectionRules().stream()
            .anyMatch(
                rule ->
                    rule.provider().equals(provider)
                        && rule.httpStatus() == status
                        && rule.match().name().equalsIgnoreCase(match)
                        && Objects.equals(rule.header(), header)
                        && rule.value().equalsIgnoreCase(value)
                        && rule.errorCode().equals(code));

    assertTrue(present, "rule " + status + " " + value + " -> " + code);
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource({
    // one code at the status: that code
    "casy, 400, invalid_parameter, invalid_request, false",
    "casy, 429, rate_limited, rate_limited, true",
    "casy, 500, internal_error, server_error, true",
    // several codes sharing class and retryable: HTTP_<status>
    "casy, 401, HTTP_401, auth, false",
    "casy, 403, HTTP_403, permission, false",
    "casy, 404, HTTP_404, not_found, false",
    "casy, 502, HTTP_502, upstream_unavailable, true",
    // several codes, one marked status_default
    "hotelbeds, 400, BAD_REQUEST, invalid_request, false",
    "hotelbeds, 401, NOT_AUTHORIZED, auth, false",
    "hotelbeds, 403, FORBIDDEN, permission, false",
    "hotelbeds, 500, INTERNAL_SERVER_ERROR, server_error, true",
    "hotelbeds, 503, SERVICE_UNAVAILABLE, upstream_unavailable, true",
  })
  void computesTheStatusFallbackFromTheData(
      String provider, int status, String code, String errorClass, boolean retryable) {
    assertEquals(
        Optional.of(new Classification(code, errorClass, retryable, true)),
        TAXONOMY.statusFallback(provider, status),
        provider + " " + status);
  }

  @Test
  void hasNoFallbackForAnUndocumentedStatus() {
    assertEquals(Optional.empty(), TAXONOMY.statusFallback(Provider.CASY, 418), "casy 418");
    assertEquals(Optional.empty(), TAXONOMY.statusFallback(Provider.UNKNOWN, 500), "unknown 500");
  }

  @Test
  void aSecondCodeAtAStatusIsADataChange() {
    Taxonomy extended =
        modified(root -> entries(root).add(entry("casy", 400, "invalid_date", "invalid_request")));
    ResponseClassifier classifier = new ResponseClassifier(extended);

    assertEquals(
        new Classification("HTTP_400", "invalid_request", false, true),
        classifier.classify(Provider.CASY, 400, Map.of(), null, null),
        "fallback once 400 lists two codes");
    assertEquals(
        new Classification("invalid_date", "invalid_request", false, true),
        classifier.classify(Provider.CASY, 400, Map.of(), "{\"error\":\"invalid_date\"}", null),
        "the new code is documented");
  }

  @Test
  void aNewProviderIsADataChange() {
    Taxonomy extended =
        modified(
            root -> {
              ((ArrayNode) root.get("providers"))
                  .addObject()
                  .put("provider", "acme")
                  .put("code_from_body", "json_error_field")
                  .put("source", "test");
              entries(root)
                  .add(entry("acme", 429, "slow_down", "rate_limited").put("retryable", true));
            });
    ResponseClassifier classifier = new ResponseClassifier(extended);

    assertEquals(
        new Classification("slow_down", "rate_limited", true, true),
        classifier.classify("acme", 429, Map.of(), "{\"error\":\"slow_down\"}", null),
        "documented code of the new provider");
    assertEquals(
        new Classification("HTTP_500", "undocumented", false, false),
        classifier.classify("acme", 500, Map.of(), null, null),
        "undocumented status of the new provider");
    assertEquals(
        new Classification("TIMEOUT", "timeout", true, true),
        classifier.classify("acme", null, Map.of(), null, "timeout"),
        "no response of a provider without its own entry");
  }

  @Test
  void rejectsAnUnknownClass() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> modified(root -> entries(root).add(entry("casy", 418, "teapot", "teapots"))));
    assertTrue(e.getMessage().contains("unknown error_class 'teapots'"), e.getMessage());
  }

  @Test
  void rejectsADuplicateKey() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                modified(
                    root -> entries(root).add(entry("casy", 429, "rate_limited", "rate_limited"))));
    assertTrue(e.getMessage().contains("duplicate entry: casy 429 rate_limited"), e.getMessage());
  }

  @Test
  void rejectsAmbiguousFallback() {
    // A second 400 code of another class, and none marked status_default.
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                modified(
                    root -> entries(root).add(entry("casy", 400, "card_declined", "payment"))));
    assertTrue(e.getMessage().contains("differ in class or retryable"), e.getMessage());
  }

  @Test
  void rejectsARuleThatPointsAtNoEntry() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                modified(
                    root ->
                        ((ArrayNode) root.get("detection_rules"))
                            .addObject()
                            .put("provider", "hotelbeds")
                            .put("http_status", 404)
                            .put("match", "body_contains")
                            .put("value", "gone")
                            .put("error_code", "GONE")
                            .put("source", "test")));
    assertTrue(e.getMessage().contains("rule points at no entry"), e.getMessage());
  }

  @Test
  void rejectsAMisspeltField() {
    UncheckedIOException e =
        assertThrows(
            UncheckedIOException.class,
            () ->
                modified(
                    root ->
                        entries(root)
                            .add(entry("casy", 418, "teapot", "ok").put("retriable", false))));
    assertTrue(e.getMessage().contains("retriable"), e.getMessage());
  }

  @Test
  void rejectsAnEntryWithoutRetryable() {
    UncheckedIOException e =
        assertThrows(
            UncheckedIOException.class,
            () ->
                modified(
                    root ->
                        entries(root)
                            .add(entry("casy", 418, "teapot", "ok").without("retryable"))));
    assertTrue(e.getMessage().contains("retryable"), e.getMessage());
  }

  private static ArrayNode entries(ObjectNode root) {
    return (ArrayNode) root.get("entries");
  }

  private static ObjectNode entry(String provider, int status, String code, String errorClass) {
    return MAPPER
        .createObjectNode()
        .put("provider", provider)
        .put("http_status", status)
        .put("error_code", code)
        .put("error_class", errorClass)
        .put("retryable", false)
        .put("description", "test entry")
        .put("remedy", "none")
        .put("source", "test");
  }

  /** The bundled taxonomy.json, changed by {@code edit}, loaded. */
  private static Taxonomy modified(Consumer<ObjectNode> edit) {
    try (InputStream in = TaxonomyTest.class.getResourceAsStream(Taxonomy.DEFAULT_RESOURCE)) {
      ObjectNode root = (ObjectNode) MAPPER.readTree(in);
      edit.accept(root);
      return Taxonomy.load(new ByteArrayInputStream(MAPPER.writeValueAsBytes(root)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
