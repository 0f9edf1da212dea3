package com.hoteltraffic.report;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.percentile_approx;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import com.hoteltraffic.model.ErrorClass;
import com.hoteltraffic.model.ExchangeSchema;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Error rates per time window and provider, by hotel ({@code error_rates_by_hotel}) and by
 * credential ({@code error_rates_by_token}). An error is any exchange whose class is not
 * {@code ok}; {@code error_rate = errors / requests}. Exchanges that name no single hotel (or no
 * credential) form their own row with an empty key.
 *
 * <p>Each row also carries the 50th, 95th and 99th percentile of {@code duration_ms} over the
 * window's exchanges that recorded a duration. They are approximate ({@code percentile_approx}
 * with accuracy {@value #PERCENTILE_ACCURACY}: the returned value's rank is within
 * {@code 1/accuracy} of the exact rank), and exact for any group of fewer exchanges than that;
 * empty when no exchange in the row recorded a duration.
 */
public final class ErrorRates {
  public static final String WINDOW_START = TimeWindows.WINDOW_START;
  public static final String WINDOW_END = TimeWindows.WINDOW_END;
  public static final String REQUESTS = "requests";
  public static final String ERRORS = "errors";
  public static final String ERROR_RATE = "error_rate";
  public static final String RATE_LIMITED = "rate_limited";
  public static final String NO_RESPONSE = "no_response";
  public static final String SERVER_ERRORS = "server_errors";
  public static final String LATENCY_P50_MS = "latency_p50_ms";
  public static final String LATENCY_P95_MS = "latency_p95_ms";
  public static final String LATENCY_P99_MS = "latency_p99_ms";

  /** Accuracy of {@code percentile_approx}: rank error at most 1/accuracy of the group size. */
  public static final int PERCENTILE_ACCURACY = 10_000;

  public static final List<String> BY_HOTEL_COLUMNS =
      List.of(
          WINDOW_START, WINDOW_END, ExchangeSchema.PROVIDER, ExchangeSchema.HOTEL_ID,
          REQUESTS, ERRORS, ERROR_RATE, RATE_LIMITED, NO_RESPONSE, SERVER_ERRORS,
          LATENCY_P50_MS, LATENCY_P95_MS, LATENCY_P99_MS);
  public static final List<String> BY_HOTEL_SORT =
      List.of(WINDOW_START, ExchangeSchema.PROVIDER, ExchangeSchema.HOTEL_ID);

  public static final List<String> BY_TOKEN_COLUMNS =
      List.of(
          WINDOW_START, WINDOW_END, ExchangeSchema.PROVIDER, ExchangeSchema.TOKEN_ID, ExchangeSchema.TOKEN_HINT,
          REQUESTS, ERRORS, ERROR_RATE, RATE_LIMITED, NO_RESPONSE, SERVER_ERRORS,
          LATENCY_P50_MS, LATENCY_P95_MS, LATENCY_P99_MS);
  public static final List<String> BY_TOKEN_SORT =
      List.of(WINDOW_START, ExchangeSchema.PROVIDER, ExchangeSchema.TOKEN_ID);

  /** Columns of {@link #byProvider}: the same counts with the provider as the only key. */
  public static final List<String> BY_PROVIDER_COLUMNS =
      List.of(
          WINDOW_START, WINDOW_END, ExchangeSchema.PROVIDER,
          REQUESTS, ERRORS, ERROR_RATE, RATE_LIMITED, NO_RESPONSE, SERVER_ERRORS,
          LATENCY_P50_MS, LATENCY_P95_MS, LATENCY_P99_MS);
  public static final List<String> BY_PROVIDER_SORT = List.of(WINDOW_START, ExchangeSchema.PROVIDER);

  private static final String LATENCIES = "_latencies";

  private ErrorRates() {}

  public static Dataset<Row> byHotel(Dataset<Row> exchanges, Duration window, ZoneId zone) {
    return rates(exchanges, window, zone, col(ExchangeSchema.HOTEL_ID)).select(columns(BY_HOTEL_COLUMNS));
  }

  public static Dataset<Row> byToken(Dataset<Row> exchanges, Duration window, ZoneId zone) {
    return rates(exchanges, window, zone, col(ExchangeSchema.TOKEN_ID), first(col(ExchangeSchema.TOKEN_HINT), true)
            .as(ExchangeSchema.TOKEN_HINT))
        .select(columns(BY_TOKEN_COLUMNS));
  }

  /**
   * Error rates per window and provider, all hotels and credentials together: one row per
   * provider and window, the series behind the charts of {@code report.html}.
   */
  public static Dataset<Row> byProvider(Dataset<Row> exchanges, Duration window, ZoneId zone) {
    return rates(exchanges, window, zone, null).select(columns(BY_PROVIDER_COLUMNS));
  }

  private static Dataset<Row> rates(
      Dataset<Row> exchanges, Duration window, ZoneId zone, Column key, Column... extra) {
    String windowColumn = "_window";
    Column[] aggregates = new Column[6 + extra.length];
    aggregates[0] = count(lit(1)).as(REQUESTS);
    aggregates[1] = countWhere(col(ExchangeSchema.IS_ERROR)).as(ERRORS);
    aggregates[2] = countWhere(col(ExchangeSchema.ERROR_CLASS).equalTo(ErrorClass.RATE_LIMITED)).as(RATE_LIMITED);
    aggregates[3] = countWhere(col(ExchangeSchema.HTTP_STATUS).isNull()).as(NO_RESPONSE);
    aggregates[4] = countWhere(col(ExchangeSchema.HTTP_STATUS).geq(500)).as(SERVER_ERRORS);
    aggregates[5] = percentile_approx(col(ExchangeSchema.DURATION_MS), array(lit(0.5), lit(0.95), lit(0.99)),
        lit(PERCENTILE_ACCURACY)).as(LATENCIES);
    System.arraycopy(extra, 0, aggregates, 6, extra.length);
    Column[] groupBy = key == null
        ? new Column[] {col(windowColumn), col(ExchangeSchema.PROVIDER)}
        : new Column[] {col(windowColumn), col(ExchangeSchema.PROVIDER), key};
    return exchanges
        .withColumn(windowColumn, TimeWindows.key(window, zone))
        .groupBy(groupBy)
        .agg(aggregates[0], java.util.Arrays.copyOfRange(aggregates, 1, aggregates.length))
        .withColumn(WINDOW_START, TimeWindows.start(col(windowColumn), zone))
        .withColumn(WINDOW_END, TimeWindows.end(col(windowColumn), window, zone))
        .withColumn(ERROR_RATE, round(col(ERRORS).divide(col(REQUESTS)), 6))
        .withColumn(LATENCY_P50_MS, col(LATENCIES).getItem(0))
        .withColumn(LATENCY_P95_MS, col(LATENCIES).getItem(1))
        .withColumn(LATENCY_P99_MS, col(LATENCIES).getItem(2));
  }

  static Column countWhere(Column condition) {
    return sum(when(condition, 1L).otherwise(0L));
  }

  static Column[] columns(List<String> names) {
    return names.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
  }
}
