package com.hoteltraffic.cli;

import java.time.Duration;

/** Parses option durations: a whole number and a unit, {@code ms}, {@code s}, {@code m}, {@code h} or {@code d}. */
final class Durations {
  /** Longest accepted: anything longer is a typo, and would overflow Spark's microsecond windows. */
  static final Duration MAX = Duration.ofDays(3650);

  private Durations() {}

  static Duration parse(String option, String text) throws UsageException {
    int unitStart = 0;
    while (unitStart < text.length() && Character.isDigit(text.charAt(unitStart))) {
      unitStart++;
    }
    if (unitStart == 0 || unitStart > 12) {
      throw bad(option, text);
    }
    long amount = Long.parseLong(text.substring(0, unitStart));
    Duration duration =
        switch (text.substring(unitStart)) {
          case "ms" -> Duration.ofMillis(amount);
          case "s" -> Duration.ofSeconds(amount);
          case "m", "min" -> Duration.ofMinutes(amount);
          case "h" -> Duration.ofHours(amount);
          case "d" -> Duration.ofDays(amount);
          default -> throw bad(option, text);
        };
    if (duration.isZero()) {
      throw new UsageException(option + " " + text + ": must be longer than zero");
    }
    if (duration.compareTo(MAX) > 0) {
      throw new UsageException(option + " " + text + ": must be at most " + MAX.toDays() + "d");
    }
    return duration;
  }

  private static UsageException bad(String option, String text) {
    return new UsageException(option + " \"" + text + "\": not a duration (use e.g. 500ms, 60s, 5m, 1h, 1d)");
  }
}
