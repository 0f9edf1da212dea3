package com.hoteltraffic.output;

import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;

/**
 * Writes quarantined records to {@code quarantine/records.jsonl}: one JSON object a line, {@code
 * {source, line, reason, raw}}, in file and line order. The read leaves them in one part per read
 * task, which holds the records of each of its splits as one run of bytes (see {@code
 * ExchangeReader}); this joins those runs, streaming, in the order given. The raw lines are as
 * sensitive as the input (tokens, card data), so the folder and file are readable by their owner
 * only.
 */
public final class QuarantineWriter {
  public static final String FILE_NAME = "records.jsonl";
  static final FsPermission OWNER_ONLY_DIR = new FsPermission((short) 0700);
  static final FsPermission OWNER_ONLY_FILE = new FsPermission((short) 0600);

  private QuarantineWriter() {}

  /**
   * Bytes {@code [offset, offset + length)} of a part file: the records of one split.
   *
   * @param part a part the read left
   */
  public record Slice(Path part, long offset, long length) {
    /** A whole part file of {@code length} bytes. */
    public static Slice whole(Path part, long length) {
      return new Slice(part, 0, length);
    }
  }

  /**
   * Writes {@code directory/records.jsonl} from the slices, in list order; an empty file when
   * nothing was quarantined, so that its absence never has to be explained.
   *
   * @throws IOException also when a part is shorter than a slice says
   */
  public static void write(List<Slice> slices, Path directory, Configuration conf)
      throws IOException {
    FileSystem fs = directory.getFileSystem(conf);
    fs.mkdirs(directory, OWNER_ONLY_DIR);
    fs.setPermission(directory, OWNER_ONLY_DIR);
    Path target = new Path(directory, FILE_NAME);
    try (FSDataOutputStream out =
        fs.create(
            target,
            OWNER_ONLY_FILE,
            true,
            1 << 16,
            fs.getDefaultReplication(target),
            fs.getDefaultBlockSize(target),
            null)) {
      byte[] buffer = new byte[1 << 16];
      for (Slice slice : slices) {
        copy(slice, buffer, out, conf);
      }
    }
    // create() applies the umask to the permission; set it exactly.
    fs.setPermission(target, OWNER_ONLY_FILE);
  }

  /** Copies one slice; a part shorter than the slice fails rather than lose records silently. */
  private static void copy(Slice slice, byte[] buffer, OutputStream out, Configuration conf)
      throws IOException {
    try (FSDataInputStream in = slice.part().getFileSystem(conf).open(slice.part())) {
      in.seek(slice.offset());
      long remaining = slice.length();
      while (remaining > 0) {
        int read = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
        if (read < 0) {
          throw new EOFException(
              slice.part() + " ends " + remaining + " bytes before its quarantined records do");
        }
        out.write(buffer, 0, read);
        remaining -= read;
      }
    }
  }
}
