package com.hoteltraffic.ingest;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Parses the recording timestamps the input contract allows into epoch milliseconds (UTC). */
public final class Timestamps {
  private Timestamps() {}

  /**
   * ISO-8601 with {@code Z} or an offset ({@code 2026-11-19T10:00:05.000+01:00}). A timestamp
   * without a zone is refused: guessing its zone would shift every window.
   */
  public static long parseIso(String text) throws MalformedRecordException {
    try {
      return Instant.parse(text).toEpochMilli();
    } catch (DateTimeParseException e) {
      throw new MalformedRecordException("ts is not an ISO-8601 timestamp with Z or an offset");
    } catch (DateTimeException | ArithmeticException e) {
      throw new MalformedRecordException("ts is out of range");
    }
  }
}
