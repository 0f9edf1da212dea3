package com.hoteltraffic.ingest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Date placeholders in {@code --input} paths, so that a daily run reads only the part of an archive
 * laid out by day: {@code {yyyy}}, {@code {MM}}, {@code {dd}} and {@code {yyyy-MM-dd}} stand for
 * the year, month, day of month (zero-padded) and ISO date of each day the run reads. Plain Java,
 * no file system: {@link InputDiscovery} checks which of the expanded paths exist.
 */
public final class DatedInputs {
  /**
   * The placeholders, the longest first so that {@code {yyyy-MM-dd}} is not read as {@code {yyyy}}.
   */
  private static final String ISO_DATE = "{yyyy-MM-dd}";

  private static final String YEAR = "{yyyy}";
  private static final String MONTH = "{MM}";
  private static final String DAY = "{dd}";

  private DatedInputs() {}

  /** One path of one day, expanded from a template. */
  public record DatedPath(String template, LocalDate day, String path) {}

  public static boolean hasPlaceholder(String path) {
    return path.contains(ISO_DATE)
        || path.contains(YEAR)
        || path.contains(MONTH)
        || path.contains(DAY);
  }

  /** {@code template} with every placeholder replaced by {@code day}'s fields. */
  public static String expand(String template, LocalDate day) {
    return template
        .replace(ISO_DATE, day.toString())
        .replace(YEAR, String.format("%04d", day.getYear()))
        .replace(MONTH, String.format("%02d", day.getMonthValue()))
        .replace(DAY, String.format("%02d", day.getDayOfMonth()));
  }

  /**
   * The calendar days in {@code zone} that hold some instant of {@code [from, until)}: for a daily
   * run with the default 6 h look-back and 24 h look-ahead, the day before, the day and the day
   * after.
   */
  public static List<LocalDate> days(Instant from, Instant until, ZoneId zone) {
    List<LocalDate> days = new ArrayList<>();
    if (!until.isAfter(from)) {
      return days;
    }
    LocalDate last = until.minusNanos(1).atZone(zone).toLocalDate();
    for (LocalDate day = from.atZone(zone).toLocalDate();
        !day.isAfter(last);
        day = day.plusDays(1)) {
      days.add(day);
    }
    return days;
  }

  /** Each template expanded for each day, in day order; a path without placeholders is left out. */
  public static List<DatedPath> expandAll(String template, List<LocalDate> days) {
    List<DatedPath> paths = new ArrayList<>();
    for (LocalDate day : days) {
      String path = expand(template, day);
      // {yyyy}/{MM} alone gives one path for many days: read it once.
      if (paths.stream().noneMatch(p -> p.path().equals(path))) {
        paths.add(new DatedPath(template, day, path));
      }
    }
    return paths;
  }
}
