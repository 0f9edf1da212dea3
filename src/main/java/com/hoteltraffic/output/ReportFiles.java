package com.hoteltraffic.output;

import com.hoteltraffic.report.engine.ReportSpec;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
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
    try (Writer writer =
            new BufferedWriter(
                new OutputStreamWriter(
                    target.getFileSystem(conf).create(target, true), StandardCharsets.UTF_8),
                1 << 16);
        CSVPrinter printer = new CSVPrinter(writer, FORMAT)) {
      if (byteOrderMark) {
        writer.write(BYTE_ORDER_MARK);
      }
      printer.printRecord(spec.columns());
      // Rows in order share their window's timestamps: each column formats a repeated time once.
      Object[] lastTime = new Object[spec.columns().size()];
      String[] lastText = new String[lastTime.length];
      for (Object[] row : rows) {
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
      }
    }
  }
}
