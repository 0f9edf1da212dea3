package com.hoteltraffic.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;

import com.hoteltraffic.model.ExchangeSchema;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * How often each (provider, HTTP status, error code) was seen, with its class and when it was
 * first and last seen ({@code error_codes}). Undocumented pairs show up here as they were seen,
 * with {@code documented = false}: the place to notice a provider's new error.
 */
public final class ErrorCodes {
  public static final String COUNT = "count";
  public static final String FIRST_SEEN = "first_seen";
  public static final String LAST_SEEN = "last_seen";

  public static final List<String> COLUMNS =
      List.of(
          ExchangeSchema.PROVIDER, ExchangeSchema.HTTP_STATUS, ExchangeSchema.ERROR_CODE, ExchangeSchema.ERROR_CLASS,
          COUNT, FIRST_SEEN, LAST_SEEN, ExchangeSchema.DOCUMENTED, ExchangeSchema.RETRYABLE);
  public static final List<String> SORT =
      List.of(ExchangeSchema.PROVIDER, ExchangeSchema.HTTP_STATUS, ExchangeSchema.ERROR_CODE);

  private ErrorCodes() {}

  public static Dataset<Row> summarize(Dataset<Row> exchanges) {
    return exchanges
        .groupBy(
            col(ExchangeSchema.PROVIDER),
            col(ExchangeSchema.HTTP_STATUS),
            col(ExchangeSchema.ERROR_CODE),
            col(ExchangeSchema.ERROR_CLASS))
        .agg(
            count(lit(1)).as(COUNT),
            min(col(ExchangeSchema.TS)).as(FIRST_SEEN),
            max(col(ExchangeSchema.TS)).as(LAST_SEEN),
            first(col(ExchangeSchema.DOCUMENTED)).as(ExchangeSchema.DOCUMENTED),
            first(col(ExchangeSchema.RETRYABLE)).as(ExchangeSchema.RETRYABLE))
        .select(ErrorRates.columns(COLUMNS));
  }
}
