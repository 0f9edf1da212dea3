package com.hoteltraffic.report.shared;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Tumbling windows aligned on the wall clock of a time zone, in plain Java: with {@code --window 1d
 * --timezone Europe/Zurich} a window runs from local midnight to local midnight. A window is
 * identified by its local start in microseconds of the zone's wall clock; its bounds are moved back
 * to UTC the way Spark's {@code to_utc_timestamp} does (a local time in a daylight-saving gap moves
 * forward by the gap; in an overlap the earlier offset wins).
 */
public final class WindowClock {
  private final long sizeMicros;
  private final ZoneId zone;
  private final boolean utc;

  public WindowClock(Duration size, ZoneId zone) {
    this.sizeMicros = size.toNanos() / 1_000;
    this.zone = zone;
    this.utc = zone.normalized().equals(ZoneOffset.UTC);
    if (sizeMicros <= 0) {
      throw new IllegalArgumentException("window must be positive: " + size);
    }
  }

  /** The local start of the window holding {@code tsMicros}. */
  public long key(long tsMicros) {
    long local = utc ? tsMicros : tsMicros + offsetSeconds(tsMicros) * Micros.PER_SECOND;
    return local - Math.floorMod(local, sizeMicros);
  }

  public Instant start(long key) {
    return toUtc(key);
  }

  public Instant end(long key) {
    return toUtc(key + sizeMicros);
  }

  private long offsetSeconds(long tsMicros) {
    return zone.getRules().getOffset(Micros.instant(tsMicros)).getTotalSeconds();
  }

  private Instant toUtc(long localMicros) {
    Instant asUtc = Micros.instant(localMicros);
    return utc ? asUtc : LocalDateTime.ofInstant(asUtc, ZoneOffset.UTC).atZone(zone).toInstant();
  }
}
