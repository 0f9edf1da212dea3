package com.hoteltraffic.generate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The alerts a daily run of the last generated day must raise when compared with the run of the day
 * before (the previous day's folder under the same output), derived from the written traffic and
 * the truth's incidents by the alert rules of docs/alerts.md with the default thresholds,
 * independently of the analyzer and of what the generator meant to script.
 *
 * <p>Each day's reports hold the exchanges from its midnight to the next (UTC, the generator's
 * days); incidents that overlap the day are reported whole; bookings attempted in the day are
 * reconciled with everything after them (the last day has no later traffic to change that).
 */
final class AlertTruth {
  static final String CRITICAL = "critical";
  static final String WARNING = "warning";

  /** The kinds of docs/alerts.md, in listing order. */
  static final List<String> KINDS =
      List.of(
          "booking_duplicate",
          "booking_unresolved",
          "booking_on_retry",
          "db_outage",
          "credential_failing_auth",
          "credential_quota_exhausted",
          "new_error_code",
          "hotel_error_rate_rose",
          "credential_error_rate_rose");

  /** Defaults of {@code --alert-rate-rise}, {@code --alert-rate-rise-critical} (in points). */
  static final long RISE_POINTS = 10;

  static final long RISE_CRITICAL_POINTS = 50;

  /** Default of {@code --alert-min-requests}. */
  static final long MIN_REQUESTS = 50;

  /** Default {@code --lookback}: incidents starting earlier would be cut at its start. */
  private static final long LOOKBACK_MS = 6 * Times.HOUR;

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

  void add(Exchange e) {
    rows.add(
        new Row(
            e.tsMillis,
            e.provider,
            orEmpty(e.hotelId),
            orEmpty(e.token),
            e.status,
            e.errorCode,
            e.errorClass));
  }

  /** The last day's alerts, critical first, then by kind, then by their key values. */
  List<GroundTruth.ExpectedAlert> build(
      GeneratorConfig config,
      List<GroundTruth.Outage> outages,
      List<GroundTruth.UncertainBooking> bookings,
      HealthTruth health) {
    long day = config.start().toEpochMilli() + (config.days() - 1) * Times.DAY;
    long end = day + Times.DAY;
    long previous = day - Times.DAY;
    List<GroundTruth.ExpectedAlert> alerts = new ArrayList<>();
    bookings(alerts, bookings, day, end);
    outages(alerts, outages, day, end);
    credentials(
        alerts, health.credentialsBetween(day, end), health.credentialsBetween(previous, day));
    newCodes(alerts, day, end, previous);
    rateRises(alerts, "hotel_error_rate_rose", "hotel_id", Row::hotel, day, end, previous);
    rateRises(alerts, "credential_error_rate_rose", "token_id", Row::token, day, end, previous);
    alerts.sort(
        Comparator.comparing((GroundTruth.ExpectedAlert a) -> !CRITICAL.equals(a.severity()))
            .thenComparingInt(a -> KINDS.indexOf(a.kind()))
            .thenComparing(a -> String.join("\u0000", a.where().values())));
    return List.copyOf(alerts);
  }

  /**
   * DUPLICATE rows alert when at least two of their bookings stand: the truth lists every booking
   * seen, and a DUPLICATE's bookings carry no cancellation in the traffic (its status is empty).
   * UNRESOLVED and BOOKED_ON_RETRY rows are warnings.
   */
  private static void bookings(
      List<GroundTruth.ExpectedAlert> alerts,
      List<GroundTruth.UncertainBooking> bookings,
      long day,
      long end) {
    for (GroundTruth.UncertainBooking b : bookings) {
      long ts = Instant.parse(b.attemptTs()).toEpochMilli();
      if (ts < day || ts >= end) {
        continue;
      }
      String kind =
          switch (b.status()) {
            case "DUPLICATE" ->
                b.bookingStatus().isEmpty() && b.referencesSeen().size() >= 2
                    ? "booking_duplicate"
                    : null;
            case "UNRESOLVED" -> "booking_unresolved";
            case "BOOKED_ON_RETRY" -> "booking_on_retry";
            default -> null;
          };
      if (kind == null) {
        continue;
      }
      alerts.add(
          alert(
              "booking_duplicate".equals(kind) ? CRITICAL : WARNING,
              kind,
              "unconfirmed_bookings",
              "attempt_ts",
              csvTime(b.attemptTs()),
              "client_reference",
              b.clientReference()));
    }
  }

  private static void outages(
      List<GroundTruth.ExpectedAlert> alerts,
      List<GroundTruth.Outage> outages,
      long day,
      long end) {
    for (GroundTruth.Outage o : outages) {
      long start = Instant.parse(o.start()).toEpochMilli();
      long last = Instant.parse(o.end()).toEpochMilli();
      if (last < day || start >= end) {
        continue;
      }
      if (start < day - LOOKBACK_MS) {
        throw new IllegalStateException("an outage starts before the look-back: " + o);
      }
      boolean central = "central".equals(o.scope());
      alerts.add(
          alert(
              central ? CRITICAL : WARNING,
              "db_outage",
              "db_outages",
              "provider",
              o.provider(),
              "scope",
              o.scope(),
              "hotel_id",
              o.hotelId(),
              "start",
              csvTime(o.start())));
    }
  }

  /**
   * A credential alerts when its state of the day alerts and differs from the day before; or, in
   * the same state, when it was accepted after the day before's last request and before its since
   * (recovered, failed again); or, for quota_exhausted, when its since is on a later UTC day than
   * the day before's.
   */
  private static void credentials(
      List<GroundTruth.ExpectedAlert> alerts,
      Map<String, HealthTruth.Credential> now,
      Map<String, HealthTruth.Credential> before) {
    now.forEach(
        (key, credential) -> {
          String state = credential.state();
          boolean failing = "failing_auth".equals(state);
          if (!failing && !"quota_exhausted".equals(state)) {
            return;
          }
          HealthTruth.Credential earlier = before.get(key);
          if (earlier != null && state.equals(earlier.state()) && !again(credential, earlier)) {
            return;
          }
          String[] parts = key.split("\u0000", -1);
          alerts.add(
              alert(
                  failing ? CRITICAL : WARNING,
                  failing ? "credential_failing_auth" : "credential_quota_exhausted",
                  "credential_health",
                  "provider",
                  parts[0],
                  "token_id",
                  "null".equals(parts[1]) ? "" : parts[1]));
        });
  }

  private static boolean again(HealthTruth.Credential now, HealthTruth.Credential earlier) {
    long since = Instant.parse(now.since()).toEpochMilli();
    if (now.lastAccepted() != null) {
      long accepted = Instant.parse(now.lastAccepted()).toEpochMilli();
      if (accepted > Instant.parse(earlier.lastSeen()).toEpochMilli() && accepted < since) {
        return true;
      }
    }
    return "quota_exhausted".equals(now.state())
        && Math.floorDiv(since, Times.DAY)
            > Math.floorDiv(Instant.parse(earlier.since()).toEpochMilli(), Times.DAY);
  }

  /** Error codes of the day (not ok) whose provider × status × code the day before lacks. */
  private void newCodes(List<GroundTruth.ExpectedAlert> alerts, long day, long end, long previous) {
    Set<List<String>> before = new HashSet<>();
    Set<List<String>> now = new TreeSet<>(Comparator.comparing(Object::toString));
    for (Row r : rows) {
      List<String> key =
          List.of(r.provider(), r.status() == null ? "" : r.status().toString(), r.code());
      if (r.ts() >= previous && r.ts() < day) {
        before.add(key);
      } else if (r.ts() >= day && r.ts() < end && r.error()) {
        now.add(key);
      }
    }
    for (List<String> key : now) {
      if (!before.contains(key)) {
        alerts.add(
            alert(
                WARNING,
                "new_error_code",
                "error_codes",
                "provider",
                key.get(0),
                "http_status",
                key.get(1),
                "error_code",
                key.get(2)));
      }
    }
  }

  /**
   * Per provider × key (empty keys never alert), requests and errors of each day; a rise of {@code
   * e1/r1 − e0/r0} by the thresholds (in points) alerts when both days have {@link #MIN_REQUESTS}.
   */
  private void rateRises(
      List<GroundTruth.ExpectedAlert> alerts,
      String kind,
      String column,
      java.util.function.Function<Row, String> keyOf,
      long day,
      long end,
      long previous) {
    Map<String, long[]> counts = new TreeMap<>();
    for (Row r : rows) {
      String id = keyOf.apply(r);
      if (id.isEmpty() || r.ts() < previous || r.ts() >= end) {
        continue;
      }
      long[] c = counts.computeIfAbsent(r.provider() + '\u0000' + id, k -> new long[4]);
      int offset = r.ts() >= day ? 2 : 0;
      c[offset]++;
      if (r.error()) {
        c[offset + 1]++;
      }
    }
    counts.forEach(
        (key, c) -> {
          long r0 = c[0];
          long e0 = c[1];
          long r1 = c[2];
          long e1 = c[3];
          if (r0 < MIN_REQUESTS || r1 < MIN_REQUESTS) {
            return;
          }
          long rise100 = Math.multiplyExact(100, e1 * r0 - e0 * r1);
          String severity =
              rise100 >= RISE_CRITICAL_POINTS * r0 * r1
                  ? CRITICAL
                  : rise100 >= RISE_POINTS * r0 * r1 ? WARNING : null;
          if (severity == null) {
            return;
          }
          String[] parts = key.split("\u0000", -1);
          alerts.add(
              alert(
                  severity,
                  kind,
                  column.equals("hotel_id") ? "error_rates_by_hotel" : "error_rates_by_token",
                  "provider",
                  parts[0],
                  column,
                  parts[1]));
        });
  }

  private static GroundTruth.ExpectedAlert alert(
      String severity, String kind, String report, String... where) {
    Map<String, String> keys = new LinkedHashMap<>();
    for (int i = 0; i < where.length; i += 2) {
      keys.put(where[i], Objects.requireNonNullElse(where[i + 1], ""));
    }
    return new GroundTruth.ExpectedAlert(severity, kind, report, keys);
  }

  /** A truth timestamp as the report's CSV (and so an alert's {@code where}) writes it. */
  private static String csvTime(String iso) {
    return Instant.parse(iso).toString();
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }
}
