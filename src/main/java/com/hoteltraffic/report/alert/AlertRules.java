package com.hoteltraffic.report.alert;

import com.hoteltraffic.model.ErrorClass;
import com.hoteltraffic.model.ExchangeSchema;
import com.hoteltraffic.report.Reports;
import com.hoteltraffic.report.bookings.BookingReconciliation;
import com.hoteltraffic.report.codes.ErrorCodes;
import com.hoteltraffic.report.credentials.CredentialHealth;
import com.hoteltraffic.report.engine.ReportResults;
import com.hoteltraffic.report.outages.DbOutages;
import com.hoteltraffic.report.rates.ErrorRates;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What ops should act on, decided from one run's report rows and, where a rule compares, the
 * previous run's ({@link PreviousRun}). Plain Java over rows already computed; the rate rises read
 * a streamed report ({@code error_rates_by_hotel}, {@code _by_token}) through {@link
 * ReportResults#grouped}, so for a large run the same rules run where its rows are.
 *
 * <table>
 *   <caption>Alert kinds</caption>
 *   <tr><th>kind</th><th>severity</th><th>when</th></tr>
 *   <tr><td>{@value #BOOKING_DUPLICATE}</td><td>critical</td><td>an {@code unconfirmed_bookings} row
 *       with status {@code DUPLICATE} of which at least two bookings are not {@code CANCELLED} (one
 *       with at most one left standing needs nothing done, as its action says)</td></tr>
 *   <tr><td>{@value #BOOKING_UNRESOLVED}</td><td>warning</td><td>a row with status {@code UNRESOLVED}:
 *       someone must look the booking up by hand</td></tr>
 *   <tr><td>{@value #BOOKING_ON_RETRY}</td><td>warning</td><td>a row with status {@code
 *       BOOKED_ON_RETRY}: the retry booked, and the attempt may have made a second booking that
 *       someone must rule out with BookingList</td></tr>
 *   <tr><td>{@value #DB_OUTAGE}</td><td>critical for scope {@code central} (every hotel), warning for
 *       {@code tenant}</td><td>a {@code db_outages} row</td></tr>
 *   <tr><td>{@value #CREDENTIAL_FAILING_AUTH}</td><td>critical</td><td>a {@code credential_health} row
 *       in state {@code failing_auth}, unless the previous run showed that credential in that state
 *       already (the alert is for the turn, once) and it was not accepted between that run's last
 *       request and its new {@code since} (see {@link #again}); the reason quotes the row's
 *       {@code remedy}</td></tr>
 *   <tr><td>{@value #CREDENTIAL_QUOTA_EXHAUSTED}</td><td>warning (the daily quota resets by
 *       itself)</td><td>the same for state {@code quota_exhausted}; also when its {@code since} falls
 *       on a later UTC day than the previous run's (each day's quota is new)</td></tr>
 *   <tr><td>{@value #NEW_ERROR_CODE}</td><td>warning</td><td>an {@code error_codes} row of an error
 *       class (not {@code ok}) whose provider × HTTP status × code the previous run's report does
 *       not hold</td></tr>
 *   <tr><td>{@value #HOTEL_ERROR_RATE_ROSE} / {@value #CREDENTIAL_ERROR_RATE_ROSE}</td><td>warning;
 *       critical at or above the critical rise</td><td>see below</td></tr>
 * </table>
 *
 * <p>Error-rate rise: per provider × hotel ({@code error_rates_by_hotel}) and per provider ×
 * credential ({@code error_rates_by_token}), requests and errors are summed over all windows of a
 * run, and the run's rate is {@code errors / requests}. A key alerts when it had at least {@code
 * minRequests} requests in this run <em>and</em> in the previous one, and {@code rate − previous
 * rate ≥ rateRise} (percentage points; the boundary alerts), computed exactly in integers. Rows
 * with an empty hotel or credential (exchanges that name none) are not a hotel or credential and
 * never alert. Without a previous run, the comparing rules (new code, rate rise) yield nothing; a
 * previous run's report that could not be read skips the comparisons that need it.
 *
 * <p>Alerts are listed critical first, then by kind in the order above, then in their report's row
 * order (rate rises by provider and key).
 */
public final class AlertRules {
  public static final String BOOKING_DUPLICATE = "booking_duplicate";
  public static final String BOOKING_UNRESOLVED = "booking_unresolved";
  public static final String BOOKING_ON_RETRY = "booking_on_retry";
  public static final String DB_OUTAGE = "db_outage";
  public static final String CREDENTIAL_FAILING_AUTH = "credential_failing_auth";
  public static final String CREDENTIAL_QUOTA_EXHAUSTED = "credential_quota_exhausted";
  public static final String NEW_ERROR_CODE = "new_error_code";
  public static final String HOTEL_ERROR_RATE_ROSE = "hotel_error_rate_rose";
  public static final String CREDENTIAL_ERROR_RATE_ROSE = "credential_error_rate_rose";

  /** Every kind, in listing order. */
  public static final List<String> KINDS =
      List.of(
          BOOKING_DUPLICATE,
          BOOKING_UNRESOLVED,
          BOOKING_ON_RETRY,
          DB_OUTAGE,
          CREDENTIAL_FAILING_AUTH,
          CREDENTIAL_QUOTA_EXHAUSTED,
          NEW_ERROR_CODE,
          HOTEL_ERROR_RATE_ROSE,
          CREDENTIAL_ERROR_RATE_ROSE);

  /** Page sections (ids on {@code report.html}) that show each report's rows. */
  static final String SECTION_DUPLICATE = "bookings-" + BookingReconciliation.DUPLICATE;

  static final String SECTION_UNRESOLVED = "bookings-" + BookingReconciliation.UNRESOLVED;
  static final String SECTION_ON_RETRY = "bookings-" + BookingReconciliation.BOOKED_ON_RETRY;
  static final String SECTION_OUTAGES = "outages";
  static final String SECTION_CODES = "codes";
  static final String SECTION_TOP_HOTELS = "top-hotels";
  static final String SECTION_TOP_CREDENTIALS = "top-credentials";

  /** The {@code credential_health} section. */
  static final String SECTION_CREDENTIALS = "credentials";

  /** The credential states that raise an alert. */
  static final List<String> ALERTING_STATES =
      List.of(CredentialHealth.FAILING_AUTH, CredentialHealth.QUOTA_EXHAUSTED);

  private AlertRules() {}

  /**
   * Every alert of a run.
   *
   * @param previous the previous run's facts, or null when there is none
   */
  public static List<Alert> evaluate(
      ReportResults results, PreviousRun previous, AlertThresholds thresholds) {
    List<Alert> alerts = new ArrayList<>();
    alerts.addAll(bookings(results));
    alerts.addAll(outages(results));
    alerts.addAll(credentials(results, previous));
    if (previous != null && previous.codes() != null) {
      alerts.addAll(newCodes(results, previous));
    }
    if (previous != null) {
      alerts.addAll(rateRises(results, previous, thresholds));
    }
    alerts.sort(
        Comparator.comparing(Alert::severity)
            .reversed()
            .thenComparingInt(alert -> KINDS.indexOf(alert.kind())));
    return alerts;
  }

  /** How many alerts of each severity, critical first; both severities always present. */
  public static Map<Severity, Long> counts(List<Alert> alerts) {
    Map<Severity, Long> counts = new EnumMap<>(Severity.class);
    for (Severity severity : Severity.values()) {
      counts.put(severity, alerts.stream().filter(a -> a.severity() == severity).count());
    }
    Map<Severity, Long> criticalFirst = new LinkedHashMap<>();
    criticalFirst.put(Severity.CRITICAL, counts.get(Severity.CRITICAL));
    criticalFirst.put(Severity.WARNING, counts.get(Severity.WARNING));
    return criticalFirst;
  }

  /** Whether any alert is at or above {@code threshold}. */
  public static boolean anyAtLeast(List<Alert> alerts, Severity threshold) {
    return alerts.stream().anyMatch(alert -> alert.severity().atLeast(threshold));
  }

  static List<Alert> bookings(ReportResults results) {
    Table table = Table.of(results, Reports.UNCONFIRMED_BOOKINGS);
    List<Alert> alerts = new ArrayList<>();
    for (Object[] row : table.rows()) {
      String status = table.text(row, BookingReconciliation.STATUS);
      String kind = bookingKind(status, table.text(row, BookingReconciliation.BOOKING_STATUS));
      if (kind == null) {
        continue;
      }
      String reason =
          status
              + " booking of client reference "
              + table.text(row, BookingReconciliation.CLIENT_REFERENCE)
              + " at hotel "
              + orNone(table.text(row, BookingReconciliation.HOTEL_ID))
              + " ("
              + table.text(row, BookingReconciliation.OUTCOME)
              + " at "
              + table.cell(row, BookingReconciliation.ATTEMPT_TS)
              + "): "
              + table.text(row, BookingReconciliation.ACTION);
      boolean duplicate = BOOKING_DUPLICATE.equals(kind);
      alerts.add(
          new Alert(
              duplicate ? Severity.CRITICAL : Severity.WARNING,
              kind,
              reason,
              Reports.UNCONFIRMED_BOOKINGS,
              table.where(
                  row, BookingReconciliation.ATTEMPT_TS, BookingReconciliation.CLIENT_REFERENCE),
              duplicate
                  ? SECTION_DUPLICATE
                  : BOOKING_ON_RETRY.equals(kind) ? SECTION_ON_RETRY : SECTION_UNRESOLVED));
    }
    return alerts;
  }

  /** The alert kind of an {@code unconfirmed_bookings} row, or null when it raises none. */
  private static String bookingKind(String status, String bookingStatuses) {
    if (BookingReconciliation.DUPLICATE.equals(status)) {
      return standing(bookingStatuses) >= 2 ? BOOKING_DUPLICATE : null;
    }
    if (BookingReconciliation.UNRESOLVED.equals(status)) {
      return BOOKING_UNRESOLVED;
    }
    return BookingReconciliation.BOOKED_ON_RETRY.equals(status) ? BOOKING_ON_RETRY : null;
  }

  /**
   * Bookings of a DUPLICATE row not known to be cancelled ({@code booking_status} joined by ";").
   */
  static long standing(String bookingStatuses) {
    if (bookingStatuses == null || bookingStatuses.isEmpty()) {
      return 0;
    }
    return java.util.Arrays.stream(bookingStatuses.split(";", -1))
        .filter(s -> !BookingReconciliation.BOOKING_CANCELLED.equals(s))
        .count();
  }

  static List<Alert> outages(ReportResults results) {
    Table table = Table.of(results, Reports.DB_OUTAGES);
    List<Alert> alerts = new ArrayList<>();
    for (Object[] row : table.rows()) {
      boolean central = DbOutages.SCOPE_CENTRAL.equals(table.text(row, DbOutages.SCOPE));
      String provider = table.text(row, DbOutages.PROVIDER);
      Object recovered = table.value(row, DbOutages.RECOVERED_AT);
      String reason =
          (central
                  ? "Central database outage of " + provider
                  : "Tenant database outage of "
                      + provider
                      + " hotel "
                      + orNone(table.text(row, DbOutages.HOTEL_ID)))
              + ": "
              + table.value(row, DbOutages.FAILED_REQUESTS)
              + " failed requests from "
              + table.cell(row, DbOutages.START)
              + " to "
              + table.cell(row, DbOutages.END)
              + ", "
              + (recovered == null
                  ? "no recovery seen"
                  : "recovered at " + table.cell(row, DbOutages.RECOVERED_AT));
      alerts.add(
          new Alert(
              central ? Severity.CRITICAL : Severity.WARNING,
              DB_OUTAGE,
              reason,
              Reports.DB_OUTAGES,
              table.where(
                  row, DbOutages.PROVIDER, DbOutages.SCOPE, DbOutages.HOTEL_ID, DbOutages.START),
              SECTION_OUTAGES));
    }
    return alerts;
  }

  /**
   * Credentials in state failing_auth or quota_exhausted that alert: without the previous run's
   * {@code credential_health}, every one; else those whose state differs from the previous run's,
   * and those in the same state again ({@link #again}). The reason quotes the row's remedy. Nothing
   * when the run has no such report.
   */
  static List<Alert> credentials(ReportResults results, PreviousRun previous) {
    if (!Table.exists(results, Reports.CREDENTIAL_HEALTH)) {
      return List.of();
    }
    Table table = Table.of(results, Reports.CREDENTIAL_HEALTH);
    Map<PreviousRun.Key, PreviousRun.Credential> before =
        previous == null ? null : previous.credentials();
    List<Alert> alerts = new ArrayList<>();
    for (Object[] row : table.rows()) {
      String state = table.text(row, CredentialHealth.STATE);
      if (!ALERTING_STATES.contains(state)) {
        continue;
      }
      // As the previous run's CSV holds it: the row of exchanges without a credential has an empty
      // token_id there and a null one here, and must still match to alert only on the turn.
      PreviousRun.Key key =
          new PreviousRun.Key(
              table.cell(row, CredentialHealth.PROVIDER),
              table.cell(row, CredentialHealth.TOKEN_ID));
      PreviousRun.Credential earlier = before == null ? null : before.get(key);
      String again = "";
      if (earlier != null && state.equals(earlier.state())) {
        again =
            again(
                state,
                table.instant(row, CredentialHealth.SINCE),
                table.instant(row, CredentialHealth.LAST_ACCEPTED),
                earlier);
        if (again == null) {
          continue;
        }
      }
      alerts.add(credentialAlert(table, row, key, state, again));
    }
    return alerts;
  }

  /**
   * Why a credential in the same alerting state as in the previous run alerts again, or null when
   * it does not: it got an accepted answer after the previous run's last request and before its
   * current {@code since} (it recovered and failed again); or, for quota_exhausted, its {@code
   * since} falls on a later UTC day than the previous run's (each day's quota is new). A credential
   * that simply keeps failing alerts once.
   *
   * @param lastAccepted the credential's last accepted answer in this run, or null
   * @return a clause for the reason ("" never)
   */
  static String again(
      String state, Instant since, Instant lastAccepted, PreviousRun.Credential earlier) {
    if (lastAccepted != null
        && earlier.lastSeen() != null
        && lastAccepted.isAfter(earlier.lastSeen())
        && lastAccepted.isBefore(since)) {
      return " again: it was accepted at "
          + lastAccepted
          + ", after the previous run's last request at "
          + earlier.lastSeen();
    }
    if (CredentialHealth.QUOTA_EXHAUSTED.equals(state)
        && earlier.since() != null
        && utcDay(since).isAfter(utcDay(earlier.since()))) {
      return " again on a new day (the previous run's was used up since " + earlier.since() + ")";
    }
    return null;
  }

  private static java.time.LocalDate utcDay(Instant instant) {
    return java.time.LocalDate.ofInstant(instant, java.time.ZoneOffset.UTC);
  }

  private static Alert credentialAlert(
      Table table, Object[] row, PreviousRun.Key key, String state, String again) {
    boolean failingAuth = CredentialHealth.FAILING_AUTH.equals(state);
    String credential =
        "Credential "
            + orNone(key.id())
            + hint(table.text(row, CredentialHealth.TOKEN_HINT))
            + " of "
            + key.provider();
    String since = table.cell(row, CredentialHealth.SINCE);
    String remedy = table.text(row, CredentialHealth.REMEDY);
    String reason =
        (failingAuth
                ? credential
                    + " fails authentication since "
                    + since
                    + again
                    + ": no request since was accepted. "
                : credential
                    + " has used up its daily quota since "
                    + since
                    + again
                    + ": requests are refused until it resets. ")
            + (remedy == null || remedy.isEmpty()
                ? "Its failures' code is not documented: read the responses for the cause."
                : remedy);
    return new Alert(
        failingAuth ? Severity.CRITICAL : Severity.WARNING,
        failingAuth ? CREDENTIAL_FAILING_AUTH : CREDENTIAL_QUOTA_EXHAUSTED,
        reason,
        Reports.CREDENTIAL_HEALTH,
        table.where(row, CredentialHealth.PROVIDER, CredentialHealth.TOKEN_ID),
        SECTION_CREDENTIALS);
  }

  static List<Alert> newCodes(ReportResults results, PreviousRun previous) {
    Table table = Table.of(results, Reports.ERROR_CODES);
    List<Alert> alerts = new ArrayList<>();
    for (Object[] row : table.rows()) {
      if (ErrorClass.OK.equals(table.text(row, ExchangeSchema.ERROR_CLASS))) {
        continue;
      }
      PreviousRun.CodeKey key =
          new PreviousRun.CodeKey(
              table.text(row, ExchangeSchema.PROVIDER),
              table.cell(row, ExchangeSchema.HTTP_STATUS),
              table.text(row, ExchangeSchema.ERROR_CODE));
      if (previous.codes().contains(key)) {
        continue;
      }
      Object documented = table.value(row, ExchangeSchema.DOCUMENTED);
      String reason =
          "New error code "
              + key.provider()
              + " "
              + (key.httpStatus().isEmpty() ? "no response" : "HTTP " + key.httpStatus())
              + " "
              + key.errorCode()
              + " ("
              + table.text(row, ExchangeSchema.ERROR_CLASS)
              + (Boolean.FALSE.equals(documented) ? ", undocumented" : "")
              + "): "
              + table.value(row, ErrorCodes.COUNT)
              + " times from "
              + table.cell(row, ErrorCodes.FIRST_SEEN)
              + " to "
              + table.cell(row, ErrorCodes.LAST_SEEN)
              + ", never seen in the previous run";
      alerts.add(
          new Alert(
              Severity.WARNING,
              NEW_ERROR_CODE,
              reason,
              Reports.ERROR_CODES,
              table.where(
                  row,
                  ExchangeSchema.PROVIDER,
                  ExchangeSchema.HTTP_STATUS,
                  ExchangeSchema.ERROR_CODE),
              SECTION_CODES));
    }
    return alerts;
  }

  /** The rate rises of each table whose previous counts were read (an unreadable one: none). */
  static List<Alert> rateRises(
      ReportResults results, PreviousRun previous, AlertThresholds thresholds) {
    List<Alert> alerts = new ArrayList<>();
    if (previous.hotelRates() != null) {
      alerts.addAll(
          rateRises(
              results,
              Reports.ERROR_RATES_BY_HOTEL,
              ExchangeSchema.HOTEL_ID,
              previous.hotelRates(),
              thresholds,
              HOTEL_ERROR_RATE_ROSE,
              SECTION_TOP_HOTELS));
    }
    if (previous.tokenRates() == null) {
      return alerts;
    }
    alerts.addAll(
        rateRises(
            results,
            Reports.ERROR_RATES_BY_TOKEN,
            ExchangeSchema.TOKEN_ID,
            previous.tokenRates(),
            thresholds,
            CREDENTIAL_ERROR_RATE_ROSE,
            SECTION_TOP_CREDENTIALS));
    return alerts;
  }

  /**
   * The keys of a report of rates per key and window whose rate rose. The report is streamed (a row
   * per key and window): each key's windows are summed and compared where the rows are, and only
   * the keys that alert reach the driver, by provider and key.
   */
  private static List<Alert> rateRises(
      ReportResults results,
      String report,
      String keyColumn,
      Map<PreviousRun.Key, PreviousRun.Counts> before,
      AlertThresholds thresholds,
      String kind,
      String section) {
    List<String> columns = results.spec(report).columns();
    RateTotals totals =
        new RateTotals(
            columns.indexOf(ExchangeSchema.PROVIDER),
            columns.indexOf(keyColumn),
            columns.indexOf(ExchangeSchema.TOKEN_HINT),
            columns.indexOf(ErrorRates.REQUESTS),
            columns.indexOf(ErrorRates.ERRORS));
    ReportResults.Top rising =
        results.grouped(
            report,
            totals,
            total ->
                riseSeverity(
                        before.get(RateTotals.key(total)), RateTotals.counts(total), thresholds)
                    != null,
            (a, b) -> KEY_ORDER.compare(RateTotals.key(a), RateTotals.key(b)),
            Integer.MAX_VALUE);
    List<Alert> alerts = new ArrayList<>();
    for (Object[] total : rising.rows()) {
      PreviousRun.Key key = RateTotals.key(total);
      PreviousRun.Counts current = RateTotals.counts(total);
      PreviousRun.Counts earlier = before.get(key);
      Severity severity = riseSeverity(earlier, current, thresholds);
      String what =
          HOTEL_ERROR_RATE_ROSE.equals(kind)
              ? key.provider() + " hotel " + key.id()
              : "credential " + key.id() + hint((String) total[4]) + " of " + key.provider();
      String reason =
          "Error rate of "
              + what
              + " rose from "
              + percent(earlier)
              + " in the previous run to "
              + percent(current)
              + ", "
              + points(earlier, current);
      Map<String, String> where = new LinkedHashMap<>();
      where.put(ExchangeSchema.PROVIDER, key.provider());
      where.put(keyColumn, key.id());
      alerts.add(new Alert(severity, kind, reason, report, where, section));
    }
    return alerts;
  }

  /**
   * A hotel's or credential's requests and errors over its windows: provider, id, requests, errors,
   * and the credential's hint (null for none). Rows with no id are not a hotel or credential.
   */
  private record RateTotals(int provider, int id, int hint, int requests, int errors)
      implements ReportResults.Grouping {
    static PreviousRun.Key key(Object[] total) {
      return new PreviousRun.Key((String) total[0], (String) total[1]);
    }

    static PreviousRun.Counts counts(Object[] total) {
      return new PreviousRun.Counts((Long) total[2], (Long) total[3]);
    }

    @Override
    public String group(Object[] row) {
      Object key = row[id];
      if (key == null || key.toString().isEmpty()) {
        return null;
      }
      return ReportResults.groupKey(row[provider], key);
    }

    @Override
    public Object[] value(Object[] row) {
      return new Object[] {
        row[provider] == null ? null : row[provider].toString(),
        row[id].toString(),
        number(row[requests]),
        number(row[errors]),
        hint < 0 || row[hint] == null ? null : row[hint].toString()
      };
    }

    /**
     * The hint is a credential's own (the same in each of its rows): the one there is, the smaller
     * if two differ, so the sum does not depend on which part comes first.
     */
    @Override
    public Object[] merge(Object[] a, Object[] b) {
      String hintA = (String) a[4];
      String hintB = (String) b[4];
      String hinted =
          hintA == null
              ? hintB
              : hintB == null || ReportResults.compareValues(hintA, hintB) <= 0 ? hintA : hintB;
      return new Object[] {
        a[0], a[1], (Long) a[2] + (Long) b[2], (Long) a[3] + (Long) b[3], hinted
      };
    }

    private static long number(Object value) {
      return value instanceof Number n ? n.longValue() : 0;
    }
  }

  /**
   * The severity of a rise from {@code earlier} to {@code current}, or null for none: both need
   * {@code minRequests}, and the rise {@code e1/r1 − e0/r0} is compared with the thresholds
   * exactly, as {@code (e1·r0 − e0·r1) ≥ t·r0·r1}.
   */
  static Severity riseSeverity(
      PreviousRun.Counts earlier, PreviousRun.Counts current, AlertThresholds thresholds) {
    if (earlier == null
        || earlier.requests() < thresholds.minRequests()
        || current.requests() < thresholds.minRequests()) {
      return null;
    }
    BigDecimal rise =
        new BigDecimal(
            BigInteger.valueOf(current.errors())
                .multiply(BigInteger.valueOf(earlier.requests()))
                .subtract(
                    BigInteger.valueOf(earlier.errors())
                        .multiply(BigInteger.valueOf(current.requests()))));
    BigDecimal base =
        new BigDecimal(
            BigInteger.valueOf(earlier.requests())
                .multiply(BigInteger.valueOf(current.requests())));
    if (rise.compareTo(thresholds.rateRiseCritical().multiply(base)) >= 0) {
      return Severity.CRITICAL;
    }
    if (rise.compareTo(thresholds.rateRise().multiply(base)) >= 0) {
      return Severity.WARNING;
    }
    return null;
  }

  private static final Comparator<PreviousRun.Key> KEY_ORDER =
      (a, b) -> {
        int compared = ReportResults.compareValues(a.provider(), b.provider());
        return compared != 0 ? compared : ReportResults.compareValues(a.id(), b.id());
      };

  /** "12.50% (25 of 200)". */
  static String percent(PreviousRun.Counts counts) {
    return String.format(Locale.ROOT, "%.2f%%", 100.0 * counts.errors() / counts.requests())
        + " ("
        + counts.errors()
        + " of "
        + counts.requests()
        + ")";
  }

  /** "+12.50 points". */
  private static String points(PreviousRun.Counts earlier, PreviousRun.Counts current) {
    BigDecimal now =
        BigDecimal.valueOf(current.errors())
            .divide(BigDecimal.valueOf(current.requests()), MathContext.DECIMAL64);
    BigDecimal then =
        BigDecimal.valueOf(earlier.errors())
            .divide(BigDecimal.valueOf(earlier.requests()), MathContext.DECIMAL64);
    return String.format(Locale.ROOT, "+%.2f points", now.subtract(then).movePointRight(2));
  }

  private static String hint(String hint) {
    return hint == null || hint.isEmpty() ? "" : " (" + hint + ")";
  }

  private static String orNone(String value) {
    return value == null || value.isEmpty() ? "(none)" : value;
  }

  /** One report's rows with access by column name. */
  private record Table(String name, List<String> columns, List<Object[]> rows) {
    static boolean exists(ReportResults results, String name) {
      return results.specs().stream().anyMatch(spec -> spec.name().equals(name));
    }

    static Table of(ReportResults results, String name) {
      return new Table(name, results.spec(name).columns(), results.rows(name));
    }

    boolean has(String column) {
      return columns.contains(column);
    }

    Object value(Object[] row, String column) {
      int index = columns.indexOf(column);
      if (index < 0) {
        throw new IllegalArgumentException("No column " + column + " in " + name + ": " + columns);
      }
      return row[index];
    }

    String text(Object[] row, String column) {
      Object value = value(row, column);
      return value == null ? null : value.toString();
    }

    /** A timestamp cell as an instant, or null when empty. */
    Instant instant(Object[] row, String column) {
      Object value = value(row, column);
      return value instanceof java.sql.Timestamp ts ? ts.toInstant() : (Instant) value;
    }

    long number(Object[] row, String column) {
      return value(row, column) instanceof Number n ? n.longValue() : 0;
    }

    /** A value as the CSV writes it: ISO-8601 UTC for timestamps, empty for none. */
    String cell(Object[] row, String column) {
      Object value = value(row, column);
      if (value == null) {
        return "";
      }
      return value instanceof java.sql.Timestamp ts
          ? ts.toInstant().toString()
          : value instanceof Instant instant ? instant.toString() : value.toString();
    }

    Map<String, String> where(Object[] row, String... keyColumns) {
      Map<String, String> where = new LinkedHashMap<>();
      for (String column : keyColumns) {
        where.put(column, cell(row, column));
      }
      return where;
    }
  }
}
