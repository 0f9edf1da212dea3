package com.hoteltraffic.report.outages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.hoteltraffic.report.outages.OutageRule.Failure;
import com.hoteltraffic.report.outages.OutageRule.Outage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link OutageRule} without Spark: one key's outages, exact values. */
class OutageRuleTest {
  private static final String TENANT = DbOutages.SCOPE_TENANT;
  private static final String CENTRAL = DbOutages.SCOPE_CENTRAL;
  private static final String CASY = "casy";
  private static final Duration GAP = Duration.ofMinutes(5);
  private static final long G = 300_000_000L; // GAP in µs
  private static final int MIN = 3;

  /** 2024-03-01T10:00:00Z in µs. */
  private static final long T = Instant.parse("2024-03-01T10:00:00Z").getEpochSecond() * 1_000_000L;

  private static final long[] NONE = {};

  /** One table row: a key, its inputs, and the exact outages expected. */
  record Case(
      String name,
      String scope,
      String hotel,
      List<Failure> failures,
      long[] successes,
      Duration gap,
      int min,
      List<Outage> expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        tenant(
            "a gap exactly equal to the threshold joins",
            List.of(f(T, "a"), f(T + G, "a"), f(T + 2 * G, "a")),
            NONE,
            GAP,
            MIN,
            out(TENANT, "9994", T, T + 2 * G, 3, 600.0, 1, 1, null)),
        tenant(
            "a gap 1 µs longer splits",
            List.of(f(T, "a"), f(T + 1, "a"), f(T + 2 + G, "a")),
            NONE,
            GAP,
            1,
            out(TENANT, "9994", T, T + 1, 2, 1.0E-6, 1, 1, null),
            out(TENANT, "9994", T + 2 + G, T + 2 + G, 1, 0.0, 1, 1, null)),
        tenant(
            "a gap of 0 still joins failures at the same instant",
            List.of(f(T, "a"), f(T, "b"), f(T, "a"), f(T + 1, "a")),
            NONE,
            Duration.ZERO,
            1,
            out(TENANT, "9994", T, T, 3, 0.0, 2, 1, null),
            out(TENANT, "9994", T + 1, T + 1, 1, 0.0, 1, 1, null)),
        tenant(
            "a sub-microsecond gap is truncated to whole microseconds",
            List.of(f(T, "a"), f(T + 1, "a")),
            NONE,
            Duration.ofNanos(999),
            1,
            out(TENANT, "9994", T, T, 1, 0.0, 1, 1, null),
            out(TENANT, "9994", T + 1, T + 1, 1, 0.0, 1, 1, null)),
        tenant(
            "exactly the minimum is kept",
            three(),
            NONE,
            GAP,
            3,
            out(TENANT, "9994", T, T + 120_000_000L, 3, 120.0, 1, 1, null)),
        tenant("one below the minimum is dropped", three(), NONE, GAP, 4),
        tenant(
            "a minimum of 0 keeps every outage",
            List.of(f(T, "a")),
            NONE,
            GAP,
            0,
            out(TENANT, "9994", T, T, 1, 0.0, 1, 1, null)),
        tenant(
            "a short outage is dropped, not merged with its neighbour",
            List.of(f(T, "a"), f(T + G + 1, "a"), f(T + G + 2, "a"), f(T + G + 3, "a")),
            NONE,
            GAP,
            MIN,
            out(TENANT, "9994", T + G + 1, T + G + 3, 3, 2.0E-6, 1, 1, null)),
        tenant(
            "recovery 1 µs after the end",
            three(),
            new long[] {T + 120_000_001L},
            GAP,
            MIN,
            out(TENANT, "9994", T, T + 120_000_000L, 3, 120.0, 1, 1, T + 120_000_001L)),
        tenant(
            "a success at exactly the end is no recovery",
            three(),
            new long[] {T + 120_000_000L},
            GAP,
            MIN,
            out(TENANT, "9994", T, T + 120_000_000L, 3, 120.0, 1, 1, null)),
        tenant(
            "successes before, at and during the outage are skipped for the first after it",
            three(),
            new long[] {
              T - 5,
              T,
              T + 30_000_000L,
              T + 120_000_000L,
              T + 120_000_000L,
              T + 130_000_000L,
              T + 130_000_000L,
              T + 140_000_000L
            },
            GAP,
            MIN,
            out(TENANT, "9994", T, T + 120_000_000L, 3, 120.0, 1, 1, T + 130_000_000L)),
        tenant(
            "no success after the end: recovery is null",
            three(),
            new long[] {T - 1, T + 60_000_000L},
            GAP,
            MIN,
            out(TENANT, "9994", T, T + 120_000_000L, 3, 120.0, 1, 1, null)),
        tenant(
            "a recovery inside the key's next outage still counts for the first",
            List.of(
                f(T, "a"),
                f(T + 1, "a"),
                f(T + 2, "a"),
                f(T + 3 + G, "a"),
                f(T + 4 + G, "a"),
                f(T + 6 + G, "a")),
            new long[] {T + 5 + G},
            GAP,
            MIN,
            out(TENANT, "9994", T, T + 2, 3, 2.0E-6, 1, 1, T + 5 + G),
            out(TENANT, "9994", T + 3 + G, T + 6 + G, 3, 3.0E-6, 1, 1, null)),
        tenant(
            "failures in any order",
            List.of(f(T + 120_000_000L, "c"), f(T, "a"), f(T + 60_000_000L, "b")),
            NONE,
            GAP,
            MIN,
            out(TENANT, "9994", T, T + 120_000_000L, 3, 120.0, 3, 1, null)),
        tenant(
            "null tokens are not counted as a credential",
            List.of(f(T, "a"), f(T + 1, null), f(T + 2, "b"), f(T + 3, null), f(T + 4, "a")),
            NONE,
            GAP,
            MIN,
            out(TENANT, "9994", T, T + 4, 5, 4.0E-6, 2, 1, null)),
        tenant(
            "failures without any token affect 0 tokens",
            List.of(f(T, null), f(T + 1, null), f(T + 2, null)),
            NONE,
            GAP,
            MIN,
            out(TENANT, "9994", T, T + 2, 3, 2.0E-6, 0, 1, null)),
        new Case(
            "a tenant key without a hotel affects 0 hotels",
            TENANT,
            null,
            List.of(
                new Failure(T, "a", null),
                new Failure(T + 60_000_000L, "b", null),
                new Failure(T + 120_000_000L, "a", null)),
            new long[] {T + 180_000_000L},
            GAP,
            MIN,
            List.of(
                new Outage(
                    CASY, TENANT, null, T, T + 120_000_000L, 3, 120.0, 2, 0, T + 180_000_000L))),
        new Case(
            "central counts the distinct non-null hotels its failures name",
            CENTRAL,
            null,
            List.of(
                new Failure(T, "a", "9994"),
                new Failure(T + 30_000_000L, "b", "9995"),
                new Failure(T + 60_000_000L, "a", null),
                new Failure(T + 120_000_000L, "c", "9994")),
            new long[] {T + 120_000_000L, T + 599_999_000L},
            GAP,
            MIN,
            List.of(
                new Outage(
                    CASY, CENTRAL, null, T, T + 120_000_000L, 4, 120.0, 3, 2, T + 599_999_000L))),
        new Case(
            "no failures, no outages",
            CENTRAL,
            null,
            List.of(),
            new long[] {T},
            GAP,
            0,
            List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void detectsExactlyTheExpectedOutages(Case c) {
    assertEquals(
        c.expected(),
        OutageRule.detect(
            CASY, c.scope(), c.hotel(), c.failures(), c.successes(), c.gap(), c.min()),
        c.name());
  }

  @Test
  void aKeyOf100000FailuresIsExactAndFast() {
    // 100,000 failures one second apart, shuffled, with a 10-minute hole after the 60,000th:
    // two outages. Tokens cycle through 1,000 ids, every 7th failure has none.
    List<Failure> failures = new ArrayList<>();
    for (int i = 0; i < 100_000; i++) {
      long ts = T + i * 1_000_000L + (i >= 60_000 ? 600_000_000L : 0L);
      failures.add(new Failure(ts, i % 7 == 0 ? null : "tok_" + (i % 1_000), "9994"));
    }
    Collections.shuffle(failures, new Random(42));
    // A success half a second after every failure but the very last.
    long[] successes = new long[99_999];
    for (int i = 0; i < successes.length; i++) {
      successes[i] = T + i * 1_000_000L + 500_000L + (i >= 60_000 ? 600_000_000L : 0L);
    }
    long firstEnd = T + 59_999_000_000L;
    long secondStart = T + 60_000_000_000L + 600_000_000L;
    long secondEnd = T + 99_999_000_000L + 600_000_000L;

    List<Outage> outages =
        assertTimeoutPreemptively(
            Duration.ofSeconds(10),
            () -> OutageRule.detect(CASY, TENANT, "9994", failures, successes, GAP, MIN));

    assertEquals(
        List.of(
            new Outage(
                CASY, TENANT, "9994", T, firstEnd, 60_000, 59_999.0, 1_000, 1, firstEnd + 500_000L),
            new Outage(
                CASY, TENANT, "9994", secondStart, secondEnd, 40_000, 39_999.0, 1_000, 1, null)),
        outages,
        "split by the 10-minute hole; the last success precedes the last failure");
  }

  @Test
  void scopeOfNamesTheTwoDatabaseCodesAndNothingElse() {
    assertEquals(TENANT, OutageRule.scopeOf(DbOutages.TENANT_DB_UNAVAILABLE));
    assertEquals(CENTRAL, OutageRule.scopeOf(DbOutages.CENTRAL_DB_UNAVAILABLE));
    assertNull(OutageRule.scopeOf("rate_limited"));
    assertNull(OutageRule.scopeOf("TENANT_DB_UNAVAILABLE"), "codes are matched exactly");
    assertNull(OutageRule.scopeOf(null));
  }

  @Test
  void rejectsWhatWouldGiveAWrongAnswerSilently() {
    List<Failure> one = List.of(f(T, "a"));
    assertThrows(
        IllegalArgumentException.class,
        () -> OutageRule.detect(CASY, TENANT, "9994", one, NONE, Duration.ofSeconds(-1), 1),
        "negative gap");
    assertThrows(
        IllegalArgumentException.class,
        () -> OutageRule.detect(CASY, TENANT, "9994", one, new long[] {T + 2, T + 1}, GAP, 1),
        "successes out of order");
    assertThrows(
        IllegalArgumentException.class,
        () -> OutageRule.detect(CASY, CENTRAL, "9994", one, NONE, GAP, 1),
        "a central key with a hotel");
    assertThrows(
        IllegalArgumentException.class,
        () -> OutageRule.detect(CASY, "regional", null, one, NONE, GAP, 1),
        "unknown scope");
  }

  // --- helpers ---

  /** A tenant case of hotel 9994. */
  private static Case tenant(
      String name,
      List<Failure> failures,
      long[] successes,
      Duration gap,
      int min,
      Outage... expected) {
    return new Case(name, TENANT, "9994", failures, successes, gap, min, List.of(expected));
  }

  /** Three failures of hotel 9994 a minute apart from {@link #T}. */
  private static List<Failure> three() {
    return List.of(f(T, "a"), f(T + 60_000_000L, "a"), f(T + 120_000_000L, "a"));
  }

  private static Failure f(long ts, String token) {
    return new Failure(ts, token, "9994");
  }

  private static Outage out(
      String scope,
      String hotel,
      long start,
      long end,
      long failed,
      double durationS,
      long tokens,
      long hotels,
      Long recovered) {
    return new Outage(CASY, scope, hotel, start, end, failed, durationS, tokens, hotels, recovered);
  }
}
