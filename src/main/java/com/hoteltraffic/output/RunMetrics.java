package com.hoteltraffic.output;

import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * One run's metrics in the Prometheus text exposition format, for the node_exporter textfile
 * collector ({@link #writeFile}) and a Pushgateway ({@link #push}). Every metric is a gauge that
 * describes the run (a daily run: its day); a scheduled job's history is then Prometheus' own.
 *
 * <p>The format is written by the Prometheus Java client, not by hand: its escaping of label values
 * and its {@code # HELP}/{@code # TYPE} lines are what Prometheus and promtool read.
 */
public final class RunMetrics {
  public static final String PREFIX = "traffic_analyzer_";
  public static final String LAST_RUN_SUCCESS = PREFIX + "last_run_success";
  public static final String LAST_SUCCESS = PREFIX + "last_success_timestamp_seconds";
  public static final String LAST_RUN = PREFIX + "last_run_timestamp_seconds";
  public static final String RUN_DURATION = PREFIX + "run_duration_seconds";
  public static final String RUN_DAY = PREFIX + "run_day_timestamp_seconds";
  public static final String EXCHANGES = PREFIX + "exchanges";
  public static final String ERRORS = PREFIX + "errors";
  public static final String QUARANTINED = PREFIX + "quarantined_records";
  public static final String CORRUPT_FILES = PREFIX + "corrupt_files";
  public static final String ALERTS = PREFIX + "alerts";
  public static final String UNRESOLVED_BOOKINGS = PREFIX + "unresolved_bookings";

  /** The Pushgateway's content type for this format. */
  static final String CONTENT_TYPE = PrometheusTextFormatWriter.CONTENT_TYPE;

  private static final Duration PUSH_TIMEOUT = Duration.ofSeconds(30);

  private RunMetrics() {}

  /**
   * What a finished run counted; absent for a failed run, whose metrics say only that it failed.
   *
   * @param exchangesByProvider exchanges per provider
   * @param errorsByProvider errors per provider and error class
   * @param quarantined records set aside as malformed
   * @param corruptFiles input files damaged part-way
   * @param alertsBySeverity alerts per severity label, every severity present (0 for none)
   * @param unresolvedBookings uncertain booking attempts nothing later decided
   */
  public record Counts(
      Map<String, Long> exchangesByProvider,
      Map<String, Map<String, Long>> errorsByProvider,
      long quarantined,
      long corruptFiles,
      Map<String, Long> alertsBySeverity,
      long unresolvedBookings) {}

  /**
   * One run as its metrics describe it.
   *
   * @param success whether the run finished and wrote every output
   * @param finished when it ended
   * @param duration how long it took
   * @param dayStart the start of a daily run's day (null for a whole run)
   * @param lastSuccessSeconds when a run last succeeded, seconds since the epoch: this one's end,
   *     or for a failed run the value carried over as it stands in the metrics file before (null
   *     when there is none)
   * @param counts the run's counts, null for a failed run
   */
  public record Run(
      boolean success,
      Instant finished,
      Duration duration,
      Instant dayStart,
      Double lastSuccessSeconds,
      Counts counts) {}

  /** The run's gauges, each with its help text. */
  public static MetricSnapshots snapshots(Run run) {
    PrometheusRegistry registry = new PrometheusRegistry();
    gauge(registry, LAST_RUN_SUCCESS, "1 if the last run finished and wrote every output, else 0")
        .set(run.success() ? 1 : 0);
    gauge(registry, LAST_RUN, "when the last run ended, seconds since the epoch")
        .set(seconds(run.finished()));
    gauge(registry, RUN_DURATION, "how long the last run took").set(seconds(run.duration()));
    if (run.lastSuccessSeconds() != null) {
      gauge(registry, LAST_SUCCESS, "when a run last succeeded, seconds since the epoch")
          .set(run.lastSuccessSeconds());
    }
    if (run.dayStart() != null) {
      gauge(registry, RUN_DAY, "the start of the day a daily run analysed, seconds since the epoch")
          .set(seconds(run.dayStart()));
    }
    if (run.counts() != null) {
      addCounts(registry, run.counts());
    }
    return registry.scrape();
  }

  private static void addCounts(PrometheusRegistry registry, Counts counts) {
    Gauge exchanges = gauge(registry, EXCHANGES, "exchanges read, per provider", "provider");
    counts.exchangesByProvider().forEach((p, n) -> exchanges.labelValues(p).set(n));
    Gauge errors =
        gauge(
            registry,
            ERRORS,
            "exchanges of an error class (not ok), per provider and class",
            "provider",
            "error_class");
    counts
        .errorsByProvider()
        .forEach((p, byClass) -> byClass.forEach((c, n) -> errors.labelValues(p, c).set(n)));
    gauge(registry, QUARANTINED, "malformed records set aside in quarantine/")
        .set(counts.quarantined());
    gauge(registry, CORRUPT_FILES, "input files damaged part-way").set(counts.corruptFiles());
    Gauge alerts = gauge(registry, ALERTS, "alerts raised, per severity", "severity");
    counts.alertsBySeverity().forEach((s, n) -> alerts.labelValues(s).set(n));
    gauge(registry, UNRESOLVED_BOOKINGS, "uncertain booking attempts to look up by hand")
        .set(counts.unresolvedBookings());
  }

  private static Gauge gauge(
      PrometheusRegistry registry, String name, String help, String... labels) {
    return Gauge.builder()
        .name(name)
        .help(help)
        .labelNames(labels)
        .withoutExemplars()
        .register(registry);
  }

  /** The snapshots in the text format. */
  public static byte[] text(MetricSnapshots snapshots) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      write(out, snapshots);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot write metrics to memory", e);
    }
    return out.toByteArray();
  }

  private static void write(OutputStream out, MetricSnapshots snapshots) throws IOException {
    PrometheusTextFormatWriter.create().write(out, snapshots);
  }

  /**
   * Writes the metrics to {@code file} as the textfile collector expects: a hidden temporary file
   * beside it, then one atomic rename, so a scrape never reads half a file.
   */
  public static void writeFile(Path file, MetricSnapshots snapshots) throws IOException {
    Path target = file.toAbsolutePath();
    Path temporary =
        target.resolveSibling("." + target.getFileName() + ".tmp-" + ProcessHandle.current().pid());
    try {
      Files.write(temporary, text(snapshots));
      try {
        Files.move(
            temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /**
   * The {@value #LAST_SUCCESS} a metrics file holds, so that a failed run carries it over; empty
   * when the file does not exist or holds none.
   */
  public static OptionalDouble lastSuccess(Path file) throws IOException {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return OptionalDouble.empty();
    }
    for (String line : lines) {
      if (line.startsWith(LAST_SUCCESS + " ")) {
        try {
          return OptionalDouble.of(Double.parseDouble(line.substring(LAST_SUCCESS.length() + 1)));
        } catch (NumberFormatException e) {
          throw new IOException(
              "Cannot read " + LAST_SUCCESS + " from " + file + ": \"" + line + "\"", e);
        }
      }
    }
    return OptionalDouble.empty();
  }

  /**
   * Pushes the metrics to a Pushgateway with {@code PUT}, which replaces every metric of the group
   * {@code job}/{@code instance}: each run's push replaces the last, and a metric an earlier run
   * had and this one lacks does not linger.
   *
   * @throws IOException when the gateway cannot be reached or answers other than 2xx
   */
  public static void push(URI gateway, String job, String instance, MetricSnapshots snapshots)
      throws IOException, InterruptedException {
    String base = gateway.toString().replaceAll("/+$", "");
    URI target =
        URI.create(base + "/metrics/job/" + segment(job) + "/instance/" + segment(instance));
    HttpRequest request =
        HttpRequest.newBuilder(target)
            .timeout(PUSH_TIMEOUT)
            .header("Content-Type", CONTENT_TYPE)
            .PUT(HttpRequest.BodyPublishers.ofByteArray(text(snapshots)))
            .build();
    HttpResponse<String> response =
        HttpClient.newBuilder()
            .connectTimeout(PUSH_TIMEOUT)
            .build()
            .send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      throw new IOException(
          "Pushgateway " + target + " answered " + response.statusCode() + ": " + response.body());
    }
  }

  private static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** Seconds since the epoch, as the metrics give times. */
  public static double seconds(Instant instant) {
    return instant.getEpochSecond() + instant.getNano() / 1e9;
  }

  private static double seconds(Duration duration) {
    return duration.toMillis() / 1000.0;
  }
}
