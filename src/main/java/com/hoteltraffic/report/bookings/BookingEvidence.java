package com.hoteltraffic.report.bookings;

import com.hoteltraffic.report.engine.Piece;
import com.hoteltraffic.report.engine.PieceKey;
import com.hoteltraffic.report.engine.ReportRow;
import com.hoteltraffic.report.engine.ReportSettings;
import com.hoteltraffic.report.engine.RowContext;
import com.hoteltraffic.report.shared.Micros;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The booking traffic of one (lower-cased) client reference: its uncertain attempts and their
 * evidence.
 */
final class BookingEvidence implements Piece {
  private List<BookingEvent> events = new ArrayList<>();

  void add(BookingEvent event) {
    events.add(event);
  }

  @Override
  public void mergeFrom(Piece other) {
    events.addAll(((BookingEvidence) other).events);
  }

  @Override
  public List<ReportRow> rows(PieceKey key, RowContext context) {
    ReportSettings settings = context.settings();
    boolean pii = settings.includePii();
    int attemptTs = BookingReconciliation.columns(pii).indexOf(BookingReconciliation.ATTEMPT_TS);
    List<ReportRow> rows = new ArrayList<>();
    for (BookingRule.Reconciled booking :
        BookingRule.reconcile(
            key.key(), events, context.<CoveringLists>facts().index(), pii, settings.listLag())) {
      Object[] values = booking.values(pii).toArray();
      if (settings.bounds().counts(Micros.of((Instant) values[attemptTs]))) {
        rows.add(new ReportRow(BookingReconciliation.NAME, values));
      }
    }
    return rows;
  }

  @Override
  public void write(DataOutput out) throws IOException {
    out.writeInt(events.size());
    for (BookingEvent item : events) {
      BookingCodec.writeBookingEvent(out, item);
    }
  }

  static BookingEvidence read(DataInput in) throws IOException {
    BookingEvidence piece = new BookingEvidence();
    int count = in.readInt();
    piece.events = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      piece.events.add(BookingCodec.readBookingEvent(in));
    }
    return piece;
  }
}
