package com.hoteltraffic.ingest;

/**
 * Counts for one split. They must add up: {@code lines = exchanges + quarantined + blank}; for HAR,
 * {@code lines} counts entries and {@code blank} is zero.
 */
public final class SplitStats {
  long lines;
  long blank;
  long exchanges;
  long quarantined;

  /**
   * Exchanges (a part of {@link #exchanges}) read with U+FFFD in place of bytes that are not UTF-8.
   */
  long repairedUtf8;

  /** Why the file could not be read to its end (truncated gzip, cut-off HAR), or null. */
  String corruptReason;

  public long lines() {
    return lines;
  }

  public long blank() {
    return blank;
  }

  public long exchanges() {
    return exchanges;
  }

  public long quarantined() {
    return quarantined;
  }

  public long repairedUtf8() {
    return repairedUtf8;
  }

  public String corruptReason() {
    return corruptReason;
  }
}
