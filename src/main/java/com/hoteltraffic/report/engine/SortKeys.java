package com.hoteltraffic.report.engine;

import com.hoteltraffic.report.shared.ByteSink;
import java.io.Serializable;
import java.time.Instant;
import java.util.Comparator;

/**
 * A report row's place in its total order ({@link ReportSpec#order}) as bytes whose unsigned
 * lexicographic order is {@link ReportResults#compareValues} column after column: Spark sorts a
 * streamed report by them ({@link SparkRows}) and needs no decoding per comparison, and bytes
 * shuffle the same whatever {@code spark.serializer} a run uses.
 *
 * <p>Per value: a tag (0 null, 1 a value: nulls first), then text as its code points, each as the
 * three bytes of {@code code point + 1} and ended by three zero bytes (a text sorts before its
 * longer continuations); whole numbers as 8 bytes with the sign bit flipped; a double as its bits
 * arranged so that their order is {@link Double#compare}'s; an instant as its seconds (sign bit
 * flipped) then its nanoseconds; a boolean as 0 or 1.
 */
final class SortKeys {
  private SortKeys() {}

  /** Unsigned lexicographic order of byte arrays: the order of the rows they were made of. */
  static final Comparator<byte[]> ORDER = new Unsigned();

  /** The key of {@code row} in the order of the columns {@code order}. */
  static byte[] of(Object[] row, int[] order) {
    ByteSink out = new ByteSink(64);
    for (int column : order) {
      write(out, row[column]);
    }
    return out.toByteArray();
  }

  private static void write(ByteSink out, Object value) {
    if (value == null) {
      out.writeByte(0);
      return;
    }
    out.writeByte(1);
    if (value instanceof String text) {
      for (int i = 0; i < text.length(); ) {
        int point = text.codePointAt(i);
        int shifted = point + 1;
        out.writeByte(shifted >>> 16);
        out.writeByte(shifted >>> 8);
        out.writeByte(shifted);
        i += Character.charCount(point);
      }
      out.writeByte(0);
      out.writeByte(0);
      out.writeByte(0);
    } else if (value instanceof Double number) {
      long bits = Double.doubleToLongBits(number);
      out.writeLong(bits < 0 ? ~bits : bits ^ Long.MIN_VALUE);
    } else if (value instanceof Number number) {
      out.writeLong(number.longValue() ^ Long.MIN_VALUE);
    } else if (value instanceof Instant instant) {
      out.writeLong(instant.getEpochSecond() ^ Long.MIN_VALUE);
      out.writeInt(instant.getNano());
    } else if (value instanceof Boolean flag) {
      out.writeByte(flag ? 1 : 0);
    } else {
      throw new IllegalArgumentException("Cannot order a " + value.getClass().getName());
    }
  }

  /** A class, not a lambda: Spark ships it to the sort's tasks. */
  private static final class Unsigned implements Comparator<byte[]>, Serializable {
    private static final long serialVersionUID = 1L;

    @Override
    public int compare(byte[] a, byte[] b) {
      return java.util.Arrays.compareUnsigned(a, b);
    }
  }
}
