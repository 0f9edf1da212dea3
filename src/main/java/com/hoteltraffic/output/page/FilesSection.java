package com.hoteltraffic.output.page;

import com.hoteltraffic.report.engine.ReportResults;
import java.util.List;
import java.util.Map;

/**
 * The run's own last section: links to every report's CSV with its row count, the input files with
 * their line and quarantine counts (corrupt ones marked), and the files skipped and why.
 */
final class FilesSection implements PageSection {
  @Override
  public String id() {
    return "files";
  }

  @Override
  public String navTitle() {
    return "Inputs and reports";
  }

  @Override
  public void render(ReportResults reports, PageHtml page) {
    page.open(id(), "Inputs and reports");
    StringBuilder html = page.html();
    html.append("<h3>Reports</h3><ul>");
    for (Map.Entry<?, ?> report : PageHtml.map(page.summary("reports")).entrySet()) {
      html.append("<li><a href=\"reports/")
          .append(PageHtml.escape(report.getKey()))
          .append(".csv\">")
          .append(PageHtml.escape(report.getKey()))
          .append(".csv</a> (")
          .append(PageHtml.escape(report.getValue()))
          .append(" rows)</li>");
    }
    html.append("<li><a href=\"run_summary.json\">run_summary.json</a></li></ul>\n");
    inputFiles(page, PageHtml.list(page.summary("files")));
    skippedFiles(page, PageHtml.list(page.summary("skipped_files")));
    page.close();
  }

  private static void inputFiles(PageHtml page, List<?> files) {
    StringBuilder html = page.html();
    html.append(
            "<h3>Input files</h3><table><tr><th>path</th><th>format</th><th>lines</th><th>exchanges</th>")
        .append("<th>quarantined</th></tr>");
    for (Object file : files) {
      Map<?, ?> entry = PageHtml.map(file);
      html.append(entry.get("corrupt_reason") == null ? "<tr>" : "<tr class=\"bad\">");
      page.cell(entry.get("path"));
      page.cell(entry.get("format"));
      page.numeric(entry.get("lines"));
      page.numeric(entry.get("exchanges"));
      page.numeric(entry.get("quarantined"));
      html.append("</tr>");
    }
    html.append("</table>\n");
  }

  private static void skippedFiles(PageHtml page, List<?> skipped) {
    if (skipped.isEmpty()) {
      return;
    }
    StringBuilder html = page.html();
    html.append("<h3>Skipped files</h3><ul>");
    for (Object file : skipped) {
      Map<?, ?> entry = PageHtml.map(file);
      html.append("<li>")
          .append(PageHtml.escape(entry.get("path")))
          .append(": ")
          .append(PageHtml.escape(entry.get("reason")))
          .append("</li>");
    }
    html.append("</ul>\n");
  }
}
