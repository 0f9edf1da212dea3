package com.hoteltraffic.report.engine;

import com.hoteltraffic.report.shared.Codec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The bytes of report rows, as the merge's tasks send them to the driver: each value with a tag of
 * its type (every type a report column holds, see {@link ReportRow}).
 */
final class RowCodec {
  private RowCodec() {}

  // Tags of a report row's values: every type a report column holds (see ReportRow).
  private static final byte NULL = 0;
  private static final byte STRING = 1;
  private static final byte LONG = 2;
  private static final byte INTEGER = 3;
  private static final byte DOUBLE = 4;
  private static final byte BOOLEAN = 5;
  private static final byte INSTANT = 6;

  static void writeRow(DataOutput out, ReportRow row) throws IOException {
    Codec.writeString(out, row.report());
    out.writeInt(row.values().length);
    for (Object value : row.values()) {
      if (value == null) {
        out.writeByte(NULL);
      } else if (value instanceof String text) {
        out.writeByte(STRING);
        Codec.writeString(out, text);
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
    String report = Codec.readString(in);
    Object[] values = new Object[in.readInt()];
    for (int i = 0; i < values.length; i++) {
      byte tag = in.readByte();
      values[i] =
          switch (tag) {
            case NULL -> null;
            case STRING -> Codec.readString(in);
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

  static byte[] encodeRows(List<ReportRow> rows) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(rows.size());
      for (ReportRow row : rows) {
        writeRow(out, row);
      }
    }
    return bytes.toByteArray();
  }

  static List<ReportRow> decodeRows(byte[] bytes) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      int count = in.readInt();
      List<ReportRow> rows = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        rows.add(readRow(in));
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException("Not the codec bytes of report rows", e);
    }
  }
}
