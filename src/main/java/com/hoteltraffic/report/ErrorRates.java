package com.hoteltraffic.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
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

  public static final List<String> BY_HOTEL_COLUMNS =
      List.of(
          WINDOW_START, WINDOW_END, ExchangeSchema.PROVIDER, ExchangeSchema.HOTEL_ID,
          REQUESTS, ERRORS, ERROR_RATE, RATE_LIMITED, NO_RESPONSE, SERVER_ERRORS);
  public static final List<String> BY_HOTEL_SORT =
      List.of(WINDOW_START, ExchangeSchema.PROVIDER, ExchangeSchema.HOTEL_ID);

  public static final List<String> BY_TOKEN_COLUMNS =
      List.of(
          WINDOW_START, WINDOW_END, ExchangeSchema.PROVIDER, ExchangeSchema.TOKEN_ID, ExchangeSchema.TOKEN_HINT,
          REQUESTS, ERRORS, ERROR_RATE, RATE_LIMITED, NO_RESPONSE, SERVER_ERRORS);
  public static final List<String> BY_TOKEN_SORT =
      List.of(WINDOW_START, ExchangeSchema.PROVIDER, ExchangeSchema.TOKEN_ID);

  private ErrorRates() {}

  public static Dataset<Row> byHotel(Dataset<Row> exchanges, Duration window, ZoneId zone) {
    return rates(exchanges, window, zone, col(ExchangeSchema.HOTEL_ID)).select(columns(BY_HOTEL_COLUMNS));
  }

  public static Dataset<Row> byToken(Dataset<Row> exchanges, Duration window, ZoneId zone) {
    return rates(exchanges, window, zone, col(ExchangeSchema.TOKEN_ID), first(col(ExchangeSchema.TOKEN_HINT), true)
            .as(ExchangeSchema.TOKEN_HINT))
        .select(columns(BY_TOKEN_COLUMNS));
  }

  private static Dataset<Row> rates(
      Dataset<Row> exchanges, Duration window, ZoneId zone, Column key, Column... extra) {
    String windowColumn = "_window";
    Column[] aggregates = new Column[5 + extra.length];
    aggregates[0] = count(lit(1)).as(REQUESTS);
    aggregates[1] = countWhere(col(ExchangeSchema.IS_ERROR)).as(ERRORS);
    aggregates[2] = countWhere(col(ExchangeSchema.ERROR_CLASS).equalTo(ErrorClass.RATE_LIMITED)).as(RATE_LIMITED);
    aggregates[3] = countWhere(col(ExchangeSchema.HTTP_STATUS).isNull()).as(NO_RESPONSE);
    aggregates[4] = countWhere(col(ExchangeSchema.HTTP_STATUS).geq(500)).as(SERVER_ERRORS);
    System.arraycopy(extra, 0, aggregates, 5, extra.length);
    return exchanges
        .withColumn(windowColumn, TimeWindows.window(window, zone))
        .groupBy(col(windowColumn), col(ExchangeSchema.PROVIDER), key)
        .agg(aggregates[0], java.util.Arrays.copyOfRange(aggregates, 1, aggregates.length))
        .withColumn(WINDOW_START, TimeWindows.start(col(windowColumn), zone))
        .withColumn(WINDOW_END, TimeWindows.end(col(windowColumn), zone))
        .withColumn(ERROR_RATE, round(col(ERRORS).divide(col(REQUESTS)), 6));
  }

  static Column countWhere(Column condition) {
    return sum(when(condition, 1L).otherwise(0L));
  }

  static Column[] columns(List<String> names) {
    return names.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
  }
}
