package com.hoteltraffic.report.alert;

import java.math.BigDecimal;

/**
 * The thresholds of the error-rate alerts (see {@link AlertRules}).
 *
 * @param rateRise the rise of a hotel's or credential's error rate over the run, in percentage
 *     points as a fraction (0.10 = 10 points), that makes a warning ({@code --alert-rate-rise})
 * @param rateRiseCritical the rise that makes it critical ({@code --alert-rate-rise-critical}); at
 *     least {@code rateRise}
 * @param minRequests the fewest requests a hotel or credential needs in this run and in the
 *     previous one for its rates to be compared ({@code --alert-min-requests})
 */
public record AlertThresholds(BigDecimal rateRise, BigDecimal rateRiseCritical, long minRequests)
    implements java.io.Serializable {
  public static final BigDecimal DEFAULT_RATE_RISE = new BigDecimal("0.10");
  public static final BigDecimal DEFAULT_RATE_RISE_CRITICAL = new BigDecimal("0.50");
  public static final long DEFAULT_MIN_REQUESTS = 50;

  public AlertThresholds {
    if (rateRise.signum() <= 0 || rateRise.compareTo(BigDecimal.ONE) > 0) {
      throw new IllegalArgumentException("rate rise must be above 0 and at most 1: " + rateRise);
    }
    if (rateRiseCritical.compareTo(rateRise) < 0
        || rateRiseCritical.compareTo(BigDecimal.ONE) > 0) {
      throw new IllegalArgumentException(
          "critical rate rise must be from the rate rise ("
              + rateRise
              + ") to 1: "
              + rateRiseCritical);
    }
    if (minRequests < 1) {
      throw new IllegalArgumentException("min requests must be at least 1: " + minRequests);
    }
  }

  /** {@code jobs/analyze}'s defaults: +10 points a warning, +50 points critical, 50 requests. */
  public static AlertThresholds defaults() {
    return new AlertThresholds(DEFAULT_RATE_RISE, DEFAULT_RATE_RISE_CRITICAL, DEFAULT_MIN_REQUESTS);
  }
}
