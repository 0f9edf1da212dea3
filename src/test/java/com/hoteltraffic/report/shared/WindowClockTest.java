package com.hoteltraffic.report.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class WindowClockTest {
  private static long micros(String instant) {
    return Micros.of(Instant.parse(instant));
  }

  @Test
  void utcWindowsAreAlignedOnTheEpoch() {
    WindowClock clock = new WindowClock(Duration.ofHours(1), ZoneOffset.UTC);
    long key = clock.key(micros("2026-11-19T10:59:59.999999Z"));
    assertEquals(Instant.parse("2026-11-19T10:00:00Z"), clock.start(key), "start");
    assertEquals(Instant.parse("2026-11-19T11:00:00Z"), clock.end(key), "end");
    assertEquals(clock.key(micros("2026-11-19T11:00:00Z")) - key, 3_600_000_000L, "next window");
    assertEquals(
        Instant.parse("1969-12-31T23:00:00Z"),
        clock.start(clock.key(micros("1969-12-31T23:30:00Z"))),
        "before the epoch");
  }

  @Test
  void dailyWindowsRunFromLocalMidnightToLocalMidnight() {
    WindowClock clock = new WindowClock(Duration.ofDays(1), ZoneId.of("Europe/Zurich"));
    long key = clock.key(micros("2026-11-19T22:59:59Z")); // 23:59:59 in Zurich
    assertEquals(Instant.parse("2026-11-18T23:00:00Z"), clock.start(key), "start");
    assertEquals(Instant.parse("2026-11-19T23:00:00Z"), clock.end(key), "end");
  }

  @Test
  void theRepeatedHourOfTheAutumnChangeIsOneLocalWindow() {
    // 2026-10-25 in Zurich: 03:00 CEST goes back to 02:00 CET, so local 02:xx happens twice.
    WindowClock clock = new WindowClock(Duration.ofHours(1), ZoneId.of("Europe/Zurich"));
    long first = clock.key(micros("2026-10-25T00:30:00Z")); // 02:30 CEST
    long second = clock.key(micros("2026-10-25T01:30:00Z")); // 02:30 CET
    assertEquals(first, second, "both 02:30 local");
    assertEquals(
        Instant.parse("2026-10-25T00:00:00Z"), clock.start(first), "the earlier offset starts it");
    assertEquals(Instant.parse("2026-10-25T02:00:00Z"), clock.end(first), "03:00 CET ends it");
  }

  @Test
  void theMissingHourOfTheSpringChangeMovesForward() {
    // 2026-03-29 in Zurich: 02:00 CET jumps to 03:00 CEST.
    WindowClock clock = new WindowClock(Duration.ofHours(1), ZoneId.of("Europe/Zurich"));
    long key = clock.key(micros("2026-03-29T00:30:00Z")); // 01:30 CET
    assertEquals(Instant.parse("2026-03-29T00:00:00Z"), clock.start(key), "01:00 CET");
    assertEquals(
        Instant.parse("2026-03-29T01:00:00Z"),
        clock.end(key),
        "local 02:00 does not exist: 03:00 CEST");
  }
}
