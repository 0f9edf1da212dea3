package com.hoteltraffic;

import com.hoteltraffic.classify.ExchangeInterpreter;
import com.hoteltraffic.classify.ProviderRules;
import com.hoteltraffic.classify.ResponseClassifier;
import com.hoteltraffic.classify.TokenPseudonymizer;
import com.hoteltraffic.ingest.ExchangeReader;
import com.hoteltraffic.ingest.InputDiscovery;
import com.hoteltraffic.job.AnalyzeJob;
import com.hoteltraffic.report.Reports;
import com.hoteltraffic.report.bookings.BookingReconciliation;
import com.hoteltraffic.report.bursts.RateLimitBursts;
import com.hoteltraffic.report.codes.ErrorCodes;
import com.hoteltraffic.report.engine.ReportEngine;
import com.hoteltraffic.report.engine.ReportResults;
import com.hoteltraffic.report.engine.ReportSettings;
import com.hoteltraffic.report.engine.ReportSpec;
import com.hoteltraffic.report.outages.DbOutages;
import com.hoteltraffic.report.rates.ErrorRates;
import com.hoteltraffic.sql.ClassifyResponse;
import com.hoteltraffic.sql.SqlFunctions;
import com.hoteltraffic.sql.TokenId;
import java.io.IOException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * The analyzer as a library, for {@code spark-shell}, Jupyter or Zeppelin with the jar on the
 * classpath: read → classify → reports, each step returning a Dataset, plus temp views and SQL
 * functions for SQL cells. Every report is the same function {@code jobs/analyze} writes.
 *
 * <pre>{@code
 * // spark-shell --jars target/traffic-analyzer-0.1.0-SNAPSHOT.jar
 * import com.hoteltraffic.TrafficAnalysis
 * TrafficAnalysis.registerViews(spark, "out")       // the tables of a jobs/analyze run
 * TrafficAnalysis.registerFunctions(spark)
 * spark.sql("SELECT * FROM error_rates_by_hotel ORDER BY error_rate DESC").show()
 * }</pre>
 *
 * <p>Or straight from recordings, without a run: {@code readExchanges} then the report functions,
 * or {@code registerViews(spark, exchanges)}. Those Datasets are lazy and re-read the input on
 * every action: {@code cache()} the exchanges, or write them to Parquet, when querying them
 * repeatedly.
 */
public final class TrafficAnalysis {
  /** View (and table directory) name of the classified exchanges. */
  public static final String EXCHANGES = AnalyzeJob.EXCHANGES_TABLE;

  public static final String ERROR_RATES_BY_HOTEL = Reports.ERROR_RATES_BY_HOTEL;
  public static final String ERROR_RATES_BY_TOKEN = Reports.ERROR_RATES_BY_TOKEN;

  /** Only a view: {@code jobs/analyze} does not write this one. */
  public static final String ERROR_RATES_BY_PROVIDER = Reports.ERROR_RATES_BY_PROVIDER;

  public static final String ERROR_CODES = Reports.ERROR_CODES;
  public static final String RATE_LIMIT_BURSTS = Reports.RATE_LIMIT_BURSTS;
  public static final String DB_OUTAGES = Reports.DB_OUTAGES;
  public static final String UNCONFIRMED_BOOKINGS = Reports.UNCONFIRMED_BOOKINGS;
  public static final String ERROR_RATES_BY_OPERATION = Reports.ERROR_RATES_BY_OPERATION;
  public static final String CREDENTIAL_HEALTH = Reports.CREDENTIAL_HEALTH;
  public static final String ACCESS_DENIED = Reports.ACCESS_DENIED;
  public static final String CLIENT_BEHAVIOUR = Reports.CLIENT_BEHAVIOUR;

  /** SQL function: {@code classify_response(provider, http_status, body)} → struct. */
  public static final String CLASSIFY_RESPONSE = ClassifyResponse.NAME;

  /** SQL function: {@code token_id(credential)} → the pseudonym the reports use. */
  public static final String TOKEN_ID = TokenId.NAME;

  /** The defaults of {@code jobs/analyze}. */
  public static final Duration DEFAULT_WINDOW = ReportSettings.DEFAULT_WINDOW;

  public static final Duration DEFAULT_BURST_GAP = ReportSettings.DEFAULT_BURST_GAP;
  public static final int DEFAULT_BURST_MIN = ReportSettings.DEFAULT_BURST_MIN;
  public static final Duration DEFAULT_OUTAGE_GAP = ReportSettings.DEFAULT_OUTAGE_GAP;
  public static final int DEFAULT_OUTAGE_MIN = ReportSettings.DEFAULT_OUTAGE_MIN;

  /** The struct {@link #CLASSIFY_RESPONSE} returns. */
  public static final StructType CLASSIFICATION_TYPE = ClassifyResponse.RESULT_TYPE;

  private TrafficAnalysis() {}

  /**
   * Reads and classifies recordings (files, directories or globs; JSON Lines and HAR, by file name)
   * into the exchanges table (schema {@link com.hoteltraffic.model.ExchangeSchema#SCHEMA}). Records
   * that cannot be read are left out here; {@code jobs/analyze} quarantines them.
   *
   * @param tokenKey the HMAC key for {@code token_id}, or null for plain SHA-256
   */
  public static Dataset<Row> readExchanges(SparkSession spark, List<String> inputs, byte[] tokenKey)
      throws IOException, InputDiscovery.MissingInputException {
    InputDiscovery.Result found =
        InputDiscovery.discover(
            inputs,
            Optional.empty(),
            spark.sparkContext().hadoopConfiguration(),
            InputDiscovery.DEFAULT_SPLIT_BYTES);
    ExchangeInterpreter interpreter =
        new ExchangeInterpreter(
            ProviderRules.loadDefault(),
            ResponseClassifier.withDefaultTaxonomy(),
            new TokenPseudonymizer(tokenKey),
            false);
    // Quarantined records are left out (jobs/analyze writes them): a notebook wants the exchanges.
    return ExchangeReader.read(spark, found.splits(), interpreter, null).exchanges();
  }

  /** {@link #readExchanges(SparkSession, List, byte[])} without a key. */
  public static Dataset<Row> readExchanges(SparkSession spark, List<String> inputs)
      throws IOException, InputDiscovery.MissingInputException {
    return readExchanges(spark, inputs, null);
  }

  /**
   * One table of a {@code jobs/analyze} output directory, e.g. {@code readTable(spark, "out",
   * "db_outages")}.
   */
  public static Dataset<Row> readTable(SparkSession spark, String outputDir, String table) {
    return spark
        .read()
        .parquet(new Path(new Path(outputDir, AnalyzeJob.TABLES_DIR), table).toString());
  }

  public static Dataset<Row> errorRatesByHotel(
      Dataset<Row> exchanges, Duration window, ZoneId zone) {
    return ErrorRates.byHotel(exchanges, window, zone);
  }

  public static Dataset<Row> errorRatesByToken(
      Dataset<Row> exchanges, Duration window, ZoneId zone) {
    return ErrorRates.byToken(exchanges, window, zone);
  }

  public static Dataset<Row> errorRatesByProvider(
      Dataset<Row> exchanges, Duration window, ZoneId zone) {
    return ErrorRates.byProvider(exchanges, window, zone);
  }

  public static Dataset<Row> errorCodes(Dataset<Row> exchanges) {
    return ErrorCodes.summarize(exchanges);
  }

  public static Dataset<Row> rateLimitBursts(
      Dataset<Row> exchanges, Duration gap, int minRejections) {
    return RateLimitBursts.detect(exchanges, gap, minRejections);
  }

  public static Dataset<Row> dbOutages(Dataset<Row> exchanges, Duration gap, int minFailures) {
    return DbOutages.detect(exchanges, gap, minFailures);
  }

  /**
   * @param zone the zone of the day boundaries used to match booking lists to attempts
   */
  public static Dataset<Row> unconfirmedBookings(Dataset<Row> exchanges, ZoneId zone) {
    return BookingReconciliation.reconcile(exchanges, false, zone.getId());
  }

  /**
   * Error rates, error classes, latency and the exchanges over the documented timeout per window ×
   * provider × operation ({@code error_rates_by_operation}).
   */
  public static Dataset<Row> errorRatesByOperation(
      Dataset<Row> exchanges, Duration window, ZoneId zone) {
    return report(
        exchanges,
        ReportSettings.defaults().withWindow(window, zone),
        Reports.ERROR_RATES_BY_OPERATION);
  }

  /** One row per provider × credential with its state ({@code credential_health}). */
  public static Dataset<Row> credentialHealth(Dataset<Row> exchanges) {
    return report(exchanges, ReportSettings.defaults(), Reports.CREDENTIAL_HEALTH);
  }

  /** Permission denials per provider × credential × hotel ({@code access_denied}). */
  public static Dataset<Row> accessDenied(Dataset<Row> exchanges) {
    return report(exchanges, ReportSettings.defaults(), Reports.ACCESS_DENIED);
  }

  /** Calls per credential that ignored the documented remedies ({@code client_behaviour}). */
  public static Dataset<Row> clientBehaviour(Dataset<Row> exchanges) {
    return report(exchanges, ReportSettings.defaults(), Reports.CLIENT_BEHAVIOUR);
  }

  private static Dataset<Row> report(Dataset<Row> exchanges, ReportSettings settings, String name) {
    return ReportEngine.fromExchanges(exchanges, Reports.catalog(), settings)
        .dataFrame(exchanges.sparkSession(), name);
  }

  /**
   * Every report of the registry with {@code jobs/analyze}'s defaults (UTC, 1 h windows), by view
   * name, computed together by one fold over the exchanges, as the job computes them.
   */
  public static Map<String, Dataset<Row>> reports(Dataset<Row> exchanges) {
    ReportResults results =
        ReportEngine.fromExchanges(exchanges, Reports.catalog(), ReportSettings.defaults());
    Map<String, Dataset<Row>> reports = new LinkedHashMap<>();
    for (ReportSpec spec : results.specs()) {
      if (spec.name().equals(Reports.BODY_PARSE_FAILURES)) {
        continue; // the table keeps no body: such a view would always be empty
      }
      reports.put(spec.name(), results.dataFrame(exchanges.sparkSession(), spec.name()));
    }
    return reports;
  }

  /**
   * Registers a temp view for every table of a {@code jobs/analyze} output directory ({@code
   * exchanges} and each report), plus {@code error_rates_by_provider} computed from the exchanges
   * with the default window.
   *
   * @return the view names: the tables in name order, then {@code error_rates_by_provider}
   */
  public static List<String> registerViews(SparkSession spark, String outputDir)
      throws IOException {
    Path tables = new Path(outputDir, AnalyzeJob.TABLES_DIR);
    FileSystem fs = tables.getFileSystem(spark.sparkContext().hadoopConfiguration());
    List<String> views = new ArrayList<>();
    FileStatus[] listing = fs.listStatus(tables);
    // File systems list in any order; views in name order make the result the same everywhere.
    java.util.Arrays.sort(
        listing, java.util.Comparator.comparing(status -> status.getPath().getName()));
    for (FileStatus table : listing) {
      if (table.isDirectory()) {
        String name = table.getPath().getName();
        spark.read().parquet(table.getPath().toString()).createOrReplaceTempView(name);
        views.add(name);
      }
    }
    if (views.contains(EXCHANGES)) {
      errorRatesByProvider(spark.table(EXCHANGES), DEFAULT_WINDOW, ZoneOffset.UTC)
          .createOrReplaceTempView(ERROR_RATES_BY_PROVIDER);
      views.add(ERROR_RATES_BY_PROVIDER);
    }
    return views;
  }

  /**
   * Registers {@code exchanges} and every report of {@link #reports} computed from it as temp
   * views.
   */
  public static List<String> registerViews(SparkSession spark, Dataset<Row> exchanges) {
    List<String> views = new ArrayList<>();
    exchanges.createOrReplaceTempView(EXCHANGES);
    views.add(EXCHANGES);
    reports(exchanges)
        .forEach(
            (name, report) -> {
              report.createOrReplaceTempView(name);
              views.add(name);
            });
    return views;
  }

  /**
   * Registers the classification as SQL functions, with the built-in taxonomy:
   *
   * <ul>
   *   <li>{@code classify_response(provider STRING, http_status INT, body STRING)} → struct {@code
   *       <error_code, error_class, retryable, documented>}: the response classifier on one
   *       response (a null status means no response came back);
   *   <li>{@code token_id(credential STRING)} → {@code tok_…}, the pseudonym the reports show.
   * </ul>
   *
   * <p>The same classes ({@link SqlFunctions}) register from PySpark through its public API, {@code
   * spark.udf.registerJavaFunction}.
   *
   * @param tokenKey the HMAC key the run used, or null for plain SHA-256
   */
  public static void registerFunctions(SparkSession spark, byte[] tokenKey) {
    SqlFunctions.register(spark, tokenKey);
  }

  /** {@link #registerFunctions(SparkSession, byte[])} without a key. */
  public static void registerFunctions(SparkSession spark) {
    registerFunctions(spark, null);
  }
}
