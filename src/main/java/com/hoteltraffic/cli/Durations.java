package com.hoteltraffic.cli;

import java.time.Duration;

/**
 * Option durations: a whole number and a unit, {@code ms}, {@code s}, {@code m}, {@code h} or
 * {@code d}. Problems come back as the part of a usage message after the option's name.
 */
final class Durations {
  /**
   * Longest accepted: anything longer is a typo, and would overflow Spark's microsecond windows.
   */
  static final Duration MAX = Duration.ofDays(3650);

  private Durations() {}

  /**
   * Parses a duration longer than zero.
   *
   * @throws IllegalArgumentException with the reason, e.g. {@code "5x": not a duration (...)}
   */
  static Duration parse(String text) {
    int unitStart = 0;
    while (unitStart < text.length() && Character.isDigit(text.charAt(unitStart))) {
      unitStart++;
    }
    if (unitStart == 0 || unitStart > 12) {
      throw bad(text);
    }
    long amount = Long.parseLong(text.substring(0, unitStart));
    Duration duration =
        switch (text.substring(unitStart)) {
          case "ms" -> Duration.ofMillis(amount);
          case "s" -> Duration.ofSeconds(amount);
          case "m", "min" -> Duration.ofMinutes(amount);
          case "h" -> Duration.ofHours(amount);
          case "d" -> Duration.ofDays(amount);
          default -> throw bad(text);
        };
    if (duration.isZero()) {
      throw new IllegalArgumentException(text + ": must be longer than zero");
    }
    if (duration.compareTo(MAX) > 0) {
      throw new IllegalArgumentException(text + ": must be at most " + MAX.toDays() + "d");
    }
    return duration;
  }

  /** The shortest text {@link #parse} reads back as {@code duration}: {@code 1h}, {@code 90s}. */
  static String format(Duration duration) {
    if (duration.isZero()) {
      return "0";
    }
    long millis = duration.toMillis();
    long[] sizes = {86_400_000L, 3_600_000L, 60_000L, 1_000L};
    String[] units = {"d", "h", "m", "s"};
    for (int i = 0; i < sizes.length; i++) {
      if (millis % sizes[i] == 0) {
        return millis / sizes[i] + units[i];
      }
    }
    return millis + "ms";
  }

  private static IllegalArgumentException bad(String text) {
    return new IllegalArgumentException(
        "\"" + text + "\": not a duration (use e.g. 500ms, 60s, 5m, 1h, 1d)");
  }
}
