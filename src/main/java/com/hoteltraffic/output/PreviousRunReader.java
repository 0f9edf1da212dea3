package com.hoteltraffic.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hoteltraffic.model.ExchangeSchema;
import com.hoteltraffic.report.CredentialHealth;
import com.hoteltraffic.report.ErrorRates;
import com.hoteltraffic.report.Reports;
import com.hoteltraffic.report.alert.PreviousRun;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Reads what the alerts compare against from a previous run's output directory, on the driver: its
 * {@code run_summary.json} (a run that finished writes it) and the CSVs of {@code error_codes},
 * {@code error_rates_by_hotel}, {@code error_rates_by_token} and, when that run wrote one, {@code
 * credential_health}. These are report rows (keys × windows), never exchanges.
 */
public final class PreviousRunReader {
  private static final CSVFormat FORMAT =
      ReportFiles.FORMAT.builder().setHeader().setSkipHeaderRecord(true).get();

  private PreviousRunReader() {}

  /** The layout of a run's output: where its summary and its report CSVs are. */
  public record Layout(String summaryFile, String reportsDir) {}

  /** Whether {@code dir} holds a finished run (its summary). */
  public static boolean isRun(Path dir, Layout layout, Configuration conf) throws IOException {
    Path summary = new Path(dir, layout.summaryFile());
    return summary.getFileSystem(conf).isFile(summary);
  }

  /**
   * The facts of the run in {@code dir}.
   *
   * @param source how the run was chosen ({@link PreviousRun#SOURCE_OPTION} or {@link
   *     PreviousRun#SOURCE_PREVIOUS_DAY})
   * @throws IOException when {@code dir} is not a finished run of this job or a report is
   *     unreadable
   */
  public static PreviousRun read(Path dir, String source, Layout layout, Configuration conf)
      throws IOException {
    FileSystem fs = dir.getFileSystem(conf);
    Path summary = new Path(dir, layout.summaryFile());
    if (!fs.isFile(summary)) {
      throw new IOException(
          "Cannot compare with "
              + dir
              + ": no "
              + layout.summaryFile()
              + " (not the output of a finished run)");
    }
    try (Reader in = new InputStreamReader(fs.open(summary), StandardCharsets.UTF_8)) {
      JsonNode root = new ObjectMapper().readTree(in);
      if (root == null || !root.isObject()) {
        throw new IOException(
            "Cannot compare with " + dir + ": " + layout.summaryFile() + " is not a JSON object");
      }
    }
    Path reports = new Path(dir, layout.reportsDir());
    return new PreviousRun(
        dir.toString(),
        source,
        codes(fs, report(reports, Reports.ERROR_CODES)),
        rates(fs, report(reports, Reports.ERROR_RATES_BY_HOTEL), ExchangeSchema.HOTEL_ID),
        rates(fs, report(reports, Reports.ERROR_RATES_BY_TOKEN), ExchangeSchema.TOKEN_ID),
        states(fs, report(reports, Reports.CREDENTIAL_HEALTH)));
  }

  private static Path report(Path reports, String name) {
    return new Path(reports, name + ".csv");
  }

  private static Set<PreviousRun.CodeKey> codes(FileSystem fs, Path file) throws IOException {
    Set<PreviousRun.CodeKey> codes = new HashSet<>();
    for (CSVRecord row : records(fs, file, true)) {
      codes.add(
          new PreviousRun.CodeKey(
              cell(row, ExchangeSchema.PROVIDER, file),
              cell(row, ExchangeSchema.HTTP_STATUS, file),
              cell(row, ExchangeSchema.ERROR_CODE, file)));
    }
    return codes;
  }

  private static Map<PreviousRun.Key, PreviousRun.Counts> rates(
      FileSystem fs, Path file, String keyColumn) throws IOException {
    Map<PreviousRun.Key, PreviousRun.Counts> totals = new HashMap<>();
    for (CSVRecord row : records(fs, file, true)) {
      PreviousRun.Counts counts =
          new PreviousRun.Counts(
              count(row, ErrorRates.REQUESTS, file), count(row, ErrorRates.ERRORS, file));
      totals.merge(
          new PreviousRun.Key(cell(row, ExchangeSchema.PROVIDER, file), cell(row, keyColumn, file)),
          counts,
          PreviousRun.Counts::plus);
    }
    return totals;
  }

  /** The state per credential, or null when the run wrote no credential_health report. */
  private static Map<PreviousRun.Key, String> states(FileSystem fs, Path file) throws IOException {
    if (!fs.isFile(file)) {
      return null;
    }
    Map<PreviousRun.Key, String> states = new HashMap<>();
    for (CSVRecord row : records(fs, file, false)) {
      states.put(
          new PreviousRun.Key(
              cell(row, CredentialHealth.PROVIDER, file),
              cell(row, CredentialHealth.TOKEN_ID, file)),
          cell(row, CredentialHealth.STATE, file));
    }
    return states;
  }

  private static List<CSVRecord> records(FileSystem fs, Path file, boolean required)
      throws IOException {
    if (required && !fs.isFile(file)) {
      throw new IOException("Cannot compare with the previous run: no " + file);
    }
    try (Reader in = new InputStreamReader(fs.open(file), StandardCharsets.UTF_8)) {
      return new ArrayList<>(FORMAT.parse(in).getRecords());
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new IOException("Cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static String cell(CSVRecord row, String column, Path file) throws IOException {
    if (!row.isMapped(column) || !row.isSet(column)) {
      throw new IOException(
          "Cannot read " + file + ": no column " + column + " at line " + row.getRecordNumber());
    }
    return CsvCells.restore(row.get(column));
  }

  private static long count(CSVRecord row, String column, Path file) throws IOException {
    String text = cell(row, column, file);
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new IOException(
          "Cannot read "
              + file
              + ": "
              + column
              + " \""
              + text
              + "\" is not a count at record "
              + row.getRecordNumber(),
          e);
    }
  }
}
