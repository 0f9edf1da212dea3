package com.hoteltraffic.report.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class DayScopeTest {
  private static final DayScope ZURICH_DAY =
      new DayScope(
          LocalDate.parse("2026-03-10"),
          ZoneId.of("Europe/Zurich"),
          Duration.ofHours(6),
          Duration.ofHours(24));

  @Test
  void dayBoundsAreLocalMidnightsAndTheReadWindowWidensThem() {
    // Zurich is UTC+1 in March before the daylight-saving change.
    assertEquals(Instant.parse("2026-03-09T23:00:00Z"), ZURICH_DAY.dayStart(), "day start");
    assertEquals(Instant.parse("2026-03-10T23:00:00Z"), ZURICH_DAY.dayEnd(), "day end");
    assertEquals(Instant.parse("2026-03-09T17:00:00Z"), ZURICH_DAY.readFrom(), "read from");
    assertEquals(Instant.parse("2026-03-11T23:00:00Z"), ZURICH_DAY.readUntil(), "read until");
    assertEquals("date=2026-03-10", ZURICH_DAY.partitionName(), "output folder");
  }

  @Test
  void aDaylightSavingDayHas23Hours() {
    DayScope springForward =
        new DayScope(
            LocalDate.parse("2026-03-29"),
            ZoneId.of("Europe/Zurich"),
            Duration.ZERO,
            Duration.ZERO);
    assertEquals(
        Duration.ofHours(23),
        Duration.between(springForward.dayStart(), springForward.dayEnd()),
        "length of the spring-forward day");
  }

  @Test
  void negativeWindowsAreRejected() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new DayScope(
                LocalDate.parse("2026-03-10"),
                ZoneId.of("UTC"),
                Duration.ofHours(-1),
                Duration.ZERO));
  }
}
