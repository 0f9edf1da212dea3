package com.hoteltraffic.ingest;

import com.hoteltraffic.model.HadoopConf;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes line numbers file-wide when one plain JSON Lines file is read by several tasks: before the
 * read, the lines of every range but a file's last are counted (a newline scan, no parsing), and
 * each range learns how many lines come before it ({@link InputSplit#linesBefore()}).
 *
 * <p>Why a scan and not a fix-up after the read: the read writes the exchanges table directly, in
 * one pass, so each row's line number must be right when the row is made. The scan runs at memory
 * speed (8 bytes per step) and only over large plain files; gzip and HAR files are read whole.
 */
public final class LineOffsets {
  private static final Logger LOG = LoggerFactory.getLogger(LineOffsets.class);
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long NEWLINES = 0x0a0a0a0a0a0a0a0aL;
  private static final long LOW_SEVEN_BITS = 0x7f7f7f7f7f7f7f7fL;

  private LineOffsets() {}

  /**
   * The splits with {@link InputSplit#linesBefore()} set. One Spark task counts each range that
   * another range of its file follows; one number per range reaches the driver.
   */
  public static List<InputSplit> assign(SparkSession spark, List<InputSplit> splits) {
    List<InputSplit> toCount = new ArrayList<>();
    for (InputSplit split : splits) {
      if (!split.isWholeFile() && split.end() < split.fileLength()) {
        toCount.add(split);
      }
    }
    if (toCount.isEmpty()) {
      return splits;
    }
    long started = System.nanoTime();
    JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
    byte[] conf = HadoopConf.bytes(spark.sparkContext().hadoopConfiguration());
    // Tasks get range numbers; the ranges travel in the task closure (Java serialization, as every
    // closure), so that no split crosses with the configured spark.serializer.
    List<Integer> ranges = new ArrayList<>(toCount.size());
    for (int i = 0; i < toCount.size(); i++) {
      ranges.add(i);
    }
    List<Long> counts =
        context
            .parallelize(ranges, ranges.size())
            .map(i -> count(toCount.get(i), HadoopConf.of(conf)))
            .collect();

    // Per file, lines counted up to each range start: ranges are consecutive, so a running sum.
    Map<String, TreeMap<Long, Long>> linesUpTo = new HashMap<>();
    for (int i = 0; i < toCount.size(); i++) {
      InputSplit counted = toCount.get(i);
      linesUpTo
          .computeIfAbsent(counted.path(), path -> new TreeMap<>())
          .put(counted.end(), counts.get(i));
    }
    for (TreeMap<Long, Long> file : linesUpTo.values()) {
      long running = 0;
      for (Map.Entry<Long, Long> range : file.entrySet()) {
        running += range.getValue();
        range.setValue(running);
      }
    }
    LOG.info(
        "Line numbers: counted the lines of {} ranges of {} large files ({} ms)",
        toCount.size(),
        linesUpTo.size(),
        (System.nanoTime() - started) / 1_000_000);
    List<InputSplit> assigned = new ArrayList<>(splits.size());
    for (InputSplit split : splits) {
      TreeMap<Long, Long> file = linesUpTo.get(split.path());
      Long before = file == null ? null : file.get(split.start());
      assigned.add(before == null ? split : split.withLinesBefore(before));
    }
    return assigned;
  }

  private static long count(InputSplit split, Configuration conf) {
    Path path = new Path(split.path());
    try (FSDataInputStream in = path.getFileSystem(conf).open(path, 1 << 16)) {
      long from = split.start() == 0 ? 0 : split.start() - 1;
      in.seek(from);
      return lineStarts(in, from, split.start(), split.end());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot count the lines of " + split.path(), e);
    }
  }

  /**
   * Lines whose first byte lies in {@code [start, end)}, by the split rule of {@link
   * JsonLinesSplitReader}: a line starts at byte 0 and after every newline.
   *
   * @param in the file's bytes from {@code streamPos}, which is {@code start - 1} (or 0 when {@code
   *     start} is 0)
   */
  static long lineStarts(InputStream in, long streamPos, long start, long end) throws IOException {
    // A line starts at p > 0 exactly when byte p - 1 is a newline: count newlines in [start-1,
    // end-1).
    long remaining = (end - 1) - streamPos;
    long lines = start == 0 && end > 0 ? 1 : 0;
    byte[] buffer = new byte[1 << 20];
    while (remaining > 0) {
      int read = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
      if (read < 0) {
        break; // a file shorter than its listing said: count what is there
      }
      lines += newlines(buffer, 0, read);
      remaining -= read;
    }
    return lines;
  }

  /** Newline bytes in {@code bytes[from, to)}, eight at a time. */
  static long newlines(byte[] bytes, int from, int to) {
    long count = 0;
    int i = from;
    for (; i + Long.BYTES <= to; i += Long.BYTES) {
      long x = (long) LONGS.get(bytes, i) ^ NEWLINES; // a newline byte becomes zero
      // High bit of each byte set exactly where the byte is zero (no carries across bytes).
      long zeroBytes = ~(((x & LOW_SEVEN_BITS) + LOW_SEVEN_BITS) | x | LOW_SEVEN_BITS);
      count += Long.bitCount(zeroBytes);
    }
    for (; i < to; i++) {
      if (bytes[i] == '\n') {
        count++;
      }
    }
    return count;
  }
}
