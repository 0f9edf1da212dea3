package com.hoteltraffic.output.page;

import com.hoteltraffic.model.ExchangeSchema;
import com.hoteltraffic.report.engine.ReportResults;
import com.hoteltraffic.report.rates.ErrorRates;
import java.util.ArrayList;
import java.util.List;

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
    Shown<TopRow> rows = top(reports);
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

  /**
   * The keys with the highest error rate over the run, each key's windows summed where the rows are
   * (a row per key and window: the report is streamed), so the driver gets only the first {@link
   * #TOP_N} and the count. Ties: more errors first, then by provider and key.
   */
  Shown<TopRow> top(ReportResults reports) {
    List<String> columns = reports.spec(report).columns();
    Totals totals =
        new Totals(
            columns.indexOf(ExchangeSchema.PROVIDER),
            columns.indexOf(keyColumn),
            hintColumn == null ? -1 : columns.indexOf(hintColumn),
            columns.indexOf(ErrorRates.REQUESTS),
            columns.indexOf(ErrorRates.ERRORS),
            columns.indexOf(ErrorRates.LATENCY_P95_MS));
    ReportResults.Top top =
        reports.grouped(
            report, totals, total -> (Long) total[3] >= MIN_REQUESTS, TopSection::ranked, TOP_N);
    List<TopRow> rows = new ArrayList<>();
    for (Object[] total : top.rows()) {
      rows.add(
          new TopRow(
              (String) total[0],
              (String) total[1],
              (String) total[2],
              (Long) total[3],
              (Long) total[4],
              (Long) total[5]));
    }
    return new Shown<>(rows, top.total());
  }

  /** Highest error rate first, then most errors, then by provider and key. */
  private static int ranked(Object[] a, Object[] b) {
    int compared =
        Double.compare((double) (Long) b[4] / (Long) b[3], (double) (Long) a[4] / (Long) a[3]);
    if (compared == 0) {
      compared = Long.compare((Long) b[4], (Long) a[4]);
    }
    if (compared == 0) {
      compared = ReportResults.compareValues(a[0], b[0]);
    }
    return compared != 0 ? compared : ReportResults.compareValues(a[1], b[1]);
  }

  /**
   * A key's totals over its windows: provider, key, hint ("" for none), requests, errors, worst p95
   * (null for none). Rows without a key are not a hotel or credential.
   */
  private record Totals(int provider, int key, int hint, int requests, int errors, int p95)
      implements ReportResults.Grouping {
    @Override
    public String group(Object[] row) {
      return row[key] == null ? null : ReportResults.groupKey(row[provider], row[key]);
    }

    @Override
    public Object[] value(Object[] row) {
      Object hinted = hint < 0 ? null : row[hint];
      return new Object[] {
        row[provider], row[key], hinted == null ? "" : hinted, row[requests], row[errors], row[p95]
      };
    }

    /**
     * Sums two parts of a key. The hint is a credential's own (the same in each of its rows): the
     * non-empty one, the smaller if two differ, so the sum does not depend on which comes first.
     */
    @Override
    public Object[] merge(Object[] a, Object[] b) {
      String hintA = (String) a[2];
      String hintB = (String) b[2];
      String hinted =
          hintA.isEmpty()
              ? hintB
              : hintB.isEmpty() || ReportResults.compareValues(hintA, hintB) <= 0 ? hintA : hintB;
      Long worstA = (Long) a[5];
      Long worstB = (Long) b[5];
      Long worst =
          worstA == null
              ? worstB
              : worstB == null ? worstA : Long.valueOf(Math.max(worstA, worstB));
      return new Object[] {
        a[0], a[1], hinted, (Long) a[3] + (Long) b[3], (Long) a[4] + (Long) b[4], worst
      };
    }
  }
}
