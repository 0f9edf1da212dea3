package com.hoteltraffic.report.engine;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.LongSupplier;

/**
 * One report's rows in its total order, one at a time ({@link ReportResults#stream}): the writers
 * read a streamed report through it, so that the driver never holds all of its rows.
 */
public final class RowStream implements Iterator<Object[]> {
  private final Iterator<Object[]> rows;
  private final LongSupplier maxBuffered;

  /**
   * @param maxBuffered the most rows the source has held at once so far
   */
  RowStream(Iterator<Object[]> rows, LongSupplier maxBuffered) {
    this.rows = rows;
    this.maxBuffered = maxBuffered;
  }

  /**
   * The most rows the driver held at once for this stream so far: a window of a streamed report
   * (one sorted partition fetched from Spark), the whole list of a report held in memory.
   */
  public long maxBuffered() {
    return maxBuffered.getAsLong();
  }

  @Override
  public boolean hasNext() {
    return rows.hasNext();
  }

  @Override
  public Object[] next() {
    if (!rows.hasNext()) {
      throw new NoSuchElementException();
    }
    return rows.next();
  }
}
