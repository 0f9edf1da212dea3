package com.hoteltraffic.output.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hoteltraffic.output.RunSummary;
import com.hoteltraffic.report.Reports;
import com.hoteltraffic.report.engine.ReportResults;
import com.hoteltraffic.report.engine.ReportRow;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The availability section lists the least available rows first, larger traffic first on ties. */
class AvailabilityByDaySectionTest {
  @Test
  void leastAvailableFirstThenMoreRequests() {
    List<ReportRow> rows =
        List.of(
            row("2026-11-18", "casy", "reservations", 100L, 1.0),
            row("2026-11-18", "hotelbeds", "booking_confirm", 40L, 0.9),
            row("2026-11-19", "hotelbeds", "availability", 400L, 0.9),
            row("2026-11-19", "casy", "hotel_health", 10L, 0.5));
    RunSummary summary = new RunSummary().put("counts", Map.of()).put("time_range", Map.of());
    PageHtml page = new PageHtml(summary::get, Duration.ofHours(1), ZoneOffset.UTC);
    new AvailabilityByDaySection().render(ReportResults.of(Reports.all(false), rows), page);
    String html = page.html().toString();

    int[] at = {
      html.indexOf("hotel_health"),
      html.indexOf("<td>availability</td>"),
      html.indexOf("booking_confirm"),
      html.indexOf("reservations")
    };
    for (int i = 0; i < at.length; i++) {
      assertTrue(at[i] > 0, "row " + i + " shown: " + html);
      if (i > 0) {
        assertTrue(at[i] > at[i - 1], "row " + i + " after row " + (i - 1) + ": " + html);
      }
    }
    assertEquals(
        1, html.split("<section id=\"availability\">", -1).length - 1, "one section: " + html);
  }

  private static ReportRow row(
      String day, String provider, String operation, long requests, double availability) {
    return new ReportRow(
        Reports.AVAILABILITY_BY_DAY,
        new Object[] {day, provider, operation, requests, 0L, 0L, 0L, 0L, 0L, availability, 120L});
  }
}
