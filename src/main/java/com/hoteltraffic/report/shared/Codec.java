package com.hoteltraffic.report.shared;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Field-by-field writing of the values the pieces, facts and rows hold: each report writes its
 * events with these (booking events, rejections, failures). Why not plain Java serialization: it
 * writes an object graph, registering every string in a handle table and rebuilding records through
 * reflection, and the read's block files and the merge's shuffle carry hundreds of thousands of
 * these events; that cost 14% of the executors' CPU on the 1M-exchange bench. And the same bytes
 * whatever {@code spark.serializer} a run uses. Strings are written as length-prefixed UTF-8, so no
 * length limit applies (unlike {@code writeUTF}).
 */
public final class Codec {
  private Codec() {}

  public static void writeString(DataOutput out, String value) throws IOException {
    if (value == null) {
      out.writeInt(-1);
      return;
    }
    if (out instanceof ByteSink sink) {
      sink.writeUtf8(value);
      return;
    }
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  public static String readString(DataInput in) throws IOException {
    int length = in.readInt();
    if (length < 0) {
      return null;
    }
    if (in instanceof ByteSource source) {
      return source.readUtf8(length); // from its buffer, no copy of the bytes first
    }
    byte[] bytes = new byte[length];
    in.readFully(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  public static void writeInteger(DataOutput out, Integer value) throws IOException {
    out.writeBoolean(value != null);
    if (value != null) {
      out.writeInt(value);
    }
  }

  public static Integer readInteger(DataInput in) throws IOException {
    return in.readBoolean() ? in.readInt() : null;
  }

  public static void writeLong(DataOutput out, Long value) throws IOException {
    out.writeBoolean(value != null);
    if (value != null) {
      out.writeLong(value);
    }
  }

  public static Long readLong(DataInput in) throws IOException {
    return in.readBoolean() ? in.readLong() : null;
  }
}
