package com.hoteltraffic.output.page;

import com.hoteltraffic.report.Reports;
import com.hoteltraffic.report.parsing.BodyParseFailures;
import java.util.List;

/**
 * The bodies that said they were JSON or XML and could not be read, most first: the facts they hold
 * are missing from the other reports, and many for one operation hint at a format change.
 */
final class BodyParseFailuresSection extends TableSection {
  BodyParseFailuresSection() {
    super("body-parse-failures", "Bodies that could not be read", Reports.BODY_PARSE_FAILURES);
  }

  @Override
  Table table(Rows failures) {
    return table(
        "Error, booking and booking-list bodies that said they were JSON or XML (Content-Type or "
            + "first character) and could not be read: the codes and booking facts they hold are "
            + "missing from the reports. Many for one provider and operation: has its format "
            + "changed? Also in run_summary.json (body_parse_failures).",
        failures.columns(),
        List.of(
            BodyParseFailures.PROVIDER,
            BodyParseFailures.OPERATION,
            BodyParseFailures.BODY,
            BodyParseFailures.FORMAT),
        failures,
        failures.<Long>by(BodyParseFailures.COUNT).reversed(),
        PageSections.MAX_ROWS);
  }
}
