package com.hoteltraffic.report.bookings;

import com.hoteltraffic.report.shared.CodePoints;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Comparator;
import java.util.Locale;

/**
 * The text rules reconciliation applies to booking fields, written to give what the Spark SQL
 * functions of the earlier implementation gave ({@code trim}, {@code lower}, {@code upper}, {@code
 * try_to_date}, string ordering), so that the plain-Java rule decides exactly as before.
 */
final class BookingText {
  private BookingText() {}

  /** Strict ISO day as {@code try_to_date(s, "yyyy-MM-dd")} parses it. */
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ROOT)
          .withResolverStyle(ResolverStyle.STRICT);

  /** How the action text writes a day, as {@code date_format(d, "yyyy-MM-dd")} did. */
  private static final DateTimeFormatter DAY_OUT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT);

  /**
   * Strings in UTF-8 byte order, which is code point order: Spark compares strings that way, while
   * {@link String#compareTo} compares UTF-16 units and differs beyond the Basic Multilingual Plane.
   */
  static final Comparator<String> ORDER = CodePoints::compare;

  /** Spark's {@code trim}: strips spaces (U+0020) only, not other whitespace. */
  static String trimSpaces(String s) {
    if (s == null) {
      return null;
    }
    int start = 0;
    int end = s.length();
    while (start < end && s.charAt(start) == ' ') {
      start++;
    }
    while (end > start && s.charAt(end - 1) == ' ') {
      end--;
    }
    return s.substring(start, end);
  }

  /**
   * A space-trimmed booking reference, null when missing or blank: a list item with {@code
   * "reference": ""} names no booking, and makes its page inconclusive rather than a sighting.
   */
  static String bookingReference(String reference) {
    String trimmed = trimSpaces(reference);
    return trimmed == null || trimmed.isEmpty() ? null : trimmed;
  }

  /** Lower-cased, space-trimmed client reference; blank becomes null so that it never matches. */
  static String referenceKey(String reference) {
    String key = trimSpaces(reference);
    if (key == null || key.isEmpty()) {
      return null;
    }
    return key.toLowerCase(Locale.ROOT);
  }

  /** Space-trimmed and upper-cased, as filter types and booking statuses are compared. */
  static String upperTrimmed(String s) {
    String trimmed = trimSpaces(s);
    return trimmed == null ? null : trimmed.toUpperCase(Locale.ROOT);
  }

  /** The day {@code s} names, or null when it is missing or not a {@code yyyy-MM-dd} day. */
  static LocalDate day(String s) {
    if (s == null) {
      return null;
    }
    try {
      return LocalDate.parse(s, DAY);
    } catch (DateTimeParseException e) {
      return null; // a range that cannot be read covers nothing
    }
  }

  static String format(LocalDate day) {
    return DAY_OUT.format(day);
  }

  /** Whether {@code day} lies in {@code start..end}, both ends included; false when any is null. */
  static boolean within(LocalDate day, LocalDate start, LocalDate end) {
    return day != null && start != null && end != null && !day.isBefore(start) && !day.isAfter(end);
  }
}
