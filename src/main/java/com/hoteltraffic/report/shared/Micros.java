package com.hoteltraffic.report.shared;

import java.time.Instant;

/** Microseconds since the epoch, Spark's timestamp precision, to and from {@link Instant}. */
public final class Micros {
  public static final long PER_SECOND = 1_000_000L;

  private Micros() {}

  public static long of(Instant instant) {
    return Math.addExact(
        Math.multiplyExact(instant.getEpochSecond(), PER_SECOND), instant.getNano() / 1_000);
  }

  public static Instant instant(long micros) {
    return Instant.ofEpochSecond(
        Math.floorDiv(micros, PER_SECOND), Math.floorMod(micros, PER_SECOND) * 1_000);
  }

  /** Null stays null. */
  public static Instant instant(Long micros) {
    return micros == null ? null : instant(micros.longValue());
  }
}
