package com.hoteltraffic.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.hoteltraffic.classify.RequestFingerprint;
import com.hoteltraffic.model.ClassifiedExchange;
import com.hoteltraffic.model.ErrorClass;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BehaviourRuleTest {
  private static final long MIN = 60_000;
  private static final long GAP = 60_000;

  private static BehaviourRule.Call fix(long ts, long fp) {
    return new BehaviourRule.Call(
        ts, ts + 100, fp, BehaviourRule.FIX_FIRST | BehaviourRule.ERROR | BehaviourRule.IN_DAY);
  }

  private static BehaviourRule.Call retryable(long ts, long end, long fp) {
    return new BehaviourRule.Call(
        ts, end, fp, BehaviourRule.RETRYABLE | BehaviourRule.ERROR | BehaviourRule.IN_DAY);
  }

  private static BehaviourRule.Call ok(long ts, long fp) {
    return new BehaviourRule.Call(ts, ts + 100, fp, BehaviourRule.IN_DAY);
  }

  private static BehaviourRule.Call rejected(long ts, long fp) {
    return new BehaviourRule.Call(
        ts,
        ts + 50,
        fp,
        BehaviourRule.RETRYABLE
            | BehaviourRule.RATE_LIMITED
            | BehaviourRule.ERROR
            | BehaviourRule.IN_DAY);
  }

  private static BehaviourRule.Result apply(BehaviourRule.Call... calls) {
    return BehaviourRule.apply(calls, GAP, 5);
  }

  @Test
  void unchangedRepeatsOfAFixFirstFailureWithinTenMinutesCountEach() {
    assertEquals(
        new BehaviourRule.Result(5, 4, 2, 0, 0, 0, 2),
        apply(
            fix(0, 7),
            fix(20_000, 7),
            fix(10 * MIN + 20_000, 7),
            fix(20 * MIN + 20_001, 7),
            ok(40_000, 8)),
        "requests, fix-first failures, repeats (20 s, exactly 10 min after the previous), retryable, fast, bursts, "
            + "wasted: the last is 10 min 1 ms after its previous failure");
  }

  @Test
  void aChangedCallOrASuccessInBetweenIsNoRepeat() {
    assertEquals(0, apply(fix(0, 7), fix(1_000, 8)).repeatedUnchanged(), "another fingerprint");
    assertEquals(
        0,
        apply(fix(0, 7), ok(1_000, 7), fix(2_000, 7)).repeatedUnchanged(),
        "a resend that succeeded is no repeat, and it ends the chain");
    assertEquals(
        0,
        apply(fix(5_000, 7), fix(5_000, 7)).repeatedUnchanged(),
        "the same millisecond is not later");
  }

  @Test
  void retriesSoonerThanOneSecondAfterTheFailureEndedAreFast() {
    BehaviourRule.Result r =
        apply(
            retryable(0, 30_000, 7),
            ok(30_999, 7),
            retryable(40_000, 40_500, 9),
            ok(41_500, 9),
            retryable(50_000, 60_000, 11),
            ok(55_000, 11));
    assertEquals(3, r.retryableFailures(), "retryable failures");
    assertEquals(
        1,
        r.fastRetries(),
        "999 ms after the end is fast; exactly 1 s is not; sent before the end is no retry");
    assertEquals(0, r.wasted(), "the fast retry succeeded: not wasted");
    assertEquals(
        1,
        apply(retryable(0, 30_000, 7), retryable(30_500, 31_000, 7)).wasted(),
        "a fast retry that failed");
  }

  @Test
  void rejectionsCountWhenTheirBurstHasTheMinimum() {
    List<BehaviourRule.Call> calls = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      calls.add(rejected(i * GAP, 100 + i));
    }
    for (int i = 0; i < 4; i++) {
      calls.add(rejected(100 * MIN + i * 1_000, 200 + i));
    }
    // Quota rejections form groups of their own, thresholded the same way: a lone one is no burst.
    calls.add(quota(300 * MIN, 300));
    for (int i = 0; i < 5; i++) {
      calls.add(quota(400 * MIN + i * 1_000, 400 + i));
    }
    BehaviourRule.Result r = BehaviourRule.apply(calls.toArray(BehaviourRule.Call[]::new), GAP, 5);
    assertEquals(
        10,
        r.rejectedInBursts(),
        "five rate-limit rejections 60 s apart (gap equal joins) and five quota rejections 1 s apart; "
            + "four rate-limit rejections and a lone quota rejection are no burst");
    assertEquals(10, r.wasted(), "wasted");
    assertEquals(0.666667, RateCell.errorRate(r.wasted(), r.requests()), "wasted share of 15");
  }

  @Test
  void aCallCountedTwiceIsWastedOnce() {
    BehaviourRule.Call[] calls = new BehaviourRule.Call[6];
    for (int i = 0; i < 6; i++) {
      calls[i] =
          new BehaviourRule.Call(
              i * 100L,
              i * 100L + 10,
              7,
              BehaviourRule.RETRYABLE
                  | BehaviourRule.RATE_LIMITED
                  | BehaviourRule.ERROR
                  | BehaviourRule.IN_DAY);
    }
    BehaviourRule.Result r = BehaviourRule.apply(calls, GAP, 5);
    assertEquals(5, r.fastRetries(), "each a fast retry of the previous");
    assertEquals(6, r.rejectedInBursts(), "all six in one burst");
    assertEquals(6, r.wasted(), "six calls wasted, not eleven");
  }

  @Test
  void theSameRowWhateverTheOrderThePiecesMerge() {
    ClassifiedExchange[] traffic = new ClassifiedExchange[12];
    RequestFingerprint fingerprint = new RequestFingerprint();
    for (int i = 0; i < 12; i++) {
      ClassifiedExchange e =
          HealthExchanges.exchange(
              "casy",
              String.format("2026-03-01T15:%02d:%02dZ", i / 3, i % 3 * 20),
              "t1",
              "H1",
              400,
              "invalid_parameter",
              ErrorClass.INVALID_REQUEST);
      e.requestFingerprint =
          fingerprint.of(
              "GET", "https://onlinebuchungen.ch/v1/reservations/H1?start_date=01.12.2026", null);
      e.durationMs = 40L;
      traffic[i] = e;
    }
    Piece.PieceKey key = new Piece.PieceKey(ReportFold.BEHAVIOUR, "casy", "t1", null, 0);
    for (int parts = 1; parts <= 4; parts++) {
      List<ReportRow> rows =
          HealthExchanges.rowsOf(
              BehaviourCell::new,
              (cell, e) -> cell.add(e, true),
              key,
              ReportSettings.defaults(),
              parts,
              traffic);
      // provider|token_id|token_hint|requests|fix_first_failures|repeated_unchanged|retryable_failures|fast_retries|
      // rejected_in_bursts|wasted|wasted_share
      assertEquals(
          "casy|t1|...t1|12|12|11|0|0|0|11|0.916667",
          HealthExchanges.text(rows.get(0)),
          "a 400 sent 12 times unchanged, from " + parts + " pieces");
    }
  }

  @Test
  void aDailyRunCountsItsDayWithTheFailuresAndBurstsAroundIt() {
    int context = BehaviourRule.ERROR; // before midnight: not in the day
    BehaviourRule.Call[] calls = {
      new BehaviourRule.Call(-20_000, -19_900, 7, BehaviourRule.FIX_FIRST | context),
      fix(10_000, 7),
      new BehaviourRule.Call(
          -4_000, -3_950, 8, BehaviourRule.RETRYABLE | BehaviourRule.RATE_LIMITED | context),
      new BehaviourRule.Call(
          -3_000, -2_950, 9, BehaviourRule.RETRYABLE | BehaviourRule.RATE_LIMITED | context),
      rejected(1_000, 10),
      rejected(2_000, 11),
      rejected(3_000, 12),
    };
    assertEquals(
        new BehaviourRule.Result(4, 1, 1, 3, 0, 3, 4),
        BehaviourRule.apply(calls, GAP, 5),
        "the day's 4 calls: a repeat of a failure before midnight, three rejections of a burst that began before");
  }

  @Test
  void fingerprintsTellMethodUrlAndBodyApart() {
    RequestFingerprint f = new RequestFingerprint();
    String base = f.of("POST", "https://api.hotelbeds.com/hotel-api/1.0/hotels", "{\"a\":1}");
    assertEquals(16, base.length(), "16 hex digits");
    assertEquals(
        base,
        f.of("POST", "https://api.hotelbeds.com/hotel-api/1.0/hotels", "{\"a\":1}"),
        "same call");
    assertNotEquals(
        base, f.of("POST", "https://api.hotelbeds.com/hotel-api/1.0/hotels", "{\"a\":2}"), "body");
    assertNotEquals(
        base, f.of("PUT", "https://api.hotelbeds.com/hotel-api/1.0/hotels", "{\"a\":1}"), "method");
    assertNotEquals(
        base,
        f.of("POST", "https://api.hotelbeds.com/hotel-api/1.0/hotels?x=1", "{\"a\":1}"),
        "query");
    assertNotEquals(
        f.of("GET", "ab", null), f.of("GET", "a", "b"), "the separator keeps URL and body apart");
  }

  private static BehaviourRule.Call quota(long tsMillis, long fingerprint) {
    return new BehaviourRule.Call(
        tsMillis,
        tsMillis,
        fingerprint,
        BehaviourRule.FIX_FIRST | BehaviourRule.QUOTA | BehaviourRule.ERROR | BehaviourRule.IN_DAY);
  }
}
