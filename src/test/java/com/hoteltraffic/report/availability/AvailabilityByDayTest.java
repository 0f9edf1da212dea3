package com.hoteltraffic.report.availability;

import static com.hoteltraffic.report.engine.HealthExchanges.exchange;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.hoteltraffic.model.ClassifiedExchange;
import com.hoteltraffic.model.ErrorClass;
import com.hoteltraffic.model.Operation;
import com.hoteltraffic.report.engine.HealthExchanges;
import com.hoteltraffic.report.engine.PieceKey;
import com.hoteltraffic.report.engine.ReportSettings;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The rule of {@code availability_by_day} without Spark: exchanges folded into the keys the report
 * folds them into ({@link AvailabilityByDay#keyOf}, as its {@code fold} does), each key's pieces
 * split over several parts that cross as codec bytes and merge in reverse.
 */
class AvailabilityByDayTest {
  private static final ZoneId ZURICH = ZoneId.of("Europe/Zurich");

  private static ClassifiedExchange call(
      String ts, Long durationMs, Integer status, String code, String errorClass) {
    ClassifiedExchange e = exchange("hotelbeds", ts, "k1", null, status, code, errorClass);
    e.operation = Operation.HB_AVAILABILITY;
    e.durationMs = durationMs;
    return e;
  }

  private static ClassifiedExchange ok(String ts, Long durationMs) {
    return call(ts, durationMs, 200, "OK", ErrorClass.OK);
  }

  /**
   * The report's rows over {@code exchanges} in {@code zone}, as "a|b|c" in key order of first
   * appearance, each key's exchanges folded into {@code parts} pieces.
   */
  private static List<String> rows(ZoneId zone, int parts, List<ClassifiedExchange> exchanges) {
    Map<PieceKey, List<ClassifiedExchange>> byKey = new LinkedHashMap<>();
    for (ClassifiedExchange e : exchanges) {
      byKey
          .computeIfAbsent(
              AvailabilityByDay.keyOf(e, HealthExchanges.micros(e), zone), k -> new ArrayList<>())
          .add(e);
    }
    ReportSettings settings = ReportSettings.defaults().withWindow(Duration.ofHours(1), zone);
    List<String> rows = new ArrayList<>();
    byKey.forEach(
        (key, list) ->
            HealthExchanges.rowsOf(
                    AvailabilityCell::new,
                    AvailabilityCell::add,
                    key,
                    settings,
                    parts,
                    list.toArray(ClassifiedExchange[]::new))
                .forEach(row -> rows.add(HealthExchanges.text(row))));
    return rows;
  }

  @Test
  void onlyTheProvidersFailuresCountAgainstIt() {
    List<ClassifiedExchange> day = new ArrayList<>();
    // 33 answers in 1..33 ms.
    for (int i = 1; i <= 33; i++) {
      day.add(ok(String.format("2026-03-01T10:%02d:00Z", i), (long) i));
    }
    // Answers the provider gave as designed: not failures.
    day.add(call("2026-03-01T11:00:00Z", 100L, 200, "INSUFFICIENT_ALLOTMENT", ErrorClass.PRODUCT));
    day.add(call("2026-03-01T11:01:00Z", 200L, 429, "HTTP_429", ErrorClass.RATE_LIMITED));
    day.add(call("2026-03-01T11:02:00Z", 300L, 401, "NOT_AUTHORIZED", ErrorClass.AUTH));
    day.add(call("2026-03-01T11:03:00Z", 400L, 400, "INVALID_DATA", ErrorClass.INVALID_REQUEST));
    // The four failures on the provider's side, one of each class.
    day.add(call("2026-03-01T11:04:00Z", 500L, 500, "SYSTEM_ERROR", ErrorClass.SERVER_ERROR));
    day.add(call("2026-03-01T11:05:00Z", 600L, 503, "HTTP_503", ErrorClass.UPSTREAM_UNAVAILABLE));
    day.add(call("2026-03-01T11:06:00Z", 700L, 504, "GATEWAY_TIMEOUT", ErrorClass.TIMEOUT));
    day.add(call("2026-03-01T11:07:00Z", null, null, "NO_RESPONSE", ErrorClass.NO_RESPONSE));
    for (int parts = 1; parts <= 3; parts++) {
      // day|provider|operation|requests|server_errors|upstream_unavailable|timeouts|no_response|
      // failures|availability|latency_p95_ms
      assertEquals(
          List.of("2026-03-01|hotelbeds|availability|41|1|1|1|1|4|0.902439|500"),
          rows(ZoneOffset.UTC, parts, day),
          "41 requests, 4 provider failures (product, rate_limited, auth and invalid_request are"
              + " not): 37/41 available; p95 of 40 durations is the 38th smallest, 500 ms ("
              + parts
              + " parts)");
    }
  }

  @Test
  void theZurichDayOfTheAutumnChangeHas25HoursAndItsNeighboursTheirOwnRows() {
    List<ClassifiedExchange> around =
        List.of(
            // 23:59:59.999 CEST on 24 October.
            ok("2026-10-24T21:59:59.999Z", 10L),
            // Local midnight (CEST, UTC+2) starts 25 October.
            ok("2026-10-24T22:00:00Z", 20L),
            // 02:30 twice: first in CEST, then in CET after the clocks went back.
            ok("2026-10-25T00:30:00Z", 30L),
            ok("2026-10-25T01:30:00Z", 40L),
            // 23:59:59.999 CET: still 25 October, 25 hours after its midnight.
            call("2026-10-25T22:59:59.999Z", 50L, 500, "SYSTEM_ERROR", ErrorClass.SERVER_ERROR),
            // Local midnight (CET, UTC+1) starts 26 October, while UTC is still on the 25th.
            ok("2026-10-25T23:00:00Z", 60L));
    assertEquals(
        List.of(
            "2026-10-24|hotelbeds|availability|1|0|0|0|0|0|1.0|10",
            "2026-10-25|hotelbeds|availability|4|1|0|0|0|1|0.75|50",
            "2026-10-26|hotelbeds|availability|1|0|0|0|0|0|1.0|60"),
        rows(ZURICH, 2, around),
        "Zurich days: 22:00Z on the 24th to 23:00Z on the 25th is 25 October");
    assertEquals(
        List.of(
            "2026-10-24|hotelbeds|availability|2|0|0|0|0|0|1.0|20",
            "2026-10-25|hotelbeds|availability|4|1|0|0|0|1|0.75|60"),
        rows(ZoneOffset.UTC, 2, around),
        "the same exchanges by UTC days");
  }

  @Test
  void theSpringDayInZurichHas23Hours() {
    // 29 March 2026: midnight CET is 23:00Z on the 28th, the next midnight (CEST) 22:00Z.
    assertEquals(
        List.of(20_540L, 20_541L, 20_541L, 20_542L),
        List.of(
                "2026-03-28T22:59:59.999Z",
                "2026-03-28T23:00:00Z",
                "2026-03-29T21:59:59.999Z",
                "2026-03-29T22:00:00Z")
            .stream()
            .map(ts -> AvailabilityByDay.epochDay(HealthExchanges.micros(ok(ts, 1L)), ZURICH))
            .toList(),
        "epoch days (20 541 = 2026-03-29) on both sides of each local midnight");
  }

  @Test
  void noRecordedDurationLeavesTheP95Empty() {
    assertEquals(
        List.of("2026-03-01|hotelbeds|availability|2|0|0|1|1|2|0.0|"),
        rows(
            ZoneOffset.UTC,
            2,
            List.of(
                call("2026-03-01T10:00:00Z", null, null, "NO_RESPONSE", ErrorClass.NO_RESPONSE),
                call("2026-03-01T10:01:00Z", null, null, "TIMEOUT", ErrorClass.TIMEOUT))),
        "no exchange recorded a duration: p95 empty, availability 0");
  }

  @Test
  void availabilityIsRoundedHalfUpToSixDecimals() {
    assertEquals(
        "0.976563",
        availability(128, 3),
        "125/128 = 0.9765625 exactly: half rounds up (1 - 0.023438 would be 0.976562)");
    assertEquals("0.857143", availability(7, 1), "6/7 = 0.8571428...: rounds up");
    assertEquals("0.142857", availability(7, 6), "1/7 = 0.1428571...: rounds down");
    assertEquals("0.9", availability(10, 1), "9/10: 0.9");
  }

  /** The availability column of one row of {@code requests} exchanges, {@code failed} failed. */
  private static String availability(int requests, int failed) {
    List<ClassifiedExchange> exchanges = new ArrayList<>();
    for (int i = 0; i < requests; i++) {
      String ts = String.format("2026-03-01T10:%02d:%02dZ", i / 60, i % 60);
      exchanges.add(
          i < failed ? call(ts, 5L, 503, "HTTP_503", ErrorClass.UPSTREAM_UNAVAILABLE) : ok(ts, 5L));
    }
    List<String> rows = rows(ZoneOffset.UTC, 3, exchanges);
    assertEquals(1, rows.size(), "one row");
    return rows.get(0).split("\\|")[9];
  }

  @Test
  void aPieceReadsBackAsWrittenAndAMergeLeavesItsArgumentUnchanged() throws IOException {
    AvailabilityCell cell = new AvailabilityCell();
    cell.add(ok("2026-03-01T10:00:00Z", 120L));
    cell.add(ok("2026-03-01T10:00:01Z", 120L));
    cell.add(call("2026-03-01T10:00:02Z", 9_000L, 504, "GATEWAY_TIMEOUT", ErrorClass.TIMEOUT));
    cell.add(call("2026-03-01T10:00:03Z", null, null, "NO_RESPONSE", ErrorClass.NO_RESPONSE));
    byte[] written = bytes(cell);
    AvailabilityCell read =
        AvailabilityCell.read(new DataInputStream(new ByteArrayInputStream(written)));
    assertArrayEquals(written, bytes(read), "the bytes of the piece read back");
    PieceKey key = new PieceKey(AvailabilityByDay.KIND, "hotelbeds", "availability", null, 20_513);
    assertEquals(
        "2026-03-01|hotelbeds|availability|4|0|0|1|1|2|0.5|9000",
        text(read, key),
        "the piece read back");

    AvailabilityCell into = new AvailabilityCell();
    into.add(ok("2026-03-02T10:00:00Z", 7L));
    into.mergeFrom(read);
    assertArrayEquals(written, bytes(read), "the merged-in piece is unchanged");
    assertEquals(
        "2026-03-01|hotelbeds|availability|5|0|0|1|1|2|0.6|9000",
        text(into, key),
        "the merged piece");
  }

  private static byte[] bytes(AvailabilityCell cell) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    cell.write(new DataOutputStream(out));
    return out.toByteArray();
  }

  /** A piece's one row as text, with the defaults as context (its rows read none of it). */
  private static String text(AvailabilityCell cell, PieceKey key) {
    return HealthExchanges.text(
        cell.rows(key, HealthExchanges.context(ReportSettings.defaults(), null)).get(0));
  }
}
