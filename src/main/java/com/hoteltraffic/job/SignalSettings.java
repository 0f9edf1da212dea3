package com.hoteltraffic.job;

import java.net.URI;
import java.util.Optional;

/**
 * Where a run's signals go besides its output directory: a Prometheus text file for the
 * node_exporter textfile collector, a Pushgateway, an Alertmanager. Each is off unless given.
 *
 * @param metricsFile a local file to write the run's metrics to, atomically ({@code *.prom})
 * @param pushgateway a Pushgateway to push the same metrics to, under job {@value
 *     RunSignals#PUSH_JOB}
 * @param alertmanager an Alertmanager to post the run's alerts to ({@code POST /api/v2/alerts})
 */
public record SignalSettings(
    Optional<String> metricsFile, Optional<URI> pushgateway, Optional<URI> alertmanager) {

  /** No signals: the default. */
  public static SignalSettings none() {
    return new SignalSettings(Optional.empty(), Optional.empty(), Optional.empty());
  }
}
