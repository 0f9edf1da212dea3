package com.hoteltraffic.report.outages;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The database-outage rule of {@link DbOutages} for one key, in plain Java: no Spark, so that a
 * single pass over the exchanges can feed it compact per-key events.
 *
 * <p>A key is a provider and a scope, plus the hotel for scope {@link DbOutages#SCOPE_TENANT}. The
 * rules, including the ones for equal timestamps:
 *
 * <ul>
 *   <li>Failures are taken in time order; a failure joins the previous one's outage when the gap
 *       between them is at most {@code gap}. A gap exactly equal to {@code gap} joins, one
 *       microsecond more splits; failures at the same instant always share an outage. Outages are
 *       formed first and only then filtered: one with fewer than {@code minFailures} failures is
 *       dropped, never merged with a neighbour.
 *   <li>Start and end are the first and last failure's time; {@code durationS} is {@code (end -
 *       start) / 1e6} in double arithmetic.
 *   <li>{@code affectedTokens} and {@code affectedHotels} count the distinct non-null {@link
 *       Failure#tokenId()} and {@link Failure#hotelId()} of the outage's failures; a null is not a
 *       value (as SQL {@code count(DISTINCT)}), so an outage whose failures all lack a hotel
 *       affects 0 hotels.
 *   <li>Recovery is the smallest success time strictly greater than the end. A success at the very
 *       instant of the last failure is not a recovery, and neither is a success between two
 *       failures of the outage. A recovery may lie after the start of the key's next outage: the
 *       next outage's failures do not hide it.
 * </ul>
 *
 * <p>Cost: sorting the failures, O(n log n), then one pass; each outage's recovery is one binary
 * search of the successes.
 */
public final class OutageRule {
  private OutageRule() {}

  private static final double MICROS_PER_SECOND = 1_000_000.0;

  /**
   * One database failure of a key.
   *
   * @param tsMicros its time, microseconds since the epoch
   * @param tokenId its credential, or null
   * @param hotelId its hotel, or null; for a central key any hotel the failure names
   */
  public record Failure(long tsMicros, String tokenId, String hotelId) implements Serializable {}

  /**
   * One outage row; fields in {@link DbOutages#COLUMNS} order. {@code recoveredAtMicros} is null
   * when no success followed.
   */
  public record Outage(
      String provider,
      String scope,
      String hotelId,
      long startMicros,
      long endMicros,
      long failedRequests,
      double durationS,
      long affectedTokens,
      long affectedHotels,
      Long recoveredAtMicros)
      implements Serializable {}

  /**
   * {@link DbOutages#SCOPE_TENANT}, {@link DbOutages#SCOPE_CENTRAL}, or null when the error code is
   * not a database failure.
   */
  public static String scopeOf(String errorCode) {
    if (DbOutages.TENANT_DB_UNAVAILABLE.equals(errorCode)) {
      return DbOutages.SCOPE_TENANT;
    }
    if (DbOutages.CENTRAL_DB_UNAVAILABLE.equals(errorCode)) {
      return DbOutages.SCOPE_CENTRAL;
    }
    return null;
  }

  /**
   * Outages of one key.
   *
   * <p>The successes to pass: every exchange whose {@code error_class} is {@code ok} and whose
   * provider equals {@code provider} (a null provider matches a null provider only), and:
   *
   * <ul>
   *   <li>tenant key with a hotel: whose {@code hotel_id} equals {@code hotelId};
   *   <li>tenant key with a null hotel: whose {@code hotel_id} is null — a success of some hotel
   *       does not end the outage of failures that named none;
   *   <li>central key: any {@code hotel_id}, null included.
   * </ul>
   *
   * <p>The successes may be thinned to those that can be a recovery; at least the first one
   * strictly after each failure must be kept.
   *
   * @param hotelId the key's hotel: null for central, or for tenant failures naming no hotel
   * @param failures the key's failures, in any order
   * @param successMicros times (µs) of the successes that can end this key's outages, sorted
   *     ascending, duplicates allowed; which ones is said above
   * @param gap the largest gap between consecutive failures of one outage; not negative; its
   *     sub-microsecond part is dropped
   * @param minFailures the fewest failures an outage needs to be reported; 1 or less keeps all
   * @return the key's outages, oldest first
   * @throws IllegalArgumentException for a negative gap, an unknown scope, a central key with a
   *     hotel, or successes out of order
   */
  public static List<Outage> detect(
      String provider,
      String scope,
      String hotelId,
      List<Failure> failures,
      long[] successMicros,
      Duration gap,
      int minFailures) {
    checkKey(scope, hotelId);
    checkAscending(successMicros);
    long gapMicros = gapMicros(gap);
    List<Failure> sorted = new ArrayList<>(failures);
    sorted.sort(Comparator.comparingLong(Failure::tsMicros));

    List<Outage> outages = new ArrayList<>();
    int first = 0;
    for (int i = 1; i <= sorted.size(); i++) {
      if (i == sorted.size() || splitsBefore(sorted, i, gapMicros)) {
        if (i - first >= minFailures) {
          outages.add(outage(provider, scope, hotelId, sorted.subList(first, i), successMicros));
        }
        first = i;
      }
    }
    return outages;
  }

  /**
   * The gap in whole microseconds, truncated as {@link DbOutages} always did.
   *
   * @throws IllegalArgumentException when negative
   */
  static long gapMicros(Duration gap) {
    if (gap.isNegative()) {
      throw new IllegalArgumentException("outage gap must not be negative: " + gap);
    }
    return gap.toNanos() / 1_000L;
  }

  /** Whether the failure at {@code i} starts a new outage: more than gap after the one before. */
  private static boolean splitsBefore(List<Failure> sorted, int i, long gapMicros) {
    return sorted.get(i).tsMicros() - sorted.get(i - 1).tsMicros() > gapMicros;
  }

  /** One outage of the time-ordered failures {@code run}. */
  private static Outage outage(
      String provider, String scope, String hotelId, List<Failure> run, long[] successMicros) {
    long start = run.get(0).tsMicros();
    long end = run.get(run.size() - 1).tsMicros();
    return new Outage(
        provider,
        scope,
        hotelId,
        start,
        end,
        run.size(),
        (end - start) / MICROS_PER_SECOND,
        distinctNonNull(run, Failure::tokenId),
        distinctNonNull(run, Failure::hotelId),
        firstAfter(successMicros, end));
  }

  private static long distinctNonNull(List<Failure> run, Function<Failure, String> field) {
    Set<String> seen = new HashSet<>();
    for (Failure failure : run) {
      String value = field.apply(failure);
      if (value != null) {
        seen.add(value);
      }
    }
    return seen.size();
  }

  /** The smallest of the ascending {@code sorted} strictly greater than {@code micros}, or null. */
  static Long firstAfter(long[] sorted, long micros) {
    // Lower bound of micros + 1 without overflow: the first index whose value exceeds micros.
    int low = 0;
    int high = sorted.length;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (sorted[mid] > micros) {
        high = mid;
      } else {
        low = mid + 1;
      }
    }
    return low < sorted.length ? sorted[low] : null;
  }

  private static void checkKey(String scope, String hotelId) {
    if (!DbOutages.SCOPE_TENANT.equals(scope) && !DbOutages.SCOPE_CENTRAL.equals(scope)) {
      throw new IllegalArgumentException("unknown outage scope: " + scope);
    }
    // A central outage is the provider's, never a hotel's: DbOutages reports its hotel as null.
    if (DbOutages.SCOPE_CENTRAL.equals(scope) && hotelId != null) {
      throw new IllegalArgumentException("a central key has no hotel, got " + hotelId);
    }
  }

  /** Binary search needs ascending successes; an unsorted array would silently mislead it. */
  private static void checkAscending(long[] successMicros) {
    Objects.requireNonNull(successMicros, "successMicros");
    for (int i = 1; i < successMicros.length; i++) {
      if (successMicros[i] < successMicros[i - 1]) {
        throw new IllegalArgumentException("successMicros not ascending at index " + i);
      }
    }
  }
}
