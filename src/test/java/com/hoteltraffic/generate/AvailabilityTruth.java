package com.hoteltraffic.generate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ground truth of {@code availability_by_day}, derived from every written exchange by the rule
 * of {@code docs/availability-by-day.md}, independently of the analyzer: per provider × operation ×
 * UTC day, the requests, the provider's failures by class ({@code server_error}, {@code
 * upstream_unavailable}, {@code timeout}, {@code no_response}), {@code availability} = 1 − failures
 * / requests rounded half-up to 6 decimals, and the nearest-rank p95 of the durations the
 * recordings hold (the legacy CASY log records none).
 */
final class AvailabilityTruth {
  /** The failure classes, in the report's column order. */
  private static final List<String> FAILURES =
      List.of("server_error", "upstream_unavailable", "timeout", "no_response");

  private static final Pattern CASY = Pattern.compile("https://[^/]+/v1(/[^?]*)(\\?.*)?");
  private static final Pattern HOTELBEDS =
      Pattern.compile("https://[^/]+/hotel-api/[^/]+(/[^?]*)(\\?.*)?");

  /** Counts and durations of one row. */
  private static final class Day {
    long requests;
    final long[] failures = new long[FAILURES.size()];
    final List<Long> durations = new ArrayList<>();
  }

  /** By day, provider and operation joined with NUL, so that text order is the report's order. */
  private final Map<String, Day> days = new TreeMap<>();

  void add(Exchange e) {
    String key = Times.date(e.tsMillis) + '\u0000' + e.provider + '\u0000' + operationOf(e);
    Day day = days.computeIfAbsent(key, k -> new Day());
    day.requests++;
    int failure = FAILURES.indexOf(e.errorClass);
    if (failure >= 0) {
      day.failures[failure]++;
    }
    // Every channel but the legacy CASY log writes the duration (duration_ms, or HAR's time).
    if (e.channel != Channel.CASY_LEGACY) {
      day.durations.add(e.durationMs);
    }
  }

  List<GroundTruth.AvailabilityDay> build() {
    List<GroundTruth.AvailabilityDay> rows = new ArrayList<>();
    days.forEach(
        (key, day) -> {
          String[] parts = key.split("\u0000", -1);
          long failed = 0;
          for (long count : day.failures) {
            failed += count;
          }
          rows.add(
              new GroundTruth.AvailabilityDay(
                  parts[0],
                  parts[1],
                  parts[2],
                  day.requests,
                  day.failures[0],
                  day.failures[1],
                  day.failures[2],
                  day.failures[3],
                  failed,
                  BigDecimal.valueOf(day.requests - failed)
                      .divide(BigDecimal.valueOf(day.requests), 6, RoundingMode.HALF_UP)
                      .stripTrailingZeros()
                      .toPlainString(),
                  p95(day.durations)));
        });
    return rows;
  }

  /** The ceil(0.95 × n)-th smallest, or null when there is none. */
  private static Long p95(List<Long> durations) {
    if (durations.isEmpty()) {
      return null;
    }
    List<Long> sorted = new ArrayList<>(durations);
    sorted.sort(null);
    int rank = (95 * sorted.size() + 99) / 100;
    return sorted.get(rank - 1);
  }

  /**
   * The operation of an exchange, by the providers' documented paths (docs/, not the analyzer's
   * rules): every URL the generator writes for CASY or Hotelbeds is listed; another is a generator
   * change this truth must learn about.
   */
  static String operationOf(Exchange e) {
    switch (e.provider) {
      case "unknown" -> {
        return "other";
      }
      case "casy" -> {
        String path = path(CASY, e);
        if (path.matches("/reservations/[^/]+")) {
          return "reservations";
        } else if (path.matches("/reservations/[^/]+/all")) {
          return "reservations_all";
        } else if (path.matches("/health/hotels/[^/]+")) {
          return "hotel_health";
        } else if (path.equals("/introspect")) {
          return "introspect";
        }
      }
      case "hotelbeds" -> {
        String call =
            e.method + " " + path(HOTELBEDS, e).replaceFirst("^/bookings/[^/]+$", "/b/ID");
        switch (call) {
          case "POST /hotels" -> {
            return "availability";
          }
          case "POST /checkrates" -> {
            return "checkrates";
          }
          case "POST /bookings" -> {
            return "booking_confirmation";
          }
          case "GET /bookings" -> {
            return "booking_list";
          }
          case "GET /b/ID" -> {
            return "booking_detail";
          }
          case "PUT /b/ID" -> {
            return "booking_change";
          }
          case "DELETE /b/ID" -> {
            return "booking_cancellation";
          }
          default -> {
            // Not one of the generator's Hotelbeds calls.
          }
        }
      }
      default -> {
        // Not one of the generator's providers.
      }
    }
    throw new IllegalArgumentException(
        "operation not in the generator's truth: " + e.provider + " " + e.method + " " + e.url);
  }

  private static String path(Pattern base, Exchange e) {
    Matcher m = base.matcher(e.url);
    if (!m.matches()) {
      throw new IllegalArgumentException("URL not in the generator's truth: " + e.url);
    }
    // A trailing slash names the same path (the support console's redirected health call).
    return m.group(1).replaceFirst("(.)/$", "$1");
  }
}
