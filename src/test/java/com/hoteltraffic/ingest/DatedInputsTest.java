package com.hoteltraffic.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hoteltraffic.report.engine.DayScope;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Date placeholders of --input: which paths, for which days. Plain Java. */
class DatedInputsTest {
  private static final LocalDate DAY = LocalDate.parse("2026-03-09");

  @Test
  void everyPlaceholderIsReplacedZeroPadded() {
    assertEquals(
        "/archive/traffic/2026/03/09/",
        DatedInputs.expand("/archive/traffic/{yyyy}/{MM}/{dd}/", DAY));
    assertEquals(
        "hdfs://nn/t/date=2026-03-09/*.jsonl.gz",
        DatedInputs.expand("hdfs://nn/t/date={yyyy-MM-dd}/*.jsonl.gz", DAY));
    assertEquals("/a/2026/2026-03-09/09", DatedInputs.expand("/a/{yyyy}/{yyyy-MM-dd}/{dd}", DAY));
  }

  @Test
  void onlyTheFourPlaceholdersCount() {
    assertTrue(DatedInputs.hasPlaceholder("/a/{yyyy}/"), "{yyyy}");
    assertTrue(DatedInputs.hasPlaceholder("/a/{MM}"), "{MM}");
    assertTrue(DatedInputs.hasPlaceholder("/a/{dd}"), "{dd}");
    assertTrue(DatedInputs.hasPlaceholder("/a/date={yyyy-MM-dd}"), "{yyyy-MM-dd}");
    assertFalse(
        DatedInputs.hasPlaceholder("/a/{casy,hotelbeds}/*.jsonl"), "a Hadoop glob alternation");
    assertFalse(DatedInputs.hasPlaceholder("/a/{YYYY}/"), "case matters, as in java.time patterns");
    assertEquals(
        "/a/{casy,hotelbeds}/2026",
        DatedInputs.expand("/a/{casy,hotelbeds}/{yyyy}", DAY),
        "glob kept");
  }

  @Test
  void aDailyRunWithTheDefaultWindowReadsThreeDays() {
    DayScope scope =
        new DayScope(DAY, ZoneId.of("UTC"), DayScope.DEFAULT_LOOKBACK, DayScope.DEFAULT_LOOKAHEAD);

    assertEquals(
        List.of(DAY.minusDays(1), DAY, DAY.plusDays(1)),
        DatedInputs.days(scope.readFrom(), scope.readUntil(), scope.zone()),
        "6 h back, 24 h ahead");
  }

  @Test
  void daysAreThoseOfTheRunsTimeZoneAcrossADaylightSavingChange() {
    // 2026-03-29 in Europe/Zurich has 23 hours; the run's window is in local days all the same.
    DayScope scope =
        new DayScope(
            LocalDate.parse("2026-03-29"),
            ZoneId.of("Europe/Zurich"),
            DayScope.DEFAULT_LOOKBACK,
            DayScope.DEFAULT_LOOKAHEAD);

    assertEquals(
        List.of(
            LocalDate.parse("2026-03-28"),
            LocalDate.parse("2026-03-29"),
            LocalDate.parse("2026-03-30")),
        DatedInputs.days(scope.readFrom(), scope.readUntil(), scope.zone()));
  }

  @Test
  void theBoundariesAreExact() {
    ZoneId utc = ZoneId.of("UTC");
    DayScope none = new DayScope(DAY, utc, Duration.ZERO, Duration.ZERO);
    assertEquals(
        List.of(DAY),
        DatedInputs.days(none.readFrom(), none.readUntil(), utc),
        "no look-back or look-ahead: the end at midnight is exclusive");
    DayScope oneMs = new DayScope(DAY, utc, Duration.ofMillis(1), Duration.ofMillis(1));
    assertEquals(
        List.of(DAY.minusDays(1), DAY, DAY.plusDays(1)),
        DatedInputs.days(oneMs.readFrom(), oneMs.readUntil(), utc),
        "one millisecond over either midnight");
    assertEquals(List.of(), DatedInputs.days(Instant.EPOCH, Instant.EPOCH, utc), "an empty window");
  }

  @Test
  void aTemplateWithoutTheDayIsReadOnceForTheDaysThatShareIt() {
    List<LocalDate> days =
        List.of(
            LocalDate.parse("2026-02-28"),
            LocalDate.parse("2026-03-01"),
            LocalDate.parse("2026-03-02"));

    assertEquals(
        List.of("/a/2026/02", "/a/2026/03"),
        DatedInputs.expandAll("/a/{yyyy}/{MM}", days).stream()
            .map(DatedInputs.DatedPath::path)
            .toList());
  }
}
