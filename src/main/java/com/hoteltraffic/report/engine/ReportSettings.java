package com.hoteltraffic.report.engine;

import com.hoteltraffic.model.OperationTimeouts;
import com.hoteltraffic.model.RateLimits;
import com.hoteltraffic.model.RepeatWindows;
import com.hoteltraffic.report.shared.Micros;
import java.io.Serializable;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * What the reports of one run depend on besides the traffic: window and zone, the incident
 * thresholds, whether holder names are kept, and the day of a daily run. Serializable: it travels
 * with the read's tasks.
 *
 * @param day the day of a daily run, or null for a run over everything read
 * @param listLag how long after a booking attempt ended a booking list must have been fetched to
 *     prove that the attempt made no booking (new bookings take about 90 s to appear in lists)
 * @param rateLimits the providers' documented request limits ({@code providers.json}), which the
 *     burst rule's {@code client_backoff} measures waits against
 * @param timeouts the operation timeouts the providers document ({@code error_rates_by_operation})
 * @param repeatWindows per provider, how long after a failure an unchanged resend counts as its
 *     repeat ({@code client_behaviour})
 */
public record ReportSettings(
    Duration window,
    ZoneId zone,
    Duration burstGap,
    int burstMin,
    Duration outageGap,
    int outageMin,
    boolean includePii,
    DayScope day,
    Duration listLag,
    RateLimits rateLimits,
    OperationTimeouts timeouts,
    RepeatWindows repeatWindows)
    implements Serializable {

  /** The defaults of {@code jobs/analyze}. */
  public static final Duration DEFAULT_WINDOW = Duration.ofHours(1);

  public static final Duration DEFAULT_BURST_GAP = Duration.ofSeconds(60);
  public static final int DEFAULT_BURST_MIN = 5;
  public static final Duration DEFAULT_OUTAGE_GAP = Duration.ofMinutes(5);
  public static final int DEFAULT_OUTAGE_MIN = 3;
  public static final Duration DEFAULT_LIST_LAG = Duration.ofSeconds(90);

  /** {@code jobs/analyze}'s defaults: 1 h windows in UTC, no holder names, not a daily run. */
  public static ReportSettings defaults() {
    return new ReportSettings(
        DEFAULT_WINDOW,
        ZoneOffset.UTC,
        DEFAULT_BURST_GAP,
        DEFAULT_BURST_MIN,
        DEFAULT_OUTAGE_GAP,
        DEFAULT_OUTAGE_MIN,
        false,
        null,
        DEFAULT_LIST_LAG,
        RateLimits.builtIn(),
        OperationTimeouts.builtIn(),
        RepeatWindows.builtIn());
  }

  public ReportSettings withWindow(Duration newWindow, ZoneId newZone) {
    return new ReportSettings(
        newWindow,
        newZone,
        burstGap,
        burstMin,
        outageGap,
        outageMin,
        includePii,
        day,
        listLag,
        rateLimits,
        timeouts,
        repeatWindows);
  }

  public ReportSettings withBursts(Duration gap, int min) {
    return new ReportSettings(
        window,
        zone,
        gap,
        min,
        outageGap,
        outageMin,
        includePii,
        day,
        listLag,
        rateLimits,
        timeouts,
        repeatWindows);
  }

  public ReportSettings withOutages(Duration gap, int min) {
    return new ReportSettings(
        window,
        zone,
        burstGap,
        burstMin,
        gap,
        min,
        includePii,
        day,
        listLag,
        rateLimits,
        timeouts,
        repeatWindows);
  }

  public ReportSettings withIncludePii(boolean include) {
    return new ReportSettings(
        window,
        zone,
        burstGap,
        burstMin,
        outageGap,
        outageMin,
        include,
        day,
        listLag,
        rateLimits,
        timeouts,
        repeatWindows);
  }

  public ReportSettings withListLag(Duration lag) {
    return new ReportSettings(
        window,
        zone,
        burstGap,
        burstMin,
        outageGap,
        outageMin,
        includePii,
        day,
        lag,
        rateLimits,
        timeouts,
        repeatWindows);
  }

  public ReportSettings {
    if (rateLimits == null) {
      throw new IllegalArgumentException("rate limits must not be null: use RateLimits.NONE");
    }
    if (timeouts == null) {
      throw new IllegalArgumentException(
          "operation timeouts must not be null (use OperationTimeouts.NONE)");
    }
    if (repeatWindows == null) {
      throw new IllegalArgumentException(
          "repeat windows must not be null (use RepeatWindows.NONE)");
    }
    if (listLag == null || listLag.isNegative()) {
      throw new IllegalArgumentException("list lag must not be negative: " + listLag);
    }
    if (burstGap.isNegative()) {
      throw new IllegalArgumentException("burst gap must not be negative: " + burstGap);
    }
    if (outageGap.isNegative()) {
      throw new IllegalArgumentException("outage gap must not be negative: " + outageGap);
    }
  }

  /**
   * The time bounds a daily run applies, in microseconds, worked out once: exchanges counted by
   * rates and codes (and kept in the table), and exchanges the detectors see. Without a day every
   * exchange is both.
   */
  public Bounds bounds() {
    if (day == null) {
      return new Bounds(Long.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE, Long.MAX_VALUE);
    }
    return new Bounds(
        Micros.of(day.dayStart()),
        Micros.of(day.dayEnd()),
        Micros.of(day.readFrom()),
        Micros.of(day.readUntil()));
  }

  /** See {@link #bounds()}; every interval is {@code [from, until)}. */
  public record Bounds(long dayFrom, long dayUntil, long readFrom, long readUntil)
      implements Serializable {
    /** Counted by error rates and codes, and kept in the table. */
    public boolean counts(long tsMicros) {
      return tsMicros >= dayFrom && tsMicros < dayUntil;
    }

    /** Seen by the detectors (a daily run's read window). */
    public boolean detects(long tsMicros) {
      return tsMicros >= readFrom && tsMicros < readUntil;
    }

    /**
     * A daily run reports incidents that overlap its day, whole: start before its end, end at or
     * after its start.
     */
    public boolean overlapsDay(long startMicros, long endMicros) {
      return startMicros < dayUntil && endMicros >= dayFrom;
    }
  }
}
