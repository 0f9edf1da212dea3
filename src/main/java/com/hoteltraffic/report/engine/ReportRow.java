package com.hoteltraffic.report.engine;

import java.io.Serializable;
import java.util.Arrays;

/**
 * One row of a named report, as plain Java values in the report's column order: String, Long,
 * Integer, Double, Boolean, and {@link java.time.Instant} for timestamps.
 */
public record ReportRow(String report, Object[] values) implements Serializable {
  @Override
  public boolean equals(Object other) {
    return other instanceof ReportRow row
        && report.equals(row.report)
        && Arrays.equals(values, row.values);
  }

  @Override
  public int hashCode() {
    return report.hashCode() * 31 + Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return report + Arrays.toString(values);
  }
}
