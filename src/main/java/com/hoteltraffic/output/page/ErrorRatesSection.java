package com.hoteltraffic.output.page;

import com.hoteltraffic.output.svg.LineChart;
import com.hoteltraffic.report.engine.ReportResults;

/**
 * The error rate of each provider over time, window by window: the first place a provider's trouble
 * shows.
 */
final class ErrorRatesSection extends ProviderChartSection {
  @Override
  public String id() {
    return "error-rates";
  }

  @Override
  public String navTitle() {
    return "Error rates";
  }

  @Override
  public void render(ReportResults reports, PageHtml page) {
    page.open(id(), "Error rate per provider over time");
    chart(
        page,
        points(reports),
        point -> point.requests() == 0 ? null : (double) point.errors() / point.requests(),
        point -> point.errors() + " of " + point.requests(),
        "Error rate per provider and window",
        LineChart.ValueFormat.PERCENT);
    page.html()
        .append("<p class=\"note\">Errors are exchanges of any class but <code>ok</code>; see ")
        .append(
            "<a href=\"#codes\">error codes</a>, and <a href=\"#incidents\">incidents</a> for causes.</p>\n");
    page.close();
  }
}
