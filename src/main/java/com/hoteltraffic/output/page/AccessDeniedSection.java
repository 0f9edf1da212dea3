package com.hoteltraffic.output.page;

import com.hoteltraffic.report.Reports;
import com.hoteltraffic.report.access.AccessDenied;
import com.hoteltraffic.report.engine.ReportResults;
import java.util.List;

/**
 * Every credential and hotel with denials, most denials first, with what tells a hotel never
 * granted from a permission removed, and what to check when the provider named no reason.
 */
final class AccessDeniedSection extends TableSection {
  AccessDeniedSection() {
    super("access-denied", "Access denied", Reports.ACCESS_DENIED);
  }

  private static final String NOTE =
      "Most denials first. ever_succeeded false: a hotel the "
          + "credential never had; true with last_success before first_seen: a permission that was removed. "
          + "unclassified: 403s whose reason neither the body nor (Hotelbeds) the X-Mashery-Error-Code "
          + "header named, not proof of a missing permission: check the recorded response's "
          + "X-Mashery-Error-Code header and its body.";

  /**
   * The report is streamed (a row per credential and hotel with denials): the rows with most
   * denials are chosen where the rows are, and only the first {@link PageSections#MAX_ROWS} reach
   * the driver.
   */
  @Override
  Table table(ReportResults reports) {
    List<String> columns = reports.spec(Reports.ACCESS_DENIED).columns();
    int forbidden = columns.indexOf(AccessDenied.FORBIDDEN);
    int action = columns.indexOf(AccessDenied.FORBIDDEN_ACTION);
    int unclassified = columns.indexOf(AccessDenied.UNCLASSIFIED);
    ReportResults.Top top =
        reports.top(
            Reports.ACCESS_DENIED,
            row -> true,
            (a, b) ->
                Long.compare(
                    denials(b, forbidden, action, unclassified),
                    denials(a, forbidden, action, unclassified)),
            PageSections.MAX_ROWS);
    return table(
        NOTE,
        columns,
        List.of(AccessDenied.PROVIDER, AccessDenied.TOKEN_ID, AccessDenied.HOTEL_ID),
        columns,
        top);
  }

  private static long denials(Object[] row, int... columns) {
    long sum = 0;
    for (int column : columns) {
      sum += row[column] instanceof Number n ? n.longValue() : 0;
    }
    return sum;
  }

  /** Not used: the report is streamed, never a list of rows (see {@link #table(ReportResults)}). */
  @Override
  Table table(Rows denied) {
    throw new UnsupportedOperationException(Reports.ACCESS_DENIED + " is streamed");
  }
}
