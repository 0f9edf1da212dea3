package com.hoteltraffic;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import com.hoteltraffic.classify.ExchangeInterpreter;
import com.hoteltraffic.classify.ProviderRules;
import com.hoteltraffic.classify.ResponseClassifier;
import com.hoteltraffic.cli.AnalyzeConfig;
import com.hoteltraffic.ingest.ExchangeReader;
import com.hoteltraffic.ingest.InputDiscovery;
import com.hoteltraffic.ingest.TokenPseudonymizer;
import com.hoteltraffic.model.ErrorClass;
import com.hoteltraffic.model.ExchangeSchema;
import com.hoteltraffic.output.CsvReportWriter;
import com.hoteltraffic.output.ExchangesTable;
import com.hoteltraffic.output.HtmlReport;
import com.hoteltraffic.output.OutputDirectory;
import com.hoteltraffic.output.QuarantineWriter;
import com.hoteltraffic.output.RunSummary;
import com.hoteltraffic.report.BookingReconciliation;
import com.hoteltraffic.report.DayScope;
import com.hoteltraffic.report.DbOutages;
import com.hoteltraffic.report.ErrorCodes;
import com.hoteltraffic.report.ErrorRates;
import com.hoteltraffic.report.RateLimitBursts;
import com.hoteltraffic.report.Report;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One analysis run: read → classify → aggregate and detect → write. The SparkSession is passed
 * in; the job never builds or stops one, so it runs the same under {@code jobs/analyze},
 * {@code spark-submit} and tests.
 *
 * <p>The raw input is parsed once: the read's tasks write the classified exchanges straight to
 * {@code tables/exchanges}, with quarantined records and counts set aside on the way, and every
 * report is computed from that compact Parquet table.
 */
public final class AnalyzeJob {
  private static final Logger LOG = LoggerFactory.getLogger(AnalyzeJob.class);

  public static final String REPORTS_DIR = "reports";
  public static final String TABLES_DIR = "tables";
  public static final String QUARANTINE_DIR = "quarantine";
  public static final String EXCHANGES_TABLE = "exchanges";
  public static final String ERROR_CODES_REPORT = "error_codes";
  public static final String SUMMARY_FILE = "run_summary.json";
  public static final String HTML_FILE = "report.html";
  /**
   * A daily run's exchanges with look-back and look-ahead; removed before the commit. Not named
   * with a leading {@code _} or {@code .}: Spark ignores such paths when reading.
   */
  static final String DETECTION_WINDOW_DIR = "detection-window";
  /** Quarantine parts left by the read's tasks; joined into {@code quarantine/}, then removed. */
  static final String READ_SIDE_DIR = "read-side-outputs";

  private AnalyzeJob() {}

  /** What a finished run reports back to its caller. */
  public record Result(Path output, long exchanges, long quarantined, List<String> corruptFiles) {}

  public static Result run(SparkSession spark, AnalyzeConfig config)
      throws IOException, InputDiscovery.MissingInputException {
    Instant started = Instant.now();
    // Windows and CSV timestamps are computed in UTC whatever the cluster's default zone is.
    spark.conf().set("spark.sql.session.timeZone", "UTC");
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();

    long stageStart = System.nanoTime();
    InputDiscovery.Result inputs =
        InputDiscovery.discover(config.inputs(), config.format(), hadoop, InputDiscovery.DEFAULT_SPLIT_BYTES);
    LOG.info("Inputs: {} files to read in {} splits, {} skipped ({} ms)",
        inputs.files().size(), inputs.splits().size(), inputs.skipped().size(), elapsedMs(stageStart));
    for (InputDiscovery.SkippedFile skipped : inputs.skipped()) {
      LOG.info("Skipped {}: {}", skipped.path(), skipped.reason());
    }
    if (config.tokenKey() == null) {
      LOG.warn("No --token-key-file or ${}: token_id is a plain SHA-256 of the credential, "
          + "the same in anyone's reports; set a key to make it private to you", "TRAFFIC_TOKEN_KEY");
    }

    OutputDirectory out = OutputDirectory.prepare(config.runOutput(), hadoop);
    config.day().ifPresent(day -> LOG.info("Daily run for {} ({}): reporting [{}, {}), reading [{}, {})",
        day.date(), day.zone().getId(), day.dayStart(), day.dayEnd(), day.readFrom(), day.readUntil()));
    ExchangeReader.Read read = null;
    try {
      ExchangeInterpreter interpreter =
          new ExchangeInterpreter(
              providerRules(config), ResponseClassifier.withDefaultTaxonomy(),
              new TokenPseudonymizer(config.tokenKey()), config.includePii());

      // Stage 1: read and classify. Writing the exchanges table is the one pass over the input;
      // quarantined records and counts come out of the same tasks on the side.
      stageStart = System.nanoTime();
      read = ExchangeReader.read(spark, inputs.splits(), interpreter, out.resolve(READ_SIDE_DIR));
      Path exchangesPath = out.resolve(TABLES_DIR + "/" + EXCHANGES_TABLE);
      Dataset<Row> classified = read.exchanges();
      // A daily run detects on the wider read window but keeps only the day's exchanges in its table.
      Path detectionPath = config.day().isPresent() ? out.resolve(DETECTION_WINDOW_DIR) : exchangesPath;
      if (config.day().isPresent()) {
        classified = DayScope.readWindow(classified, config.day().get());
      }
      ExchangesTable.write(classified, detectionPath);
      ExchangeReader.Outcome outcome = read.finish();
      List<ExchangeReader.FileCounts> fileCounts = outcome.files();
      Totals totals = Totals.of(fileCounts);
      LOG.info("Read and classified: {} files, {} lines, {} exchanges, {} quarantined, {} blank, {} corrupt files ({} ms)",
          fileCounts.size(), totals.lines, totals.exchanges, totals.quarantined, totals.blank,
          totals.corrupt.size(), elapsedMs(stageStart));
      if (totals.repairedUtf8 > 0) {
        LOG.info("{} exchanges held bytes that are not UTF-8 and were read with U+FFFD in their place "
            + "(repaired_utf8 in {})", totals.repairedUtf8, SUMMARY_FILE);
      }
      for (Map<String, String> corrupt : totals.corrupt) {
        LOG.warn("Corrupt input {}: {}; the records before the damage were kept", corrupt.get("path"),
            corrupt.get("reason"));
      }

      stageStart = System.nanoTime();
      QuarantineWriter.write(outcome.quarantineParts(), out.resolve(QUARANTINE_DIR), hadoop);
      read.deleteSideOutputs(hadoop);
      LOG.info("Quarantine: {} records written ({} ms)", totals.quarantined, elapsedMs(stageStart));

      // Stage 2: reports, all from the compact exchanges table.
      Dataset<Row> detectionWindow = spark.read().parquet(detectionPath.toString());
      if (config.day().isPresent()) {
        ExchangesTable.write(DayScope.dayOnly(detectionWindow, config.day().get()), exchangesPath);
      }
      Dataset<Row> exchanges = spark.read().parquet(exchangesPath.toString());
      Map<String, Long> reportRows = new LinkedHashMap<>();
      // Reconciliation reads the booking traffic several times; cached, the table is scanned for
      // it once. Spark substitutes the cached rows wherever reconciliation's plan holds this one.
      Dataset<Row> bookingTraffic =
          BookingReconciliation.bookingTraffic(config.day().isPresent() ? detectionWindow : exchanges)
              .persist(StorageLevel.MEMORY_AND_DISK());
      try {
        for (Report report : reports(exchanges, detectionWindow, config)) {
          stageStart = System.nanoTime();
          Path table = out.resolve(TABLES_DIR + "/" + report.name());
          report.rows().write().parquet(table.toString());
          long rows = CsvReportWriter.write(
              spark.read().parquet(table.toString()), report.columns(), report.sort(),
              out.resolve(REPORTS_DIR + "/" + report.name() + ".csv"), hadoop);
          reportRows.put(report.name(), rows);
          LOG.info("Report {}: {} rows ({} ms)", report.name(), rows, elapsedMs(stageStart));
        }
      } finally {
        bookingTraffic.unpersist();
      }

      if (config.day().isPresent()) {
        out.delete(DETECTION_WINDOW_DIR);
      }
      Dataset<Row> errorCodes = spark.read().parquet(out.resolve(TABLES_DIR + "/" + ERROR_CODES_REPORT).toString());
      RunSummary summary = summary(config, inputs, fileCounts, totals, errorCodes, reportRows, started);
      summary.write(out.resolve(SUMMARY_FILE), hadoop);
      stageStart = System.nanoTime();
      HtmlReport.write(spark, summary, out.resolve(TABLES_DIR), config.window(), config.zone(),
          out.resolve(HTML_FILE), hadoop);
      LOG.info("Page {} written ({} ms)", HTML_FILE, elapsedMs(stageStart));
      out.commit();
      LOG.info("Done in {} s: open {}/{}; CSV reports in {}/{}, Parquet tables in {}/{}, summary {}/{}",
          (System.currentTimeMillis() - started.toEpochMilli()) / 1000, out.target(), HTML_FILE,
          out.target(), REPORTS_DIR, out.target(), TABLES_DIR, out.target(), SUMMARY_FILE);
      return new Result(out.target(), totals.exchanges, totals.quarantined,
          totals.corrupt.stream().map(c -> c.get("path")).toList());
    } catch (IOException | RuntimeException e) {
      out.abandon();
      throw e;
    }
  }

  /**
   * The reports of a run, in the order they are written. Counts come from {@code exchanges};
   * incidents and reconciliation are detected on {@code detectionWindow} — the same table, or for a
   * daily run the day with its look-back and look-ahead — and cut to what belongs to the day.
   */
  static List<Report> reports(Dataset<Row> exchanges, Dataset<Row> detectionWindow, AnalyzeConfig config) {
    List<Report> reports = new ArrayList<>();
    Optional<DayScope> day = config.day();
    reports.add(new Report("error_rates_by_hotel", ErrorRates.byHotel(exchanges, config.window(), config.zone()),
        ErrorRates.BY_HOTEL_COLUMNS, ErrorRates.BY_HOTEL_SORT));
    reports.add(new Report("error_rates_by_token", ErrorRates.byToken(exchanges, config.window(), config.zone()),
        ErrorRates.BY_TOKEN_COLUMNS, ErrorRates.BY_TOKEN_SORT));
    reports.add(new Report(ERROR_CODES_REPORT, ErrorCodes.summarize(exchanges), ErrorCodes.COLUMNS, ErrorCodes.SORT));
    reports.add(new Report("rate_limit_bursts",
        day.map(d -> DayScope.overlappingDay(
                RateLimitBursts.detect(detectionWindow, config.burstGap(), config.burstMin()),
                RateLimitBursts.START, RateLimitBursts.END, d))
            .orElseGet(() -> RateLimitBursts.detect(exchanges, config.burstGap(), config.burstMin())),
        RateLimitBursts.COLUMNS, RateLimitBursts.SORT));
    reports.add(new Report("db_outages",
        day.map(d -> DayScope.overlappingDay(
                DbOutages.detect(detectionWindow, config.outageGap(), config.outageMin()),
                DbOutages.START, DbOutages.END, d))
            .orElseGet(() -> DbOutages.detect(exchanges, config.outageGap(), config.outageMin())),
        DbOutages.COLUMNS, DbOutages.SORT));
    reports.add(new Report("unconfirmed_bookings",
        day.map(d -> DayScope.startingInDay(
                BookingReconciliation.reconcile(detectionWindow, config.includePii(), config.zone().getId()),
                BookingReconciliation.ATTEMPT_TS, d))
            .orElseGet(() -> BookingReconciliation.reconcile(exchanges, config.includePii(), config.zone().getId())),
        BookingReconciliation.columns(config.includePii()), BookingReconciliation.SORT));
    return reports;
  }

  private static ProviderRules providerRules(AnalyzeConfig config) throws IOException {
    if (config.providersFile().isEmpty()) {
      return ProviderRules.loadDefault();
    }
    try (InputStream in = Files.newInputStream(java.nio.file.Path.of(config.providersFile().get()))) {
      return ProviderRules.load(in);
    }
  }

  /** Totals over the per-file counts. */
  private static final class Totals {
    long lines;
    long blank;
    long exchanges;
    long quarantined;
    long repairedUtf8;
    final List<Map<String, String>> corrupt = new ArrayList<>();

    static Totals of(List<ExchangeReader.FileCounts> fileCounts) {
      Totals totals = new Totals();
      for (ExchangeReader.FileCounts file : fileCounts) {
        totals.lines += file.lines();
        totals.blank += file.blank();
        totals.exchanges += file.exchanges();
        totals.quarantined += file.quarantined();
        totals.repairedUtf8 += file.repairedUtf8();
        if (file.corruptReason() != null) {
          totals.corrupt.add(Map.of("path", file.source(), "reason", file.corruptReason()));
        }
      }
      return totals;
    }
  }

  private static RunSummary summary(
      AnalyzeConfig config, InputDiscovery.Result inputs, List<ExchangeReader.FileCounts> fileCounts, Totals totals,
      Dataset<Row> errorCodes, Map<String, Long> reportRows, Instant started) {
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("window", config.window().toString());
    settings.put("timezone", config.zone().getId());
    settings.put("burst_gap", config.burstGap().toString());
    settings.put("burst_min", config.burstMin());
    settings.put("outage_gap", config.outageGap().toString());
    settings.put("outage_min", config.outageMin());
    settings.put("token_key", config.tokenKeySource());
    settings.put("include_pii", config.includePii());
    settings.put("format", config.format().map(Enum::name).orElse("by file name"));
    settings.put("providers", config.providersFile().orElse("built-in"));
    config.day().ifPresent(day -> {
      Map<String, Object> daily = new LinkedHashMap<>();
      daily.put("date", day.date().toString());
      daily.put("day_start", day.dayStart().toString());
      daily.put("day_end", day.dayEnd().toString());
      daily.put("lookback", day.lookback().toString());
      daily.put("lookahead", day.lookahead().toString());
      settings.put("daily", daily);
    });

    // A handful of rows: one per provider, from the error_codes table (a few rows per provider)
    // rather than another pass over the exchanges. An error is any class but ok, as is_error.
    Column isError = not(col(ExchangeSchema.ERROR_CLASS).eqNullSafe(ErrorClass.OK));
    List<Row> byProvider = errorCodes.groupBy(col(ExchangeSchema.PROVIDER))
        .agg(sum(col(ErrorCodes.COUNT)).as("exchanges"),
            sum(when(isError, col(ErrorCodes.COUNT)).otherwise(0L)).as("errors"),
            min(col(ErrorCodes.FIRST_SEEN)).as("first"), max(col(ErrorCodes.LAST_SEEN)).as("last"))
        .orderBy(ExchangeSchema.PROVIDER).collectAsList();
    Map<String, Object> providers = new LinkedHashMap<>();
    long errors = 0;
    long dayExchanges = 0;
    Instant first = null;
    Instant last = null;
    for (Row row : byProvider) {
      dayExchanges += row.getLong(1);
      long providerErrors = row.getLong(2);
      errors += providerErrors;
      providers.put(row.getString(0), Map.of("exchanges", row.getLong(1), "errors", providerErrors));
      Instant rowFirst = row.getTimestamp(3).toInstant();
      Instant rowLast = row.getTimestamp(4).toInstant();
      first = first == null || rowFirst.isBefore(first) ? rowFirst : first;
      last = last == null || rowLast.isAfter(last) ? rowLast : last;
    }

    Map<String, Object> counts = new LinkedHashMap<>();
    counts.put("files", fileCounts.size());
    counts.put("lines", totals.lines);
    counts.put("blank", totals.blank);
    counts.put("exchanges", totals.exchanges);
    counts.put("quarantined", totals.quarantined);
    counts.put("repaired_utf8", totals.repairedUtf8);
    counts.put("errors", errors);
    if (config.day().isPresent()) {
      // The counts above cover every input line read; errors and by_provider only the day.
      counts.put("exchanges_in_day", dayExchanges);
    }
    counts.put("by_provider", providers);

    Map<String, Object> timeRange = new LinkedHashMap<>();
    timeRange.put("first", first == null ? null : first.toString());
    timeRange.put("last", last == null ? null : last.toString());

    List<Map<String, Object>> files = fileCounts.stream().map(AnalyzeJob::fileEntry).collect(Collectors.toList());
    Instant finished = Instant.now();
    return new RunSummary()
        .put("started_at", started.toString())
        .put("finished_at", finished.toString())
        .put("elapsed_s", (finished.toEpochMilli() - started.toEpochMilli()) / 1000.0)
        .put("inputs", config.inputs())
        .put("settings", settings)
        .put("counts", counts)
        .put("time_range", timeRange)
        .put("files", files)
        .put("skipped_files", inputs.skipped().stream()
            .map(s -> Map.of("path", s.path(), "reason", s.reason())).toList())
        .put("corrupt_files", totals.corrupt)
        .put("reports", reportRows);
  }

  private static Map<String, Object> fileEntry(ExchangeReader.FileCounts file) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("path", file.source());
    entry.put("format", file.format());
    entry.put("lines", file.lines());
    entry.put("blank", file.blank());
    entry.put("exchanges", file.exchanges());
    entry.put("quarantined", file.quarantined());
    entry.put("repaired_utf8", file.repairedUtf8());
    entry.put("corrupt_reason", file.corruptReason());
    return entry;
  }

  private static long elapsedMs(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }
}
