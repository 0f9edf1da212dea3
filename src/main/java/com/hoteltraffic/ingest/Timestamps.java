package com.hoteltraffic.ingest;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Parses the recording timestamps the input contract allows into epoch milliseconds (UTC). */
public final class Timestamps {
  private Timestamps() {}

  private static final long NOT_COMMON = Long.MIN_VALUE;

  /**
   * The form recorders write almost always, {@code yyyy-MM-ddTHH:mm:ss[.fraction](Z|±HH:MM)}, read
   * without java.time's general parser (the per-record cost that showed in profiles). Any other
   * form, or any field out of range, returns {@link #NOT_COMMON} and goes the general way.
   */
  static long parseCommonForm(String s) {
    int n = s.length();
    if (n < 20
        || s.charAt(4) != '-'
        || s.charAt(7) != '-'
        || s.charAt(10) != 'T'
        || s.charAt(13) != ':'
        || s.charAt(16) != ':') {
      return NOT_COMMON;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    int hour = digits(s, 11, 2);
    int minute = digits(s, 14, 2);
    int second = digits(s, 17, 2);
    if (year < 0
        || month < 1
        || month > 12
        || day < 1
        || day > 28 && day > lengthOfMonth(year, month)
        || hour < 0
        || hour > 23
        || minute < 0
        || minute > 59
        || second < 0
        || second > 59) {
      return NOT_COMMON;
    }
    int i = 19;
    int millis = 0;
    if (i < n && s.charAt(i) == '.') {
      int scale = 100;
      i++;
      int start = i;
      while (i < n && Character.isDigit(s.charAt(i))) {
        millis += scale * (s.charAt(i) - '0');
        scale /= 10;
        i++;
      }
      if (i == start || i - start > 9) {
        return NOT_COMMON;
      }
    }
    int offsetSeconds;
    if (i == n - 1 && s.charAt(i) == 'Z') {
      offsetSeconds = 0;
    } else if (i == n - 6 && (s.charAt(i) == '+' || s.charAt(i) == '-') && s.charAt(i + 3) == ':') {
      int offsetHours = digits(s, i + 1, 2);
      int offsetMinutes = digits(s, i + 4, 2);
      if (offsetHours < 0 || offsetHours > 18 || offsetMinutes < 0 || offsetMinutes > 59) {
        return NOT_COMMON;
      }
      offsetSeconds = (offsetHours * 3600 + offsetMinutes * 60) * (s.charAt(i) == '-' ? -1 : 1);
    } else {
      return NOT_COMMON;
    }
    long epochDay = java.time.LocalDate.of(year, month, day).toEpochDay();
    long seconds = epochDay * 86_400 + hour * 3600L + minute * 60L + second - offsetSeconds;
    return seconds * 1000 + millis;
  }

  private static int digits(String s, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static int lengthOfMonth(int year, int month) {
    return java.time.YearMonth.of(year, month).lengthOfMonth();
  }

  /**
   * ISO-8601 with {@code Z} or an offset ({@code 2026-11-19T10:00:05.000+01:00}). A timestamp
   * without a zone is refused: guessing its zone would shift every window.
   */
  public static long parseIso(String text) throws MalformedRecordException {
    long fast = parseCommonForm(text);
    if (fast != NOT_COMMON) {
      return fast;
    }
    try {
      return Instant.parse(text).toEpochMilli();
    } catch (DateTimeParseException e) {
      throw new MalformedRecordException("ts is not an ISO-8601 timestamp with Z or an offset");
    } catch (DateTimeException | ArithmeticException e) {
      throw new MalformedRecordException("ts is out of range");
    }
  }

  /**
   * Spark's timestamp range, years 1 to 9999: beyond it, epoch microseconds can overflow in the
   * task that converts the value, failing the run, so such a record is refused instead.
   */
  static final long MIN_MILLIS = Instant.parse("0001-01-01T00:00:00Z").toEpochMilli();

  static final long MAX_MILLIS = Instant.parse("9999-12-31T23:59:59.999Z").toEpochMilli();

  /** Epoch milliseconds as recorded, refused outside years 1 to 9999. */
  public static long checkRange(long epochMillis) throws MalformedRecordException {
    if (epochMillis < MIN_MILLIS || epochMillis > MAX_MILLIS) {
      throw new MalformedRecordException("ts is out of range (years 1 to 9999)");
    }
    return epochMillis;
  }
}
