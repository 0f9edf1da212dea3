package com.hoteltraffic.report.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The bytes Spark sorts a streamed report by order its rows exactly as {@link
 * ReportResults#compareValues} does, column after column: the driver-side comparator is the truth.
 */
class SortKeysTest {
  private static final String[] TEXTS = {
    "",
    "a",
    "ab",
    "b",
    "\u00e9",
    "\uE000",
    "\uFFFF",
    "\uD83D\uDE00",
    "\uD83D",
    "\uDE00",
    "a\u0000",
    "a\u0000b",
    "H0001",
    "H0001 ",
    "H01"
  };
  private static final Long[] LONGS = {Long.MIN_VALUE, -5L, -1L, 0L, 1L, 42L, Long.MAX_VALUE};
  private static final Double[] DOUBLES = {
    Double.NEGATIVE_INFINITY,
    -2.5,
    -0.0,
    0.0,
    1e-300,
    0.5,
    1.0,
    Double.POSITIVE_INFINITY,
    Double.NaN
  };
  private static final Instant[] INSTANTS = {
    Instant.parse("1500-01-01T00:00:00Z"),
    Instant.ofEpochSecond(-1, 999_999_000),
    Instant.EPOCH,
    Instant.ofEpochSecond(0, 1_000),
    Instant.parse("2024-03-01T10:00:00Z")
  };

  @Test
  void everyPairOfValuesOfAColumnTypeComparesAsTheDriversComparator() {
    for (Object[] values : List.of(TEXTS, LONGS, DOUBLES, INSTANTS, new Boolean[] {false, true})) {
      List<Object> column = new ArrayList<>(Arrays.asList(values));
      column.add(null);
      for (Object a : column) {
        for (Object b : column) {
          assertEquals(
              Integer.signum(ReportResults.compareValues(a, b)),
              Integer.signum(
                  SortKeys.ORDER.compare(
                      SortKeys.of(new Object[] {a}, new int[] {0}),
                      SortKeys.of(new Object[] {b}, new int[] {0}))),
              "order of " + a + " and " + b);
        }
      }
    }
  }

  @Test
  void rowsSortByTheirKeysAsByTheirColumnsInTheReportsOrder() {
    Random random = new Random(23);
    int[] order = {2, 0, 1, 3};
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      rows.add(
          new Object[] {
            TEXTS[random.nextInt(TEXTS.length)],
            random.nextInt(4) == 0 ? null : LONGS[random.nextInt(LONGS.length)],
            INSTANTS[random.nextInt(INSTANTS.length)],
            DOUBLES[random.nextInt(DOUBLES.length)]
          });
    }
    List<Object[]> byValues = new ArrayList<>(rows);
    byValues.sort(ReportResults.order(order));
    List<Object[]> byKeys = new ArrayList<>(rows);
    byKeys.sort((a, b) -> SortKeys.ORDER.compare(SortKeys.of(a, order), SortKeys.of(b, order)));
    assertEquals(
        byValues.stream().map(Arrays::toString).toList(),
        byKeys.stream().map(Arrays::toString).toList(),
        "the same order of 2,000 rows");
    assertTrue(
        SortKeys.ORDER.compare(
                SortKeys.of(new Object[] {"a", 1L}, new int[] {0, 1}),
                SortKeys.of(new Object[] {"a\u0000", 0L}, new int[] {0, 1}))
            < 0,
        "a text sorts before its continuations, whatever the columns after it");
  }
}
