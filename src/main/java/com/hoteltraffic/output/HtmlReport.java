package com.hoteltraffic.output;

import com.hoteltraffic.model.ExchangeSchema;
import com.hoteltraffic.report.Reports;
import com.hoteltraffic.report.access.AccessDenied;
import com.hoteltraffic.report.alert.Alert;
import com.hoteltraffic.report.alert.AlertRules;
import com.hoteltraffic.report.alert.PreviousRun;
import com.hoteltraffic.report.alert.Severity;
import com.hoteltraffic.report.behaviour.ClientBehaviour;
import com.hoteltraffic.report.bookings.BookingReconciliation;
import com.hoteltraffic.report.bursts.RateLimitBursts;
import com.hoteltraffic.report.codes.ErrorCodes;
import com.hoteltraffic.report.credentials.CredentialHealth;
import com.hoteltraffic.report.engine.ReportResults;
import com.hoteltraffic.report.outages.DbOutages;
import com.hoteltraffic.report.parsing.BodyParseFailures;
import com.hoteltraffic.report.rates.ErrorRates;
import com.hoteltraffic.report.rates.ErrorRatesByOperation;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * Writes {@code report.html}: picks the few bounded inputs {@link ReportPage} needs from the run's
 * report rows (already computed: no query runs here) and hands them over as plain records. Series
 * per provider and window, top-N lists, and incidents and bookings capped with the page saying
 * "showing N of M".
 */
public final class HtmlReport {
  /** Most provider windows charted: a year of hourly windows for two providers. */
  static final int MAX_SERIES_POINTS = 2 * 24 * 366;

  static final int TOP_N = 15;

  /** A hotel or credential with fewer requests is not ranked: 1 error in 2 requests says little. */
  static final long MIN_REQUESTS = 20;

  static final int MAX_INCIDENTS = 200;
  static final int MAX_BOOKINGS = 500;
  static final int MAX_CODE_ROWS = 500;

  /** Alerts listed on the page; alerts.json has every one. */
  static final int MAX_ALERTS = 500;

  private HtmlReport() {}

  /**
   * Builds the page from the run's reports and alerts and writes it to {@code target}.
   *
   * @param previous the previous run the alerts compared against, or null
   */
  public static void write(
      ReportResults reports,
      RunSummary summary,
      Duration window,
      ZoneId zone,
      List<Alert> alerts,
      PreviousRun previous,
      Path target,
      Configuration conf)
      throws IOException {
    ReportPage.Data data = data(reports, summary, window, zone);
    try (OutputStream out = target.getFileSystem(conf).create(target, true)) {
      out.write(ReportPage.render(data, alerts(alerts, previous)).getBytes(StandardCharsets.UTF_8));
    }
  }

  /**
   * The page's alerts section: the first {@link #MAX_ALERTS} alerts, critical first, and the counts
   * of all.
   */
  static ReportPage.Alerts alerts(List<Alert> alerts, PreviousRun previous) {
    Map<Severity, Long> counts = AlertRules.counts(alerts);
    return new ReportPage.Alerts(
        alerts.stream()
            .limit(MAX_ALERTS)
            .map(
                alert ->
                    new ReportPage.AlertLine(
                        alert.severity().label(),
                        alert.reason(),
                        alert.report(),
                        alert.where(),
                        alert.anchor()))
            .toList(),
        counts.get(Severity.CRITICAL),
        counts.get(Severity.WARNING),
        previous == null ? null : previous.location(),
        previous == null
            ? List.of()
            : previous.unreadable().stream()
                .map(
                    file ->
                        "Cannot read "
                            + file.file()
                            + " ("
                            + file.problem()
                            + "): not compared: "
                            + file.notCompared()
                            + ".")
                .toList());
  }

  static ReportPage.Data data(
      ReportResults reports, RunSummary summary, Duration window, ZoneId zone) {
    Rows bookings = rows(reports, Reports.UNCONFIRMED_BOOKINGS);
    return new ReportPage.Data(
        summary,
        window,
        zone,
        series(rows(reports, Reports.ERROR_RATES_BY_PROVIDER)),
        top(rows(reports, Reports.ERROR_RATES_BY_HOTEL), ExchangeSchema.HOTEL_ID, null),
        top(
            rows(reports, Reports.ERROR_RATES_BY_TOKEN),
            ExchangeSchema.TOKEN_ID,
            ExchangeSchema.TOKEN_HINT),
        MIN_REQUESTS,
        bursts(rows(reports, Reports.RATE_LIMIT_BURSTS)),
        outages(rows(reports, Reports.DB_OUTAGES)),
        bookings(bookings),
        bookingsByStatus(bookings),
        codes(rows(reports, Reports.ERROR_CODES)),
        List.of(
            operations(rows(reports, Reports.ERROR_RATES_BY_OPERATION)),
            credentials(rows(reports, Reports.CREDENTIAL_HEALTH)),
            accessDenied(rows(reports, Reports.ACCESS_DENIED)),
            clientBehaviour(rows(reports, Reports.CLIENT_BEHAVIOUR)),
            parseFailures(rows(reports, Reports.BODY_PARSE_FAILURES))));
  }

  /** Operation windows with errors or exchanges over the documented timeout, worst first. */
  static ReportPage.Table operations(Rows rates) {
    List<String> columns =
        List.of(
            ErrorRates.WINDOW_START,
            ExchangeSchema.PROVIDER,
            ErrorRatesByOperation.OPERATION,
            ErrorRates.REQUESTS,
            ErrorRates.ERRORS,
            ErrorRates.ERROR_RATE,
            ErrorRates.LATENCY_P95_MS,
            ErrorRates.LATENCY_P99_MS,
            ErrorRatesByOperation.TIMEOUT_MS,
            ErrorRatesByOperation.OVER_TIMEOUT);
    Rows notable =
        rates.filtered(
            row ->
                rates.number(row, ErrorRates.ERRORS) > 0
                    || rates.number(row, ErrorRatesByOperation.OVER_TIMEOUT) > 0);
    return table(
        "operations",
        "Error rates by operation",
        "Windows with errors or exchanges over the operation's "
            + "documented timeout, most over the timeout first, then by error rate; every window is in "
            + "error_rates_by_operation.csv.",
        columns,
        List.of(ErrorRates.WINDOW_START, ExchangeSchema.PROVIDER, ErrorRatesByOperation.OPERATION),
        notable,
        notable
            .<Long>by(ErrorRatesByOperation.OVER_TIMEOUT)
            .reversed()
            .thenComparing(notable.<Double>by(ErrorRates.ERROR_RATE).reversed()),
        MAX_INCIDENTS);
  }

  /** Every credential, the ones to act on first. */
  static ReportPage.Table credentials(Rows health) {
    List<String> states =
        List.of(
            CredentialHealth.FAILING_AUTH,
            CredentialHealth.QUOTA_EXHAUSTED,
            CredentialHealth.DEGRADED,
            CredentialHealth.HEALTHY);
    int state = health.columns().indexOf(CredentialHealth.STATE);
    Comparator<Object[]> order = Comparator.comparingInt(row -> states.indexOf(row[state]));
    return table(
        "credentials",
        "Credential health",
        "failing_auth (expired or revoked: replace it), "
            + "quota_exhausted (daily quota used up), degraded, healthy; see docs/credential-health.md.",
        health.columns(),
        List.of(CredentialHealth.PROVIDER, CredentialHealth.TOKEN_ID),
        health,
        order,
        MAX_BOOKINGS);
  }

  /** Every credential × hotel with denials, most denials first. */
  static ReportPage.Table accessDenied(Rows denied) {
    Comparator<Object[]> order =
        Comparator.comparingLong(
            row ->
                -(denied.number(row, AccessDenied.FORBIDDEN)
                    + denied.number(row, AccessDenied.FORBIDDEN_ACTION)
                    + denied.number(row, AccessDenied.UNCLASSIFIED)));
    return table(
        "access-denied",
        "Access denied",
        "Most denials first. ever_succeeded false: a hotel the "
            + "credential never had; true with last_success before first_seen: a permission that was removed. "
            + "unclassified: 403s whose reason neither the body nor (Hotelbeds) the X-Mashery-Error-Code "
            + "header named, not proof of a missing permission: check the recorded response's "
            + "X-Mashery-Error-Code header and its body.",
        denied.columns(),
        List.of(AccessDenied.PROVIDER, AccessDenied.TOKEN_ID, AccessDenied.HOTEL_ID),
        denied,
        order,
        MAX_INCIDENTS);
  }

  /** Credentials that wasted calls, most wasted first. */
  static ReportPage.Table clientBehaviour(Rows behaviour) {
    Rows wasteful =
        behaviour.filtered(
            row ->
                behaviour.number(row, ClientBehaviour.WASTED) > 0
                    || behaviour.number(row, ClientBehaviour.FAST_RETRIES) > 0);
    return table(
        "client-behaviour",
        "Client behaviour",
        "Credentials that resent calls the documents say to fix, "
            + "retried in under 1 s or kept sending into rate-limit bursts, most wasted calls first; see "
            + "docs/client-behaviour.md.",
        behaviour.columns(),
        List.of(ClientBehaviour.PROVIDER, ClientBehaviour.TOKEN_ID),
        wasteful,
        wasteful.<Long>by(ClientBehaviour.WASTED).reversed(),
        MAX_INCIDENTS);
  }

  /** Bodies that said they were JSON or XML and could not be read, most first. */
  static ReportPage.Table parseFailures(Rows failures) {
    return table(
        "body-parse-failures",
        "Bodies that could not be read",
        "Error, booking and booking-list bodies that said they were JSON or XML (Content-Type or "
            + "first character) and could not be read: the codes and booking facts they hold are "
            + "missing from the reports. Many for one provider and operation: has its format "
            + "changed? Also in run_summary.json (body_parse_failures).",
        failures.columns(),
        List.of(
            BodyParseFailures.PROVIDER,
            BodyParseFailures.OPERATION,
            BodyParseFailures.BODY,
            BodyParseFailures.FORMAT),
        failures,
        failures.<Long>by(BodyParseFailures.COUNT).reversed(),
        MAX_INCIDENTS);
  }

  private static ReportPage.Table table(
      String id,
      String title,
      String note,
      List<String> columns,
      List<String> keyColumns,
      Rows rows,
      Comparator<Object[]> order,
      int limit) {
    int[] picked = columns.stream().mapToInt(rows.columns()::indexOf).toArray();
    ReportPage.Shown<Object[]> shown =
        capped(
            rows,
            order,
            limit,
            row -> {
              Object[] values = new Object[picked.length];
              for (int i = 0; i < picked.length; i++) {
                values[i] = row[picked[i]];
              }
              return values;
            });
    return new ReportPage.Table(id, title, note, columns, keyColumns, shown);
  }

  /** The latest windows, oldest first. */
  static ReportPage.Shown<ReportPage.RatePoint> series(Rows byProvider) {
    List<Object[]> latest =
        byProvider.sorted(
            byProvider
                .<Instant>by(ErrorRates.WINDOW_START)
                .reversed()
                .thenComparing(byProvider.by(ExchangeSchema.PROVIDER)));
    List<ReportPage.RatePoint> shown = new ArrayList<>();
    for (Object[] row : latest.subList(0, Math.min(latest.size(), MAX_SERIES_POINTS))) {
      shown.add(
          0,
          new ReportPage.RatePoint(
              byProvider.get(row, ErrorRates.WINDOW_START),
              byProvider.get(row, ExchangeSchema.PROVIDER),
              byProvider.get(row, ErrorRates.REQUESTS),
              byProvider.get(row, ErrorRates.ERRORS),
              byProvider.get(row, ErrorRates.LATENCY_P50_MS),
              byProvider.get(row, ErrorRates.LATENCY_P95_MS),
              byProvider.get(row, ErrorRates.LATENCY_P99_MS)));
    }
    return new ReportPage.Shown<>(shown, latest.size());
  }

  /** Keys (hotels or credentials) with the highest error rate over the run. */
  static ReportPage.Shown<ReportPage.TopRow> top(Rows rates, String key, String hintColumn) {
    Map<List<String>, ReportPage.TopRow> totals =
        new TreeMap<>(
            Comparator.<List<String>, String>comparing(k -> k.get(0), ReportResults::compareValues)
                .thenComparing(k -> k.get(1), ReportResults::compareValues));
    for (Object[] row : rates.rows()) {
      String keyValue = rates.get(row, key);
      if (keyValue != null) {
        String hint = hintColumn == null ? null : rates.get(row, hintColumn);
        ReportPage.TopRow one =
            new ReportPage.TopRow(
                rates.get(row, ExchangeSchema.PROVIDER),
                keyValue,
                hint == null ? "" : hint,
                rates.<Long>get(row, ErrorRates.REQUESTS),
                rates.<Long>get(row, ErrorRates.ERRORS),
                rates.get(row, ErrorRates.LATENCY_P95_MS));
        totals.merge(List.of(one.provider(), keyValue), one, HtmlReport::sum);
      }
    }
    List<ReportPage.TopRow> ranked =
        totals.values().stream()
            .filter(t -> t.requests() >= MIN_REQUESTS)
            .sorted(
                Comparator.comparingDouble(
                        (ReportPage.TopRow t) -> (double) t.errors() / t.requests())
                    .reversed()
                    .thenComparing(Comparator.comparingLong(ReportPage.TopRow::errors).reversed()))
            .toList();
    return new ReportPage.Shown<>(ranked.subList(0, Math.min(TOP_N, ranked.size())), ranked.size());
  }

  private static ReportPage.TopRow sum(ReportPage.TopRow a, ReportPage.TopRow b) {
    Long worst =
        a.worstP95Ms() == null
            ? b.worstP95Ms()
            : b.worstP95Ms() == null
                ? a.worstP95Ms()
                : Long.valueOf(Math.max(a.worstP95Ms(), b.worstP95Ms()));
    String hint = a.hint().isEmpty() ? b.hint() : a.hint();
    return new ReportPage.TopRow(
        a.provider(), a.key(), hint, a.requests() + b.requests(), a.errors() + b.errors(), worst);
  }

  static ReportPage.Shown<ReportPage.Burst> bursts(Rows bursts) {
    return capped(
        bursts,
        bursts
            .<Instant>by(RateLimitBursts.START)
            .thenComparing(bursts.by(RateLimitBursts.PROVIDER))
            .thenComparing(bursts.by(RateLimitBursts.TOKEN_ID)),
        MAX_INCIDENTS,
        row ->
            new ReportPage.Burst(
                bursts.get(row, RateLimitBursts.PROVIDER),
                    bursts.get(row, RateLimitBursts.TOKEN_ID),
                bursts.get(row, RateLimitBursts.KIND), bursts.get(row, RateLimitBursts.START),
                bursts.get(row, RateLimitBursts.END), bursts.number(row, RateLimitBursts.REJECTED),
                bursts.number(row, RateLimitBursts.REQUESTS),
                    bursts.get(row, RateLimitBursts.CLIENT_BACKOFF)));
  }

  static ReportPage.Shown<ReportPage.Outage> outages(Rows outages) {
    return capped(
        outages,
        outages
            .<Instant>by(DbOutages.START)
            .thenComparing(outages.by(DbOutages.PROVIDER))
            .thenComparing(outages.by(DbOutages.HOTEL_ID)),
        MAX_INCIDENTS,
        row ->
            new ReportPage.Outage(
                outages.get(row, DbOutages.PROVIDER),
                outages.get(row, DbOutages.SCOPE),
                outages.get(row, DbOutages.HOTEL_ID),
                outages.get(row, DbOutages.START),
                outages.get(row, DbOutages.END),
                outages.number(row, DbOutages.FAILED_REQUESTS),
                outages.get(row, DbOutages.RECOVERED_AT)));
  }

  /** Bookings in the order ops act on them: by status priority, then by attempt time. */
  static ReportPage.Shown<ReportPage.Booking> bookings(Rows bookings) {
    Comparator<Object[]> priority =
        Comparator.comparingInt(
            row -> {
              int index =
                  ReportPage.STATUS_ORDER.indexOf(
                      bookings.<String>get(row, BookingReconciliation.STATUS));
              return index < 0 ? ReportPage.STATUS_ORDER.size() : index;
            });
    return capped(
        bookings,
        priority
            .thenComparing(bookings.by(BookingReconciliation.STATUS))
            .thenComparing(bookings.by(BookingReconciliation.ATTEMPT_TS))
            .thenComparing(bookings.by(BookingReconciliation.CLIENT_REFERENCE)),
        MAX_BOOKINGS,
        row ->
            new ReportPage.Booking(
                bookings.get(row, BookingReconciliation.ACTION),
                    bookings.get(row, BookingReconciliation.STATUS),
                bookings.get(row, BookingReconciliation.ATTEMPT_TS),
                    bookings.get(row, BookingReconciliation.HOTEL_ID),
                bookings.get(row, BookingReconciliation.TOKEN_ID),
                    bookings.get(row, BookingReconciliation.CLIENT_REFERENCE),
                bookings.get(row, BookingReconciliation.OUTCOME),
                    bookings.get(row, BookingReconciliation.BOOKING_REFERENCE),
                bookings.get(row, BookingReconciliation.EVIDENCE),
                    bookings.get(row, BookingReconciliation.EVIDENCE_TS)));
  }

  /** Count per status, in status order. */
  static Map<String, Long> bookingsByStatus(Rows bookings) {
    Map<String, Long> counts = new TreeMap<>(Comparator.nullsFirst(Comparator.naturalOrder()));
    for (Object[] row : bookings.rows()) {
      counts.merge(bookings.get(row, BookingReconciliation.STATUS), 1L, Long::sum);
    }
    return new LinkedHashMap<>(counts);
  }

  static ReportPage.Shown<ReportPage.CodeRow> codes(Rows codes) {
    return capped(
        codes,
        codes
            .<Long>by(ErrorCodes.COUNT)
            .reversed()
            .thenComparing(codes.by(ExchangeSchema.PROVIDER))
            .thenComparing(codes.by(ExchangeSchema.ERROR_CODE)),
        MAX_CODE_ROWS,
        row ->
            new ReportPage.CodeRow(
                codes.get(row, ExchangeSchema.PROVIDER), codes.get(row, ExchangeSchema.HTTP_STATUS),
                codes.get(row, ExchangeSchema.ERROR_CODE),
                    codes.get(row, ExchangeSchema.ERROR_CLASS),
                codes.number(row, ErrorCodes.COUNT), codes.get(row, ExchangeSchema.DOCUMENTED),
                codes.get(row, ErrorCodes.FIRST_SEEN), codes.get(row, ErrorCodes.LAST_SEEN)));
  }

  /** The first {@code limit} rows in {@code order}, and how many there are in all. */
  private static <T> ReportPage.Shown<T> capped(
      Rows rows, Comparator<Object[]> order, int limit, Function<Object[], T> convert) {
    List<Object[]> sorted = rows.sorted(order);
    return new ReportPage.Shown<>(
        sorted.stream().limit(limit).map(convert).toList(), sorted.size());
  }

  private static Rows rows(ReportResults reports, String name) {
    return new Rows(reports.spec(name).columns(), reports.rows(name));
  }

  /** One report's rows with access by column name. */
  record Rows(List<String> columns, List<Object[]> rows) {
    @SuppressWarnings("unchecked")
    <T> T get(Object[] row, String column) {
      return (T) row[index(column)];
    }

    long number(Object[] row, String column) {
      return row[index(column)] instanceof Number n ? n.longValue() : 0;
    }

    /** Ascending by one column, nulls first, as Spark orders. */
    <T> Comparator<Object[]> by(String column) {
      int index = index(column);
      return (a, b) -> ReportResults.compareValues(a[index], b[index]);
    }

    /** The rows that pass {@code keep}. */
    Rows filtered(java.util.function.Predicate<Object[]> keep) {
      return new Rows(columns, rows.stream().filter(keep).toList());
    }

    /** A sorted copy; the sort is stable over the report's own total order. */
    List<Object[]> sorted(Comparator<Object[]> order) {
      List<Object[]> copy = new ArrayList<>(rows);
      copy.sort(order);
      return copy;
    }

    private int index(String column) {
      int index = columns.indexOf(column);
      if (index < 0) {
        throw new IllegalArgumentException("No column " + column + " in " + columns);
      }
      return index;
    }
  }
}
