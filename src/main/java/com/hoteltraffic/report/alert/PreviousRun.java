package com.hoteltraffic.report.alert;

import java.util.Map;
import java.util.Set;

/**
 * What the alerts need to know of the previous run: read from its reports on the driver (a few rows
 * per provider, hotel, credential and code, never exchanges).
 *
 * @param location the previous run's output directory
 * @param source how it was chosen: {@link #SOURCE_OPTION} or {@link #SOURCE_PREVIOUS_DAY}
 * @param codes every provider × HTTP status × error code of its {@code error_codes} report
 * @param hotelRates requests and errors per provider and hotel, summed over its windows
 * @param tokenRates requests and errors per provider and credential, summed over its windows
 * @param credentialStates the {@code state} per provider and credential of its {@code
 *     credential_health} report, or null when that run wrote none
 */
public record PreviousRun(
    String location,
    String source,
    Set<CodeKey> codes,
    Map<Key, Counts> hotelRates,
    Map<Key, Counts> tokenRates,
    Map<Key, String> credentialStates) {
  public static final String SOURCE_OPTION = "--previous";
  public static final String SOURCE_PREVIOUS_DAY = "previous day";

  public PreviousRun {
    codes = Set.copyOf(codes);
    hotelRates = Map.copyOf(hotelRates);
    tokenRates = Map.copyOf(tokenRates);
    credentialStates = credentialStates == null ? null : Map.copyOf(credentialStates);
  }

  /** A provider and a hotel or credential. */
  public record Key(String provider, String id) {}

  /**
   * One row key of {@code error_codes}.
   *
   * @param httpStatus the status as the CSV writes it: digits, or empty when no response came
   */
  public record CodeKey(String provider, String httpStatus, String errorCode) {}

  /** Requests and errors of a hotel or credential over a whole run. */
  public record Counts(long requests, long errors) {
    public Counts plus(Counts other) {
      return new Counts(requests + other.requests, errors + other.errors);
    }
  }
}
