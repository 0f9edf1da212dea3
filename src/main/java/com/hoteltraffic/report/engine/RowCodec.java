package com.hoteltraffic.report.engine;

import com.hoteltraffic.report.shared.ByteSink;
import com.hoteltraffic.report.shared.ByteSource;
import com.hoteltraffic.report.shared.Codec;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

  /**
   * Writes a row; its report's name once per batch, then as its number in {@code names} (hundreds
   * of thousands of rows of one report would otherwise carry its name each).
   */
  static void writeRow(DataOutput out, ReportRow row, Map<String, Integer> names)
      throws IOException {
    Integer known = names.get(row.report());
    if (known == null) {
      out.writeInt(-1);
      Codec.writeString(out, row.report());
      names.put(row.report(), names.size());
    } else {
      out.writeInt(known);
    }
    writeValues(out, row.values(), row.report());
  }

  /** A row's values with their tags; {@code report} names it in an error. */
  static void writeValues(DataOutput out, Object[] values, String report) throws IOException {
    out.writeInt(values.length);
    for (Object value : values) {
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
            "No report column holds a " + value.getClass().getName() + " (" + report + ")");
      }
    }
  }

  /** Reads a row that {@link #writeRow} wrote with the same batch's {@code names}. */
  static ReportRow readRow(DataInput in, List<String> names) throws IOException {
    int known = in.readInt();
    if (known < -1 || known >= names.size()) {
      throw new IOException("Unknown report number " + known);
    }
    String report = known >= 0 ? names.get(known) : Codec.readString(in);
    if (known < 0) {
      names.add(report);
    }
    return new ReportRow(report, readValues(in, report));
  }

  /** Values that {@link #writeValues} wrote. */
  static Object[] readValues(DataInput in, String report) throws IOException {
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
    return values;
  }

  /** One row's values alone, after an int (the merge's records: the report's number). */
  static byte[] encodeValues(int prefix, Object[] values, String report) {
    ByteSink out = new ByteSink(128);
    out.writeInt(prefix);
    try {
      writeValues(out, values, report);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot encode a " + report + " row", e);
    }
    return out.toByteArray();
  }

  /** The int before the values {@link #encodeValues} wrote. */
  static int prefix(byte[] bytes) {
    return (bytes[0] & 0xff) << 24
        | (bytes[1] & 0xff) << 16
        | (bytes[2] & 0xff) << 8
        | bytes[3] & 0xff;
  }

  /** The values {@link #encodeValues} wrote. */
  static Object[] decodeValues(byte[] bytes) {
    try {
      return readValues(new ByteSource(bytes, 4, bytes.length - 4), "report");
    } catch (IOException e) {
      throw new UncheckedIOException("Not the codec bytes of a report row", e);
    }
  }

  static byte[] encodeRows(List<ReportRow> rows) throws IOException {
    ByteSink out = new ByteSink(1024);
    out.writeInt(rows.size());
    Map<String, Integer> names = new HashMap<>();
    for (ReportRow row : rows) {
      writeRow(out, row, names);
    }
    return out.toByteArray();
  }

  static List<ReportRow> decodeRows(byte[] bytes) {
    try {
      ByteSource in = new ByteSource(bytes);
      int count = in.readInt();
      List<ReportRow> rows = new ArrayList<>(count);
      List<String> names = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        rows.add(readRow(in, names));
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException("Not the codec bytes of report rows", e);
    }
  }
}
