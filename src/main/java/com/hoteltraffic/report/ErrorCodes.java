package com.hoteltraffic.report;

import com.hoteltraffic.model.ExchangeSchema;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * How often each (provider, HTTP status, error code) was seen, with its class and when it was first
 * and last seen ({@code error_codes}). Undocumented pairs show up here as they were seen, with
 * {@code documented = false}: the place to notice a provider's new error.
 */
public final class ErrorCodes {
  public static final String COUNT = "count";
  public static final String FIRST_SEEN = "first_seen";
  public static final String LAST_SEEN = "last_seen";

  public static final List<String> COLUMNS =
      List.of(
          ExchangeSchema.PROVIDER,
          ExchangeSchema.HTTP_STATUS,
          ExchangeSchema.ERROR_CODE,
          ExchangeSchema.ERROR_CLASS,
          COUNT,
          FIRST_SEEN,
          LAST_SEEN,
          ExchangeSchema.DOCUMENTED,
          ExchangeSchema.RETRYABLE);
  public static final List<String> SORT =
      List.of(ExchangeSchema.PROVIDER, ExchangeSchema.HTTP_STATUS, ExchangeSchema.ERROR_CODE);

  private ErrorCodes() {}

  /** The report from a Dataset of classified exchanges (for notebooks), with the job's code. */
  public static Dataset<Row> summarize(Dataset<Row> exchanges) {
    return ReportEngine.fromExchanges(exchanges, ReportSettings.defaults())
        .dataFrame(exchanges.sparkSession(), Reports.ERROR_CODES);
  }
}
