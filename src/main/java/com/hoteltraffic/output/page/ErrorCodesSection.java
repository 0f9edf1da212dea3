package com.hoteltraffic.output.page;

import com.hoteltraffic.model.ExchangeSchema;
import com.hoteltraffic.report.Reports;
import com.hoteltraffic.report.codes.ErrorCodes;
import com.hoteltraffic.report.engine.ReportResults;
import java.time.Instant;

/**
 * Every (provider, HTTP status, error code) seen, most frequent first, undocumented codes marked:
 * what failed, and whether the provider documents say what it means.
 */
final class ErrorCodesSection implements PageSection {
  static final int MAX_CODE_ROWS = 500;

  /** One (provider, status, code) of the error-code report. */
  record CodeRow(
      String provider,
      Integer httpStatus,
      String errorCode,
      String errorClass,
      long count,
      Boolean documented,
      Instant firstSeen,
      Instant lastSeen) {}

  @Override
  public String id() {
    return "codes";
  }

  @Override
  public String navTitle() {
    return "Error codes";
  }

  @Override
  public void render(ReportResults reports, PageHtml page) {
    Shown<CodeRow> codes = codes(Rows.of(reports, Reports.ERROR_CODES));
    page.open(id(), "Error codes");
    page.html()
        .append("<p class=\"note\">")
        .append(PageHtml.showing(codes, "codes"))
        .append(
            ", most frequent first. Undocumented codes are ones neither provider document lists.</p>\n")
        .append(
            "<table><tr><th>provider</th><th>HTTP status</th><th>code</th><th>class</th><th>count</th>")
        .append("<th>documented</th><th>first seen</th><th>last seen</th></tr>");
    for (CodeRow code : codes.rows()) {
      page.html().append(Boolean.FALSE.equals(code.documented()) ? "<tr class=\"bad\">" : "<tr>");
      page.cell(code.provider());
      page.numeric(code.httpStatus() == null ? "none" : code.httpStatus());
      page.cell(code.errorCode());
      page.cell(code.errorClass());
      page.numeric(code.count());
      page.cell(code.documented() == null ? "" : code.documented() ? "yes" : "no");
      page.timeCell(code.firstSeen());
      page.timeCell(code.lastSeen());
      page.html().append("</tr>");
    }
    page.html().append("</table>\n");
    page.close();
  }

  private static Shown<CodeRow> codes(Rows codes) {
    return codes.capped(
        codes
            .<Long>by(ErrorCodes.COUNT)
            .reversed()
            .thenComparing(codes.by(ExchangeSchema.PROVIDER))
            .thenComparing(codes.by(ExchangeSchema.ERROR_CODE)),
        MAX_CODE_ROWS,
        row ->
            new CodeRow(
                codes.get(row, ExchangeSchema.PROVIDER),
                codes.get(row, ExchangeSchema.HTTP_STATUS),
                codes.get(row, ExchangeSchema.ERROR_CODE),
                codes.get(row, ExchangeSchema.ERROR_CLASS),
                codes.number(row, ErrorCodes.COUNT),
                codes.get(row, ExchangeSchema.DOCUMENTED),
                codes.get(row, ErrorCodes.FIRST_SEEN),
                codes.get(row, ErrorCodes.LAST_SEEN)));
  }
}
