package com.hoteltraffic.report;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * A Hotelbeds booking list page that can prove absence for any attempt, whatever its client
 * reference: successful, holding all of its {@code total}, not filtered by a client reference, and
 * filtered by creation date ({@code filterType=CREATION}) over {@code start..end}. Such a page
 * shows every booking created on those days, so an attempt made on one of them that it does not
 * show made no booking (see {@link BookingReconciliation}).
 *
 * @param tsMicros when the page was received, microseconds since the epoch
 * @param start first creation day the page covers
 * @param end last creation day the page covers (included)
 */
public record CoveringList(long tsMicros, LocalDate start, LocalDate end) implements Serializable {

  /** Whether the page covers {@code day} (in the zone the attempts' days are taken in). */
  public boolean covers(LocalDate day) {
    return BookingText.within(day, start, end);
  }
}
