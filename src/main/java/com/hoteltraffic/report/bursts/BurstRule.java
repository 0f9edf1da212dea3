package com.hoteltraffic.report.bursts;

import com.hoteltraffic.model.ErrorClass;
import com.hoteltraffic.model.RateLimits;
import com.hoteltraffic.report.shared.CodePoints;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The rate-limit burst rule of one credential in plain Java: the numbers and verdicts that {@link
 * RateLimitBursts} documents, computed from the credential's rejections and the timestamps of all
 * its exchanges. Spark (or any other engine) only has to bring one credential's events together;
 * everything the class Javadoc of {@link RateLimitBursts} defines is decided here.
 *
 * <p>Exchanges sharing a timestamp: {@code requests} and {@code peak_rejected_per_minute} count
 * multisets, so every exchange at a boundary instant counts. The one place where order within a
 * timestamp would matter is the wait after a rejection (until the credential's next exchange),
 * because the recorded traffic gives no order among exchanges of the same microsecond. The tie
 * rule: another exchange of the credential at the very same microsecond is a next request 0 s
 * later, whichever of the two was logged first: a client that fires concurrent requests did not
 * pause, and the verdict never depends on input order.
 *
 * <p>{@code peak_rejected_per_minute} counts the group's own rejections only, as documented: at a
 * {@code --burst-gap} below 60 s a neighbouring group of the same kind can lie within the minute,
 * and its rejections are not this burst's (so the peak never exceeds {@code rejected}).
 *
 * <p>Cost per credential: two passes over the rejections, a sort of their timestamps, binary
 * searches on the sorted traffic and one sliding window per group, O(n log n) in all; the traffic
 * array is only read.
 */
public final class BurstRule {
  private BurstRule() {}

  /** {@code client_backoff} of a group whose client slowed down. */
  static final String BACKED_OFF = "backed_off";

  /** {@code client_backoff} of a group whose client kept sending. */
  static final String KEPT_SENDING = "kept_sending";

  private static final long MICROS_PER_SECOND = 1_000_000L;
  private static final long PEAK_SPAN_MICROS = 60 * MICROS_PER_SECOND;

  /** Hotel ids sorted as Spark's array_sort sorts strings: by code point (UTF-8 byte order). */
  private static final Comparator<String> BY_CODE_POINT = CodePoints::compare;

  /**
   * One rejection of the credential. kind is {@link RateLimitBursts#KIND_RATE_LIMITED} or {@link
   * RateLimitBursts#KIND_QUOTA_EXCEEDED}.
   */
  public record Rejection(
      long tsMicros, String kind, String hotelId, Integer limit, Integer windowSeconds)
      implements Serializable {}

  /** One burst row; fields in {@link RateLimitBursts#COLUMNS} order. */
  public record Burst(
      String provider,
      String tokenId,
      long startMicros,
      long endMicros,
      long rejected,
      long requests,
      String kind,
      double durationS,
      long peakRejectedPerMinute,
      Integer limit,
      Integer windowSeconds,
      long hotelsTouched,
      String hotels,
      String clientBackoff)
      implements Serializable {}

  /**
   * The burst kind of an exchange's error_class: {@link RateLimitBursts#KIND_RATE_LIMITED}, {@link
   * RateLimitBursts#KIND_QUOTA_EXCEEDED}, or null for any other class.
   */
  public static String kindOf(String errorClass) {
    if (ErrorClass.RATE_LIMITED.equals(errorClass)) {
      return ErrorClass.RATE_LIMITED;
    }
    return ErrorClass.QUOTA_EXCEEDED.equals(errorClass) ? ErrorClass.QUOTA_EXCEEDED : null;
  }

  /**
   * Bursts of one credential (provider, tokenId; tokenId may be null = exchanges without
   * credential, grouped together). rejections: in any order. trafficMicros: the ts (microseconds)
   * of EVERY exchange of the credential, rejections included, sorted ascending, duplicates kept; it
   * is only read, never copied.
   *
   * @param gap the largest gap between consecutive rejections of one group ({@code --burst-gap})
   * @param minRejections the fewest rejections a group of either kind needs ({@code --burst-min})
   * @param limits the providers' documented limits, for the windows of {@code client_backoff}
   * @return the credential's bursts, ordered by kind ({@code rate_limited} first), then start
   */
  public static List<Burst> detect(
      String provider,
      String tokenId,
      List<Rejection> rejections,
      long[] trafficMicros,
      Duration gap,
      int minRejections,
      RateLimits limits) {
    if (gap.isNegative()) {
      throw new IllegalArgumentException("burst gap must not be negative: " + gap);
    }
    long gapMicros = gap.toNanos() / 1_000L;
    // Each kind is grouped on its own: the other kind's rejections neither join nor split.
    KindGroups[] kinds = {
      new KindGroups(ErrorClass.RATE_LIMITED, rejections.size()),
      new KindGroups(ErrorClass.QUOTA_EXCEEDED, rejections.size())
    };
    // Two passes over the rejections, the sort on primitives only: the rest of a rejection
    // (hotel, limit, window) is an order-free aggregate of its group.
    for (Rejection r : rejections) {
      kinds[kindIndex(r)].addTime(r.tsMicros());
    }
    for (KindGroups k : kinds) {
      k.group(gapMicros);
    }
    for (Rejection r : rejections) {
      kinds[kindIndex(r)].addFacts(r);
    }
    Credential credential = new Credential(provider, tokenId, trafficMicros, limits);
    List<Burst> bursts = new ArrayList<>();
    for (KindGroups k : kinds) {
      for (int g = 0; g < k.starts.length; g++) {
        Burst burst = credential.burst(k, g);
        if (kept(burst, minRejections)) {
          bursts.add(burst);
        }
      }
    }
    return bursts;
  }

  /** 0 for rate_limited, 1 for quota_exceeded; a rejection of neither breaks the contract. */
  private static int kindIndex(Rejection r) {
    if (ErrorClass.RATE_LIMITED.equals(r.kind())) {
      return 0;
    }
    if (ErrorClass.QUOTA_EXCEEDED.equals(r.kind())) {
      return 1;
    }
    throw new IllegalArgumentException("not a burst kind: " + r.kind());
  }

  /** One kind's rejection times, sorted, cut into groups, with each group's facts. */
  private static final class KindGroups {
    final String kind;
    long[] times;
    private int size;

    /** Index into {@link #times} where each group begins. */
    int[] starts;

    private long[] startTimes;
    GroupFacts[] facts;

    KindGroups(String kind, int capacity) {
      this.kind = kind;
      this.times = new long[capacity];
    }

    void addTime(long ts) {
      times[size++] = ts;
    }

    /** Sorts the times and starts a group after every gap larger than {@code gapMicros}. */
    void group(long gapMicros) {
      times = Arrays.copyOf(times, size);
      Arrays.sort(times);
      int[] found = new int[size];
      int n = 0;
      for (int i = 0; i < size; i++) {
        if (i == 0 || times[i] - times[i - 1] > gapMicros) {
          found[n++] = i;
        }
      }
      starts = Arrays.copyOf(found, n);
      startTimes = new long[n];
      facts = new GroupFacts[n];
      for (int g = 0; g < n; g++) {
        startTimes[g] = times[starts[g]];
        facts[g] = new GroupFacts();
      }
    }

    /** Groups cover disjoint time ranges: a rejection's is the last starting at or before it. */
    void addFacts(Rejection r) {
      facts[countFrom(startTimes, r.tsMicros(), true) - 1].add(r);
    }

    int end(int group) {
      return group + 1 < starts.length ? starts[group + 1] : times.length;
    }
  }

  /** What a group's rejections say beyond their timestamps. */
  private static final class GroupFacts {
    private final Set<String> hotels = new HashSet<>();
    private Integer limit;
    private Integer windowSeconds;

    void add(Rejection r) {
      if (r.hotelId() != null) {
        hotels.add(r.hotelId());
      }
      limit = larger(limit, r.limit());
      windowSeconds = larger(windowSeconds, r.windowSeconds());
    }

    /** Sorted as Spark's array_sort sorts strings, comma-joined. */
    String hotelList() {
      List<String> sorted = new ArrayList<>(hotels);
      sorted.sort(BY_CODE_POINT);
      return String.join(",", sorted);
    }
  }

  /** The credential whose groups are measured, with its sorted traffic and documented limits. */
  private record Credential(String provider, String tokenId, long[] traffic, RateLimits limits) {

    /** The burst row of one kind's group number {@code group}. */
    Burst burst(KindGroups k, int group) {
      int from = k.starts[group];
      int to = k.end(group);
      long start = k.times[from];
      long end = k.times[to - 1];
      long requests = countFrom(traffic, end, true) - countFrom(traffic, start, false);
      GroupFacts facts = k.facts[group];
      Burst measured =
          new Burst(
              provider,
              tokenId,
              start,
              end,
              to - from,
              requests,
              k.kind,
              (end - start) / (double) MICROS_PER_SECOND,
              peakPerMinute(k.times, from, to),
              facts.limit,
              facts.windowSeconds,
              facts.hotels.size(),
              facts.hotelList(),
              null);
      long[] waits = waits(k.times, from, to);
      boolean backedOff =
          waitsGrow(waits)
              || 2 * respected(waits, windowMicros(k.kind, facts)) >= measured.rejected();
      return withVerdict(measured, backedOff);
    }

    /**
     * The rate window the client had to wait out: the one the group's 429 bodies reported, else the
     * provider's documented one for the kind; null when neither is known.
     */
    private Long windowMicros(String kind, GroupFacts facts) {
      if (facts.windowSeconds != null && facts.windowSeconds > 0) {
        return facts.windowSeconds * MICROS_PER_SECOND;
      }
      RateLimits.Limit documented = limits.of(provider, kind);
      return documented == null ? null : documented.windowSeconds() * MICROS_PER_SECOND;
    }

    /**
     * The wait after each rejection of the group until the credential's next exchange, in
     * microseconds; {@link #NEVER} when none came. Another exchange at the very same microsecond is
     * a next request 0 µs later (the tie rule of the class comment).
     */
    private long[] waits(long[] times, int from, int to) {
      long[] waits = new long[to - from];
      for (int i = from; i < to; i++) {
        long ts = times[i];
        int atOrBefore = countFrom(traffic, ts, true);
        if (atOrBefore - countFrom(traffic, ts, false) > 1) {
          waits[i - from] = 0; // the rejection is one of the exchanges at ts: another one is too
        } else {
          waits[i - from] = atOrBefore < traffic.length ? traffic[atOrBefore] - ts : NEVER;
        }
      }
      return waits;
    }
  }

  /** The wait after a rejection that no later exchange of the credential ended. */
  static final long NEVER = Long.MAX_VALUE;

  /**
   * Rejections after which the client waited out the rate window: its next exchange came at least
   * one window later, or never. Without a known window none did.
   */
  static long respected(long[] waits, Long windowMicros) {
    if (windowMicros == null) {
      return 0;
    }
    long respected = 0;
    for (long wait : waits) {
      if (wait >= windowMicros) {
        respected++;
      }
    }
    return respected;
  }

  /**
   * Exponential back-off: the waits after the group's rejections but the last (each one ended by an
   * exchange within the group) never shrink, and the last of them is at least twice the first and
   * longer than it. Needs two such waits, so three rejections; a steady pace (equal waits) never
   * grows.
   */
  static boolean waitsGrow(long[] waits) {
    int n = waits.length - 1;
    if (n < 2) {
      return false;
    }
    for (int i = 1; i < n; i++) {
      if (waits[i] < waits[i - 1]) {
        return false;
      }
    }
    long first = waits[0];
    long last = waits[n - 1];
    return last > first
        && last >= 2 * first; // waits within a group are at most the gap: no overflow
  }

  private static boolean kept(Burst burst, int minRejections) {
    return burst.rejected() >= minRejections;
  }

  /**
   * The most rejections of the group {@code times[from, to)} within any span {@code (t - 60 s, t]}:
   * a sliding window whose right edge walks the rejections. At a run of equal timestamps the last
   * one sees them all, so the maximum is exact on ties.
   */
  private static long peakPerMinute(long[] times, int from, int to) {
    long peak = 0;
    int left = from;
    for (int right = from; right < to; right++) {
      while (times[left] <= times[right] - PEAK_SPAN_MICROS) {
        left++;
      }
      peak = Math.max(peak, right - left + 1);
    }
    return peak;
  }

  /**
   * How many values of the ascending array are below {@code ts} ({@code inclusive} false) or at
   * most {@code ts} (true): a binary search, so ties at {@code ts} all fall on one side.
   */
  static int countFrom(long[] sorted, long ts, boolean inclusive) {
    int low = 0;
    int high = sorted.length;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (sorted[mid] < ts || (inclusive && sorted[mid] == ts)) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }

  private static Integer larger(Integer a, Integer b) {
    if (a == null) {
      return b;
    }
    return b == null ? a : Math.max(a, b);
  }

  private static Burst withVerdict(Burst b, boolean backedOff) {
    return new Burst(
        b.provider(),
        b.tokenId(),
        b.startMicros(),
        b.endMicros(),
        b.rejected(),
        b.requests(),
        b.kind(),
        b.durationS(),
        b.peakRejectedPerMinute(),
        b.limit(),
        b.windowSeconds(),
        b.hotelsTouched(),
        b.hotels(),
        backedOff ? BACKED_OFF : KEPT_SENDING);
  }
}
