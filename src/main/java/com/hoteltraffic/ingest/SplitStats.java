package com.hoteltraffic.ingest;

/**
 * Counts for one split. They must add up: {@code lines = exchanges + quarantined + blank}; for
 * HAR, {@code lines} counts entries and {@code blank} is zero.
 */
public final class SplitStats {
  long lines;
  long blank;
  long exchanges;
  long quarantined;
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

  public String corruptReason() {
    return corruptReason;
  }
}
