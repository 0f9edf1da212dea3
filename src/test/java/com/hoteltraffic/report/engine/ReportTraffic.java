package com.hoteltraffic.report.engine;

import static com.hoteltraffic.report.engine.HealthExchanges.exchange;

import com.hoteltraffic.model.ClassifiedExchange;
import com.hoteltraffic.model.ErrorClass;
import com.hoteltraffic.model.Operation;
import com.hoteltraffic.model.Provider;
import com.hoteltraffic.report.outages.DbOutages;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A small hour of traffic that gives every kind of piece a key with rows: rates, codes, operations,
 * credentials, a hotel denial, a burst of rejections, a tenant and a central database outage, an
 * uncertain booking attempt, unreadable bodies and client behaviour. For the codec and merge tests.
 */
final class ReportTraffic {
  private ReportTraffic() {}

  /** Hourly windows in UTC, bursts and outages of 3 events or more. */
  static ReportSettings settings() {
    return ReportSettings.defaults()
        .withWindow(Duration.ofHours(1), ZoneOffset.UTC)
        .withBursts(Duration.ofSeconds(60), 3)
        .withOutages(Duration.ofSeconds(120), 3);
  }

  static List<ClassifiedExchange> exchanges() {
    List<ClassifiedExchange> all = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      ClassifiedExchange ok = HealthExchanges.casyOk(at(i), "tok_ok", "H1");
      ok.durationMs = 100L + i * 37;
      ok.operation = Operation.CASY_RESERVATIONS;
      ok.requestFingerprint = "00000000000000a" + i;
      all.add(ok);
    }
    all.add(exchange("casy", at(7), "tok_ok", "H9", 403, "forbidden", ErrorClass.PERMISSION));
    for (int i = 0; i < 4; i++) {
      ClassifiedExchange rejected =
          exchange(
              "casy", at(8 + i), "tok_busy", "H2", 429, "rate_limited", ErrorClass.RATE_LIMITED);
      rejected.rateLimitLimit = 10;
      rejected.rateLimitWindowSeconds = 60;
      rejected.durationMs = 5L;
      all.add(rejected);
    }
    for (int i = 0; i < 3; i++) {
      all.add(
          exchange(
              "casy",
              at(20 + i),
              "tok_ok",
              "H3",
              503,
              DbOutages.TENANT_DB_UNAVAILABLE,
              ErrorClass.SERVER_ERROR));
      all.add(
          exchange(
              "casy",
              at(30 + i),
              "tok_ok",
              null,
              503,
              DbOutages.CENTRAL_DB_UNAVAILABLE,
              ErrorClass.SERVER_ERROR));
    }
    all.add(HealthExchanges.casyOk(at(40), "tok_ok", "H3"));
    for (int i = 0; i < 3; i++) {
      all.add(HealthExchanges.casyRevoked(at(41 + i), "tok_revoked", "H1"));
    }
    ClassifiedExchange attempt =
        exchange(
            Provider.HOTELBEDS,
            at(45),
            "tok_hb",
            "1533",
            504,
            "GATEWAY_TIMEOUT",
            ErrorClass.TIMEOUT);
    attempt.operation = Operation.HB_BOOKING_CONFIRMATION;
    attempt.clientReference = "Ref-1";
    attempt.durationMs = 60_000L;
    all.add(attempt);
    ClassifiedExchange unreadable = HealthExchanges.casyOk(at(50), "tok_ok", "H1");
    unreadable.operation = Operation.CASY_RESERVATIONS;
    unreadable.unreadableBody = "response";
    unreadable.unreadableFormat = "json";
    all.add(unreadable);
    return all;
  }

  /** Minute {@code minute} of 2026-11-19T10:00Z, as the helpers take it. */
  private static String at(int minute) {
    return Instant.parse("2026-11-19T10:00:00Z").plusSeconds(minute * 60L).toString();
  }
}
