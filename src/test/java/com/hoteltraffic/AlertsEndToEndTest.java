package com.hoteltraffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.hoteltraffic.classify.TokenPseudonymizer;
import com.hoteltraffic.cli.AnalyzeMainAccess;
import com.hoteltraffic.job.AnalyzeJob;
import com.hoteltraffic.report.Reports;
import com.hoteltraffic.report.alert.AlertRules;
import com.hoteltraffic.report.engine.ReportSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Alerts over two hand-written days, run as a scheduler would: day 1 is quiet; day 2 brings a
 * DUPLICATE booking after a 504, a tenant database outage, two error codes day 1 never saw, and a
 * hotel and a credential whose error rates rose. The exact {@code alerts.json}, its counts in
 * {@code run_summary.json}, the page's section, and the exit status with and without {@code
 * --fail-on}.
 *
 * <p>Day 1 (2026-11-18), CASY credential {@value #CASY_TOKEN}: hotel 1001 60 requests, 6 of them
 * {@code 500 internal_error} (10%); hotel 1002 60 requests, none failed; 5 Hotelbeds availability
 * requests. The credential: 6 of 120 (5%).
 *
 * <p>Day 2 (2026-11-19): hotel 1001 60 requests, 40 failed (66.67%: +56.67 points, critical); hotel
 * 1002 4 {@code 502 tenant_db_unavailable} a minute apart from 11:00 (an outage, recovered at
 * 11:04) and 56 successes (6.67%: +6.67 points, under the 10-point threshold); the credential 44 of
 * 120 (36.67%: +31.67 points, a warning). Hotelbeds: a booking confirmation for {@code ALERT-DUP-1}
 * at 12:00 gets a 504, and a booking list at 12:10 shows two confirmed bookings with that
 * reference.
 */
class AlertsEndToEndTest {
  private static final String CASY_TOKEN = "casy_alerts_token_0001";
  private static final String HOTELBEDS_KEY = "hbkey_alerts_0000000000000001";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path work;
  private static Path traffic;
  private static Path daily;
  private static String tokenId;

  @BeforeAll
  static void writeTraffic() throws IOException {
    traffic = work.resolve("traffic");
    Files.createDirectories(traffic.resolve("day1"));
    Files.createDirectories(traffic.resolve("day2"));
    Files.write(
        traffic.resolve("day1/casy.jsonl"),
        casyDay("2026-11-18", minute -> minute % 10 == 0 ? 500 : 200, minute -> 200));
    Files.write(traffic.resolve("day1/hotelbeds.jsonl"), hotelbedsDay1());
    Files.write(
        traffic.resolve("day2/casy.jsonl"),
        casyDay(
            "2026-11-19", minute -> minute % 3 != 0 ? 500 : 200, minute -> minute < 4 ? 502 : 200));
    Files.write(traffic.resolve("day2/hotelbeds.jsonl"), hotelbedsDay2());
    daily = work.resolve("daily");
    tokenId = new TokenPseudonymizer(null).tokenId(CASY_TOKEN);
  }

  @Test
  void twoDailyRunsAlertOnWhatDayTwoBroughtAndFailOnlyWhenAsked() throws IOException {
    assertEquals(
        0,
        run(
            "--input",
            traffic.toString(),
            "--output",
            daily.toString(),
            "--date",
            "2026-11-18",
            "--fail-on",
            "warning"),
        "day 1: no alert, so --fail-on warning does not fail");
    Path day1 = daily.resolve("date=2026-11-18");
    assertEquals(
        JSON.readTree(
            "{\"previous_run\":null,\"counts\":{\"critical\":0,\"warning\":0},\"alerts\":[]}"),
        JSON.readTree(day1.resolve("alerts.json").toFile()),
        "day 1's alerts.json: nothing, nothing to compare with");

    assertEquals(
        0,
        run("--input", traffic.toString(), "--output", daily.toString(), "--date", "2026-11-19"),
        "day 2 without --fail-on: alerts never change the exit status");
    Path day2 = daily.resolve("date=2026-11-19");
    JsonNode expected = expectedDay2(day1.toString(), "previous day");
    assertEquals(
        expected, JSON.readTree(day2.resolve("alerts.json").toFile()), "day 2's alerts.json");
    assertEquals(
        JSON.readTree(
            "{\"critical\":2,\"warning\":4,\"previous_run\":"
                + JSON.writeValueAsString(day1.toString())
                + "}"),
        JSON.readTree(day2.resolve("run_summary.json").toFile()).get("alerts"),
        "alerts in run_summary.json");
    assertPageListsTheAlerts(Files.readString(day2.resolve("report.html")));

    assertEquals(
        4,
        run(
            "--input",
            traffic.toString(),
            "--output",
            daily.toString(),
            "--date",
            "2026-11-19",
            "--fail-on",
            "critical"),
        "day 2 with --fail-on critical: exit 4");
    assertEquals(
        expected,
        JSON.readTree(day2.resolve("alerts.json").toFile()),
        "the failing run still wrote all its outputs");
  }

  @Test
  void previousGivenWithOnlyWarningsFailsOnWarningNotOnCritical() throws IOException {
    Path day1 = work.resolve("day1");
    assertEquals(
        0,
        run("--input", traffic.resolve("day1").toString(), "--output", day1.toString()),
        "day 1");
    Path out = work.resolve("casy-day2");
    List<String> args =
        List.of(
            "--input",
            traffic.resolve("day2/casy.jsonl").toString(),
            "--output",
            out.toString(),
            "--previous",
            day1.toString(),
            "--alert-rate-rise-critical",
            "100%");

    assertEquals(
        0, run(with(args, "--fail-on", "critical")), "only warnings: --fail-on critical passes");
    JsonNode alerts = JSON.readTree(out.resolve("alerts.json").toFile());
    assertEquals(JSON.readTree("{\"critical\":0,\"warning\":4}"), alerts.get("counts"), "counts");
    List<String> lines = new ArrayList<>();
    for (JsonNode alert : alerts.get("alerts")) {
      lines.add(
          alert.get("severity").asText()
              + " "
              + alert.get("kind").asText()
              + " "
              + alert.get("where"));
    }
    assertEquals(
        List.of(
            "warning db_outage {\"provider\":\"casy\",\"scope\":\"tenant\",\"hotel_id\":\"1002\",\"start\":\"2026-11-19T11:00:00Z\"}",
            "warning new_error_code {\"provider\":\"casy\",\"http_status\":\"502\",\"error_code\":\"tenant_db_unavailable\"}",
            "warning hotel_error_rate_rose {\"provider\":\"casy\",\"hotel_id\":\"1001\"}",
            "warning credential_error_rate_rose {\"provider\":\"casy\",\"token_id\":\""
                + tokenId
                + "\"}"),
        lines,
        "the CASY day against day 1, +56.67 points now under the critical rise");
    assertEquals(
        JSON.readTree(
            "{\"path\":"
                + JSON.writeValueAsString(day1.toString())
                + ",\"source\":\"--previous\"}"),
        alerts.get("previous_run"),
        "compared with --previous");

    assertEquals(
        4,
        run(with(args, "--fail-on", "warning")),
        "the same warnings with --fail-on warning: exit 4");

    assertEquals(
        0,
        run(
            "--input",
            traffic.resolve("day2/casy.jsonl").toString(),
            "--output",
            out.toString(),
            "--previous",
            out.toString()),
        "compared with the results this run replaces");
    JsonNode again = JSON.readTree(out.resolve("alerts.json").toFile());
    assertEquals(
        JSON.readTree("{\"critical\":0,\"warning\":1}"),
        again.get("counts"),
        "the same traffic again: nothing new, nothing rose; the outage is still there: " + again);
    assertEquals("db_outage", again.get("alerts").get(0).get("kind").asText(), "the outage");
  }

  private static JsonNode expectedDay2(String previous, String source) throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.set("previous_run", JSON.createObjectNode().put("path", previous).put("source", source));
    root.set("counts", JSON.createObjectNode().put("critical", 2).put("warning", 4));
    ArrayNode alerts = root.putArray("alerts");
    alerts.add(
        alert(
            "critical",
            "booking_duplicate",
            "DUPLICATE booking of client reference ALERT-DUP-1 at hotel "
                + "1533 (HTTP_504 at 2026-11-19T12:00:00Z): cancel all but one of bookings 1-9001, 1-9002",
            "unconfirmed_bookings",
            "{\"attempt_ts\":\"2026-11-19T12:00:00Z\",\"client_reference\":\"ALERT-DUP-1\"}",
            "bookings-DUPLICATE"));
    alerts.add(
        alert(
            "critical",
            "hotel_error_rate_rose",
            "Error rate of casy hotel 1001 rose from 10.00% (6 of 60) "
                + "in the previous run to 66.67% (40 of 60), +56.67 points",
            "error_rates_by_hotel",
            "{\"provider\":\"casy\",\"hotel_id\":\"1001\"}",
            "top-hotels"));
    alerts.add(
        alert(
            "warning",
            "db_outage",
            "Tenant database outage of casy hotel 1002: 4 failed requests from "
                + "2026-11-19T11:00:00Z to 2026-11-19T11:03:00Z, recovered at 2026-11-19T11:04:00Z",
            "db_outages",
            "{\"provider\":\"casy\",\"scope\":\"tenant\",\"hotel_id\":\"1002\",\"start\":\"2026-11-19T11:00:00Z\"}",
            "outages"));
    alerts.add(
        alert(
            "warning",
            "new_error_code",
            "New error code casy HTTP 502 tenant_db_unavailable "
                + "(upstream_unavailable): 4 times from 2026-11-19T11:00:00Z to 2026-11-19T11:03:00Z, never seen in the "
                + "previous run",
            "error_codes",
            "{\"provider\":\"casy\",\"http_status\":\"502\",\"error_code\":\"tenant_db_unavailable\"}",
            "codes"));
    alerts.add(
        alert(
            "warning",
            "new_error_code",
            "New error code hotelbeds HTTP 504 GATEWAY_TIMEOUT (timeout): "
                + "1 times from 2026-11-19T12:00:00Z to 2026-11-19T12:00:00Z, never seen in the previous run",
            "error_codes",
            "{\"provider\":\"hotelbeds\",\"http_status\":\"504\",\"error_code\":\"GATEWAY_TIMEOUT\"}",
            "codes"));
    alerts.add(
        alert(
            "warning",
            "credential_error_rate_rose",
            "Error rate of credential "
                + tokenId
                + " (...0001) of "
                + "casy rose from 5.00% (6 of 120) in the previous run to 36.67% (44 of 120), +31.67 points",
            "error_rates_by_token",
            "{\"provider\":\"casy\",\"token_id\":\"" + tokenId + "\"}",
            "top-credentials"));
    return root;
  }

  private static ObjectNode alert(
      String severity, String kind, String reason, String report, String where, String anchor)
      throws IOException {
    ObjectNode alert =
        JSON.createObjectNode()
            .put("severity", severity)
            .put("kind", kind)
            .put("reason", reason)
            .put("report", report)
            .put("csv", "reports/" + report + ".csv");
    alert.set("where", JSON.readTree(where));
    return alert.put("html", "report.html#" + anchor);
  }

  /** The first section lists every alert, and every link of the page lands on an id. */
  private static void assertPageListsTheAlerts(String html) {
    int alerts = html.indexOf("<section id=\"alerts\">");
    assertTrue(
        alerts > 0 && alerts < html.indexOf("<section id=\"summary\">"),
        "alerts are the first section");
    assertTrue(
        html.contains("<p class=\"note\">2 critical, 4 warning. Compared with the previous run in"),
        "counts on the page");
    assertTrue(
        html.contains("<tr id=\"alert-6\">") && !html.contains("<tr id=\"alert-7\">"),
        "six alert rows");
    Set<String> ids = matches(html, "id=\"([^\"]+)\"");
    Set<String> targets = matches(html, "href=\"#([^\"]+)\"");
    targets.removeAll(ids);
    assertEquals(Set.of(), targets, "links of the page without a target");
  }

  private static Set<String> matches(String html, String regex) {
    Set<String> found = new HashSet<>();
    Matcher matcher = Pattern.compile(regex).matcher(html);
    while (matcher.find()) {
      found.add(matcher.group(1));
    }
    return found;
  }

  @Test
  void aPreviousRunThatCannotBeReadIsNamedAndItsComparisonsSkippedWhileTheRunGoesOn()
      throws IOException {
    Path day1 = work.resolve("unreadable-day1");
    assertEquals(
        0,
        run("--input", traffic.resolve("day1").toString(), "--output", day1.toString()),
        "day 1");
    Path summary = day1.resolve("run_summary.json");
    String whole = Files.readString(summary);
    Files.writeString(summary, whole.substring(0, whole.length() / 2));
    Path out = work.resolve("unreadable-day2");
    List<String> args =
        List.of(
            "--input",
            traffic.resolve("day2/casy.jsonl").toString(),
            "--output",
            out.toString(),
            "--previous",
            day1.toString());

    assertEquals(0, run(args), "a truncated summary does not fail the run");
    JsonNode alerts = JSON.readTree(out.resolve("alerts.json").toFile());
    JsonNode unreadable = alerts.path("previous_run").path("unreadable");
    assertEquals(1, unreadable.size(), "one file named: " + unreadable);
    assertEquals(summary.toString(), unreadable.get(0).get("file").asText(), "the summary");
    assertTrue(
        unreadable.get(0).get("problem").asText().startsWith("not JSON: Unexpected end-of-input"),
        "the problem: " + unreadable);
    assertEquals(
        "everything (the run it belongs to is unknown)",
        unreadable.get(0).get("not_compared").asText(),
        "what is skipped");
    assertEquals(
        List.of("db_outage"),
        kinds(alerts),
        "no code called new, no rate compared; the outage needs no previous run");
    assertTrue(
        Files.readString(out.resolve("report.html"))
            .contains("Cannot read " + summary + " (not JSON: Unexpected end-of-input"),
        "the page says so");

    Files.writeString(summary, whole);
    Files.writeString(
        day1.resolve("reports/error_codes.csv"), "provider,http_status,count\r\ncasy,200,1\r\n");
    assertEquals(0, run(args), "an error_codes.csv without its columns does not fail the run");
    JsonNode partly = JSON.readTree(out.resolve("alerts.json").toFile());
    assertEquals(
        JSON.readTree(
            "[{\"file\":"
                + JSON.writeValueAsString(day1.resolve("reports/error_codes.csv").toString())
                + ",\"problem\":\"no column error_code\",\"not_compared\":\"new error codes\"}]"),
        partly.path("previous_run").path("unreadable"),
        "the CSV named with its problem");
    assertEquals(
        List.of("hotel_error_rate_rose", "db_outage", "credential_error_rate_rose"),
        kinds(partly),
        "only the new codes are skipped; the rates are still compared (the hotel's rise critical)");
  }

  private static List<String> kinds(JsonNode alerts) {
    List<String> kinds = new ArrayList<>();
    alerts.get("alerts").forEach(a -> kinds.add(a.get("kind").asText()));
    return kinds;
  }

  /**
   * With a report window of 2 rows (each of the 2 merge tasks may send 1 row of a streamed report),
   * every report that grows with the keys is sorted in Spark and streamed to the writers, and the
   * page's top hotels and credentials and the rate-rise alerts are summed in Spark: the two days'
   * reports, tables, alerts and page are those of the default window, byte for byte.
   */
  @Test
  void aSmallReportWindowStreamsTheRatesAndChangesNoByteOfAnyOutput() throws IOException {
    Path wide = work.resolve("window-default");
    Path narrow = work.resolve("window-2");
    for (String day : List.of("2026-11-18", "2026-11-19")) {
      List<String> args = List.of("--input", traffic.toString(), "--date", day);
      assertEquals(0, run(with(args, "--output", wide.toString())), "default window, " + day);
      assertEquals(
          0,
          run(
              with(
                  args,
                  "--output",
                  narrow.toString(),
                  "--conf",
                  AnalyzeJob.REPORT_WINDOW_CONF + "=2")),
          "window of 2 rows, " + day);
      Path a = wide.resolve("date=" + day);
      Path b = narrow.resolve("date=" + day);
      List<String> files = new ArrayList<>();
      try (var listing = Files.list(a.resolve("reports"))) {
        listing.forEach(file -> files.add("reports/" + file.getFileName()));
      }
      for (ReportSpec spec : Reports.all(false)) {
        if (spec.written()) {
          files.add("tables/" + spec.name() + "/part-00000.snappy.parquet");
        }
      }
      for (String file : files) {
        assertTrue(
            java.util.Arrays.equals(
                Files.readAllBytes(a.resolve(file)), Files.readAllBytes(b.resolve(file))),
            file + " of " + day + " is the same with a window of 2 rows");
      }
      assertEquals(
          Files.readString(a.resolve("alerts.json")).replace(wide.toString(), "OUT"),
          Files.readString(b.resolve("alerts.json")).replace(narrow.toString(), "OUT"),
          "alerts.json of " + day);
      assertEquals(
          page(a, wide), page(b, narrow), "report.html of " + day + " but its clock cells");
    }
    assertTrue(
        Files.readString(narrow.resolve("date=2026-11-19/alerts.json"))
            .contains(AlertRules.HOTEL_ERROR_RATE_ROSE),
        "day 2's rate rise was found in Spark");
  }

  /** The page without its timestamp cells (the generation time) and with its output's path. */
  private static String page(Path run, Path output) throws IOException {
    return Files.readString(run.resolve("report.html"))
        .replace(output.toString(), "OUT")
        .replaceAll("<t[dh][^>]*>[0-9.:T -]*Z?</t[dh]>", "");
  }

  private static int run(String... args) {
    String[] all = java.util.Arrays.copyOf(args, args.length + 2);
    all[args.length] = "--master";
    all[args.length + 1] = "local[2]";
    return AnalyzeMainAccess.run(all);
  }

  private static int run(List<String> args) {
    return run(args.toArray(new String[0]));
  }

  private static List<String> with(List<String> args, String... more) {
    List<String> all = new ArrayList<>(args);
    all.addAll(List.of(more));
    return all;
  }

  // ---- traffic -------------------------------------------------------------------------------

  /**
   * 60 requests to hotel 1001 from 10:00 and 60 to hotel 1002 from 11:00, one a minute, statuses by
   * minute.
   */
  private static List<String> casyDay(
      String date,
      java.util.function.IntUnaryOperator hotel1001,
      java.util.function.IntUnaryOperator hotel1002)
      throws IOException {
    List<String> lines = new ArrayList<>();
    for (int minute = 0; minute < 60; minute++) {
      lines.add(
          casy(
              Instant.parse(date + "T10:00:00Z").plusSeconds(60L * minute),
              "1001",
              hotel1001.applyAsInt(minute)));
    }
    for (int minute = 0; minute < 60; minute++) {
      lines.add(
          casy(
              Instant.parse(date + "T11:00:00Z").plusSeconds(60L * minute),
              "1002",
              hotel1002.applyAsInt(minute)));
    }
    return lines;
  }

  private static String casy(Instant ts, String hotel, int status) throws IOException {
    String body =
        switch (status) {
          case 200 -> "{\"reservations\":[]}";
          case 500 -> "{\"error\":\"internal_error\",\"message\":\"Internal server error\"}";
          case 502 ->
              "{\"error\":\"tenant_db_unavailable\",\"message\":\"Tenant database connection failure\"}";
          default -> throw new IllegalArgumentException("status " + status);
        };
    return exchange(
        ts,
        "GET",
        "https://onlinebuchungen.ch/v1/reservations/" + hotel + "?limit=50",
        JSON.createObjectNode().put("Authorization", "Bearer " + CASY_TOKEN),
        null,
        status,
        "application/json",
        body);
  }

  private static List<String> hotelbedsDay1() throws IOException {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      lines.add(
          exchange(
              Instant.parse("2026-11-18T12:00:00Z").plusSeconds(60L * i),
              "POST",
              "https://api.hotelbeds.com/hotel-api/1.0/hotels",
              hotelbedsHeaders(),
              "{\"stay\":{}}",
              200,
              "application/json",
              "{\"hotels\":{\"total\":0}}"));
    }
    return lines;
  }

  private static List<String> hotelbedsDay2() throws IOException {
    String confirmation =
        "{\"holder\":{\"name\":\"Eva\",\"surname\":\"Pereira\"},\"rooms\":[{\"rateKey\":"
            + "\"20261201|20261203|W|100|1533|DBL.ST|ID_B2B_58|BB||1~2~0||N@01\",\"paxes\":[]}],"
            + "\"clientReference\":\"ALERT-DUP-1\"}";
    String list =
        "{\"bookings\":{\"bookings\":["
            + booking("1-9001")
            + ","
            + booking("1-9002")
            + "],\"from\":1,\"to\":100,\"total\":2}}";
    return List.of(
        exchange(
            Instant.parse("2026-11-19T12:00:00Z"),
            "POST",
            "https://api.hotelbeds.com/hotel-api/1.0/bookings",
            hotelbedsHeaders(),
            confirmation,
            504,
            "text/html",
            "<html><body>504 Gateway Time-out</body></html>"),
        exchange(
            Instant.parse("2026-11-19T12:10:00Z"),
            "GET",
            "https://api.hotelbeds.com/hotel-api/1.0/bookings"
                + "?start=2026-11-19&end=2026-11-19&from=1&to=100&filterType=CREATION&status=ALL",
            hotelbedsHeaders(),
            null,
            200,
            "application/json",
            list));
  }

  private static String booking(String reference) {
    return "{\"reference\":\""
        + reference
        + "\",\"clientReference\":\"ALERT-DUP-1\",\"creationDate\":\"2026-11-19\","
        + "\"status\":\"CONFIRMED\",\"holder\":{\"name\":\"EVA\",\"surname\":\"PEREIRA\"},\"hotel\":{\"checkOut\":"
        + "\"2026-12-03\",\"checkIn\":\"2026-12-01\",\"code\":1533}}";
  }

  private static ObjectNode hotelbedsHeaders() {
    return JSON.createObjectNode()
        .put("Api-key", HOTELBEDS_KEY)
        .put("X-Signature", "0".repeat(64))
        .put("Accept", "application/json");
  }

  private static String exchange(
      Instant ts,
      String method,
      String url,
      ObjectNode headers,
      String requestBody,
      int status,
      String contentType,
      String responseBody)
      throws IOException {
    ObjectNode line = JSON.createObjectNode().put("ts", ts.toString()).put("duration_ms", 40);
    ObjectNode request = line.putObject("request").put("method", method).put("url", url);
    request.set("headers", headers);
    request.put("body", requestBody);
    ObjectNode response = line.putObject("response").put("status", status);
    response.putObject("headers").put("Content-Type", contentType);
    response.put("body", responseBody);
    line.putNull("error");
    return JSON.writeValueAsString(line);
  }
}
