package com.hoteltraffic.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.hoteltraffic.report.alert.Alert;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A run's alerts as Alertmanager's API takes them ({@code POST /api/v2/alerts}), so that they reach
 * a person through the routes ops already have, whatever the scheduler does with the exit status.
 *
 * <p>Labels: {@value #ALERTNAME} (the alert's kind), {@value #SEVERITY}, and every key of the
 * alert's {@code where} (the key columns of its report row), so two alerts of one kind never merge.
 * Annotations: the reason, the report's CSV and the row's key as text. {@code startsAt} is the
 * run's end; {@code generatorURL} points at the page section of the alert.
 */
public final class AlertmanagerPost {
  public static final String ALERTNAME = "alertname";
  public static final String SEVERITY = "severity";
  static final String API_PATH = "/api/v2/alerts";

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  /** Prometheus' label names; a column name that is not one is written with underscores. */
  private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

  private static final ObjectMapper JSON = new ObjectMapper();

  private AlertmanagerPost() {}

  /**
   * The request body: one entry per alert.
   *
   * @param startsAt when the run that raised them ended
   * @param pageUri the run's {@code report.html}, or null to leave {@code generatorURL} out
   * @param reportsDir the CSVs' folder as the alerts file names it ({@code reports})
   */
  public static byte[] body(List<Alert> alerts, Instant startsAt, URI pageUri, String reportsDir) {
    List<Map<String, Object>> entries = new ArrayList<>(alerts.size());
    for (Alert alert : alerts) {
      Map<String, String> labels = new LinkedHashMap<>();
      labels.put(ALERTNAME, alert.kind());
      labels.put(SEVERITY, alert.severity().label());
      alert.where().forEach((column, value) -> labels.put(labelName(column), value));
      Map<String, String> annotations = new LinkedHashMap<>();
      annotations.put("summary", alert.reason());
      annotations.put("report", reportsDir + "/" + alert.report() + ".csv");
      annotations.put("row", rowText(alert.where()));
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("labels", labels);
      entry.put("annotations", annotations);
      entry.put("startsAt", startsAt.truncatedTo(ChronoUnit.MILLIS).toString());
      if (pageUri != null) {
        entry.put("generatorURL", pageUri + "#" + alert.anchor());
      }
      entries.add(entry);
    }
    try {
      return JSON.writeValueAsBytes(entries);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot write alerts as JSON", e);
    }
  }

  /**
   * Posts {@code body} to the Alertmanager at {@code base}.
   *
   * @throws IOException when it cannot be reached or answers other than 2xx
   */
  public static void post(URI base, byte[] body) throws IOException, InterruptedException {
    URI target = URI.create(base.toString().replaceAll("/+$", "") + API_PATH);
    HttpRequest request =
        HttpRequest.newBuilder(target)
            .timeout(TIMEOUT)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    HttpResponse<String> response =
        HttpClient.newBuilder()
            .connectTimeout(TIMEOUT)
            .build()
            .send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      throw new IOException(
          "Alertmanager " + target + " answered " + response.statusCode() + ": " + response.body());
    }
  }

  static String labelName(String column) {
    return LABEL_NAME.matcher(column).matches()
        ? column
        : "_" + column.replaceAll("[^a-zA-Z0-9_]", "_");
  }

  private static String rowText(Map<String, String> where) {
    StringBuilder text = new StringBuilder();
    where.forEach(
        (column, value) ->
            text.append(text.length() == 0 ? "" : ", ").append(column).append('=').append(value));
    return text.toString();
  }
}
