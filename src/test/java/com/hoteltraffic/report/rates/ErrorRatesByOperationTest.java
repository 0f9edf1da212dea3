package com.hoteltraffic.report.rates;

import static com.hoteltraffic.report.engine.HealthExchanges.exchange;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.hoteltraffic.classify.ProviderRules;
import com.hoteltraffic.model.ClassifiedExchange;
import com.hoteltraffic.model.ErrorClass;
import com.hoteltraffic.model.Operation;
import com.hoteltraffic.model.OperationTimeouts;
import com.hoteltraffic.report.engine.HealthExchanges;
import com.hoteltraffic.report.engine.PieceKey;
import com.hoteltraffic.report.engine.ReportRow;
import com.hoteltraffic.report.engine.ReportSettings;
import com.hoteltraffic.report.shared.WindowClock;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ErrorRatesByOperationTest {
  /**
   * The defaults carry the bundled providers.json's timeouts (Hotelbeds booking confirmation 60 s).
   */
  private static final ReportSettings SETTINGS = ReportSettings.defaults();

  private static ClassifiedExchange confirmation(
      String ts, Long durationMs, Integer status, String code, String errorClass) {
    ClassifiedExchange e = exchange("hotelbeds", ts, "k1", "H1", status, code, errorClass);
    e.operation = Operation.HB_BOOKING_CONFIRMATION;
    e.durationMs = durationMs;
    return e;
  }

  private static String row(String provider, String operation, ClassifiedExchange... exchanges) {
    long window =
        new WindowClock(SETTINGS.window(), SETTINGS.zone())
            .key(HealthExchanges.micros(exchanges[0]));
    PieceKey key = new PieceKey("rate_operation", provider, operation, null, window);
    List<ReportRow> rows =
        HealthExchanges.rowsOf(OperationCell::new, OperationCell::add, key, SETTINGS, 2, exchanges);
    assertEquals(1, rows.size(), "one row per window and operation");
    return HealthExchanges.text(rows.get(0));
  }

  @Test
  void theBuiltInProvidersDocumentSixtySecondsForHotelbedsBookingConfirmationOnly() {
    assertEquals(
        Map.of("hotelbeds/booking_confirmation", 60_000L),
        ProviderRules.loadDefault().timeouts().millisByOperation(),
        "timeouts of providers.json");
  }

  @Test
  void countsSlowerThanTheDocumentedTimeoutStrictlyAndEachClass() {
    String row =
        row(
            "hotelbeds",
            Operation.HB_BOOKING_CONFIRMATION,
            confirmation("2026-03-01T10:00:00Z", 1_000L, 200, "OK", ErrorClass.OK),
            confirmation(
                "2026-03-01T10:01:00Z", 60_000L, 504, "GATEWAY_TIMEOUT", ErrorClass.TIMEOUT),
            confirmation("2026-03-01T10:02:00Z", 60_001L, 200, "OK", ErrorClass.OK),
            confirmation("2026-03-01T10:03:00Z", 75_000L, null, "TIMEOUT", ErrorClass.TIMEOUT),
            confirmation("2026-03-01T10:04:00Z", null, null, "NO_RESPONSE", ErrorClass.NO_RESPONSE),
            confirmation(
                "2026-03-01T10:05:00Z", 300L, 400, "INVALID_DATA", ErrorClass.INVALID_REQUEST));
    // window_start|window_end|provider|operation|requests|errors|error_rate|invalid_request|auth|permission|payment|
    // not_found|rate_limited|quota_exceeded|product|server_error|upstream_unavailable|timeout|no_response|misrouted|
    // undocumented|latency_p50_ms|latency_p95_ms|latency_p99_ms|timeout_ms|over_timeout
    assertEquals(
        "2026-03-01T10:00:00Z|2026-03-01T11:00:00Z|hotelbeds|booking_confirmation|6|4|0.666667"
            + "|1|0|0|0|0|0|0|0|0|0|2|1|0|0|60000|75000|75000|60000|2",
        row,
        "60 000 ms is not over 60 s, 60 001 ms is; a missing duration is not counted");
  }

  @Test
  void anOperationWithoutADocumentedTimeoutLeavesBothColumnsEmpty() {
    ClassifiedExchange e =
        exchange("casy", "2026-03-01T10:00:00Z", "t1", "H1", 200, "OK", ErrorClass.OK);
    e.operation = Operation.CASY_RESERVATIONS;
    e.durationMs = 999_999L;
    assertEquals(
        "2026-03-01T10:00:00Z|2026-03-01T11:00:00Z|casy|reservations|1|0|0.0|0|0|0|0|0|0|0|0|0|0|0|0|0|0"
            + "|999999|999999|999999||",
        row("casy", Operation.CASY_RESERVATIONS, e),
        "no timeout, nothing measured");
  }

  @Test
  void anOperationWithoutDurationsHasEmptyPercentiles() {
    ClassifiedExchange e =
        exchange(
            "casy",
            "2026-03-01T10:00:00Z",
            "t1",
            "H1",
            null,
            "NO_RESPONSE",
            ErrorClass.NO_RESPONSE);
    e.operation = Operation.CASY_HOTEL_HEALTH;
    assertEquals(
        "2026-03-01T10:00:00Z|2026-03-01T11:00:00Z|casy|hotel_health|1|1|1.0|0|0|0|0|0|0|0|0|0|0|0|1|0|0"
            + "|||||",
        row("casy", Operation.CASY_HOTEL_HEALTH, e),
        "no duration recorded: percentiles, timeout_ms and " + "over_timeout empty");
  }

  @Test
  void aTimeoutThatIsNotAPositiveNumberIsRefusedWithItsOperation() {
    String json =
        "{\"providers\":[{\"name\":\"p\",\"hosts\":[\"h\"],\"credential\":{\"header\":\"X\"},"
            + "\"operations\":[{\"method\":\"GET\",\"path\":\"/a\",\"operation\":\"a\",\"timeout_s\":0}]}]}";
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                ProviderRules.load(
                    new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))));
    assertEquals(
        "providers config: p operation a has a timeout_s that is not a positive number: 0",
        e.getMessage(),
        "message");
    assertEquals(OperationTimeouts.NONE.millisByOperation(), Map.of(), "no timeouts by default");
  }
}
