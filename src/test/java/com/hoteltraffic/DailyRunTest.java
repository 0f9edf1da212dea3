package com.hoteltraffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hoteltraffic.cli.AnalyzeMainAccess;
import com.hoteltraffic.generate.GeneratorConfig;
import com.hoteltraffic.generate.GroundTruth;
import com.hoteltraffic.generate.TrafficGenerator;
import com.hoteltraffic.report.Reports;
import com.hoteltraffic.report.engine.ReportSpec;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scheduled daily runs ({@code --date}) on three generated days, with input and output given as
 * {@code file://} URIs as a scheduler on a Hadoop file system would: the day's reports against the
 * ground truth cut to the day, and reruns that replace exactly one day.
 */
class DailyRunTest {
  private static final String DAY = "2026-11-19";
  private static final String NEXT_DAY = "2026-11-20";
  private static final Instant DAY_START = Instant.parse(DAY + "T00:00:00Z");
  private static final Instant DAY_END = Instant.parse(NEXT_DAY + "T00:00:00Z");

  @TempDir static Path work;
  private static GroundTruth truth;
  private static Path out;
  private static String trafficUri;
  private static Map<String, String> dayAfterFirstRun;
  private static Map<String, String> dayAfterNextDayRun;
  private static Map<String, String> nextDayAfterItsRun;
  private static Map<String, String> dayAfterRerun;
  private static Map<String, String> nextDayAfterRerun;
  private static List<String> outputEntries;

  @BeforeAll
  static void runDayNextDayAndDayAgain() throws Exception {
    Path generated = work.resolve("generated");
    truth =
        TrafficGenerator.generate(
            GeneratorConfig.builder()
                .outDir(generated)
                .seed(11)
                .days(3)
                .start(Instant.parse("2026-11-18T00:00:00Z"))
                .exchangesPerDay(400)
                .build());
    trafficUri = generated.resolve(TrafficGenerator.TRAFFIC_DIR).toUri().toString();
    out = work.resolve("daily");
    assertTrue(trafficUri.startsWith("file:///"), "input given as a URI: " + trafficUri);

    runDay(DAY);
    dayAfterFirstRun = reportBytes(out.resolve("date=" + DAY));
    runDay(NEXT_DAY);
    dayAfterNextDayRun = reportBytes(out.resolve("date=" + DAY));
    nextDayAfterItsRun = reportBytes(out.resolve("date=" + NEXT_DAY));
    runDay(DAY);
    dayAfterRerun = reportBytes(out.resolve("date=" + DAY));
    nextDayAfterRerun = reportBytes(out.resolve("date=" + NEXT_DAY));
    try (Stream<Path> entries = Files.list(out)) {
      outputEntries = entries.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static void runDay(String date) {
    int exit =
        AnalyzeMainAccess.run(
            "--input",
            trafficUri,
            "--output",
            out.toUri().toString(),
            "--date",
            date,
            "--master",
            "local[2]");
    assertEquals(0, exit, "exit status of the run for " + date);
  }

  @Test
  void eachDayGoesToItsOwnFolderAndNothingElseIsLeftBehind() {
    assertEquals(
        List.of(
            ".date=" + DAY + ".lock",
            ".date=" + NEXT_DAY + ".lock",
            "date=" + DAY,
            "date=" + NEXT_DAY),
        outputEntries,
        "entries of the output directory, staging directories included; one lock file a day");
  }

  @Test
  void rerunningADayReplacesThatDayOnlyWithTheSameReports() {
    // Every written report's CSV and the quarantine.
    assertEquals(
        Reports.all(false).stream().filter(ReportSpec::written).count() + 1,
        dayAfterFirstRun.size(),
        "report files of the day: " + dayAfterFirstRun.keySet());
    assertEquals(
        dayAfterFirstRun, dayAfterNextDayRun, "running the next day left the day untouched");
    assertEquals(dayAfterFirstRun, dayAfterRerun, "rerunning the day gave byte-identical reports");
    assertEquals(
        nextDayAfterItsRun, nextDayAfterRerun, "rerunning the day left the next day untouched");
  }

  @Test
  void errorRatesCoverTheDayOnly() throws IOException {
    Map<String, String> actual = new TreeMap<>();
    for (CSVRecord row : csv("error_rates_by_hotel")) {
      actual.put(
          Instant.parse(row.get("window_start"))
              + "|"
              + row.get("provider")
              + "|"
              + row.get("hotel_id"),
          row.get("requests") + "/" + row.get("errors"));
    }
    Map<String, String> expected = new TreeMap<>();
    for (GroundTruth.HourCount hour : truth.byHour()) {
      if (inDay(hour.windowStart())) {
        expected.put(
            Instant.parse(hour.windowStart()) + "|" + hour.provider() + "|" + hour.hotelId(),
            hour.requests() + "/" + hour.errors());
      }
    }
    assertFalse(expected.isEmpty(), "the day has traffic");
    assertEquals(expected, actual, "requests/errors per hour, provider and hotel of the day");
  }

  @Test
  void incidentsOverlappingTheDayAreReportedWhole() throws IOException {
    List<String> bursts = new ArrayList<>();
    for (CSVRecord row : csv("rate_limit_bursts")) {
      bursts.add(
          String.join(
              "|",
              row.get("provider"),
              row.get("kind"),
              Instant.parse(row.get("start")).toString(),
              Instant.parse(row.get("end")).toString(),
              row.get("rejected"),
              row.get("requests")));
    }
    List<String> expectedBursts = new ArrayList<>();
    for (GroundTruth.Burst burst : truth.bursts()) {
      if (overlapsDay(burst.start(), burst.end())) {
        expectedBursts.add(
            String.join(
                "|",
                burst.provider(),
                burst.kind(),
                Instant.parse(burst.start()).toString(),
                Instant.parse(burst.end()).toString(),
                Long.toString(burst.rejected()),
                Long.toString(burst.requests())));
      }
    }
    bursts.sort(null);
    expectedBursts.sort(null);
    assertEquals(
        expectedBursts, bursts, "bursts: provider | kind | start | end | rejected | requests");

    List<String> outages = new ArrayList<>();
    for (CSVRecord row : csv("db_outages")) {
      outages.add(
          String.join(
              "|",
              row.get("scope"),
              row.get("hotel_id"),
              Instant.parse(row.get("start")).toString(),
              Instant.parse(row.get("end")).toString(),
              row.get("failed_requests")));
    }
    List<String> expectedOutages = new ArrayList<>();
    for (GroundTruth.Outage outage : truth.outages()) {
      if (overlapsDay(outage.start(), outage.end())) {
        expectedOutages.add(
            String.join(
                "|",
                outage.scope(),
                outage.hotelId(),
                Instant.parse(outage.start()).toString(),
                Instant.parse(outage.end()).toString(),
                Long.toString(outage.failedRequests())));
      }
    }
    outages.sort(null);
    expectedOutages.sort(null);
    assertEquals(expectedOutages, outages, "outages: scope | hotel | start | end | failed");
    assertFalse(expectedBursts.isEmpty() && expectedOutages.isEmpty(), "the day has incidents");
  }

  @Test
  void bookingsAttemptedInTheDayAreReconciledWithLaterEvidence() throws IOException {
    List<String> actual = new ArrayList<>();
    for (CSVRecord row : csv("unconfirmed_bookings")) {
      actual.add(
          String.join(
              "|",
              Instant.parse(row.get("attempt_ts")).toString(),
              row.get("client_reference"),
              row.get("status")));
    }
    List<String> expected = new ArrayList<>();
    for (GroundTruth.UncertainBooking booking : truth.bookings()) {
      if (inDay(booking.attemptTs())) {
        expected.add(
            String.join(
                "|",
                Instant.parse(booking.attemptTs()).toString(),
                booking.clientReference(),
                booking.status()));
      }
    }
    actual.sort(null);
    expected.sort(null);
    assertEquals(expected, actual, "attempt | client reference | status");
  }

  /**
   * The read holds the day before and after (look-back, look-ahead), and {@code
   * availability_by_day} counts the day's exchanges only: the truth's rows of that day, exactly.
   */
  @Test
  void availabilityByDayHasTheDaysRowsOnly() throws IOException {
    List<String> actual = new ArrayList<>();
    for (CSVRecord row : csv("availability_by_day")) {
      actual.add(String.join(",", row.toList()));
    }
    List<String> expected = new ArrayList<>();
    for (GroundTruth.AvailabilityDay a : truth.availability()) {
      if (a.day().equals(DAY)) {
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
    }
    assertTrue(
        truth.availability().stream().anyMatch(a -> !a.day().equals(DAY)),
        "the generated days around the day have rows of their own");
    assertEquals(expected, actual, "availability_by_day of " + DAY);
  }

  @Test
  void summaryNamesTheDayAndCountsItsExchanges() throws IOException {
    JsonNode summary =
        new ObjectMapper().readTree(out.resolve("date=" + DAY + "/run_summary.json").toFile());
    JsonNode daily = summary.get("settings").get("daily");
    assertEquals(DAY, daily.get("date").asText(), "date");
    assertEquals("PT6H", daily.get("lookback").asText(), "default look-back");
    assertEquals("PT24H", daily.get("lookahead").asText(), "default look-ahead");
    long expected =
        truth.byHour().stream()
            .filter(h -> inDay(h.windowStart()))
            .mapToLong(GroundTruth.HourCount::requests)
            .sum();
    assertEquals(
        expected, summary.get("counts").get("exchanges_in_day").asLong(), "exchanges in the day");
  }

  private static boolean inDay(String ts) {
    Instant instant = Instant.parse(ts);
    return !instant.isBefore(DAY_START) && instant.isBefore(DAY_END);
  }

  private static boolean overlapsDay(String start, String end) {
    return Instant.parse(start).isBefore(DAY_END) && !Instant.parse(end).isBefore(DAY_START);
  }

  private static List<CSVRecord> csv(String report) throws IOException {
    try (Reader reader =
        Files.newBufferedReader(out.resolve("date=" + DAY + "/reports/" + report + ".csv"))) {
      return CSVFormat.RFC4180
          .builder()
          .setHeader()
          .setSkipHeaderRecord(true)
          .get()
          .parse(reader)
          .getRecords();
    }
  }

  /** SHA-256 of every report and the quarantine file of a day folder, by relative path. */
  private static Map<String, String> reportBytes(Path dayDir)
      throws IOException, NoSuchAlgorithmException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(dayDir)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        String relative = dayDir.relativize(file).toString();
        // Hadoop's local file system writes hidden .crc checksum files beside each file: not
        // outputs.
        boolean hidden = file.getFileName().toString().startsWith(".");
        if (!hidden && (relative.startsWith("reports/") || relative.startsWith("quarantine/"))) {
          files.put(
              relative,
              HexFormat.of()
                  .formatHex(
                      MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))));
        }
      }
    }
    return files;
  }
}
