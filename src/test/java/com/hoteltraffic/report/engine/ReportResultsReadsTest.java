package com.hoteltraffic.report.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * The bounded reads of {@link ReportResults} on rows in memory (no Spark): {@code top} is a stable
 * sort of the report's rows cut at its limit, {@code grouped} sums per group, and a streamed report
 * is never one list.
 */
class ReportResultsReadsTest {
  private static final StructType SCHEMA =
      new StructType()
          .add("key", DataTypes.StringType)
          .add("window", DataTypes.LongType)
          .add("errors", DataTypes.LongType);
  private static final ReportSpec STREAMED =
      new ReportSpec("per_key", SCHEMA, List.of("window", "key"), true, true);
  private static final ReportSpec FEW = new ReportSpec("few", SCHEMA, List.of("key"), true);

  private static ReportResults results() {
    return ReportResults.of(
        List.of(STREAMED, FEW),
        List.of(
            row("per_key", "b", 2L, 3L),
            row("per_key", "a", 2L, 3L),
            row("per_key", "c", 1L, 0L),
            row("per_key", "a", 1L, 5L),
            row("per_key", "b", 1L, 1L),
            row("per_key", null, 1L, 3L),
            row("few", "x", 1L, 0L)));
  }

  private static ReportRow row(String report, String key, long window, long errors) {
    return new ReportRow(report, new Object[] {key, window, errors});
  }

  @Test
  void aStreamedReportIsReadInOrderAndNeverAsAList() {
    ReportResults results = results();
    assertThrows(IllegalStateException.class, () -> results.rows("per_key"), "no list");
    assertEquals(1, results.rows("few").size(), "a report of few rows is a list");
    RowStream stream = results.stream("per_key");
    StringBuilder order = new StringBuilder();
    stream.forEachRemaining(r -> order.append(r[0]).append(r[1]).append(' '));
    assertEquals("null1 a1 b1 c1 a2 b2 ", order.toString(), "by window, then key, nulls first");
    assertEquals(6, results.count("per_key"), "six rows");
    assertEquals(6, stream.maxBuffered(), "in memory, the whole report is held");
  }

  @Test
  void topKeepsTheReportsOrderAmongTies() {
    ReportResults.Top top =
        results()
            .top(
                "per_key",
                r -> (Long) r[2] > 0,
                (a, b) -> Long.compare((Long) b[2], (Long) a[2]),
                3);
    assertEquals(
        List.of("[a, 1, 5]", "[null, 1, 3]", "[a, 2, 3]"),
        top.rows().stream().map(Arrays::toString).toList(),
        "most errors first; the 3-error ties in report order (window 1 before 2), cut at 3");
    assertEquals(5, top.total(), "five rows with errors; c has none");
  }

  @Test
  void groupedSumsEachGroupAndCountsTheKeptOnes() {
    ReportResults.Top grouped =
        results()
            .grouped(
                "per_key",
                new ErrorsPerKey(),
                total -> (Long) total[1] >= 3,
                (a, b) -> ReportResults.compareValues(a[0], b[0]),
                10);
    assertEquals(
        List.of("[a, 8]", "[b, 4]"),
        grouped.rows().stream().map(Arrays::toString).toList(),
        "a: 5 + 3, b: 1 + 3; c (0) below 3, the null key left out");
    assertEquals(2, grouped.total(), "two groups kept");
  }

  @Test
  void groupKeysOfDifferentValuesDiffer() {
    assertNotEquals(
        ReportResults.groupKey("a:1", "b"), ReportResults.groupKey("a", "1:b"), "no collision");
    assertNotEquals(ReportResults.groupKey(null, "x"), ReportResults.groupKey("", "x"), "null");
    assertEquals("1:a2:bc", ReportResults.groupKey("a", "bc"), "length before each text");
  }

  /** Errors per key; rows without a key are left out. */
  private static final class ErrorsPerKey implements ReportResults.Grouping {
    @Override
    public String group(Object[] row) {
      return row[0] == null ? null : ReportResults.groupKey(row[0]);
    }

    @Override
    public Object[] value(Object[] row) {
      return new Object[] {row[0], row[2]};
    }

    @Override
    public Object[] merge(Object[] a, Object[] b) {
      return new Object[] {a[0], (Long) a[1] + (Long) b[1]};
    }
  }
}
