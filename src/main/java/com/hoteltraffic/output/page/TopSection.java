package com.hoteltraffic.output.page;

import com.hoteltraffic.model.ExchangeSchema;
import com.hoteltraffic.report.engine.ReportResults;
import com.hoteltraffic.report.rates.ErrorRates;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The keys (hotels or credentials) with the highest error rate over the whole run, from a report of
 * error rates per key and window: the shared part of the top-hotels and top-credentials sections.
 */
abstract class TopSection implements PageSection {
  static final int TOP_N = 15;

  /** A hotel or credential with fewer requests is not ranked: 1 error in 2 requests says little. */
  static final long MIN_REQUESTS = 20;

  /** A hotel or credential with its totals over the run; {@code hint} is empty for hotels. */
  record TopRow(
      String provider, String key, String hint, long requests, long errors, Long worstP95Ms) {
    double errorRate() {
      return requests == 0 ? 0 : (double) errors / requests;
    }
  }

  private final String id;
  private final String navTitle;
  private final String title;
  private final String report;
  private final String keyColumn;
  private final String hintColumn;
  private final String what;

  /**
   * @param report the error rates per {@code keyColumn} and window
   * @param hintColumn the column shown beside the key, or null
   * @param what the keys' name in the note, plural
   */
  TopSection(
      String id,
      String navTitle,
      String title,
      String report,
      String keyColumn,
      String hintColumn,
      String what) {
    this.id = id;
    this.navTitle = navTitle;
    this.title = title;
    this.report = report;
    this.keyColumn = keyColumn;
    this.hintColumn = hintColumn;
    this.what = what;
  }

  @Override
  public final String id() {
    return id;
  }

  @Override
  public final String navTitle() {
    return navTitle;
  }

  @Override
  public final void render(ReportResults reports, PageHtml page) {
    Shown<TopRow> rows = top(Rows.of(reports, report));
    StringBuilder html = page.html();
    page.open(id, title);
    html.append("<p class=\"note\">")
        .append(PageHtml.showing(rows, what))
        .append(" with at least ")
        .append(MIN_REQUESTS)
        .append(" requests, highest error rate first.</p>\n");
    if (rows.rows().isEmpty()) {
      page.close();
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
      page.cell(row.provider());
      page.cell(row.key().isEmpty() ? "(none)" : row.key());
      if (hints) {
        page.cell(row.hint());
      }
      page.numeric(row.requests());
      page.numeric(row.errors());
      page.numeric(PageHtml.percent(row.errorRate()));
      page.numeric(row.worstP95Ms() == null ? "" : row.worstP95Ms() + " ms");
      html.append("</tr>");
    }
    html.append("</table>\n");
    page.close();
  }

  /** The keys with the highest error rate over the run, each key's windows summed. */
  Shown<TopRow> top(Rows rates) {
    Map<List<String>, TopRow> totals =
        new TreeMap<>(
            Comparator.<List<String>, String>comparing(k -> k.get(0), ReportResults::compareValues)
                .thenComparing(k -> k.get(1), ReportResults::compareValues));
    for (Object[] row : rates.rows()) {
      String keyValue = rates.get(row, keyColumn);
      if (keyValue != null) {
        String hint = hintColumn == null ? null : rates.get(row, hintColumn);
        TopRow one =
            new TopRow(
                rates.get(row, ExchangeSchema.PROVIDER),
                keyValue,
                hint == null ? "" : hint,
                rates.<Long>get(row, ErrorRates.REQUESTS),
                rates.<Long>get(row, ErrorRates.ERRORS),
                rates.get(row, ErrorRates.LATENCY_P95_MS));
        totals.merge(List.of(one.provider(), keyValue), one, TopSection::sum);
      }
    }
    List<TopRow> ranked =
        totals.values().stream()
            .filter(t -> t.requests() >= MIN_REQUESTS)
            .sorted(
                Comparator.comparingDouble((TopRow t) -> (double) t.errors() / t.requests())
                    .reversed()
                    .thenComparing(Comparator.comparingLong(TopRow::errors).reversed()))
            .toList();
    return new Shown<>(ranked.subList(0, Math.min(TOP_N, ranked.size())), ranked.size());
  }

  private static TopRow sum(TopRow a, TopRow b) {
    Long worst =
        a.worstP95Ms() == null
            ? b.worstP95Ms()
            : b.worstP95Ms() == null
                ? a.worstP95Ms()
                : Long.valueOf(Math.max(a.worstP95Ms(), b.worstP95Ms()));
    String hint = a.hint().isEmpty() ? b.hint() : a.hint();
    return new TopRow(
        a.provider(), a.key(), hint, a.requests() + b.requests(), a.errors() + b.errors(), worst);
  }
}
