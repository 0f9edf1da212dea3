package com.hoteltraffic.output;

import com.hoteltraffic.output.svg.LineChart;
import com.hoteltraffic.output.svg.Svg;
import com.hoteltraffic.output.svg.TimelineChart;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The markup of {@code report.html}, built from small plain records (no Spark here, so every part
 * is testable without a session). The page is self-contained: inline CSS and SVG, no script,
 * nothing fetched; it prints readably (black text, dash patterns besides colours, navigation
 * hidden).
 *
 * <p>Sections, each with an id the navigation and the timeline link to: {@code alerts} (first, when
 * the page is rendered with alerts; each alert row {@code alert-N} links to the section of its
 * rows), {@code summary}, {@code error-rates}, {@code latency}, {@code top-hotels}, {@code
 * top-credentials}, {@code incidents} (timeline, {@code bursts}, {@code outages}), {@code
 * bookings}, {@code codes}, {@code files}.
 */
public final class ReportPage {
  /** One provider's counts and latency percentiles in one window. */
  public record RatePoint(
      Instant windowStart,
      String provider,
      long requests,
      long errors,
      Long p50Ms,
      Long p95Ms,
      Long p99Ms) {}

  /** A hotel or credential with its totals over the run; {@code hint} is empty for hotels. */
  public record TopRow(
      String provider, String key, String hint, long requests, long errors, Long worstP95Ms) {
    double errorRate() {
      return requests == 0 ? 0 : (double) errors / requests;
    }
  }

  /** One rate-limit burst. */
  public record Burst(
      String provider,
      String tokenId,
      String kind,
      Instant start,
      Instant end,
      long rejected,
      long requests,
      String clientBackoff) {}

  /** One database outage; {@code hotelId} is empty for the central database. */
  public record Outage(
      String provider,
      String scope,
      String hotelId,
      Instant start,
      Instant end,
      long failedRequests,
      Instant recoveredAt) {}

  /** One unconfirmed booking. */
  public record Booking(
      String action,
      String status,
      Instant attemptTs,
      String hotelId,
      String tokenId,
      String clientReference,
      String outcome,
      String bookingReference,
      String evidence,
      Instant evidenceTs) {}

  /** One (provider, status, code) of the error-code report. */
  public record CodeRow(
      String provider,
      Integer httpStatus,
      String errorCode,
      String errorClass,
      long count,
      Boolean documented,
      Instant firstSeen,
      Instant lastSeen) {}

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

  /** The first rows of a list and how many it had in all: the page says "showing N of M". */
  public record Shown<T>(List<T> rows, long total) {
    public Shown {
      rows = List.copyOf(rows);
    }

    boolean truncated() {
      return total > rows.size();
    }
  }

  /**
   * Everything the page shows.
   *
   * @param minRequests the fewest requests a hotel or credential needs to rank by error rate
   * @param bookingsByStatus every status's count (all rows, not only those shown)
   */
  public record Data(
      RunSummary summary,
      Duration window,
      ZoneId zone,
      Shown<RatePoint> series,
      Shown<TopRow> topHotels,
      Shown<TopRow> topCredentials,
      long minRequests,
      Shown<Burst> bursts,
      Shown<Outage> outages,
      Shown<Booking> bookings,
      Map<String, Long> bookingsByStatus,
      Shown<CodeRow> codes,
      List<Table> tables) {}

  /**
   * A report shown as a table of some of its columns (named as in its CSV), after the error codes.
   *
   * @param id the section's anchor
   * @param note one line on what the rows are and in which order
   * @param keyColumns the columns whose values name a row: each row gets the anchor {@code
   *     id-value1-value2} (empty values stay empty), so that other sections can link to it
   */
  public record Table(
      String id,
      String title,
      String note,
      List<String> columns,
      List<String> keyColumns,
      Shown<Object[]> rows) {
    /**
     * The anchor of a row with these key values, e.g. {@code credentials-casy-tok_0123456789ab}.
     */
    public String rowId(List<?> keyValues) {
      StringBuilder anchor = new StringBuilder(id);
      keyValues.forEach(value -> anchor.append('-').append(value == null ? "" : value));
      return anchor.toString();
    }
  }

  /** Reconciliation statuses in the order ops must act on them; unknown ones follow. */
  public static final List<String> STATUS_ORDER =
      List.of("DUPLICATE", "UNRESOLVED", "NOT_BOOKED", "BOOKED_ON_RETRY", "BOOKED");

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

  private static final String[][] SECTIONS = {
    {"summary", "Summary"},
    {"error-rates", "Error rates"},
    {"latency", "Latency"},
    {"top-hotels", "Top hotels"},
    {"top-credentials", "Top credentials"},
    {"incidents", "Incidents"},
    {"bookings", "Unconfirmed bookings"},
    {"codes", "Error codes"},
    {"files", "Inputs and reports"}
  };

  private ReportPage() {}

  /** The whole page, without an alerts section. */
  public static String render(Data data) {
    return render(data, null);
  }

  /** The whole page; with {@code alerts}, its first section lists them. */
  public static String render(Data data, Alerts alerts) {
    DateTimeFormatter time =
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(data.zone());
    Page page = new Page(data, time);
    StringBuilder html = page.html;
    html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>Hotel API traffic report</title><style>")
        .append(CSS)
        .append("</style></head>\n<body>\n")
        .append("<h1 id=\"top\">Hotel API traffic report</h1>\n<p class=\"note\">Times are ")
        .append(escape(data.zone().getId()))
        .append("; windows of ")
        .append(escape(duration(data.window())))
        .append(".</p>\n<nav>");
    if (alerts != null) {
      html.append("<a href=\"#alerts\">Alerts</a>");
    }
    for (String[] section : SECTIONS) {
      if (section[0].equals("files")) {
        for (Table table : data.tables()) {
          html.append("<a href=\"#")
              .append(escape(table.id()))
              .append("\">")
              .append(escape(table.title()))
              .append("</a>");
        }
      }
      html.append("<a href=\"#").append(section[0]).append("\">").append(section[1]).append("</a>");
    }
    html.append("</nav>\n");
    if (alerts != null) {
      page.alerts(alerts);
    }
    page.summary();
    page.errorRates();
    page.latency();
    page.top("top-hotels", "Top hotels by error rate", "hotel_id", data.topHotels(), "hotels");
    page.top(
        "top-credentials",
        "Top credentials by error rate",
        "token_id",
        data.topCredentials(),
        "credentials");
    page.incidents();
    page.bookings();
    page.codes();
    data.tables().forEach(page::table);
    page.files();
    return html.append("</body></html>\n").toString();
  }

  /** Escapes text for element content and quoted attribute values. */
  public static String escape(Object value) {
    return Svg.escape(value);
  }

  private static String duration(Duration window) {
    return window.toString().substring(2).toLowerCase(Locale.ROOT);
  }

  /** The page being built; one per render. */
  private static final class Page {
    final Data data;
    final DateTimeFormatter time;
    final StringBuilder html = new StringBuilder(64 * 1024);

    Page(Data data, DateTimeFormatter time) {
      this.data = data;
      this.time = time;
    }

    void open(String id, String title) {
      html.append("<section id=\"")
          .append(id)
          .append("\"><h2>")
          .append(escape(title))
          .append(" <a class=\"top\" href=\"#top\">back to top</a></h2>\n");
    }

    void close() {
      html.append("</section>\n");
    }

    void alerts(Alerts alerts) {
      open("alerts", "Alerts");
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
            .append(escape(alerts.previousRun()))
            .append("</code>.");
        for (String unreadable : alerts.unreadable()) {
          html.append(' ').append(escape(unreadable));
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
        close();
        return;
      }
      html.append(
          "<div class=\"wide\"><table><tr><th>#</th><th>severity</th><th>alert</th><th>rows</th></tr>");
      for (int i = 0; i < alerts.alerts().size(); i++) {
        AlertLine alert = alerts.alerts().get(i);
        html.append("<tr id=\"alert-").append(i + 1).append("\">");
        numeric(i + 1);
        html.append("<td class=\"")
            .append(escape(alert.severity()))
            .append("\">")
            .append(escape(alert.severity()))
            .append("</td>");
        cell(alert.reason());
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
            .append(escape(alert.anchor()))
            .append("\">")
            .append(escape(rows))
            .append("</a></td></tr>");
      }
      html.append("</table></div>\n");
      close();
    }

    void summary() {
      RunSummary summary = data.summary();
      Map<?, ?> counts = map(summary.get("counts"));
      Map<?, ?> range = map(summary.get("time_range"));
      open("summary", "Summary");
      html.append("<table>");
      row("Exchanges", counts.get("exchanges"));
      row("Errors", counts.get("errors"));
      row("Quarantined records", counts.get("quarantined"));
      row("Input files", counts.get("files"));
      row("First exchange", range.get("first"));
      row("Last exchange", range.get("last"));
      row("Finished", summary.get("finished_at"));
      row("Version", summary.get("version"));
      html.append("</table>\n");

      Map<?, ?> byProvider = map(counts.get("by_provider"));
      if (!byProvider.isEmpty()) {
        html.append(
            "<table><tr><th>provider</th><th>exchanges</th><th>errors</th><th>error rate</th></tr>");
        for (Map.Entry<?, ?> provider : byProvider.entrySet()) {
          Map<?, ?> totals = map(provider.getValue());
          long exchanges = number(totals.get("exchanges"));
          long errors = number(totals.get("errors"));
          html.append("<tr>");
          cell(provider.getKey());
          numeric(exchanges);
          numeric(errors);
          numeric(percent(exchanges == 0 ? 0 : (double) errors / exchanges));
          html.append("</tr>");
        }
        html.append("</table>\n");
      }

      html.append("<ul>");
      html.append("<li><a href=\"#bursts\">")
          .append(data.bursts().total())
          .append(" rate-limit bursts</a></li>");
      html.append("<li><a href=\"#outages\">")
          .append(data.outages().total())
          .append(" database outages</a></li>");
      html.append("<li><a href=\"#bookings\">")
          .append(data.bookings().total())
          .append(" unconfirmed booking confirmations</a>");
      List<String> statuses = orderedStatuses();
      if (!statuses.isEmpty()) {
        html.append(": ");
        for (int i = 0; i < statuses.size(); i++) {
          String status = statuses.get(i);
          html.append(i == 0 ? "" : ", ")
              .append("<a href=\"#bookings-")
              .append(escape(status))
              .append("\">")
              .append(data.bookingsByStatus().get(status))
              .append(' ')
              .append(escape(status))
              .append("</a>");
        }
      }
      html.append("</li></ul>\n");

      List<?> corrupt = list(summary.get("corrupt_files"));
      if (!corrupt.isEmpty()) {
        html.append(
            "<p class=\"bad\">Corrupt input files (records before the damage were kept):</p><ul>");
        for (Object file : corrupt) {
          Map<?, ?> entry = map(file);
          html.append("<li>")
              .append(escape(entry.get("path")))
              .append(": ")
              .append(escape(entry.get("reason")))
              .append("</li>");
        }
        html.append("</ul>\n");
      }
      close();
    }

    void errorRates() {
      open("error-rates", "Error rate per provider over time");
      List<LineChart.Series> series =
          series(
              point -> point.requests() == 0 ? null : (double) point.errors() / point.requests(),
              point -> point.errors() + " of " + point.requests());
      chart(series, "Error rate per provider and window", LineChart.ValueFormat.PERCENT);
      html.append("<p class=\"note\">Errors are exchanges of any class but <code>ok</code>; see ")
          .append(
              "<a href=\"#codes\">error codes</a>, and <a href=\"#incidents\">incidents</a> for causes.</p>\n");
      close();
    }

    void latency() {
      open("latency", "Latency (p95) per provider over time");
      List<LineChart.Series> series =
          series(
              point -> point.p95Ms() == null ? null : point.p95Ms().doubleValue(),
              point ->
                  "p50 " + orDash(point.p50Ms()) + " ms, p99 " + orDash(point.p99Ms()) + " ms");
      chart(
          series,
          "95th percentile of duration_ms per provider and window",
          LineChart.ValueFormat.MILLISECONDS);
      html.append("<p class=\"note\">Exact percentiles (nearest rank) of ")
          .append(
              "<code>duration_ms</code>; p50, p95 and p99 per hotel and credential are in the error-rate CSVs.")
          .append("</p>\n");
      close();
    }

    private List<LineChart.Series> series(
        java.util.function.Function<RatePoint, Double> value,
        java.util.function.Function<RatePoint, String> note) {
      Map<String, List<LineChart.Point>> byProvider = new LinkedHashMap<>();
      for (RatePoint point : data.series().rows()) {
        Double y = value.apply(point);
        if (y != null) {
          byProvider
              .computeIfAbsent(point.provider(), p -> new ArrayList<>())
              .add(new LineChart.Point(point.windowStart().toEpochMilli(), y, note.apply(point)));
        }
      }
      List<LineChart.Series> series = new ArrayList<>();
      byProvider.forEach((provider, points) -> series.add(new LineChart.Series(provider, points)));
      return series;
    }

    private void chart(List<LineChart.Series> series, String title, LineChart.ValueFormat format) {
      if (series.isEmpty()) {
        html.append("<p>No data.</p>\n");
        return;
      }
      html.append("<figure>")
          .append(LineChart.render(title, series, format, data.zone()))
          .append("<figcaption class=\"note\">")
          .append(escape(title));
      if (data.series().truncated()) {
        html.append(": showing the last ")
            .append(data.series().rows().size())
            .append(" of ")
            .append(data.series().total())
            .append(" provider windows");
      }
      html.append("</figcaption></figure>\n");
    }

    void top(String id, String title, String keyColumn, Shown<TopRow> rows, String what) {
      open(id, title);
      html.append("<p class=\"note\">")
          .append(showing(rows, what))
          .append(" with at least ")
          .append(data.minRequests())
          .append(" requests, highest error rate first.</p>\n");
      if (rows.rows().isEmpty()) {
        close();
        return;
      }
      boolean hints = rows.rows().stream().anyMatch(row -> !row.hint().isEmpty());
      html.append("<table><tr><th>provider</th><th>").append(keyColumn).append("</th>");
      if (hints) {
        html.append("<th>token_hint</th>");
      }
      html.append(
          "<th>requests</th><th>errors</th><th>error rate</th><th>worst window p95</th></tr>");
      for (TopRow row : rows.rows()) {
        html.append("<tr>");
        cell(row.provider());
        cell(row.key().isEmpty() ? "(none)" : row.key());
        if (hints) {
          cell(row.hint());
        }
        numeric(row.requests());
        numeric(row.errors());
        numeric(percent(row.errorRate()));
        numeric(row.worstP95Ms() == null ? "" : row.worstP95Ms() + " ms");
        html.append("</tr>");
      }
      html.append("</table>\n");
      close();
    }

    void incidents() {
      open("incidents", "Incidents: rate-limit bursts and database outages");
      incidentTimeline();
      burstTable(data.bursts().rows());
      outageTable(data.outages().rows());
      close();
    }

    /** One bar per burst and outage, each linking to its row below. */
    private void incidentTimeline() {
      List<TimelineChart.Bar> bars = new ArrayList<>();
      List<Burst> bursts = data.bursts().rows();
      for (int i = 0; i < bursts.size(); i++) {
        Burst burst = bursts.get(i);
        bars.add(
            new TimelineChart.Bar(
                burst.provider() + " " + burst.tokenId(),
                "rate-limit burst",
                burst.start().toEpochMilli(),
                burst.end().toEpochMilli(),
                burst.kind()
                    + ": "
                    + burst.rejected()
                    + " rejected, "
                    + time.format(burst.start())
                    + " to "
                    + time.format(burst.end()),
                "#burst-" + (i + 1)));
      }
      List<Outage> outages = data.outages().rows();
      for (int i = 0; i < outages.size(); i++) {
        Outage outage = outages.get(i);
        bars.add(
            new TimelineChart.Bar(
                outageLane(outage),
                "database outage",
                outage.start().toEpochMilli(),
                outage.end().toEpochMilli(),
                outage.scope()
                    + " database: "
                    + outage.failedRequests()
                    + " failed, "
                    + time.format(outage.start())
                    + " to "
                    + time.format(outage.end()),
                "#outage-" + (i + 1)));
      }
      if (bars.isEmpty()) {
        html.append("<p>No rate-limit bursts and no database outages.</p>\n");
      } else {
        long[] range = timeRange();
        html.append("<figure>")
            .append(
                TimelineChart.render(
                    "Rate-limit bursts and database outages",
                    bars,
                    range[0],
                    range[1],
                    data.zone()))
            .append(
                "<figcaption class=\"note\">One lane per credential (bursts) or database (outages); ")
            .append("select a bar for its row below.</figcaption></figure>\n");
      }
    }

    private void burstTable(List<Burst> bursts) {
      html.append("<h3 id=\"bursts\">Rate-limit bursts</h3>\n<p class=\"note\">")
          .append(showing(data.bursts(), "bursts"))
          .append(", by start.</p>\n");
      if (bursts.isEmpty()) {
        return;
      }
      html.append(
              "<table><tr><th>#</th><th>provider</th><th>token_id</th><th>kind</th><th>start</th>")
          .append("<th>end</th><th>rejected</th><th>requests</th><th>client</th></tr>");
      for (int i = 0; i < bursts.size(); i++) {
        Burst burst = bursts.get(i);
        html.append("<tr id=\"burst-").append(i + 1).append("\">");
        numeric(i + 1);
        cell(burst.provider());
        cell(burst.tokenId());
        cell(burst.kind());
        timeCell(burst.start());
        timeCell(burst.end());
        numeric(burst.rejected());
        numeric(burst.requests());
        cell(burst.clientBackoff());
        html.append("</tr>");
      }
      html.append("</table>\n");
    }

    private void outageTable(List<Outage> outages) {
      html.append("<h3 id=\"outages\">Database outages</h3>\n<p class=\"note\">")
          .append(showing(data.outages(), "outages"))
          .append(", by start.</p>\n");
      if (outages.isEmpty()) {
        return;
      }
      html.append(
              "<table><tr><th>#</th><th>provider</th><th>scope</th><th>hotel_id</th><th>start</th>")
          .append("<th>end</th><th>failed requests</th><th>recovered at</th></tr>");
      for (int i = 0; i < outages.size(); i++) {
        Outage outage = outages.get(i);
        html.append("<tr id=\"outage-").append(i + 1).append("\">");
        numeric(i + 1);
        cell(outage.provider());
        cell(outage.scope());
        cell(outage.hotelId());
        timeCell(outage.start());
        timeCell(outage.end());
        numeric(outage.failedRequests());
        cell(outage.recoveredAt() == null ? "not seen" : time.format(outage.recoveredAt()));
        html.append("</tr>");
      }
      html.append("</table>\n");
    }

    private String outageLane(Outage outage) {
      return outage.hotelId() == null || outage.hotelId().isEmpty()
          ? outage.provider() + " " + outage.scope() + " db"
          : outage.provider() + " hotel " + outage.hotelId();
    }

    /**
     * The run's time range from the summary, so the timeline spans the traffic, not only the
     * incidents.
     */
    private long[] timeRange() {
      Map<?, ?> range = map(data.summary().get("time_range"));
      long from = Long.MAX_VALUE;
      long to = Long.MIN_VALUE;
      if (range.get("first") != null && range.get("last") != null) {
        from = Instant.parse(range.get("first").toString()).toEpochMilli();
        to = Instant.parse(range.get("last").toString()).toEpochMilli();
      }
      return new long[] {from, to};
    }

    void bookings() {
      open("bookings", "Unconfirmed bookings");
      html.append(
              "<p class=\"note\">Hotelbeds booking confirmations that got a 504 or no response, ")
          .append("reconciled against later traffic. ")
          .append(showing(data.bookings(), "confirmations"))
          .append(", grouped by status in the order to act on them.</p>\n");
      for (String status : orderedStatuses()) {
        List<Booking> rows =
            data.bookings().rows().stream().filter(b -> status.equals(b.status())).toList();
        long total = data.bookingsByStatus().get(status);
        html.append("<h3 id=\"bookings-")
            .append(escape(status))
            .append("\">")
            .append(escape(status))
            .append(" (")
            .append(total)
            .append(")</h3>\n");
        if (rows.size() < total) {
          html.append("<p class=\"note\">showing ")
              .append(rows.size())
              .append(" of ")
              .append(total)
              .append("</p>");
        }
        if (rows.isEmpty()) {
          continue;
        }
        html.append(
                "<div class=\"wide\"><table><tr><th>action</th><th>attempt</th><th>hotel_id</th><th>client_reference</th>")
            .append(
                "<th>outcome</th><th>booking_reference</th><th>evidence</th><th>evidence at</th>")
            .append("<th>token_id</th></tr>");
        for (Booking booking : rows) {
          html.append("<tr><td class=\"action\">").append(escape(booking.action())).append("</td>");
          timeCell(booking.attemptTs());
          cell(booking.hotelId());
          cell(booking.clientReference());
          cell(booking.outcome());
          cell(booking.bookingReference());
          cell(booking.evidence());
          timeCell(booking.evidenceTs());
          cell(booking.tokenId());
          html.append("</tr>");
        }
        html.append("</table></div>\n");
      }
      close();
    }

    private List<String> orderedStatuses() {
      List<String> statuses = new ArrayList<>();
      for (String status : STATUS_ORDER) {
        if (data.bookingsByStatus().getOrDefault(status, 0L) > 0) {
          statuses.add(status);
        }
      }
      data.bookingsByStatus().keySet().stream()
          .filter(s -> !STATUS_ORDER.contains(s))
          .sorted()
          .forEach(statuses::add);
      return statuses;
    }

    void codes() {
      open("codes", "Error codes");
      html.append("<p class=\"note\">")
          .append(showing(data.codes(), "codes"))
          .append(
              ", most frequent first. Undocumented codes are ones neither provider document lists.</p>\n")
          .append(
              "<table><tr><th>provider</th><th>HTTP status</th><th>code</th><th>class</th><th>count</th>")
          .append("<th>documented</th><th>first seen</th><th>last seen</th></tr>");
      for (CodeRow code : data.codes().rows()) {
        html.append(Boolean.FALSE.equals(code.documented()) ? "<tr class=\"bad\">" : "<tr>");
        cell(code.provider());
        numeric(code.httpStatus() == null ? "none" : code.httpStatus());
        cell(code.errorCode());
        cell(code.errorClass());
        numeric(code.count());
        cell(code.documented() == null ? "" : code.documented() ? "yes" : "no");
        timeCell(code.firstSeen());
        timeCell(code.lastSeen());
        html.append("</tr>");
      }
      html.append("</table>\n");
      close();
    }

    void table(Table table) {
      open(table.id(), table.title());
      html.append("<p class=\"note\">")
          .append(showing(table.rows(), "rows"))
          .append(". ")
          .append(escape(table.note()))
          .append("</p>\n<div class=\"wide\"><table><tr>");
      for (String column : table.columns()) {
        html.append("<th>").append(escape(column)).append("</th>");
      }
      html.append("</tr>");
      int[] keys = table.keyColumns().stream().mapToInt(table.columns()::indexOf).toArray();
      for (Object[] row : table.rows().rows()) {
        List<Object> keyValues = new java.util.ArrayList<>();
        for (int key : keys) {
          keyValues.add(row[key]);
        }
        html.append("<tr id=\"").append(escape(table.rowId(keyValues))).append("\">");
        for (Object value : row) {
          if (value instanceof Instant instant) {
            timeCell(instant);
          } else if (value instanceof Number) {
            numeric(value);
          } else {
            cell(value == null ? "" : value);
          }
        }
        html.append("</tr>");
      }
      html.append("</table></div>\n");
      close();
    }

    void files() {
      open("files", "Inputs and reports");
      html.append("<h3>Reports</h3><ul>");
      for (Map.Entry<?, ?> report : map(data.summary().get("reports")).entrySet()) {
        html.append("<li><a href=\"reports/")
            .append(escape(report.getKey()))
            .append(".csv\">")
            .append(escape(report.getKey()))
            .append(".csv</a> (")
            .append(escape(report.getValue()))
            .append(" rows)</li>");
      }
      html.append("<li><a href=\"run_summary.json\">run_summary.json</a></li></ul>\n");
      html.append(
              "<h3>Input files</h3><table><tr><th>path</th><th>format</th><th>lines</th><th>exchanges</th>")
          .append("<th>quarantined</th></tr>");
      for (Object file : list(data.summary().get("files"))) {
        Map<?, ?> entry = map(file);
        html.append(entry.get("corrupt_reason") == null ? "<tr>" : "<tr class=\"bad\">");
        cell(entry.get("path"));
        cell(entry.get("format"));
        numeric(entry.get("lines"));
        numeric(entry.get("exchanges"));
        numeric(entry.get("quarantined"));
        html.append("</tr>");
      }
      html.append("</table>\n");
      List<?> skipped = list(data.summary().get("skipped_files"));
      if (!skipped.isEmpty()) {
        html.append("<h3>Skipped files</h3><ul>");
        for (Object file : skipped) {
          Map<?, ?> entry = map(file);
          html.append("<li>")
              .append(escape(entry.get("path")))
              .append(": ")
              .append(escape(entry.get("reason")))
              .append("</li>");
        }
        html.append("</ul>\n");
      }
      close();
    }

    private void row(String label, Object value) {
      html.append("<tr><th>")
          .append(escape(label))
          .append("</th><td>")
          .append(escape(value))
          .append("</td></tr>");
    }

    private void timeCell(Instant value) {
      html.append("<td class=\"t\">")
          .append(value == null ? "" : escape(time.format(value)))
          .append("</td>");
    }

    private void cell(Object value) {
      html.append("<td>").append(escape(value)).append("</td>");
    }

    private void numeric(Object value) {
      html.append("<td class=\"n\">").append(escape(value)).append("</td>");
    }
  }

  private static String showing(Shown<?> shown, String what) {
    return shown.truncated()
        ? "Showing " + shown.rows().size() + " of " + shown.total() + " " + what
        : shown.total() + " " + what;
  }

  private static String percent(double fraction) {
    return String.format(Locale.ROOT, "%.2f%%", fraction * 100);
  }

  private static String orDash(Long value) {
    return value == null ? "–" : value.toString();
  }

  private static Map<?, ?> map(Object value) {
    return value instanceof Map<?, ?> map ? map : Map.of();
  }

  private static List<?> list(Object value) {
    return value instanceof List<?> list ? list : List.of();
  }

  private static long number(Object value) {
    return value instanceof Number n ? n.longValue() : 0;
  }
}
