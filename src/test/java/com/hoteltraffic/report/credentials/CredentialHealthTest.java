package com.hoteltraffic.report.credentials;

import static com.hoteltraffic.report.engine.HealthExchanges.casyOk;
import static com.hoteltraffic.report.engine.HealthExchanges.casyRevoked;
import static com.hoteltraffic.report.engine.HealthExchanges.exchange;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hoteltraffic.classify.Taxonomy;
import com.hoteltraffic.classify.TaxonomyEntry;
import com.hoteltraffic.model.ClassifiedExchange;
import com.hoteltraffic.model.DocumentedCodes;
import com.hoteltraffic.model.ErrorClass;
import com.hoteltraffic.report.Reports;
import com.hoteltraffic.report.access.AccessDenied;
import com.hoteltraffic.report.engine.HealthExchanges;
import com.hoteltraffic.report.engine.PieceKey;
import com.hoteltraffic.report.engine.ReportRow;
import com.hoteltraffic.report.engine.ReportSettings;
import com.hoteltraffic.report.shared.CodeColumn;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CredentialHealthTest {
  private static final String REVOKED =
      "The token is expired or revoked: get a valid token from CASY support and update the client.";
  private static final String QUOTA =
      "The daily quota is used up: hold non-essential traffic until it resets or ask Hotelbeds for"
          + " a higher quota.";

  private static final PieceKey CASY_KEY = new PieceKey("credential", "casy", "t1", null, 0);
  private static final PieceKey HB_KEY = new PieceKey("credential", "hotelbeds", "k1", null, 0);

  private static String row(PieceKey key, int parts, ClassifiedExchange... exchanges) {
    List<ReportRow> rows =
        HealthExchanges.rowsOf(
            CredentialCell::new,
            (cell, e) -> cell.add(e, HealthExchanges.micros(e)),
            key,
            ReportSettings.defaults(),
            parts,
            exchanges);
    assertEquals(1, rows.size(), "one row per credential");
    assertEquals(Reports.CREDENTIAL_HEALTH, rows.get(0).report(), "report of the row");
    return HealthExchanges.text(rows.get(0));
  }

  @Test
  void threeTrailingAuthFailuresAreFailingAuthSinceTheFirst() {
    ClassifiedExchange[] traffic = {
      casyOk("2026-03-01T08:00:00Z", "t1", "H1"),
      casyOk("2026-03-01T09:00:00Z", "t1", "H1"),
      casyRevoked("2026-03-01T10:00:00Z", "t1", "H1"),
      casyRevoked("2026-03-01T10:05:00Z", "t1", "H2"),
      casyRevoked("2026-03-01T10:10:00Z", "t1", "H1"),
    };
    // provider|token_id|token_hint|first_seen|last_seen|requests|last_success|last_accepted|
    // missing_token|invalid_token|invalid_token_or_not_found|signature_failed|developer_inactive|
    // developer_over_rate|state|since|remedy
    String expected =
        "casy|t1|...t1|2026-03-01T08:00:00Z|2026-03-01T10:10:00Z|5|2026-03-01T09:00:00Z"
            + "|2026-03-01T09:00:00Z|0|0|3|0|0|0|failing_auth|2026-03-01T10:00:00Z|"
            + REVOKED;
    for (int parts = 1; parts <= 5; parts++) {
      assertEquals(
          expected, row(CASY_KEY, parts, traffic), "the same row from " + parts + " task pieces");
    }
  }

  @Test
  void twoTrailingAuthFailuresAreOnlyDegraded() {
    assertEquals(
        "casy|t1|...t1|2026-03-01T08:00:00Z|2026-03-01T10:05:00Z|3|2026-03-01T08:00:00Z"
            + "|2026-03-01T08:00:00Z|0|0|2|0|0|0|degraded|2026-03-01T10:00:00Z|"
            + REVOKED,
        row(
            CASY_KEY,
            2,
            casyOk("2026-03-01T08:00:00Z", "t1", "H1"),
            casyRevoked("2026-03-01T10:00:00Z", "t1", "H1"),
            casyRevoked("2026-03-01T10:05:00Z", "t1", "H1")),
        "below FAILING_AUTH_MIN = 3 the failures are not yet proof");
  }

  @Test
  void aSuccessAfterTheFailuresMakesItDegradedSinceTheFirstFailure() {
    assertEquals(
        "casy|t1|...t1|2026-03-01T09:00:00Z|2026-03-01T11:00:00Z|5|2026-03-01T11:00:00Z"
            + "|2026-03-01T11:00:00Z|0|0|3|0|0|0|degraded|2026-03-01T09:00:00Z|"
            + REVOKED,
        row(
            CASY_KEY,
            3,
            casyRevoked("2026-03-01T09:00:00Z", "t1", "H1"),
            casyRevoked("2026-03-01T09:01:00Z", "t1", "H1"),
            casyRevoked("2026-03-01T09:02:00Z", "t1", "H1"),
            casyOk("2026-03-01T11:00:00Z", "t1", "H1"),
            exchange(
                "casy",
                "2026-03-01T10:00:00Z",
                "t1",
                "H1",
                403,
                "forbidden",
                ErrorClass.PERMISSION)),
        "failures followed by a success are no longer failing");
  }

  @Test
  void anyOtherOutcomeAfterTheFailuresInterruptsTheRun() {
    // A forbidden answer proves the token authenticated: only two failures trail it.
    assertEquals(
        "degraded|2026-03-01T09:00:00Z",
        tail(
            row(
                CASY_KEY,
                2,
                casyRevoked("2026-03-01T09:00:00Z", "t1", "H1"),
                exchange(
                    "casy",
                    "2026-03-01T09:01:00Z",
                    "t1",
                    "H1",
                    403,
                    "forbidden",
                    ErrorClass.PERMISSION),
                casyRevoked("2026-03-01T09:02:00Z", "t1", "H1"),
                casyRevoked("2026-03-01T09:03:00Z", "t1", "H1"))),
        "state and since");
  }

  @Test
  void aFailureAtTheSameInstantAsASuccessIsNotProvenToComeAfterIt() {
    assertEquals(
        "degraded|2026-03-01T09:00:00Z",
        tail(
            row(
                CASY_KEY,
                2,
                casyRevoked("2026-03-01T09:00:00Z", "t1", "H1"),
                casyOk("2026-03-01T09:00:00Z", "t1", "H1"),
                casyRevoked("2026-03-01T09:01:00Z", "t1", "H1"),
                casyRevoked("2026-03-01T09:02:00Z", "t1", "H1"))),
        "two failures after the success's instant, one at it");
    assertEquals(
        "failing_auth|2026-03-01T09:00:00.001Z",
        tail(
            row(
                CASY_KEY,
                2,
                casyOk("2026-03-01T09:00:00Z", "t1", "H1"),
                casyRevoked("2026-03-01T09:00:00.001Z", "t1", "H1"),
                casyRevoked("2026-03-01T09:01:00Z", "t1", "H1"),
                casyRevoked("2026-03-01T09:02:00Z", "t1", "H1"))),
        "one millisecond later is after");
  }

  @Test
  void hotelbedsFailuresCountByDocumentedCodeAndTheQuotaExhausts() {
    ClassifiedExchange[] traffic = {
      exchange("hotelbeds", "2026-03-01T08:00:00Z", "k1", null, 200, "OK", ErrorClass.OK),
      exchange(
          "hotelbeds",
          "2026-03-01T08:10:00Z",
          "k1",
          null,
          401,
          "SIGNATURE_VERIFICATION_FAILED",
          ErrorClass.AUTH),
      exchange(
          "hotelbeds", "2026-03-01T08:20:00Z", "k1", null, 403, "NOT_AUTHORIZED", ErrorClass.AUTH),
      exchange(
          "hotelbeds",
          "2026-03-01T08:30:00Z",
          "k1",
          null,
          403,
          "DEVELOPER_INACTIVE",
          ErrorClass.AUTH),
      exchange("hotelbeds", "2026-03-01T08:40:00Z", "k1", null, 200, "OK", ErrorClass.OK),
      exchange(
          "hotelbeds",
          "2026-03-01T23:00:00Z",
          "k1",
          null,
          403,
          "DEVELOPER_OVER_RATE",
          ErrorClass.QUOTA_EXCEEDED),
    };
    assertEquals(
        "hotelbeds|k1|...k1|2026-03-01T08:00:00Z|2026-03-01T23:00:00Z|6|2026-03-01T08:40:00Z"
            + "|2026-03-01T08:40:00Z|0|0|0|2|1|1|quota_exhausted|2026-03-01T23:00:00Z|"
            + QUOTA,
        row(HB_KEY, 2, traffic),
        "one trailing quota rejection suffices");
  }

  @Test
  void aCredentialWithoutAuthOrQuotaFailuresIsHealthyWhateverItsOtherErrors() {
    assertEquals(
        "casy|t1|...t1|2026-03-01T08:00:00Z|2026-03-01T08:02:00Z|2||2026-03-01T08:02:00Z"
            + "|0|0|0|0|0|0|healthy||",
        row(
            CASY_KEY,
            1,
            exchange(
                "casy",
                "2026-03-01T08:00:00Z",
                "t1",
                "H1",
                500,
                "internal_error",
                ErrorClass.SERVER_ERROR),
            exchange(
                "casy",
                "2026-03-01T08:02:00Z",
                "t1",
                "H1",
                403,
                "forbidden",
                ErrorClass.PERMISSION)),
        "no success at all leaves last_success empty, and server errors are not the credential's"
            + " fault; the forbidden answer proves it was accepted");
  }

  @Test
  void stateRuleBoundaries() {
    assertEquals(
        new CredentialHealth.Health(CredentialHealth.FAILING_AUTH, 5L),
        CredentialHealth.state(CredentialHealth.FAILING_AUTH_MIN, 5L, 0, Long.MAX_VALUE, 1L),
        "at the minimum");
    assertEquals(
        new CredentialHealth.Health(CredentialHealth.DEGRADED, 1L),
        CredentialHealth.state(CredentialHealth.FAILING_AUTH_MIN - 1, 5L, 0, Long.MAX_VALUE, 1L),
        "one below");
    assertEquals(
        new CredentialHealth.Health(CredentialHealth.HEALTHY, null),
        CredentialHealth.state(0, Long.MAX_VALUE, 0, Long.MAX_VALUE, Long.MAX_VALUE),
        "nothing failed");
  }

  @Test
  void everyCountedCodeIsATaxonomyEntryOfItsClass() {
    Taxonomy taxonomy = Taxonomy.loadDefault();
    List<CodeColumn> columns = new java.util.ArrayList<>(CredentialHealth.FAILURE_COLUMNS);
    columns.addAll(AccessDenied.DENIAL_COLUMNS);
    for (CodeColumn column : columns) {
      for (String statusAndCode : column.statusAndCodes()) {
        String[] parts = statusAndCode.split(" ");
        int status = Integer.parseInt(parts[0]);
        Optional<TaxonomyEntry> entry = taxonomy.find(column.provider(), status, parts[1]);
        // Or the status's fallback, for a body that named no code (CASY 403 HTTP_403).
        Optional<com.hoteltraffic.classify.Classification> fallback =
            taxonomy.statusFallback(column.provider(), status);
        boolean isFallback =
            entry.isEmpty() && fallback.isPresent() && fallback.get().errorCode().equals(parts[1]);
        assertTrue(
            entry.isPresent() || isFallback,
            column.provider()
                + " "
                + statusAndCode
                + " is in taxonomy.json or its status fallback");
        String errorClass =
            entry.isPresent()
                ? entry.get().classification().errorClass()
                : fallback.get().errorClass();
        assertTrue(
            List.of(ErrorClass.AUTH, ErrorClass.QUOTA_EXCEEDED, ErrorClass.PERMISSION)
                .contains(errorClass),
            statusAndCode + " is an auth, quota or permission failure, not " + errorClass);
      }
    }
  }

  private static ClassifiedExchange casy(String ts, Integer status, String code, String cls) {
    return exchange("casy", ts, "t1", "H1", status, code, cls);
  }

  private static ClassifiedExchange hb(String ts, Integer status, String code, String cls) {
    return exchange("hotelbeds", ts, "k1", null, status, code, cls);
  }

  @Test
  void aRevokedTokenDoesNotHideBehindATimeout() {
    ClassifiedExchange[] traffic = {
      casyOk("2026-03-01T08:00:00Z", "t1", "H1"),
      casyRevoked("2026-03-01T09:00:00Z", "t1", "H1"),
      casyRevoked("2026-03-01T09:01:00Z", "t1", "H1"),
      casyRevoked("2026-03-01T09:02:00Z", "t1", "H1"),
      casy("2026-03-01T09:03:00Z", null, "TIMEOUT", ErrorClass.TIMEOUT),
    };
    for (int parts = 1; parts <= 5; parts++) {
      assertEquals(
          "casy|t1|...t1|2026-03-01T08:00:00Z|2026-03-01T09:03:00Z|5|2026-03-01T08:00:00Z"
              + "|2026-03-01T08:00:00Z|0|0|3|0|0|0|failing_auth|2026-03-01T09:00:00Z|"
              + REVOKED,
          row(CASY_KEY, parts, traffic),
          "three 401s then a timeout: still failing since the first (" + parts + " pieces)");
    }
  }

  /** Answers that prove nothing about the credential, each after three failures. */
  static Stream<ClassifiedExchange> neutralAnswers() {
    return Stream.of(
        casy("2026-03-01T09:03:00Z", null, "TIMEOUT", ErrorClass.TIMEOUT),
        casy("2026-03-01T09:03:00Z", null, "NO_RESPONSE", ErrorClass.NO_RESPONSE),
        casy("2026-03-01T09:03:00Z", 500, "internal_error", ErrorClass.SERVER_ERROR),
        casy(
            "2026-03-01T09:03:00Z", 503, "central_db_unavailable", ErrorClass.UPSTREAM_UNAVAILABLE),
        casy("2026-03-01T09:03:00Z", 429, "rate_limited", ErrorClass.RATE_LIMITED),
        casy("2026-03-01T09:03:00Z", 429, "HTTP_429", ErrorClass.UNDOCUMENTED),
        casy("2026-03-01T09:03:00Z", 403, "HTTP_403", ErrorClass.PERMISSION),
        casy("2026-03-01T09:03:00Z", 403, "new_denial", ErrorClass.UNDOCUMENTED),
        casy("2026-03-01T09:03:00Z", 401, "token_expired", ErrorClass.UNDOCUMENTED),
        hb("2026-03-01T09:03:00Z", 403, "FORBIDDEN", ErrorClass.PERMISSION),
        hb("2026-03-01T09:03:00Z", 403, "DEVELOPER_OVER_QPS", ErrorClass.RATE_LIMITED));
  }

  @ParameterizedTest
  @MethodSource("neutralAnswers")
  void aNeutralAnswerNeitherEndsNorExtendsARunOfFailures(ClassifiedExchange neutral) {
    assertEquals(
        CredentialHealth.Answer.NEUTRAL,
        CredentialHealth.answer(neutral, DocumentedCodes.builtIn()),
        neutral.httpStatus + " " + neutral.errorCode + " proves nothing about the credential");
    String provider = neutral.provider;
    String token = "casy".equals(provider) ? "t1" : "k1";
    ClassifiedExchange failure =
        "casy".equals(provider)
            ? casyRevoked("2026-03-01T09:00:00Z", "t1", "H1")
            : hb("2026-03-01T09:00:00Z", 403, "DEVELOPER_INACTIVE", ErrorClass.AUTH);
    ClassifiedExchange second = copyAt(failure, "2026-03-01T09:01:00Z");
    ClassifiedExchange third = copyAt(failure, "2026-03-01T09:02:00Z");
    PieceKey key = "casy".equals(provider) ? CASY_KEY : HB_KEY;
    assertEquals(
        "failing_auth|2026-03-01T09:00:00Z",
        tail(row(key, 2, failure, second, third, neutral)),
        "three failures then " + neutral.httpStatus + " " + neutral.errorCode + " (" + token + ")");
    assertEquals(
        "degraded|2026-03-01T09:00:00Z",
        tail(row(key, 2, failure, neutral, second)),
        "two failures around it are still only two");
  }

  @Test
  void aQuotaRejectionNeitherEndsNorExtendsARunOfAuthenticationFailures() {
    ClassifiedExchange inactive =
        hb("2026-03-01T09:00:00Z", 403, "DEVELOPER_INACTIVE", ErrorClass.AUTH);
    ClassifiedExchange overRate =
        hb("2026-03-01T09:01:00Z", 403, "DEVELOPER_OVER_RATE", ErrorClass.QUOTA_EXCEEDED);
    assertEquals(
        "failing_auth|2026-03-01T09:00:00Z",
        tail(
            row(
                HB_KEY,
                2,
                inactive,
                overRate,
                copyAt(inactive, "2026-03-01T09:02:00Z"),
                copyAt(inactive, "2026-03-01T09:03:00Z"))),
        "three authentication failures around a quota rejection");
    assertEquals(
        "quota_exhausted|2026-03-01T09:01:00Z",
        tail(row(HB_KEY, 2, inactive, overRate, copyAt(inactive, "2026-03-01T09:02:00Z"))),
        "two are no run; the quota rejection stands, as nothing was accepted after it");
  }

  @Test
  void answersThatProveTheCredentialWasAcceptedEndTheRun() {
    ClassifiedExchange[] accepted = {
      casy("2026-03-01T09:03:00Z", 200, "OK", ErrorClass.OK),
      casy("2026-03-01T09:03:00Z", 304, "HTTP_304", ErrorClass.OK),
      casy("2026-03-01T09:03:00Z", 400, "invalid_parameter", ErrorClass.INVALID_REQUEST),
      casy("2026-03-01T09:03:00Z", 403, "forbidden", ErrorClass.PERMISSION),
      casy("2026-03-01T09:03:00Z", 403, "forbidden_action", ErrorClass.PERMISSION),
      casy("2026-03-01T09:03:00Z", 404, "not_found", ErrorClass.NOT_FOUND),
      casy("2026-03-01T09:03:00Z", 499, "HTTP_499", ErrorClass.UNDOCUMENTED),
    };
    for (ClassifiedExchange answer : accepted) {
      assertEquals(
          CredentialHealth.Answer.ACCEPTED,
          CredentialHealth.answer(answer, DocumentedCodes.builtIn()),
          answer.httpStatus + " " + answer.errorCode);
      assertEquals(
          "degraded|2026-03-01T09:00:00Z",
          tail(
              row(
                  CASY_KEY,
                  2,
                  casyRevoked("2026-03-01T09:00:00Z", "t1", "H1"),
                  casyRevoked("2026-03-01T09:01:00Z", "t1", "H1"),
                  casyRevoked("2026-03-01T09:02:00Z", "t1", "H1"),
                  answer)),
          answer.httpStatus + " " + answer.errorCode + " after three failures ends their run");
    }
    ClassifiedExchange forbiddenAction =
        hb("2026-03-01T09:03:00Z", 403, "ACCESS_DISALLOWED", ErrorClass.PERMISSION);
    assertEquals(
        CredentialHealth.Answer.ACCEPTED,
        CredentialHealth.answer(forbiddenAction, DocumentedCodes.builtIn()),
        "a Hotelbeds 403 of a documented sub-case that is not authentication");
    assertEquals(
        CredentialHealth.Answer.AUTH_FAILURE,
        CredentialHealth.answer(
            casy("2026-03-01T09:03:00Z", 401, "HTTP_401", ErrorClass.AUTH),
            DocumentedCodes.builtIn()),
        "a CASY 401 whose body named no code is still an authentication failure (class auth)");
  }

  @Test
  void theQuotaRunIgnoresNeutralAnswersAndEndsAtAnAcceptedOne() {
    ClassifiedExchange overRate =
        hb("2026-03-01T21:00:00Z", 403, "DEVELOPER_OVER_RATE", ErrorClass.QUOTA_EXCEEDED);
    assertEquals(
        "quota_exhausted|2026-03-01T21:00:00Z",
        tail(
            row(
                HB_KEY,
                2,
                hb("2026-03-01T20:00:00Z", 200, "OK", ErrorClass.OK),
                overRate,
                hb("2026-03-01T21:05:00Z", 504, "GATEWAY_TIMEOUT", ErrorClass.TIMEOUT),
                hb("2026-03-01T21:06:00Z", 403, "FORBIDDEN", ErrorClass.PERMISSION),
                hb("2026-03-01T21:07:00Z", 401, "NOT_AUTHORIZED", ErrorClass.AUTH))),
        "a 504, a 403 of no sub-case and one authentication failure after it: still exhausted");
    assertEquals(
        "degraded|2026-03-01T21:00:00Z",
        tail(
            row(
                HB_KEY,
                2,
                overRate,
                hb("2026-03-01T21:10:00Z", 400, "INVALID_REQUEST", ErrorClass.INVALID_REQUEST))),
        "a 400 after it proves the key is served again");
  }

  @Test
  void anAcceptedAnswerAtTheSameMicrosecondAsAFailureDoesNotEndTheRunAfterIt() {
    assertEquals(
        "failing_auth|2026-03-01T09:00:00.001Z",
        tail(
            row(
                CASY_KEY,
                3,
                casy("2026-03-01T09:00:00Z", 404, "not_found", ErrorClass.NOT_FOUND),
                casyRevoked("2026-03-01T09:00:00Z", "t1", "H1"),
                casyRevoked("2026-03-01T09:00:00.001Z", "t1", "H1"),
                casyRevoked("2026-03-01T09:01:00Z", "t1", "H1"),
                casyRevoked("2026-03-01T09:02:00Z", "t1", "H1"))),
        "the failure at the accepted answer's instant is not proven to follow it; the three after");
    assertEquals(
        "failing_auth|2026-03-01T09:00:00Z",
        tail(
            row(
                CASY_KEY,
                3,
                casy("2026-03-01T09:00:00Z", null, "TIMEOUT", ErrorClass.TIMEOUT),
                casyRevoked("2026-03-01T09:00:00Z", "t1", "H1"),
                casyRevoked("2026-03-01T09:01:00Z", "t1", "H1"),
                casyRevoked("2026-03-01T09:02:00Z", "t1", "H1"))),
        "a neutral answer at the same instant changes nothing");
  }

  /** Each authentication or quota code: its failures' row quotes the taxonomy's remedy. */
  static Stream<Arguments> remedies() {
    return Stream.of(
        Arguments.of("casy", 401, "missing_token", ErrorClass.AUTH, "Authorization: Bearer header"),
        Arguments.of(
            "casy", 401, "invalid_token", ErrorClass.AUTH, "truncation or stray characters"),
        Arguments.of(
            "casy", 401, "invalid_token_or_not_found", ErrorClass.AUTH, "expired or revoked"),
        Arguments.of(
            "hotelbeds", 401, "NOT_AUTHORIZED", ErrorClass.AUTH, "API key and the X-Signature"),
        Arguments.of(
            "hotelbeds", 401, "SIGNATURE_VERIFICATION_FAILED", ErrorClass.AUTH, "X-Signature"),
        Arguments.of(
            "hotelbeds",
            401,
            "AUTHORIZATION_FIELD_MISSING",
            ErrorClass.AUTH,
            "both the Api-key and X-Signature headers"),
        Arguments.of(
            "hotelbeds",
            403,
            "NOT_AUTHORIZED",
            ErrorClass.AUTH,
            "X-Signature is incorrect: check"
                + " how the client computes it and its server's clock"),
        Arguments.of(
            "hotelbeds",
            403,
            "DEVELOPER_INACTIVE",
            ErrorClass.AUTH,
            "right API key and that it is still active"),
        Arguments.of(
            "hotelbeds",
            403,
            "DEVELOPER_OVER_RATE",
            ErrorClass.QUOTA_EXCEEDED,
            "daily quota is used up"));
  }

  @ParameterizedTest
  @MethodSource("remedies")
  void eachFailureCarriesItsOwnDocumentedRemedy(
      String provider, int status, String code, String errorClass, String phrase) {
    TaxonomyEntry entry = Taxonomy.loadDefault().find(provider, status, code).orElseThrow();
    assertEquals(
        entry.remedy(),
        DocumentedCodes.builtIn().remedy(provider, status, code),
        "one source of the words: the report's remedy is taxonomy.json's");
    assertTrue(entry.remedy().contains(phrase), code + ": \"" + phrase + "\" in " + entry.remedy());
    PieceKey key = new PieceKey("credential", provider, null, null, 0);
    ClassifiedExchange[] failures = new ClassifiedExchange[3];
    for (int i = 0; i < 3; i++) {
      failures[i] =
          exchange(provider, "2026-03-01T09:0" + i + ":00Z", null, null, status, code, errorClass);
    }
    String row = row(key, 2, failures);
    assertTrue(
        row.endsWith("|" + entry.remedy()),
        "the row (here of requests without a credential) quotes the remedy: " + row);
    assertTrue(
        !row.toLowerCase(java.util.Locale.ROOT).contains("replace"),
        "never tells ops to replace a key: " + row);
  }

  @Test
  void theRemedyIsTheLatestFailuresForARunAndTheFirstFailuresWhenDegraded() {
    ClassifiedExchange missing =
        casy("2026-03-01T09:00:00Z", 401, "missing_token", ErrorClass.AUTH);
    ClassifiedExchange malformed =
        casy("2026-03-01T09:01:00Z", 401, "invalid_token", ErrorClass.AUTH);
    String failing =
        row(CASY_KEY, 2, missing, malformed, copyAt(malformed, "2026-03-01T09:02:00Z"));
    assertTrue(
        failing.endsWith(
            "|failing_auth|2026-03-01T09:00:00Z|" + remedy("casy", 401, "invalid_token")),
        "failing: what the credential is refused for now: " + failing);
    String degraded =
        row(CASY_KEY, 2, missing, malformed, casyOk("2026-03-01T10:00:00Z", "t1", "H1"));
    assertTrue(
        degraded.endsWith("|degraded|2026-03-01T09:00:00Z|" + remedy("casy", 401, "missing_token")),
        "degraded: the remedy of the failure since names: " + degraded);
    String undocumented =
        row(
            CASY_KEY,
            1,
            casy("2026-03-01T09:00:00Z", 401, "HTTP_401", ErrorClass.AUTH),
            casy("2026-03-01T09:01:00Z", 401, "HTTP_401", ErrorClass.AUTH),
            casy("2026-03-01T09:02:00Z", 401, "HTTP_401", ErrorClass.AUTH));
    assertTrue(
        undocumented.endsWith("|failing_auth|2026-03-01T09:00:00Z|"),
        "a code the documents do not list has no remedy to quote: " + undocumented);
  }

  @Test
  void theSubCaseFactsAreTaxonomyJsons() {
    DocumentedCodes codes = DocumentedCodes.builtIn();
    assertEquals(
        java.util.Set.of(401, 403),
        codes.authStatuses(),
        "the statuses at which taxonomy.json lists an auth code");
    assertTrue(codes.namesSubCase("casy", 403, "forbidden"), "CASY 403 forbidden is a sub-case");
    assertTrue(
        codes.namesSubCase("hotelbeds", 403, "ACCESS_DISALLOWED"), "so is ACCESS_DISALLOWED");
    assertTrue(
        !codes.namesSubCase("hotelbeds", 403, "FORBIDDEN"),
        "FORBIDDEN is the 403's status_default: no sub-case recognised");
    assertTrue(
        !codes.namesSubCase("casy", 403, "HTTP_403"),
        "named after its status: the body named none");
    assertTrue(!codes.namesSubCase("casy", 403, "forbiden"), "an undocumented code");
    assertTrue(!codes.namesSubCase("casy", 401, "forbidden"), "a code of another status");
    assertEquals(null, codes.remedy("casy", 401, "HTTP_401"), "no remedy for an unlisted code");
    for (TaxonomyEntry entry : Taxonomy.loadDefault().entries()) {
      assertEquals(
          entry.remedy(),
          codes.remedy(entry.provider(), entry.httpStatus(), entry.errorCode()),
          "the same words for "
              + entry.provider()
              + " "
              + entry.httpStatus()
              + " "
              + entry.errorCode());
    }
  }

  private static String remedy(String provider, int status, String code) {
    return Taxonomy.loadDefault().find(provider, status, code).orElseThrow().remedy();
  }

  private static ClassifiedExchange copyAt(ClassifiedExchange e, String ts) {
    return exchange(e.provider, ts, e.tokenId, e.hotelId, e.httpStatus, e.errorCode, e.errorClass);
  }

  /** State and since. */
  private static String tail(String row) {
    String[] cells = row.split("\\|", -1);
    return cells[cells.length - 3] + "|" + cells[cells.length - 2];
  }
}
