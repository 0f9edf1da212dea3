package com.hoteltraffic.output.page;

import com.hoteltraffic.report.Reports;
import com.hoteltraffic.report.access.AccessDenied;
import java.util.Comparator;
import java.util.List;

/**
 * Every credential and hotel with denials, most denials first, with what tells a hotel never
 * granted from a permission removed, and what to check when the provider named no reason.
 */
final class AccessDeniedSection extends TableSection {
  AccessDeniedSection() {
    super("access-denied", "Access denied", Reports.ACCESS_DENIED);
  }

  @Override
  Table table(Rows denied) {
    Comparator<Object[]> order =
        Comparator.comparingLong(
            row ->
                -(denied.number(row, AccessDenied.FORBIDDEN)
                    + denied.number(row, AccessDenied.FORBIDDEN_ACTION)
                    + denied.number(row, AccessDenied.UNCLASSIFIED)));
    return table(
        "Most denials first. ever_succeeded false: a hotel the "
            + "credential never had; true with last_success before first_seen: a permission that was removed. "
            + "unclassified: 403s whose reason neither the body nor (Hotelbeds) the X-Mashery-Error-Code "
            + "header named, not proof of a missing permission: check the recorded response's "
            + "X-Mashery-Error-Code header and its body.",
        denied.columns(),
        List.of(AccessDenied.PROVIDER, AccessDenied.TOKEN_ID, AccessDenied.HOTEL_ID),
        denied,
        order,
        PageSections.MAX_ROWS);
  }
}
