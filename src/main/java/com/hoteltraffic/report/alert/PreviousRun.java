package com.hoteltraffic.report.alert;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the alerts need to know of the previous run: read from its reports on the driver (a few rows
 * per provider, hotel, credential and code, never exchanges). A part whose file could not be read
 * is null and named in {@link #unreadable}: the comparisons that need it are skipped.
 *
 * @param location the previous run's output directory
 * @param source how it was chosen: {@link #SOURCE_OPTION} or {@link #SOURCE_PREVIOUS_DAY}
 * @param codes every provider × HTTP status × error code of its {@code error_codes} report, or null
 *     when unreadable
 * @param hotelRates requests and errors per provider and hotel, summed over its windows, or null
 *     when unreadable
 * @param tokenRates requests and errors per provider and credential, summed over its windows, or
 *     null when unreadable
 * @param credentials state, since and last request per provider and credential of its {@code
 *     credential_health} report, or null when that run wrote none or it is unreadable
 * @param unreadable the files that exist but could not be read, each with its problem
 */
public record PreviousRun(
    String location,
    String source,
    Set<CodeKey> codes,
    Map<Key, Counts> hotelRates,
    Map<Key, Counts> tokenRates,
    Map<Key, Credential> credentials,
    List<Unreadable> unreadable) {
  public static final String SOURCE_OPTION = "--previous";
  public static final String SOURCE_PREVIOUS_DAY = "previous day";

  public PreviousRun {
    codes = codes == null ? null : Set.copyOf(codes);
    hotelRates = hotelRates == null ? null : Map.copyOf(hotelRates);
    tokenRates = tokenRates == null ? null : Map.copyOf(tokenRates);
    credentials = credentials == null ? null : Map.copyOf(credentials);
    unreadable = List.copyOf(unreadable);
  }

  /** A previous run whose every file was read. */
  public PreviousRun(
      String location,
      String source,
      Set<CodeKey> codes,
      Map<Key, Counts> hotelRates,
      Map<Key, Counts> tokenRates,
      Map<Key, Credential> credentials) {
    this(location, source, codes, hotelRates, tokenRates, credentials, List.of());
  }

  /** A provider and a hotel or credential. */
  public record Key(String provider, String id) implements Serializable {}

  /**
   * One row key of {@code error_codes}.
   *
   * @param httpStatus the status as the CSV writes it: digits, or empty when no response came
   */
  public record CodeKey(String provider, String httpStatus, String errorCode) {}

  /** Requests and errors of a hotel or credential over a whole run. */
  public record Counts(long requests, long errors) implements Serializable {
    public Counts plus(Counts other) {
      return new Counts(requests + other.requests, errors + other.errors);
    }
  }

  /**
   * A credential's {@code credential_health} row as the previous run wrote it.
   *
   * @param since null when the state holds no time ({@code healthy})
   */
  public record Credential(String state, Instant since, Instant lastSeen) {}

  /**
   * A file of the previous run that could not be read, why, and what is therefore not compared.
   *
   * @param notCompared the comparisons skipped for it, e.g. "new error codes"
   */
  public record Unreadable(String file, String problem, String notCompared) {}
}
