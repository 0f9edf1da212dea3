package com.hoteltraffic.output;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.io.IOUtils;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import com.hoteltraffic.ingest.SerializableHadoopConf;

/**
 * Writes a sorted Dataset as one text file without funnelling it through one task or the
 * driver's memory: every task writes its partition as a part file, then the driver streams the
 * parts, in partition order, behind a header into the final file. A globally sorted Dataset is
 * range-partitioned, so partition order is row order.
 */
public final class SingleFileWriter {
  /** Formats the rows of one partition; runs in executors. */
  public interface PartFormatter extends Serializable {
    void write(Iterator<Row> rows, OutputStream out) throws IOException;
  }

  private SingleFileWriter() {}

  /**
   * @param header bytes written first (may be empty)
   * @param permission permission of the final file, or null for the file system's default
   * @return rows written
   */
  public static long write(
      Dataset<Row> sortedRows, byte[] header, PartFormatter formatter, Path target, FsPermission permission,
      Configuration conf) throws IOException {
    FileSystem fs = target.getFileSystem(conf);
    Path partsDir = new Path(target.getParent(), "_parts_" + target.getName());
    fs.delete(partsDir, true);
    SerializableHadoopConf shippedConf = new SerializableHadoopConf(conf);
    String partsDirName = partsDir.toString();
    Function2<Integer, Iterator<Row>, Iterator<Long>> writePart =
        (index, rows) -> {
          Path part = new Path(partsDirName, String.format("part-%06d", index));
          FileSystem partFs = part.getFileSystem(shippedConf.get());
          CountingIterator counted = new CountingIterator(rows);
          // A retried task overwrites its own part: the same partition always has the same name.
          try (FSDataOutputStream out = partFs.create(part, true)) {
            formatter.write(counted, out);
          }
          return List.of(counted.count).iterator();
        };
    // One Long per partition reaches the driver: bounded by the partition count, not the data.
    List<Long> counts = sortedRows.javaRDD().mapPartitionsWithIndex(writePart, true).collect();

    long rows = counts.stream().mapToLong(Long::longValue).sum();
    try (FSDataOutputStream out = fs.create(target, true)) {
      out.write(header);
      for (int i = 0; i < counts.size(); i++) {
        Path part = new Path(partsDir, String.format("part-%06d", i));
        try (var in = fs.open(part)) {
          IOUtils.copyBytes(in, out, 1 << 16, false);
        }
      }
    }
    if (permission != null) {
      fs.setPermission(target, permission);
    }
    fs.delete(partsDir, true);
    return rows;
  }

  /** Counts the rows a formatter consumed. */
  private static final class CountingIterator implements Iterator<Row> {
    private final Iterator<Row> rows;
    long count;

    CountingIterator(Iterator<Row> rows) {
      this.rows = rows;
    }

    @Override
    public boolean hasNext() {
      return rows.hasNext();
    }

    @Override
    public Row next() {
      count++;
      return rows.next();
    }
  }
}
