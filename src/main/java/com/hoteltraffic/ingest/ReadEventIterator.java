package com.hoteltraffic.ingest;

import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The lazy iteration both split readers share: a reader only says what its next event is, or null
 * when it has none left, and reads nothing ahead of what Spark asks for.
 */
abstract class ReadEventIterator implements Iterator<ReadEvent> {
  private ReadEvent next;
  private boolean exhausted;

  /** The next event, or null at the end: called once per event, never again after null. */
  protected abstract ReadEvent advance();

  @Override
  public final boolean hasNext() {
    if (next == null && !exhausted) {
      next = advance();
      exhausted = next == null;
    }
    return next != null;
  }

  @Override
  public final ReadEvent next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    ReadEvent event = next;
    next = null;
    return event;
  }
}
