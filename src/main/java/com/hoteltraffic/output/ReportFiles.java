package com.hoteltraffic.output;

import com.hoteltraffic.report.engine.ReportSpec;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * Writes one report's rows, already computed and ordered, as {@code reports/NAME.csv}; {@link
 * ReportParquet} writes the same rows as {@code tables/NAME}. Nothing is read back.
 */
public final class ReportFiles {
  /** RFC 4180: {@code "} quoting with doubled quotes, CRLF line ends. */
  static final CSVFormat FORMAT = CSVFormat.RFC4180;

  /**
   * U+FEFF, written first with {@code --csv-bom} (bytes {@code EF BB BF}): Excel then reads the
   * file as UTF-8 instead of the local code page. Off by default: other readers (pandas, Spark,
   * csvkit) take it for part of the first column's name unless told otherwise.
   */
  static final char BYTE_ORDER_MARK = '\uFEFF';

  private ReportFiles() {}

  /**
   * The rows as an RFC 4180 UTF-8 CSV file with a header, cells formatted by {@link CsvCells}; with
   * {@code byteOrderMark}, the file starts with {@link #BYTE_ORDER_MARK}.
   */
  public static void writeCsv(
      ReportSpec spec, List<Object[]> rows, Path target, Configuration conf, boolean byteOrderMark)
      throws IOException {
    try (Csv csv = Csv.open(spec, target, conf, byteOrderMark)) {
      for (Object[] row : rows) {
        csv.write(row);
      }
    }
  }

  /**
   * As {@link #writeCsv(ReportSpec, List, Path, Configuration, boolean)}, rows read as they come.
   */
  public static long writeCsv(
      ReportSpec spec, Iterator<Object[]> rows, Path target, Configuration conf, boolean bom)
      throws IOException {
    try (Csv csv = Csv.open(spec, target, conf, bom)) {
      while (rows.hasNext()) {
        csv.write(rows.next());
      }
      return csv.rows();
    }
  }

  /** A report's CSV file being written, a row at a time in the report's order. */
  public static final class Csv implements java.io.Closeable {
    private final Writer writer;
    private final CSVPrinter printer;
    // Rows in order share their window's timestamps: each column formats a repeated time once.
    private final Object[] lastTime;
    private final String[] lastText;
    private long rows;

    private Csv(Writer writer, ReportSpec spec) throws IOException {
      this.writer = writer;
      this.printer = new CSVPrinter(writer, FORMAT);
      this.lastTime = new Object[spec.columns().size()];
      this.lastText = new String[lastTime.length];
    }

    /** Creates {@code target} and writes the header. */
    public static Csv open(ReportSpec spec, Path target, Configuration conf, boolean byteOrderMark)
        throws IOException {
      Writer writer =
          new BufferedWriter(
              new OutputStreamWriter(
                  target.getFileSystem(conf).create(target, true), StandardCharsets.UTF_8),
              1 << 16);
      Csv csv = new Csv(writer, spec);
      try {
        if (byteOrderMark) {
          writer.write(BYTE_ORDER_MARK);
        }
        csv.printer.printRecord(spec.columns());
      } catch (IOException | RuntimeException e) {
        csv.close();
        throw e;
      }
      return csv;
    }

    /** Writes the next row. */
    public void write(Object[] row) throws IOException {
      for (int c = 0; c < row.length; c++) {
        Object value = row[c];
        if (value instanceof Instant && value.equals(lastTime[c])) {
          printer.print(lastText[c]);
          continue;
        }
        String text = CsvCells.format(value);
        if (value instanceof Instant) {
          lastTime[c] = value;
          lastText[c] = text;
        }
        printer.print(text);
      }
      printer.println();
      rows++;
    }

    /** The rows written so far. */
    public long rows() {
      return rows;
    }

    @Override
    public void close() throws IOException {
      try (writer) {
        printer.close();
      }
    }
  }
}
