package com.hoteltraffic.output.page;

import com.hoteltraffic.report.Reports;
import com.hoteltraffic.report.engine.ReportResults;
import java.util.List;
import java.util.Map;

/**
 * The run's own section: its counts, time range and version from the run summary, each provider's
 * error rate, the incident and booking counts linking to their sections, and corrupt input files.
 */
final class SummarySection implements PageSection {
  @Override
  public String id() {
    return "summary";
  }

  @Override
  public String navTitle() {
    return "Summary";
  }

  @Override
  public void render(ReportResults reports, PageHtml page) {
    Map<?, ?> counts = PageHtml.map(page.summary("counts"));
    Map<?, ?> range = PageHtml.map(page.summary("time_range"));
    page.open(id(), "Summary");
    StringBuilder html = page.html();
    html.append("<table>");
    page.row("Exchanges", counts.get("exchanges"));
    page.row("Errors", counts.get("errors"));
    page.row("Quarantined records", counts.get("quarantined"));
    page.row("Input files", counts.get("files"));
    page.row("First exchange", range.get("first"));
    page.row("Last exchange", range.get("last"));
    page.row("Finished", page.summary("finished_at"));
    page.row("Version", page.summary("version"));
    html.append("</table>\n");
    providers(page, PageHtml.map(counts.get("by_provider")));
    incidents(page, reports);
    corruptFiles(page, PageHtml.list(page.summary("corrupt_files")));
    page.close();
  }

  private static void providers(PageHtml page, Map<?, ?> byProvider) {
    if (byProvider.isEmpty()) {
      return;
    }
    StringBuilder html = page.html();
    html.append(
        "<table><tr><th>provider</th><th>exchanges</th><th>errors</th><th>error rate</th></tr>");
    for (Map.Entry<?, ?> provider : byProvider.entrySet()) {
      Map<?, ?> totals = PageHtml.map(provider.getValue());
      long exchanges = PageHtml.number(totals.get("exchanges"));
      long errors = PageHtml.number(totals.get("errors"));
      html.append("<tr>");
      page.cell(provider.getKey());
      page.numeric(exchanges);
      page.numeric(errors);
      page.numeric(PageHtml.percent(exchanges == 0 ? 0 : (double) errors / exchanges));
      html.append("</tr>");
    }
    html.append("</table>\n");
  }

  /** How many bursts, outages and bookings (per status) there are, each a link to its rows. */
  private static void incidents(PageHtml page, ReportResults reports) {
    Rows bookings = Rows.of(reports, Reports.UNCONFIRMED_BOOKINGS);
    Map<String, Long> byStatus = BookingsSection.byStatus(bookings);
    StringBuilder html = page.html();
    html.append("<ul>");
    html.append("<li><a href=\"#bursts\">")
        .append(reports.rows(Reports.RATE_LIMIT_BURSTS).size())
        .append(" rate-limit bursts</a></li>");
    html.append("<li><a href=\"#outages\">")
        .append(reports.rows(Reports.DB_OUTAGES).size())
        .append(" database outages</a></li>");
    html.append("<li><a href=\"#bookings\">")
        .append(bookings.rows().size())
        .append(" unconfirmed booking confirmations</a>");
    List<String> statuses = BookingsSection.orderedStatuses(byStatus);
    if (!statuses.isEmpty()) {
      html.append(": ");
      for (int i = 0; i < statuses.size(); i++) {
        String status = statuses.get(i);
        html.append(i == 0 ? "" : ", ")
            .append("<a href=\"#bookings-")
            .append(PageHtml.escape(status))
            .append("\">")
            .append(byStatus.get(status))
            .append(' ')
            .append(PageHtml.escape(status))
            .append("</a>");
      }
    }
    html.append("</li></ul>\n");
  }

  private static void corruptFiles(PageHtml page, List<?> corrupt) {
    if (corrupt.isEmpty()) {
      return;
    }
    StringBuilder html = page.html();
    html.append(
        "<p class=\"bad\">Corrupt input files (records before the damage were kept):</p><ul>");
    for (Object file : corrupt) {
      Map<?, ?> entry = PageHtml.map(file);
      html.append("<li>")
          .append(PageHtml.escape(entry.get("path")))
          .append(": ")
          .append(PageHtml.escape(entry.get("reason")))
          .append("</li>");
    }
    html.append("</ul>\n");
  }
}
