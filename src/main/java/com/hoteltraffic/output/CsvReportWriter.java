package com.hoteltraffic.output;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Writes a report as one RFC 4180 CSV file (Commons CSV: {@code "} quoting with doubled quotes,
 * CRLF line ends), one header row, rows in a stable order, cells formatted by {@link CsvCells}.
 */
public final class CsvReportWriter {
  static final CSVFormat FORMAT = CSVFormat.RFC4180;

  private CsvReportWriter() {}

  /** Writes {@code columns} of {@code report}, sorted by {@code sortBy}, to {@code target}. */
  public static long write(
      Dataset<Row> report, List<String> columns, List<String> sortBy, Path target, Configuration conf)
      throws IOException {
    Dataset<Row> sorted =
        report
            .select(columns.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new))
            .orderBy(sortBy.stream().map(name -> org.apache.spark.sql.functions.col(name).asc_nulls_first())
                .toArray(Column[]::new));
    return SingleFileWriter.write(sorted, header(columns), CsvReportWriter::writeRows, target, null, conf);
  }

  static byte[] header(List<String> columns) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
        CSVPrinter printer = new CSVPrinter(writer, FORMAT)) {
      printer.printRecord(columns);
    }
    return bytes.toByteArray();
  }

  private static void writeRows(java.util.Iterator<Row> rows, java.io.OutputStream out) throws IOException {
    Writer writer = new java.io.BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    CSVPrinter printer = new CSVPrinter(writer, FORMAT);
    while (rows.hasNext()) {
      Row row = rows.next();
      for (int i = 0; i < row.length(); i++) {
        printer.print(CsvCells.format(row.get(i)));
      }
      printer.println();
    }
    printer.flush();
  }
}
