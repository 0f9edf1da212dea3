package com.hoteltraffic.report.shared;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/** A growable list of primitive longs (timestamps), written as its used part only. */
public final class LongList {
  /** Shared by every empty list: a key that never gets a value costs no array. */
  private static final long[] NONE = new long[0];

  private long[] values = NONE;
  private int size;

  public void add(long value) {
    if (size == values.length) {
      values = Arrays.copyOf(values, Math.max(2, size * 2));
    }
    values[size++] = value;
  }

  public void addAll(LongList other) {
    if (size + other.size > values.length) {
      values = Arrays.copyOf(values, Math.max(size + other.size, size * 2));
    }
    System.arraycopy(other.values, 0, values, size, other.size);
    size += other.size;
  }

  /** Drops every value at or below {@code bound}. */
  public void removeAtOrBelow(long bound) {
    int kept = 0;
    for (int i = 0; i < size; i++) {
      if (values[i] > bound) {
        values[kept++] = values[i];
      }
    }
    size = kept;
  }

  /** The smallest value, or {@link Long#MAX_VALUE} when empty. */
  public long min() {
    long min = Long.MAX_VALUE;
    for (int i = 0; i < size; i++) {
      min = Math.min(min, values[i]);
    }
    return min;
  }

  public int size() {
    return size;
  }

  /** The values in ascending order (sorts in place). */
  public long[] sorted() {
    long[] used = size == values.length ? values : Arrays.copyOf(values, size);
    Arrays.sort(used);
    values = used;
    return used;
  }

  public void write(DataOutput out) throws IOException {
    out.writeInt(size);
    for (int i = 0; i < size; i++) {
      out.writeLong(values[i]);
    }
  }

  public static LongList read(DataInput in) throws IOException {
    LongList list = new LongList();
    list.size = in.readInt();
    list.values = list.size == 0 ? NONE : new long[list.size];
    for (int i = 0; i < list.size; i++) {
      list.values[i] = in.readLong();
    }
    return list;
  }
}
