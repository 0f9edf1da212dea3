package com.hoteltraffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hoteltraffic.cli.AnalyzeMainAccess;
import com.hoteltraffic.generate.GeneratorConfig;
import com.hoteltraffic.generate.GroundTruth;
import com.hoteltraffic.generate.LastDaySituations;
import com.hoteltraffic.generate.TrafficGenerator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The alerts of a daily run on generated traffic against the generator's ground truth: the days are
 * analysed in order into one output, so the last day's run compares with the day before, and its
 * {@code alerts.json} must hold exactly the truth's alerts (kinds, severities, reports and keys),
 * among them the error code that first appears on the last day. The configuration is that of {@code
 * sample-data/}, whose {@code ground_truth.json} lists the same alerts.
 */
class GeneratedAlertsEndToEndTest {
  private static final String KEY = "generated-alerts-test-key";
  private static final LocalDate START = LocalDate.of(2026, 11, 18);
  private static final int DAYS = 2;
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path work;
  private static GroundTruth truth;
  private static Path daily;
  private static int lastExit;

  @BeforeAll
  static void generateAndRunEachDay() throws Exception {
    Path generated = work.resolve("generated");
    truth =
        TrafficGenerator.generate(
            GeneratorConfig.builder()
                .outDir(generated)
                .seed(20261118)
                .days(DAYS)
                .exchangesPerDay(2000)
                .start(START.atStartOfDay(ZoneOffset.UTC).toInstant())
                .build());
    Path keyFile = work.resolve("key.txt");
    Files.writeString(keyFile, KEY + "\n");
    daily = work.resolve("daily");
    String input = generated.resolve(TrafficGenerator.TRAFFIC_DIR).toString();
    for (int d = 0; d < DAYS - 1; d++) {
      assertEquals(
          0,
          run(input, keyFile, START.plusDays(d).toString()),
          "day " + d + " without --fail-on: alerts never change the exit status");
    }
    lastExit = run(input, keyFile, START.plusDays(DAYS - 1).toString(), "--fail-on", "warning");
  }

  @Test
  void lastDayRaisesExactlyTheTruthsAlerts() throws Exception {
    JsonNode alerts = lastDayAlerts();
    assertEquals(
        "previous day", alerts.path("previous_run").path("source").asText(), "compared with");
    assertEquals(
        daily.resolve("date=" + START.plusDays(DAYS - 2)).toString(),
        alerts.path("previous_run").path("path").asText(),
        "the previous day's folder");
    List<String> actual = new ArrayList<>();
    alerts.get("alerts").forEach(alert -> actual.add(describe(alert)));
    List<String> expected = new ArrayList<>();
    truth.alerts().forEach(alert -> expected.add(describe(alert)));
    assertEquals(
        String.join("\n", sorted(expected)),
        String.join("\n", sorted(actual)),
        "alerts of the last day (severity kind report where)");
    long critical = truth.alerts().stream().filter(a -> a.severity().equals("critical")).count();
    assertEquals(critical, alerts.path("counts").path("critical").asLong(), "critical count");
    assertEquals(
        truth.alerts().size() - critical,
        alerts.path("counts").path("warning").asLong(),
        "warning count");
  }

  @Test
  void theTruthCoversTheKindsThisTrafficCanRaise() {
    Set<String> kinds = new TreeSet<>();
    truth.alerts().forEach(a -> kinds.add(a.severity() + " " + a.kind()));
    assertEquals(
        new TreeSet<>(
            List.of(
                "critical credential_failing_auth",
                "warning credential_quota_exhausted",
                "critical db_outage",
                "warning booking_unresolved",
                "warning booking_on_retry",
                "warning db_outage",
                "warning new_error_code",
                "warning hotel_error_rate_rose",
                "warning credential_error_rate_rose")),
        kinds,
        "severities and kinds of the last day's alerts (the comparison above is not vacuous)");
  }

  @Test
  void alertsAreListedCriticalFirstThenByKind() throws Exception {
    List<String> order = new ArrayList<>();
    lastDayAlerts()
        .get("alerts")
        .forEach(a -> order.add(a.get("severity").asText() + " " + a.get("kind").asText()));
    List<String> expected = new ArrayList<>();
    truth.alerts().forEach(a -> expected.add(a.severity() + " " + a.kind()));
    assertEquals(expected, order, "severity and kind of each alert, in listing order");
  }

  @Test
  void theCodeNewOnTheLastDayAlertsWithItsCountAndTimes() throws Exception {
    String day = START.plusDays(DAYS - 1).toString();
    String expected =
        "New error code hotelbeds HTTP 500 CONFIGURATION_ERROR (product): 3 times from "
            + day
            + "T09:20:00Z to "
            + day
            + "T09:30:00Z, never seen in the previous run";
    List<String> reasons = new ArrayList<>();
    lastDayAlerts()
        .get("alerts")
        .forEach(
            a -> {
              if (a.path("where").path("error_code").asText().equals("CONFIGURATION_ERROR")) {
                reasons.add(a.get("severity").asText() + ": " + a.get("reason").asText());
              }
            });
    assertEquals(List.of("warning: " + expected), reasons, "the scripted new code's alert");
    assertTrue(
        truth.alerts().stream()
            .anyMatch(
                a ->
                    a.kind().equals("new_error_code")
                        && a.where().get("error_code").equals("CONFIGURATION_ERROR")),
        "the truth holds the scripted new code");
  }

  @Test
  void credentialsAlertAgainAfterARecoveryOrOnANewQuotaDayButNotWhileTheyStayRevoked()
      throws Exception {
    Map<String, String> reasons = new LinkedHashMap<>();
    lastDayAlerts()
        .get("alerts")
        .forEach(
            a -> {
              if (a.get("report").asText().equals("credential_health")) {
                String reason = a.get("reason").asText();
                reasons.put(
                    a.path("where").path("token_id").asText(),
                    a.get("severity").asText() + ": " + reason.substring(reason.indexOf(" of ")));
              }
            });
    String revoked =
        "The token is expired or revoked: get a valid token from CASY support and update the"
            + " client.";
    assertEquals(
        "critical:  of casy fails authentication since 2026-11-19T10:00:00Z again: it was accepted"
            + " at 2026-11-19T08:00:00Z, after the previous run's last request at"
            + " 2026-11-18T09:30:00Z: no request since was accepted. "
            + revoked,
        reasons.get(tokenId(situation(LastDaySituations.RELAPSED))),
        "failing_auth on both days, accepted in between: it alerts again, saying why; " + reasons);
    assertEquals(
        "warning:  of hotelbeds has used up its daily quota since 2026-11-19T00:30:00Z again on a"
            + " new day (the previous run's was used up since 2026-11-18T21:00:00Z): requests are"
            + " refused until it resets. The daily quota is used up: hold non-essential traffic"
            + " until it resets or ask Hotelbeds for a higher quota.",
        reasons.get(tokenId(situation(LastDaySituations.QUOTA_AGAIN))),
        "quota_exhausted on both days: each day's quota is new; " + reasons);
    assertFalse(
        reasons.containsKey(tokenId(situation(LastDaySituations.STILL_REVOKED))),
        "failing on both days, never accepted in between, its last answer a timeout: it alerted"
            + " once, the day it turned; "
            + reasons);
  }

  private static String situation(String name) {
    return truth.health().situations().stream()
        .filter(s -> s.name().equals(name))
        .findFirst()
        .orElseThrow()
        .token();
  }

  @Test
  void failOnWarningExitsFour() {
    assertFalse(truth.alerts().isEmpty(), "the last day has alerts");
    assertEquals(4, lastExit, "the last day with --fail-on warning and alerts: exit 4");
  }

  private static JsonNode lastDayAlerts() throws Exception {
    return JSON.readTree(
        daily.resolve("date=" + START.plusDays(DAYS - 1)).resolve("alerts.json").toFile());
  }

  private static int run(String input, Path keyFile, String date, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--input",
                input,
                "--output",
                daily.toString(),
                "--date",
                date,
                "--master",
                "local[2]",
                "--token-key-file",
                keyFile.toString()));
    args.addAll(List.of(more));
    return AnalyzeMainAccess.run(args.toArray(new String[0]));
  }

  private static String describe(JsonNode alert) {
    Map<String, String> where = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> fields = alert.get("where").fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      where.put(field.getKey(), field.getValue().asText());
    }
    return alert.get("severity").asText()
        + " "
        + alert.get("kind").asText()
        + " "
        + alert.get("report").asText()
        + " "
        + where;
  }

  private static String describe(GroundTruth.ExpectedAlert alert) {
    Map<String, String> where = new LinkedHashMap<>(alert.where());
    where.computeIfPresent("token_id", (k, raw) -> tokenId(raw));
    return alert.severity() + " " + alert.kind() + " " + alert.report() + " " + where;
  }

  private static List<String> sorted(List<String> lines) {
    List<String> copy = new ArrayList<>(lines);
    copy.sort(null);
    return copy;
  }

  /** The contract's pseudonym, computed here independently of the product's code. */
  private static String tokenId(String credential) {
    if (credential.isEmpty()) {
      return "";
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] digest = mac.doFinal(credential.getBytes(StandardCharsets.UTF_8));
      return "tok_" + HexFormat.of().formatHex(digest).substring(0, 12);
    } catch (java.security.GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }
}
