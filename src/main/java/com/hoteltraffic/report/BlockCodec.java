package com.hoteltraffic.report;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Field-by-field writing of the events the pieces hold (booking events, rejections, failures), of
 * the facts' covering lists and of report rows. Why not plain Java serialization: it writes an
 * object graph, registering every string in a handle table and rebuilding records through
 * reflection, and the read's block files and the merge's shuffle carry hundreds of thousands of
 * these events; that cost 14% of the executors' CPU on the 1M-exchange bench. And the same bytes
 * whatever {@code spark.serializer} a run uses. Strings are written as length-prefixed UTF-8, so no
 * length limit applies (unlike {@code writeUTF}).
 */
final class BlockCodec {
  private BlockCodec() {}

  static void writeString(DataOutput out, String value) throws IOException {
    if (value == null) {
      out.writeInt(-1);
      return;
    }
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  static String readString(DataInput in) throws IOException {
    int length = in.readInt();
    if (length < 0) {
      return null;
    }
    byte[] bytes = new byte[length];
    in.readFully(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  static void writeInteger(DataOutput out, Integer value) throws IOException {
    out.writeBoolean(value != null);
    if (value != null) {
      out.writeInt(value);
    }
  }

  static Integer readInteger(DataInput in) throws IOException {
    return in.readBoolean() ? in.readInt() : null;
  }

  static void writeLong(DataOutput out, Long value) throws IOException {
    out.writeBoolean(value != null);
    if (value != null) {
      out.writeLong(value);
    }
  }

  static Long readLong(DataInput in) throws IOException {
    return in.readBoolean() ? in.readLong() : null;
  }

  static void writeBookingEvent(DataOutput out, BookingEvent e) throws IOException {
    writeString(out, e.source());
    out.writeLong(e.line());
    writeLong(out, e.tsMicros());
    writeLong(out, e.durationMs());
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
      writeString(out, text);
    }
    for (Integer number : new Integer[] {e.httpStatus(), e.listFrom(), e.listTo(), e.listTotal()}) {
      writeInteger(out, number);
    }
    out.writeInt(e.bookings().size());
    for (BookingEvent.Booking booking : e.bookings()) {
      writeString(out, booking.reference());
      writeString(out, booking.clientReference());
      writeString(out, booking.status());
      writeString(out, booking.creationDate());
    }
  }

  static BookingEvent readBookingEvent(DataInput in) throws IOException {
    String source = readString(in);
    long line = in.readLong();
    Long tsMicros = readLong(in);
    Long durationMs = readLong(in);
    String[] text = new String[13];
    for (int i = 0; i < text.length; i++) {
      text[i] = readString(in);
    }
    Integer[] numbers = new Integer[4];
    for (int i = 0; i < numbers.length; i++) {
      numbers[i] = readInteger(in);
    }
    int count = in.readInt();
    List<BookingEvent.Booking> bookings = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      bookings.add(
          new BookingEvent.Booking(readString(in), readString(in), readString(in), readString(in)));
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

  static void writeRejection(DataOutput out, BurstRule.Rejection r) throws IOException {
    out.writeLong(r.tsMicros());
    writeString(out, r.kind());
    writeString(out, r.hotelId());
    writeInteger(out, r.limit());
    writeInteger(out, r.windowSeconds());
  }

  static BurstRule.Rejection readRejection(DataInput in) throws IOException {
    return new BurstRule.Rejection(
        in.readLong(), readString(in), readString(in), readInteger(in), readInteger(in));
  }

  static void writeFailure(DataOutput out, OutageRule.Failure f) throws IOException {
    out.writeLong(f.tsMicros());
    writeString(out, f.tokenId());
    writeString(out, f.hotelId());
  }

  static OutageRule.Failure readFailure(DataInput in) throws IOException {
    return new OutageRule.Failure(in.readLong(), readString(in), readString(in));
  }

  static void writeCoveringList(DataOutput out, CoveringList list) throws IOException {
    out.writeLong(list.tsMicros());
    writeString(out, list.tokenId());
    writeString(out, list.environment());
    writeLong(out, list.start() == null ? null : list.start().toEpochDay());
    writeLong(out, list.end() == null ? null : list.end().toEpochDay());
  }

  static CoveringList readCoveringList(DataInput in) throws IOException {
    long tsMicros = in.readLong();
    String tokenId = readString(in);
    String environment = readString(in);
    Long start = readLong(in);
    Long end = readLong(in);
    return new CoveringList(
        tsMicros,
        tokenId,
        environment,
        start == null ? null : LocalDate.ofEpochDay(start),
        end == null ? null : LocalDate.ofEpochDay(end));
  }

  // Tags of a report row's values: every type a report column holds (see ReportRow).
  private static final byte NULL = 0;
  private static final byte STRING = 1;
  private static final byte LONG = 2;
  private static final byte INTEGER = 3;
  private static final byte DOUBLE = 4;
  private static final byte BOOLEAN = 5;
  private static final byte INSTANT = 6;

  static void writeRow(DataOutput out, ReportRow row) throws IOException {
    writeString(out, row.report());
    out.writeInt(row.values().length);
    for (Object value : row.values()) {
      if (value == null) {
        out.writeByte(NULL);
      } else if (value instanceof String text) {
        out.writeByte(STRING);
        writeString(out, text);
      } else if (value instanceof Long number) {
        out.writeByte(LONG);
        out.writeLong(number);
      } else if (value instanceof Integer number) {
        out.writeByte(INTEGER);
        out.writeInt(number);
      } else if (value instanceof Double number) {
        out.writeByte(DOUBLE);
        out.writeDouble(number); // all 64 bits: the value comes back exactly
      } else if (value instanceof Boolean flag) {
        out.writeByte(BOOLEAN);
        out.writeBoolean(flag);
      } else if (value instanceof Instant instant) {
        out.writeByte(INSTANT);
        out.writeLong(instant.getEpochSecond());
        out.writeInt(instant.getNano());
      } else {
        throw new IllegalArgumentException(
            "No report column holds a " + value.getClass().getName() + " (" + row.report() + ")");
      }
    }
  }

  static ReportRow readRow(DataInput in) throws IOException {
    String report = readString(in);
    Object[] values = new Object[in.readInt()];
    for (int i = 0; i < values.length; i++) {
      byte tag = in.readByte();
      values[i] =
          switch (tag) {
            case NULL -> null;
            case STRING -> readString(in);
            case LONG -> in.readLong();
            case INTEGER -> in.readInt();
            case DOUBLE -> in.readDouble();
            case BOOLEAN -> in.readBoolean();
            case INSTANT -> Instant.ofEpochSecond(in.readLong(), in.readInt());
            default ->
                throw new IOException("Unknown value tag " + tag + " in a " + report + " row");
          };
    }
    return new ReportRow(report, values);
  }
}
