package com.hoteltraffic.report.outages;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.hoteltraffic.model.ClassifiedExchange;
import com.hoteltraffic.report.engine.HealthExchanges;
import com.hoteltraffic.report.engine.PieceKey;
import com.hoteltraffic.report.engine.ReportRow;
import com.hoteltraffic.report.engine.ReportSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A hotel's outage evidence split over tasks: one task saw only its successes (a piece with no
 * failure list), another its failures; merged in either order, and through the codec, the outage is
 * the same, its recovery the first success strictly after its last failure.
 */
class OutageEvidenceTest {
  private static final PieceKey KEY = new PieceKey(DbOutages.KIND_TENANT, "casy", "H7", null, 0);
  private static final ReportSettings SETTINGS =
      ReportSettings.defaults().withOutages(Duration.ofMinutes(5), 3);

  private static ClassifiedExchange failure(String ts) {
    return HealthExchanges.exchange(
        "casy", ts, "tok_a", "H7", 502, DbOutages.TENANT_DB_UNAVAILABLE, "server_error");
  }

  private static void add(OutageEvidence piece, ClassifiedExchange e) {
    if (OutageRule.scopeOf(e.errorCode) != null) {
      piece.addFailure(new OutageRule.Failure(HealthExchanges.micros(e), e.tokenId, e.hotelId));
    } else {
      piece.addSuccess(HealthExchanges.micros(e));
    }
  }

  /** The outage's recovered_at when the exchanges are folded by {@code parts} tasks. */
  private static Instant recovery(int parts, ClassifiedExchange... exchanges) {
    List<ReportRow> rows =
        HealthExchanges.rowsOf(
            OutageEvidence::new, OutageEvidenceTest::add, KEY, SETTINGS, parts, exchanges);
    assertEquals(1, rows.size(), "one outage");
    assertEquals(3L, rows.get(0).values()[5], "failed requests");
    return (Instant) rows.get(0).values()[9];
  }

  @Test
  void successesOfOneTaskEndTheFailuresOfAnotherInEitherOrder() {
    ClassifiedExchange[] failuresFirst = {
      failure("2026-11-18T10:00:00Z"),
      HealthExchanges.casyOk("2026-11-18T10:01:00Z", "tok_a", "H7"),
      failure("2026-11-18T10:02:00Z"),
      HealthExchanges.casyOk("2026-11-18T10:04:00Z", "tok_a", "H7"),
      failure("2026-11-18T10:03:00Z"),
      HealthExchanges.casyOk("2026-11-18T10:03:00.001Z", "tok_a", "H7")
    };
    // Two tasks, round robin: the failures in one, the successes in the other. The success 1 ms
    // after the last failure (the finest time an exchange carries) is its recovery.
    Instant expected = Instant.parse("2026-11-18T10:03:00.001Z");
    assertEquals(expected, recovery(2, failuresFirst), "successes merged into failures");
    ClassifiedExchange[] successesFirst = {
      failuresFirst[1], failuresFirst[0], failuresFirst[3],
      failuresFirst[2], failuresFirst[5], failuresFirst[4]
    };
    assertEquals(expected, recovery(2, successesFirst), "failures merged into successes");
    assertEquals(expected, recovery(1, failuresFirst), "one task");
    assertEquals(expected, recovery(3, failuresFirst), "three tasks");
  }

  @Test
  void aSuccessAtTheInstantOfTheLastFailureIsNoRecovery() {
    ClassifiedExchange[] exchanges = {
      failure("2026-11-18T10:00:00Z"),
      HealthExchanges.casyOk("2026-11-18T10:03:00Z", "tok_a", "H7"),
      failure("2026-11-18T10:02:00Z"),
      HealthExchanges.casyOk("2026-11-18T10:09:00Z", "tok_a", "H7"),
      failure("2026-11-18T10:03:00Z"),
    };
    Instant next = Instant.parse("2026-11-18T10:09:00Z");
    assertEquals(next, recovery(2, exchanges), "the next success after it, across tasks");
    assertEquals(next, recovery(1, exchanges), "the next success after it, one task");
  }

  @Test
  void aHotelWithOnlySuccessesHasNoOutage() {
    List<ReportRow> rows =
        HealthExchanges.rowsOf(
            OutageEvidence::new,
            OutageEvidenceTest::add,
            KEY,
            SETTINGS,
            2,
            HealthExchanges.casyOk("2026-11-18T10:00:00Z", "tok_a", "H7"),
            HealthExchanges.casyOk("2026-11-18T10:01:00Z", "tok_a", "H7"));
    assertEquals(List.of(), rows, "no row");
  }
}
