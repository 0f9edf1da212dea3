package com.hoteltraffic.output.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hoteltraffic.output.RunSummary;
import com.hoteltraffic.report.Reports;
import com.hoteltraffic.report.engine.ReportResults;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The one list of sections: unique anchors, and the page's navigation and body follow it. */
class PageSectionsTest {
  @Test
  void everySectionHasItsOwnAnchor() {
    List<String> ids = PageSections.ALL.stream().map(PageSection::id).toList();
    Set<String> seen = new HashSet<>();
    List<String> repeated = ids.stream().filter(id -> !seen.add(id)).toList();
    assertEquals(List.of(), repeated, "anchors used by two sections in " + ids);
    assertEquals(
        List.of(
            "summary",
            "error-rates",
            "latency",
            "top-hotels",
            "top-credentials",
            "incidents",
            "bookings",
            "codes",
            "operations",
            "availability",
            "credentials",
            "access-denied",
            "client-behaviour",
            "body-parse-failures",
            "files"),
        ids,
        "the page's sections in order; alerts link to these anchors");
  }

  @Test
  void theNavigationListsEverySectionInOrderAndThePageDrawsThemInThatOrder() {
    ReportResults none = ReportResults.of(Reports.all(false), List.of());
    RunSummary summary = new RunSummary().put("counts", Map.of()).put("time_range", Map.of());
    String html = ReportPage.render(none, summary::get, Duration.ofHours(1), ZoneOffset.UTC, null);

    StringBuilder nav = new StringBuilder("<nav>");
    for (PageSection section : PageSections.ALL) {
      nav.append("<a href=\"#")
          .append(section.id())
          .append("\">")
          .append(section.navTitle())
          .append("</a>");
    }
    nav.append("</nav>");
    int navStart = html.indexOf("<nav>");
    assertEquals(
        nav.toString(),
        html.substring(navStart, html.indexOf("</nav>") + "</nav>".length()),
        "one link per section, in list order");
    assertTrue(
        nav.toString()
            .startsWith(
                "<nav><a href=\"#summary\">Summary</a><a href=\"#error-rates\">Error rates</a>"),
        "titles as the page shows them: " + nav);

    int previous = navStart;
    for (PageSection section : PageSections.ALL) {
      String open = "<section id=\"" + section.id() + "\">";
      int at = html.indexOf(open);
      assertTrue(at > previous, open + " after the one before it (at " + previous + "): " + at);
      assertEquals(at, html.lastIndexOf(open), "drawn once: " + section.id());
      previous = at;
    }
    assertEquals(
        PageSections.ALL.size(),
        html.split("<section id=", -1).length - 1,
        "no section besides the listed ones (no alerts given)");
  }
}
