package com.hoteltraffic.report;

import static com.hoteltraffic.report.HealthExchanges.casyOk;
import static com.hoteltraffic.report.HealthExchanges.casyRevoked;
import static com.hoteltraffic.report.HealthExchanges.exchange;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hoteltraffic.classify.Taxonomy;
import com.hoteltraffic.classify.TaxonomyEntry;
import com.hoteltraffic.model.ClassifiedExchange;
import com.hoteltraffic.model.ErrorClass;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CredentialHealthTest {
  private static final Piece.PieceKey CASY_KEY =
      new Piece.PieceKey(ReportFold.CREDENTIAL, "casy", "t1", null, 0);
  private static final Piece.PieceKey HB_KEY =
      new Piece.PieceKey(ReportFold.CREDENTIAL, "hotelbeds", "k1", null, 0);

  private static String row(Piece.PieceKey key, int parts, ClassifiedExchange... exchanges) {
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
    // provider|token_id|token_hint|first_seen|last_seen|requests|last_success|missing_token|invalid_token|
    // invalid_token_or_not_found|signature_failed|developer_inactive|developer_over_rate|state|since
    String expected =
        "casy|t1|...t1|2026-03-01T08:00:00Z|2026-03-01T10:10:00Z|5|2026-03-01T09:00:00Z|0|0|3|0|0|0"
            + "|failing_auth|2026-03-01T10:00:00Z";
    for (int parts = 1; parts <= 5; parts++) {
      assertEquals(
          expected, row(CASY_KEY, parts, traffic), "the same row from " + parts + " task pieces");
    }
  }

  @Test
  void twoTrailingAuthFailuresAreOnlyDegraded() {
    assertEquals(
        "casy|t1|...t1|2026-03-01T08:00:00Z|2026-03-01T10:05:00Z|3|2026-03-01T08:00:00Z|0|0|2|0|0|0"
            + "|degraded|2026-03-01T10:00:00Z",
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
        "casy|t1|...t1|2026-03-01T09:00:00Z|2026-03-01T11:00:00Z|5|2026-03-01T11:00:00Z|0|0|3|0|0|0"
            + "|degraded|2026-03-01T09:00:00Z",
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
        "hotelbeds|k1|...k1|2026-03-01T08:00:00Z|2026-03-01T23:00:00Z|6|2026-03-01T08:40:00Z|0|0|0|2|1|1"
            + "|quota_exhausted|2026-03-01T23:00:00Z",
        row(HB_KEY, 2, traffic),
        "one trailing quota rejection suffices");
  }

  @Test
  void aCredentialWithoutAuthOrQuotaFailuresIsHealthyWhateverItsOtherErrors() {
    assertEquals(
        "casy|t1|...t1|2026-03-01T08:00:00Z|2026-03-01T08:02:00Z|2||0|0|0|0|0|0|healthy|",
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
        "no success at all leaves last_success empty, and server errors are not the credential's fault");
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
    List<CredentialHealth.FailureColumn> columns =
        new java.util.ArrayList<>(CredentialHealth.FAILURE_COLUMNS);
    columns.addAll(AccessDenied.DENIAL_COLUMNS);
    for (CredentialHealth.FailureColumn column : columns) {
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

  private static String tail(String row) {
    String[] cells = row.split("\\|", -1);
    return cells[cells.length - 2] + "|" + cells[cells.length - 1];
  }
}
