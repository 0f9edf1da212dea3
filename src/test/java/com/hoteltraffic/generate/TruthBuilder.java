package com.hoteltraffic.generate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Collects the labelled facts of every written exchange and derives the ground truth's aggregates
 * and incidents by the contract's rules (burst gap 60 s / min 5, outage gap 5 min / min 3), so the
 * truth states exactly what the traffic shows, background included.
 */
final class TruthBuilder {
  /**
   * The labels of one exchange; strings are shared with the generator's cast, so rows stay small.
   */
  private record Row(
      long ts,
      String provider,
      String hotel,
      String token,
      Integer status,
      String code,
      String errorClass) {
    boolean error() {
      return !"ok".equals(errorClass);
    }
  }

  private final List<Row> rows = new ArrayList<>();
  private final AvailabilityTruth availability = new AvailabilityTruth();

  void add(Exchange e) {
    availability.add(e);
    rows.add(
        new Row(e.tsMillis, e.provider, e.hotelId, e.token, e.status, e.errorCode, e.errorClass));
  }

  GroundTruth build(
      GeneratorConfig config,
      List<FileStats> files,
      List<Scenario.BookingTruth> plannedBookings,
      HealthTruth.Result health,
      AlertTruth alertTruth,
      HealthTruth healthTruth) {
    rows.sort(Comparator.comparingLong(Row::ts));
    long quarantined = 0;
    long blank = 0;
    for (FileStats f : files) {
      quarantined += f.quarantined();
      blank += f.blank();
    }
    long errors = rows.stream().filter(Row::error).count();

    // Hash maps while counting (fast), sorted copies for output (stable order).
    Map<String, long[]> hotels = new HashMap<>();
    Map<String, long[]> tokens = new HashMap<>();
    Map<String, Object[]> codes = new HashMap<>();
    Map<String, long[]> hours = new HashMap<>();
    for (Row r : rows) {
      count(hotels, r.provider() + '\u0000' + r.hotel(), r);
      count(tokens, r.provider() + '\u0000' + r.token(), r);
      long window = Math.floorDiv(r.ts(), Times.HOUR) * Times.HOUR;
      // Windows are positive epoch millis of equal digit count in any realistic run: text order is
      // time order.
      count(hours, window + "\u0000" + r.provider() + '\u0000' + r.hotel(), r);
      String status = r.status() == null ? "   " : r.status().toString();
      String key =
          r.provider() + '\u0000' + status + '\u0000' + r.code() + '\u0000' + r.errorClass();
      Object[] code = codes.computeIfAbsent(key, k -> new Object[] {r, 0L, r.ts(), r.ts()});
      code[1] = (Long) code[1] + 1;
      code[3] = r.ts();
    }
    List<GroundTruth.HotelCount> byHotel = new ArrayList<>();
    new TreeMap<>(hotels)
        .forEach(
            (k, v) -> byHotel.add(new GroundTruth.HotelCount(part(k, 0), part(k, 1), v[0], v[1])));
    List<GroundTruth.TokenCount> byToken = new ArrayList<>();
    new TreeMap<>(tokens)
        .forEach(
            (k, v) -> byToken.add(new GroundTruth.TokenCount(part(k, 0), part(k, 1), v[0], v[1])));
    List<GroundTruth.HourCount> byHour = new ArrayList<>();
    new TreeMap<>(hours)
        .forEach(
            (k, v) ->
                byHour.add(
                    new GroundTruth.HourCount(
                        Times.isoUtc(Long.parseLong(part(k, 0))),
                        part(k, 1),
                        part(k, 2),
                        v[0],
                        v[1])));
    List<GroundTruth.CodeCount> byCode = new ArrayList<>();
    new TreeMap<>(codes)
        .forEach(
            (k, v) -> {
              Row r = (Row) v[0];
              byCode.add(
                  new GroundTruth.CodeCount(
                      r.provider(),
                      r.status(),
                      r.code(),
                      r.errorClass(),
                      (Long) v[1],
                      Times.isoUtc((Long) v[2]),
                      Times.isoUtc((Long) v[3])));
            });

    List<GroundTruth.Burst> bursts = new ArrayList<>();
    bursts.addAll(bursts("rate_limited", GroundTruth.BURST_MIN));
    bursts.addAll(bursts("quota_exceeded", GroundTruth.BURST_MIN));
    bursts.sort(
        Comparator.comparing(GroundTruth.Burst::provider)
            .thenComparing(GroundTruth.Burst::token)
            .thenComparing(GroundTruth.Burst::start)
            .thenComparing(GroundTruth.Burst::kind));

    List<GroundTruth.Outage> outages = outages();

    List<GroundTruth.UncertainBooking> bookings = new ArrayList<>();
    for (Scenario.BookingTruth b : plannedBookings) {
      bookings.add(
          new GroundTruth.UncertainBooking(
              Times.isoUtc(b.attemptTs()),
              b.token(),
              b.hotelId(),
              b.clientReference(),
              b.outcome(),
              b.status(),
              b.bookingReference(),
              b.bookingStatus(),
              b.referencesSeen()));
    }
    bookings.sort(Comparator.comparing(GroundTruth.UncertainBooking::attemptTs));

    long exchanges = rows.size();
    return new GroundTruth(
        config,
        files,
        new GroundTruth.Totals(exchanges, quarantined, blank, errors),
        byHotel,
        byToken,
        byCode,
        byHour,
        bursts,
        outages,
        bookings,
        health,
        alertTruth.build(config, outages, bookings, healthTruth),
        availability.build());
  }

  private static void count(Map<String, long[]> counts, String key, Row r) {
    long[] c = counts.computeIfAbsent(key, k -> new long[2]);
    c[0]++;
    if (r.error()) {
      c[1]++;
    }
  }

  private static String part(String key, int index) {
    return key.split("\u0000", -1)[index];
  }

  /**
   * Rejections of one class grouped per credential while consecutive ones are at most the burst gap
   * apart.
   */
  private List<GroundTruth.Burst> bursts(String errorClass, int min) {
    Map<String, List<Long>> rejections = new TreeMap<>();
    Map<String, List<Long>> requests = new TreeMap<>();
    for (Row r : rows) {
      String key = r.provider() + '\u0000' + r.token();
      requests.computeIfAbsent(key, k -> new ArrayList<>()).add(r.ts());
      if (errorClass.equals(r.errorClass())) {
        rejections.computeIfAbsent(key, k -> new ArrayList<>()).add(r.ts());
      }
    }
    List<GroundTruth.Burst> out = new ArrayList<>();
    for (Map.Entry<String, List<Long>> entry : rejections.entrySet()) {
      long[] all = requests.get(entry.getKey()).stream().mapToLong(Long::longValue).toArray();
      for (long[] group : groups(entry.getValue(), GroundTruth.BURST_GAP_SECONDS * Times.SECOND)) {
        if (group[2] >= min) {
          long inside = upperBound(all, group[1]) - lowerBound(all, group[0]);
          String provider = part(entry.getKey(), 0);
          List<Long> own =
              entry
                  .getValue()
                  .subList(
                      lowerBound(entry.getValue(), group[0]),
                      upperBound(entry.getValue(), group[1]));
          out.add(
              new GroundTruth.Burst(
                  provider,
                  part(entry.getKey(), 1),
                  errorClass,
                  Times.isoUtc(group[0]),
                  Times.isoUtc(group[1]),
                  group[2],
                  inside,
                  clientBackoff(own, all, windowMillis(provider, errorClass))));
        }
      }
    }
    return out;
  }

  /**
   * The window a rejected client had to wait out: the CASY 429 bodies the generator writes say 60
   * s; Hotelbeds documents a per-second throttle and a daily quota.
   */
  private static long windowMillis(String provider, String errorClass) {
    if ("casy".equals(provider)) {
      return 60 * Times.SECOND;
    }
    return "quota_exceeded".equals(errorClass) ? Times.DAY : Times.SECOND;
  }

  /**
   * The contract's client_backoff: the wait after each rejection until the credential's next
   * exchange (0 when another exchange shares its millisecond, never when none follows); backed off
   * when the waits inside the group never shrink and the last is at least twice the first (and
   * longer), or when at least half the rejections were followed by a wait of a whole window.
   */
  private static String clientBackoff(List<Long> rejections, long[] all, long windowMillis) {
    long[] waits = new long[rejections.size()];
    for (int i = 0; i < waits.length; i++) {
      long ts = rejections.get(i);
      int after = upperBound(all, ts);
      boolean shared = after - lowerBound(all, ts) > 1;
      waits[i] = shared ? 0 : after < all.length ? all[after] - ts : Long.MAX_VALUE;
    }
    long respected = java.util.Arrays.stream(waits).filter(w -> w >= windowMillis).count();
    boolean grows = waits.length >= 3;
    for (int i = 1; grows && i < waits.length - 1; i++) {
      grows = waits[i] >= waits[i - 1];
    }
    grows = grows && waits[waits.length - 2] > waits[0] && waits[waits.length - 2] >= 2 * waits[0];
    return grows || 2 * respected >= waits.length ? "backed_off" : "kept_sending";
  }

  private List<GroundTruth.Outage> outages() {
    Map<String, List<Long>> failures = new TreeMap<>();
    for (Row r : rows) {
      if (!"casy".equals(r.provider())) {
        continue;
      }
      if ("tenant_db_unavailable".equals(r.code())) {
        failures.computeIfAbsent("tenant\u0000" + r.hotel(), k -> new ArrayList<>()).add(r.ts());
      } else if ("central_db_unavailable".equals(r.code())) {
        failures.computeIfAbsent("central\u0000", k -> new ArrayList<>()).add(r.ts());
      }
    }
    List<GroundTruth.Outage> out = new ArrayList<>();
    for (Map.Entry<String, List<Long>> entry : failures.entrySet()) {
      String scope = part(entry.getKey(), 0);
      String hotel = part(entry.getKey(), 1);
      for (long[] group : groups(entry.getValue(), GroundTruth.OUTAGE_GAP_SECONDS * Times.SECOND)) {
        if (group[2] >= GroundTruth.OUTAGE_MIN) {
          String recovered = null;
          for (Row r : rows) {
            if (r.ts() > group[1]
                && "casy".equals(r.provider())
                && !r.error()
                && (scope.equals("central") || Objects.equals(hotel, r.hotel()))) {
              recovered = Times.isoUtc(r.ts());
              break;
            }
          }
          out.add(
              new GroundTruth.Outage(
                  "casy",
                  scope,
                  hotel,
                  Times.isoUtc(group[0]),
                  Times.isoUtc(group[1]),
                  group[2],
                  recovered));
        }
      }
    }
    out.sort(
        Comparator.comparing(GroundTruth.Outage::start)
            .thenComparing(GroundTruth.Outage::scope)
            .thenComparing(GroundTruth.Outage::hotelId));
    return out;
  }

  /**
   * Sorted timestamps split where the gap exceeds {@code maxGap}: {start, end, count} per group.
   */
  private static List<long[]> groups(List<Long> sorted, long maxGap) {
    List<long[]> out = new ArrayList<>();
    long[] current = null;
    for (long ts : sorted) {
      if (current == null || ts - current[1] > maxGap) {
        current = new long[] {ts, ts, 0};
        out.add(current);
      }
      current[1] = ts;
      current[2]++;
    }
    return out;
  }

  private static int lowerBound(List<Long> sorted, long value) {
    return lowerBound(sorted.stream().mapToLong(Long::longValue).toArray(), value);
  }

  private static int upperBound(List<Long> sorted, long value) {
    return upperBound(sorted.stream().mapToLong(Long::longValue).toArray(), value);
  }

  private static int lowerBound(long[] sorted, long value) {
    int i = Arrays.binarySearch(sorted, value);
    if (i < 0) {
      return -i - 1;
    }
    while (i > 0 && sorted[i - 1] == value) {
      i--;
    }
    return i;
  }

  private static int upperBound(long[] sorted, long value) {
    int i = Arrays.binarySearch(sorted, value);
    if (i < 0) {
      return -i - 1;
    }
    while (i < sorted.length - 1 && sorted[i + 1] == value) {
      i++;
    }
    return i + 1;
  }
}
