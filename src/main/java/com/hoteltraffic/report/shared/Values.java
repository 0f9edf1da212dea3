package com.hoteltraffic.report.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Small value rules several reports share: ratios as the reports print them, stable picks. */
public final class Values {
  /** The latency percentiles the rate reports print: p50, p95, p99. */
  public static final double[] QUANTILES = {0.5, 0.95, 0.99};

  private Values() {}

  /**
   * part / whole rounded half-up to 6 decimals, as Spark's {@code round} does on a double (an error
   * rate: errors / requests).
   */
  public static double ratio(long part, long whole) {
    double rate = (double) part / whole;
    return new BigDecimal(Double.toString(rate)).setScale(6, RoundingMode.HALF_UP).doubleValue();
  }

  /** The smaller of two nullable strings: a deterministic pick whatever the merge order. */
  public static String smaller(String a, String b) {
    if (a == null) {
      return b;
    }
    return b == null || a.compareTo(b) <= 0 ? a : b;
  }
}
