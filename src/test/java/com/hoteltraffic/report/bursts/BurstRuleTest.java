package com.hoteltraffic.report.bursts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hoteltraffic.model.ErrorClass;
import com.hoteltraffic.model.Provider;
import com.hoteltraffic.model.RateLimits;
import com.hoteltraffic.report.bursts.BurstRule.Burst;
import com.hoteltraffic.report.bursts.BurstRule.Rejection;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The burst rule of one credential, without Spark: exact values at every boundary. */
class BurstRuleTest {
  private static final Duration GAP = Duration.ofSeconds(60);

  /** 2024-03-01T10:00:00Z in microseconds: the origin of every case's clock. */
  private static final long T0 = Instant.parse("2024-03-01T10:00:00Z").toEpochMilli() * 1_000L;

  private static final long SECOND = 1_000_000L;

  /** The documented limits of the bundled providers.json. */
  private static final RateLimits LIMITS = RateLimits.builtIn();

  /**
   * One table row: a credential's rejections and its other (non-rejected) traffic; the rule gets
   * the rejections' timestamps added to the traffic, as the Spark adapter does.
   */
  record Case(
      String name,
      String provider,
      String token,
      List<Rejection> rejections,
      long[] otherTraffic,
      Duration gap,
      int min,
      List<String> expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case(
            "gap exactly equal joins",
            Provider.CASY,
            "tok_a",
            List.of(casy(0), casy(60 * SECOND), casy(120 * SECOND)),
            traffic(),
            GAP,
            1,
            List.of(
                "casy|tok_a|10:00:00Z|10:02:00Z|3|3|rate_limited|120.0|1|10|60|1|1001|backed_off")),
        new Case(
            "gap plus 1 µs splits",
            Provider.CASY,
            "tok_a",
            List.of(casy(0), casy(60 * SECOND), casy(120 * SECOND + 1)),
            traffic(),
            GAP,
            1,
            List.of(
                "casy|tok_a|10:00:00Z|10:01:00Z|2|2|rate_limited|60.0|1|10|60|1|1001|backed_off",
                "casy|tok_a|10:02:00.000001Z|10:02:00.000001Z|1|1|rate_limited|0.0|1|10|60|1|1001|backed_off")),
        // Waits 1 s, 1 s, 1 s, 1 s, never: 1 of 5 rejections waited out CASY's 60 s window.
        new Case(
            "min reached",
            Provider.CASY,
            "tok_a",
            everySecond(5),
            traffic(),
            GAP,
            5,
            List.of(
                "casy|tok_a|10:00:00Z|10:00:04Z|5|5|rate_limited|4.0|5|10|60|1|1001|kept_sending")),
        new Case(
            "min missed by one",
            Provider.CASY,
            "tok_a",
            everySecond(5),
            traffic(),
            GAP,
            6,
            List.of()),
        // Rule 11: quota groups are thresholded by --burst-min like rate_limited ones.
        new Case(
            "a single quota rejection under --burst-min is no row",
            Provider.HOTELBEDS,
            "tok_h",
            List.of(quota(0), qps(2 * SECOND)),
            traffic(),
            GAP,
            5,
            List.of()),
        new Case(
            "four quota rejections under --burst-min 5 are no row",
            Provider.HOTELBEDS,
            "tok_h",
            quotaEverySecond(4),
            traffic(),
            GAP,
            5,
            List.of()),
        // Waits 1 s x 4, never: 1 of 5 waited out the daily quota's window (1 day).
        new Case(
            "five quota rejections at --burst-min 5 are a row; a steady pace keeps sending",
            Provider.HOTELBEDS,
            "tok_h",
            quotaEverySecond(5),
            traffic(),
            GAP,
            5,
            List.of(
                "hotelbeds|tok_h|10:00:00Z|10:00:04Z|5|5|quota_exceeded|4.0|5|null|null|0||kept_sending")),
        // Quota waits 1 s (the qps) and never: half waited out the day.
        new Case(
            "two quota rejections, then silence, back off; the kinds never mix",
            Provider.HOTELBEDS,
            "tok_h",
            List.of(quota(0), qps(SECOND), quota(2 * SECOND)),
            traffic(),
            GAP,
            1,
            List.of(
                "hotelbeds|tok_h|10:00:01Z|10:00:01Z|1|1|rate_limited|0.0|1|null|null|0||backed_off",
                "hotelbeds|tok_h|10:00:00Z|10:00:02Z|2|3|quota_exceeded|2.0|2|null|null|0||backed_off")),
        // The body's window (10 s) wins over the documented 60 s: waits 1 s and never, half.
        new Case(
            "CASY: the 429 body's window; half waited out backs off",
            Provider.CASY,
            "tok_c",
            List.of(casyBody(0, "1002", 2, 10), casyBody(15 * SECOND, "1001", null, null)),
            traffic(1, 2, 3),
            GAP,
            2,
            List.of(
                "casy|tok_c|10:00:00Z|10:00:15Z|2|5|rate_limited|15.0|2|2|10|2|1001,1002|backed_off")),
        new Case(
            "CASY: 20 s + 1 µs spans a third window",
            Provider.CASY,
            "tok_c",
            List.of(casyBody(0, "1001", 2, 10), casyBody(20 * SECOND + 1, "1001", 1, 5)),
            traffic(1, 2, 3, 4, 5),
            GAP,
            2,
            List.of(
                "casy|tok_c|10:00:00Z|10:00:20.000001Z|2|7|rate_limited|20.000001|2|2|10|1|1001|backed_off")),
        // Waits 0.5 s, 1 s, 0.25 s, never (they shrink: no growth): 2 of 4 waited 1 s, half.
        new Case(
            "Hotelbeds: half respected backs off",
            Provider.HOTELBEDS,
            "tok_h",
            hotelbedsRun(),
            traffic(),
            GAP,
            4,
            List.of(
                "hotelbeds|tok_h|10:00:00Z|10:00:01.750Z|4|4|rate_limited|1.75|4|null|null|0||backed_off")),
        new Case(
            "Hotelbeds: a request exactly 1 s later still respects",
            Provider.HOTELBEDS,
            "tok_h",
            hotelbedsRun(),
            new long[] {T0 + 2_750_000},
            GAP,
            4,
            List.of(
                "hotelbeds|tok_h|10:00:00Z|10:00:01.750Z|4|4|rate_limited|1.75|4|null|null|0||backed_off")),
        new Case(
            "Hotelbeds: 1 µs sooner, 1 of 4 respected",
            Provider.HOTELBEDS,
            "tok_h",
            hotelbedsRun(),
            new long[] {T0 + 2_750_000 - 1},
            GAP,
            4,
            List.of(
                "hotelbeds|tok_h|10:00:00Z|10:00:01.750Z|4|4|rate_limited|1.75|4|null|null|0||kept_sending")),
        new Case(
            "peak: a rejection exactly 60 s earlier is outside (t - 60 s, t]",
            Provider.CASY,
            "tok_p",
            List.of(casy(0), casy(30 * SECOND), casy(60 * SECOND)),
            traffic(),
            GAP,
            1,
            List.of(
                "casy|tok_p|10:00:00Z|10:01:00Z|3|3|rate_limited|60.0|2|10|60|1|1001|kept_sending")),
        new Case(
            "peak: 60 s - 1 µs earlier is inside",
            Provider.CASY,
            "tok_p",
            List.of(casy(0), casy(30 * SECOND), casy(60 * SECOND - 1)),
            traffic(),
            GAP,
            1,
            List.of(
                "casy|tok_p|10:00:00Z|10:00:59.999999Z|3|3|rate_limited|59.999999|3|10|60|1|1001|kept_sending")),
        new Case(
            "peak counts ties and only the group's own rejections",
            Provider.CASY,
            "tok_p",
            List.of(casy(0), casy(0), casy(20 * SECOND), casy(20 * SECOND), casy(20 * SECOND)),
            traffic(),
            Duration.ofSeconds(10),
            1,
            List.of(
                "casy|tok_p|10:00:00Z|10:00:00Z|2|2|rate_limited|0.0|2|10|60|1|1001|kept_sending",
                "casy|tok_p|10:00:20Z|10:00:20Z|3|3|rate_limited|0.0|3|10|60|1|1001|kept_sending")),
        // Other traffic: 2 at start, 3 at end (counted), 1 µs before and after (not counted).
        new Case(
            "requests: every exchange at the start and end instants",
            Provider.CASY,
            "tok_r",
            List.of(casy(0), casy(10 * SECOND)),
            new long[] {
              T0 - 1,
              T0,
              T0,
              T0 + 10 * SECOND,
              T0 + 10 * SECOND,
              T0 + 10 * SECOND,
              T0 + 10 * SECOND + 1
            },
            GAP,
            2,
            List.of(
                "casy|tok_r|10:00:00Z|10:00:10Z|2|7|rate_limited|10.0|2|10|60|1|1001|kept_sending")),
        new Case(
            "null token: the exchanges without credential",
            Provider.HOTELBEDS,
            null,
            List.of(qps(0), qps(5 * SECOND)),
            traffic(),
            GAP,
            2,
            List.of(
                "hotelbeds|null|10:00:00Z|10:00:05Z|2|2|rate_limited|5.0|2|null|null|0||backed_off")),
        // Without the ties, all 3 rejections would be respected.
        new Case(
            "tie: another exchange at the same µs is a next request 0 s later",
            Provider.HOTELBEDS,
            "tok_t",
            List.of(qps(0), qps(5 * SECOND), qps(10 * SECOND)),
            new long[] {T0, T0 + 5 * SECOND},
            GAP,
            3,
            List.of(
                "hotelbeds|tok_t|10:00:00Z|10:00:10Z|3|5|rate_limited|10.0|3|null|null|0||kept_sending")),
        new Case(
            "tie: two rejections at the same µs respect neither",
            Provider.HOTELBEDS,
            "tok_t",
            List.of(qps(0), qps(0), qps(10 * SECOND)),
            traffic(),
            GAP,
            3,
            List.of(
                "hotelbeds|tok_t|10:00:00Z|10:00:10Z|3|3|rate_limited|10.0|3|null|null|0||kept_sending")),
        new Case(
            "tie: one of two at the same µs is not enough to flip half",
            Provider.HOTELBEDS,
            "tok_t",
            List.of(qps(0), qps(10 * SECOND)),
            new long[] {T0},
            GAP,
            2,
            List.of(
                "hotelbeds|tok_t|10:00:00Z|10:00:10Z|2|3|rate_limited|10.0|2|null|null|0||backed_off")),
        // Issue 14 rule 10, the example: waits 1 s x 10, then never; 1 of 11 waited out 60 s.
        new Case(
            "CASY: 11 rejections one second apart against 10 per 60 s keep sending",
            Provider.CASY,
            "tok_k",
            everySecond(11),
            traffic(),
            GAP,
            5,
            List.of(
                "casy|tok_k|10:00:00Z|10:00:10Z|11|11|rate_limited|10.0|11|10|60|1|1001|kept_sending")),
        new Case(
            "CASY: the same without 429 bodies uses the documented 60 s window",
            Provider.CASY,
            "tok_k",
            atSeconds(null, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10),
            traffic(),
            GAP,
            5,
            List.of(
                "casy|tok_k|10:00:00Z|10:00:10Z|11|11|rate_limited|10.0|11|null|null|1|1001|kept_sending")),
        // Waits 1, 2, 4, 8 s, never: exponential back-off.
        new Case(
            "CASY: waits that double back off",
            Provider.CASY,
            "tok_e",
            atSeconds(60, 0, 1, 3, 7, 15),
            traffic(),
            GAP,
            5,
            List.of(
                "casy|tok_e|10:00:00Z|10:00:15Z|5|5|rate_limited|15.0|5|10|60|1|1001|backed_off")),
        // Waits 1, 1, 1, 2 s: the last within the group is exactly twice the first.
        new Case(
            "growth: the last wait exactly twice the first backs off",
            Provider.CASY,
            "tok_e",
            atSeconds(60, 0, 1, 2, 3, 5),
            traffic(),
            GAP,
            5,
            List.of(
                "casy|tok_e|10:00:00Z|10:00:05Z|5|5|rate_limited|5.0|5|10|60|1|1001|backed_off")),
        new Case(
            "growth: 1 µs less than twice keeps sending",
            Provider.CASY,
            "tok_e",
            atMicros(60, 0, SECOND, 2 * SECOND, 3 * SECOND, 5 * SECOND - 1),
            traffic(),
            GAP,
            5,
            List.of(
                "casy|tok_e|10:00:00Z|10:00:04.999999Z|5|5|rate_limited|4.999999|5|10|60|1|1001|kept_sending")),
        // Waits 1 s, 2 s, 2 s - 1 µs, 4 s: one wait shrinks by 1 µs, so they do not grow.
        new Case(
            "growth: a wait 1 µs shorter than the one before keeps sending",
            Provider.CASY,
            "tok_e",
            atMicros(60, 0, SECOND, 3 * SECOND, 5 * SECOND - 1, 9 * SECOND - 1),
            traffic(),
            GAP,
            5,
            List.of(
                "casy|tok_e|10:00:00Z|10:00:08.999999Z|5|5|rate_limited|8.999999|5|10|60|1|1001|kept_sending")),
        // Waits 60 s, 1 s, 1 s, never: 2 of 4 waited out the window.
        new Case(
            "window: a wait of exactly the window counts, half backs off",
            Provider.CASY,
            "tok_w",
            atSeconds(60, 0, 60, 61, 62),
            traffic(),
            GAP,
            4,
            List.of(
                "casy|tok_w|10:00:00Z|10:01:02Z|4|4|rate_limited|62.0|3|10|60|1|1001|backed_off")),
        new Case(
            "window: 1 µs short of the window does not",
            Provider.CASY,
            "tok_w",
            atMicros(60, 0, 60 * SECOND - 1, 61 * SECOND, 62 * SECOND),
            traffic(),
            GAP,
            4,
            List.of(
                "casy|tok_w|10:00:00Z|10:01:02Z|4|4|rate_limited|62.0|3|10|60|1|1001|kept_sending")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void detectsTheExpectedBursts(Case c) {
    assertEquals(c.expected(), detect(c, c.rejections()), c.name());
    List<Rejection> reversed = new ArrayList<>(c.rejections());
    Collections.reverse(reversed);
    assertEquals(c.expected(), detect(c, reversed), c.name() + ", rejections in reverse order");
  }

  @Test
  void theWindowsAreTheProvidersDataNotConstants() throws Exception {
    // The same steady client as the example, against a providers file documenting a 1 s
    // window for CASY: every 1 s wait now waits the window out.
    RateLimits oneSecond =
        RateLimits.of(
            new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(
                    "{\"providers\":[{\"name\":\"casy\",\"rate_limits\":{\"rate_limited\":"
                        + "{\"limit\":1,\"window_seconds\":1}}}]}"));
    List<Rejection> steady = atSeconds(null, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    long[] traffic = steady.stream().mapToLong(Rejection::tsMicros).toArray();
    assertEquals(
        BurstRule.BACKED_OFF,
        BurstRule.detect(Provider.CASY, "t", steady, traffic, GAP, 5, oneSecond)
            .get(0)
            .clientBackoff(),
        "1 s waits against a documented 1 s window");
    assertEquals(
        BurstRule.KEPT_SENDING,
        BurstRule.detect(Provider.CASY, "t", steady, traffic, GAP, 5, LIMITS)
            .get(0)
            .clientBackoff(),
        "1 s waits against the bundled 60 s window");
    // No documented window at all: only growing waits can show a back-off.
    assertEquals(
        BurstRule.KEPT_SENDING,
        BurstRule.detect(Provider.CASY, "t", steady, traffic, GAP, 5, RateLimits.NONE)
            .get(0)
            .clientBackoff(),
        "no window known");
    assertEquals(
        new RateLimits.Limit(10, 60),
        LIMITS.of(Provider.CASY, ErrorClass.RATE_LIMITED),
        "CASY documented");
    assertEquals(
        new RateLimits.Limit(null, 1),
        LIMITS.of(Provider.HOTELBEDS, ErrorClass.RATE_LIMITED),
        "Hotelbeds QPS");
    assertEquals(
        new RateLimits.Limit(null, 86_400),
        LIMITS.of(Provider.HOTELBEDS, ErrorClass.QUOTA_EXCEEDED),
        "Hotelbeds daily quota");
  }

  @Test
  void hotelsAreSortedByCodePointAsSparkSortsStrings() {
    // UTF-16 order would put the surrogate pair of U+1D538 before U+FFFD.
    List<Rejection> rejections =
        List.of(
            casyBody(0, "\uD835\uDD38", 10, 60),
            casyBody(1, "\uFFFD", 10, 60),
            casyBody(2, "b", 10, 60),
            casyBody(3, "B", 10, 60),
            casyBody(4, "b", 10, 60));
    long[] traffic = rejections.stream().mapToLong(Rejection::tsMicros).toArray();
    Burst burst = BurstRule.detect(Provider.CASY, "t", rejections, traffic, GAP, 1, LIMITS).get(0);
    assertEquals("B,b,\uFFFD,\uD835\uDD38", burst.hotels());
    assertEquals(4, burst.hotelsTouched());
  }

  @Test
  void kindOfKnowsTheTwoBurstKindsOnly() {
    assertEquals(RateLimitBursts.KIND_RATE_LIMITED, BurstRule.kindOf(ErrorClass.RATE_LIMITED));
    assertEquals(RateLimitBursts.KIND_QUOTA_EXCEEDED, BurstRule.kindOf(ErrorClass.QUOTA_EXCEEDED));
    assertNull(BurstRule.kindOf(ErrorClass.OK));
    assertNull(BurstRule.kindOf(null));
  }

  @Test
  void aNegativeGapOrAnUnknownKindIsRefused() {
    long[] traffic = {T0};
    assertThrows(
        IllegalArgumentException.class,
        () ->
            BurstRule.detect(
                Provider.CASY, "t", List.of(casy(0)), traffic, Duration.ofSeconds(-1), 1, LIMITS));
    Rejection odd = new Rejection(T0, ErrorClass.OK, null, null, null);
    assertThrows(
        IllegalArgumentException.class,
        () -> BurstRule.detect(Provider.CASY, "t", List.of(odd), traffic, GAP, 1, LIMITS));
  }

  @Test
  void aMillionRejectionStormIsOneBurstInWellUnderASecond() {
    // One rejection every 10 ms for 10,000 s, in random order (made in that order, as a reader
    // would deserialize them), a passing request 5 ms after each but the last; hotels cycle
    // through three ids.
    int n = 1_000_000;
    List<Integer> order = IntStream.range(0, n).boxed().collect(Collectors.toList());
    Collections.shuffle(order, new Random(7));
    List<Rejection> storm = new ArrayList<>(n);
    for (int i : order) {
      storm.add(casyBody(10_000L * i, String.valueOf(1001 + i % 3), 10, 60));
    }
    long[] traffic = LongStream.range(0, 2L * n - 1).map(i -> T0 + 5_000L * i).toArray();
    assertEquals(
        List.of(
            "casy|tok_s|10:00:00Z|12:46:39.990Z|1000000|1999999|rate_limited|9999.99|6000|10|60|3|1001,1002,1003|kept_sending"),
        timedDetect(Provider.CASY, storm, traffic),
        "6,000 rejections per minute; 1,999,998 requests after the first > 10 x 167 windows");
    // The same storm under the Hotelbeds rule: a pause check per rejection, only the last one
    // respected.
    assertEquals(
        List.of(
            "hotelbeds|tok_s|10:00:00Z|12:46:39.990Z|1000000|1999999|rate_limited|9999.99|6000|10|60|3|1001,1002,1003|kept_sending"),
        timedDetect(Provider.HOTELBEDS, storm, traffic),
        "1 of 1,000,000 rejections respected");
  }

  // --- helpers ---

  /** The rendered bursts of a storm, checked to take well under a second of CPU. */
  private static List<String> timedDetect(String provider, List<Rejection> storm, long[] traffic) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long cpuBefore = threads.getCurrentThreadCpuTime();
    List<Burst> bursts = BurstRule.detect(provider, "tok_s", storm, traffic, GAP, 5, LIMITS);
    long cpuMillis = (threads.getCurrentThreadCpuTime() - cpuBefore) / 1_000_000;
    System.out.println("BurstRuleTest storm " + provider + ": " + cpuMillis + " ms CPU");
    assertTrue(cpuMillis < 1_000, "CPU time " + cpuMillis + " ms");
    return bursts.stream().map(BurstRuleTest::render).collect(Collectors.toList());
  }

  private static List<String> detect(Case c, List<Rejection> rejections) {
    long[] traffic =
        LongStream.concat(
                Arrays.stream(c.otherTraffic()), rejections.stream().mapToLong(Rejection::tsMicros))
            .sorted()
            .toArray();
    return BurstRule.detect(c.provider(), c.token(), rejections, traffic, c.gap(), c.min(), LIMITS)
        .stream()
        .map(BurstRuleTest::render)
        .collect(Collectors.toList());
  }

  /** The burst's fields in column order, times of day as UTC ISO time (the date is 2024-03-01). */
  private static String render(Burst b) {
    return String.join(
        "|",
        b.provider(),
        String.valueOf(b.tokenId()),
        time(b.startMicros()),
        time(b.endMicros()),
        String.valueOf(b.rejected()),
        String.valueOf(b.requests()),
        b.kind(),
        String.valueOf(b.durationS()),
        String.valueOf(b.peakRejectedPerMinute()),
        String.valueOf(b.limit()),
        String.valueOf(b.windowSeconds()),
        String.valueOf(b.hotelsTouched()),
        b.hotels(),
        b.clientBackoff());
  }

  private static String time(long micros) {
    String iso = Instant.ofEpochSecond(0, micros * 1_000L).toString();
    assertTrue(iso.startsWith("2024-03-01T"), iso);
    return iso.substring("2024-03-01T".length());
  }

  /** Timestamps of other traffic, in whole seconds after T0. */
  private static long[] traffic(long... seconds) {
    return Arrays.stream(seconds).map(s -> T0 + s * SECOND).toArray();
  }

  private static Rejection casy(long offsetMicros) {
    return casyBody(offsetMicros, "1001", 10, 60);
  }

  private static Rejection casyBody(
      long offsetMicros, String hotel, Integer limit, Integer windowSeconds) {
    return new Rejection(T0 + offsetMicros, ErrorClass.RATE_LIMITED, hotel, limit, windowSeconds);
  }

  private static Rejection qps(long offsetMicros) {
    return new Rejection(T0 + offsetMicros, ErrorClass.RATE_LIMITED, null, null, null);
  }

  private static Rejection quota(long offsetMicros) {
    return new Rejection(T0 + offsetMicros, ErrorClass.QUOTA_EXCEEDED, null, null, null);
  }

  private static List<Rejection> everySecond(int count) {
    return LongStream.range(0, count).mapToObj(i -> casy(i * SECOND)).collect(Collectors.toList());
  }

  /** Hotelbeds rejections at 0, 0.5, 1.5 and 1.75 s. */
  private static List<Rejection> hotelbedsRun() {
    return List.of(qps(0), qps(SECOND / 2), qps(3 * SECOND / 2), qps(7 * SECOND / 4));
  }

  /**
   * CASY rejections at whole seconds after T0, bodies with limit 10 and the given window (or none).
   */
  private static List<Rejection> atSeconds(Integer windowSeconds, long... seconds) {
    return atMicros(windowSeconds, Arrays.stream(seconds).map(s -> s * SECOND).toArray());
  }

  private static List<Rejection> atMicros(Integer windowSeconds, long... offsets) {
    Integer limit = windowSeconds == null ? null : 10;
    return Arrays.stream(offsets)
        .mapToObj(o -> casyBody(o, "1001", limit, windowSeconds))
        .collect(Collectors.toList());
  }

  private static List<Rejection> quotaEverySecond(int count) {
    return LongStream.range(0, count).mapToObj(i -> quota(i * SECOND)).collect(Collectors.toList());
  }
}
