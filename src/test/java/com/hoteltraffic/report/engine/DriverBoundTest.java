package com.hoteltraffic.report.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hoteltraffic.model.ClassifiedExchange;
import com.hoteltraffic.model.ErrorClass;
import com.hoteltraffic.report.Reports;
import com.hoteltraffic.report.bursts.RateLimitBursts;
import com.hoteltraffic.report.shared.Micros;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What reaches the driver does not grow with the traffic: a read task sends only its small facts
 * (covering booking lists, keys that saw an incident), and the merge sends only report rows. A
 * day-long storm of rejections from one credential sends the same bytes whether it holds two
 * thousand rejections or two hundred thousand; the storm's traffic stays in the blocks and the
 * shuffle, on the executors.
 */
class DriverBoundTest {
  private static final long DAY_MICROS = 86_400_000_000L;

  @Test
  void aStormOfRejectionsSendsTheDriverTheSameFactsAndRowsWhateverItsSize() throws IOException {
    Storm small = storm(2_000);
    Storm large = storm(200_000);

    assertEquals(small.facts.length, large.facts.length, "facts sent to the driver, in bytes");
    assertEquals(1, small.rows.size(), "one burst row for the small storm");
    assertEquals(1, large.rows.size(), "one burst row for the large storm");
    // One row either way; its text cells may differ by a few characters (kept_sending, backed_off).
    int smallRows = RowCodec.encodeRows(small.rows).length;
    int largeRows = RowCodec.encodeRows(large.rows).length;
    assertTrue(
        Math.abs(largeRows - smallRows) < 16,
        "report rows sent to the driver: " + smallRows + " and " + largeRows + " bytes");
    int rejected =
        Reports.named(Reports.RATE_LIMIT_BURSTS, false).columns().indexOf(RateLimitBursts.REJECTED);
    assertEquals(
        200_000L, large.rows.get(0).values()[rejected], "the large burst counts every rejection");
  }

  private record Storm(byte[] facts, List<ReportRow> rows) {}

  /** One credential rejected {@code n} times, evenly over a day, folded by one task and merged. */
  private static Storm storm(int n) throws IOException {
    ReportSettings settings =
        ReportSettings.defaults()
            .withWindow(java.time.Duration.ofDays(1), java.time.ZoneOffset.UTC);
    ReportFold fold = new ReportFold(Reports.catalog(), settings);
    ReportFold.Partial partial = fold.start();
    long start = Micros.of(Instant.parse("2026-11-19T00:00:00Z"));
    for (int i = 0; i < n; i++) {
      ClassifiedExchange e = new ClassifiedExchange();
      e.tsMillis = (start + DAY_MICROS / n * i) / 1_000;
      e.provider = "casy";
      e.tokenId = "tok_storm";
      e.hotelId = "H1";
      e.httpStatus = 429;
      e.errorCode = "rate_limited";
      e.errorClass = ErrorClass.RATE_LIMITED;
      e.durationMs = 5L;
      fold.add(partial, e, "storm.jsonl", i + 1);
    }
    SharedFacts shared = SharedFacts.of(Reports.catalog(), List.of(fold.facts(partial)));
    List<ReportRow> bursts = new ArrayList<>();
    for (Blocks.Keyed keyed : Blocks.pieces(fold, partial)) {
      if (Blocks.needed(shared, keyed.key())) {
        Blocks.rows(keyed.piece(), keyed.key(), settings, shared).stream()
            .filter(row -> row.report().equals(Reports.RATE_LIMIT_BURSTS))
            .forEach(bursts::add);
      }
    }
    return new Storm(fold.facts(partial), bursts);
  }
}
