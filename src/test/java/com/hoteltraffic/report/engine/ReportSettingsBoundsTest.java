package com.hoteltraffic.report.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hoteltraffic.model.OperationTimeouts;
import com.hoteltraffic.model.RateLimits;
import com.hoteltraffic.model.RepeatWindows;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/**
 * The time bounds every run applies ({@link ReportSettings#bounds()}), Spark-free, one microsecond
 * on each side of each bound: what error rates and codes count, what the detectors see, which
 * incidents a daily run reports. A daily run of 2026-03-10 in Europe/Zurich (UTC+1) with a 6 h
 * look-back and a 24 h look-ahead: the day is [2026-03-09T23:00Z, 2026-03-10T23:00Z), the read
 * window [2026-03-09T17:00Z, 2026-03-11T23:00Z).
 */
class ReportSettingsBoundsTest {
  private static final long DAY_START = micros("2026-03-09T23:00:00Z");
  private static final long DAY_END = micros("2026-03-10T23:00:00Z");
  private static final long READ_FROM = micros("2026-03-09T17:00:00Z");
  private static final long READ_UNTIL = micros("2026-03-11T23:00:00Z");

  private static final ReportSettings.Bounds DAILY =
      daily(
              new DayScope(
                  LocalDate.parse("2026-03-10"),
                  ZoneId.of("Europe/Zurich"),
                  Duration.ofHours(6),
                  Duration.ofHours(24)))
          .bounds();

  @Test
  void theBoundsAreTheDaysLocalMidnightsWidenedByLookBackAndLookAhead() {
    assertEquals(
        new ReportSettings.Bounds(DAY_START, DAY_END, READ_FROM, READ_UNTIL),
        DAILY,
        "day [local midnight, next local midnight), read window [-6 h, +24 h)");
  }

  @Test
  void theDayCountsFromItsFirstMicrosecondUpToButExcludingTheNextMidnight() {
    assertFalse(DAILY.counts(DAY_START - 1), "1 µs before local midnight is the day before");
    assertTrue(DAILY.counts(DAY_START), "local midnight is the day's first instant");
    assertTrue(DAILY.counts(DAY_END - 1), "the day's last microsecond");
    assertFalse(DAILY.counts(DAY_END), "the next local midnight is tomorrow's");
    assertFalse(DAILY.counts(READ_FROM), "the look-back is read, not counted");
    assertFalse(DAILY.counts(READ_UNTIL - 1), "the look-ahead is read, not counted");
  }

  @Test
  void detectorsSeeTheLookBackAndTheLookAheadHalfOpen() {
    assertFalse(DAILY.detects(READ_FROM - 1), "1 µs before the look-back");
    assertTrue(DAILY.detects(READ_FROM), "the look-back's first microsecond");
    assertTrue(DAILY.detects(DAY_START - 1), "the look-back's last microsecond");
    assertTrue(DAILY.detects(DAY_START), "the day");
    assertTrue(DAILY.detects(DAY_END), "the look-ahead's first microsecond");
    assertTrue(DAILY.detects(READ_UNTIL - 1), "the look-ahead's last microsecond");
    assertFalse(DAILY.detects(READ_UNTIL), "the end of the look-ahead is not read");
  }

  @Test
  void anIncidentIsTheDaysWhenItEndsAtOrAfterMidnightAndStartsBeforeTheNext() {
    assertFalse(
        DAILY.overlapsDay(READ_FROM, DAY_START - 1),
        "ended 1 µs before midnight: the day before's");
    assertTrue(
        DAILY.overlapsDay(READ_FROM, DAY_START), "ended at the day's first instant: the day's");
    assertTrue(
        DAILY.overlapsDay(DAY_START - 1, DAY_START + 1), "began before midnight, ran into the day");
    assertTrue(DAILY.overlapsDay(DAY_END - 1, READ_UNTIL - 1), "began in the day's last µs");
    assertFalse(DAILY.overlapsDay(DAY_END, DAY_END + 1), "began at the next midnight: tomorrow's");
    assertTrue(DAILY.overlapsDay(READ_FROM, READ_UNTIL - 1), "spans the whole day: reported whole");
  }

  @Test
  void aDaylightSavingDayEndsAfter23Hours() {
    // Zurich moves from UTC+1 to UTC+2 on 2026-03-29 at 02:00 local time.
    ReportSettings.Bounds springForward =
        daily(
                new DayScope(
                    LocalDate.parse("2026-03-29"),
                    ZoneId.of("Europe/Zurich"),
                    Duration.ZERO,
                    Duration.ZERO))
            .bounds();
    long start = micros("2026-03-28T23:00:00Z");
    long end = micros("2026-03-29T22:00:00Z");
    assertEquals(
        new ReportSettings.Bounds(start, end, start, end),
        springForward,
        "23 hours; without look-back or look-ahead the read window is the day");
    assertTrue(springForward.counts(end - 1), "the 23rd hour's last microsecond");
    assertFalse(springForward.counts(end), "local midnight after 23 hours");
    assertFalse(springForward.detects(start - 1), "no look-back: nothing before the day is read");
  }

  @Test
  void aRunWithoutADayCountsAndDetectsEveryInstantAndReportsEveryIncident() {
    ReportSettings.Bounds whole = ReportSettings.defaults().bounds();
    assertEquals(
        new ReportSettings.Bounds(Long.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE, Long.MAX_VALUE),
        whole,
        "no bounds");
    for (long ts : new long[] {Long.MIN_VALUE, DAY_START - 1, 0, DAY_END, Long.MAX_VALUE - 1}) {
      assertTrue(whole.counts(ts), "counted: " + ts);
      assertTrue(whole.detects(ts), "detected: " + ts);
    }
    assertTrue(
        whole.overlapsDay(Long.MIN_VALUE, Long.MIN_VALUE), "an incident at the earliest instant");
    assertTrue(
        whole.overlapsDay(Long.MAX_VALUE - 1, Long.MAX_VALUE - 1),
        "an incident at the latest instant");
  }

  private static ReportSettings daily(DayScope day) {
    ReportSettings d = ReportSettings.defaults();
    return new ReportSettings(
        d.window(),
        day.zone(),
        d.burstGap(),
        d.burstMin(),
        d.outageGap(),
        d.outageMin(),
        d.includePii(),
        day,
        d.listLag(),
        RateLimits.NONE,
        OperationTimeouts.NONE,
        RepeatWindows.NONE);
  }

  private static long micros(String instant) {
    Instant t = Instant.parse(instant);
    return t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000;
  }
}
