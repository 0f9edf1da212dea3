package com.hoteltraffic.job;

import com.hoteltraffic.classify.ExchangeInterpreter;
import com.hoteltraffic.classify.ProviderRules;
import com.hoteltraffic.classify.ResponseClassifier;
import com.hoteltraffic.classify.TokenPseudonymizer;
import com.hoteltraffic.ingest.DatedInputs;
import com.hoteltraffic.ingest.ExchangeReader;
import com.hoteltraffic.ingest.InputDiscovery;
import com.hoteltraffic.ingest.InputSplit;
import com.hoteltraffic.model.ErrorClass;
import com.hoteltraffic.model.ExchangeSchema;
import com.hoteltraffic.output.AlertsFile;
import com.hoteltraffic.output.ExchangesTable;
import com.hoteltraffic.output.HtmlReport;
import com.hoteltraffic.output.OutputDirectory;
import com.hoteltraffic.output.PreviousRunReader;
import com.hoteltraffic.output.QuarantineWriter;
import com.hoteltraffic.output.ReportFiles;
import com.hoteltraffic.output.ReportParquet;
import com.hoteltraffic.output.RunSummary;
import com.hoteltraffic.report.Reports;
import com.hoteltraffic.report.alert.Alert;
import com.hoteltraffic.report.alert.AlertRules;
import com.hoteltraffic.report.alert.PreviousRun;
import com.hoteltraffic.report.codes.ErrorCodes;
import com.hoteltraffic.report.engine.DayScope;
import com.hoteltraffic.report.engine.ReportEngine;
import com.hoteltraffic.report.engine.ReportFold;
import com.hoteltraffic.report.engine.ReportResults;
import com.hoteltraffic.report.engine.ReportSettings;
import com.hoteltraffic.report.engine.ReportSpec;
import com.hoteltraffic.report.engine.RowStream;
import com.hoteltraffic.report.engine.SharedFacts;
import com.hoteltraffic.report.parsing.BodyParseFailures;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One analysis run: read → classify → aggregate and detect → write. The SparkSession is passed in;
 * the job never builds or stops one, so it runs the same under {@code jobs/analyze}, {@code
 * spark-submit} and tests.
 *
 * <p>The raw input is parsed once: the read's tasks write the classified exchanges straight to
 * {@code tables/exchanges}, set quarantined records and counts aside, and fold every exchange into
 * small per-key pieces ({@link ReportFold}); one more Spark job merges the pieces into every
 * report's rows ({@link ReportEngine}), and the CSVs, tables, summary and page are written from
 * those rows.
 */
public final class AnalyzeJob {
  private static final Logger LOG = LoggerFactory.getLogger(AnalyzeJob.class);

  public static final String REPORTS_DIR = "reports";
  public static final String TABLES_DIR = "tables";
  public static final String QUARANTINE_DIR = "quarantine";
  public static final String EXCHANGES_TABLE = "exchanges";
  public static final String SUMMARY_FILE = "run_summary.json";
  public static final String HTML_FILE = "report.html";
  public static final String ALERTS_FILE = "alerts.json";

  /**
   * Quarantine parts and fold blocks left by the read's tasks; joined into {@code quarantine/} and
   * merged into the reports, then removed.
   */
  static final String READ_SIDE_DIR = "read-side-outputs";

  private AnalyzeJob() {}

  /** What a finished run reports back to its caller. */
  public record Result(
      Path output,
      long exchanges,
      long quarantined,
      List<String> corruptFiles,
      List<Alert> alerts,
      RunCounts counts) {}

  /**
   * Runs the analysis: read and classify (folding every exchange into the reports' pieces on the
   * way), quarantine, merge the pieces into the reports, write them, the summary and the page, and
   * swap the output in. The session's settings are left as they are.
   */
  public static Result run(SparkSession spark, AnalyzeConfig config)
      throws IOException, InputDiscovery.MissingInputException {
    Instant started = Instant.now();
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    int reportWindow = reportWindow(spark); // a bad setting stops the run before the read
    InputDiscovery.Result inputs = discover(config, hadoop);
    OutputDirectory out = OutputDirectory.prepare(config.runOutput(), hadoop);
    config
        .day()
        .ifPresent(
            day ->
                LOG.info(
                    "Daily run for {} ({}): reporting [{}, {}), reading [{}, {})",
                    day.date(),
                    day.zone().getId(),
                    day.dayStart(),
                    day.dayEnd(),
                    day.readFrom(),
                    day.readUntil()));
    try {
      PreviousRun previous = previousRun(config, hadoop);
      ProviderRules rules = providerRules(config);
      ReportSettings settings = settings(config, rules);
      String inputText = inputText(inputs);
      ExchangeReader.Read read;
      try (SparkStep step = SparkStep.start(spark, "count-lines", "count lines of " + inputText)) {
        read =
            ExchangeReader.read(
                spark,
                inputs.splits(),
                interpreter(config, rules),
                out.resolve(READ_SIDE_DIR),
                new ReportFold(Reports.catalog(), settings));
      }
      ExchangeReader.Outcome outcome;
      try (SparkStep step = SparkStep.start(spark, "read", "read and classify " + inputText)) {
        outcome = readAndClassify(read, out.resolve(TABLES_DIR + "/" + EXCHANGES_TABLE));
      }
      Totals totals = Totals.of(outcome.files());
      writeQuarantine(outcome, totals, out, hadoop);
      ReportResults reports;
      try (SparkStep step =
          SparkStep.start(
              spark, "merge", "merge reports from " + outcome.foldBlocks().size() + " blocks")) {
        reports = computeReports(spark, outcome, settings, reportWindow);
      }
      // The streamed reports' rows stay in Spark until the page, the alerts and the files are done.
      try {
        read.deleteSideOutputs(hadoop);
        List<Alert> alerts = alerts(reports, previous, config);
        Map<String, Long> reportRows = writeReports(reports, out, hadoop, config.csvBom());
        RunSummary summary =
            summary(config, inputs, outcome.files(), totals, reports, reportRows, started);
        summary.put("alerts", alertSummary(alerts, previous));
        summary.write(out.resolve(SUMMARY_FILE), hadoop);
        AlertsFile.write(
            AlertsFile.document(alerts, previous, REPORTS_DIR, HTML_FILE),
            out.resolve(ALERTS_FILE),
            hadoop);
        writePage(reports, summary, alerts, previous, config, out, hadoop);
        out.commit();
        commitTables(spark, config, reports, out.target());
        LOG.info(
            "Done in {} s: open {}/{}; CSV reports in {}/{}, Parquet tables in {}/{}, summary {}/{}",
            (System.currentTimeMillis() - started.toEpochMilli()) / 1000,
            out.target(),
            HTML_FILE,
            out.target(),
            REPORTS_DIR,
            out.target(),
            TABLES_DIR,
            out.target(),
            SUMMARY_FILE);
        return new Result(
            out.target(),
            totals.exchanges,
            totals.quarantined,
            totals.corrupt.stream().map(c -> c.get("path")).toList(),
            alerts,
            RunCounts.of(reports));
      } finally {
        reports.close();
      }
    } catch (IOException | RuntimeException e) {
      out.abandon();
      throw e;
    }
  }

  /**
   * The run's Iceberg or Delta tables, after its folder is in place: a failure between the two is
   * repaired by the next run of the same day (see {@link LakehouseTables}).
   */
  private static void commitTables(
      SparkSession spark, AnalyzeConfig config, ReportResults reports, Path runOutput) {
    if (!config.tables().lakehouse()) {
      return;
    }
    List<String> reportTables =
        reports.specs().stream().filter(ReportSpec::written).map(ReportSpec::name).toList();
    try (SparkStep step =
        SparkStep.start(
            spark,
            "tables",
            "commit "
                + (reportTables.size() + 1)
                + " "
                + config.tables().format().label()
                + " tables")) {
      new LakehouseTables(spark, config.tables())
          .commit(
              new Path(runOutput, TABLES_DIR),
              EXCHANGES_TABLE,
              reportTables,
              config.day().map(DayScope::date).orElse(null),
              LocalDate.now(config.zone()),
              config.zone());
    }
  }

  private static InputDiscovery.Result discover(AnalyzeConfig config, Configuration hadoop)
      throws IOException, InputDiscovery.MissingInputException {
    long stageStart = System.nanoTime();
    // Date placeholders in --input expand to the days the run reads (--date with its look-back and
    // look-ahead).
    List<LocalDate> days =
        config
            .day()
            .map(day -> DatedInputs.days(day.readFrom(), day.readUntil(), day.zone()))
            .orElse(List.of());
    InputDiscovery.Result inputs =
        InputDiscovery.discover(
            config.inputs(), days, config.format(), hadoop, InputDiscovery.DEFAULT_SPLIT_BYTES);
    LOG.info(
        "Inputs: {} files to read in {} splits, {} skipped ({} ms)",
        inputs.files().size(),
        inputs.splits().size(),
        inputs.skipped().size(),
        elapsedMs(stageStart));
    for (InputDiscovery.SkippedFile skipped : inputs.skipped()) {
      LOG.info("Skipped {}: {}", skipped.path(), skipped.reason());
    }
    if (config.tokenKey() == null) {
      LOG.warn(
          "No --token-key-file or ${}: token_id is a plain SHA-256 of the credential, "
              + "the same in anyone's reports; set a key to make it private to you",
          "TRAFFIC_TOKEN_KEY");
    }
    return inputs;
  }

  /** "4 files (634 MB)": what the read's Spark jobs are named after. */
  static String inputText(InputDiscovery.Result inputs) {
    long bytes = 0;
    for (InputSplit split : inputs.splits()) {
      bytes += split.length();
    }
    int files = inputs.files().size();
    return String.format(
        Locale.ROOT,
        "%d %s (%.1f MB)",
        files,
        files == 1 ? "file" : "files",
        bytes / (1024.0 * 1024.0));
  }

  private static ExchangeInterpreter interpreter(AnalyzeConfig config, ProviderRules rules) {
    return new ExchangeInterpreter(
        rules,
        ResponseClassifier.withDefaultTaxonomy(),
        new TokenPseudonymizer(config.tokenKey()),
        config.includePii());
  }

  /**
   * The report settings of the run: its options, and the limits and timeouts its provider rules
   * document.
   */
  static ReportSettings settings(AnalyzeConfig config, ProviderRules rules) {
    return new ReportSettings(
        config.window(),
        config.zone(),
        config.burstGap(),
        config.burstMin(),
        config.outageGap(),
        config.outageMin(),
        config.includePii(),
        config.day().orElse(null),
        config.listLag(),
        rules.rateLimits(),
        rules.timeouts(),
        rules.repeatWindows());
  }

  /**
   * The one pass over the input: writing the exchanges table runs the read, whose tasks also fold
   * every exchange into the reports' pieces and set quarantined records and counts aside.
   */
  private static ExchangeReader.Outcome readAndClassify(
      ExchangeReader.Read read, Path exchangesTable) {
    long stageStart = System.nanoTime();
    ExchangesTable.write(read.exchanges(), exchangesTable);
    ExchangeReader.Outcome outcome = read.finish();
    Totals totals = Totals.of(outcome.files());
    LOG.info(
        "Read and classified: {} files in {} tasks, {} lines, {} exchanges, {} quarantined, {} blank, {} corrupt files ({} ms)",
        outcome.files().size(),
        outcome.tasks(),
        totals.lines,
        totals.exchanges,
        totals.quarantined,
        totals.blank,
        totals.corrupt.size(),
        elapsedMs(stageStart));
    if (totals.repairedUtf8 > 0) {
      LOG.info(
          "{} exchanges held bytes that are not UTF-8 and were read with U+FFFD in their place "
              + "(repaired_utf8 in {})",
          totals.repairedUtf8,
          SUMMARY_FILE);
    }
    for (Map<String, String> corrupt : totals.corrupt) {
      LOG.warn(
          "Corrupt input {}: {}; the records before the damage were kept",
          corrupt.get("path"),
          corrupt.get("reason"));
    }
    return outcome;
  }

  private static void writeQuarantine(
      ExchangeReader.Outcome outcome, Totals totals, OutputDirectory out, Configuration hadoop)
      throws IOException {
    long stageStart = System.nanoTime();
    List<QuarantineWriter.Slice> slices = new ArrayList<>(outcome.quarantine().size());
    for (ExchangeReader.QuarantineSlice slice : outcome.quarantine()) {
      slices.add(new QuarantineWriter.Slice(slice.part(), slice.offset(), slice.length()));
    }
    QuarantineWriter.write(slices, out.resolve(QUARANTINE_DIR), hadoop);
    LOG.info("Quarantine: {} records written ({} ms)", totals.quarantined, elapsedMs(stageStart));
  }

  /**
   * Spark setting ({@code --conf}): the most rows of a report that grows with the keys the driver
   * holds at once, {@link ReportEngine#STREAM_WINDOW} by default. Smaller: less driver memory, more
   * Spark jobs for a large report; the outputs are the same.
   */
  public static final String REPORT_WINDOW_CONF = "spark.hoteltraffic.reportWindow";

  /** A Spark setting of ours with a value it cannot take; the message names the setting. */
  public static final class BadSettingException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    BadSettingException(String message) {
      super(message);
    }
  }

  /** The {@link #REPORT_WINDOW_CONF} of the session. */
  static int reportWindow(SparkSession spark) {
    String value = spark.conf().get(REPORT_WINDOW_CONF, null);
    if (value == null) {
      return ReportEngine.STREAM_WINDOW;
    }
    int window;
    try {
      window = Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new BadSettingException(
          REPORT_WINDOW_CONF + " must be a whole number of rows, not \"" + value + "\"");
    }
    if (window < 1) {
      throw new BadSettingException(
          REPORT_WINDOW_CONF + " must be at least 1, not \"" + value + "\"");
    }
    return window;
  }

  private static ReportResults computeReports(
      SparkSession spark,
      ExchangeReader.Outcome outcome,
      ReportSettings settings,
      int reportWindow) {
    long stageStart = System.nanoTime();
    ReportResults reports =
        ReportEngine.fromBlocks(
            spark,
            outcome.foldBlocks(),
            SharedFacts.of(Reports.catalog(), outcome.foldFacts()),
            settings,
            reportWindow);
    LOG.info(
        "Reports merged from {} blocks ({} ms)",
        outcome.foldBlocks().size(),
        elapsedMs(stageStart));
    return reports;
  }

  /** Each written report as CSV and as a table, from the same rows; returns the row counts. */
  private static Map<String, Long> writeReports(
      ReportResults reports, OutputDirectory out, Configuration hadoop, boolean csvBom)
      throws IOException {
    Map<String, Long> reportRows = new LinkedHashMap<>();
    for (ReportSpec spec : reports.specs()) {
      if (!spec.written()) {
        continue;
      }
      long stageStart = System.nanoTime();
      // One pass over the report's rows in order feeds both files: a streamed report's rows
      // reach the driver a window at a time and are never held as one list (see ReportResults).
      long rows;
      try (ReportFiles.Csv csv =
              ReportFiles.Csv.open(
                  spec, out.resolve(REPORTS_DIR + "/" + spec.name() + ".csv"), hadoop, csvBom);
          ReportParquet.Table table =
              ReportParquet.Table.open(spec, out.resolve(TABLES_DIR + "/" + spec.name()), hadoop)) {
        RowStream stream = reports.stream(spec.name());
        while (stream.hasNext()) {
          Object[] row = stream.next();
          csv.write(row);
          table.write(row);
        }
        rows = csv.rows();
      }
      reportRows.put(spec.name(), rows);
      LOG.info(
          "Report {}: {} rows{} ({} ms)",
          spec.name(),
          rows,
          reports.readFromSpark(spec.name()) ? ", streamed from Spark a window at a time" : "",
          elapsedMs(stageStart));
    }
    return reportRows;
  }

  /**
   * The run to compare alerts with: {@code --previous}, which must be a finished run's output; or
   * for a daily run the previous day's folder under the same output, when it holds a finished run
   * (one that cannot be read is logged and skipped: it must not stop today's reports). Null for
   * none. Each file of it that cannot be read is one WARN line; the comparisons that need it are
   * skipped, and alerts.json and the page say so.
   */
  static PreviousRun previousRun(AnalyzeConfig config, Configuration hadoop) throws IOException {
    PreviousRunReader.Layout layout = new PreviousRunReader.Layout(SUMMARY_FILE, REPORTS_DIR);
    if (config.alerts().previous().isPresent()) {
      PreviousRun previous =
          PreviousRunReader.read(
              new Path(config.alerts().previous().get()),
              PreviousRun.SOURCE_OPTION,
              layout,
              hadoop);
      LOG.info("Alerts compare with the previous run in {}", previous.location());
      return warnUnreadable(previous);
    }
    if (config.day().isEmpty()) {
      return null;
    }
    DayScope day = config.day().get();
    String dayBefore =
        new DayScope(day.date().minusDays(1), day.zone(), day.lookback(), day.lookahead())
            .partitionName();
    Path dir =
        new Path(
            (config.output().endsWith("/") ? config.output() : config.output() + "/") + dayBefore);
    try {
      if (!PreviousRunReader.isRun(dir, layout, hadoop)) {
        LOG.info("No run of the previous day in {}: alerts compare with nothing", dir);
        return null;
      }
      PreviousRun previous =
          PreviousRunReader.read(dir, PreviousRun.SOURCE_PREVIOUS_DAY, layout, hadoop);
      LOG.info("Alerts compare with the previous day's run in {}", previous.location());
      return warnUnreadable(previous);
    } catch (IOException e) {
      LOG.warn("Cannot read the previous day's run in {}: alerts compare with nothing", dir, e);
      return null;
    }
  }

  private static PreviousRun warnUnreadable(PreviousRun previous) {
    for (PreviousRun.Unreadable file : previous.unreadable()) {
      LOG.warn(
          "Cannot read {} of the previous run: {}; not compared: {}",
          file.file(),
          file.problem(),
          file.notCompared());
    }
    return previous;
  }

  /**
   * The alerts of the run, each logged; plain Java over the report rows (see {@link AlertRules}).
   */
  private static List<Alert> alerts(
      ReportResults reports, PreviousRun previous, AnalyzeConfig config) {
    List<Alert> alerts = AlertRules.evaluate(reports, previous, config.alerts().thresholds());
    for (Alert alert : alerts) {
      LOG.warn("Alert ({}): {}", alert.severity().label(), alert.reason());
    }
    Map<String, Object> counts = AlertsFile.counts(alerts);
    LOG.info(
        "Alerts: {} critical, {} warning (see {})",
        counts.get("critical"),
        counts.get("warning"),
        ALERTS_FILE);
    return alerts;
  }

  /**
   * The {@code alerts} section of {@code run_summary.json}: counts by severity and the run compared
   * with.
   */
  private static Map<String, Object> alertSummary(List<Alert> alerts, PreviousRun previous) {
    Map<String, Object> section = new LinkedHashMap<>(AlertsFile.counts(alerts));
    section.put("previous_run", previous == null ? null : previous.location());
    return section;
  }

  private static void writePage(
      ReportResults reports,
      RunSummary summary,
      List<Alert> alerts,
      PreviousRun previous,
      AnalyzeConfig config,
      OutputDirectory out,
      Configuration hadoop)
      throws IOException {
    long stageStart = System.nanoTime();
    HtmlReport.write(
        reports,
        summary,
        config.window(),
        config.zone(),
        alerts,
        previous,
        out.resolve(HTML_FILE),
        hadoop);
    LOG.info("Page {} written ({} ms)", HTML_FILE, elapsedMs(stageStart));
  }

  private static ProviderRules providerRules(AnalyzeConfig config) throws IOException {
    if (config.providersFile().isEmpty()) {
      return ProviderRules.loadDefault();
    }
    try (InputStream in =
        Files.newInputStream(java.nio.file.Path.of(config.providersFile().get()))) {
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
          totals.corrupt.add(pathAndReason(file.source(), file.corruptReason()));
        }
      }
      return totals;
    }
  }

  /** Exchanges, errors and time range per provider, summed over the error_codes rows. */
  private record ProviderTotals(
      Map<String, Object> byProvider, long exchanges, long errors, Instant first, Instant last) {
    static ProviderTotals of(ReportResults reports) {
      List<String> columns = reports.spec(Reports.ERROR_CODES).columns();
      int provider = columns.indexOf(ExchangeSchema.PROVIDER);
      int errorClass = columns.indexOf(ExchangeSchema.ERROR_CLASS);
      int count = columns.indexOf(ErrorCodes.COUNT);
      int firstSeen = columns.indexOf(ErrorCodes.FIRST_SEEN);
      int lastSeen = columns.indexOf(ErrorCodes.LAST_SEEN);
      Map<String, long[]> sums = new java.util.TreeMap<>();
      long exchanges = 0;
      long errors = 0;
      Instant first = null;
      Instant last = null;
      for (Object[] row : reports.rows(Reports.ERROR_CODES)) {
        long rowCount = (Long) row[count];
        // An error is any class but ok, as is_error.
        long rowErrors = ErrorClass.OK.equals(row[errorClass]) ? 0 : rowCount;
        long[] sum = sums.computeIfAbsent((String) row[provider], p -> new long[2]);
        sum[0] += rowCount;
        sum[1] += rowErrors;
        exchanges += rowCount;
        errors += rowErrors;
        Instant rowFirst = (Instant) row[firstSeen];
        Instant rowLast = (Instant) row[lastSeen];
        first = first == null || rowFirst.isBefore(first) ? rowFirst : first;
        last = last == null || rowLast.isAfter(last) ? rowLast : last;
      }
      Map<String, Object> byProvider = new LinkedHashMap<>();
      // Ordered maps: Map.of's iteration order changes from one JVM to the next.
      sums.forEach(
          (name, sum) -> {
            Map<String, Object> counts = new LinkedHashMap<>();
            counts.put("exchanges", sum[0]);
            counts.put("errors", sum[1]);
            byProvider.put(name, counts);
          });
      return new ProviderTotals(byProvider, exchanges, errors, first, last);
    }
  }

  private static RunSummary summary(
      AnalyzeConfig config,
      InputDiscovery.Result inputs,
      List<ExchangeReader.FileCounts> fileCounts,
      Totals totals,
      ReportResults reports,
      Map<String, Long> reportRows,
      Instant started) {
    // A handful of rows per provider: the error_codes report, not another pass over the exchanges.
    ProviderTotals byProvider = ProviderTotals.of(reports);
    Map<String, Object> timeRange = new LinkedHashMap<>();
    timeRange.put("first", byProvider.first() == null ? null : byProvider.first().toString());
    timeRange.put("last", byProvider.last() == null ? null : byProvider.last().toString());
    List<Map<String, Object>> files =
        fileCounts.stream().map(AnalyzeJob::fileEntry).collect(Collectors.toList());
    Instant finished = Instant.now();
    return new RunSummary()
        .put("started_at", started.toString())
        .put("finished_at", finished.toString())
        .put("elapsed_s", (finished.toEpochMilli() - started.toEpochMilli()) / 1000.0)
        .put("inputs", config.inputs())
        .put("settings", summarySettings(config))
        .put("counts", summaryCounts(config, fileCounts.size(), totals, byProvider))
        .put("time_range", timeRange)
        .put("files", files)
        .put(
            "skipped_files",
            inputs.skipped().stream().map(s -> pathAndReason(s.path(), s.reason())).toList())
        .put("corrupt_files", totals.corrupt)
        .put("body_parse_failures", parseFailures(reports))
        .put("reports", reportRows);
  }

  /**
   * {@code body_parse_failures}: per provider × operation × body × format, the bodies that said
   * they were JSON or XML and could not be read (a few rows: one per key that failed), each logged.
   */
  private static List<Map<String, Object>> parseFailures(ReportResults reports) {
    List<String> columns = reports.spec(Reports.BODY_PARSE_FAILURES).columns();
    List<Map<String, Object>> out = new ArrayList<>();
    for (Object[] row : reports.rows(Reports.BODY_PARSE_FAILURES)) {
      Map<String, Object> entry = new LinkedHashMap<>();
      for (int i = 0; i < columns.size(); i++) {
        entry.put(columns.get(i), row[i] instanceof Instant at ? at.toString() : row[i]);
      }
      out.add(entry);
      LOG.warn(
          "{} {} {} bodies of {} {} said they were {} and could not be read "
              + "(body_parse_failures in {}): a format change?",
          entry.get(BodyParseFailures.COUNT),
          entry.get(BodyParseFailures.BODY),
          entry.get(BodyParseFailures.FORMAT),
          entry.get(BodyParseFailures.PROVIDER),
          entry.get(BodyParseFailures.OPERATION),
          entry.get(BodyParseFailures.FORMAT),
          SUMMARY_FILE);
    }
    return out;
  }

  /**
   * A file and why: in this key order in every run (Map.of's order changes from one JVM to the
   * next).
   */
  private static Map<String, String> pathAndReason(String path, String reason) {
    Map<String, String> entry = new LinkedHashMap<>();
    entry.put("path", path);
    entry.put("reason", reason);
    return entry;
  }

  /** The run's settings as {@code run_summary.json} records them. */
  private static Map<String, Object> summarySettings(AnalyzeConfig config) {
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("window", config.window().toString());
    settings.put("timezone", config.zone().getId());
    settings.put("burst_gap", config.burstGap().toString());
    settings.put("burst_min", config.burstMin());
    settings.put("outage_gap", config.outageGap().toString());
    settings.put("outage_min", config.outageMin());
    settings.put("list_lag", config.listLag().toString());
    settings.put("token_key", config.tokenKeySource());
    settings.put("include_pii", config.includePii());
    settings.put("format", config.format().map(Enum::name).orElse("by file name"));
    settings.put("providers", config.providersFile().orElse("built-in"));
    settings.put("alerts", alertSettings(config));
    config
        .day()
        .ifPresent(
            day -> {
              Map<String, Object> daily = new LinkedHashMap<>();
              daily.put("date", day.date().toString());
              daily.put("day_start", day.dayStart().toString());
              daily.put("day_end", day.dayEnd().toString());
              daily.put("lookback", day.lookback().toString());
              daily.put("lookahead", day.lookahead().toString());
              settings.put("daily", daily);
            });
    return settings;
  }

  private static Map<String, Object> summaryCounts(
      AnalyzeConfig config, int files, Totals totals, ProviderTotals byProvider) {
    Map<String, Object> counts = new LinkedHashMap<>();
    counts.put("files", files);
    counts.put("lines", totals.lines);
    counts.put("blank", totals.blank);
    counts.put("exchanges", totals.exchanges);
    counts.put("quarantined", totals.quarantined);
    counts.put("repaired_utf8", totals.repairedUtf8);
    counts.put("errors", byProvider.errors());
    if (config.day().isPresent()) {
      // The counts above cover every input line read; errors and by_provider only the day.
      counts.put("exchanges_in_day", byProvider.exchanges());
    }
    counts.put("by_provider", byProvider.byProvider());
    return counts;
  }

  private static Map<String, Object> alertSettings(AnalyzeConfig config) {
    Map<String, Object> alerts = new LinkedHashMap<>();
    alerts.put("previous", config.alerts().previous().orElse(null));
    alerts.put("fail_on", config.alerts().failOn().map(s -> s.label()).orElse(null));
    alerts.put("rate_rise", config.alerts().thresholds().rateRise().toPlainString());
    alerts.put(
        "rate_rise_critical", config.alerts().thresholds().rateRiseCritical().toPlainString());
    alerts.put("min_requests", config.alerts().thresholds().minRequests());
    return alerts;
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
