package com.hoteltraffic.generate;

import java.time.LocalDate;

/**
 * Fast timestamp formatting for the generator's hot path (java.time formatters are several times
 * slower than writing the digits directly).
 */
final class Times {
  private Times() {}

  static final long SECOND = 1_000L;
  static final long MINUTE = 60 * SECOND;
  static final long HOUR = 60 * MINUTE;
  static final long DAY = 24 * HOUR;

  private static final int CACHE_FIRST_DAY = 18_000; // 2019-04-14
  private static final String[] DAY_TEXT = new String[8_000]; // up to 2041

  /** {@code 2026-11-18} for the UTC day of {@code epochMillis}. */
  static String date(long epochMillis) {
    return dayText(Math.floorDiv(epochMillis, DAY));
  }

  /** Day texts are cached: formatting a LocalDate per call was a hot spot of the generator. */
  private static String dayText(long epochDay) {
    long slot = epochDay - CACHE_FIRST_DAY;
    if (slot < 0 || slot >= DAY_TEXT.length) {
      return LocalDate.ofEpochDay(epochDay).toString();
    }
    String text = DAY_TEXT[(int) slot];
    if (text == null) {
      // A benign race: two threads may both format the same immutable text.
      text = LocalDate.ofEpochDay(epochDay).toString();
      DAY_TEXT[(int) slot] = text;
    }
    return text;
  }

  /** {@code 2026-11-18T10:00:05.123Z}. */
  static String isoUtc(long epochMillis) {
    StringBuilder out = new StringBuilder(24);
    appendLocal(out, epochMillis, 'T', true);
    return out.append('Z').toString();
  }

  /**
   * ISO-8601 in the zone {@code offsetMinutes} east of UTC, e.g. {@code ...T11:00:05.123+01:00}.
   */
  static String isoOffset(long epochMillis, int offsetMinutes, boolean micros) {
    StringBuilder out = new StringBuilder(32);
    appendLocal(out, epochMillis + offsetMinutes * MINUTE, 'T', true);
    if (micros) {
      out.append("000");
    }
    int abs = Math.abs(offsetMinutes);
    out.append(offsetMinutes < 0 ? '-' : '+');
    two(out, abs / 60).append(':');
    return two(out, abs % 60).toString();
  }

  /** CASY's datetime format: {@code 2026-11-18 10:00:05} (UTC). */
  static String casyDateTime(long epochMillis) {
    StringBuilder out = new StringBuilder(19);
    appendLocal(out, epochMillis, ' ', false);
    return out.toString();
  }

  /** Hotelbeds auditData timestamp: {@code 2026-11-18 10:00:05.123}. */
  static String auditTimestamp(long epochMillis) {
    StringBuilder out = new StringBuilder(23);
    appendLocal(out, epochMillis, ' ', true);
    return out.toString();
  }

  private static void appendLocal(
      StringBuilder out, long epochMillis, char separator, boolean millis) {
    long day = Math.floorDiv(epochMillis, DAY);
    long inDay = epochMillis - day * DAY;
    out.append(dayText(day)).append(separator);
    two(out, (int) (inDay / HOUR)).append(':');
    two(out, (int) (inDay / MINUTE % 60)).append(':');
    two(out, (int) (inDay / SECOND % 60));
    if (millis) {
      int ms = (int) (inDay % SECOND);
      out.append('.').append((char) ('0' + ms / 100)).append((char) ('0' + ms / 10 % 10));
      out.append((char) ('0' + ms % 10));
    }
  }

  private static StringBuilder two(StringBuilder out, int value) {
    return out.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
  }
}
