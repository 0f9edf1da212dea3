package com.hoteltraffic.job;

import com.hoteltraffic.output.AlertmanagerPost;
import com.hoteltraffic.output.RunMetrics;
import com.hoteltraffic.report.alert.Alert;
import com.hoteltraffic.report.alert.AlertRules;
import com.hoteltraffic.report.alert.Severity;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a run tells the monitoring around it once it has ended, successfully or not: its metrics to
 * a file and a Pushgateway, its alerts to an Alertmanager ({@link SignalSettings}). None of it
 * changes the run's outputs or exit status: a signal that cannot be sent is one WARN line.
 */
public final class RunSignals {
  private static final Logger LOG = LoggerFactory.getLogger(RunSignals.class);

  /** The Pushgateway job every run pushes under. */
  public static final String PUSH_JOB = "traffic_analyzer";

  private RunSignals() {}

  /**
   * Sends the run's signals.
   *
   * @param result the finished run, or null when it failed
   * @param started when the run started
   * @param ended when it ended
   */
  public static void publish(
      AnalyzeConfig config, AnalyzeJob.Result result, Instant started, Instant ended) {
    SignalSettings signals = config.signals();
    if (signals.metricsFile().isPresent() || signals.pushgateway().isPresent()) {
      MetricSnapshots metrics = metrics(config, result, started, ended);
      signals.metricsFile().ifPresent(file -> writeMetrics(Path.of(file), metrics));
      signals.pushgateway().ifPresent(gateway -> push(gateway, config.output(), metrics));
    }
    if (signals.alertmanager().isPresent() && result != null && !result.alerts().isEmpty()) {
      postAlerts(signals.alertmanager().get(), result, ended);
    }
  }

  static MetricSnapshots metrics(
      AnalyzeConfig config, AnalyzeJob.Result result, Instant started, Instant ended) {
    Instant dayStart = config.day().map(day -> day.dayStart()).orElse(null);
    Double lastSuccess = result != null ? RunMetrics.seconds(ended) : carriedLastSuccess(config);
    RunMetrics.Counts counts = result == null ? null : counts(result);
    return RunMetrics.snapshots(
        new RunMetrics.Run(
            result != null,
            ended,
            Duration.between(started, ended),
            dayStart,
            lastSuccess,
            counts));
  }

  private static RunMetrics.Counts counts(AnalyzeJob.Result result) {
    Map<String, Long> alerts = new LinkedHashMap<>();
    for (Map.Entry<Severity, Long> entry : AlertRules.counts(result.alerts()).entrySet()) {
      alerts.put(entry.getKey().label(), entry.getValue());
    }
    RunCounts counts = result.counts();
    return new RunMetrics.Counts(
        counts.exchangesByProvider(),
        counts.errorsByProvider(),
        result.quarantined(),
        result.corruptFiles().size(),
        alerts,
        counts.unresolvedBookings());
  }

  /** A failed run keeps the last success the metrics file recorded, so an alert on it holds. */
  private static Double carriedLastSuccess(AnalyzeConfig config) {
    if (config.signals().metricsFile().isEmpty()) {
      return null;
    }
    Path file = Path.of(config.signals().metricsFile().get());
    try {
      OptionalDouble seconds = RunMetrics.lastSuccess(file);
      return seconds.isPresent() ? seconds.getAsDouble() : null;
    } catch (IOException e) {
      LOG.warn("Cannot read the last success from the metrics file {}; left out", file, e);
      return null;
    }
  }

  private static void writeMetrics(Path file, MetricSnapshots metrics) {
    try {
      RunMetrics.writeFile(file, metrics);
      LOG.info("Metrics written to {}", file);
    } catch (IOException e) {
      LOG.warn("Cannot write the metrics file {}: fix the path or its permissions", file, e);
    }
  }

  private static void push(URI gateway, String instance, MetricSnapshots metrics) {
    try {
      RunMetrics.push(gateway, PUSH_JOB, instance, metrics);
      LOG.info("Metrics pushed to {}", gateway);
    } catch (IOException e) {
      LOG.warn("Cannot push the metrics to the Pushgateway {}", gateway, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      LOG.warn("Interrupted while pushing the metrics to {}", gateway, e);
    }
  }

  private static void postAlerts(URI alertmanager, AnalyzeJob.Result result, Instant ended) {
    List<Alert> alerts = result.alerts();
    URI page = URI.create(result.output().toUri() + "/" + AnalyzeJob.HTML_FILE);
    byte[] body = AlertmanagerPost.body(alerts, ended, page, AnalyzeJob.REPORTS_DIR);
    try {
      AlertmanagerPost.post(alertmanager, body);
      LOG.info("{} alerts posted to {}", alerts.size(), alertmanager);
    } catch (IOException e) {
      LOG.warn("Cannot post {} alerts to the Alertmanager {}", alerts.size(), alertmanager, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      LOG.warn("Interrupted while posting alerts to {}", alertmanager, e);
    }
  }
}
