package com.hoteltraffic.output;

import static org.apache.spark.sql.functions.col;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.hoteltraffic.ingest.ExchangeReader;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Writes quarantined records to {@code quarantine/records.jsonl}: one JSON object a line, {@code
 * {source, line, reason, raw}}, in file and line order. The raw lines are as sensitive as the
 * input (tokens, card data), so the folder and file are readable by their owner only.
 */
public final class QuarantineWriter {
  public static final String FILE_NAME = "records.jsonl";
  static final FsPermission OWNER_ONLY_DIR = new FsPermission((short) 0700);
  static final FsPermission OWNER_ONLY_FILE = new FsPermission((short) 0600);

  private QuarantineWriter() {}

  public static long write(Dataset<Row> quarantine, Path directory, Configuration conf) throws IOException {
    FileSystem fs = directory.getFileSystem(conf);
    fs.mkdirs(directory, OWNER_ONLY_DIR);
    fs.setPermission(directory, OWNER_ONLY_DIR);
    Dataset<Row> sorted =
        quarantine.orderBy(col(ExchangeReader.Q_SOURCE), col(ExchangeReader.Q_LINE));
    return SingleFileWriter.write(
        sorted, new byte[0], QuarantineWriter::writeRows, new Path(directory, FILE_NAME), OWNER_ONLY_FILE, conf);
  }

  private static void writeRows(Iterator<Row> rows, OutputStream out) throws IOException {
    JsonGenerator json = new JsonFactory().createGenerator(out);
    json.setRootValueSeparator(null);
    while (rows.hasNext()) {
      Row row = rows.next();
      json.writeStartObject();
      json.writeStringField(ExchangeReader.Q_SOURCE, row.getString(row.fieldIndex(ExchangeReader.Q_SOURCE)));
      json.writeNumberField(ExchangeReader.Q_LINE, row.getLong(row.fieldIndex(ExchangeReader.Q_LINE)));
      json.writeStringField(ExchangeReader.Q_REASON, row.getString(row.fieldIndex(ExchangeReader.Q_REASON)));
      json.writeStringField(ExchangeReader.Q_RAW, row.getString(row.fieldIndex(ExchangeReader.Q_RAW)));
      json.writeEndObject();
      json.writeRaw('\n');
    }
    json.flush();
  }
}
