package com.hoteltraffic.report.rates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.hoteltraffic.model.ErrorClass;
import com.hoteltraffic.model.ExchangeSchema;
import com.hoteltraffic.model.Provider;
import com.hoteltraffic.testing.ExchangeRows;
import com.hoteltraffic.testing.SparkTestSession;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Counts and latency percentiles per window, by hotel, credential and provider. */
@ExtendWith(SparkTestSession.class)
class ErrorRatesLatencyTest {
  private static SparkSession spark;
  private static Dataset<Row> exchanges;

  @BeforeAll
  static void setUp() {
    List<Row> rows = new ArrayList<>();
    // Hotel 1 in the 10:00 window: durations 1..100 ms, every tenth one a 503.
    for (int i = 1; i <= 100; i++) {
      boolean failed = i % 10 == 0;
      rows.add(
          ExchangeRows.exchange(
                  String.format("2024-03-01T10:%02d:%02dZ", i / 60, i % 60),
                  Provider.CASY,
                  "tok_a",
                  "1",
                  failed ? 503 : 200,
                  failed ? "tenant_db_unavailable" : "OK",
                  failed ? ErrorClass.SERVER_ERROR : ErrorClass.OK)
              .set(ExchangeSchema.DURATION_MS, (long) i)
              .toRow());
    }
    // Hotel 2 in the 11:00 window: two exchanges without a response, hence without a duration.
    rows.add(
        ExchangeRows.row(
            "2024-03-01T11:00:00Z",
            Provider.CASY,
            "tok_b",
            "2",
            null,
            "timeout",
            ErrorClass.NO_RESPONSE));
    rows.add(
        ExchangeRows.row(
            "2024-03-01T11:30:00Z",
            Provider.CASY,
            "tok_b",
            "2",
            null,
            "timeout",
            ErrorClass.NO_RESPONSE));
    exchanges = ExchangeRows.dataset(spark, rows);
  }

  @Test
  void byHotelHasCountsAndPercentilesPerWindow() {
    Map<String, Row> byHotel =
        keyed(
            ErrorRates.byHotel(exchanges, Duration.ofHours(1), ZoneOffset.UTC),
            ExchangeSchema.HOTEL_ID);
    Row busy = byHotel.get("1");
    assertEquals(100L, (long) busy.getAs(ErrorRates.REQUESTS), "requests of hotel 1");
    assertEquals(10L, (long) busy.getAs(ErrorRates.ERRORS), "errors of hotel 1");
    assertEquals(0.1, (double) busy.getAs(ErrorRates.ERROR_RATE), 1e-9, "error rate of hotel 1");
    assertEquals(50L, (long) busy.getAs(ErrorRates.LATENCY_P50_MS), "p50 of 1..100 ms");
    assertEquals(95L, (long) busy.getAs(ErrorRates.LATENCY_P95_MS), "p95 of 1..100 ms");
    assertEquals(99L, (long) busy.getAs(ErrorRates.LATENCY_P99_MS), "p99 of 1..100 ms");

    Row silent = byHotel.get("2");
    assertEquals(
        2L, (long) silent.getAs(ErrorRates.NO_RESPONSE), "no-response exchanges of hotel 2");
    assertNull(silent.getAs(ErrorRates.LATENCY_P50_MS), "no duration recorded, no percentile");
  }

  @Test
  void byTokenAndByProviderCarryTheSamePercentiles() {
    Map<String, Row> byToken =
        keyed(
            ErrorRates.byToken(exchanges, Duration.ofHours(1), ZoneOffset.UTC),
            ExchangeSchema.TOKEN_ID);
    assertEquals(95L, (long) byToken.get("tok_a").getAs(ErrorRates.LATENCY_P95_MS), "p95 of tok_a");
    assertEquals(
        ErrorRates.BY_TOKEN_COLUMNS,
        List.of(ErrorRates.byToken(exchanges, Duration.ofHours(1), ZoneOffset.UTC).columns()),
        "token columns");

    List<Row> byProvider =
        ErrorRates.byProvider(exchanges, Duration.ofHours(1), ZoneOffset.UTC)
            .orderBy(ErrorRates.WINDOW_START)
            .collectAsList();
    assertEquals(2, byProvider.size(), "one row per provider and window");
    assertEquals(100L, (long) byProvider.get(0).getAs(ErrorRates.REQUESTS), "10:00 requests");
    assertEquals(99L, (long) byProvider.get(0).getAs(ErrorRates.LATENCY_P99_MS), "10:00 p99");
    assertEquals(2L, (long) byProvider.get(1).getAs(ErrorRates.ERRORS), "11:00 errors");
  }

  private static Map<String, Row> keyed(Dataset<Row> rows, String key) {
    Map<String, Row> byKey = new java.util.TreeMap<>();
    for (Row row : rows.collectAsList()) {
      assertNull(byKey.put(row.getAs(key), row), "one row per " + key + " and window");
    }
    return byKey;
  }
}
