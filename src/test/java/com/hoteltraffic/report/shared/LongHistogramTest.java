package com.hoteltraffic.report.shared;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LongHistogramTest {
  private static final double[] Q = {0.5, 0.95, 0.99};

  @Test
  void percentilesAreTheNearestRankOfTheSortedValues() {
    Random random = new Random(3);
    for (int n : new int[] {1, 2, 3, 19, 20, 21, 100, 4_999, 5_000, 12_345}) {
      long[] values = new long[n];
      LongHistogram histogram = new LongHistogram();
      for (int i = 0; i < n; i++) {
        values[i] = random.nextInt(2_000);
        histogram.add(values[i]);
      }
      Arrays.sort(values);
      Long[] expected = new Long[Q.length];
      for (int q = 0; q < Q.length; q++) {
        expected[q] = values[(int) Math.ceil(Q[q] * n) - 1];
      }
      assertArrayEquals(expected, histogram.percentiles(Q), "n=" + n);
      assertEquals(n, histogram.total(), "total, n=" + n);
    }
  }

  @Test
  void smallGroupsByHand() {
    LongHistogram histogram = histogram(10, 20, 30, 40);
    // ranks ceil(2) = 2, ceil(3.8) = 4, ceil(3.96) = 4
    assertArrayEquals(new Long[] {20L, 40L, 40L}, histogram.percentiles(Q), "four values");
    assertArrayEquals(new Long[] {7L, 7L, 7L}, histogram(7).percentiles(Q), "one value");
    assertArrayEquals(new Long[] {null, null, null}, new LongHistogram().percentiles(Q), "empty");
    // 20 values 1..20: p50 rank 10, p95 rank 19, p99 rank 20
    LongHistogram twenty = new LongHistogram();
    for (long v = 1; v <= 20; v++) {
      twenty.add(v);
    }
    assertArrayEquals(new Long[] {10L, 19L, 20L}, twenty.percentiles(Q), "1..20");
  }

  @Test
  void oneDistinctValueIsEveryPercentileAndTwoAreRanked() {
    assertArrayEquals(new Long[] {7L, 7L, 7L}, histogram(7, 7, 7).percentiles(Q), "7 three times");
    assertArrayEquals(
        new Long[] {-4L, -4L, -4L}, histogram(-4).percentiles(Q), "one negative value");
    // Two distinct values, the nearest side of the one-value shortcut: p50 rank 1 of 2.
    assertArrayEquals(new Long[] {3L, 9L, 9L}, histogram(9, 3).percentiles(Q), "two values");
  }

  @Test
  void aTableHoldsItsValuesWithoutGrowing() {
    assertEquals(2, LongHistogram.capacityFor(0), "none: room for one");
    assertEquals(2, LongHistogram.capacityFor(1), "one value: two slots");
    assertEquals(4, LongHistogram.capacityFor(2), "two values: four slots");
    assertEquals(8, LongHistogram.capacityFor(3), "three: eight");
    assertEquals(8, LongHistogram.capacityFor(4), "four: eight");
    assertEquals(16, LongHistogram.capacityFor(5), "five: sixteen");
  }

  @Test
  void mergingInAnyOrderGivesTheSamePercentiles() {
    LongHistogram a = histogram(5, 5, 5, 900, -3);
    LongHistogram b = histogram(7, 7, 1_000_000, 0);
    LongHistogram ab = histogram();
    ab.addAll(a);
    ab.addAll(b);
    LongHistogram ba = histogram();
    ba.addAll(b);
    ba.addAll(a);
    assertArrayEquals(ab.percentiles(Q), ba.percentiles(Q), "merge order");
    assertArrayEquals(new Long[] {5L, 1_000_000L, 1_000_000L}, ab.percentiles(Q), "merged");
    assertEquals(9, ab.total(), "merged total");
  }

  @Test
  void survivesItsCodec() throws Exception {
    LongHistogram histogram = new LongHistogram();
    for (int i = 0; i < 10_000; i++) {
      histogram.add(i % 997, 2);
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      histogram.write(out);
    }
    LongHistogram copy;
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = LongHistogram.read(in);
    }
    assertEquals(histogram.total(), copy.total(), "total");
    assertArrayEquals(histogram.percentiles(Q), copy.percentiles(Q), "percentiles");
    assertEquals(
        true, bytes.size() < 997 * 16 + 200, "only distinct values are written: " + bytes.size());
  }

  private static LongHistogram histogram(long... values) {
    LongHistogram histogram = new LongHistogram();
    for (long value : values) {
      histogram.add(value);
    }
    return histogram;
  }
}
