package com.hoteltraffic.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The hand-written fast path must agree with java.time on every timestamp it accepts. */
class TimestampsTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-11-19T10:00:05.000Z",
        "2026-11-19T10:00:05Z",
        "2026-11-19T10:00:05.123456789Z",
        "2026-11-19T11:00:05.000+01:00",
        "2026-11-19T05:30:00-04:30",
        "2024-02-29T23:59:59.999+14:00",
        "1970-01-01T00:00:00Z",
        "1969-12-31T23:59:59.5Z",
        "2999-12-31T23:59:59Z",
        "2026-03-29T02:30:00+02:00"
      })
  void agreesWithJavaTime(String text) throws MalformedRecordException {
    assertEquals(Instant.parse(text).toEpochMilli(), Timestamps.parseIso(text), text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "not-a-date",
        "2026-11-19T10:00:05",
        "2026-11-19 10:00:05Z",
        "2026-02-30T10:00:05Z",
        "2026-13-01T00:00:00Z",
        "2026-11-19T10:00:05+1:00",
        ""
      })
  void refusesWhatJavaTimeRefuses(String text) {
    assertThrows(MalformedRecordException.class, () -> Timestamps.parseIso(text), text);
  }

  @Test
  void agreesWithJavaTimeOnRandomInstantsAndOffsets() throws MalformedRecordException {
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 20_000; i++) {
      Instant instant =
          Instant.ofEpochMilli(random.nextLong(-2_000_000_000_000L, 20_000_000_000_000L));
      ZoneOffset offset = ZoneOffset.ofTotalSeconds(random.nextInt(-18 * 4, 18 * 4 + 1) * 900);
      String text = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atOffset(offset));
      assertEquals(instant.toEpochMilli(), Timestamps.parseIso(text), text);
    }
  }
}
