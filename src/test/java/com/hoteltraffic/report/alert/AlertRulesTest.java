package com.hoteltraffic.report.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.hoteltraffic.report.Reports;
import com.hoteltraffic.report.alert.PreviousRun.CodeKey;
import com.hoteltraffic.report.alert.PreviousRun.Counts;
import com.hoteltraffic.report.alert.PreviousRun.Key;
import com.hoteltraffic.report.engine.ReportResults;
import com.hoteltraffic.report.engine.ReportRow;
import com.hoteltraffic.report.engine.ReportSpec;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each alert rule on hand-made report rows, with exact values on both sides of every threshold. */
class AlertRulesTest {
  private static final Instant T0 = Instant.parse("2026-11-18T10:00:00Z");
  private static final Instant T1 = Instant.parse("2026-11-19T10:00:00Z");
  private static final Instant T2 = Instant.parse("2026-11-19T10:20:00Z");
  private static final Instant T3 = Instant.parse("2026-11-19T10:25:00Z");
  private static final AlertThresholds DEFAULTS = AlertThresholds.defaults();

  static Stream<Arguments> rises() {
    return Stream.of(
        // earlier requests/errors, current requests/errors, expected severity
        Arguments.of(100, 10, 100, 19, null), // +9 points: below 10
        Arguments.of(100, 10, 100, 20, Severity.WARNING), // +10 points exactly: the boundary alerts
        Arguments.of(
            100, 20, 100, 30, Severity.WARNING), // 0.3 - 0.2 is below 0.1 in doubles, not here
        Arguments.of(200, 20, 300, 59, null), // 19.67% - 10% = 9.67 points
        Arguments.of(200, 20, 300, 60, Severity.WARNING), // 20% - 10%
        Arguments.of(100, 10, 100, 59, Severity.WARNING), // +49 points
        Arguments.of(100, 10, 100, 60, Severity.CRITICAL), // +50 points exactly
        Arguments.of(100, 0, 100, 100, Severity.CRITICAL),
        Arguments.of(100, 50, 100, 40, null), // fell
        Arguments.of(100, 30, 100, 30, null), // same
        Arguments.of(49, 0, 100, 100, null), // previous run: too few requests to compare
        Arguments.of(50, 0, 100, 100, Severity.CRITICAL), // previous run: just enough
        Arguments.of(100, 0, 49, 49, null), // this run: one short
        Arguments.of(100, 0, 50, 5, Severity.WARNING), // this run: just enough, +10 points
        Arguments.of(
            3_000_000_000L, 0, 3_000_000_000L, 300_000_000L, Severity.WARNING)); // no overflow
  }

  @ParameterizedTest(name = "{0}/{1} then {2}/{3} -> {4}")
  @MethodSource("rises")
  void errorRateRiseAgainstThresholds(long r0, long e0, long r1, long e1, Severity expected) {
    assertEquals(
        expected,
        AlertRules.riseSeverity(new Counts(r0, e0), new Counts(r1, e1), DEFAULTS),
        "rise from "
            + e0
            + "/"
            + r0
            + " to "
            + e1
            + "/"
            + r1
            + " with +10/+50 points and 50 requests");
  }

  @Test
  void riseThresholdsAreOptions() {
    AlertThresholds strict = new AlertThresholds(new BigDecimal("0.05"), new BigDecimal("0.2"), 10);
    assertNull(
        AlertRules.riseSeverity(new Counts(10, 0), new Counts(100, 4), strict),
        "+4 points under 5");
    assertEquals(
        Severity.WARNING,
        AlertRules.riseSeverity(new Counts(10, 0), new Counts(100, 5), strict),
        "+5 points with --alert-rate-rise 5%");
    assertEquals(
        Severity.CRITICAL,
        AlertRules.riseSeverity(new Counts(10, 0), new Counts(100, 20), strict),
        "+20 points with --alert-rate-rise-critical 20%");
    assertNull(
        AlertRules.riseSeverity(new Counts(9, 0), new Counts(100, 20), strict),
        "9 previous requests under --alert-min-requests 10");
    assertNull(
        AlertRules.riseSeverity(null, new Counts(100, 100), strict),
        "a key the previous run did not have");
  }

  @Test
  void thresholdsAreChecked() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new AlertThresholds(new BigDecimal("0.2"), new BigDecimal("0.1"), 50),
        "critical below warning");
    assertThrows(
        IllegalArgumentException.class,
        () -> new AlertThresholds(BigDecimal.ZERO, new BigDecimal("0.1"), 50),
        "zero rise");
    assertThrows(
        IllegalArgumentException.class,
        () -> new AlertThresholds(new BigDecimal("0.1"), new BigDecimal("1.01"), 50),
        "rise above 100 points");
    assertThrows(
        IllegalArgumentException.class,
        () -> new AlertThresholds(new BigDecimal("0.1"), new BigDecimal("0.5"), 0),
        "zero requests");
  }

  @Test
  void bookingsDuplicateWithTwoStandingIsCriticalUnresolvedAndOnRetryAreWarningsOthersQuiet() {
    List<ReportRow> rows = new ArrayList<>();
    rows.add(
        booking(
            T1,
            "dup-a",
            "DUPLICATE",
            "CONFIRMED;CONFIRMED",
            "cancel all but one of bookings 1-1, 1-2"));
    rows.add(
        booking(
            T1,
            "dup-b",
            "DUPLICATE",
            "CONFIRMED;CANCELLED",
            "none: at most one of bookings 1-3, 1-4 is not cancelled"));
    rows.add(
        booking(
            T2,
            "dup-c",
            "DUPLICATE",
            "UNKNOWN;CONFIRMED",
            "cancel all but one of bookings 1-5, 1-6"));
    rows.add(
        booking(
            T2,
            "dup-d",
            "DUPLICATE",
            "CANCELLED;CANCELLED",
            "none: at most one of bookings 1-7, 1-8 is not cancelled"));
    rows.add(
        booking(T2, "open", "UNRESOLVED", null, "look up with BookingList by clientReference"));
    rows.add(
        booking(
            T3, "fine", "BOOKED", "CONFIRMED", "record booking 1-9 as made; do not book again"));
    rows.add(booking(T3, "none", "NOT_BOOKED", null, "none: no booking was made"));
    rows.add(
        booking(
            T3, "retry", "BOOKED_ON_RETRY", "CONFIRMED", "record booking 1-10 made by the retry"));

    List<Alert> alerts = AlertRules.evaluate(results(rows), null, DEFAULTS);

    assertEquals(
        List.of(
            new Alert(
                Severity.CRITICAL,
                AlertRules.BOOKING_DUPLICATE,
                "DUPLICATE booking of client reference dup-a at hotel 1533 (HTTP_504 at 2026-11-19T10:00:00Z): "
                    + "cancel all but one of bookings 1-1, 1-2",
                Reports.UNCONFIRMED_BOOKINGS,
                where("attempt_ts", "2026-11-19T10:00:00Z", "client_reference", "dup-a"),
                "bookings-DUPLICATE"),
            new Alert(
                Severity.CRITICAL,
                AlertRules.BOOKING_DUPLICATE,
                "DUPLICATE booking of client reference dup-c at hotel 1533 (HTTP_504 at 2026-11-19T10:20:00Z): "
                    + "cancel all but one of bookings 1-5, 1-6",
                Reports.UNCONFIRMED_BOOKINGS,
                where("attempt_ts", "2026-11-19T10:20:00Z", "client_reference", "dup-c"),
                "bookings-DUPLICATE"),
            new Alert(
                Severity.WARNING,
                AlertRules.BOOKING_UNRESOLVED,
                "UNRESOLVED booking of client reference open at hotel 1533 (HTTP_504 at 2026-11-19T10:20:00Z): "
                    + "look up with BookingList by clientReference",
                Reports.UNCONFIRMED_BOOKINGS,
                where("attempt_ts", "2026-11-19T10:20:00Z", "client_reference", "open"),
                "bookings-UNRESOLVED"),
            new Alert(
                Severity.WARNING,
                AlertRules.BOOKING_ON_RETRY,
                "BOOKED_ON_RETRY booking of client reference retry at hotel 1533 (HTTP_504 at"
                    + " 2026-11-19T10:25:00Z): record booking 1-10 made by the retry",
                Reports.UNCONFIRMED_BOOKINGS,
                where("attempt_ts", "2026-11-19T10:25:00Z", "client_reference", "retry"),
                "bookings-BOOKED_ON_RETRY")),
        alerts,
        "DUPLICATE with >= 2 bookings not cancelled, UNRESOLVED, BOOKED_ON_RETRY (the attempt may"
            + " have booked too); BOOKED and NOT_BOOKED need nothing checked");
  }

  @Test
  void centralOutagesAreCriticalTenantOutagesWarnings() {
    List<ReportRow> rows =
        List.of(
            outage("casy", "central", null, T1, T2, 40L, null),
            outage("casy", "tenant", "8976", T1, T2, 3L, T3));

    List<Alert> alerts = AlertRules.evaluate(results(rows), null, DEFAULTS);

    assertEquals(
        List.of(
            new Alert(
                Severity.CRITICAL,
                AlertRules.DB_OUTAGE,
                "Central database outage of casy: 40 failed requests "
                    + "from 2026-11-19T10:00:00Z to 2026-11-19T10:20:00Z, no recovery seen",
                Reports.DB_OUTAGES,
                where(
                    "provider",
                    "casy",
                    "scope",
                    "central",
                    "hotel_id",
                    "",
                    "start",
                    "2026-11-19T10:00:00Z"),
                "outages"),
            new Alert(
                Severity.WARNING,
                AlertRules.DB_OUTAGE,
                "Tenant database outage of casy hotel 8976: 3 failed "
                    + "requests from 2026-11-19T10:00:00Z to 2026-11-19T10:20:00Z, recovered at 2026-11-19T10:25:00Z",
                Reports.DB_OUTAGES,
                where(
                    "provider",
                    "casy",
                    "scope",
                    "tenant",
                    "hotel_id",
                    "8976",
                    "start",
                    "2026-11-19T10:00:00Z"),
                "outages")),
        alerts,
        "one alert per outage row");
  }

  @Test
  void credentialHealthAbsentFromTheResultsYieldsNothing() {
    ReportResults withoutIt = ReportResults.of(Reports.all(false), List.of());
    assertEquals(
        List.of(),
        AlertRules.credentials(withoutIt, null),
        "no credential_health report: no alert");
  }

  private static final String REVOKED =
      "The token is expired or revoked: get a valid token from CASY support and update the client.";
  private static final String SIGNATURE =
      "Check the configured API key and the X-Signature computation (SHA-256 of key, secret and Unix seconds).";
  private static final String QUOTA =
      "The daily quota is used up: hold non-essential traffic until it resets or ask Hotelbeds for a higher quota.";

  @Test
  void credentialsTurningFailingAuthOrQuotaExhausted() {
    List<ReportRow> rows =
        List.of(
            health("hotelbeds", "tok_aaaaaaaaaaaa", "...a1b2", "failing_auth", T1, null, SIGNATURE),
            health("hotelbeds", "tok_bbbbbbbbbbbb", "...c3d4", "quota_exhausted", T2, null, QUOTA),
            health("casy", "tok_cccccccccccc", "...e5f6", "degraded", T1, null, REVOKED),
            health("casy", "tok_dddddddddddd", "...g7h8", "healthy", T1, null, null),
            health("casy", "tok_eeeeeeeeeeee", "...i9j0", "failing_auth", T3, null, REVOKED));
    ReportResults results = results(rows);

    Alert failing =
        new Alert(
            Severity.CRITICAL,
            AlertRules.CREDENTIAL_FAILING_AUTH,
            "Credential tok_aaaaaaaaaaaa (...a1b2) of hotelbeds fails authentication since 2026-11-19T10:00:00Z: "
                + "no request since was accepted. "
                + SIGNATURE,
            Reports.CREDENTIAL_HEALTH,
            where("provider", "hotelbeds", "token_id", "tok_aaaaaaaaaaaa"),
            AlertRules.SECTION_CREDENTIALS);
    Alert quota =
        new Alert(
            Severity.WARNING,
            AlertRules.CREDENTIAL_QUOTA_EXHAUSTED,
            "Credential tok_bbbbbbbbbbbb (...c3d4) of hotelbeds has used up its daily quota since 2026-11-19T10:20:00Z: "
                + "requests are refused until it resets. "
                + QUOTA,
            Reports.CREDENTIAL_HEALTH,
            where("provider", "hotelbeds", "token_id", "tok_bbbbbbbbbbbb"),
            AlertRules.SECTION_CREDENTIALS);
    Alert casyFailing =
        new Alert(
            Severity.CRITICAL,
            AlertRules.CREDENTIAL_FAILING_AUTH,
            "Credential tok_eeeeeeeeeeee (...i9j0) of casy fails authentication since 2026-11-19T10:25:00Z: "
                + "no request since was accepted. "
                + REVOKED,
            Reports.CREDENTIAL_HEALTH,
            where("provider", "casy", "token_id", "tok_eeeeeeeeeeee"),
            AlertRules.SECTION_CREDENTIALS);

    assertEquals(
        List.of(casyFailing, failing, quota),
        AlertRules.evaluate(results, null, DEFAULTS),
        "no previous run: every failing_auth and quota_exhausted credential, critical first");

    Map<Key, PreviousRun.Credential> before = new HashMap<>();
    before.put(
        new Key("hotelbeds", "tok_aaaaaaaaaaaa"),
        earlier("failing_auth", T0, T0)); // already so: no new alert
    before.put(new Key("hotelbeds", "tok_bbbbbbbbbbbb"), earlier("healthy", null, T0)); // turned
    before.put(
        new Key("casy", "tok_eeeeeeeeeeee"),
        earlier("quota_exhausted", T0, T0)); // turned into another state
    assertEquals(
        List.of(casyFailing, quota),
        AlertRules.credentials(results, previous(Set.of(), Map.of(), Map.of(), before)),
        "a credential already in that state in the previous run does not alert again");
    assertEquals(
        List.of(casyFailing, failing, quota),
        AlertRules.credentials(results, previous(Set.of(), Map.of(), Map.of(), null)),
        "a previous run without (or with an unreadable) credential_health says nothing of states");
  }

  @Test
  void aCredentialWithoutADocumentedRemedySaysSoInsteadOfGuessing() {
    List<Alert> alerts =
        AlertRules.credentials(
            results(List.of(health("casy", "tok_f", null, "failing_auth", T1, null, null))), null);
    assertEquals(
        "Credential tok_f of casy fails authentication since 2026-11-19T10:00:00Z: no request since"
            + " was accepted. Its failures' code is not documented: read the responses for the cause.",
        alerts.get(0).reason(),
        "an undocumented code (a CASY 401 whose body named none) has no remedy to quote");
  }

  /** Previous run: failing since the day before at 10:00, its last request the day before 18:00. */
  private static final Instant PREVIOUS_SINCE = Instant.parse("2026-11-18T10:00:00Z");

  private static final Instant PREVIOUS_LAST = Instant.parse("2026-11-18T18:00:00Z");

  @Test
  void aCredentialThatRecoveredBetweenTheRunsAndFailedAgainAlertsAgain() {
    PreviousRun.Credential before = earlier("failing_auth", PREVIOUS_SINCE, PREVIOUS_LAST);
    assertEquals(
        " again: it was accepted at 2026-11-18T18:00:00.000001Z, after the previous run's last"
            + " request at 2026-11-18T18:00:00Z",
        AlertRules.again("failing_auth", T1, PREVIOUS_LAST.plusNanos(1_000), before),
        "accepted one microsecond after the previous run's last request: recovered, failed again");
    assertNull(
        AlertRules.again("failing_auth", T1, PREVIOUS_LAST, before),
        "accepted at the previous run's last request: the previous run saw it, nothing new");
    assertNull(
        AlertRules.again("failing_auth", T1, null, before),
        "never accepted in this run: the same failure going on, it alerted once");
    assertNull(
        AlertRules.again("failing_auth", T1, T1, before),
        "accepted at since, not before it: no proof of a recovery before the failures");

    Map<Key, PreviousRun.Credential> previous = Map.of(new Key("casy", "tok_eeeeeeeeeeee"), before);
    ReportResults again =
        results(
            List.of(
                health(
                    "casy",
                    "tok_eeeeeeeeeeee",
                    "...i9j0",
                    "failing_auth",
                    T3,
                    Instant.parse("2026-11-19T08:00:00Z"),
                    REVOKED)));
    assertEquals(
        List.of(
            "Credential tok_eeeeeeeeeeee (...i9j0) of casy fails authentication since 2026-11-19T10:25:00Z"
                + " again: it was accepted at 2026-11-19T08:00:00Z, after the previous run's last request"
                + " at 2026-11-18T18:00:00Z: no request since was accepted. "
                + REVOKED),
        AlertRules.credentials(again, previous(Set.of(), Map.of(), Map.of(), previous)).stream()
            .map(Alert::reason)
            .toList(),
        "the recurrence alerts, and says why");
    ReportResults stillFailing =
        results(
            List.of(
                health(
                    "casy",
                    "tok_eeeeeeeeeeee",
                    "...i9j0",
                    "failing_auth",
                    PREVIOUS_SINCE,
                    Instant.parse("2026-11-18T09:00:00Z"),
                    REVOKED)));
    assertEquals(
        List.of(),
        AlertRules.credentials(stillFailing, previous(Set.of(), Map.of(), Map.of(), previous)),
        "accepted only before the previous run's last request: it simply stays revoked, no alert");
  }

  @Test
  void anExhaustedQuotaAlertsAgainOnEachNewUtcDay() {
    PreviousRun.Credential before =
        earlier(
            "quota_exhausted",
            Instant.parse("2026-11-18T21:00:00Z"),
            Instant.parse("2026-11-18T23:59:00Z"));
    assertEquals(
        " again on a new day (the previous run's was used up since 2026-11-18T21:00:00Z)",
        AlertRules.again("quota_exhausted", Instant.parse("2026-11-19T00:00:00Z"), null, before),
        "since at the first microsecond of the next UTC day: a new day's quota");
    assertNull(
        AlertRules.again(
            "quota_exhausted", Instant.parse("2026-11-18T23:59:59.999999Z"), null, before),
        "since still on the previous run's UTC day: the same day's quota");
    assertNull(
        AlertRules.again(
            "failing_auth",
            Instant.parse("2026-11-19T09:00:00Z"),
            null,
            earlier(
                "failing_auth",
                Instant.parse("2026-11-18T21:00:00Z"),
                Instant.parse("2026-11-18T23:59:00Z"))),
        "a new day proves nothing for an authentication failure");
  }

  @Test
  void theRowWithoutACredentialMatchesThePreviousRunsEmptyCell() {
    String header = "Make the client send the Authorization: Bearer header.";
    ReportResults results =
        results(List.of(health("casy", null, null, "failing_auth", T1, null, header)));
    Map<Key, PreviousRun.Credential> before = new HashMap<>();
    // the CSV's empty token_id, read back
    before.put(new Key("casy", ""), earlier("failing_auth", T0, T0));
    assertEquals(
        List.of(),
        AlertRules.credentials(results, previous(Set.of(), Map.of(), Map.of(), before)),
        "failing_auth already in the previous run: no alert for the row without a credential");
    before.put(new Key("casy", ""), earlier("degraded", T0, T0));
    List<Alert> turned =
        AlertRules.credentials(results, previous(Set.of(), Map.of(), Map.of(), before));
    assertEquals(1, turned.size(), "turned failing_auth since the previous run: one alert");
    assertEquals(
        where("provider", "casy", "token_id", ""),
        turned.get(0).where(),
        "its key as the CSV writes it");
    assertEquals(
        "Credential (none) of casy fails authentication since 2026-11-19T10:00:00Z: no request"
            + " since was accepted. "
            + header,
        turned.get(0).reason(),
        "the reason names no credential, and its remedy is to send one, never to replace a key");
  }

  private static PreviousRun.Credential earlier(String state, Instant since, Instant lastSeen) {
    return new PreviousRun.Credential(state, since, lastSeen);
  }

  @Test
  void errorCodesNeverSeenInThePreviousRun() {
    List<ReportRow> rows =
        List.of(
            code("casy", 502, "tenant_db_unavailable", "upstream_unavailable", 12L, true),
            code("casy", 200, "OK", "ok", 500L, true),
            code("casy", 200, "HTTP_299", "ok", 1L, false),
            code("hotelbeds", null, "NO_RESPONSE", "no_response", 2L, true),
            code("hotelbeds", 418, "HTTP_418", "undocumented", 1L, false));
    Set<CodeKey> before =
        Set.of(
            new CodeKey("casy", "502", "tenant_db_unavailable"), new CodeKey("casy", "200", "OK"));

    assertEquals(
        List.of(
            new Alert(
                Severity.WARNING,
                AlertRules.NEW_ERROR_CODE,
                "New error code hotelbeds no response NO_RESPONSE "
                    + "(no_response): 2 times from 2026-11-19T10:00:00Z to 2026-11-19T10:20:00Z, never seen in the "
                    + "previous run",
                Reports.ERROR_CODES,
                where("provider", "hotelbeds", "http_status", "", "error_code", "NO_RESPONSE"),
                "codes"),
            new Alert(
                Severity.WARNING,
                AlertRules.NEW_ERROR_CODE,
                "New error code hotelbeds HTTP 418 HTTP_418 "
                    + "(undocumented, undocumented): 1 times from 2026-11-19T10:00:00Z to 2026-11-19T10:20:00Z, never seen "
                    + "in the previous run",
                Reports.ERROR_CODES,
                where("provider", "hotelbeds", "http_status", "418", "error_code", "HTTP_418"),
                "codes")),
        AlertRules.evaluate(results(rows), previous(before, Map.of(), Map.of(), null), DEFAULTS),
        "new error codes only; a new class-ok code is not an error");
    assertEquals(
        List.of(),
        AlertRules.evaluate(results(rows), null, DEFAULTS),
        "without a previous run nothing is new");
  }

  @Test
  void errorRatesAreSummedOverTheRunPerHotelAndCredential() {
    List<ReportRow> rows =
        List.of(
            // hotel 1: 30 + 30 requests, 3 + 9 errors = 20%; previous 10% over 60: +10 points,
            // warning.
            hotelRate(T1, "casy", "1", 30, 3),
            hotelRate(T2, "casy", "1", 30, 9),
            // hotel 2: 60 requests, 11 errors = 18.33%; previous 10%: +8.33 points, quiet.
            hotelRate(T1, "casy", "2", 60, 11),
            // no hotel: 60 of 60 failed, but no hotel to act on.
            hotelRate(T1, "casy", "", 60, 60),
            // credential: 100 requests, 70 errors; previous 20%: +50 points, critical.
            tokenRate(T1, "hotelbeds", "tok_aaaaaaaaaaaa", "...a1b2", 100, 70),
            // credential new in this run: nothing to compare with.
            tokenRate(T1, "hotelbeds", "tok_ffffffffffff", "...zz99", 100, 100));
    Map<Key, Counts> hotels =
        Map.of(
            new Key("casy", "1"),
            new Counts(60, 6),
            new Key("casy", "2"),
            new Counts(60, 6),
            new Key("casy", ""),
            new Counts(60, 0));
    Map<Key, Counts> tokens = Map.of(new Key("hotelbeds", "tok_aaaaaaaaaaaa"), new Counts(50, 10));

    assertEquals(
        List.of(
            new Alert(
                Severity.CRITICAL,
                AlertRules.CREDENTIAL_ERROR_RATE_ROSE,
                "Error rate of credential "
                    + "tok_aaaaaaaaaaaa (...a1b2) of hotelbeds rose from 20.00% (10 of 50) in the previous run to 70.00% "
                    + "(70 of 100), +50.00 points",
                Reports.ERROR_RATES_BY_TOKEN,
                where("provider", "hotelbeds", "token_id", "tok_aaaaaaaaaaaa"),
                "top-credentials"),
            new Alert(
                Severity.WARNING,
                AlertRules.HOTEL_ERROR_RATE_ROSE,
                "Error rate of casy hotel 1 rose from 10.00% "
                    + "(6 of 60) in the previous run to 20.00% (12 of 60), +10.00 points",
                Reports.ERROR_RATES_BY_HOTEL,
                where("provider", "casy", "hotel_id", "1"),
                "top-hotels")),
        AlertRules.evaluate(results(rows), previous(Set.of(), hotels, tokens, null), DEFAULTS),
        "rates over the whole run against the previous run's");
  }

  @Test
  void aPreviousReportThatCouldNotBeReadSkipsOnlyTheComparisonsThatNeedIt() {
    List<ReportRow> rows =
        List.of(
            code("hotelbeds", 418, "HTTP_418", "undocumented", 1L, false),
            hotelRate(T1, "casy", "1", 60, 12),
            tokenRate(T1, "hotelbeds", "tok_aaaaaaaaaaaa", "...a1b2", 100, 70));
    Map<Key, Counts> hotels = Map.of(new Key("casy", "1"), new Counts(60, 6));
    Map<Key, Counts> tokens = Map.of(new Key("hotelbeds", "tok_aaaaaaaaaaaa"), new Counts(50, 10));
    assertEquals(
        List.of(
            AlertRules.CREDENTIAL_ERROR_RATE_ROSE,
            AlertRules.NEW_ERROR_CODE,
            AlertRules.HOTEL_ERROR_RATE_ROSE),
        kinds(
            AlertRules.evaluate(results(rows), previous(Set.of(), hotels, tokens, null), DEFAULTS)),
        "everything read: the code is new, both rates rose");
    assertEquals(
        List.of(AlertRules.CREDENTIAL_ERROR_RATE_ROSE, AlertRules.HOTEL_ERROR_RATE_ROSE),
        kinds(AlertRules.evaluate(results(rows), previous(null, hotels, tokens, null), DEFAULTS)),
        "error_codes unreadable: no code is called new");
    assertEquals(
        List.of(AlertRules.NEW_ERROR_CODE, AlertRules.HOTEL_ERROR_RATE_ROSE),
        kinds(AlertRules.evaluate(results(rows), previous(Set.of(), hotels, null, null), DEFAULTS)),
        "error_rates_by_token unreadable: no credential rate compared");
    assertEquals(
        List.of(AlertRules.CREDENTIAL_ERROR_RATE_ROSE, AlertRules.NEW_ERROR_CODE),
        kinds(AlertRules.evaluate(results(rows), previous(Set.of(), null, tokens, null), DEFAULTS)),
        "error_rates_by_hotel unreadable: no hotel rate compared");
  }

  private static List<String> kinds(List<Alert> alerts) {
    return alerts.stream().map(Alert::kind).toList();
  }

  @Test
  void countsAndFailOn() {
    List<Alert> alerts =
        List.of(
            new Alert(
                Severity.WARNING,
                AlertRules.NEW_ERROR_CODE,
                "r",
                Reports.ERROR_CODES,
                Map.of(),
                "codes"),
            new Alert(
                Severity.WARNING,
                AlertRules.NEW_ERROR_CODE,
                "r",
                Reports.ERROR_CODES,
                Map.of(),
                "codes"));
    Map<Severity, Long> expected = new LinkedHashMap<>();
    expected.put(Severity.CRITICAL, 0L);
    expected.put(Severity.WARNING, 2L);
    assertEquals(expected, AlertRules.counts(alerts), "counts, critical first");
    assertEquals(
        List.of(Severity.CRITICAL, Severity.WARNING),
        List.copyOf(AlertRules.counts(List.of()).keySet()),
        "both severities even when there is no alert");
    assertEquals(
        true, AlertRules.anyAtLeast(alerts, Severity.WARNING), "warnings meet --fail-on warning");
    assertEquals(
        false,
        AlertRules.anyAtLeast(alerts, Severity.CRITICAL),
        "warnings do not meet --fail-on critical");
    assertEquals(
        false, AlertRules.anyAtLeast(List.of(), Severity.WARNING), "no alert meets nothing");
  }

  // ---- hand-made rows -------------------------------------------------------------------------

  private static ReportResults results(List<ReportRow> rows) {
    return ReportResults.of(Reports.all(false), rows);
  }

  private static PreviousRun previous(
      Set<CodeKey> codes,
      Map<Key, Counts> hotels,
      Map<Key, Counts> tokens,
      Map<Key, PreviousRun.Credential> states) {
    return new PreviousRun(
        "/runs/previous", PreviousRun.SOURCE_OPTION, codes, hotels, tokens, states);
  }

  private static ReportRow row(String report, ReportSpec spec, Map<String, Object> values) {
    List<String> columns = spec.columns();
    Object[] row = new Object[columns.size()];
    values.forEach(
        (column, value) -> {
          int index = columns.indexOf(column);
          if (index < 0) {
            throw new IllegalArgumentException("no column " + column + " in " + report);
          }
          row[index] = value;
        });
    return new ReportRow(report, row);
  }

  private static ReportRow row(String report, Object... columnsAndValues) {
    Map<String, Object> values = new HashMap<>();
    for (int i = 0; i < columnsAndValues.length; i += 2) {
      values.put((String) columnsAndValues[i], columnsAndValues[i + 1]);
    }
    ReportSpec spec = Reports.named(report, false);
    return row(report, spec, values);
  }

  private static ReportRow booking(
      Instant at, String reference, String status, String bookingStatus, String action) {
    return row(
        Reports.UNCONFIRMED_BOOKINGS,
        "attempt_ts",
        at,
        "provider",
        "hotelbeds",
        "token_id",
        "tok_1",
        "hotel_id",
        "1533",
        "client_reference",
        reference,
        "outcome",
        "HTTP_504",
        "status",
        status,
        "booking_status",
        bookingStatus,
        "bookings_found",
        2,
        "action",
        action);
  }

  private static ReportRow outage(
      String provider,
      String scope,
      String hotel,
      Instant start,
      Instant end,
      Long failed,
      Instant recovered) {
    return row(
        Reports.DB_OUTAGES,
        "provider",
        provider,
        "scope",
        scope,
        "hotel_id",
        hotel,
        "start",
        start,
        "end",
        end,
        "failed_requests",
        failed,
        "affected_tokens",
        1L,
        "affected_hotels",
        1L,
        "recovered_at",
        recovered);
  }

  private static ReportRow health(
      String provider,
      String token,
      String hint,
      String state,
      Instant since,
      Instant lastAccepted,
      String remedy) {
    return row(
        Reports.CREDENTIAL_HEALTH,
        "provider",
        provider,
        "token_id",
        token,
        "token_hint",
        hint,
        "state",
        state,
        "since",
        since,
        "last_accepted",
        lastAccepted,
        "remedy",
        remedy);
  }

  private static ReportRow code(
      String provider,
      Integer status,
      String code,
      String errorClass,
      Long count,
      Boolean documented) {
    return row(
        Reports.ERROR_CODES,
        "provider",
        provider,
        "http_status",
        status,
        "error_code",
        code,
        "error_class",
        errorClass,
        "count",
        count,
        "first_seen",
        T1,
        "last_seen",
        T2,
        "documented",
        documented,
        "retryable",
        false);
  }

  private static ReportRow hotelRate(
      Instant window, String provider, String hotel, long requests, long errors) {
    return row(
        Reports.ERROR_RATES_BY_HOTEL,
        "window_start",
        window,
        "window_end",
        window.plusSeconds(3600),
        "provider",
        provider,
        "hotel_id",
        hotel,
        "requests",
        requests,
        "errors",
        errors);
  }

  private static ReportRow tokenRate(
      Instant window, String provider, String token, String hint, long requests, long errors) {
    return row(
        Reports.ERROR_RATES_BY_TOKEN,
        "window_start",
        window,
        "window_end",
        window.plusSeconds(3600),
        "provider",
        provider,
        "token_id",
        token,
        "token_hint",
        hint,
        "requests",
        requests,
        "errors",
        errors);
  }

  private static Map<String, String> where(String... columnsAndValues) {
    Map<String, String> where = new LinkedHashMap<>();
    for (int i = 0; i < columnsAndValues.length; i += 2) {
      where.put(columnsAndValues[i], columnsAndValues[i + 1]);
    }
    return where;
  }
}
