package com.hoteltraffic.output;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;

/**
 * How one value is written into a report cell: timestamps as ISO-8601 UTC with {@code Z}, numbers
 * in plain notation, lists joined with {@code ;}, and text that a spreadsheet would run as a
 * formula (starting with {@code = + - @}, tab or carriage return) prefixed with {@code '} (OWASP
 * CSV injection advice). Plain Java, so it is tested without Spark.
 */
public final class CsvCells {
  private CsvCells() {}

  public static String format(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Timestamp timestamp) {
      return timestamp.toInstant().toString();
    }
    if (value instanceof Instant instant) {
      return instant.toString();
    }
    if (value instanceof LocalDate || value instanceof java.sql.Date) {
      return value.toString();
    }
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        return "";
      }
      if (d == Math.rint(d) && Math.abs(d) < 1e15) {
        // A whole number (an error rate of 0 or 1): what the decimal path below gives, at once.
        return Long.toString((long) d);
      }
      return BigDecimal.valueOf(d)
          .setScale(6, RoundingMode.HALF_UP)
          .stripTrailingZeros()
          .toPlainString();
    }
    if (value instanceof BigDecimal decimal) {
      // BigDecimal.toString switches to exponent notation (1E-8, 1E+3) for small or scaled values.
      return decimal.toPlainString();
    }
    if (value instanceof Number || value instanceof Boolean) {
      return value.toString();
    }
    if (value instanceof scala.collection.Iterable<?> list) {
      StringBuilder joined = new StringBuilder();
      list.foreach(
          item -> {
            if (!joined.isEmpty()) {
              joined.append(';');
            }
            joined.append(item == null ? "" : item.toString());
            return null;
          });
      return neutralize(joined.toString());
    }
    return neutralize(value.toString());
  }

  /** Prefixes {@code '} to text a spreadsheet would evaluate as a formula. */
  public static String neutralize(String text) {
    if (text.isEmpty()) {
      return text;
    }
    char first = text.charAt(0);
    return first == '='
            || first == '+'
            || first == '-'
            || first == '@'
            || first == '\t'
            || first == '\r'
        ? "'" + text
        : text;
  }

  /** Undoes {@link #neutralize} on a cell read back from a report CSV. */
  public static String restore(String cell) {
    return cell.length() > 1 && cell.charAt(0) == '\'' && "=+-@\t\r".indexOf(cell.charAt(1)) >= 0
        ? cell.substring(1)
        : cell;
  }
}
