package com.hoteltraffic.output.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hoteltraffic.output.RunSummary;
import com.hoteltraffic.report.Reports;
import com.hoteltraffic.report.engine.ReportResults;
import com.hoteltraffic.report.engine.ReportRow;
import com.hoteltraffic.report.engine.ReportSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The page from report rows: every section, working links, caps said, data escaped, nothing
 * fetched.
 */
class ReportPageTest {
  private static final Instant T0 = Instant.parse("2026-11-18T10:00:00Z");
  private static final String HOSTILE = "<img src=x onerror=alert(1)>";
  private static String html;

  /**
   * The report rows as the job would hand them over; the page lists at most 2 incidents of a kind,
   * and its credential table is a generic table of 1 row shown of 3.
   */
  @BeforeAll
  static void render() {
    RunSummary summary =
        new RunSummary()
            .put("finished_at", "2026-11-20T00:00:00Z")
            .put(
                "counts",
                Map.of(
                    "exchanges",
                    100,
                    "errors",
                    7,
                    "quarantined",
                    1,
                    "files",
                    2,
                    "by_provider",
                    Map.of("casy", Map.of("exchanges", 100L, "errors", 7L))))
            .put(
                "time_range",
                Map.of("first", T0.toString(), "last", T0.plusSeconds(7200).toString()))
            .put(
                "files",
                List.of(
                    Map.of(
                        "path",
                        "file:/in/day1.jsonl",
                        "format",
                        "jsonl",
                        "lines",
                        101,
                        "exchanges",
                        100,
                        "quarantined",
                        1)))
            .put("skipped_files", List.of())
            .put("corrupt_files", List.of())
            .put("reports", new LinkedHashMap<>(Map.of("error_codes", 3L)));
    List<ReportRow> rows = new ArrayList<>();
    rows.addAll(seriesAndTops());
    rows.addAll(incidents());
    rows.addAll(bookingsAndCodes());
    List<PageSection> sections =
        PageSections.ALL.stream()
            .map(
                section ->
                    switch (section.id()) {
                      case "incidents" -> new IncidentsSection(2);
                      case "credentials" -> CREDENTIALS;
                      default -> section;
                    })
            .toList();
    html =
        ReportPage.render(
            sections,
            ReportResults.of(Reports.all(false), rows),
            new PageHtml(summary::get, Duration.ofHours(1), ZoneOffset.UTC),
            null);
  }

  /** A table section of fixed rows: 1 shown of 3. */
  private static final PageSection CREDENTIALS =
      new TableSection("credentials", "Credential health", Reports.CREDENTIAL_HEALTH) {
        @Override
        Table table(Rows rows) {
          return new Table(
              "credentials",
              "Credential health",
              "Act on failing_auth first.",
              List.of("provider", "token_hint", "state", "since", "requests"),
              List.of("provider", "token_hint"),
              new Shown<>(
                  List.<Object[]>of(new Object[] {"casy", HOSTILE, "failing_auth", T0, 12L}), 3));
        }
      };

  private static List<ReportRow> seriesAndTops() {
    return List.of(
        row(
            Reports.ERROR_RATES_BY_PROVIDER,
            "window_start",
            T0,
            "provider",
            "casy",
            "requests",
            50L,
            "errors",
            5L,
            "latency_p50_ms",
            10L,
            "latency_p95_ms",
            90L,
            "latency_p99_ms",
            120L),
        row(
            Reports.ERROR_RATES_BY_PROVIDER,
            "window_start",
            T0.plusSeconds(3600),
            "provider",
            "casy",
            "requests",
            50L,
            "errors",
            2L,
            "latency_p50_ms",
            11L,
            "latency_p95_ms",
            80L,
            "latency_p99_ms",
            100L),
        row(
            Reports.ERROR_RATES_BY_HOTEL,
            "window_start",
            T0,
            "provider",
            "casy",
            "hotel_id",
            HOSTILE,
            "requests",
            40L,
            "errors",
            4L,
            "latency_p95_ms",
            90L),
        row(
            Reports.ERROR_RATES_BY_TOKEN,
            "window_start",
            T0,
            "provider",
            "casy",
            "token_id",
            "tok_1",
            "token_hint",
            "...abcd",
            "requests",
            40L,
            "errors",
            4L));
  }

  /** Five bursts (the first two by start are shown) and one outage. */
  private static List<ReportRow> incidents() {
    List<ReportRow> rows = new ArrayList<>();
    rows.add(burst("tok_1", T0, T0.plusSeconds(60), 12, 20, "kept_sending"));
    rows.add(burst("tok_2", T0, T0.plusSeconds(5), 6, 6, "backed_off"));
    for (int i = 3; i <= 5; i++) {
      rows.add(
          burst(
              "tok_" + i,
              T0.plusSeconds(600L * i),
              T0.plusSeconds(600L * i + 5),
              6,
              6,
              "backed_off"));
    }
    rows.add(
        row(
            Reports.DB_OUTAGES,
            "provider",
            "casy",
            "scope",
            "tenant",
            "hotel_id",
            "42",
            "start",
            T0,
            "end",
            T0.plusSeconds(600),
            "failed_requests",
            9L));
    return rows;
  }

  private static ReportRow burst(
      String token, Instant start, Instant end, long rejected, long requests, String client) {
    return row(
        Reports.RATE_LIMIT_BURSTS,
        "provider",
        "casy",
        "token_id",
        token,
        "kind",
        "rate_limited",
        "start",
        start,
        "end",
        end,
        "rejected",
        rejected,
        "requests",
        requests,
        "client_backoff",
        client);
  }

  private static List<ReportRow> bookingsAndCodes() {
    return List.of(
        row(
            Reports.UNCONFIRMED_BOOKINGS,
            "action",
            "cancel all but one",
            "status",
            "DUPLICATE",
            "attempt_ts",
            T0,
            "hotel_id",
            "7",
            "token_id",
            "tok_3",
            "client_reference",
            "ref-1",
            "outcome",
            "HTTP_504",
            "booking_reference",
            "1-2;1-3",
            "evidence",
            "booking_list",
            "evidence_ts",
            T0.plusSeconds(900)),
        row(
            Reports.UNCONFIRMED_BOOKINGS,
            "action",
            "nothing to do",
            "status",
            "BOOKED",
            "attempt_ts",
            T0,
            "hotel_id",
            "7",
            "token_id",
            "tok_3",
            "client_reference",
            "ref-2",
            "outcome",
            "NO_RESPONSE",
            "booking_reference",
            "1-4",
            "evidence",
            "booking_detail",
            "evidence_ts",
            T0.plusSeconds(60)),
        row(
            Reports.ERROR_CODES,
            "provider",
            "casy",
            "http_status",
            503,
            "error_code",
            "tenant_db_unavailable",
            "error_class",
            "server_error",
            "count",
            9L,
            "documented",
            true,
            "first_seen",
            T0,
            "last_seen",
            T0.plusSeconds(600)));
  }

  /** A row of {@code report} with these columns set by name, the others null. */
  private static ReportRow row(String report, Object... columnsAndValues) {
    List<String> columns =
        Reports.all(false).stream()
            .filter(spec -> spec.name().equals(report))
            .findFirst()
            .orElseThrow()
            .columns();
    Object[] values = new Object[columns.size()];
    for (int i = 0; i < columnsAndValues.length; i += 2) {
      int column = columns.indexOf((String) columnsAndValues[i]);
      if (column < 0) {
        throw new IllegalArgumentException("No column " + columnsAndValues[i] + " in " + report);
      }
      values[column] = columnsAndValues[i + 1];
    }
    return new ReportRow(report, values);
  }

  @Test
  void bodiesThatCouldNotBeReadAreListedMostFirstAndAccessDeniedSaysWhatToCheck() {
    List<String> columns =
        List.of("provider", "operation", "body", "format", "count", "first_seen", "last_seen");
    TableSection.Table table =
        new BodyParseFailuresSection()
            .table(
                new Rows(
                    columns,
                    List.of(
                        new Object[] {"casy", "reservations", "response", "json", 2L, T0, T0},
                        new Object[] {
                          "hotelbeds", "booking_list", "response", "xml", 9L, T0, T0
                        })));
    assertEquals("body-parse-failures", table.id(), "section id");
    assertEquals(
        List.of("provider", "operation", "body", "format"), table.keyColumns(), "row anchors");
    assertEquals(2, table.rows().total(), "both rows");
    assertEquals(
        "booking_list", table.rows().rows().get(0)[1], "the most failures first: " + table);
    List<String> deniedColumns =
        List.of(
            "provider",
            "token_id",
            "token_hint",
            "hotel_id",
            "forbidden",
            "forbidden_action",
            "unclassified",
            "first_seen",
            "last_seen",
            "ever_succeeded",
            "last_success");
    ReportSpec deniedSpec = Reports.named(Reports.ACCESS_DENIED, false);
    assertEquals(deniedColumns, deniedSpec.columns(), "the columns of access_denied");
    TableSection.Table denied =
        new AccessDeniedSection()
            .table(
                ReportResults.of(
                    List.of(deniedSpec),
                    List.of(
                        new ReportRow(
                            Reports.ACCESS_DENIED,
                            new Object[] {
                              "casy", "t1", "...t1", "7", 2L, 0L, 0L, T0, T0, false, null
                            }),
                        new ReportRow(
                            Reports.ACCESS_DENIED,
                            new Object[] {
                              "hotelbeds", "t2", "...t2", "", 0L, 0L, 3L, T0, T0, true, T0
                            }))));
    assertEquals(
        "hotelbeds",
        denied.rows().rows().get(0)[0],
        "unclassified denials count in the order: 3 before 2");
    assertTrue(
        denied.note().contains("X-Mashery-Error-Code header and its body"),
        "the page says what to check: " + denied.note());
  }

  @Test
  void hasEverySectionAndEveryInternalLinkLands() {
    Set<String> ids = matches("id=\"([^\"]+)\"");
    for (String section :
        List.of(
            "summary",
            "error-rates",
            "latency",
            "top-hotels",
            "top-credentials",
            "incidents",
            "bursts",
            "outages",
            "bookings",
            "codes",
            "credentials",
            "files")) {
      assertTrue(ids.contains(section), "section " + section + " in " + ids);
    }
    Set<String> targets = matches("href=\"#([^\"]+)\"");
    targets.removeAll(ids);
    assertEquals(Set.of(), targets, "links without a target");
    assertEquals(3, count("<svg class=\"chart\""), "error-rate, latency and incident charts");
  }

  @Test
  void showsAReportTableWithTimesNumbersAndItsCap() {
    int section = html.indexOf("<section id=\"credentials\">");
    assertTrue(section > html.indexOf("<section id=\"codes\">"), "after the error codes");
    String table = html.substring(section, html.indexOf("</section>", section));
    assertTrue(
        table.contains("Showing 1 of 3 rows. Act on failing_auth first."),
        "cap and note: " + table);
    assertTrue(
        table.contains(
            "<th>provider</th><th>token_hint</th><th>state</th><th>since</th><th>requests</th>"),
        "the columns as the CSV names them: " + table);
    assertTrue(
        table.contains("<td>failing_auth</td><td class=\"t\">2026-"),
        "a time cell in the page's zone: " + table);
    assertTrue(table.contains("<td class=\"n\">12</td>"), "a number cell: " + table);
    assertTrue(
        table.contains("<tr id=\"credentials-casy-&lt;img src=x onerror=alert(1)&gt;\">"),
        "each row is an anchor named by its key, escaped: " + table);
    assertTrue(
        html.contains("<a href=\"#credentials\">Credential health</a>"), "in the navigation");
  }

  @Test
  void isSelfContained() {
    assertFalse(html.contains("<script"), "no script");
    assertFalse(html.contains("<link"), "no stylesheet link");
    assertFalse(
        Pattern.compile("(src|href)=\"(https?:)?//").matcher(html).find(), "nothing fetched");
  }

  @Test
  void escapesData() {
    assertFalse(html.contains(HOSTILE), "hotel id as markup");
    assertTrue(html.contains("&lt;img src=x onerror=alert(1)&gt;"), "hotel id as text");
  }

  @Test
  void saysWhatItLeftOut() {
    assertTrue(html.contains("Showing 2 of 5 bursts"), "burst cap");
    assertTrue(html.contains("1 outages"), "uncapped count");
  }

  @Test
  void groupsBookingsByStatusInActionOrderWithTheActionFirst() {
    int duplicate = html.indexOf("id=\"bookings-DUPLICATE\"");
    int booked = html.indexOf("id=\"bookings-BOOKED\"");
    assertTrue(duplicate > 0 && booked > duplicate, "DUPLICATE before BOOKED");
    String table = html.substring(duplicate, html.indexOf("</table>", duplicate));
    assertTrue(table.contains("<tr><th>action</th>"), "action is the first column: " + table);
    assertTrue(
        table.contains("<tr><td class=\"action\">cancel all but one</td>"), "the action first");
    assertFalse(table.contains("ref-2"), "the BOOKED row under its own status");
  }

  private static Set<String> matches(String regex) {
    Set<String> found = new TreeSet<>();
    Matcher matcher = Pattern.compile(regex).matcher(html);
    while (matcher.find()) {
      found.add(matcher.group(1));
    }
    return found;
  }

  private static int count(String needle) {
    int count = 0;
    for (int at = html.indexOf(needle); at >= 0; at = html.indexOf(needle, at + 1)) {
      count++;
    }
    return count;
  }
}
