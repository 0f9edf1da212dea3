package com.hoteltraffic.cli;

import com.hoteltraffic.ingest.InputDiscovery;
import com.hoteltraffic.job.AnalyzeConfig;
import com.hoteltraffic.job.AnalyzeJob;
import com.hoteltraffic.job.RunSignals;
import com.hoteltraffic.job.TableSettings;
import com.hoteltraffic.report.alert.AlertRules;
import com.hoteltraffic.report.alert.Severity;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntConsumer;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point of {@code jobs/analyze} and {@code spark-submit}: parse the command line into an
 * {@link AnalyzeConfig}, build the SparkSession once, run {@link AnalyzeJob}, stop.
 *
 * <p>Exit status: 0 on success (also when records were quarantined or files were corrupt), 2 for a
 * usage error with a one-line message naming the problem, 3 when {@code --strict} is given and an
 * input file is corrupt (the results are written all the same), 4 when {@code --fail-on} is given
 * and alerts at or above that severity exist (all results written; 3 wins over 4), 1 for any other
 * failure.
 *
 * <p>How the status leaves the JVM depends on where the driver runs. Success always returns
 * normally from {@code main}: a {@code System.exit} there would end a cluster-mode driver before
 * YARN's ApplicationMaster reports the final status (it records the run FAILED, exit code 16, and
 * retries it). A failure calls {@code System.exit(code)} in client mode and embedded runs, where
 * the code is what the caller sees; in cluster mode ({@code spark.submit.deployMode=cluster}, set
 * by spark-submit for the driver) it throws {@link ExitException}, so the ApplicationMaster or the
 * standalone worker's driver wrapper sees the failure and marks the driver FAILED.
 */
public final class AnalyzeMain {
  private static final Logger LOG = LoggerFactory.getLogger(AnalyzeMain.class);

  static final int EXIT_OK = 0;
  static final int EXIT_FAILURE = 1;
  static final int EXIT_USAGE = 2;
  static final int EXIT_CORRUPT_INPUT = 3;
  static final int EXIT_ALERTS = 4;

  /** The first word of every run's Spark application name. */
  static final String APP_NAME = "traffic-analyzer";

  private static final String EXTENSIONS = "spark.sql.extensions";
  private static final String DELTA_EXTENSION = "io.delta.sql.DeltaSparkSessionExtension";

  private AnalyzeMain() {}

  public static void main(String[] args) {
    main(args, clusterDeployMode(), System::exit);
  }

  /** {@link #main} with the deploy mode and {@code System.exit} given, for tests. */
  static void main(String[] args, boolean clusterMode, IntConsumer systemExit) {
    exit(run(args), clusterMode, systemExit);
  }

  /**
   * Ends a run with {@code code}: nothing for success, {@code systemExit} for a failure in client
   * mode, an {@link ExitException} for a failure in cluster mode.
   */
  static void exit(int code, boolean clusterMode, IntConsumer systemExit) {
    if (code == EXIT_OK) {
      return;
    }
    if (clusterMode) {
      throw new ExitException(code);
    }
    systemExit.accept(code);
  }

  /** Whether spark-submit launched this driver with {@code --deploy-mode cluster}. */
  static boolean clusterDeployMode() {
    return "cluster"
        .equalsIgnoreCase(System.getProperty("spark.submit.deployMode", "client").trim());
  }

  /** A failed run in cluster mode: the driver's main ends with this instead of System.exit. */
  public static final class ExitException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int exitCode;

    ExitException(int exitCode) {
      super(
          "analyze failed with exit code "
              + exitCode
              + " ("
              + (exitCode == EXIT_USAGE
                  ? "usage error"
                  : exitCode == EXIT_CORRUPT_INPUT
                      ? "--strict: corrupt input"
                      : exitCode == EXIT_ALERTS ? "--fail-on: alerts" : "failure")
              + "; the reason is on stderr above)",
          null,
          false,
          false);
      this.exitCode = exitCode;
    }

    public int exitCode() {
      return exitCode;
    }
  }

  static int run(String[] args) {
    AnalyzeConfig config;
    try {
      config = AnalyzeOptions.parse(args, System.getenv());
    } catch (AnalyzeOptions.HelpRequested help) {
      System.out.println(AnalyzeOptions.USAGE);
      return EXIT_OK;
    } catch (AnalyzeOptions.VersionRequested version) {
      System.out.println(AnalyzeOptions.version());
      return EXIT_OK;
    } catch (UsageException e) {
      System.err.println("analyze: " + e.getMessage());
      return EXIT_USAGE;
    }
    if (config.verbose()) {
      Configurator.setRootLevel(Level.INFO);
    }
    SparkSession spark =
        session(config.master(), tableConf(config.tables()), config.sparkConf(), appName(config));
    Instant started = Instant.now();
    AnalyzeJob.Result result = null;
    try {
      result = AnalyzeJob.run(spark, config);
      boolean corrupt = config.strict() && !result.corruptFiles().isEmpty();
      if (corrupt) {
        // The run is complete and its results are in place: --strict only turns the loss into a
        // failure.
        System.err.println(
            "analyze: --strict: corrupt input "
                + String.join(", ", result.corruptFiles())
                + " (see corrupt_files in "
                + AnalyzeJob.SUMMARY_FILE
                + ")");
      }
      boolean page = failOn(config, result);
      return corrupt ? EXIT_CORRUPT_INPUT : page ? EXIT_ALERTS : EXIT_OK;
    } catch (InputDiscovery.MissingInputException
        | FileAlreadyExistsException
        | AnalyzeJob.BadSettingException e) {
      System.err.println("analyze: " + e.getMessage());
      return EXIT_USAGE;
    } catch (Exception e) {
      LOG.error("Run failed", e);
      System.err.println("analyze: failed: " + e.getMessage());
      return EXIT_FAILURE;
    } finally {
      RunSignals.publish(config, result, started, Instant.now());
      spark.stop();
    }
  }

  /**
   * Whether {@code --fail-on} is given and met; says so on stderr. Alerts alone never fail a run.
   */
  private static boolean failOn(AnalyzeConfig config, AnalyzeJob.Result result) {
    Optional<Severity> level = config.alerts().failOn();
    if (level.isEmpty() || !AlertRules.anyAtLeast(result.alerts(), level.get())) {
      return false;
    }
    Map<Severity, Long> counts = AlertRules.counts(result.alerts());
    System.err.println(
        "analyze: --fail-on "
            + level.get().label()
            + ": "
            + counts.get(Severity.CRITICAL)
            + " critical and "
            + counts.get(Severity.WARNING)
            + " warning alerts (see "
            + AnalyzeJob.ALERTS_FILE
            + ")");
    return true;
  }

  /**
   * The name the run shows in the Spark UI and the history server: {@code traffic-analyzer
   * 2026-11-20} for a daily run, else {@code traffic-analyzer} and the output directory's name. A
   * {@code --conf spark.app.name=...} still wins.
   */
  static String appName(AnalyzeConfig config) {
    String run =
        config
            .day()
            .map(day -> day.date().toString())
            .orElseGet(() -> new org.apache.hadoop.fs.Path(config.output()).getName());
    return APP_NAME + " " + run;
  }

  /**
   * The Spark settings the lakehouse tables need, before the user's own {@code --conf} (which win):
   * for Iceberg without {@code --catalog}, the embedded Hadoop file catalog {@value
   * TableSettings#EMBEDDED_CATALOG} under the warehouse; for Delta, its session extension (added to
   * any the cluster sets) and its session catalog. Set only on the session the command line builds.
   */
  static Map<String, String> tableConf(TableSettings tables) {
    Map<String, String> conf = new LinkedHashMap<>();
    if (tables.format() == TableSettings.Format.ICEBERG && tables.catalog().isEmpty()) {
      String prefix = "spark.sql.catalog." + TableSettings.EMBEDDED_CATALOG;
      conf.put(prefix, "org.apache.iceberg.spark.SparkCatalog");
      conf.put(prefix + ".type", "hadoop");
      conf.put(prefix + ".warehouse", tables.warehouse().orElseThrow());
    }
    if (tables.format() == TableSettings.Format.DELTA) {
      String extensions = System.getProperty(EXTENSIONS, "").strip();
      conf.put(
          EXTENSIONS,
          extensions.isEmpty()
              ? DELTA_EXTENSION
              : extensions.contains(DELTA_EXTENSION)
                  ? extensions
                  : extensions + "," + DELTA_EXTENSION);
      conf.put(
          "spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog");
      // Delta rebuilds a table's state from its log with 50 tasks by default, sized for logs of
      // thousands of files; a daily table's log grows by one commit a day, and 50 tasks made each
      // daily replace take 5 s instead of about 1 s. A cluster with large tables sets its own.
      conf.put("spark.databricks.delta.snapshotPartitions", "4");
    }
    return conf;
  }

  /**
   * Embedded {@code local[*]} unless a master was given or spark-submit set one (it passes {@code
   * spark.master} as a system property). {@code defaults} (the tables' catalog settings) apply
   * where nothing set the key already; the {@code --conf} settings are applied last, before the
   * session is built, as spark-submit applies its own: they win over the defaults set here.
   */
  static SparkSession session(
      Optional<String> master,
      Map<String, String> defaults,
      Map<String, String> sparkConf,
      String appName) {
    SparkSession.Builder builder =
        SparkSession.builder().appName(appName).config("spark.sql.session.timeZone", "UTC");
    if (master.isPresent()) {
      builder.master(master.get());
    } else if (System.getProperty("spark.master") == null) {
      builder.master("local[*]").config("spark.ui.enabled", "false");
    }
    // A default never overrides what spark-submit or spark-defaults.conf already set (system
    // properties of the driver), but for the session extensions, which tableConf extends; the
    // --conf settings, applied after, override everything.
    defaults.forEach(
        (key, value) -> {
          if (System.getProperty(key) == null || key.equals(EXTENSIONS)) {
            builder.config(key, value);
          }
        });
    sparkConf.forEach(builder::config);
    if (!sparkConf.isEmpty()) {
      // Keys only: a value may be a secret (spark.hadoop.fs.s3a.secret.key).
      LOG.info("Spark settings from --conf: {}", sparkConf.keySet());
    }
    return builder.getOrCreate();
  }
}
