package com.hoteltraffic.report.engine;

import com.hoteltraffic.report.shared.ByteSink;
import com.hoteltraffic.report.shared.ByteSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import scala.Tuple2;

/**
 * The rows of one streamed report ({@link ReportSpec#streamed}) where the merge left them: in the
 * merge's persisted output ({@link ReportEngine}), as codec bytes, each after its report's number.
 * Read in order, they are sorted in Spark and fetched one range partition at a time; summed up,
 * each task sends the driver only its first rows and a count.
 */
final class SparkRows {
  private final JavaRDD<byte[]> merged;
  private final int number;
  private final String name;
  private final int[] order;
  private final long count;
  private final int window;

  /**
   * @param merged every report's rows, each {@link RowCodec#encodeValues} after its report's number
   * @param number this report's number
   * @param count how many rows it has
   * @param window the most rows of it the driver holds at once: a report with no more is sorted on
   *     the driver, a larger one in Spark, in range partitions of about half as many rows
   */
  SparkRows(JavaRDD<byte[]> merged, int number, ReportSpec spec, long count, int window) {
    this.merged = merged;
    this.number = number;
    this.name = spec.name();
    this.order = spec.order();
    this.count = count;
    this.window = window;
  }

  long count() {
    return count;
  }

  private JavaRDD<byte[]> records() {
    int report = number;
    return merged.filter(bytes -> RowCodec.prefix(bytes) == report);
  }

  RowStream stream() {
    if (count <= window) {
      List<Object[]> rows = new ArrayList<>();
      if (count > 0) {
        records().collect().forEach(bytes -> rows.add(RowCodec.decodeValues(bytes)));
        rows.sort(ReportResults.order(order));
      }
      return new RowStream(rows.iterator(), rows::size);
    }
    Fetcher fetcher = new Fetcher(sorted());
    return new RowStream(fetcher, () -> fetcher.maxBuffered);
  }

  /** The records in the report's total order, in range partitions of about half a window. */
  private JavaRDD<byte[]> sorted() {
    int[] columns = order;
    int partitions = (int) Math.min(Integer.MAX_VALUE, (2 * count + window - 1) / window);
    return records()
        .mapToPair(bytes -> new Tuple2<>(SortKeys.of(RowCodec.decodeValues(bytes), columns), bytes))
        .sortByKey(SortKeys.ORDER, true, partitions)
        .values();
  }

  /** Sorted partitions fetched one after the other: the driver holds one at a time. */
  private static final class Fetcher implements Iterator<Object[]> {
    private final JavaRDD<byte[]> sorted;
    private final int partitions;
    private int next;
    private Iterator<byte[]> current = Collections.emptyIterator();
    private long maxBuffered;

    Fetcher(JavaRDD<byte[]> sorted) {
      this.sorted = sorted;
      this.partitions = sorted.getNumPartitions();
    }

    @Override
    public boolean hasNext() {
      while (!current.hasNext() && next < partitions) {
        current = Collections.emptyIterator(); // the previous partition is let go first
        List<byte[]> partition = sorted.collectPartitions(new int[] {next++})[0];
        maxBuffered = Math.max(maxBuffered, partition.size());
        current = partition.iterator();
      }
      return current.hasNext();
    }

    @Override
    public Object[] next() {
      if (!hasNext()) {
        throw new java.util.NoSuchElementException();
      }
      return RowCodec.decodeValues(current.next());
    }
  }

  /** See {@link ReportResults#top}; {@code order} is total. */
  ReportResults.Top top(ReportResults.RowTest keep, ReportResults.RowOrder order, int limit) {
    String report = name;
    List<byte[]> parts =
        records()
            .mapPartitions(
                part ->
                    List.of(encode(Tops.of(decoded(part), keep, order, limit), report)).iterator())
            .collect();
    return merge(parts, order, limit);
  }

  /** See {@link ReportResults#grouped}. */
  ReportResults.Top grouped(
      ReportResults.Grouping grouping,
      ReportResults.RowTest keep,
      ReportResults.RowOrder order,
      int limit) {
    String report = name;
    List<byte[]> parts =
        records()
            .mapPartitionsToPair(
                part -> {
                  List<Tuple2<String, byte[]>> values = new ArrayList<>();
                  while (part.hasNext()) {
                    Object[] row = RowCodec.decodeValues(part.next());
                    String group = grouping.group(row);
                    if (group != null) {
                      values.add(
                          new Tuple2<>(
                              group, RowCodec.encodeValues(0, grouping.value(row), report)));
                    }
                  }
                  return values.iterator();
                })
            .reduceByKey(
                (a, b) ->
                    RowCodec.encodeValues(
                        0,
                        grouping.merge(RowCodec.decodeValues(a), RowCodec.decodeValues(b)),
                        report))
            .values()
            .mapPartitions(
                part ->
                    List.of(encode(Tops.of(decoded(part), keep, order, limit), report)).iterator())
            .collect();
    return merge(parts, order, limit);
  }

  /**
   * The rows as a DataFrame of {@code schema}, in order: of a report within one window, from the
   * driver as any report's; of a larger one, from the sorted partitions, never on the driver.
   */
  Dataset<Row> dataFrame(SparkSession spark, StructType schema) {
    if (count <= window) {
      List<Row> rows = new ArrayList<>();
      stream().forEachRemaining(values -> rows.add(RowFactory.create(values)));
      return spark.createDataFrame(rows, schema);
    }
    return MicrosFrame.of(spark, sorted().map(RowCodec::decodeValues), schema);
  }

  private static Iterator<Object[]> decoded(Iterator<byte[]> records) {
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return records.hasNext();
      }

      @Override
      public Object[] next() {
        return RowCodec.decodeValues(records.next());
      }
    };
  }

  /** A task's top as bytes: its count, then its rows. */
  private static byte[] encode(ReportResults.Top top, String report) throws IOException {
    ByteSink out = new ByteSink(256);
    out.writeLong(top.total());
    out.writeInt(top.rows().size());
    for (Object[] row : top.rows()) {
      RowCodec.writeValues(out, row, report);
    }
    return out.toByteArray();
  }

  private static ReportResults.Top merge(
      List<byte[]> parts, ReportResults.RowOrder order, int limit) {
    List<ReportResults.Top> tops = new ArrayList<>();
    try {
      for (byte[] bytes : parts) {
        ByteSource in = new ByteSource(bytes);
        long total = in.readLong();
        List<Object[]> rows = new ArrayList<>();
        for (int i = in.readInt(); i > 0; i--) {
          rows.add(RowCodec.readValues(in, "top"));
        }
        tops.add(new ReportResults.Top(rows, total));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Not the bytes of a task's top rows", e);
    }
    return Tops.merge(tops, order, limit);
  }
}
