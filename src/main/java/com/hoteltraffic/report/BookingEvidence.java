package com.hoteltraffic.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The booking traffic of one (lower-cased) client reference: its uncertain attempts and their
 * evidence.
 */
final class BookingEvidence implements Piece {
  private static final long serialVersionUID = 1L;

  private transient List<BookingEvent> events = new ArrayList<>();

  void add(BookingEvent event) {
    events.add(event);
  }

  @Override
  public Piece merge(Piece other) {
    events.addAll(((BookingEvidence) other).events);
    return this;
  }

  @Override
  public List<ReportRow> rows(PieceKey key, ReportSettings settings, SharedFacts shared) {
    boolean pii = settings.includePii();
    int attemptTs = BookingReconciliation.columns(pii).indexOf(BookingReconciliation.ATTEMPT_TS);
    List<ReportRow> rows = new ArrayList<>();
    for (BookingRule.Reconciled booking :
        BookingRule.reconcile(key.key(), events, shared.coveringIndex(), pii, settings.listLag())) {
      Object[] values = booking.values(pii).toArray();
      if (settings.bounds().counts(Micros.of((Instant) values[attemptTs]))) {
        rows.add(new ReportRow(Reports.UNCONFIRMED_BOOKINGS, values));
      }
    }
    return rows;
  }

  private void writeObject(java.io.ObjectOutputStream out) throws java.io.IOException {
    out.defaultWriteObject();
    out.writeInt(events.size());
    for (BookingEvent item : events) {
      BlockCodec.writeBookingEvent(out, item);
    }
  }

  private void readObject(java.io.ObjectInputStream in)
      throws java.io.IOException, ClassNotFoundException {
    in.defaultReadObject();
    int count = in.readInt();
    events = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      events.add(BlockCodec.readBookingEvent(in));
    }
  }
}
