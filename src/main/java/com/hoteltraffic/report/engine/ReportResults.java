package com.hoteltraffic.report.engine;

import com.hoteltraffic.report.shared.CodePoints;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/**
 * Every report's rows of one run, each report in its total row order ({@link ReportSpec#order}).
 * They are few — keys × windows, incidents, uncertain bookings — never one per exchange.
 */
public final class ReportResults implements Serializable {
  private static final long serialVersionUID = 1L;

  private final List<ReportSpec> specs;
  private final Map<String, List<Object[]>> rows;

  /** The rows of {@code specs}, each report sorted into its total order. */
  public static ReportResults of(List<ReportSpec> specs, List<ReportRow> unordered) {
    return new ReportResults(specs, unordered);
  }

  ReportResults(List<ReportSpec> specs, List<ReportRow> unordered) {
    this.specs = List.copyOf(specs);
    this.rows = new LinkedHashMap<>();
    for (ReportSpec spec : specs) {
      rows.put(spec.name(), new ArrayList<>());
    }
    for (ReportRow row : unordered) {
      rows.get(row.report()).add(row.values());
    }
    for (ReportSpec spec : specs) {
      rows.get(spec.name()).sort(order(spec.order()));
    }
  }

  /** The reports, in registry order. */
  public List<ReportSpec> specs() {
    return specs;
  }

  public ReportSpec spec(String name) {
    return specs.stream()
        .filter(s -> s.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("No report named " + name));
  }

  /** The rows of one report in order, as values in its column order; do not change them. */
  public List<Object[]> rows(String report) {
    List<Object[]> found = rows.get(report);
    if (found == null) {
      throw new IllegalArgumentException("No report named " + report);
    }
    return found;
  }

  /**
   * One report's rows as a DataFrame of its schema, in memory. Timestamps go in as {@link
   * Instant}s, which Spark takes to the microsecond at any date (a {@code java.sql.Timestamp} would
   * be moved between calendars before 1582).
   */
  public Dataset<Row> dataFrame(SparkSession spark, String report) {
    List<Row> sparkRows = new ArrayList<>();
    for (Object[] values : rows(report)) {
      sparkRows.add(RowFactory.create(values.clone()));
    }
    return spark.createDataFrame(sparkRows, spec(report).schema());
  }

  private static Comparator<Object[]> order(int[] columns) {
    return (a, b) -> {
      for (int column : columns) {
        int compared = compareValues(a[column], b[column]);
        if (compared != 0) {
          return compared;
        }
      }
      return 0;
    };
  }

  /** Nulls first, text by code point (the order of its UTF-8 bytes, as Spark sorts strings). */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static int compareValues(Object a, Object b) {
    if (a == null || b == null) {
      return a == null ? (b == null ? 0 : -1) : 1;
    }
    if (a instanceof String x && b instanceof String y) {
      return CodePoints.compare(x, y);
    }
    if (a instanceof Number x
        && b instanceof Number y
        && !(a instanceof Double)
        && !(b instanceof Double)) {
      return Long.compare(x.longValue(), y.longValue());
    }
    if (a instanceof Instant || a instanceof Boolean || a instanceof Double) {
      return ((Comparable) a).compareTo(b);
    }
    throw new IllegalArgumentException("Cannot order " + a.getClass() + " against " + b.getClass());
  }
}
