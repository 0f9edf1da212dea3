package com.hoteltraffic.report.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.hoteltraffic.classify.RequestFingerprint;
import com.hoteltraffic.model.ClassifiedExchange;
import com.hoteltraffic.model.ErrorClass;
import com.hoteltraffic.report.engine.HealthExchanges;
import com.hoteltraffic.report.engine.PieceKey;
import com.hoteltraffic.report.engine.ReportRow;
import com.hoteltraffic.report.engine.ReportSettings;
import com.hoteltraffic.report.shared.Values;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BehaviourRuleTest {
  private static final long MIN = 60_000;
  private static final long GAP = 60_000;
  private static final long WINDOW = 10 * 60_000;

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
    return BehaviourRule.apply(calls, WINDOW, GAP, 5);
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
    BehaviourRule.Result r =
        BehaviourRule.apply(calls.toArray(BehaviourRule.Call[]::new), WINDOW, GAP, 5);
    assertEquals(
        10,
        r.rejectedInBursts(),
        "five rate-limit rejections 60 s apart (gap equal joins) and five quota rejections 1 s apart; "
            + "four rate-limit rejections and a lone quota rejection are no burst");
    assertEquals(10, r.wasted(), "wasted");
    assertEquals(0.666667, Values.ratio(r.wasted(), r.requests()), "wasted share of 15");
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
    BehaviourRule.Result r = BehaviourRule.apply(calls, WINDOW, GAP, 5);
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
    PieceKey key = new PieceKey("behaviour", "casy", "t1", null, 0);
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
        BehaviourRule.apply(calls, WINDOW, GAP, 5),
        "the day's 4 calls: a repeat of a failure before midnight, three rejections of a burst that began before");
  }

  private static BehaviourRule.Call named410(long ts, long fp, int context) {
    return new BehaviourRule.Call(
        ts,
        ts + 100,
        fp,
        BehaviourRule.FIX_FIRST | BehaviourRule.NAMED_REPEAT | BehaviourRule.ERROR | context);
  }

  @Test
  void aHotelbeds410IsARepeatWithOrWithoutTheFailureItRepeats() {
    long hb = 15 * MIN;
    assertEquals(
        new BehaviourRule.Result(3, 3, 3, 0, 0, 0, 3),
        BehaviourRule.apply(
            new BehaviourRule.Call[] {
              named410(0, 7, BehaviourRule.IN_DAY),
              named410(30_000, 7, BehaviourRule.IN_DAY),
              named410(60_000, 7, BehaviourRule.IN_DAY)
            },
            hb,
            GAP,
            5),
        "three 410s, their 400 not recorded: each a fix-first failure, a repeat and wasted");
    assertEquals(
        new BehaviourRule.Result(4, 4, 3, 0, 0, 0, 3),
        BehaviourRule.apply(
            new BehaviourRule.Call[] {
              fix(0, 7),
              named410(20_000, 7, BehaviourRule.IN_DAY),
              named410(40_000, 7, BehaviourRule.IN_DAY),
              named410(60_000, 7, BehaviourRule.IN_DAY)
            },
            hb,
            GAP,
            5),
        "the 400 and its three 410s: three repeats, each counted once");
    assertEquals(
        new BehaviourRule.Result(2, 2, 1, 0, 0, 0, 1),
        BehaviourRule.apply(
            new BehaviourRule.Call[] {fix(0, 7), named410(20 * MIN, 7, BehaviourRule.IN_DAY)},
            hb,
            GAP,
            5),
        "a 410 20 min after the 400 (outside the window): still the provider's word for a repeat");
    assertEquals(
        new BehaviourRule.Result(1, 1, 1, 0, 0, 0, 1),
        BehaviourRule.apply(
            new BehaviourRule.Call[] {
              new BehaviourRule.Call(
                  -MIN, -MIN + 100, 7, BehaviourRule.FIX_FIRST | BehaviourRule.ERROR),
              named410(MIN, 7, BehaviourRule.IN_DAY),
              named410(2 * MIN, 7, BehaviourRule.ERROR)
            },
            hb,
            GAP,
            5),
        "a daily run counts only its day's 410s");
  }

  @Test
  void theRepeatWindowIsTheProvidersOwn() {
    BehaviourRule.Call[] at15 = {fix(0, 7), fix(15 * MIN, 7)};
    BehaviourRule.Call[] past15 = {fix(0, 7), fix(15 * MIN + 1, 7)};
    assertEquals(
        1,
        BehaviourRule.apply(at15, 15 * MIN, GAP, 5).repeatedUnchanged(),
        "Hotelbeds' 15 min window: a resend exactly 15 min later repeats");
    assertEquals(
        0,
        BehaviourRule.apply(past15, 15 * MIN, GAP, 5).repeatedUnchanged(),
        "15 min 1 ms later is outside Hotelbeds' window");
    assertEquals(
        0,
        BehaviourRule.apply(
                new BehaviourRule.Call[] {fix(0, 7), fix(10 * MIN + 1, 7)}, WINDOW, GAP, 5)
            .repeatedUnchanged(),
        "10 min 1 ms later is outside CASY's 10 min window");
    assertEquals(
        1,
        BehaviourRule.apply(
                new BehaviourRule.Call[] {fix(0, 7), fix(12 * MIN, 7)}, 15 * MIN, GAP, 5)
            .repeatedUnchanged(),
        "12 min later repeats within Hotelbeds' window");
  }

  private static String behaviourRow(String provider, Object[][] calls) {
    ClassifiedExchange[] traffic = new ClassifiedExchange[calls.length];
    for (int i = 0; i < calls.length; i++) {
      ClassifiedExchange e =
          HealthExchanges.exchange(
              provider,
              (String) calls[i][0],
              "t1",
              "H1",
              (Integer) calls[i][1],
              (String) calls[i][2],
              (String) calls[i][3]);
      e.requestFingerprint = "00000000000000a7";
      e.durationMs = 40L;
      traffic[i] = e;
    }
    PieceKey key = new PieceKey("behaviour", provider, "t1", null, 0);
    return HealthExchanges.text(
        HealthExchanges.rowsOf(
                BehaviourCell::new,
                (cell, e) -> cell.add(e, true),
                key,
                ReportSettings.defaults(),
                1,
                traffic)
            .get(0));
  }

  @Test
  void threeHotelbeds410sAfterA400AreThreeRepeatsWithTheBuiltInWindows() {
    // provider|token_id|token_hint|requests|fix_first_failures|repeated_unchanged|retryable_failures|fast_retries|
    // rejected_in_bursts|wasted|wasted_share
    assertEquals(
        "hotelbeds|t1|...t1|4|4|3|0|0|0|3|0.75",
        behaviourRow(
            "hotelbeds",
            new Object[][] {
              {"2026-03-01T10:00:00Z", 400, "INVALID_DATA", ErrorClass.INVALID_REQUEST},
              {"2026-03-01T10:01:00Z", 410, "REPEATED_FAILED_REQUEST", ErrorClass.INVALID_REQUEST},
              {"2026-03-01T10:02:00Z", 410, "REPEATED_FAILED_REQUEST", ErrorClass.INVALID_REQUEST},
              {"2026-03-01T10:03:00Z", 410, "HTTP_410", ErrorClass.INVALID_REQUEST}
            }),
        "the issue's case: a 400 and three 410s (one with an unreadable body)");
    assertEquals(
        "hotelbeds|t1|...t1|3|3|3|0|0|0|3|1.0",
        behaviourRow(
            "hotelbeds",
            new Object[][] {
              {"2026-03-01T10:01:00Z", 410, "REPEATED_FAILED_REQUEST", ErrorClass.INVALID_REQUEST},
              {"2026-03-01T10:02:00Z", 410, "REPEATED_FAILED_REQUEST", ErrorClass.INVALID_REQUEST},
              {"2026-03-01T10:03:00Z", 410, "REPEATED_FAILED_REQUEST", ErrorClass.INVALID_REQUEST}
            }),
        "the failure they repeat is not in the recording");
    assertEquals(
        "casy|t1|...t1|2|1|0|0|0|0|0|0.0",
        behaviourRow(
            "casy",
            new Object[][] {
              {"2026-03-01T10:01:00Z", 200, "OK", ErrorClass.OK},
              {"2026-03-01T10:02:00Z", 410, "HTTP_410", ErrorClass.UNDOCUMENTED}
            }),
        "a CASY 410 is undocumented: fix first, but CASY never names it a repeat");
  }

  @Test
  void theBuiltInWindowsAreHotelbeds15AndCasy10Minutes() {
    Object[][] twelveMinutesApart = {
      {"2026-03-01T10:00:00Z", 400, "X", ErrorClass.INVALID_REQUEST},
      {"2026-03-01T10:12:00Z", 400, "X", ErrorClass.INVALID_REQUEST}
    };
    assertEquals(
        "hotelbeds|t1|...t1|2|2|1|0|0|0|1|0.5",
        behaviourRow("hotelbeds", twelveMinutesApart),
        "Hotelbeds: 12 min is inside its 15 min");
    assertEquals(
        "casy|t1|...t1|2|2|0|0|0|0|0|0.0",
        behaviourRow("casy", twelveMinutesApart),
        "CASY: 12 min is outside its 10 min");
  }

  @Test
  void hotelbeds402406And415AreFixFirst() {
    for (int status : new int[] {402, 406, 415}) {
      ClassifiedExchange e =
          HealthExchanges.exchange(
              "hotelbeds", "2026-03-01T10:00:00Z", "t1", "H1", status, "C", ErrorClass.PAYMENT);
      assertEquals(
          BehaviourRule.FIX_FIRST | BehaviourRule.ERROR,
          ClientBehaviour.flagsOf(e),
          status + ": its remedy is to fix the call, and it names no repeat");
    }
    ClassifiedExchange e =
        HealthExchanges.exchange(
            "hotelbeds", "2026-03-01T10:00:00Z", "t1", "H1", 409, "C", ErrorClass.UNDOCUMENTED);
    assertEquals(BehaviourRule.ERROR, ClientBehaviour.flagsOf(e), "409 is not fix-first");
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
