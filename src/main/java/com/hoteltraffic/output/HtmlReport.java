package com.hoteltraffic.output;

import static org.apache.spark.sql.functions.col;

import com.hoteltraffic.model.ExchangeSchema;
import com.hoteltraffic.report.ErrorCodes;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * {@code report.html}: one self-contained page (no scripts, nothing fetched) with the run's
 * totals, inputs and the error codes seen, linking to the CSV reports. It reads only small
 * things: the summary and the error-code table, whose size is bounded by the taxonomy.
 */
public final class HtmlReport {
  private static final int MAX_CODE_ROWS = 500;

  private HtmlReport() {}

  public static void write(RunSummary summary, Dataset<Row> errorCodes, Path target, Configuration conf)
      throws IOException {
    StringBuilder html = new StringBuilder(16 * 1024);
    html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>Hotel API traffic report</title><style>")
        .append("body{font-family:system-ui,sans-serif;margin:2em;color:#222}")
        .append("table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:.3em .6em;")
        .append("text-align:left}th{background:#f3f3f3}td.n{text-align:right}.bad{color:#a00}")
        .append("</style></head><body>\n<h1>Hotel API traffic report</h1>\n");

    Map<?, ?> counts = (Map<?, ?>) summary.get("counts");
    Map<?, ?> range = (Map<?, ?>) summary.get("time_range");
    html.append("<h2 id=\"summary\">Summary</h2><table>");
    row(html, "Exchanges", counts.get("exchanges"));
    row(html, "Errors", counts.get("errors"));
    row(html, "Quarantined records", counts.get("quarantined"));
    row(html, "Input files", counts.get("files"));
    row(html, "First exchange", range.get("first"));
    row(html, "Last exchange", range.get("last"));
    row(html, "Version", summary.get("version"));
    html.append("</table>\n");

    List<?> corrupt = (List<?>) summary.get("corrupt_files");
    if (!corrupt.isEmpty()) {
      html.append("<h2 id=\"corrupt\" class=\"bad\">Corrupt input files</h2><ul>");
      for (Object file : corrupt) {
        Map<?, ?> entry = (Map<?, ?>) file;
        html.append("<li>").append(escape(entry.get("path"))).append(": ").append(escape(entry.get("reason")))
            .append("</li>");
      }
      html.append("</ul>\n");
    }

    html.append("<h2 id=\"codes\">Error codes</h2><table><tr><th>provider</th><th>HTTP status</th>")
        .append("<th>code</th><th>class</th><th>count</th><th>first seen</th><th>last seen</th></tr>");
    List<Row> codes = errorCodes
        .orderBy(col(ErrorCodes.COUNT).desc(), col(ExchangeSchema.PROVIDER), col(ExchangeSchema.ERROR_CODE))
        .limit(MAX_CODE_ROWS)
        .collectAsList();
    for (Row code : codes) {
      html.append("<tr>");
      cell(html, code.getAs(ExchangeSchema.PROVIDER), false);
      cell(html, code.getAs(ExchangeSchema.HTTP_STATUS), true);
      cell(html, code.getAs(ExchangeSchema.ERROR_CODE), false);
      cell(html, code.getAs(ExchangeSchema.ERROR_CLASS), false);
      cell(html, code.getAs(ErrorCodes.COUNT), true);
      cell(html, CsvCells.format(code.getAs(ErrorCodes.FIRST_SEEN)), false);
      cell(html, CsvCells.format(code.getAs(ErrorCodes.LAST_SEEN)), false);
      html.append("</tr>");
    }
    html.append("</table>\n<h2 id=\"reports\">Reports</h2><ul>");
    for (Object name : ((Map<?, ?>) summary.get("reports")).keySet()) {
      html.append("<li><a href=\"reports/").append(escape(name)).append(".csv\">").append(escape(name))
          .append(".csv</a> (").append(((Map<?, ?>) summary.get("reports")).get(name)).append(" rows)</li>");
    }
    html.append("</ul>\n</body></html>\n");

    try (OutputStream out = target.getFileSystem(conf).create(target, true)) {
      out.write(html.toString().getBytes(StandardCharsets.UTF_8));
    }
  }

  private static void row(StringBuilder html, String label, Object value) {
    html.append("<tr><th>").append(escape(label)).append("</th><td>").append(escape(value)).append("</td></tr>");
  }

  private static void cell(StringBuilder html, Object value, boolean numeric) {
    html.append(numeric ? "<td class=\"n\">" : "<td>").append(escape(value)).append("</td>");
  }

  static String escape(Object value) {
    if (value == null) {
      return "";
    }
    String text = value.toString();
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
