package com.hoteltraffic.ingest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Groups input splits into read tasks by bytes, as Spark's own file sources do ({@code
 * FilePartition.maxSplitBytes} and {@code getFilePartitions}): a task's target size is {@code
 * min(maxPartitionBytes, max(openCostInBytes, (bytes + files × openCostInBytes) / parallelism))};
 * splits are taken largest first, each costing its length plus the open cost, and a new task starts
 * when the next split's length does not fit in what the current one has left.
 *
 * <p>So many small files cost what their bytes cost (plus the open cost that models a file's
 * opening), not one task each; a large split still gets a task of its own, and on a small input the
 * work still spreads over every core.
 *
 * <p>Plain Java, no Spark: the caller reads the two settings ({@code
 * spark.sql.files.maxPartitionBytes}, {@code spark.sql.files.openCostInBytes}) and the parallelism
 * from its session.
 */
public final class FilePacking {
  /** Spark's default of {@code spark.sql.files.maxPartitionBytes}: 128 MiB. */
  public static final long DEFAULT_MAX_PARTITION_BYTES = 128L * 1024 * 1024;

  /** Spark's default of {@code spark.sql.files.openCostInBytes}: 4 MiB. */
  public static final long DEFAULT_OPEN_COST_BYTES = 4L * 1024 * 1024;

  private final long maxPartitionBytes;
  private final long openCostBytes;
  private final int parallelism;

  /**
   * @param maxPartitionBytes the most bytes a task is packed with
   * @param openCostBytes what opening a file is taken to cost, in bytes
   * @param parallelism the cores the read may use (the session's default parallelism)
   */
  public FilePacking(long maxPartitionBytes, long openCostBytes, int parallelism) {
    if (maxPartitionBytes <= 0 || openCostBytes < 0 || parallelism <= 0) {
      throw new IllegalArgumentException(
          "maxPartitionBytes and parallelism must be positive and openCostInBytes not negative: "
              + maxPartitionBytes
              + ", "
              + openCostBytes
              + ", "
              + parallelism);
    }
    this.maxPartitionBytes = maxPartitionBytes;
    this.openCostBytes = openCostBytes;
    this.parallelism = parallelism;
  }

  /** A task's target size for these splits (Spark's {@code FilePartition.maxSplitBytes}). */
  public long maxSplitBytes(List<InputSplit> splits) {
    long total = 0;
    for (InputSplit split : splits) {
      total += split.length() + openCostBytes;
    }
    return Math.min(maxPartitionBytes, Math.max(openCostBytes, total / parallelism));
  }

  /**
   * The tasks: each a list of indexes into {@code splits}, in the order the task reads them (by
   * index, so by path and start when the splits come from {@link InputDiscovery}); tasks in the
   * order they were packed (largest splits first). Every split is in exactly one task.
   */
  public List<List<Integer>> pack(List<InputSplit> splits) {
    long target = maxSplitBytes(splits);
    List<Integer> bySize = new ArrayList<>(splits.size());
    for (int i = 0; i < splits.size(); i++) {
      bySize.add(i);
    }
    // Stable: splits of equal length keep their order.
    bySize.sort(Comparator.comparingLong((Integer i) -> splits.get(i).length()).reversed());
    List<List<Integer>> tasks = new ArrayList<>();
    List<Integer> current = new ArrayList<>();
    long currentSize = 0;
    for (int index : bySize) {
      long length = splits.get(index).length();
      if (!current.isEmpty() && currentSize + length > target) {
        tasks.add(sorted(current));
        current = new ArrayList<>();
        currentSize = 0;
      }
      currentSize += length + openCostBytes;
      current.add(index);
    }
    if (!current.isEmpty()) {
      tasks.add(sorted(current));
    }
    return tasks;
  }

  private static List<Integer> sorted(List<Integer> indexes) {
    List<Integer> copy = new ArrayList<>(indexes);
    copy.sort(null);
    return List.copyOf(copy);
  }
}
