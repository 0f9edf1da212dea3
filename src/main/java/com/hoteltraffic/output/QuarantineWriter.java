package com.hoteltraffic.output;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.io.IOUtils;

/**
 * Writes quarantined records to {@code quarantine/records.jsonl}: one JSON object a line, {@code
 * {source, line, reason, raw}}, in file and line order. The read leaves them in one part per split
 * (see {@code ExchangeReader}); this joins the parts, streaming, in the order given. The raw lines
 * are as sensitive as the input (tokens, card data), so the folder and file are readable by their
 * owner only.
 */
public final class QuarantineWriter {
  public static final String FILE_NAME = "records.jsonl";
  static final FsPermission OWNER_ONLY_DIR = new FsPermission((short) 0700);
  static final FsPermission OWNER_ONLY_FILE = new FsPermission((short) 0600);

  private QuarantineWriter() {}

  /**
   * Writes {@code directory/records.jsonl} from the parts, in list order; an empty file when
   * nothing was quarantined, so that its absence never has to be explained.
   */
  public static void write(List<Path> parts, Path directory, Configuration conf)
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
      for (Path part : parts) {
        try (InputStream in = part.getFileSystem(conf).open(part)) {
          IOUtils.copyBytes(in, out, 1 << 16, false);
        }
      }
    }
    // create() applies the umask to the permission; set it exactly.
    fs.setPermission(target, OWNER_ONLY_FILE);
  }
}
