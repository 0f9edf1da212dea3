package com.hoteltraffic.output.page;

import com.hoteltraffic.model.ExchangeSchema;
import com.hoteltraffic.output.svg.LineChart;
import com.hoteltraffic.report.Reports;
import com.hoteltraffic.report.engine.ReportResults;
import com.hoteltraffic.report.rates.ErrorRates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A line chart of one value per provider and window, from {@code error_rates_by_provider}: the
 * shared part of the error-rate and latency sections, which chart the same latest windows.
 */
abstract class ProviderChartSection implements PageSection {
  /** Most provider windows charted: a year of hourly windows for two providers. */
  static final int MAX_SERIES_POINTS = 2 * 24 * 366;

  /** One provider's counts and latency percentiles in one window. */
  record RatePoint(
      Instant windowStart,
      String provider,
      long requests,
      long errors,
      Long p50Ms,
      Long p95Ms,
      Long p99Ms) {}

  /**
   * The latest windows, oldest first. The series is streamed (a row per provider and window): the
   * latest {@link #MAX_SERIES_POINTS} are chosen where the rows are.
   */
  static Shown<RatePoint> points(ReportResults reports) {
    List<String> columns = reports.spec(Reports.ERROR_RATES_BY_PROVIDER).columns();
    int window = columns.indexOf(ErrorRates.WINDOW_START);
    int provider = columns.indexOf(ExchangeSchema.PROVIDER);
    ReportResults.Top latest =
        reports.top(
            Reports.ERROR_RATES_BY_PROVIDER,
            row -> true,
            (a, b) -> {
              int compared = ReportResults.compareValues(b[window], a[window]);
              return compared != 0
                  ? compared
                  : ReportResults.compareValues(a[provider], b[provider]);
            },
            MAX_SERIES_POINTS);
    List<RatePoint> shown = new ArrayList<>();
    for (Object[] row : latest.rows()) {
      shown.add(
          0,
          new RatePoint(
              (Instant) row[window],
              (String) row[provider],
              (Long) row[columns.indexOf(ErrorRates.REQUESTS)],
              (Long) row[columns.indexOf(ErrorRates.ERRORS)],
              (Long) row[columns.indexOf(ErrorRates.LATENCY_P50_MS)],
              (Long) row[columns.indexOf(ErrorRates.LATENCY_P95_MS)],
              (Long) row[columns.indexOf(ErrorRates.LATENCY_P99_MS)]));
    }
    return new Shown<>(shown, latest.total());
  }

  /**
   * Charts {@code value} of each point per provider, with {@code note} as a point's tooltip; a null
   * value leaves the point out. Says "No data." when nothing is left.
   */
  static void chart(
      PageHtml page,
      Shown<RatePoint> points,
      Function<RatePoint, Double> value,
      Function<RatePoint, String> note,
      String title,
      LineChart.ValueFormat format) {
    List<LineChart.Series> series = series(points, value, note);
    StringBuilder html = page.html();
    if (series.isEmpty()) {
      html.append("<p>No data.</p>\n");
      return;
    }
    html.append("<figure>")
        .append(LineChart.render(title, series, format, page.zone()))
        .append("<figcaption class=\"note\">")
        .append(PageHtml.escape(title));
    if (points.truncated()) {
      html.append(": showing the last ")
          .append(points.rows().size())
          .append(" of ")
          .append(points.total())
          .append(" provider windows");
    }
    html.append("</figcaption></figure>\n");
  }

  private static List<LineChart.Series> series(
      Shown<RatePoint> points,
      Function<RatePoint, Double> value,
      Function<RatePoint, String> note) {
    Map<String, List<LineChart.Point>> byProvider = new LinkedHashMap<>();
    for (RatePoint point : points.rows()) {
      Double y = value.apply(point);
      if (y != null) {
        byProvider
            .computeIfAbsent(point.provider(), p -> new ArrayList<>())
            .add(new LineChart.Point(point.windowStart().toEpochMilli(), y, note.apply(point)));
      }
    }
    List<LineChart.Series> series = new ArrayList<>();
    byProvider.forEach((provider, list) -> series.add(new LineChart.Series(provider, list)));
    return series;
  }
}
