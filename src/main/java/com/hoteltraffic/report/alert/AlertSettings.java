package com.hoteltraffic.report.alert;

import java.util.Optional;

/**
 * The alert options of one run.
 *
 * @param previous the previous run's output directory ({@code --previous}); without it a daily run
 *     compares with the previous day's folder under the same output, when there is one
 * @param failOn the lowest severity that makes the run exit 4 ({@code --fail-on}); empty: alerts
 *     never change the exit status
 * @param thresholds the error-rate rise thresholds
 */
public record AlertSettings(
    Optional<String> previous, Optional<Severity> failOn, AlertThresholds thresholds) {
  /** No previous run given, no --fail-on, default thresholds. */
  public static AlertSettings defaults() {
    return new AlertSettings(Optional.empty(), Optional.empty(), AlertThresholds.defaults());
  }
}
