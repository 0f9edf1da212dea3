package com.hoteltraffic.report.rates;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.hoteltraffic.model.ErrorClass;
import com.hoteltraffic.model.ExchangeSchema;
import com.hoteltraffic.model.Provider;
import com.hoteltraffic.testing.ExchangeRows;
import com.hoteltraffic.testing.SparkTestSession;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SparkTestSession.class)
public class ErrorRatesTest {
  private static final Duration HOUR = Duration.ofHours(1);
  private static final ZoneId UTC = ZoneId.of("UTC");
  private static final ZoneId ZURICH = ZoneId.of("Europe/Zurich");

  private static SparkSession spark;

  /**
   * CASY hotel 9994: four exchanges in the 10:00 hour (one at 10:59:59.999) and one at exactly
   * 11:00:00; CASY exchanges of no single hotel; one Hotelbeds exchange for the same hotel id.
   */
  private static Dataset<Row> traffic() {
    return ExchangeRows.dataset(
        spark,
        List.of(
            ExchangeRows.exchange(
                    "2024-03-01T10:00:00Z",
                    Provider.CASY,
                    "tok_a",
                    "9994",
                    200,
                    "OK",
                    ErrorClass.OK)
                .set(ExchangeSchema.TOKEN_HINT, "...aaaa")
                .toRow(),
            ExchangeRows.row(
                "2024-03-01T10:15:00Z",
                Provider.CASY,
                "tok_a",
                "9994",
                429,
                "rate_limited",
                ErrorClass.RATE_LIMITED),
            ExchangeRows.row(
                "2024-03-01T10:59:59.999Z",
                Provider.CASY,
                "tok_b",
                "9994",
                500,
                "internal_error",
                ErrorClass.SERVER_ERROR),
            ExchangeRows.row(
                "2024-03-01T10:40:00Z", Provider.CASY, "tok_b", "9994", 200, "OK", ErrorClass.OK),
            ExchangeRows.row(
                "2024-03-01T11:00:00Z", Provider.CASY, "tok_a", "9994", 200, "OK", ErrorClass.OK),
            ExchangeRows.row(
                "2024-03-01T10:30:00Z", Provider.CASY, "tok_b", null, 200, "OK", ErrorClass.OK),
            ExchangeRows.row(
                "2024-03-01T10:31:00Z",
                Provider.CASY,
                null,
                null,
                null,
                "NO_RESPONSE",
                ErrorClass.NO_RESPONSE),
            ExchangeRows.row(
                "2024-03-01T10:20:00Z",
                Provider.HOTELBEDS,
                "tok_a",
                "9994",
                503,
                "HTTP_503",
                ErrorClass.UPSTREAM_UNAVAILABLE)));
  }

  @Test
  void byHotelCountsRequestsAndErrorsPerHourWithNullHotelAsItsOwnRow() {
    List<String> rows = lines(ErrorRates.byHotel(traffic(), HOUR, UTC), ErrorRates.BY_HOTEL_SORT);

    assertEquals(
        List.of(
            // window_start, window_end, provider, hotel, requests, errors, rate, rate_limited,
            // no_response, 5xx
            "2024-03-01T10:00:00Z|2024-03-01T11:00:00Z|casy|null|2|1|0.5|0|1|0",
            "2024-03-01T10:00:00Z|2024-03-01T11:00:00Z|casy|9994|4|2|0.5|1|0|1",
            "2024-03-01T10:00:00Z|2024-03-01T11:00:00Z|hotelbeds|9994|1|1|1.0|0|0|1",
            "2024-03-01T11:00:00Z|2024-03-01T12:00:00Z|casy|9994|1|0|0.0|0|0|0"),
        rows,
        "error_rates_by_hotel");
  }

  @Test
  void byTokenCountsPerCredentialWithNullTokenAsItsOwnRowAndKeepsAHint() {
    List<String> rows = lines(ErrorRates.byToken(traffic(), HOUR, UTC), ErrorRates.BY_TOKEN_SORT);

    assertEquals(
        List.of(
            // window_start, window_end, provider, token, hint, requests, errors, rate,
            // rate_limited, no_resp., 5xx
            "2024-03-01T10:00:00Z|2024-03-01T11:00:00Z|casy|null|null|1|1|1.0|0|1|0",
            "2024-03-01T10:00:00Z|2024-03-01T11:00:00Z|casy|tok_a|...aaaa|2|1|0.5|1|0|0",
            "2024-03-01T10:00:00Z|2024-03-01T11:00:00Z|casy|tok_b|null|3|1|0.333333|0|0|1",
            "2024-03-01T10:00:00Z|2024-03-01T11:00:00Z|hotelbeds|tok_a|null|1|1|1.0|0|0|1",
            "2024-03-01T11:00:00Z|2024-03-01T12:00:00Z|casy|tok_a|null|1|0|0.0|0|0|0"),
        rows,
        "error_rates_by_token");
  }

  @Test
  void columnsAreTheContractsInOrder() {
    assertEquals(
        List.of(
            "window_start",
            "window_end",
            "provider",
            "hotel_id",
            "requests",
            "errors",
            "error_rate"),
        List.of(ErrorRates.byHotel(traffic(), HOUR, UTC).columns()).subList(0, 7),
        "error_rates_by_hotel required columns");
    assertEquals(
        List.of("window_start", "window_end", "provider", "token_id"),
        List.of(ErrorRates.byToken(traffic(), HOUR, UTC).columns()).subList(0, 4),
        "error_rates_by_token key columns");
  }

  @Test
  void dayWindowsInZurichRunFromLocalMidnightToLocalMidnight() {
    Dataset<Row> exchanges =
        ExchangeRows.dataset(
            spark,
            List.of(
                // Winter (UTC+1): 23:59:59 and 00:00:00 local on either side of midnight.
                ok("2024-01-15T22:59:59Z"),
                ok("2024-01-15T23:00:00Z"),
                ok("2024-01-16T10:00:00Z"),
                // The spring-forward day has 23 hours.
                ok("2024-03-31T12:00:00Z"),
                // Summer (UTC+2).
                ok("2024-07-01T21:59:59Z"),
                ok("2024-07-01T22:00:00Z")));

    List<String> rows =
        lines(ErrorRates.byHotel(exchanges, Duration.ofDays(1), ZURICH), ErrorRates.BY_HOTEL_SORT);

    assertEquals(
        List.of(
            "2024-01-14T23:00:00Z|2024-01-15T23:00:00Z|casy|9994|1|0|0.0|0|0|0",
            "2024-01-15T23:00:00Z|2024-01-16T23:00:00Z|casy|9994|2|0|0.0|0|0|0",
            "2024-03-30T23:00:00Z|2024-03-31T22:00:00Z|casy|9994|1|0|0.0|0|0|0",
            "2024-06-30T22:00:00Z|2024-07-01T22:00:00Z|casy|9994|1|0|0.0|0|0|0",
            "2024-07-01T22:00:00Z|2024-07-02T22:00:00Z|casy|9994|1|0|0.0|0|0|0"),
        rows,
        "one row per local day");
  }

  @Test
  void hourWindowsFollowTheLocalHourOfAHalfHourZone() {
    Dataset<Row> exchanges =
        ExchangeRows.dataset(
            spark, List.of(ok("2024-01-15T10:29:59Z"), ok("2024-01-15T10:30:00Z")));

    List<String> rows =
        lines(
            ErrorRates.byHotel(exchanges, HOUR, ZoneId.of("Asia/Kolkata")),
            ErrorRates.BY_HOTEL_SORT);

    assertEquals(
        List.of(
            "2024-01-15T09:30:00Z|2024-01-15T10:30:00Z|casy|9994|1|0|0.0|0|0|0",
            "2024-01-15T10:30:00Z|2024-01-15T11:30:00Z|casy|9994|1|0|0.0|0|0|0"),
        rows,
        "windows start on the local hour (UTC+05:30)");
  }

  @Test
  void subSecondWindows() {
    Dataset<Row> exchanges =
        ExchangeRows.dataset(
            spark, List.of(ok("2024-01-15T10:00:00.100Z"), ok("2024-01-15T10:00:00.600Z")));

    List<String> rows =
        lines(ErrorRates.byHotel(exchanges, Duration.ofMillis(500), UTC), ErrorRates.BY_HOTEL_SORT);

    assertEquals(
        List.of(
            "2024-01-15T10:00:00Z|2024-01-15T10:00:00.500Z|casy|9994|1|0|0.0|0|0|0",
            "2024-01-15T10:00:00.500Z|2024-01-15T10:00:01Z|casy|9994|1|0|0.0|0|0|0"),
        rows,
        "--window 500ms is accepted by the command line, so it must window by 500 ms");
  }

  @Test
  void windowsThatAreNotWholeSeconds() {
    Dataset<Row> exchanges =
        ExchangeRows.dataset(
            spark, List.of(ok("2024-01-15T10:00:01.400Z"), ok("2024-01-15T10:00:01.600Z")));

    List<String> rows =
        lines(
            ErrorRates.byHotel(exchanges, Duration.ofMillis(1500), UTC), ErrorRates.BY_HOTEL_SORT);

    assertEquals(
        List.of(
            "2024-01-15T10:00:00Z|2024-01-15T10:00:01.500Z|casy|9994|1|0|0.0|0|0|0",
            "2024-01-15T10:00:01.500Z|2024-01-15T10:00:03Z|casy|9994|1|0|0.0|0|0|0"),
        rows,
        "--window 1500ms");
  }

  private static Row ok(String ts) {
    return ExchangeRows.row(ts, Provider.CASY, "tok_a", "9994", 200, "OK", ErrorClass.OK);
  }

  /**
   * The report's rows in its sort order, as "a|b|c" with timestamps in ISO-8601 UTC. Latency
   * percentiles are left out here: ErrorRatesLatencyTest checks them.
   */
  public static List<String> lines(Dataset<Row> report, List<String> sort) {
    Column[] order = sort.stream().map(name -> col(name).asc_nulls_first()).toArray(Column[]::new);
    return report
        .drop("latency_p50_ms", "latency_p95_ms", "latency_p99_ms")
        .orderBy(order)
        .collectAsList()
        .stream()
        .map(ErrorRatesTest::line)
        .toList();
  }

  private static String line(Row row) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < row.length(); i++) {
      Object value = row.get(i);
      if (i > 0) {
        text.append('|');
      }
      text.append(
          value instanceof Timestamp ts ? ts.toInstant().toString() : String.valueOf(value));
    }
    return text.toString();
  }
}
