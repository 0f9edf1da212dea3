package com.hoteltraffic.output.svg;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Text and number formatting shared by the charts: every text that reaches markup is escaped. */
public final class Svg {
  private static final DateTimeFormatter AXIS_TIME =
      DateTimeFormatter.ofPattern("MM-dd HH:mm", Locale.ROOT);

  private Svg() {}

  /** Escapes text for element content and double- or single-quoted attribute values. */
  public static String escape(Object value) {
    if (value == null) {
      return "";
    }
    String text = value.toString();
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> {
          // Control characters are not allowed in XML-ish markup; they carry nothing readable.
          if (c >= 0x20 || c == '\n' || c == '\t') {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  /** A coordinate with one decimal: enough for a screen, short in the file. */
  static String coordinate(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }

  static String axisTime(long epochMillis, ZoneId zone) {
    return AXIS_TIME.format(Instant.ofEpochMilli(epochMillis).atZone(zone));
  }

  /**
   * A round step for about {@code targetTicks} ticks over {@code span}: 1, 2 or 5 times a power of
   * ten.
   */
  static double niceStep(double span, int targetTicks) {
    if (span <= 0) {
      return 1;
    }
    double raw = span / targetTicks;
    double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
    double fraction = raw / magnitude;
    double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
    return nice * magnitude;
  }
}
