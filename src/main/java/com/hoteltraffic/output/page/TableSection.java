package com.hoteltraffic.output.page;

import com.hoteltraffic.report.engine.ReportResults;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A report shown as a table of some of its columns, named as in its CSV, each row an anchor that
 * alerts and other sections link to. A subclass names its report and picks the rows, columns and
 * order; this class draws them the same way for every report.
 */
abstract class TableSection implements PageSection {
  private final String id;
  private final String title;
  private final String report;

  /**
   * @param id the section's anchor and the prefix of its rows' anchors
   * @param title the heading and the navigation entry
   * @param report the report whose rows it shows
   */
  TableSection(String id, String title, String report) {
    this.id = id;
    this.title = title;
    this.report = report;
  }

  @Override
  public final String id() {
    return id;
  }

  @Override
  public final String navTitle() {
    return title;
  }

  /** The table to show of the report's rows, which the driver holds (a report not streamed). */
  abstract Table table(Rows rows);

  /** The table to show; of a streamed report, override to read it with {@code top}. */
  Table table(ReportResults reports) {
    return table(Rows.of(reports, report));
  }

  @Override
  public void render(ReportResults reports, PageHtml page) {
    draw(table(reports), page);
  }

  /** {@code columns} of the first rows, as a table: the rows {@code top} chose. */
  final Table table(
      String note,
      List<String> columns,
      List<String> keyColumns,
      List<String> reportColumns,
      ReportResults.Top top) {
    int[] picked = columns.stream().mapToInt(reportColumns::indexOf).toArray();
    List<Object[]> shown = new ArrayList<>();
    for (Object[] row : top.rows()) {
      Object[] values = new Object[picked.length];
      for (int i = 0; i < picked.length; i++) {
        values[i] = row[picked[i]];
      }
      shown.add(values);
    }
    return new Table(id, title, note, columns, keyColumns, new Shown<>(shown, top.total()));
  }

  /** The first {@code limit} of {@code rows} in {@code order}, with {@code columns} only. */
  final Table table(
      String note,
      List<String> columns,
      List<String> keyColumns,
      Rows rows,
      Comparator<Object[]> order,
      int limit) {
    int[] picked = columns.stream().mapToInt(rows.columns()::indexOf).toArray();
    Shown<Object[]> shown =
        rows.capped(
            order,
            limit,
            row -> {
              Object[] values = new Object[picked.length];
              for (int i = 0; i < picked.length; i++) {
                values[i] = row[picked[i]];
              }
              return values;
            });
    return new Table(id, title, note, columns, keyColumns, shown);
  }

  static void draw(Table table, PageHtml page) {
    StringBuilder html = page.html();
    page.open(table.id(), table.title());
    html.append("<p class=\"note\">")
        .append(PageHtml.showing(table.rows(), "rows"))
        .append(". ")
        .append(PageHtml.escape(table.note()))
        .append("</p>\n<div class=\"wide\"><table><tr>");
    for (String column : table.columns()) {
      html.append("<th>").append(PageHtml.escape(column)).append("</th>");
    }
    html.append("</tr>");
    int[] keys = table.keyColumns().stream().mapToInt(table.columns()::indexOf).toArray();
    for (Object[] row : table.rows().rows()) {
      List<Object> keyValues = new ArrayList<>();
      for (int key : keys) {
        keyValues.add(row[key]);
      }
      html.append("<tr id=\"").append(PageHtml.escape(table.rowId(keyValues))).append("\">");
      for (Object value : row) {
        if (value instanceof Instant instant) {
          page.timeCell(instant);
        } else if (value instanceof Number) {
          page.numeric(value);
        } else {
          page.cell(value == null ? "" : value);
        }
      }
      html.append("</tr>");
    }
    html.append("</table></div>\n");
    page.close();
  }

  /**
   * Some of a report's rows and columns as the page shows them.
   *
   * @param id the section's anchor
   * @param note one line on what the rows are and in which order
   * @param keyColumns the columns whose values name a row: each row gets the anchor {@code
   *     id-value1-value2} (empty values stay empty), so that other sections can link to it
   */
  record Table(
      String id,
      String title,
      String note,
      List<String> columns,
      List<String> keyColumns,
      Shown<Object[]> rows) {
    /**
     * The anchor of a row with these key values, e.g. {@code credentials-casy-tok_0123456789ab}.
     */
    String rowId(List<?> keyValues) {
      StringBuilder anchor = new StringBuilder(id);
      keyValues.forEach(value -> anchor.append('-').append(value == null ? "" : value));
      return anchor.toString();
    }
  }
}
