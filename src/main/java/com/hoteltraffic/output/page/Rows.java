package com.hoteltraffic.output.page;

import com.hoteltraffic.report.engine.ReportResults;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/** One report's rows with access by column name. */
record Rows(List<String> columns, List<Object[]> rows) {
  /** The rows of the report {@code name}. */
  static Rows of(ReportResults reports, String name) {
    return new Rows(reports.spec(name).columns(), reports.rows(name));
  }

  @SuppressWarnings("unchecked")
  <T> T get(Object[] row, String column) {
    return (T) row[index(column)];
  }

  long number(Object[] row, String column) {
    return row[index(column)] instanceof Number n ? n.longValue() : 0;
  }

  /** Ascending by one column, nulls first, as Spark orders. */
  <T> Comparator<Object[]> by(String column) {
    int index = index(column);
    return (a, b) -> ReportResults.compareValues(a[index], b[index]);
  }

  /** The rows that pass {@code keep}. */
  Rows filtered(Predicate<Object[]> keep) {
    return new Rows(columns, rows.stream().filter(keep).toList());
  }

  /** A sorted copy; the sort is stable over the report's own total order. */
  List<Object[]> sorted(Comparator<Object[]> order) {
    List<Object[]> copy = new ArrayList<>(rows);
    copy.sort(order);
    return copy;
  }

  /** The first {@code limit} rows in {@code order}, and how many there are in all. */
  <T> Shown<T> capped(Comparator<Object[]> order, int limit, Function<Object[], T> convert) {
    List<Object[]> sorted = sorted(order);
    return new Shown<>(sorted.stream().limit(limit).map(convert).toList(), sorted.size());
  }

  private int index(String column) {
    int index = columns.indexOf(column);
    if (index < 0) {
      throw new IllegalArgumentException("No column " + column + " in " + columns);
    }
    return index;
  }
}
