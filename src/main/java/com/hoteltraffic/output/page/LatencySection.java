package com.hoteltraffic.output.page;

import com.hoteltraffic.output.svg.LineChart;
import com.hoteltraffic.report.engine.ReportResults;

/**
 * The 95th percentile of each provider's durations over time, window by window, with p50 and p99 in
 * each point's tooltip: when a provider got slow.
 */
final class LatencySection extends ProviderChartSection {
  @Override
  public String id() {
    return "latency";
  }

  @Override
  public String navTitle() {
    return "Latency";
  }

  @Override
  public void render(ReportResults reports, PageHtml page) {
    page.open(id(), "Latency (p95) per provider over time");
    chart(
        page,
        points(reports),
        point -> point.p95Ms() == null ? null : point.p95Ms().doubleValue(),
        point -> "p50 " + orDash(point.p50Ms()) + " ms, p99 " + orDash(point.p99Ms()) + " ms",
        "95th percentile of duration_ms per provider and window",
        LineChart.ValueFormat.MILLISECONDS);
    page.html()
        .append("<p class=\"note\">Exact percentiles (nearest rank) of ")
        .append(
            "<code>duration_ms</code>; p50, p95 and p99 per hotel and credential are in the error-rate CSVs.")
        .append("</p>\n");
    page.close();
  }

  private static String orDash(Long value) {
    return value == null ? "–" : value.toString();
  }
}
