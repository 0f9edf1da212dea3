package com.hoteltraffic.report.bookings;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A Hotelbeds booking list page that can prove absence for any attempt of its credential and
 * environment, whatever its client reference: successful, holding all of its {@code total}, not
 * filtered by a client reference, and filtered by creation date ({@code filterType=CREATION}) over
 * {@code start..end}. Such a page shows every booking its key's client created on those days, so an
 * attempt made with that key on one of them that it does not show made no booking (see {@link
 * BookingReconciliation}).
 *
 * @param tsMicros when the page was received, microseconds since the epoch
 * @param tokenId the credential the page was fetched with: BookingList shows the bookings of the
 *     client that key belongs to, and nothing in a recording says two keys share a client
 * @param environment the provider environment of its host ({@link
 *     com.hoteltraffic.model.Environment}): a test list says nothing of production, nor the reverse
 * @param start first creation day the page covers
 * @param end last creation day the page covers (included)
 */
public record CoveringList(
    long tsMicros, String tokenId, String environment, LocalDate start, LocalDate end)
    implements Serializable {

  /** Whether the page covers {@code day} (in the zone the attempts' days are taken in). */
  public boolean covers(LocalDate day) {
    return BookingText.within(day, start, end);
  }

  /** Whether the page was fetched with this credential in this environment. */
  public boolean fetchedBy(String attemptTokenId, String attemptEnvironment) {
    return Objects.equals(tokenId, attemptTokenId)
        && Objects.equals(environment, attemptEnvironment);
  }
}
