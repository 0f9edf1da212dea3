package com.hoteltraffic.report.codes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.hoteltraffic.model.ErrorClass;
import com.hoteltraffic.model.ExchangeSchema;
import com.hoteltraffic.model.Provider;
import com.hoteltraffic.report.rates.ErrorRatesTest;
import com.hoteltraffic.testing.ExchangeRows;
import com.hoteltraffic.testing.SparkTestSession;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SparkTestSession.class)
class ErrorCodesTest {
  private static SparkSession spark;

  @Test
  void countsEachProviderStatusAndCodeWithFirstAndLastSeen() {
    Dataset<Row> exchanges =
        ExchangeRows.dataset(
            spark,
            List.of(
                casy(
                    "2024-03-01T10:05:00Z",
                    429,
                    "rate_limited",
                    ErrorClass.RATE_LIMITED,
                    true,
                    true),
                casy(
                    "2024-03-01T09:59:59.500Z",
                    429,
                    "rate_limited",
                    ErrorClass.RATE_LIMITED,
                    true,
                    true),
                casy(
                    "2024-03-02T00:00:00Z",
                    429,
                    "rate_limited",
                    ErrorClass.RATE_LIMITED,
                    true,
                    true),
                casy("2024-03-01T12:00:00Z", 200, "OK", ErrorClass.OK, true, false),
                casy("2024-03-01T11:00:00Z", 200, "OK", ErrorClass.OK, true, false),
                // The same status with another code is its own row.
                casy(
                    "2024-03-01T11:30:00Z",
                    503,
                    "tenant_db_unavailable",
                    ErrorClass.UPSTREAM_UNAVAILABLE,
                    true,
                    true),
                casy(
                    "2024-03-01T11:31:00Z",
                    503,
                    "central_db_unavailable",
                    ErrorClass.UPSTREAM_UNAVAILABLE,
                    true,
                    true),
                // A status the documents do not list: kept as seen, undocumented.
                casy(
                    "2024-03-01T13:00:00Z", 418, "HTTP_418", ErrorClass.UNDOCUMENTED, false, false),
                hotelbeds(
                    "2024-03-01T08:00:00Z",
                    null,
                    "NO_RESPONSE",
                    ErrorClass.NO_RESPONSE,
                    true,
                    true),
                hotelbeds(
                    "2024-03-01T08:30:00Z",
                    null,
                    "NO_RESPONSE",
                    ErrorClass.NO_RESPONSE,
                    true,
                    true),
                hotelbeds(
                    "2024-03-01T09:00:00Z",
                    403,
                    "DEVELOPER_OVER_QPS",
                    ErrorClass.RATE_LIMITED,
                    true,
                    true)));

    List<String> rows = ErrorRatesTest.lines(ErrorCodes.summarize(exchanges), ErrorCodes.SORT);

    assertEquals(
        List.of(
            // provider, http_status, error_code, error_class, count, first_seen, last_seen,
            // documented, retryable
            "casy|200|OK|ok|2|2024-03-01T11:00:00Z|2024-03-01T12:00:00Z|true|false",
            "casy|418|HTTP_418|undocumented|1|2024-03-01T13:00:00Z|2024-03-01T13:00:00Z|false|false",
            "casy|429|rate_limited|rate_limited|3|2024-03-01T09:59:59.500Z|2024-03-02T00:00:00Z|true|true",
            "casy|503|central_db_unavailable|upstream_unavailable|1|2024-03-01T11:31:00Z|2024-03-01T11:31:00Z"
                + "|true|true",
            "casy|503|tenant_db_unavailable|upstream_unavailable|1|2024-03-01T11:30:00Z|2024-03-01T11:30:00Z|true|true",
            "hotelbeds|null|NO_RESPONSE|no_response|2|2024-03-01T08:00:00Z|2024-03-01T08:30:00Z|true|true",
            "hotelbeds|403|DEVELOPER_OVER_QPS|rate_limited|1|2024-03-01T09:00:00Z|2024-03-01T09:00:00Z|true|true"),
        rows,
        "error_codes");
  }

  @Test
  void columnsAreTheContractsInOrder() {
    Dataset<Row> exchanges = ExchangeRows.dataset(spark, List.of());

    assertEquals(
        List.of(
            "provider",
            "http_status",
            "error_code",
            "error_class",
            "count",
            "first_seen",
            "last_seen"),
        List.of(ErrorCodes.summarize(exchanges).columns()).subList(0, 7),
        "error_codes required columns");
    assertEquals(0, ErrorCodes.summarize(exchanges).count(), "no exchanges, no rows");
  }

  private static Row casy(
      String ts,
      Integer status,
      String code,
      String errorClass,
      boolean documented,
      boolean retryable) {
    return classified(ts, Provider.CASY, status, code, errorClass, documented, retryable);
  }

  private static Row hotelbeds(
      String ts,
      Integer status,
      String code,
      String errorClass,
      boolean documented,
      boolean retryable) {
    return classified(ts, Provider.HOTELBEDS, status, code, errorClass, documented, retryable);
  }

  private static Row classified(
      String ts,
      String provider,
      Integer status,
      String code,
      String errorClass,
      boolean documented,
      boolean retryable) {
    return ExchangeRows.exchange(ts, provider, "tok_a", "9994", status, code, errorClass)
        .set(ExchangeSchema.DOCUMENTED, documented)
        .set(ExchangeSchema.RETRYABLE, retryable)
        .toRow();
  }
}
