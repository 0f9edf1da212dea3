package com.hoteltraffic.report.alert;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One thing ops should act on, with where its evidence is.
 *
 * @param severity how urgent
 * @param kind what happened, one of the {@code AlertRules.KIND_*} names
 * @param reason one line for a person: what, where, since when, and what to do
 * @param report the report whose rows are the evidence ({@code reports/REPORT.csv})
 * @param where the key columns and values that pick those rows out of the report, in the report's
 *     column order; values as the CSV writes them (timestamps ISO-8601 UTC, empty for none)
 * @param anchor the id of the {@code report.html} section that shows those rows
 */
public record Alert(
    Severity severity,
    String kind,
    String reason,
    String report,
    Map<String, String> where,
    String anchor) {
  public Alert {
    where = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(where));
  }
}
