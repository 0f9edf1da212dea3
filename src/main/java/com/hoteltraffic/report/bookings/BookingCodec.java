package com.hoteltraffic.report.bookings;

import com.hoteltraffic.report.shared.Codec;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The bytes of booking events (in the pieces) and covering lists (in the facts). */
final class BookingCodec {
  private BookingCodec() {}

  static void writeBookingEvent(DataOutput out, BookingEvent e) throws IOException {
    Codec.writeString(out, e.source());
    out.writeLong(e.line());
    Codec.writeLong(out, e.tsMicros());
    Codec.writeLong(out, e.durationMs());
    for (String text :
        new String[] {
          e.operation(),
          e.tokenId(),
          e.environment(),
          e.hotelId(),
          e.clientReference(),
          e.checkIn(),
          e.checkOut(),
          e.holderName(),
          e.listClientReference(),
          e.listFilterType(),
          e.listStart(),
          e.listEnd(),
          e.listStatus()
        }) {
      Codec.writeString(out, text);
    }
    for (Integer number : new Integer[] {e.httpStatus(), e.listFrom(), e.listTo(), e.listTotal()}) {
      Codec.writeInteger(out, number);
    }
    out.writeInt(e.bookings().size());
    for (BookingEvent.Booking booking : e.bookings()) {
      Codec.writeString(out, booking.reference());
      Codec.writeString(out, booking.clientReference());
      Codec.writeString(out, booking.status());
      Codec.writeString(out, booking.creationDate());
    }
  }

  static BookingEvent readBookingEvent(DataInput in) throws IOException {
    String source = Codec.readString(in);
    long line = in.readLong();
    Long tsMicros = Codec.readLong(in);
    Long durationMs = Codec.readLong(in);
    String[] text = new String[13];
    for (int i = 0; i < text.length; i++) {
      text[i] = Codec.readString(in);
    }
    Integer[] numbers = new Integer[4];
    for (int i = 0; i < numbers.length; i++) {
      numbers[i] = Codec.readInteger(in);
    }
    int count = in.readInt();
    List<BookingEvent.Booking> bookings = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      bookings.add(
          new BookingEvent.Booking(
              Codec.readString(in),
              Codec.readString(in),
              Codec.readString(in),
              Codec.readString(in)));
    }
    return new BookingEvent(
        source,
        line,
        tsMicros,
        text[0],
        numbers[0],
        durationMs,
        text[1],
        text[2],
        text[3],
        text[4],
        text[5],
        text[6],
        text[7],
        text[8],
        text[9],
        text[10],
        text[11],
        text[12],
        numbers[1],
        numbers[2],
        numbers[3],
        bookings);
  }

  static void writeCoveringList(DataOutput out, CoveringList list) throws IOException {
    out.writeLong(list.tsMicros());
    Codec.writeString(out, list.tokenId());
    Codec.writeString(out, list.environment());
    Codec.writeLong(out, list.start() == null ? null : list.start().toEpochDay());
    Codec.writeLong(out, list.end() == null ? null : list.end().toEpochDay());
  }

  static CoveringList readCoveringList(DataInput in) throws IOException {
    long tsMicros = in.readLong();
    String tokenId = Codec.readString(in);
    String environment = Codec.readString(in);
    Long start = Codec.readLong(in);
    Long end = Codec.readLong(in);
    return new CoveringList(
        tsMicros,
        tokenId,
        environment,
        start == null ? null : LocalDate.ofEpochDay(start),
        end == null ? null : LocalDate.ofEpochDay(end));
  }
}
