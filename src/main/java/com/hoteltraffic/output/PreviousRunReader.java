package com.hoteltraffic.output;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hoteltraffic.model.ExchangeSchema;
import com.hoteltraffic.report.Reports;
import com.hoteltraffic.report.alert.PreviousRun;
import com.hoteltraffic.report.credentials.CredentialHealth;
import com.hoteltraffic.report.rates.ErrorRates;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
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
   * The facts of the run in {@code dir}. A file that exists but cannot be read (not JSON, a CSV
   * without the expected columns or with a bad value) or a report CSV that is missing leaves its
   * part null and is named with its problem in {@link PreviousRun#unreadable()}; an unreadable
   * summary leaves every part null, as the run it belongs to is unknown.
   *
   * @param source how the run was chosen ({@link PreviousRun#SOURCE_OPTION} or {@link
   *     PreviousRun#SOURCE_PREVIOUS_DAY})
   * @throws IOException when {@code dir} holds no summary (not a finished run of this job) or a
   *     file system call fails
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
    List<PreviousRun.Unreadable> unreadable = new ArrayList<>();
    try {
      checkSummary(fs, summary);
    } catch (Unreadable e) {
      unreadable.add(
          new PreviousRun.Unreadable(
              summary.toString(), e.getMessage(), "everything (the run it belongs to is unknown)"));
      return new PreviousRun(dir.toString(), source, null, null, null, null, unreadable);
    }
    Path reports = new Path(dir, layout.reportsDir());
    Path codes = report(reports, Reports.ERROR_CODES);
    Path hotels = report(reports, Reports.ERROR_RATES_BY_HOTEL);
    Path tokens = report(reports, Reports.ERROR_RATES_BY_TOKEN);
    Path health = report(reports, Reports.CREDENTIAL_HEALTH);
    return new PreviousRun(
        dir.toString(),
        source,
        part(codes, "new error codes", unreadable, () -> codes(fs, codes)),
        part(
            hotels,
            "hotel error-rate rises",
            unreadable,
            () -> rates(fs, hotels, ExchangeSchema.HOTEL_ID)),
        part(
            tokens,
            "credential error-rate rises",
            unreadable,
            () -> rates(fs, tokens, ExchangeSchema.TOKEN_ID)),
        part(
            health,
            "credential states (every failing credential alerts)",
            unreadable,
            () -> credentials(fs, health)),
        unreadable);
  }

  /** A file's content that is not what this job writes; the message is the problem. */
  private static final class Unreadable extends Exception {
    private static final long serialVersionUID = 1L;

    Unreadable(String problem) {
      super(problem);
    }
  }

  /** Reads one part of a run from its file. */
  private interface PartReader<T> {
    T read() throws IOException, Unreadable;
  }

  /** The part, or null with the file and its problem added to {@code unreadable}. */
  private static <T> T part(
      Path file, String notCompared, List<PreviousRun.Unreadable> unreadable, PartReader<T> reader)
      throws IOException {
    try {
      return reader.read();
    } catch (Unreadable e) {
      unreadable.add(new PreviousRun.Unreadable(file.toString(), e.getMessage(), notCompared));
      return null;
    }
  }

  private static void checkSummary(FileSystem fs, Path summary) throws IOException, Unreadable {
    try (Reader in = new InputStreamReader(fs.open(summary), StandardCharsets.UTF_8)) {
      JsonNode root = new ObjectMapper().readTree(in);
      if (root == null || !root.isObject()) {
        throw new Unreadable("not a JSON object");
      }
    } catch (JsonProcessingException e) {
      throw new Unreadable("not JSON: " + oneLine(e));
    }
  }

  /** Jackson's problem and where, without the source excerpt it appends. */
  private static String oneLine(JsonProcessingException e) {
    JsonLocation at = e.getLocation();
    return e.getOriginalMessage().replaceAll("\\s+", " ")
        + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")");
  }

  private static Path report(Path reports, String name) {
    return new Path(reports, name + ".csv");
  }

  private static Set<PreviousRun.CodeKey> codes(FileSystem fs, Path file)
      throws IOException, Unreadable {
    Set<PreviousRun.CodeKey> codes = new HashSet<>();
    for (CSVRecord row :
        records(
            fs,
            file,
            true,
            ExchangeSchema.PROVIDER,
            ExchangeSchema.HTTP_STATUS,
            ExchangeSchema.ERROR_CODE)) {
      codes.add(
          new PreviousRun.CodeKey(
              cell(row, ExchangeSchema.PROVIDER),
              cell(row, ExchangeSchema.HTTP_STATUS),
              cell(row, ExchangeSchema.ERROR_CODE)));
    }
    return codes;
  }

  private static Map<PreviousRun.Key, PreviousRun.Counts> rates(
      FileSystem fs, Path file, String keyColumn) throws IOException, Unreadable {
    Map<PreviousRun.Key, PreviousRun.Counts> totals = new HashMap<>();
    for (CSVRecord row :
        records(
            fs,
            file,
            true,
            ExchangeSchema.PROVIDER,
            keyColumn,
            ErrorRates.REQUESTS,
            ErrorRates.ERRORS)) {
      PreviousRun.Counts counts =
          new PreviousRun.Counts(count(row, ErrorRates.REQUESTS), count(row, ErrorRates.ERRORS));
      totals.merge(
          new PreviousRun.Key(cell(row, ExchangeSchema.PROVIDER), cell(row, keyColumn)),
          counts,
          PreviousRun.Counts::plus);
    }
    return totals;
  }

  /** Each credential's row, or null when the run wrote no credential_health report. */
  private static Map<PreviousRun.Key, PreviousRun.Credential> credentials(FileSystem fs, Path file)
      throws IOException, Unreadable {
    if (!fs.isFile(file)) {
      return null;
    }
    Map<PreviousRun.Key, PreviousRun.Credential> credentials = new HashMap<>();
    for (CSVRecord row :
        records(
            fs,
            file,
            false,
            CredentialHealth.PROVIDER,
            CredentialHealth.TOKEN_ID,
            CredentialHealth.LAST_SEEN,
            CredentialHealth.STATE,
            CredentialHealth.SINCE)) {
      credentials.put(
          new PreviousRun.Key(
              cell(row, CredentialHealth.PROVIDER), cell(row, CredentialHealth.TOKEN_ID)),
          new PreviousRun.Credential(
              cell(row, CredentialHealth.STATE),
              instant(row, CredentialHealth.SINCE),
              instant(row, CredentialHealth.LAST_SEEN)));
    }
    return credentials;
  }

  private static List<CSVRecord> records(
      FileSystem fs, Path file, boolean required, String... columns)
      throws IOException, Unreadable {
    if (required && !fs.isFile(file)) {
      throw new Unreadable("no such file");
    }
    try (Reader in = new InputStreamReader(fs.open(file), StandardCharsets.UTF_8)) {
      CSVParser parser = FORMAT.parse(in);
      for (String column : columns) {
        if (!parser.getHeaderMap().containsKey(column)) {
          throw new Unreadable("no column " + column);
        }
      }
      List<CSVRecord> rows = new ArrayList<>(parser.getRecords());
      for (CSVRecord row : rows) {
        for (String column : columns) {
          if (!row.isSet(column)) {
            throw new Unreadable("no " + column + " at record " + row.getRecordNumber());
          }
        }
      }
      return rows;
    } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
      throw new Unreadable("not CSV: " + e.getMessage());
    }
  }

  private static String cell(CSVRecord row, String column) {
    return CsvCells.restore(row.get(column));
  }

  private static long count(CSVRecord row, String column) throws Unreadable {
    String text = cell(row, column);
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new Unreadable(
          column + " \"" + text + "\" is not a count at record " + row.getRecordNumber());
    }
  }

  /** An ISO-8601 timestamp cell, or null when empty. */
  private static Instant instant(CSVRecord row, String column) throws Unreadable {
    String text = cell(row, column);
    if (text == null || text.isEmpty()) {
      return null;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new Unreadable(
          column + " \"" + text + "\" is not a timestamp at record " + row.getRecordNumber());
    }
  }
}
