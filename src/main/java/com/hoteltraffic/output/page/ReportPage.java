package com.hoteltraffic.output.page;

import com.hoteltraffic.report.engine.ReportResults;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The markup of {@code report.html}: the head, the navigation, the run's alerts, then every section
 * of {@link PageSections#ALL} in order, each drawn from the run's report rows (no Spark here, so
 * every part is testable without a session). The page is self-contained: inline CSS and SVG, no
 * script, nothing fetched; it prints readably (black text, dash patterns besides colours,
 * navigation hidden).
 *
 * <p>Each section has an id the navigation, the alerts and the timeline link to; {@code alerts}
 * comes first when the page is rendered with alerts, and each alert row {@code alert-N} links to
 * the section of its rows.
 */
public final class ReportPage {
  /**
   * One alert as the page lists it.
   *
   * @param severity {@code critical} or {@code warning}
   * @param where the key columns and values of its rows in {@code report}
   * @param anchor the id of the section that shows its rows
   */
  public record AlertLine(
      String severity, String reason, String report, Map<String, String> where, String anchor) {}

  /**
   * The alerts of a run, critical first.
   *
   * @param previousRun the previous run compared against, or null when there was none
   * @param unreadable one sentence per file of the previous run that could not be read: which, why,
   *     and what is therefore not compared
   */
  public record Alerts(
      List<AlertLine> alerts,
      long critical,
      long warning,
      String previousRun,
      List<String> unreadable) {
    public Alerts {
      alerts = List.copyOf(alerts);
      unreadable = List.copyOf(unreadable);
    }
  }

  private static final String CSS =
      String.join(
          "",
          "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:0 2em 3em;color:#111;",
          "line-height:1.35;max-width:1200px}",
          "nav{position:sticky;top:0;background:#fff;border-bottom:1px solid #ccc;padding:.5em 0;z-index:1}",
          "nav a{margin-right:1em}h1{margin:.6em 0 .2em}h2{margin-top:1.6em;border-bottom:1px solid #ccc}",
          "section{margin-bottom:1em}table{border-collapse:collapse;margin:.6em 0;font-size:.92em}",
          ".wide{overflow-x:auto}",
          "td,th{border:1px solid #bbb;padding:.25em .55em;text-align:left;vertical-align:top}",
          "th{background:#f0f0f0}td.n{text-align:right;font-variant-numeric:tabular-nums}",
          ".note{color:#444;font-size:.9em}.bad{color:#a00}.critical{color:#a00;font-weight:600}.top{font-size:.85em;float:right}",
          "tr:target{outline:2px solid #b35900}td.action{font-weight:600;min-width:18em;max-width:32em}",
          "td.t{white-space:nowrap}svg.chart{max-width:100%;height:auto}figure{margin:.5em 0}",
          "@media print{nav,.top{display:none}section{break-inside:avoid}a{color:#111;text-decoration:none}}");

  private ReportPage() {}

  /**
   * The whole page of a run's reports.
   *
   * @param summary the run summary's top-level sections by name ({@code RunSummary::get})
   * @param alerts the run's alerts, listed first; null for a page without an alerts section
   */
  public static String render(
      ReportResults reports,
      Function<String, Object> summary,
      Duration window,
      ZoneId zone,
      Alerts alerts) {
    return render(PageSections.ALL, reports, new PageHtml(summary, window, zone), alerts);
  }

  /** The page of {@code sections}, in their order, appended to the empty {@code page}. */
  static String render(
      List<PageSection> sections, ReportResults reports, PageHtml page, Alerts alerts) {
    StringBuilder html = page.html();
    html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>Hotel API traffic report</title><style>")
        .append(CSS)
        .append("</style></head>\n<body>\n")
        .append("<h1 id=\"top\">Hotel API traffic report</h1>\n<p class=\"note\">Times are ")
        .append(PageHtml.escape(page.zone().getId()))
        .append("; windows of ")
        .append(PageHtml.escape(duration(page.window())))
        .append(".</p>\n<nav>");
    if (alerts != null) {
      html.append("<a href=\"#alerts\">Alerts</a>");
    }
    for (PageSection section : sections) {
      html.append("<a href=\"#")
          .append(PageHtml.escape(section.id()))
          .append("\">")
          .append(PageHtml.escape(section.navTitle()))
          .append("</a>");
    }
    html.append("</nav>\n");
    if (alerts != null) {
      alerts(page, alerts);
    }
    for (PageSection section : sections) {
      section.render(reports, page);
    }
    return html.append("</body></html>\n").toString();
  }

  private static String duration(Duration window) {
    return window.toString().substring(2).toLowerCase(Locale.ROOT);
  }

  /** The alerts section: counts, the previous run compared with, and one row per alert. */
  private static void alerts(PageHtml page, Alerts alerts) {
    StringBuilder html = page.html();
    page.open("alerts", "Alerts");
    html.append("<p class=\"note\">")
        .append(alerts.critical())
        .append(" critical, ")
        .append(alerts.warning())
        .append(" warning. ");
    if (alerts.previousRun() == null) {
      html.append(
          "No previous run to compare with: new error codes and error-rate rises are not checked.");
    } else {
      html.append("Compared with the previous run in <code>")
          .append(PageHtml.escape(alerts.previousRun()))
          .append("</code>.");
      for (String unreadable : alerts.unreadable()) {
        html.append(' ').append(PageHtml.escape(unreadable));
      }
    }
    long total = alerts.critical() + alerts.warning();
    if (total > alerts.alerts().size()) {
      html.append(" Showing the first ")
          .append(alerts.alerts().size())
          .append(" of ")
          .append(total)
          .append(";");
    }
    html.append(" Every alert is in <a href=\"alerts.json\">alerts.json</a>.</p>\n");
    if (alerts.alerts().isEmpty()) {
      html.append("<p>No alerts.</p>\n");
    } else {
      alertTable(page, alerts.alerts());
    }
    page.close();
  }

  private static void alertTable(PageHtml page, List<AlertLine> alerts) {
    StringBuilder html = page.html();
    html.append(
        "<div class=\"wide\"><table><tr><th>#</th><th>severity</th><th>alert</th><th>rows</th></tr>");
    for (int i = 0; i < alerts.size(); i++) {
      AlertLine alert = alerts.get(i);
      html.append("<tr id=\"alert-").append(i + 1).append("\">");
      page.numeric(i + 1);
      html.append("<td class=\"")
          .append(PageHtml.escape(alert.severity()))
          .append("\">")
          .append(PageHtml.escape(alert.severity()))
          .append("</td>");
      page.cell(alert.reason());
      StringBuilder rows = new StringBuilder(alert.report());
      alert
          .where()
          .forEach(
              (column, value) ->
                  rows.append(rows.length() == alert.report().length() ? ": " : ", ")
                      .append(column)
                      .append('=')
                      .append(value));
      html.append("<td><a href=\"#")
          .append(PageHtml.escape(alert.anchor()))
          .append("\">")
          .append(PageHtml.escape(rows))
          .append("</a></td></tr>");
    }
    html.append("</table></div>\n");
  }
}
