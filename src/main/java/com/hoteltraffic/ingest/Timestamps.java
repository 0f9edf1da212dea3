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

  /**
   * Spark's timestamp range, years 1 to 9999: beyond it, epoch microseconds can overflow in the
   * task that converts the value, failing the run, so such a record is refused instead.
   */
  static final long MIN_MILLIS = Instant.parse("0001-01-01T00:00:00Z").toEpochMilli();
  static final long MAX_MILLIS = Instant.parse("9999-12-31T23:59:59.999Z").toEpochMilli();

  /** Epoch milliseconds as recorded, refused outside years 1 to 9999. */
  public static long checkRange(long epochMillis) throws MalformedRecordException {
    if (epochMillis < MIN_MILLIS || epochMillis > MAX_MILLIS) {
      throw new MalformedRecordException("ts is out of range (years 1 to 9999)");
    }
    return epochMillis;
  }
}
