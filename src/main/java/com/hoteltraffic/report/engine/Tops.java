package com.hoteltraffic.report.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The first rows of some rows in an order, kept in a heap of {@code limit} rows, and how many
 * passed: what {@link ReportResults#top} and {@link ReportResults#grouped} return, computed the
 * same way from a list on the driver and from each partition in Spark.
 */
final class Tops {
  private Tops() {}

  /** The first {@code limit} rows that pass {@code keep}, in {@code order}, and their count. */
  static ReportResults.Top of(
      Iterator<Object[]> rows,
      ReportResults.RowTest keep,
      ReportResults.RowOrder order,
      int limit) {
    // The worst kept row on top, to be dropped when a better one comes.
    PriorityQueue<Object[]> heap =
        new PriorityQueue<>(Math.max(1, Math.min(limit, 1024)), order.reversed());
    long total = 0;
    while (rows.hasNext()) {
      Object[] row = rows.next();
      if (!keep.test(row)) {
        continue;
      }
      total++;
      if (limit <= 0) {
        continue;
      }
      if (heap.size() < limit) {
        heap.add(row);
      } else if (order.compare(row, heap.peek()) < 0) {
        heap.poll();
        heap.add(row);
      }
    }
    List<Object[]> first = new ArrayList<>(heap);
    first.sort(order);
    return new ReportResults.Top(Collections.unmodifiableList(first), total);
  }

  /** The first {@code limit} of several partitions' tops, with their counts summed. */
  static ReportResults.Top merge(
      List<ReportResults.Top> parts, ReportResults.RowOrder order, int limit) {
    List<Object[]> all = new ArrayList<>();
    long total = 0;
    for (ReportResults.Top part : parts) {
      all.addAll(part.rows());
      total += part.total();
    }
    all.sort(order);
    return new ReportResults.Top(all.subList(0, Math.min(limit, all.size())), total);
  }
}
