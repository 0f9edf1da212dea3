package com.hoteltraffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hoteltraffic.cli.AnalyzeMainAccess;
import com.hoteltraffic.generate.AdviceSituations;
import com.hoteltraffic.generate.FileStats;
import com.hoteltraffic.generate.GeneratorConfig;
import com.hoteltraffic.generate.GroundTruth;
import com.hoteltraffic.generate.HealthSituations;
import com.hoteltraffic.generate.HealthTruth;
import com.hoteltraffic.generate.LastDaySituations;
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
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
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
    truth =
        TrafficGenerator.generate(
            GeneratorConfig.builder()
                .outDir(generated)
                .seed(42)
                .days(2)
                .exchangesPerDay(1500)
                .build());
    Path keyFile = work.resolve("key.txt");
    Files.writeString(keyFile, KEY + "\n");
    out = work.resolve("out");
    int exit =
        AnalyzeMainAccess.run(
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
      assertEquals(
          expected.exchanges(), actual.get("exchanges").asLong(), expected.path() + " exchanges");
      assertEquals(
          expected.quarantined(),
          actual.get("quarantined").asLong(),
          expected.path() + " quarantined");
      assertEquals(expected.blank(), actual.get("blank").asLong(), expected.path() + " blank");
    }
    assertEquals(
        truth.totals().quarantined(),
        Files.readAllLines(out.resolve("quarantine/records.jsonl")).size(),
        "quarantine lines");
  }

  @Test
  void errorRatesByHotelMatchGroundTruthPerHourWindow() throws IOException {
    Map<String, long[]> actual = new TreeMap<>();
    for (CSVRecord row : csv("error_rates_by_hotel")) {
      String key =
          Instant.parse(row.get("window_start"))
              + "|"
              + row.get("provider")
              + "|"
              + row.get("hotel_id");
      assertEquals(
          null,
          actual.put(
              key,
              new long[] {Long.parseLong(row.get("requests")), Long.parseLong(row.get("errors"))}),
          "one row per window, provider and hotel: " + key);
    }
    Map<String, long[]> expected = new TreeMap<>();
    for (GroundTruth.HourCount hour : truth.byHour()) {
      expected.put(
          Instant.parse(hour.windowStart()) + "|" + hour.provider() + "|" + hour.hotelId(),
          new long[] {hour.requests(), hour.errors()});
    }
    assertEquals(
        render(expected), render(actual), "requests and errors per hour, provider and hotel");
    long hotelsWithTraffic = truth.byHotel().size();
    assertEquals(
        hotelsWithTraffic,
        actual.keySet().stream().map(k -> k.substring(k.indexOf('|') + 1)).distinct().count(),
        "hotels");
  }

  @Test
  void errorRatesByTokenMatchGroundTruth() throws IOException {
    Map<String, long[]> actual = new TreeMap<>();
    for (CSVRecord row : csv("error_rates_by_token")) {
      long[] sums =
          actual.computeIfAbsent(row.get("provider") + "|" + row.get("token_id"), k -> new long[2]);
      sums[0] += Long.parseLong(row.get("requests"));
      sums[1] += Long.parseLong(row.get("errors"));
    }
    Map<String, long[]> expected = new TreeMap<>();
    for (GroundTruth.TokenCount token : truth.byToken()) {
      expected.put(
          token.provider() + "|" + tokenId(token.token()),
          new long[] {token.requests(), token.errors()});
    }
    assertEquals(
        render(expected), render(actual), "requests and errors per provider and credential");
  }

  @Test
  void errorCodesMatchGroundTruth() throws IOException {
    List<String> actual = new ArrayList<>();
    for (CSVRecord row : csv("error_codes")) {
      actual.add(
          String.join(
              "|",
              row.get("provider"),
              row.get("http_status"),
              row.get("error_code"),
              row.get("error_class"),
              row.get("count"),
              Instant.parse(row.get("first_seen")).toString(),
              Instant.parse(row.get("last_seen")).toString()));
    }
    List<String> expected = new ArrayList<>();
    for (GroundTruth.CodeCount code : truth.byCode()) {
      expected.add(
          String.join(
              "|",
              code.provider(),
              code.httpStatus() == null ? "" : code.httpStatus().toString(),
              code.errorCode(),
              code.errorClass(),
              Long.toString(code.count()),
              Instant.parse(code.firstSeen()).toString(),
              Instant.parse(code.lastSeen()).toString()));
    }
    actual.sort(null);
    expected.sort(null);
    assertEquals(
        expected, actual, "provider | status | code | class | count | first seen | last seen");
  }

  @Test
  void errorCodesHaveOneRowPerProviderStatusAndCode() throws IOException {
    Map<String, Integer> rows = new TreeMap<>();
    Set<String> codes = new TreeSet<>();
    for (CSVRecord row : csv("error_codes")) {
      rows.merge(
          String.join("|", row.get("provider"), row.get("http_status"), row.get("error_code")),
          1,
          Integer::sum);
      codes.add(
          row.get("http_status") + "|" + row.get("error_code") + "|" + row.get("error_class"));
    }
    rows.values().removeIf(count -> count == 1);
    assertEquals(Map.of(), rows, "provider | status | code on more than one row");
    assertTrue(codes.contains("|TIMEOUT|timeout"), "a timeout without a response: " + codes);
    assertTrue(
        codes.contains("|NO_RESPONSE|no_response"), "another failure without a response: " + codes);
    for (String notAnError : List.of("101|HTTP_101|ok", "301|HTTP_301|ok", "304|HTTP_304|ok")) {
      assertTrue(
          codes.contains(notAnError), "the browser HAR's 1xx and 3xx are not errors: " + codes);
    }
  }

  @Test
  void everyInjectedBurstIsFoundExactlyAndNothingElse() throws IOException {
    List<String> actual = new ArrayList<>();
    for (CSVRecord row : csv("rate_limit_bursts")) {
      actual.add(
          String.join(
              "|",
              row.get("provider"),
              row.get("token_id"),
              row.get("kind"),
              Instant.parse(row.get("start")).toString(),
              Instant.parse(row.get("end")).toString(),
              row.get("rejected"),
              row.get("requests"),
              row.get("client_backoff")));
    }
    List<String> expected = new ArrayList<>();
    for (GroundTruth.Burst burst : truth.bursts()) {
      expected.add(
          String.join(
              "|",
              burst.provider(),
              tokenId(burst.token()),
              burst.kind(),
              Instant.parse(burst.start()).toString(),
              Instant.parse(burst.end()).toString(),
              Long.toString(burst.rejected()),
              Long.toString(burst.requests()),
              burst.clientBackoff()));
    }
    actual.sort(null);
    expected.sort(null);
    assertFalse(expected.isEmpty(), "the generator injects bursts");
    assertEquals(
        expected,
        actual,
        "provider | token | kind | start | end | rejected | requests | client_backoff");
    assertTrue(
        actual.stream().anyMatch(row -> row.startsWith("casy|") && row.endsWith("|backed_off"))
            && actual.stream()
                .anyMatch(row -> row.startsWith("casy|") && row.endsWith("|kept_sending"))
            && actual.stream()
                .anyMatch(row -> row.startsWith("hotelbeds|") && row.endsWith("|backed_off"))
            && actual.stream()
                .anyMatch(row -> row.startsWith("hotelbeds|") && row.endsWith("|kept_sending")),
        "both verdicts for both providers: " + actual);
    assertTrue(
        actual.stream().allMatch(row -> Long.parseLong(row.split("\\|")[5]) >= 5),
        "every row, quota_exceeded too, has at least --burst-min rejections: " + actual);
  }

  /**
   * Issue 14 rule 8: the generator sends the Activities and Transfers APIs on Hotelbeds' host with
   * the booking engine's key, six rejections a second apart among them (5 x 429, 1 x 403 with the
   * Mashery over-QPS header). They are an unknown provider's, in no Hotelbeds row.
   */
  @Test
  void otherApisOnHotelbedsHostsAreAnUnknownProvider() throws IOException {
    Map<String, String> unknownCodes = new TreeMap<>();
    for (CSVRecord row : csv("error_codes")) {
      if (row.get("provider").equals("unknown")
          && Set.of("403", "429").contains(row.get("http_status"))) {
        unknownCodes.put(
            row.get("http_status") + "|" + row.get("error_code") + "|" + row.get("error_class"),
            row.get("count"));
      }
    }
    assertEquals(
        Map.of("403|HTTP_403|undocumented", "1", "429|HTTP_429|undocumented", "5"),
        unknownCodes,
        "the Activities API's rejections, counted as an unknown provider's");
    String day2 = truth.config().start().plusSeconds(86_400).toString().substring(0, 10);
    for (CSVRecord row : csv("rate_limit_bursts")) {
      assertFalse(
          row.get("start").startsWith(day2 + "T21:30"), "no burst of the Activities API: " + row);
    }
  }

  @Test
  void everyInjectedOutageIsFoundExactlyAndNothingElse() throws IOException {
    List<String> actual = new ArrayList<>();
    for (CSVRecord row : csv("db_outages")) {
      actual.add(
          String.join(
              "|",
              row.get("provider"),
              row.get("scope"),
              row.get("hotel_id"),
              Instant.parse(row.get("start")).toString(),
              Instant.parse(row.get("end")).toString(),
              row.get("failed_requests"),
              Instant.parse(row.get("recovered_at")).toString()));
    }
    List<String> expected = new ArrayList<>();
    for (GroundTruth.Outage outage : truth.outages()) {
      expected.add(
          String.join(
              "|",
              outage.provider(),
              outage.scope(),
              outage.hotelId(),
              Instant.parse(outage.start()).toString(),
              Instant.parse(outage.end()).toString(),
              Long.toString(outage.failedRequests()),
              Instant.parse(outage.recoveredAt()).toString()));
    }
    actual.sort(null);
    expected.sort(null);
    assertFalse(expected.isEmpty(), "the generator injects outages");
    assertEquals(
        expected, actual, "provider | scope | hotel | start | end | failed | recovered at");
  }

  /**
   * The columns a run writes, read back from the files: each CSV's header in the documented order
   * (every column {@code outputs.md} requires, in its order), and the rate-limit burst and database
   * outage tables with the Parquet types and nullability their columns are declared with, as any
   * Parquet reader (DuckDB, pandas, Spark) sees them. Every other table has the CSV's columns in
   * the CSV's order.
   */
  @Test
  void everyCsvHeaderAndTableHasTheDocumentedColumnsAndTypes() throws IOException {
    Map<String, String> headers = new TreeMap<>();
    try (Stream<Path> files = Files.list(out.resolve("reports"))) {
      for (Path file : files.sorted().toList()) {
        String name = file.getFileName().toString().replaceFirst("\\.csv$", "");
        headers.put(name, Files.readAllLines(file, StandardCharsets.UTF_8).get(0));
      }
    }
    assertEquals(DOCUMENTED_HEADERS, headers, "reports/*.csv and their header rows");
    REQUIRED_COLUMNS.forEach(
        (report, required) -> {
          List<String> columns = List.of(required.split(","));
          assertEquals(
              columns,
              Stream.of(headers.get(report).split(",")).filter(columns::contains).toList(),
              report + ": every column outputs.md requires, in its order");
        });
    for (String report : headers.keySet()) {
      List<String> columns = parquetColumns(report);
      assertEquals(
          List.of(headers.get(report).split(",")),
          columns.stream().map(c -> c.replaceFirst("^\\w+ \\w+ (\\w+).*$", "$1")).toList(),
          "tables/" + report + ": the CSV's columns in its order");
    }
    assertEquals(
        List.of(
            "optional binary provider (STRING)",
            "optional binary token_id (STRING)",
            "optional int64 start (TIMESTAMP(MICROS,true))",
            "optional int64 end (TIMESTAMP(MICROS,true))",
            "required int64 rejected",
            "optional int64 requests",
            "optional binary kind (STRING)",
            "optional double duration_s",
            "optional int64 peak_rejected_per_minute",
            "optional int32 limit",
            "optional int32 window_seconds",
            "required int64 hotels_touched",
            "required binary hotels (STRING)",
            "required binary client_backoff (STRING)"),
        parquetColumns("rate_limit_bursts"),
        "tables/rate_limit_bursts: repetition, Parquet type, name, logical type");
    assertEquals(
        List.of(
            "optional binary provider (STRING)",
            "required binary scope (STRING)",
            "optional binary hotel_id (STRING)",
            "optional int64 start (TIMESTAMP(MICROS,true))",
            "optional int64 end (TIMESTAMP(MICROS,true))",
            "required int64 failed_requests",
            "optional double duration_s",
            "required int64 affected_tokens",
            "required int64 affected_hotels",
            "optional int64 recovered_at (TIMESTAMP(MICROS,true))"),
        parquetColumns("db_outages"),
        "tables/db_outages: repetition, Parquet type, name, logical type");
  }

  /** The header row of every CSV a run writes, as documented. */
  private static final Map<String, String> DOCUMENTED_HEADERS =
      Map.ofEntries(
          Map.entry(
              "access_denied",
              "provider,token_id,token_hint,hotel_id,forbidden,forbidden_action,unclassified,first_seen,"
                  + "last_seen,ever_succeeded,last_success"),
          Map.entry(
              "availability_by_day",
              "day,provider,operation,requests,server_errors,upstream_unavailable,timeouts,"
                  + "no_response,failures,availability,latency_p95_ms"),
          Map.entry(
              "client_behaviour",
              "provider,token_id,token_hint,requests,fix_first_failures,repeated_unchanged,"
                  + "retryable_failures,fast_retries,rejected_in_bursts,wasted,wasted_share"),
          Map.entry(
              "credential_health",
              "provider,token_id,token_hint,first_seen,last_seen,requests,last_success,last_accepted,"
                  + "missing_token,invalid_token,invalid_token_or_not_found,signature_failed,"
                  + "developer_inactive,developer_over_rate,state,since,remedy"),
          Map.entry(
              "db_outages",
              "provider,scope,hotel_id,start,end,failed_requests,duration_s,affected_tokens,"
                  + "affected_hotels,recovered_at"),
          Map.entry(
              "error_codes",
              "provider,http_status,error_code,error_class,count,first_seen,last_seen,documented,"
                  + "retryable"),
          Map.entry(
              "error_rates_by_hotel",
              "window_start,window_end,provider,hotel_id,requests,errors,error_rate,rate_limited,"
                  + "no_response,server_errors,latency_p50_ms,latency_p95_ms,latency_p99_ms"),
          Map.entry(
              "error_rates_by_operation",
              "window_start,window_end,provider,operation,requests,errors,error_rate,invalid_request,"
                  + "auth,permission,payment,not_found,rate_limited,quota_exceeded,product,"
                  + "server_error,upstream_unavailable,timeout,no_response,misrouted,undocumented,"
                  + "latency_p50_ms,latency_p95_ms,latency_p99_ms,timeout_ms,over_timeout"),
          Map.entry(
              "error_rates_by_token",
              "window_start,window_end,provider,token_id,token_hint,requests,errors,error_rate,"
                  + "rate_limited,no_response,server_errors,latency_p50_ms,latency_p95_ms,"
                  + "latency_p99_ms"),
          Map.entry(
              "rate_limit_bursts",
              "provider,token_id,start,end,rejected,requests,kind,duration_s,"
                  + "peak_rejected_per_minute,limit,window_seconds,hotels_touched,hotels,"
                  + "client_backoff"),
          Map.entry(
              "unconfirmed_bookings",
              "attempt_ts,provider,token_id,hotel_id,client_reference,check_in,check_out,outcome,"
                  + "status,booking_reference,booking_status,bookings_found,evidence,evidence_ts,"
                  + "evidence_token_id,action"));

  /** {@code outputs.md}: the required columns of each report it names, in its order. */
  private static final Map<String, String> REQUIRED_COLUMNS =
      Map.of(
          "error_rates_by_hotel",
          "window_start,window_end,provider,hotel_id,requests,errors,error_rate",
          "error_rates_by_token",
          "window_start,window_end,provider,token_id,requests,errors,error_rate",
          "error_codes",
          "provider,http_status,error_code,error_class,count,first_seen,last_seen",
          "rate_limit_bursts",
          "provider,token_id,start,end,rejected,requests",
          "db_outages",
          "provider,scope,hotel_id,start,end,failed_requests",
          "unconfirmed_bookings",
          "attempt_ts,provider,token_id,hotel_id,client_reference,outcome,status,"
              + "booking_reference");

  /** Each column of the table's Parquet file as the file's own schema declares it. */
  private static List<String> parquetColumns(String table) throws IOException {
    org.apache.hadoop.fs.Path file =
        new org.apache.hadoop.fs.Path(
            out.resolve("tables").resolve(table).resolve("part-00000.snappy.parquet").toUri());
    try (ParquetFileReader reader =
        ParquetFileReader.open(HadoopInputFile.fromPath(file, new Configuration()))) {
      return reader.getFooter().getFileMetaData().getSchema().getFields().stream()
          .map(field -> field.toString().replaceAll("\\s+", " ").trim())
          .toList();
    }
  }

  @Test
  void everyUncertainBookingIsListedWithWhatLaterTrafficShows() throws IOException {
    List<String> actual = new ArrayList<>();
    for (CSVRecord row : csv("unconfirmed_bookings")) {
      boolean duplicate = row.get("status").equals("DUPLICATE");
      actual.add(
          String.join(
              "|",
              Instant.parse(row.get("attempt_ts")).toString(),
              row.get("token_id"),
              row.get("hotel_id"),
              row.get("client_reference"),
              row.get("outcome"),
              row.get("status"),
              duplicate
                  ? sortedReferences(row.get("booking_reference"))
                  : row.get("booking_reference"),
              duplicate ? "" : row.get("booking_status")));
    }
    List<String> expected = new ArrayList<>();
    for (GroundTruth.UncertainBooking booking : truth.bookings()) {
      boolean duplicate = booking.status().equals("DUPLICATE");
      expected.add(
          String.join(
              "|",
              Instant.parse(booking.attemptTs()).toString(),
              tokenId(booking.token()),
              booking.hotelId(),
              booking.clientReference(),
              booking.outcome(),
              booking.status(),
              duplicate
                  ? String.join(";", booking.referencesSeen().stream().sorted().toList())
                  : booking.bookingReference(),
              duplicate ? "" : booking.bookingStatus()));
    }
    actual.sort(null);
    expected.sort(null);
    assertEquals(
        expected,
        actual,
        "attempt | token | hotel | client reference | outcome | status | reference | booking status");
  }

  /**
   * Issue 21: each row's advice and the credential it rests on, from the truth's status. Only a
   * NOT_BOOKED row says "book again", and its proof is the attempt's own key's list; a retry's
   * booking is named with a request to check; an UNRESOLVED row names no credential.
   */
  @Test
  void everyUncertainBookingsActionAndEvidenceCredentialFollowFromItsTruth() throws IOException {
    Map<String, GroundTruth.UncertainBooking> expected = new HashMap<>();
    for (GroundTruth.UncertainBooking booking : truth.bookings()) {
      expected.put(Instant.parse(booking.attemptTs()) + "|" + booking.clientReference(), booking);
    }
    List<String> actual = new ArrayList<>();
    List<String> wanted = new ArrayList<>();
    for (CSVRecord row : csv("unconfirmed_bookings")) {
      String key = Instant.parse(row.get("attempt_ts")) + "|" + row.get("client_reference");
      GroundTruth.UncertainBooking b = expected.get(key);
      assertNotNull(b, "a row the truth has: " + key);
      String token = tokenId(b.token());
      actual.add(
          String.join(
              "|",
              key,
              row.get("evidence"),
              row.get("evidence_token_id"),
              actionShape(row.get("action"), b)));
      String evidenceToken = token;
      String evidence =
          switch (b.status()) {
            case "NOT_BOOKED" -> "booking_list_complete";
            case "BOOKED_ON_RETRY" -> "booking_confirmation";
            case "UNRESOLVED" -> "none";
            default -> row.get("evidence"); // BOOKED and DUPLICATE: any lookup of the key's
          };
      if (b.status().equals("UNRESOLVED")) {
        evidenceToken = "";
      }
      wanted.add(String.join("|", key, evidence, evidenceToken, expectedAction(b)));
    }
    actual.sort(null);
    wanted.sort(null);
    assertEquals(wanted, actual, "attempt | evidence | evidence token | action");
    assertEquals(
        truth.bookings().stream().filter(b -> b.status().equals("NOT_BOOKED")).count(),
        actual.stream().filter(a -> a.endsWith("book again if the stay is still wanted")).count(),
        "\"book again\" only where the truth says no booking was made");
  }

  /** The action as the truth predicts it; UNRESOLVED and DUPLICATE rows by their fixed start. */
  private static String expectedAction(GroundTruth.UncertainBooking b) {
    return switch (b.status()) {
      case "NOT_BOOKED" -> "none: no booking was made; book again if the stay is still wanted";
      case "BOOKED" ->
          b.bookingStatus().equals("CANCELLED")
              ? "none: booking " + b.bookingReference() + " was cancelled later"
              : "record booking " + b.bookingReference() + " as made; do not book again";
      case "BOOKED_ON_RETRY" ->
          "record booking "
              + b.bookingReference()
              + " made by the retry; look up with BookingList by clientReference that it is the"
              + " only one";
      case "DUPLICATE" -> "cancel all but one of bookings ";
      default ->
          "look up with BookingList by clientReference, filterType=CREATION, status=ALL,"
              + " start..end covering "
              + b.attemptTs().substring(0, 10);
    };
  }

  /** The action, cut to the start {@link #expectedAction} predicts for the statuses it cuts. */
  private static String actionShape(String action, GroundTruth.UncertainBooking b) {
    String start = expectedAction(b);
    boolean cut = b.status().equals("DUPLICATE") || b.status().equals("UNRESOLVED");
    return cut && action.startsWith(start) ? start : action;
  }

  @Test
  void noRawCredentialReachesAnyTextOutput() throws IOException {
    List<String> secrets = new ArrayList<>();
    truth.byToken().stream()
        .map(GroundTruth.TokenCount::token)
        .filter(t -> t.length() >= 8)
        .forEach(secrets::add);
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

  @Test
  void credentialHealthMatchesGroundTruth() throws IOException {
    List<String> actual = new ArrayList<>();
    for (CSVRecord row : csv("credential_health")) {
      actual.add(
          String.join(
              "|",
              row.get("provider"),
              row.get("token_id"),
              time(row.get("first_seen")),
              time(row.get("last_seen")),
              row.get("requests"),
              time(row.get("last_success")),
              time(row.get("last_accepted")),
              row.get("missing_token"),
              row.get("invalid_token"),
              row.get("invalid_token_or_not_found"),
              row.get("signature_failed"),
              row.get("developer_inactive"),
              row.get("developer_over_rate"),
              row.get("state"),
              time(row.get("since")),
              row.get("remedy")));
    }
    List<String> expected = new ArrayList<>();
    for (HealthTruth.Credential c : truth.health().credentials()) {
      List<String> cells =
          new ArrayList<>(
              List.of(
                  c.provider(),
                  tokenId(c.token()),
                  time(c.firstSeen()),
                  time(c.lastSeen()),
                  Long.toString(c.requests()),
                  time(c.lastSuccess()),
                  time(c.lastAccepted())));
      c.failures().forEach(n -> cells.add(Long.toString(n)));
      cells.add(c.state());
      cells.add(time(c.since()));
      cells.add(remedy(c.provider(), c.remedyCode()));
      expected.add(String.join("|", cells));
    }
    actual.sort(null);
    expected.sort(null);
    assertEquals(
        expected,
        actual,
        "provider | token_id | first | last | requests | last success | last accepted | failures |"
            + " state | since | remedy");

    HealthTruth.Situation revoked = situation(HealthSituations.REVOKED_MID_DAY);
    assertTrue(
        actual.contains(
            String.join(
                "|",
                "casy",
                tokenId(revoked.token()),
                "2026-11-18T06:00:00Z",
                "2026-11-18T17:50:00Z",
                "42",
                "2026-11-18T11:40:00Z",
                "2026-11-18T11:40:00Z",
                "0",
                "0",
                "24",
                "0",
                "0",
                "0",
                "failing_auth",
                "2026-11-18T12:05:00Z",
                REVOKED)),
        "the token revoked at noon: 18 successes, then 24 failures from 12:05; " + actual);
    HealthTruth.Situation hiding = situation(HealthSituations.REVOKED_BEHIND_TIMEOUT);
    assertTrue(
        actual.contains(
            String.join(
                "|",
                "casy",
                tokenId(hiding.token()),
                "2026-11-18T05:00:00Z",
                "2026-11-18T06:25:00Z",
                "6",
                "2026-11-18T05:20:00Z",
                "2026-11-18T05:20:00Z",
                "0",
                "0",
                "3",
                "0",
                "0",
                "0",
                "failing_auth",
                "2026-11-18T05:40:00Z",
                REVOKED)),
        "three 401s then a timeout: failing_auth, not degraded; " + actual);
    HealthTruth.Situation relapsed = situation(LastDaySituations.RELAPSED);
    assertTrue(
        actual.contains(
            String.join(
                "|",
                "casy",
                tokenId(relapsed.token()),
                "2026-11-18T08:00:00Z",
                "2026-11-19T10:30:00Z",
                "8",
                "2026-11-19T08:00:00Z",
                "2026-11-19T08:00:00Z",
                "0",
                "0",
                "6",
                "0",
                "0",
                "0",
                "failing_auth",
                "2026-11-19T10:00:00Z",
                REVOKED)),
        "accepted on the second morning, refused again from 10:00; " + actual);
    HealthTruth.Situation quota = situation(LastDaySituations.QUOTA_AGAIN);
    assertTrue(
        actual.contains(
            String.join(
                "|",
                "hotelbeds",
                tokenId(quota.token()),
                "2026-11-18T20:00:00Z",
                "2026-11-19T01:00:00Z",
                "5",
                "2026-11-18T20:00:00Z",
                "2026-11-18T20:00:00Z",
                "0",
                "0",
                "0",
                "0",
                "0",
                "4",
                "quota_exhausted",
                "2026-11-18T21:00:00Z",
                remedy("hotelbeds", "403 DEVELOPER_OVER_RATE"))),
        "over its quota from 21:00, nothing accepted since; " + actual);
    HealthTruth.Situation hammering = situation(HealthSituations.HAMMERED_400);
    assertTrue(
        actual.contains(
            String.join(
                "|",
                "casy",
                tokenId(hammering.token()),
                "2026-11-18T15:00:00Z",
                "2026-11-18T15:05:00Z",
                "13",
                "2026-11-18T15:05:00Z",
                "2026-11-18T15:05:00Z",
                "0",
                "0",
                "0",
                "0",
                "0",
                "0",
                "healthy",
                "",
                "")),
        "a client hammering a 400 has a healthy credential");
  }

  @Test
  void accessDeniedMatchesGroundTruth() throws IOException {
    List<String> actual = new ArrayList<>();
    for (CSVRecord row : csv("access_denied")) {
      actual.add(
          String.join(
              "|",
              row.get("provider"),
              row.get("token_id"),
              row.get("hotel_id"),
              row.get("forbidden"),
              row.get("forbidden_action"),
              row.get("unclassified"),
              time(row.get("first_seen")),
              time(row.get("last_seen")),
              row.get("ever_succeeded"),
              time(row.get("last_success"))));
    }
    List<String> expected = new ArrayList<>();
    for (HealthTruth.Denied d : truth.health().denied()) {
      expected.add(
          String.join(
              "|",
              d.provider(),
              tokenId(d.token()),
              d.hotelId(),
              Long.toString(d.forbidden()),
              Long.toString(d.forbiddenAction()),
              Long.toString(d.unclassified()),
              time(d.firstSeen()),
              time(d.lastSeen()),
              Boolean.toString(d.everSucceeded()),
              time(d.lastSuccess())));
    }
    actual.sort(null);
    expected.sort(null);
    assertEquals(
        expected,
        actual,
        "provider | token_id | hotel | forbidden | forbidden_action | unclassified | first | last "
            + "| ever succeeded | last success");

    HealthTruth.Situation never = situation(HealthSituations.HOTEL_NEVER_GRANTED);
    assertTrue(
        actual.contains(
            String.join(
                "|",
                "casy",
                tokenId(never.token()),
                never.hotelId(),
                "4",
                "0",
                "0",
                "2026-11-18T08:15:00Z",
                "2026-11-18T11:15:00Z",
                "false",
                "")),
        "a hotel the token never had: " + actual);
    HealthTruth.Situation removed = situation(HealthSituations.PERMISSION_REMOVED);
    assertTrue(
        actual.contains(
            String.join(
                "|",
                "casy",
                tokenId(removed.token()),
                removed.hotelId(),
                "3",
                "0",
                "0",
                "2026-11-18T13:00:00Z",
                "2026-11-18T14:00:00Z",
                "true",
                "2026-11-18T07:30:00Z")),
        "a permission removed after two successes: " + actual);
    HealthTruth.Situation unexplained = situation(AdviceSituations.UNEXPLAINED_403);
    assertTrue(
        actual.contains(
            String.join(
                "|",
                "hotelbeds",
                tokenId(unexplained.token()),
                "",
                "0",
                "0",
                "2",
                "2026-11-18T16:00:00Z",
                "2026-11-18T16:30:00Z",
                "true",
                "2026-11-18T17:00:00Z")),
        "two Hotelbeds 403s nothing explained: unclassified, never forbidden: " + actual);
    assertTrue(
        actual.stream()
            .noneMatch(row -> row.startsWith("hotelbeds|") && !row.split("\\|", -1)[3].equals("0")),
        "no Hotelbeds 403 is a hotel permission (forbidden): " + actual);
  }

  @Test
  void clientBehaviourCountsHotelbeds410sAndItsOwnWindow() throws IOException {
    Map<String, String> actual = new TreeMap<>();
    for (CSVRecord row : csv("client_behaviour")) {
      actual.put(
          row.get("provider") + "|" + row.get("token_id"),
          String.join(
              "|",
              row.get("requests"),
              row.get("fix_first_failures"),
              row.get("repeated_unchanged"),
              row.get("retryable_failures"),
              row.get("fast_retries"),
              row.get("rejected_in_bursts"),
              row.get("wasted"),
              row.get("wasted_share")));
    }
    HealthTruth.Situation repeats = situation(AdviceSituations.REPEATS);
    assertEquals(
        "18|16|6|0|0|0|6|0.333333",
        actual.get("hotelbeds|" + tokenId(repeats.token())),
        "18 calls (one success, a cut booking detail); fix first: the 400, its three 410s, two 410s without their 400, four 400s, a 406,"
            + " a 415, two 403s, an XML 400 and a 404; repeats: three 410s after the 400, two without"
            + " it, and the 400 resent after 12 min (Hotelbeds' window is 15 min; the one after 16 min"
            + " is no repeat)");
  }

  @Test
  void bodiesThatCannotBeReadAreCountedInTheSummary() throws IOException {
    JsonNode summary = new ObjectMapper().readTree(out.resolve("run_summary.json").toFile());
    List<String> actual = new ArrayList<>();
    for (JsonNode row : summary.get("body_parse_failures")) {
      actual.add(
          String.join(
              "|",
              row.get("provider").asText(),
              row.get("operation").asText(),
              row.get("body").asText(),
              row.get("format").asText(),
              row.get("count").asText(),
              time(row.get("first_seen").asText()),
              time(row.get("last_seen").asText())));
    }
    List<String> expected = new ArrayList<>();
    for (HealthTruth.ParseFailures p : truth.health().parseFailures()) {
      expected.add(
          String.join(
              "|",
              p.provider(),
              p.operation(),
              p.body(),
              p.format(),
              Long.toString(p.count()),
              time(p.firstSeen()),
              time(p.lastSeen())));
    }
    assertEquals(
        List.of(
            "casy|reservations|response|json|1|2026-11-18T17:30:00Z|2026-11-18T17:30:00Z",
            "hotelbeds|availability|response|xml|1|2026-11-18T17:10:00Z|2026-11-18T17:10:00Z",
            "hotelbeds|booking_detail|response|json|1|2026-11-18T17:00:00Z|2026-11-18T17:00:00Z"),
        expected,
        "the generator's truth: the three cut bodies (the plain-text 404 is none)");
    assertEquals(expected, actual, "provider | operation | body | format | count | first | last");
  }

  @Test
  void bookingConfirmationsOverTheDocumentedTimeoutMatchGroundTruth() throws IOException {
    Map<String, String> actual = new TreeMap<>();
    Map<String, Long> requestsPerHour = new TreeMap<>();
    for (CSVRecord row : csv("error_rates_by_operation")) {
      String window = time(row.get("window_start")) + "|" + row.get("provider");
      requestsPerHour.merge(window, Long.parseLong(row.get("requests")), Long::sum);
      if (row.get("provider").equals("hotelbeds")
          && row.get("operation").equals("booking_confirmation")) {
        actual.put(
            time(row.get("window_start")),
            row.get("requests") + "/" + row.get("over_timeout") + "/" + row.get("timeout_ms"));
      } else {
        assertEquals(
            "",
            row.get("timeout_ms") + row.get("over_timeout"),
            "no documented timeout for " + row.get("provider") + " " + row.get("operation"));
      }
    }
    Map<String, String> expected = new TreeMap<>();
    for (HealthTruth.Confirmations c : truth.health().confirmations()) {
      expected.put(time(c.windowStart()), c.requests() + "/" + c.overTimeout() + "/60000");
    }
    assertEquals(
        expected, actual, "booking confirmations per hour: requests / over 60 s / timeout_ms");
    assertTrue(
        actual.get("2026-11-18T21:00:00Z").matches("\\d+/[3-9]/60000"),
        "the three scripted confirmations over 60 s (60 000 ms exactly is not over): " + actual);
    Map<String, Long> expectedPerHour = new TreeMap<>();
    for (GroundTruth.HourCount hour : truth.byHour()) {
      expectedPerHour.merge(
          time(hour.windowStart()) + "|" + hour.provider(), hour.requests(), Long::sum);
    }
    assertEquals(
        expectedPerHour,
        requestsPerHour,
        "every exchange in one operation row of its hour and provider");
  }

  /**
   * {@code availability_by_day} is the generator's truth, line for line: per provider × operation ×
   * UTC day the requests, the provider's failures by class, availability and p95, in the report's
   * order (day, provider, operation).
   */
  @Test
  void availabilityByDayIsTheGroundTruthLineForLine() throws IOException {
    List<String> expected = new ArrayList<>();
    for (GroundTruth.AvailabilityDay a : truth.availability()) {
      expected.add(
          String.join(
              ",",
              a.day(),
              a.provider(),
              a.operation(),
              Long.toString(a.requests()),
              Long.toString(a.serverErrors()),
              Long.toString(a.upstreamUnavailable()),
              Long.toString(a.timeouts()),
              Long.toString(a.noResponse()),
              Long.toString(a.failures()),
              a.availability(),
              a.latencyP95Ms() == null ? "" : a.latencyP95Ms().toString()));
    }
    List<String> lines =
        Files.readAllLines(out.resolve("reports/availability_by_day.csv"), StandardCharsets.UTF_8);
    assertEquals(expected, lines.subList(1, lines.size()), "availability_by_day.csv rows");
    assertTrue(
        expected.stream().anyMatch(line -> line.matches(".*,[1-9]\\d*,0\\.\\d+,\\d*$")),
        "the truth has a row with failures and an availability below 1: " + expected);
    assertTrue(
        expected.stream().anyMatch(line -> line.startsWith("2026-11-19,casy,")),
        "the truth has rows of the second day: " + expected);
    assertEquals(
        truth.totals().exchanges(),
        truth.availability().stream().mapToLong(GroundTruth.AvailabilityDay::requests).sum(),
        "every exchange in one row of the truth");
  }

  @Test
  void clientBehaviourShowsTheHammered400AndEveryBurstRejection() throws IOException {
    Map<String, String> actual = new TreeMap<>();
    for (CSVRecord row : csv("client_behaviour")) {
      actual.put(
          row.get("provider") + "|" + row.get("token_id"),
          String.join(
              "|",
              row.get("requests"),
              row.get("fix_first_failures"),
              row.get("repeated_unchanged"),
              row.get("retryable_failures"),
              row.get("fast_retries"),
              row.get("rejected_in_bursts"),
              row.get("wasted"),
              row.get("wasted_share")));
    }
    HealthTruth.Situation hammering = situation(HealthSituations.HAMMERED_400);
    assertEquals(
        "13|12|11|0|0|0|11|0.846154",
        actual.get("casy|" + tokenId(hammering.token())),
        "one 400 sent 12 times, 20 s apart: 11 unchanged repeats, then the fixed call");

    Map<String, Long> expectedRequests = new TreeMap<>();
    truth
        .byToken()
        .forEach(t -> expectedRequests.put(t.provider() + "|" + tokenId(t.token()), t.requests()));
    Map<String, Long> actualRequests = new TreeMap<>();
    actual.forEach(
        (key, cells) ->
            actualRequests.put(key, Long.parseLong(cells.substring(0, cells.indexOf('|')))));
    assertEquals(expectedRequests, actualRequests, "one row per credential with all its requests");

    Map<String, Long> expectedRejected = new TreeMap<>();
    expectedRequests.keySet().forEach(key -> expectedRejected.put(key, 0L));
    truth
        .bursts()
        .forEach(
            b ->
                expectedRejected.merge(
                    b.provider() + "|" + tokenId(b.token()), b.rejected(), Long::sum));
    Map<String, Long> actualRejected = new TreeMap<>();
    actual.forEach((key, cells) -> actualRejected.put(key, Long.parseLong(cells.split("\\|")[5])));
    assertEquals(
        expectedRejected,
        actualRejected,
        "rejected_in_bursts: the rejections of the credential's bursts");
  }

  private static final String REVOKED = remedy("casy", "401 invalid_token_or_not_found");

  /** The taxonomy's remedy for a "status code" of the truth; empty for none. */
  private static String remedy(String provider, String statusAndCode) {
    if (statusAndCode == null) {
      return "";
    }
    String[] parts = statusAndCode.split(" ", 2);
    return com.hoteltraffic.classify.Taxonomy.loadDefault()
        .find(provider, Integer.valueOf(parts[0]), parts[1])
        .map(com.hoteltraffic.classify.TaxonomyEntry::remedy)
        .orElse("");
  }

  private static HealthTruth.Situation situation(String name) {
    return truth.health().situations().stream()
        .filter(s -> s.name().equals(name))
        .findFirst()
        .orElseThrow();
  }

  /** An ISO instant as {@link Instant#toString}, empty stays empty. */
  private static String time(String iso) {
    return iso == null || iso.isEmpty() ? "" : Instant.parse(iso).toString();
  }

  private static String sortedReferences(String joined) {
    return String.join(";", Stream.of(joined.split(";")).sorted().toList());
  }

  private static List<CSVRecord> csv(String report) throws IOException {
    try (Reader reader = Files.newBufferedReader(out.resolve("reports/" + report + ".csv"))) {
      List<CSVRecord> rows =
          CSVFormat.RFC4180
              .builder()
              .setHeader()
              .setSkipHeaderRecord(true)
              .get()
              .parse(reader)
              .getRecords();
      assertTrue(
          rows.stream().allMatch(CSVRecord::isConsistent), report + ": every row has every column");
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
    counts.forEach(
        (key, value) ->
            text.append(key)
                .append(" = ")
                .append(value[0])
                .append('/')
                .append(value[1])
                .append('\n'));
    return text.toString();
  }
}
