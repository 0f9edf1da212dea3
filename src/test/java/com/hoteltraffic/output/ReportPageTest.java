package com.hoteltraffic.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
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
 * The page from plain records: every section, working links, caps said, data escaped, nothing
 * fetched.
 */
class ReportPageTest {
  private static final Instant T0 = Instant.parse("2026-11-18T10:00:00Z");
  private static final String HOSTILE = "<img src=x onerror=alert(1)>";
  private static String html;

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
    List<ReportPage.RatePoint> series =
        List.of(
            new ReportPage.RatePoint(T0, "casy", 50, 5, 10L, 90L, 120L),
            new ReportPage.RatePoint(T0.plusSeconds(3600), "casy", 50, 2, 11L, 80L, 100L));
    ReportPage.Data data =
        new ReportPage.Data(
            summary,
            Duration.ofHours(1),
            ZoneOffset.UTC,
            new ReportPage.Shown<>(series, 2),
            new ReportPage.Shown<>(
                List.of(new ReportPage.TopRow("casy", HOSTILE, "", 40, 4, 90L)), 1),
            new ReportPage.Shown<>(
                List.of(new ReportPage.TopRow("casy", "tok_1", "...abcd", 40, 4, null)), 1),
            20,
            new ReportPage.Shown<>(
                List.of(
                    new ReportPage.Burst(
                        "casy",
                        "tok_1",
                        "rate_limited",
                        T0,
                        T0.plusSeconds(60),
                        12,
                        20,
                        "kept_sending"),
                    new ReportPage.Burst(
                        "casy",
                        "tok_2",
                        "rate_limited",
                        T0,
                        T0.plusSeconds(5),
                        6,
                        6,
                        "backed_off")),
                5),
            new ReportPage.Shown<>(
                List.of(
                    new ReportPage.Outage(
                        "casy", "tenant", "42", T0, T0.plusSeconds(600), 9, null)),
                1),
            new ReportPage.Shown<>(
                List.of(
                    new ReportPage.Booking(
                        "cancel all but one",
                        "DUPLICATE",
                        T0,
                        "7",
                        "tok_3",
                        "ref-1",
                        "HTTP_504",
                        "1-2;1-3",
                        "booking_list",
                        T0.plusSeconds(900)),
                    new ReportPage.Booking(
                        "nothing to do",
                        "BOOKED",
                        T0,
                        "7",
                        "tok_3",
                        "ref-2",
                        "NO_RESPONSE",
                        "1-4",
                        "booking_detail",
                        T0.plusSeconds(60))),
                2),
            new LinkedHashMap<>(Map.of("BOOKED", 1L, "DUPLICATE", 1L)),
            new ReportPage.Shown<>(
                List.of(
                    new ReportPage.CodeRow(
                        "casy",
                        503,
                        "tenant_db_unavailable",
                        "server_error",
                        9,
                        true,
                        T0,
                        T0.plusSeconds(600))),
                1),
            List.of(
                new ReportPage.Table(
                    "credentials",
                    "Credential health",
                    "Act on failing_auth first.",
                    List.of("provider", "token_hint", "state", "since", "requests"),
                    List.of("provider", "token_hint"),
                    new ReportPage.Shown<>(
                        List.<Object[]>of(new Object[] {"casy", HOSTILE, "failing_auth", T0, 12L}),
                        3))));
    html = ReportPage.render(data);
  }

  @Test
  void bodiesThatCouldNotBeReadAreListedMostFirstAndAccessDeniedSaysWhatToCheck() {
    List<String> columns =
        List.of("provider", "operation", "body", "format", "count", "first_seen", "last_seen");
    ReportPage.Table table =
        HtmlReport.parseFailures(
            new HtmlReport.Rows(
                columns,
                List.of(
                    new Object[] {"casy", "reservations", "response", "json", 2L, T0, T0},
                    new Object[] {"hotelbeds", "booking_list", "response", "xml", 9L, T0, T0})));
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
    ReportPage.Table denied =
        HtmlReport.accessDenied(
            new HtmlReport.Rows(
                deniedColumns,
                List.of(
                    new Object[] {"casy", "t1", "...t1", "7", 2L, 0L, 0L, T0, T0, false, null},
                    new Object[] {"hotelbeds", "t2", "...t2", "", 0L, 0L, 3L, T0, T0, true, T0})));
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
