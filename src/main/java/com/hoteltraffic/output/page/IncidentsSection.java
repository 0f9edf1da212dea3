package com.hoteltraffic.output.page;

import com.hoteltraffic.output.svg.TimelineChart;
import com.hoteltraffic.report.Reports;
import com.hoteltraffic.report.bursts.RateLimitBursts;
import com.hoteltraffic.report.engine.ReportResults;
import com.hoteltraffic.report.outages.DbOutages;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Rate-limit bursts and database outages: a timeline over the run with one bar per incident, each
 * linking to its row in the tables below ({@code bursts}, {@code outages}), so ops see when things
 * went wrong and for whom.
 */
final class IncidentsSection implements PageSection {
  /** One rate-limit burst. */
  record Burst(
      String provider,
      String tokenId,
      String kind,
      Instant start,
      Instant end,
      long rejected,
      long requests,
      String clientBackoff) {}

  /** One database outage; {@code hotelId} is empty for the central database. */
  record Outage(
      String provider,
      String scope,
      String hotelId,
      Instant start,
      Instant end,
      long failedRequests,
      Instant recoveredAt) {}

  private final int limit;

  IncidentsSection() {
    this(PageSections.MAX_ROWS);
  }

  /** Lists at most {@code limit} bursts and {@code limit} outages. */
  IncidentsSection(int limit) {
    this.limit = limit;
  }

  @Override
  public String id() {
    return "incidents";
  }

  @Override
  public String navTitle() {
    return "Incidents";
  }

  @Override
  public void render(ReportResults reports, PageHtml page) {
    Shown<Burst> bursts = bursts(Rows.of(reports, Reports.RATE_LIMIT_BURSTS));
    Shown<Outage> outages = outages(Rows.of(reports, Reports.DB_OUTAGES));
    page.open(id(), "Incidents: rate-limit bursts and database outages");
    IncidentTimeline.render(page, bursts.rows(), outages.rows());
    burstTable(page, bursts);
    outageTable(page, outages);
    page.close();
  }

  private Shown<Burst> bursts(Rows bursts) {
    return bursts.capped(
        bursts
            .<Instant>by(RateLimitBursts.START)
            .thenComparing(bursts.by(RateLimitBursts.PROVIDER))
            .thenComparing(bursts.by(RateLimitBursts.TOKEN_ID)),
        limit,
        row ->
            new Burst(
                bursts.get(row, RateLimitBursts.PROVIDER),
                bursts.get(row, RateLimitBursts.TOKEN_ID),
                bursts.get(row, RateLimitBursts.KIND),
                bursts.get(row, RateLimitBursts.START),
                bursts.get(row, RateLimitBursts.END),
                bursts.number(row, RateLimitBursts.REJECTED),
                bursts.number(row, RateLimitBursts.REQUESTS),
                bursts.get(row, RateLimitBursts.CLIENT_BACKOFF)));
  }

  private Shown<Outage> outages(Rows outages) {
    return outages.capped(
        outages
            .<Instant>by(DbOutages.START)
            .thenComparing(outages.by(DbOutages.PROVIDER))
            .thenComparing(outages.by(DbOutages.HOTEL_ID)),
        limit,
        row ->
            new Outage(
                outages.get(row, DbOutages.PROVIDER),
                outages.get(row, DbOutages.SCOPE),
                outages.get(row, DbOutages.HOTEL_ID),
                outages.get(row, DbOutages.START),
                outages.get(row, DbOutages.END),
                outages.number(row, DbOutages.FAILED_REQUESTS),
                outages.get(row, DbOutages.RECOVERED_AT)));
  }

  private static void burstTable(PageHtml page, Shown<Burst> shown) {
    StringBuilder html = page.html();
    html.append("<h3 id=\"bursts\">Rate-limit bursts</h3>\n<p class=\"note\">")
        .append(PageHtml.showing(shown, "bursts"))
        .append(", by start.</p>\n");
    List<Burst> bursts = shown.rows();
    if (bursts.isEmpty()) {
      return;
    }
    html.append(
            "<table><tr><th>#</th><th>provider</th><th>token_id</th><th>kind</th><th>start</th>")
        .append("<th>end</th><th>rejected</th><th>requests</th><th>client</th></tr>");
    for (int i = 0; i < bursts.size(); i++) {
      Burst burst = bursts.get(i);
      html.append("<tr id=\"burst-").append(i + 1).append("\">");
      page.numeric(i + 1);
      page.cell(burst.provider());
      page.cell(burst.tokenId());
      page.cell(burst.kind());
      page.timeCell(burst.start());
      page.timeCell(burst.end());
      page.numeric(burst.rejected());
      page.numeric(burst.requests());
      page.cell(burst.clientBackoff());
      html.append("</tr>");
    }
    html.append("</table>\n");
  }

  private static void outageTable(PageHtml page, Shown<Outage> shown) {
    StringBuilder html = page.html();
    html.append("<h3 id=\"outages\">Database outages</h3>\n<p class=\"note\">")
        .append(PageHtml.showing(shown, "outages"))
        .append(", by start.</p>\n");
    List<Outage> outages = shown.rows();
    if (outages.isEmpty()) {
      return;
    }
    html.append(
            "<table><tr><th>#</th><th>provider</th><th>scope</th><th>hotel_id</th><th>start</th>")
        .append("<th>end</th><th>failed requests</th><th>recovered at</th></tr>");
    for (int i = 0; i < outages.size(); i++) {
      Outage outage = outages.get(i);
      html.append("<tr id=\"outage-").append(i + 1).append("\">");
      page.numeric(i + 1);
      page.cell(outage.provider());
      page.cell(outage.scope());
      page.cell(outage.hotelId());
      page.timeCell(outage.start());
      page.timeCell(outage.end());
      page.numeric(outage.failedRequests());
      page.cell(outage.recoveredAt() == null ? "not seen" : page.time(outage.recoveredAt()));
      html.append("</tr>");
    }
    html.append("</table>\n");
  }

  /** The timeline of the incidents section: one lane per credential or database. */
  private static final class IncidentTimeline {
    private IncidentTimeline() {}

    /** One bar per burst and outage, each linking to its row below. */
    static void render(PageHtml page, List<Burst> bursts, List<Outage> outages) {
      List<TimelineChart.Bar> bars = new ArrayList<>();
      for (int i = 0; i < bursts.size(); i++) {
        bars.add(bar(page, bursts.get(i), i + 1));
      }
      for (int i = 0; i < outages.size(); i++) {
        bars.add(bar(page, outages.get(i), i + 1));
      }
      StringBuilder html = page.html();
      if (bars.isEmpty()) {
        html.append("<p>No rate-limit bursts and no database outages.</p>\n");
        return;
      }
      long[] range = timeRange(page);
      html.append("<figure>")
          .append(
              TimelineChart.render(
                  "Rate-limit bursts and database outages", bars, range[0], range[1], page.zone()))
          .append(
              "<figcaption class=\"note\">One lane per credential (bursts) or database (outages); ")
          .append("select a bar for its row below.</figcaption></figure>\n");
    }

    private static TimelineChart.Bar bar(PageHtml page, Burst burst, int number) {
      return new TimelineChart.Bar(
          burst.provider() + " " + burst.tokenId(),
          "rate-limit burst",
          burst.start().toEpochMilli(),
          burst.end().toEpochMilli(),
          burst.kind()
              + ": "
              + burst.rejected()
              + " rejected, "
              + page.time(burst.start())
              + " to "
              + page.time(burst.end()),
          "#burst-" + number);
    }

    private static TimelineChart.Bar bar(PageHtml page, Outage outage, int number) {
      String lane =
          outage.hotelId() == null || outage.hotelId().isEmpty()
              ? outage.provider() + " " + outage.scope() + " db"
              : outage.provider() + " hotel " + outage.hotelId();
      return new TimelineChart.Bar(
          lane,
          "database outage",
          outage.start().toEpochMilli(),
          outage.end().toEpochMilli(),
          outage.scope()
              + " database: "
              + outage.failedRequests()
              + " failed, "
              + page.time(outage.start())
              + " to "
              + page.time(outage.end()),
          "#outage-" + number);
    }

    /**
     * The run's time range from the summary, so the timeline spans the traffic, not only the
     * incidents.
     */
    private static long[] timeRange(PageHtml page) {
      Map<?, ?> range = PageHtml.map(page.summary("time_range"));
      long from = Long.MAX_VALUE;
      long to = Long.MIN_VALUE;
      if (range.get("first") != null && range.get("last") != null) {
        from = Instant.parse(range.get("first").toString()).toEpochMilli();
        to = Instant.parse(range.get("last").toString()).toEpochMilli();
      }
      return new long[] {from, to};
    }
  }
}
