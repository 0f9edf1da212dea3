package com.hoteltraffic.report.shared;

import java.util.Set;

/**
 * One count column of a report: the documented codes (as {@code "status code"}) of one provider it
 * counts, from the taxonomy (credential health's failures, access denials).
 */
public record CodeColumn(String column, String provider, Set<String> statusAndCodes) {
  /** Whether an exchange's provider, status and code fall in this column. */
  public boolean counts(String exchangeProvider, Integer httpStatus, String errorCode) {
    return provider.equals(exchangeProvider)
        && statusAndCodes.contains(httpStatus + " " + errorCode);
  }
}
