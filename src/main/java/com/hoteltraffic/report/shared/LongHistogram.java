package com.hoteltraffic.report.shared;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * How often each value was seen: a sparse value → count map (open addressing on primitive longs)
 * that merges exactly, so percentiles computed from it are the same whatever the task layout. Its
 * size is bounded by the distinct values (milliseconds of latency), not by the count. Its codec
 * writes the distinct values and their counts only.
 */
public final class LongHistogram {
  private static final long EMPTY = Long.MIN_VALUE;

  private long[] keys;
  private long[] counts;
  private int size;
  private long total;

  /**
   * An empty histogram, with room for one value: a key of one request (a hotel's window when hotels
   * are many) holds one, and an empty one costs what its row costs, not eight slots.
   */
  public LongHistogram() {
    allocate(2);
  }

  public void add(long value) {
    add(value, 1);
  }

  public void add(long value, long count) {
    if (value == EMPTY) {
      throw new IllegalArgumentException("value out of range: " + value);
    }
    int slot = slot(value);
    if (keys[slot] == EMPTY) {
      keys[slot] = value;
      size++;
    }
    counts[slot] += count;
    total += count;
    if (size * 2 > keys.length) {
      grow();
    }
  }

  public void addAll(LongHistogram other) {
    for (int i = 0; i < other.keys.length; i++) {
      if (other.keys[i] != EMPTY) {
        add(other.keys[i], other.counts[i]);
      }
    }
  }

  /** How many values are strictly greater than {@code bound}. */
  public long countAbove(long bound) {
    long above = 0;
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] != EMPTY && keys[i] > bound) {
        above += counts[i];
      }
    }
    return above;
  }

  public long total() {
    return total;
  }

  /**
   * Nearest-rank percentiles: for each {@code q}, the smallest value whose rank (1-based, in
   * ascending order) is at least {@code ceil(q × total)}; null when the histogram is empty.
   */
  public Long[] percentiles(double... quantiles) {
    Long[] result = new Long[quantiles.length];
    if (total == 0) {
      return result;
    }
    if (size == 1) {
      // One distinct value (a key of one request, as most are when keys are many): every rank's.
      for (long key : keys) {
        if (key != EMPTY) {
          Arrays.fill(result, key);
        }
      }
      return result;
    }
    long[] sorted = new long[size];
    int n = 0;
    for (long key : keys) {
      if (key != EMPTY) {
        sorted[n++] = key;
      }
    }
    Arrays.sort(sorted);
    for (int q = 0; q < quantiles.length; q++) {
      long rank = Math.max(1, (long) Math.ceil(quantiles[q] * total));
      long seen = 0;
      for (long value : sorted) {
        seen += counts[slot(value)];
        if (seen >= rank) {
          result[q] = value;
          break;
        }
      }
    }
    return result;
  }

  /** The smallest table (a power of two) that holds {@code entries} values without growing. */
  static int capacityFor(int entries) {
    return Integer.highestOneBit(Math.max(1, entries) * 2 - 1) << 1;
  }

  private int slot(long value) {
    int mask = keys.length - 1;
    int slot = (int) mix(value) & mask;
    while (keys[slot] != EMPTY && keys[slot] != value) {
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  private static long mix(long value) {
    long h = value * 0x9E3779B97F4A7C15L;
    return h ^ (h >>> 32);
  }

  private void allocate(int capacity) {
    keys = new long[capacity];
    Arrays.fill(keys, EMPTY);
    counts = new long[capacity];
    size = 0;
    total = 0;
  }

  private void grow() {
    long[] oldKeys = keys;
    long[] oldCounts = counts;
    allocate(oldKeys.length * 2);
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != EMPTY) {
        add(oldKeys[i], oldCounts[i]);
      }
    }
  }

  /**
   * Writes the entries in value order: the same histogram gives the same bytes whatever its table's
   * capacity, which depends on how it grew (a piece read back and written again is byte-equal).
   */
  public void write(DataOutput out) throws IOException {
    out.writeInt(size);
    long[] values = new long[size];
    int n = 0;
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] != EMPTY) {
        values[n++] = keys[i];
      }
    }
    java.util.Arrays.sort(values);
    for (long value : values) {
      out.writeLong(value);
      out.writeLong(counts[slot(value)]);
    }
  }

  public static LongHistogram read(DataInput in) throws IOException {
    int entries = in.readInt();
    LongHistogram histogram = new LongHistogram();
    histogram.allocate(capacityFor(entries));
    for (int i = 0; i < entries; i++) {
      histogram.add(in.readLong(), in.readLong());
    }
    return histogram;
  }
}
