package com.hoteltraffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hoteltraffic.cli.AnalyzeMainAccess;
import com.hoteltraffic.generate.FileStats;
import com.hoteltraffic.generate.GeneratorConfig;
import com.hoteltraffic.generate.GroundTruth;
import com.hoteltraffic.generate.TrafficGenerator;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole product on generated traffic: the command line of {@code jobs/analyze} (in process,
 * embedded Spark) against the generator's ground truth, which says from construction what every
 * report must contain. Every count is compared exactly.
 */
class AnalyzeEndToEndTest {
  private static final String KEY = "end-to-end-test-key";

  @TempDir static Path work;
  private static GroundTruth truth;
  private static Path out;

  @BeforeAll
  static void generateAndAnalyze() throws Exception {
    Path generated = work.resolve("generated");
    truth = TrafficGenerator.generate(GeneratorConfig.builder().outDir(generated).seed(42).days(2)
        .exchangesPerDay(1500).build());
    Path keyFile = work.resolve("key.txt");
    Files.writeString(keyFile, KEY + "\n");
    out = work.resolve("out");
    int exit = AnalyzeMainAccess.run(
        "--input", generated.resolve(TrafficGenerator.TRAFFIC_DIR).toString(),
        "--output", out.toString(),
        "--master", "local[2]",
        "--token-key-file", keyFile.toString());
    assertEquals(0, exit, "jobs/analyze exit status");
  }

  @Test
  void summaryCountsEveryLineOfEveryFile() throws IOException {
    JsonNode summary = new ObjectMapper().readTree(out.resolve("run_summary.json").toFile());
    JsonNode counts = summary.get("counts");
    assertEquals(truth.totals().exchanges(), counts.get("exchanges").asLong(), "exchanges");
    assertEquals(truth.totals().quarantined(), counts.get("quarantined").asLong(), "quarantined");
    assertEquals(truth.totals().blank(), counts.get("blank").asLong(), "blank lines");
    assertEquals(truth.totals().errors(), counts.get("errors").asLong(), "errors");
    Map<String, JsonNode> files = new HashMap<>();
    for (JsonNode file : summary.get("files")) {
      String path = file.get("path").asText();
      files.put(path.substring(path.indexOf("/" + TrafficGenerator.TRAFFIC_DIR + "/") + 9), file);
    }
    assertEquals(truth.files().size(), files.size(), "files read");
    for (FileStats expected : truth.files()) {
      JsonNode actual = files.get(expected.path());
      assertEquals(expected.lines(), actual.get("lines").asLong(), expected.path() + " lines");
      assertEquals(expected.exchanges(), actual.get("exchanges").asLong(), expected.path() + " exchanges");
      assertEquals(expected.quarantined(), actual.get("quarantined").asLong(), expected.path() + " quarantined");
      assertEquals(expected.blank(), actual.get("blank").asLong(), expected.path() + " blank");
    }
    assertEquals(truth.totals().quarantined(),
        Files.readAllLines(out.resolve("quarantine/records.jsonl")).size(), "quarantine lines");
  }

  @Test
  void errorRatesByHotelMatchGroundTruthPerHourWindow() throws IOException {
    Map<String, long[]> actual = new TreeMap<>();
    for (CSVRecord row : csv("error_rates_by_hotel")) {
      String key = Instant.parse(row.get("window_start")) + "|" + row.get("provider") + "|" + row.get("hotel_id");
      assertEquals(null, actual.put(key, new long[] {Long.parseLong(row.get("requests")),
          Long.parseLong(row.get("errors"))}), "one row per window, provider and hotel: " + key);
    }
    Map<String, long[]> expected = new TreeMap<>();
    for (GroundTruth.HourCount hour : truth.byHour()) {
      expected.put(Instant.parse(hour.windowStart()) + "|" + hour.provider() + "|" + hour.hotelId(),
          new long[] {hour.requests(), hour.errors()});
    }
    assertEquals(render(expected), render(actual), "requests and errors per hour, provider and hotel");
    long hotelsWithTraffic = truth.byHotel().size();
    assertEquals(hotelsWithTraffic,
        actual.keySet().stream().map(k -> k.substring(k.indexOf('|') + 1)).distinct().count(), "hotels");
  }

  @Test
  void errorRatesByTokenMatchGroundTruth() throws IOException {
    Map<String, long[]> actual = new TreeMap<>();
    for (CSVRecord row : csv("error_rates_by_token")) {
      long[] sums = actual.computeIfAbsent(row.get("provider") + "|" + row.get("token_id"), k -> new long[2]);
      sums[0] += Long.parseLong(row.get("requests"));
      sums[1] += Long.parseLong(row.get("errors"));
    }
    Map<String, long[]> expected = new TreeMap<>();
    for (GroundTruth.TokenCount token : truth.byToken()) {
      expected.put(token.provider() + "|" + tokenId(token.token()), new long[] {token.requests(), token.errors()});
    }
    assertEquals(render(expected), render(actual), "requests and errors per provider and credential");
  }

  @Test
  void errorCodesMatchGroundTruth() throws IOException {
    List<String> actual = new ArrayList<>();
    for (CSVRecord row : csv("error_codes")) {
      actual.add(String.join("|", row.get("provider"), row.get("http_status"), row.get("error_code"),
          row.get("error_class"), row.get("count"), Instant.parse(row.get("first_seen")).toString(),
          Instant.parse(row.get("last_seen")).toString()));
    }
    List<String> expected = new ArrayList<>();
    for (GroundTruth.CodeCount code : truth.byCode()) {
      expected.add(String.join("|", code.provider(), code.httpStatus() == null ? "" : code.httpStatus().toString(),
          code.errorCode(), code.errorClass(), Long.toString(code.count()),
          Instant.parse(code.firstSeen()).toString(), Instant.parse(code.lastSeen()).toString()));
    }
    actual.sort(null);
    expected.sort(null);
    assertEquals(expected, actual, "provider | status | code | class | count | first seen | last seen");
  }

  @Test
  void errorCodesHaveOneRowPerProviderStatusAndCode() throws IOException {
    Map<String, Integer> rows = new TreeMap<>();
    Set<String> codes = new TreeSet<>();
    for (CSVRecord row : csv("error_codes")) {
      rows.merge(String.join("|", row.get("provider"), row.get("http_status"), row.get("error_code")), 1,
          Integer::sum);
      codes.add(row.get("http_status") + "|" + row.get("error_code") + "|" + row.get("error_class"));
    }
    rows.values().removeIf(count -> count == 1);
    assertEquals(Map.of(), rows, "provider | status | code on more than one row");
    assertTrue(codes.contains("|TIMEOUT|timeout"), "a timeout without a response: " + codes);
    assertTrue(codes.contains("|NO_RESPONSE|no_response"), "another failure without a response: " + codes);
    for (String notAnError : List.of("101|HTTP_101|ok", "301|HTTP_301|ok", "304|HTTP_304|ok")) {
      assertTrue(codes.contains(notAnError), "the browser HAR's 1xx and 3xx are not errors: " + codes);
    }
  }

  @Test
  void everyInjectedBurstIsFoundExactlyAndNothingElse() throws IOException {
    List<String> actual = new ArrayList<>();
    for (CSVRecord row : csv("rate_limit_bursts")) {
      actual.add(String.join("|", row.get("provider"), row.get("token_id"), row.get("kind"),
          Instant.parse(row.get("start")).toString(), Instant.parse(row.get("end")).toString(),
          row.get("rejected"), row.get("requests"), row.get("client_backoff")));
    }
    List<String> expected = new ArrayList<>();
    for (GroundTruth.Burst burst : truth.bursts()) {
      expected.add(String.join("|", burst.provider(), tokenId(burst.token()), burst.kind(),
          Instant.parse(burst.start()).toString(), Instant.parse(burst.end()).toString(),
          Long.toString(burst.rejected()), Long.toString(burst.requests()), burst.clientBackoff()));
    }
    actual.sort(null);
    expected.sort(null);
    assertFalse(expected.isEmpty(), "the generator injects bursts");
    assertEquals(expected, actual, "provider | token | kind | start | end | rejected | requests | client_backoff");
    assertTrue(actual.stream().anyMatch(row -> row.startsWith("casy|") && row.endsWith("|backed_off"))
        && actual.stream().anyMatch(row -> row.startsWith("casy|") && row.endsWith("|kept_sending"))
        && actual.stream().anyMatch(row -> row.startsWith("hotelbeds|") && row.endsWith("|backed_off"))
        && actual.stream().anyMatch(row -> row.startsWith("hotelbeds|") && row.endsWith("|kept_sending")),
        "both verdicts for both providers: " + actual);
    assertTrue(actual.stream().allMatch(row -> Long.parseLong(row.split("\\|")[5]) >= 5),
        "every row, quota_exceeded too, has at least --burst-min rejections: " + actual);
  }

  /**
   * Issue 14 rule 8: the generator sends the Activities and Transfers APIs on Hotelbeds' host with
   * the booking engine's key, six rejections a second apart among them (5 x 429, 1 x 403 with
   * the Mashery over-QPS header). They are an unknown provider's, in no Hotelbeds row.
   */
  @Test
  void otherApisOnHotelbedsHostsAreAnUnknownProvider() throws IOException {
    Map<String, String> unknownCodes = new TreeMap<>();
    for (CSVRecord row : csv("error_codes")) {
      if (row.get("provider").equals("unknown") && Set.of("403", "429").contains(row.get("http_status"))) {
        unknownCodes.put(row.get("http_status") + "|" + row.get("error_code") + "|" + row.get("error_class"),
            row.get("count"));
      }
    }
    assertEquals(Map.of("403|HTTP_403|undocumented", "1", "429|HTTP_429|undocumented", "5"), unknownCodes,
        "the Activities API's rejections, counted as an unknown provider's");
    String day2 = truth.config().start().plusSeconds(86_400).toString().substring(0, 10);
    for (CSVRecord row : csv("rate_limit_bursts")) {
      assertFalse(row.get("start").startsWith(day2 + "T21:30"), "no burst of the Activities API: " + row);
    }
  }

  @Test
  void everyInjectedOutageIsFoundExactlyAndNothingElse() throws IOException {
    List<String> actual = new ArrayList<>();
    for (CSVRecord row : csv("db_outages")) {
      actual.add(String.join("|", row.get("provider"), row.get("scope"), row.get("hotel_id"),
          Instant.parse(row.get("start")).toString(), Instant.parse(row.get("end")).toString(),
          row.get("failed_requests"), Instant.parse(row.get("recovered_at")).toString()));
    }
    List<String> expected = new ArrayList<>();
    for (GroundTruth.Outage outage : truth.outages()) {
      expected.add(String.join("|", outage.provider(), outage.scope(), outage.hotelId(),
          Instant.parse(outage.start()).toString(), Instant.parse(outage.end()).toString(),
          Long.toString(outage.failedRequests()), Instant.parse(outage.recoveredAt()).toString()));
    }
    actual.sort(null);
    expected.sort(null);
    assertFalse(expected.isEmpty(), "the generator injects outages");
    assertEquals(expected, actual, "provider | scope | hotel | start | end | failed | recovered at");
  }

  @Test
  void everyUncertainBookingIsListedWithWhatLaterTrafficShows() throws IOException {
    List<String> actual = new ArrayList<>();
    for (CSVRecord row : csv("unconfirmed_bookings")) {
      boolean duplicate = row.get("status").equals("DUPLICATE");
      actual.add(String.join("|", Instant.parse(row.get("attempt_ts")).toString(), row.get("token_id"),
          row.get("hotel_id"), row.get("client_reference"), row.get("outcome"), row.get("status"),
          duplicate ? sortedReferences(row.get("booking_reference")) : row.get("booking_reference"),
          duplicate ? "" : row.get("booking_status")));
    }
    List<String> expected = new ArrayList<>();
    for (GroundTruth.UncertainBooking booking : truth.bookings()) {
      boolean duplicate = booking.status().equals("DUPLICATE");
      expected.add(String.join("|", Instant.parse(booking.attemptTs()).toString(), tokenId(booking.token()),
          booking.hotelId(), booking.clientReference(), booking.outcome(), booking.status(),
          duplicate ? String.join(";", booking.referencesSeen().stream().sorted().toList())
              : booking.bookingReference(),
          duplicate ? "" : booking.bookingStatus()));
    }
    actual.sort(null);
    expected.sort(null);
    assertEquals(expected, actual, "attempt | token | hotel | client reference | outcome | status | reference | booking status");
  }

  @Test
  void noRawCredentialReachesAnyTextOutput() throws IOException {
    List<String> secrets = new ArrayList<>();
    truth.byToken().stream().map(GroundTruth.TokenCount::token).filter(t -> t.length() >= 8).forEach(secrets::add);
    assertFalse(secrets.isEmpty(), "the traffic carries credentials");
    try (Stream<Path> files = Files.walk(out)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String name = file.getFileName().toString();
        if (name.endsWith(".csv") || name.endsWith(".json") || name.endsWith(".html")) {
          String text = Files.readString(file, StandardCharsets.UTF_8);
          for (String secret : secrets) {
            assertFalse(text.contains(secret), file + " contains a raw credential");
          }
        }
      }
    }
  }

  private static String sortedReferences(String joined) {
    return String.join(";", Stream.of(joined.split(";")).sorted().toList());
  }

  private static List<CSVRecord> csv(String report) throws IOException {
    try (Reader reader = Files.newBufferedReader(out.resolve("reports/" + report + ".csv"))) {
      List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
          .parse(reader).getRecords();
      assertTrue(rows.stream().allMatch(CSVRecord::isConsistent), report + ": every row has every column");
      return rows;
    }
  }

  /** The contract's pseudonym, computed here independently of the product's code. */
  private static String tokenId(String credential) {
    if (credential == null || credential.isEmpty()) {
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

  private static String render(Map<String, long[]> counts) {
    StringBuilder text = new StringBuilder();
    counts.forEach((key, value) -> text.append(key).append(" = ").append(value[0]).append('/').append(value[1])
        .append('\n'));
    return text.toString();
  }
}
