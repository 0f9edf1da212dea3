package com.hoteltraffic.output;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import com.hoteltraffic.model.ExchangeSchema;
import com.hoteltraffic.report.BookingReconciliation;
import com.hoteltraffic.report.DbOutages;
import com.hoteltraffic.report.ErrorCodes;
import com.hoteltraffic.report.ErrorRates;
import com.hoteltraffic.report.RateLimitBursts;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Writes {@code report.html}: collects the few bounded inputs {@link ReportPage} needs from the
 * run's Parquet tables and hands them over as plain records. Every collect is bounded: series
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

  private static final String TOTAL_REQUESTS = "_requests";
  private static final String TOTAL_ERRORS = "_errors";
  private static final String WORST_P95 = "_worst_p95";
  private static final String RATE = "_rate";
  private static final String HINT = "_hint";

  private HtmlReport() {}

  /**
   * Builds and writes the page.
   *
   * @param tables the run's {@code tables/} directory (exchanges and every report as Parquet)
   */
  public static void write(
      SparkSession spark, RunSummary summary, Path tables, Duration window, ZoneId zone, Path target,
      Configuration conf) throws IOException {
    Function<String, Dataset<Row>> table = name -> spark.read().parquet(new Path(tables, name).toString());
    ReportPage.Data data = new ReportPage.Data(
        summary, window, zone,
        series(ErrorRates.byProvider(table.apply("exchanges"), window, zone)),
        top(table.apply("error_rates_by_hotel"), ExchangeSchema.HOTEL_ID, null),
        top(table.apply("error_rates_by_token"), ExchangeSchema.TOKEN_ID, ExchangeSchema.TOKEN_HINT),
        MIN_REQUESTS,
        bursts(table.apply("rate_limit_bursts")),
        outages(table.apply("db_outages")),
        bookings(table.apply("unconfirmed_bookings")),
        bookingsByStatus(table.apply("unconfirmed_bookings")),
        codes(table.apply("error_codes")));
    try (OutputStream out = target.getFileSystem(conf).create(target, true)) {
      out.write(ReportPage.render(data).getBytes(StandardCharsets.UTF_8));
    }
  }

  /** The latest windows, oldest first. */
  static ReportPage.Shown<ReportPage.RatePoint> series(Dataset<Row> byProvider) {
    List<ReportPage.RatePoint> points = new ArrayList<>();
    for (Row row : byProvider.orderBy(col(ErrorRates.WINDOW_START).desc(), col(ExchangeSchema.PROVIDER))
        .limit(MAX_SERIES_POINTS + 1).collectAsList()) {
      points.add(new ReportPage.RatePoint(instant(row.getAs(ErrorRates.WINDOW_START)),
          row.getAs(ExchangeSchema.PROVIDER), row.getAs(ErrorRates.REQUESTS), row.getAs(ErrorRates.ERRORS),
          row.getAs(ErrorRates.LATENCY_P50_MS), row.getAs(ErrorRates.LATENCY_P95_MS),
          row.getAs(ErrorRates.LATENCY_P99_MS)));
    }
    long total = points.size() > MAX_SERIES_POINTS ? byProvider.count() : points.size();
    List<ReportPage.RatePoint> shown = new ArrayList<>(points.subList(0, Math.min(points.size(), MAX_SERIES_POINTS)));
    Collections.reverse(shown);
    return new ReportPage.Shown<>(shown, total);
  }

  /** Keys (hotels or credentials) with the highest error rate over the run. */
  static ReportPage.Shown<ReportPage.TopRow> top(Dataset<Row> rates, String key, String hintColumn) {
    Column hint = hintColumn == null ? lit("") : org.apache.spark.sql.functions.first(col(hintColumn), true);
    Dataset<Row> totals = rates.filter(col(key).isNotNull())
        .groupBy(col(ExchangeSchema.PROVIDER), col(key))
        .agg(sum(col(ErrorRates.REQUESTS)).as(TOTAL_REQUESTS), sum(col(ErrorRates.ERRORS)).as(TOTAL_ERRORS),
            max(col(ErrorRates.LATENCY_P95_MS)).as(WORST_P95), hint.as(HINT))
        .filter(col(TOTAL_REQUESTS).geq(MIN_REQUESTS))
        .withColumn(RATE, col(TOTAL_ERRORS).divide(col(TOTAL_REQUESTS)));
    List<ReportPage.TopRow> rows = new ArrayList<>();
    for (Row row : totals.orderBy(col(RATE).desc(), col(TOTAL_ERRORS).desc(), col(ExchangeSchema.PROVIDER), col(key))
        .limit(TOP_N).collectAsList()) {
      String hintValue = row.getAs(HINT);
      rows.add(new ReportPage.TopRow(row.getAs(ExchangeSchema.PROVIDER), row.getAs(key),
          hintValue == null ? "" : hintValue, row.getAs(TOTAL_REQUESTS), row.getAs(TOTAL_ERRORS),
          row.getAs(WORST_P95)));
    }
    long total = rows.size() < TOP_N ? rows.size() : totals.count();
    return new ReportPage.Shown<>(rows, total);
  }

  static ReportPage.Shown<ReportPage.Burst> bursts(Dataset<Row> bursts) {
    return capped(bursts.orderBy(col(RateLimitBursts.START), col(RateLimitBursts.PROVIDER),
        col(RateLimitBursts.TOKEN_ID)), MAX_INCIDENTS, row -> new ReportPage.Burst(
            row.getAs(RateLimitBursts.PROVIDER), row.getAs(RateLimitBursts.TOKEN_ID), row.getAs(RateLimitBursts.KIND),
            instant(row.getAs(RateLimitBursts.START)), instant(row.getAs(RateLimitBursts.END)),
            number(row.getAs(RateLimitBursts.REJECTED)), number(row.getAs(RateLimitBursts.REQUESTS)),
            row.getAs(RateLimitBursts.CLIENT_BACKOFF)));
  }

  static ReportPage.Shown<ReportPage.Outage> outages(Dataset<Row> outages) {
    return capped(outages.orderBy(col(DbOutages.START), col(DbOutages.PROVIDER), col(DbOutages.HOTEL_ID)),
        MAX_INCIDENTS, row -> new ReportPage.Outage(
            row.getAs(DbOutages.PROVIDER), row.getAs(DbOutages.SCOPE), row.getAs(DbOutages.HOTEL_ID),
            instant(row.getAs(DbOutages.START)), instant(row.getAs(DbOutages.END)),
            number(row.getAs(DbOutages.FAILED_REQUESTS)), instant(row.getAs(DbOutages.RECOVERED_AT))));
  }

  /** Bookings in the order ops act on them: by status priority, then by attempt time. */
  static ReportPage.Shown<ReportPage.Booking> bookings(Dataset<Row> bookings) {
    Column priority = lit(ReportPage.STATUS_ORDER.size());
    for (int i = ReportPage.STATUS_ORDER.size() - 1; i >= 0; i--) {
      priority = when(col(BookingReconciliation.STATUS).equalTo(ReportPage.STATUS_ORDER.get(i)), lit(i))
          .otherwise(priority);
    }
    return capped(bookings.orderBy(priority, col(BookingReconciliation.STATUS), col(BookingReconciliation.ATTEMPT_TS),
            col(BookingReconciliation.CLIENT_REFERENCE)),
        MAX_BOOKINGS, row -> new ReportPage.Booking(
            row.getAs(BookingReconciliation.ACTION), row.getAs(BookingReconciliation.STATUS),
            instant(row.getAs(BookingReconciliation.ATTEMPT_TS)), row.getAs(BookingReconciliation.HOTEL_ID),
            row.getAs(BookingReconciliation.TOKEN_ID), row.getAs(BookingReconciliation.CLIENT_REFERENCE),
            row.getAs(BookingReconciliation.OUTCOME), row.getAs(BookingReconciliation.BOOKING_REFERENCE),
            row.getAs(BookingReconciliation.EVIDENCE), instant(row.getAs(BookingReconciliation.EVIDENCE_TS))));
  }

  /** Count per status: a handful of rows. */
  static Map<String, Long> bookingsByStatus(Dataset<Row> bookings) {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (Row row : bookings.groupBy(col(BookingReconciliation.STATUS)).agg(count(lit(1)))
        .orderBy(col(BookingReconciliation.STATUS)).collectAsList()) {
      counts.put(row.getString(0), row.getLong(1));
    }
    return counts;
  }

  static ReportPage.Shown<ReportPage.CodeRow> codes(Dataset<Row> codes) {
    return capped(codes.orderBy(col(ErrorCodes.COUNT).desc(), col(ExchangeSchema.PROVIDER),
        col(ExchangeSchema.ERROR_CODE)), MAX_CODE_ROWS, row -> new ReportPage.CodeRow(
            row.getAs(ExchangeSchema.PROVIDER), row.getAs(ExchangeSchema.HTTP_STATUS),
            row.getAs(ExchangeSchema.ERROR_CODE), row.getAs(ExchangeSchema.ERROR_CLASS),
            number(row.getAs(ErrorCodes.COUNT)), row.getAs(ExchangeSchema.DOCUMENTED),
            instant(row.getAs(ErrorCodes.FIRST_SEEN)), instant(row.getAs(ErrorCodes.LAST_SEEN))));
  }

  /** The first {@code limit} rows; the full count is only computed when there are more. */
  private static <T> ReportPage.Shown<T> capped(Dataset<Row> ordered, int limit, Function<Row, T> convert) {
    List<Row> rows = ordered.limit(limit + 1).collectAsList();
    long total = rows.size() > limit ? ordered.count() : rows.size();
    return new ReportPage.Shown<>(rows.stream().limit(limit).map(convert).toList(), total);
  }

  private static Instant instant(Object value) {
    if (value instanceof Timestamp timestamp) {
      return timestamp.toInstant();
    }
    return value instanceof Instant instant ? instant : null;
  }

  private static long number(Object value) {
    return value instanceof Number n ? n.longValue() : 0;
  }
}
