package com.hoteltraffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hoteltraffic.cli.AnalyzeMainAccess;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run on the sample with its metrics file, a Pushgateway and an Alertmanager, both small HTTP
 * servers on 127.0.0.1 that keep what they receive; then a failed run whose signals still go out
 * and whose failed push changes nothing.
 */
class SignalsEndToEndTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One request a test server received. */
  private record Received(String method, String path, String contentType, byte[] body) {}

  @TempDir Path dir;
  private HttpServer server;
  private final List<Received> received = new ArrayList<>();
  private final AtomicInteger answer = new AtomicInteger(200);

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          synchronized (received) {
            received.add(
                new Received(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    body));
          }
          exchange.sendResponseHeaders(answer.get(), -1);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  @Test
  void metricsAndAlertsReachTheirServersAndAFailedRunStillSaysSo() throws IOException {
    String base = "http://127.0.0.1:" + server.getAddress().getPort();
    Path metrics = dir.resolve("traffic_analyzer.prom");
    Path out = dir.resolve("out");

    int exit = run(out, metrics, base, "sample-data/traffic");

    assertEquals(0, exit, "exit status");
    JsonNode summary = JSON.readTree(out.resolve("run_summary.json").toFile());
    String file = Files.readString(metrics);
    assertEquals(
        expectedExchanges(summary), samples(file, "traffic_analyzer_exchanges{"), "per provider");
    assertTrue(file.contains("traffic_analyzer_last_run_success 1.0\n"), file);
    Received push = only("PUT");
    assertEquals(
        "/metrics/job/traffic_analyzer/instance/"
            + URLEncoder.encode(out.toString(), StandardCharsets.UTF_8),
        push.path(),
        "grouped by job and instance (the output) only");
    assertEquals(file, new String(push.body(), StandardCharsets.UTF_8), "the file's metrics");
    assertTrue(push.contentType().startsWith("text/plain; version=0.0.4"), push.contentType());
    assertAlertmanagerGotTheAlerts(only("POST"), out);

    // A failed run (an unreadable providers file) still writes and pushes its metrics, and a
    // Pushgateway that answers 500 changes nothing about the exit status.
    received.clear();
    answer.set(500);
    Path providers = Files.writeString(dir.resolve("providers.json"), "{not json");
    int failed =
        AnalyzeMainAccess.run(
            "--input",
            "sample-data/traffic/proxy/egress.jsonl",
            "--output",
            dir.resolve("failed").toString(),
            "--providers",
            providers.toString(),
            "--metrics-file",
            metrics.toString(),
            "--pushgateway",
            base,
            "--alertmanager",
            base);

    assertEquals(1, failed, "the run's own failure decides the exit status");
    String after = Files.readString(metrics);
    assertTrue(after.contains("traffic_analyzer_last_run_success 0.0\n"), after);
    assertEquals(
        samples(file, "traffic_analyzer_last_success_timestamp_seconds"),
        samples(after, "traffic_analyzer_last_success_timestamp_seconds"),
        "the last success carried over from the file before");
    assertEquals(List.of(), samples(after, "traffic_analyzer_exchanges"), "no counts: " + after);
    assertEquals("PUT", only("PUT").method(), "pushed once, answered 500");
    assertEquals(1, received.size(), "no alerts posted for a failed run: " + received);
  }

  private int run(Path out, Path metrics, String base, String input) {
    return AnalyzeMainAccess.run(
        "--input",
        input,
        "--output",
        out.toString(),
        "--master",
        "local[2]",
        "--metrics-file",
        metrics.toString(),
        "--pushgateway",
        base,
        "--alertmanager",
        base);
  }

  private void assertAlertmanagerGotTheAlerts(Received post, Path out) throws IOException {
    assertEquals("/api/v2/alerts", post.path(), "Alertmanager's API");
    assertEquals("application/json", post.contentType(), "content type");
    JsonNode posted = JSON.readTree(post.body());
    JsonNode alerts = JSON.readTree(out.resolve("alerts.json").toFile()).path("alerts");
    assertTrue(alerts.size() > 0, "the sample raises alerts");
    assertEquals(alerts.size(), posted.size(), "one entry per alert of alerts.json");
    for (int i = 0; i < alerts.size(); i++) {
      JsonNode alert = alerts.get(i);
      JsonNode entry = posted.get(i);
      Map<String, String> labels = new TreeMap<>();
      labels.put("alertname", alert.path("kind").asText());
      labels.put("severity", alert.path("severity").asText());
      for (Iterator<Map.Entry<String, JsonNode>> it = alert.path("where").fields();
          it.hasNext(); ) {
        Map.Entry<String, JsonNode> key = it.next();
        labels.put(key.getKey(), key.getValue().asText());
      }
      assertEquals(labels, asMap(entry.path("labels")), "labels of alert " + i);
      assertEquals(
          alert.path("reason").asText(),
          entry.path("annotations").path("summary").asText(),
          "reason");
      assertEquals(
          alert.path("csv").asText(), entry.path("annotations").path("report").asText(), "csv");
      assertEquals(
          out.resolve("report.html").toUri()
              + alert.path("html").asText().replace("report.html", ""),
          entry.path("generatorURL").asText(),
          "the page section");
      assertTrue(entry.path("startsAt").asText().endsWith("Z"), entry.toString());
    }
  }

  private Received only(String method) {
    List<Received> found = received.stream().filter(r -> r.method().equals(method)).toList();
    assertEquals(1, found.size(), method + " requests: " + found);
    return found.get(0);
  }

  private static Map<String, String> asMap(JsonNode object) {
    Map<String, String> map = new TreeMap<>();
    object.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
    return map;
  }

  private static List<String> expectedExchanges(JsonNode summary) {
    List<String> lines = new ArrayList<>();
    summary
        .path("counts")
        .path("by_provider")
        .fields()
        .forEachRemaining(
            e ->
                lines.add(
                    "traffic_analyzer_exchanges{provider=\""
                        + e.getKey()
                        + "\"} "
                        + (double) e.getValue().path("exchanges").asLong()));
    return lines.stream().sorted().toList();
  }

  private static List<String> samples(String text, String prefix) {
    return text.lines().filter(l -> l.startsWith(prefix)).sorted().toList();
  }
}
