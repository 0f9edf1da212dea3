package com.hoteltraffic.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.hoteltraffic.output.page.ReportPage;
import com.hoteltraffic.report.Reports;
import com.hoteltraffic.report.alert.Alert;
import com.hoteltraffic.report.alert.PreviousRun;
import com.hoteltraffic.report.alert.PreviousRun.CodeKey;
import com.hoteltraffic.report.alert.PreviousRun.Counts;
import com.hoteltraffic.report.alert.PreviousRun.Key;
import com.hoteltraffic.report.alert.Severity;
import com.hoteltraffic.report.engine.ReportResults;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a previous run's reports, writing alerts.json, and the page's alerts section. */
class AlertsOutputTest {
  private static final PreviousRunReader.Layout LAYOUT =
      new PreviousRunReader.Layout("run_summary.json", "reports");

  @TempDir Path dir;

  @Test
  void previousRunFactsAreSummedFromItsReports() throws IOException {
    Path run = previousRun(dir.resolve("run"));
    write(
        run.resolve("reports/credential_health.csv"),
        "provider,token_id,token_hint,last_seen,state,since,requests",
        "hotelbeds,tok_aaaaaaaaaaaa,...a1b2,2026-11-18T11:30:00Z,failing_auth,2026-11-18T10:00:00Z,40",
        "casy,tok_bbbbbbbbbbbb,...c3d4,2026-11-18T11:00:00Z,healthy,,7");

    PreviousRun previous =
        PreviousRunReader.read(
            new org.apache.hadoop.fs.Path(run.toString()),
            PreviousRun.SOURCE_OPTION,
            LAYOUT,
            new Configuration());

    assertEquals(
        Set.of(
            new CodeKey("casy", "200", "OK"),
            new CodeKey("casy", "502", "tenant_db_unavailable"),
            new CodeKey("hotelbeds", "", "NO_RESPONSE"),
            new CodeKey("hotelbeds", "400", "-weird")),
        previous.codes(),
        "every provider × status × code, the formula guard taken off");
    assertEquals(
        Map.of(new Key("casy", "1"), new Counts(70, 12), new Key("casy", ""), new Counts(5, 0)),
        previous.hotelRates(),
        "hotel rates summed over windows");
    assertEquals(
        Map.of(new Key("hotelbeds", "tok_aaaaaaaaaaaa"), new Counts(40, 40)),
        previous.tokenRates(),
        "credential rates");
    assertEquals(
        Map.of(
            new Key("hotelbeds", "tok_aaaaaaaaaaaa"),
            new PreviousRun.Credential(
                "failing_auth",
                Instant.parse("2026-11-18T10:00:00Z"),
                Instant.parse("2026-11-18T11:30:00Z")),
            new Key("casy", "tok_bbbbbbbbbbbb"),
            new PreviousRun.Credential("healthy", null, Instant.parse("2026-11-18T11:00:00Z"))),
        previous.credentials(),
        "credential state, since and last request");
    assertEquals(List.of(), previous.unreadable(), "every file read");
    assertEquals(PreviousRun.SOURCE_OPTION, previous.source(), "source");
  }

  @Test
  void aPreviousRunWithoutCredentialHealthSaysNothingOfStates() throws IOException {
    Path run = previousRun(dir.resolve("run"));
    PreviousRun previous =
        PreviousRunReader.read(
            new org.apache.hadoop.fs.Path(run.toString()),
            PreviousRun.SOURCE_PREVIOUS_DAY,
            LAYOUT,
            new Configuration());
    assertNull(previous.credentials(), "no credential_health.csv: states unknown");
    assertEquals(List.of(), previous.unreadable(), "a run without it is not unreadable");
  }

  @Test
  void notAFinishedRunIsRefusedWithTheReason() throws IOException {
    Path empty = Files.createDirectories(dir.resolve("empty"));
    IOException noSummary =
        assertThrows(
            IOException.class,
            () ->
                PreviousRunReader.read(
                    new org.apache.hadoop.fs.Path(empty.toString()),
                    PreviousRun.SOURCE_OPTION,
                    LAYOUT,
                    new Configuration()));
    assertTrue(noSummary.getMessage().contains("run_summary.json"), noSummary.getMessage());
    assertEquals(
        false,
        PreviousRunReader.isRun(
            new org.apache.hadoop.fs.Path(empty.toString()), LAYOUT, new Configuration()),
        "an empty folder is not a run");
  }

  @Test
  void filesThatCannotBeReadAreNamedWithTheirProblemAndTheirPartsSkipped() throws IOException {
    Path run = previousRun(dir.resolve("run"));
    Files.delete(run.resolve("reports/error_codes.csv"));
    write(
        run.resolve("reports/error_rates_by_hotel.csv"),
        "provider,hotel_id,requests,errors",
        "casy,1,many,0");
    write(
        run.resolve("reports/credential_health.csv"), "provider,token_id,state", "casy,t,healthy");

    PreviousRun previous = read(run);

    String reports = run.resolve("reports") + "/";
    assertEquals(
        List.of(
            new PreviousRun.Unreadable(
                reports + "error_codes.csv", "no such file", "new error codes"),
            new PreviousRun.Unreadable(
                reports + "error_rates_by_hotel.csv",
                "requests \"many\" is not a count at record 1",
                "hotel error-rate rises"),
            new PreviousRun.Unreadable(
                reports + "credential_health.csv",
                "no column last_seen",
                "credential states (every failing credential alerts)")),
        previous.unreadable(),
        "each unreadable file once, with its problem and what is not compared");
    assertNull(previous.codes(), "codes skipped");
    assertNull(previous.hotelRates(), "hotel rates skipped");
    assertNull(previous.credentials(), "credential states skipped");
    assertEquals(
        Map.of(new Key("hotelbeds", "tok_aaaaaaaaaaaa"), new Counts(40, 40)),
        previous.tokenRates(),
        "the readable file is still read");
  }

  @Test
  void aSummaryThatIsNotJsonLeavesEverythingUncompared() throws IOException {
    Path run = previousRun(dir.resolve("run"));
    Files.writeString(run.resolve("run_summary.json"), "{\"version\": \"te");

    PreviousRun previous = read(run);

    assertEquals(1, previous.unreadable().size(), "one problem: " + previous.unreadable());
    PreviousRun.Unreadable summary = previous.unreadable().get(0);
    assertEquals(run.resolve("run_summary.json").toString(), summary.file(), "the file named");
    assertTrue(
        summary.problem().startsWith("not JSON: Unexpected end-of-input")
            && summary.problem().endsWith("(line 1, column 16)")
            && !summary.problem().contains("\n"),
        "Jackson's problem on one line, with where: " + summary.problem());
    assertEquals(
        "everything (the run it belongs to is unknown)", summary.notCompared(), "not compared");
    assertTrue(
        previous.codes() == null
            && previous.hotelRates() == null
            && previous.tokenRates() == null
            && previous.credentials() == null,
        "no part read from a run of unknown state");

    write(run.resolve("run_summary.json"), "[1]");
    assertEquals(
        List.of(
            new PreviousRun.Unreadable(
                run.resolve("run_summary.json").toString(),
                "not a JSON object",
                "everything (the run it belongs to is unknown)")),
        read(run).unreadable(),
        "JSON, but not a summary");
  }

  private static PreviousRun read(Path run) throws IOException {
    return PreviousRunReader.read(
        new org.apache.hadoop.fs.Path(run.toString()),
        PreviousRun.SOURCE_OPTION,
        LAYOUT,
        new Configuration());
  }

  @Test
  void alertsJsonListsEachAlertWithItsRowsAndCounts() throws IOException {
    Alert alert =
        new Alert(
            Severity.CRITICAL,
            "db_outage",
            "Central database outage of casy",
            "db_outages",
            new LinkedHashMap<>(Map.of("provider", "casy")),
            "outages");
    PreviousRun previous =
        new PreviousRun(
            "/runs/day1", PreviousRun.SOURCE_OPTION, Set.of(), Map.of(), Map.of(), null);

    String json =
        new ObjectMapper()
            .writeValueAsString(
                AlertsFile.document(List.of(alert), previous, "reports", "report.html"));

    assertEquals(
        "{\"previous_run\":{\"path\":\"/runs/day1\",\"source\":\"--previous\"},"
            + "\"counts\":{\"critical\":1,\"warning\":0},"
            + "\"alerts\":[{\"severity\":\"critical\",\"kind\":\"db_outage\",\"reason\":\"Central database outage of casy\","
            + "\"report\":\"db_outages\",\"csv\":\"reports/db_outages.csv\",\"where\":{\"provider\":\"casy\"},"
            + "\"html\":\"report.html#outages\"}]}",
        json,
        "alerts.json");
    PreviousRun unreadable =
        new PreviousRun(
            "/runs/day1",
            PreviousRun.SOURCE_PREVIOUS_DAY,
            null,
            Map.of(),
            Map.of(),
            null,
            List.of(
                new PreviousRun.Unreadable(
                    "/runs/day1/reports/error_codes.csv",
                    "no column error_code",
                    "new error codes")));
    assertEquals(
        "{\"previous_run\":{\"path\":\"/runs/day1\",\"source\":\"previous day\",\"unreadable\":"
            + "[{\"file\":\"/runs/day1/reports/error_codes.csv\",\"problem\":\"no column error_code\","
            + "\"not_compared\":\"new error codes\"}]},\"counts\":{\"critical\":0,\"warning\":0},"
            + "\"alerts\":[]}",
        new ObjectMapper()
            .writeValueAsString(
                AlertsFile.document(List.of(), unreadable, "reports", "report.html")),
        "alerts.json names each unreadable file, its problem and what is not compared");
    ReportResults none = ReportResults.of(Reports.all(false), List.of());
    RunSummary summary = new RunSummary().put("counts", Map.of()).put("time_range", Map.of());
    String page =
        ReportPage.render(
            none,
            summary::get,
            Duration.ofHours(1),
            ZoneOffset.UTC,
            HtmlReport.alerts(List.of(), unreadable));
    assertTrue(
        page.contains(
            "Compared with the previous run in <code>/runs/day1</code>. Cannot read"
                + " /runs/day1/reports/error_codes.csv (no column error_code): not compared: new"
                + " error codes. Every alert is in"),
        "the page says so too");
    assertEquals(
        "{\"previous_run\":null,\"counts\":{\"critical\":0,\"warning\":0},\"alerts\":[]}",
        new ObjectMapper()
            .writeValueAsString(AlertsFile.document(List.of(), null, "reports", "report.html")),
        "no alert, no previous run");
  }

  @Test
  void thePageListsAlertsFirst() {
    ReportResults empty = ReportResults.of(Reports.all(false), List.of());
    RunSummary summary = new RunSummary().put("counts", Map.of()).put("time_range", Map.of());
    Alert critical =
        new Alert(
            Severity.CRITICAL,
            "booking_duplicate",
            "DUPLICATE booking <ref & co>",
            "unconfirmed_bookings",
            whereOf("attempt_ts", "2026-11-19T10:00:00Z", "client_reference", "r<1>"),
            "bookings-DUPLICATE");
    Alert warning =
        new Alert(
            Severity.WARNING,
            "new_error_code",
            "New error code",
            "error_codes",
            whereOf("provider", "casy"),
            "codes");

    String html = page(empty, summary, HtmlReport.alerts(List.of(critical, warning), null));

    int alerts = html.indexOf("<section id=\"alerts\">");
    assertTrue(
        alerts > 0 && alerts < html.indexOf("<section id=\"summary\">"),
        "the alerts section comes first");
    assertTrue(
        html.contains("<nav><a href=\"#alerts\">Alerts</a><a href=\"#summary\">"),
        "first in navigation");
    assertTrue(
        html.contains("<p class=\"note\">1 critical, 1 warning. No previous run to compare with"),
        "counts and the missing previous run");
    assertTrue(
        html.contains(
            "<tr id=\"alert-1\"><td class=\"n\">1</td><td class=\"critical\">critical</td>"
                + "<td>DUPLICATE booking &lt;ref &amp; co&gt;</td><td><a href=\"#bookings-DUPLICATE\">unconfirmed_bookings: "
                + "attempt_ts=2026-11-19T10:00:00Z, client_reference=r&lt;1&gt;</a></td></tr>"),
        "the critical alert row");
    assertTrue(
        html.contains(
            "<tr id=\"alert-2\"><td class=\"n\">2</td><td class=\"warning\">warning</td>"
                + "<td>New error code</td><td><a href=\"#codes\">error_codes: provider=casy</a></td></tr>"),
        "the warning");

    String quiet =
        page(
            empty,
            summary,
            HtmlReport.alerts(
                List.of(),
                new PreviousRun(
                    "/runs/day1", PreviousRun.SOURCE_OPTION, Set.of(), Map.of(), Map.of(), null)));
    assertTrue(
        quiet.contains(
                "0 critical, 0 warning. Compared with the previous run in <code>/runs/day1</code>. "
                    + "Every alert is in <a href=\"alerts.json\">alerts.json</a>.")
            && quiet.contains("<p>No alerts.</p>"),
        "no alert: said so");
    assertEquals(
        -1,
        page(empty, summary, null).indexOf("id=\"alerts\""),
        "rendered without alerts: no section");
  }

  @Test
  void thePageShowsTheFirst500AlertsAndSaysHowManyThereAre() {
    ReportResults empty = ReportResults.of(Reports.all(false), List.of());
    RunSummary summary = new RunSummary().put("counts", Map.of()).put("time_range", Map.of());
    List<Alert> many = new java.util.ArrayList<>();
    for (int i = 0; i < 501; i++) {
      many.add(
          new Alert(
              Severity.WARNING,
              "booking_unresolved",
              "UNRESOLVED " + i,
              "unconfirmed_bookings",
              whereOf("client_reference", "r" + i),
              "bookings-UNRESOLVED"));
    }

    String html = page(empty, summary, HtmlReport.alerts(many, null));

    assertTrue(
        html.contains("0 critical, 501 warning.") && html.contains("Showing the first 500 of 501;"),
        "the page says it shows 500 of 501");
    assertTrue(
        html.contains("<tr id=\"alert-500\">") && !html.contains("<tr id=\"alert-501\">"),
        "500 rows");
  }

  /** The page of {@code reports}, with an alerts section unless {@code alerts} is null. */
  private static String page(ReportResults reports, RunSummary summary, ReportPage.Alerts alerts) {
    return ReportPage.render(reports, summary::get, Duration.ofHours(1), ZoneOffset.UTC, alerts);
  }

  private static Map<String, String> whereOf(String... columnsAndValues) {
    Map<String, String> where = new LinkedHashMap<>();
    for (int i = 0; i < columnsAndValues.length; i += 2) {
      where.put(columnsAndValues[i], columnsAndValues[i + 1]);
    }
    return where;
  }

  /** A finished run's summary and the three reports the alerts read, two windows per key. */
  private static Path previousRun(Path run) throws IOException {
    write(run.resolve("run_summary.json"), "{\"version\":\"test\"}");
    write(
        run.resolve("reports/error_codes.csv"),
        "provider,http_status,error_code,error_class,count,first_seen,last_seen,documented,retryable",
        "casy,200,OK,ok,50,2026-11-18T10:00:00Z,2026-11-18T11:00:00Z,true,false",
        "casy,502,tenant_db_unavailable,upstream_unavailable,3,2026-11-18T10:00:00Z,2026-11-18T11:00:00Z,true,true",
        "hotelbeds,,NO_RESPONSE,no_response,2,2026-11-18T10:00:00Z,2026-11-18T11:00:00Z,true,true",
        "hotelbeds,400,'-weird,undocumented,1,2026-11-18T10:00:00Z,2026-11-18T11:00:00Z,false,false");
    write(
        run.resolve("reports/error_rates_by_hotel.csv"),
        "window_start,window_end,provider,hotel_id,requests,errors,error_rate",
        "2026-11-18T10:00:00Z,2026-11-18T11:00:00Z,casy,1,30,2,0.066667",
        "2026-11-18T11:00:00Z,2026-11-18T12:00:00Z,casy,1,40,10,0.25",
        "2026-11-18T11:00:00Z,2026-11-18T12:00:00Z,casy,,5,0,0");
    write(
        run.resolve("reports/error_rates_by_token.csv"),
        "window_start,window_end,provider,token_id,token_hint,requests,errors,error_rate",
        "2026-11-18T10:00:00Z,2026-11-18T11:00:00Z,hotelbeds,tok_aaaaaaaaaaaa,...a1b2,15,15,1",
        "2026-11-18T11:00:00Z,2026-11-18T12:00:00Z,hotelbeds,tok_aaaaaaaaaaaa,...a1b2,25,25,1");
    return run;
  }

  private static void write(Path file, String... lines) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, String.join("\r\n", lines) + "\r\n");
  }
}
