package com.hoteltraffic.cli;

import com.hoteltraffic.ingest.DatedInputs;
import com.hoteltraffic.ingest.InputFormat;
import com.hoteltraffic.job.AnalyzeConfig;
import com.hoteltraffic.job.AnalyzeJob;
import com.hoteltraffic.job.SignalSettings;
import com.hoteltraffic.job.TableSettings;
import com.hoteltraffic.report.alert.AlertSettings;
import com.hoteltraffic.report.alert.AlertThresholds;
import com.hoteltraffic.report.alert.Severity;
import com.hoteltraffic.report.engine.DayScope;
import com.hoteltraffic.report.engine.ReportSettings;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Predicate;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The command line of {@code jobs/analyze}: every option is declared once below, with its
 * description, default and validation (a converter that rejects a bad value); the usage text,
 * {@code --help} and the error messages come from that declaration (picocli). Parsing yields an
 * immutable {@link AnalyzeConfig}, or a {@link UsageException} whose one-line message names the
 * option at fault.
 *
 * <p>To add an option: a field with {@code @Option} (names, {@code paramLabel}, description ending
 * in {@code ${DEFAULT-VALUE}} when it has a default, a converter from {@link Converters} or a new
 * one that throws {@link TypeConversionException} with the reason), a default in {@link Defaults}
 * when it comes from {@code ReportSettings}, and the value passed on in {@link #toConfig}.
 */
@Command(
    name = "jobs/analyze",
    customSynopsis = "jobs/analyze --input PATH [PATH ...] --output DIR [options]%n",
    sortOptions = false,
    usageHelpWidth = 110,
    defaultValueProvider = AnalyzeOptions.Defaults.class,
    versionProvider = AnalyzeOptions.Version.class)
public final class AnalyzeOptions {
  static final String TOKEN_KEY_ENV = "TRAFFIC_TOKEN_KEY";

  /** The usage text of {@code --help}, generated from the declaration. */
  public static final String USAGE =
      commandLine(new AnalyzeOptions()).getUsageMessage().stripTrailing();

  @Option(
      names = "--input",
      paramLabel = "PATH",
      arity = "1..*",
      required = true,
      converter = Converters.NonEmpty.class,
      description =
          "files, directories (read recursively) or globs; repeatable. With --date, a path may "
              + "hold {yyyy}, {MM}, {dd} or {yyyy-MM-dd}: read for each day of the run only")
  private List<String> inputs;

  @Option(
      names = "--output",
      paramLabel = "DIR",
      required = true,
      converter = Converters.NonEmpty.class,
      description = "where reports/, tables/, quarantine/, run_summary.json and report.html go")
  private String output;

  @Option(
      names = "--format",
      paramLabel = "jsonl|har",
      converter = Converters.Format.class,
      description = "read every input in this format instead of choosing by file name")
  private InputFormat format;

  @Option(
      names = "--window",
      paramLabel = "DURATION",
      converter = Converters.PositiveDuration.class,
      description = "error-rate window size (ms, s, m, h, d); default ${DEFAULT-VALUE}")
  private Duration window;

  @Option(
      names = "--timezone",
      paramLabel = "ZONE",
      converter = Converters.Zone.class,
      description =
          "time zone of windows and day boundaries (e.g. Europe/Zurich); default ${DEFAULT-VALUE}")
  private ZoneId zone;

  @Option(
      names = "--burst-gap",
      paramLabel = "DURATION",
      converter = Converters.PositiveDuration.class,
      description =
          "rate-limit rejections closer than this form one burst; default ${DEFAULT-VALUE}")
  private Duration burstGap;

  @Option(
      names = "--burst-min",
      paramLabel = "N",
      converter = Converters.PositiveInt.class,
      description = "rejections needed for a burst; default ${DEFAULT-VALUE}")
  private int burstMin;

  @Option(
      names = "--outage-gap",
      paramLabel = "DURATION",
      converter = Converters.PositiveDuration.class,
      description = "database failures closer than this form one outage; default ${DEFAULT-VALUE}")
  private Duration outageGap;

  @Option(
      names = "--outage-min",
      paramLabel = "N",
      converter = Converters.PositiveInt.class,
      description = "failures needed for an outage; default ${DEFAULT-VALUE}")
  private int outageMin;

  @Option(
      names = "--list-lag",
      paramLabel = "DURATION",
      converter = Converters.PositiveDuration.class,
      description =
          "a booking list proves a booking absent only this long after the attempt ended; "
              + "default ${DEFAULT-VALUE}")
  private Duration listLag;

  @Option(
      names = "--token-key-file",
      paramLabel = "FILE",
      converter = Converters.NonEmpty.class,
      description = "HMAC key for credential pseudonyms; default $" + TOKEN_KEY_ENV)
  private String tokenKeyFile;

  @Option(
      names = "--providers",
      paramLabel = "FILE",
      converter = Converters.ReadableFile.class,
      description = "provider host/path rules replacing the built-in providers.json")
  private String providers;

  @Option(
      names = "--include-pii",
      description = "keep booking holder names in reports (never card data)")
  private boolean includePii;

  @Option(
      names = "--date",
      paramLabel = "YYYY-MM-DD",
      converter = Converters.Date.class,
      description = "daily run: analyse that day (in --timezone) into DIR/date=YYYY-MM-DD/")
  private LocalDate date;

  @Option(
      names = "--lookback",
      paramLabel = "DURATION",
      converter = Converters.DurationOrZero.class,
      description =
          "daily run: also read this long before the day (0 for none); default ${DEFAULT-VALUE}")
  private Duration lookback;

  @Option(
      names = "--lookahead",
      paramLabel = "DURATION",
      converter = Converters.DurationOrZero.class,
      description =
          "daily run: also read this long after the day (0 for none); default ${DEFAULT-VALUE}")
  private Duration lookahead;

  @Option(
      names = "--previous",
      paramLabel = "DIR",
      converter = Converters.NonEmpty.class,
      description =
          "a previous run's output to compare alerts with (daily run: the previous day's)")
  private String previous;

  @Option(
      names = "--fail-on",
      paramLabel = "LEVEL",
      converter = Converters.Level.class,
      description = "exit 4 when alerts of this severity or above exist: warning or critical")
  private Severity failOn;

  @Option(
      names = "--alert-rate-rise",
      paramLabel = "SHARE",
      converter = Converters.Share.class,
      description =
          "a hotel's or credential's error-rate rise over the run, in points, that warns; "
              + "default ${DEFAULT-VALUE}")
  private BigDecimal rateRise;

  @Option(
      names = "--alert-rate-rise-critical",
      paramLabel = "SHARE",
      converter = Converters.Share.class,
      description = "the rise that is critical; default ${DEFAULT-VALUE}")
  private BigDecimal rateRiseCritical;

  @Option(
      names = "--alert-min-requests",
      paramLabel = "N",
      converter = Converters.PositiveInt.class,
      description =
          "requests a hotel or credential needs in both runs before rates are compared; "
              + "default ${DEFAULT-VALUE}")
  private int alertMinRequests;

  @Option(
      names = "--tables",
      paramLabel = "FORMAT",
      converter = Converters.Tables.class,
      description =
          "also commit the tables as parquet (only tables/, the default), iceberg or delta tables")
  private TableSettings.Format tables = TableSettings.Format.PARQUET;

  @Option(
      names = "--warehouse",
      paramLabel = "PATH",
      converter = Converters.NonEmpty.class,
      description =
          "the embedded file catalog's folder for --tables iceberg|delta (daily run: DIR/warehouse;"
              + " a whole run needs one outside DIR)")
  private String warehouse;

  @Option(
      names = "--catalog",
      paramLabel = "NAME",
      converter = Converters.NonEmpty.class,
      description =
          "a Spark catalog configured with --conf spark.sql.catalog.NAME=... for the tables")
  private String catalog;

  @Option(
      names = "--namespace",
      paramLabel = "NS",
      converter = Converters.NonEmpty.class,
      description = "the namespace of the tables; default ${DEFAULT-VALUE}")
  private String namespace = TableSettings.DEFAULT_NAMESPACE;

  @Option(
      names = "--metrics-file",
      paramLabel = "FILE",
      converter = Converters.NonEmpty.class,
      description =
          "write the run's metrics in Prometheus text format to this local file (textfile"
              + " collector: *.prom), also after a failed run")
  private String metricsFile;

  @Option(
      names = "--pushgateway",
      paramLabel = "URL",
      converter = Converters.HttpUrl.class,
      description = "push the same metrics to this Prometheus Pushgateway (job traffic_analyzer)")
  private URI pushgateway;

  @Option(
      names = "--alertmanager",
      paramLabel = "URL",
      converter = Converters.HttpUrl.class,
      description = "post the run's alerts to this Alertmanager (POST /api/v2/alerts)")
  private URI alertmanager;

  @Option(
      names = "--csv-bom",
      description = "start each CSV with a UTF-8 byte-order mark (for Excel)")
  private boolean csvBom;

  @Option(
      names = "--conf",
      paramLabel = "KEY=VALUE",
      converter = Converters.SparkSetting.class,
      description = "a Spark setting for an embedded run, as spark-submit --conf; repeatable")
  private List<Map.Entry<String, String>> sparkConf = List.of();

  @Option(
      names = "--master",
      paramLabel = "URL",
      converter = Converters.NonEmpty.class,
      description = "Spark master; default embedded local[*]")
  private String master;

  @Option(names = "--verbose", description = "show Spark's own INFO logging")
  private boolean verbose;

  @Option(
      names = "--strict",
      description = "exit 3 when an input file is corrupt (results are still written)")
  private boolean strict;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "this text")
  private boolean help;

  @Option(names = "--version", versionHelp = true, description = "print the version")
  private boolean version;

  private AnalyzeOptions() {}

  /** Thrown for {@code --help}: not an error, the caller prints {@link #USAGE} and exits 0. */
  public static final class HelpRequested extends Exception {
    private static final long serialVersionUID = 1L;

    HelpRequested() {
      super("help", null, false, false);
    }
  }

  /**
   * Thrown for {@code --version}: not an error, the caller prints {@link #version()} and exits 0.
   */
  public static final class VersionRequested extends Exception {
    private static final long serialVersionUID = 1L;

    VersionRequested() {
      super("version", null, false, false);
    }
  }

  /**
   * Parses and validates the command line; {@code environment} supplies {@value #TOKEN_KEY_ENV}.
   */
  public static AnalyzeConfig parse(String[] args, Map<String, String> environment)
      throws UsageException, HelpRequested, VersionRequested {
    AnalyzeOptions options = new AnalyzeOptions();
    CommandLine line = commandLine(options);
    ParseResult result;
    try {
      result = line.parseArgs(args);
    } catch (ParameterException e) {
      throw new UsageException(message(e, args));
    }
    if (line.isUsageHelpRequested()) {
      throw new HelpRequested();
    }
    if (line.isVersionHelpRequested()) {
      throw new VersionRequested();
    }
    return options.toConfig(result, environment);
  }

  /** The text {@code --version} prints. */
  public static String version() {
    return String.join("\n", new Version().getVersion());
  }

  private static CommandLine commandLine(AnalyzeOptions options) {
    return new CommandLine(options)
        .setExpandAtFiles(false) // an input path may start with @
        .setOverwrittenOptionsAllowed(true) // the last --window wins, as in most tools
        .setUnmatchedOptionsAllowedAsOptionParameters(
            false) // "--output --bogus" is not a directory
        .setTrimQuotes(false);
  }

  /** The cross-option checks and what needs the file system or the environment. */
  private AnalyzeConfig toConfig(ParseResult result, Map<String, String> environment)
      throws UsageException {
    if ((result.hasMatchedOption("--lookback") || result.hasMatchedOption("--lookahead"))
        && date == null) {
      throw new UsageException("--lookback and --lookahead need --date");
    }
    for (String input : inputs) {
      if (DatedInputs.hasPlaceholder(input) && date == null) {
        throw new UsageException("--input " + input + ": date placeholders need --date");
      }
    }
    checkLocalPaths(inputs, output, Files::isReadable);
    Map<String, String> conf = new LinkedHashMap<>();
    sparkConf.forEach(setting -> conf.put(setting.getKey(), setting.getValue()));
    TokenKey key = tokenKey(environment);
    AlertSettings alerts = alerts();
    TableSettings tableSettings = tableSettings();
    return new AnalyzeConfig(
        inputs,
        output,
        Optional.ofNullable(format),
        window,
        zone,
        burstGap,
        burstMin,
        outageGap,
        outageMin,
        key.bytes(),
        key.source(),
        Optional.ofNullable(providers),
        Optional.ofNullable(master),
        includePii,
        verbose,
        strict,
        Optional.ofNullable(date).map(day -> new DayScope(day, zone, lookback, lookahead)),
        listLag,
        alerts,
        conf,
        csvBom,
        new SignalSettings(
            Optional.ofNullable(metricsFile),
            Optional.ofNullable(pushgateway),
            Optional.ofNullable(alertmanager)),
        tableSettings);
  }

  /**
   * The table options, checked: a catalog or a warehouse only with a lakehouse format, not both; a
   * daily run's warehouse defaults to {@code DIR/warehouse}, beside the day folders; a whole run's
   * must be given and lie outside {@code DIR}, which the run replaces whole.
   */
  private TableSettings tableSettings() throws UsageException {
    if (tables == TableSettings.Format.PARQUET) {
      if (catalog != null || warehouse != null) {
        throw new UsageException(
            (catalog != null ? "--catalog" : "--warehouse") + " needs --tables iceberg or delta");
      }
      return new TableSettings(tables, Optional.empty(), Optional.empty(), namespace);
    }
    if (catalog != null) {
      if (warehouse != null) {
        throw new UsageException(
            "--warehouse " + warehouse + ": not with --catalog, whose own settings say where");
      }
      return new TableSettings(tables, Optional.empty(), Optional.of(catalog), namespace);
    }
    String folder = warehouse;
    if (folder == null) {
      if (date == null) {
        throw new UsageException(
            "--tables "
                + tables.label()
                + " needs --warehouse PATH (outside --output) or --catalog");
      }
      folder = (output.endsWith("/") ? output : output + "/") + "warehouse";
    } else if (date == null && within(folder, output)) {
      throw new UsageException(
          "--warehouse "
              + warehouse
              + ": must lie outside --output "
              + output
              + ", which a whole run replaces");
    }
    return new TableSettings(tables, Optional.of(absolute(folder)), Optional.empty(), namespace);
  }

  /** Whether {@code path} is {@code dir} or below it (both as given, local paths absolute). */
  private static boolean within(String path, String dir) {
    String child = absolute(path);
    String parent = absolute(dir);
    parent = parent.endsWith("/") ? parent : parent + "/";
    return (child.endsWith("/") ? child : child + "/").startsWith(parent);
  }

  /** A local path as an absolute {@code file:} URI; other URIs as given (Iceberg keeps them). */
  private static String absolute(String path) {
    if (!isLocal(path)) {
      return path;
    }
    Path local = path.startsWith("file:") ? Path.of(URI.create(path)) : Path.of(path);
    return local.toAbsolutePath().normalize().toUri().toString();
  }

  /** One line naming the option, from what picocli found wrong. */
  private static String message(ParameterException e, String[] args) {
    if (e instanceof UnmatchedArgumentException unmatched) {
      return unmatched(e.getCommandLine(), unmatched.getUnmatched(), args);
    }
    String name = optionName(e.getArgSpec());
    if (e instanceof MissingParameterException missing) {
      ArgSpec spec = firstDeclared(e.getCommandLine(), missing.getMissing(), e.getArgSpec());
      name = optionName(spec);
      if (typed(name, args)) {
        return name + " needs a value";
      }
      // picocli checks the required options first; a misspelt option is the better message.
      Optional<String> unknown = unknownOption(e.getCommandLine(), args);
      return unknown
          .map(word -> "unknown option " + word + " (see --help)")
          .orElse(name + " is required");
    }
    if (e.getCause() instanceof TypeConversionException reason && name != null) {
      return name + " " + reason.getMessage();
    }
    return e.getMessage().replaceAll("\\s+", " ").strip();
  }

  /**
   * An unknown option or a stray argument; or an option whose value is missing before an unknown
   * one.
   */
  private static String unmatched(CommandLine line, List<String> unmatched, String[] args) {
    String word = unmatched.isEmpty() ? unknownOption(line, args).orElse("") : unmatched.get(0);
    int at = List.of(args).indexOf(word);
    if (at > 0) {
      OptionSpec before = line.getCommandSpec().findOption(args[at - 1]);
      if (before != null && before.arity().min() > 0) {
        return valueLikeAnOption(before, word);
      }
    }
    return word.startsWith("-")
        ? "unknown option " + word.split("=", 2)[0] + " (see --help)"
        : "unexpected argument \"" + word + "\" (see --help)";
  }

  /**
   * A value that starts with {@code -} ({@code --window -5s}, {@code --output --bogus}): what the
   * option's check says of it, or that the option needs a value.
   */
  private static String valueLikeAnOption(OptionSpec option, String word) {
    ITypeConverter<?>[] converters = option.converters();
    if (converters != null && converters.length > 0 && !word.startsWith("--")) {
      try {
        converters[0].convert(word);
      } catch (TypeConversionException e) {
        return option.longestName() + " " + e.getMessage();
      } catch (Exception e) {
        // not a check of ours: fall through to the plain message
      }
    }
    return option.longestName() + " needs a value, not \"" + word + "\"";
  }

  /** Of the options picocli found missing, the one declared first (--input before --output). */
  private static ArgSpec firstDeclared(CommandLine line, List<ArgSpec> missing, ArgSpec fallback) {
    for (OptionSpec option : line.getCommandSpec().options()) {
      if (missing.contains(option)) {
        return option;
      }
    }
    return missing.isEmpty() ? fallback : missing.get(0);
  }

  private static Optional<String> unknownOption(CommandLine line, String[] args) {
    for (String arg : args) {
      String word = arg.split("=", 2)[0];
      if (word.startsWith("-")
          && word.length() > 1
          && line.getCommandSpec().findOption(word) == null) {
        return Optional.of(word);
      }
    }
    return Optional.empty();
  }

  private static String optionName(ArgSpec spec) {
    return spec instanceof OptionSpec option ? option.longestName() : null;
  }

  /** Whether the option was on the command line (as {@code --name} or {@code --name=...}). */
  private static boolean typed(String name, String[] args) {
    for (String arg : args) {
      if (arg.equals(name) || arg.startsWith(name + "=")) {
        return true;
      }
    }
    return false;
  }

  /**
   * Catches the common mistakes before Spark starts: a local input that does not exist, an output
   * that is a file. Paths with a scheme (hdfs://, s3a://), globs and date placeholders are checked
   * by the job itself.
   *
   * @param readable whether this process may read a path: {@link Files#isReadable} (a parameter so
   *     that tests reach the refusal even as root, who may read every file)
   */
  static void checkLocalPaths(List<String> inputs, String output, Predicate<Path> readable)
      throws UsageException {
    for (String input : inputs) {
      if (isLocal(input) && !input.matches(".*[*?\\[{].*")) {
        Path path = localPath(input);
        if (!Files.exists(path)) {
          throw new UsageException("--input " + input + ": no such file or directory");
        }
        if (!readable.test(path)) {
          throw new UsageException("--input " + input + ": not readable");
        }
      }
    }
    if (isLocal(output) && Files.isRegularFile(localPath(output))) {
      throw new UsageException("--output " + output + ": is a file, not a directory");
    }
  }

  private static boolean isLocal(String path) {
    return !path.contains("://") || path.startsWith("file://");
  }

  private static Path localPath(String path) {
    return Path.of(path.startsWith("file:") ? path.substring(5) : path);
  }

  /**
   * The alert options, checked: the thresholds in order, and a local {@code --previous} that is a
   * finished run's output (its summary); other file systems are checked by the job.
   */
  private AlertSettings alerts() throws UsageException {
    if (rateRiseCritical.compareTo(rateRise) < 0) {
      throw new UsageException(
          "--alert-rate-rise-critical "
              + percent(rateRiseCritical)
              + ": must be at least --alert-rate-rise ("
              + percent(rateRise)
              + ")");
    }
    if (previous != null && isLocal(previous)) {
      Path dir =
          Path.of(
              previous.startsWith("file:") ? java.net.URI.create(previous).getPath() : previous);
      if (!Files.isDirectory(dir)) {
        throw new UsageException("--previous " + previous + ": no such directory");
      }
      if (!Files.isRegularFile(dir.resolve(AnalyzeJob.SUMMARY_FILE))) {
        throw new UsageException(
            "--previous "
                + previous
                + ": not the output of a finished run (no "
                + AnalyzeJob.SUMMARY_FILE
                + ")");
      }
    }
    return new AlertSettings(
        Optional.ofNullable(previous),
        Optional.ofNullable(failOn),
        new AlertThresholds(
            canonical(rateRise, AlertThresholds.DEFAULT_RATE_RISE),
            canonical(rateRiseCritical, AlertThresholds.DEFAULT_RATE_RISE_CRITICAL),
            alertMinRequests));
  }

  /**
   * The default itself when {@code value} equals it: the default's scale (0.10) is what outputs
   * show.
   */
  private static BigDecimal canonical(BigDecimal value, BigDecimal byDefault) {
    return value.compareTo(byDefault) == 0 ? byDefault : value;
  }

  /**
   * A share as a percentage ({@code 10%}, {@code 12.5%}) or a fraction ({@code 0.1}), above 0 and
   * at most 100%.
   */
  static BigDecimal fraction(String option, String text) throws UsageException {
    try {
      return new Converters.Share().convert(text);
    } catch (TypeConversionException e) {
      throw new UsageException(option + " " + e.getMessage());
    }
  }

  private static String percent(BigDecimal fraction) {
    return fraction.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
  }

  /** The credential key and where it came from, for the run summary: file, environment or none. */
  private record TokenKey(byte[] bytes, String source) {}

  /**
   * The key file wins over the environment; surrounding white space (a trailing newline) is not
   * key.
   */
  private TokenKey tokenKey(Map<String, String> environment) throws UsageException {
    if (tokenKeyFile != null) {
      return new TokenKey(readKey(tokenKeyFile), "file");
    }
    String fromEnvironment = environment.get(TOKEN_KEY_ENV);
    if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
      return new TokenKey(fromEnvironment.getBytes(StandardCharsets.UTF_8), "environment");
    }
    return new TokenKey(null, "none");
  }

  private static byte[] readKey(String file) throws UsageException {
    try {
      String key = Files.readString(Path.of(file)).strip();
      if (key.isEmpty()) {
        throw new UsageException("--token-key-file " + file + ": the file is empty");
      }
      return key.getBytes(StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new UsageException("--token-key-file " + file + ": no such file");
    } catch (IOException e) {
      throw new UsageException(
          "--token-key-file " + file + ": cannot be read (" + e.getClass().getSimpleName() + ")");
    }
  }

  /**
   * The defaults that live elsewhere ({@code ReportSettings}, {@code DayScope}), as option text.
   */
  static final class Defaults implements CommandLine.IDefaultValueProvider {
    private static final Map<String, String> BY_OPTION =
        Map.ofEntries(
            Map.entry("--window", Durations.format(ReportSettings.DEFAULT_WINDOW)),
            Map.entry("--timezone", "UTC"),
            Map.entry("--burst-gap", Durations.format(ReportSettings.DEFAULT_BURST_GAP)),
            Map.entry("--burst-min", Integer.toString(ReportSettings.DEFAULT_BURST_MIN)),
            Map.entry("--outage-gap", Durations.format(ReportSettings.DEFAULT_OUTAGE_GAP)),
            Map.entry("--outage-min", Integer.toString(ReportSettings.DEFAULT_OUTAGE_MIN)),
            Map.entry("--list-lag", Durations.format(ReportSettings.DEFAULT_LIST_LAG)),
            Map.entry("--lookback", Durations.format(DayScope.DEFAULT_LOOKBACK)),
            Map.entry("--lookahead", Durations.format(DayScope.DEFAULT_LOOKAHEAD)),
            Map.entry("--alert-rate-rise", percent(AlertThresholds.DEFAULT_RATE_RISE)),
            Map.entry(
                "--alert-rate-rise-critical", percent(AlertThresholds.DEFAULT_RATE_RISE_CRITICAL)),
            Map.entry("--alert-min-requests", Long.toString(AlertThresholds.DEFAULT_MIN_REQUESTS)));

    @Override
    public String defaultValue(ArgSpec spec) {
      return spec instanceof OptionSpec option ? BY_OPTION.get(option.longestName()) : null;
    }
  }

  /** The version Maven wrote into {@code traffic-analyzer-version.properties} at build time. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = "unknown";
      try (InputStream in =
          AnalyzeOptions.class.getResourceAsStream("/traffic-analyzer-version.properties")) {
        if (in != null) {
          Properties properties = new Properties();
          properties.load(in);
          version = properties.getProperty("version", version);
        }
      } catch (IOException e) {
        // "unknown" says enough: the version file is part of every build.
      }
      return new String[] {"traffic-analyzer " + version};
    }
  }

  /**
   * The validation of each option's value. A converter throws {@link TypeConversionException} with
   * the part of the message after the option's name, e.g. {@code "5x": not a duration (...)}.
   */
  static final class Converters {
    private Converters() {}

    static final class NonEmpty implements ITypeConverter<String> {
      @Override
      public String convert(String text) {
        if (text.isEmpty()) {
          throw new TypeConversionException("needs a value");
        }
        return text;
      }
    }

    static final class Tables implements ITypeConverter<TableSettings.Format> {
      @Override
      public TableSettings.Format convert(String text) {
        for (TableSettings.Format format : TableSettings.Format.values()) {
          if (format.label().equals(text)) {
            return format;
          }
        }
        throw new TypeConversionException("\"" + text + "\": one of parquet, iceberg, delta");
      }
    }

    /** An {@code http} or {@code https} URL with a host, such as a Pushgateway's. */
    static final class HttpUrl implements ITypeConverter<URI> {
      @Override
      public URI convert(String text) {
        URI uri;
        try {
          uri = new URI(text);
        } catch (URISyntaxException e) {
          throw new TypeConversionException("\"" + text + "\": not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
          throw new TypeConversionException(
              "\"" + text + "\": not an http:// or https:// URL with a host");
        }
        return uri;
      }
    }

    static final class PositiveDuration implements ITypeConverter<Duration> {
      @Override
      public Duration convert(String text) {
        try {
          return Durations.parse(text);
        } catch (IllegalArgumentException e) {
          throw new TypeConversionException(e.getMessage());
        }
      }
    }

    /** A look-back or look-ahead: {@code 0} turns it off. */
    static final class DurationOrZero implements ITypeConverter<Duration> {
      @Override
      public Duration convert(String text) {
        return text.equals("0") ? Duration.ZERO : new PositiveDuration().convert(text);
      }
    }

    static final class PositiveInt implements ITypeConverter<Integer> {
      @Override
      public Integer convert(String text) {
        int value;
        try {
          value = Integer.parseInt(text);
        } catch (NumberFormatException e) {
          throw new TypeConversionException("\"" + text + "\": not a whole number");
        }
        if (value < 1) {
          throw new TypeConversionException(text + ": must be at least 1");
        }
        return value;
      }
    }

    static final class Zone implements ITypeConverter<ZoneId> {
      @Override
      public ZoneId convert(String text) {
        try {
          return ZoneId.of(text);
        } catch (DateTimeException e) {
          throw new TypeConversionException(
              "\"" + text + "\": not a time zone (use e.g. UTC or Europe/Zurich)");
        }
      }
    }

    static final class Date implements ITypeConverter<LocalDate> {
      @Override
      public LocalDate convert(String text) {
        try {
          return LocalDate.parse(text);
        } catch (DateTimeException e) {
          throw new TypeConversionException("\"" + text + "\": not a date (use YYYY-MM-DD)");
        }
      }
    }

    static final class Format implements ITypeConverter<InputFormat> {
      @Override
      public InputFormat convert(String text) {
        return InputFormat.fromOption(text)
            .orElseThrow(() -> new TypeConversionException("\"" + text + "\": use jsonl or har"));
      }
    }

    static final class Level implements ITypeConverter<Severity> {
      @Override
      public Severity convert(String text) {
        return Severity.of(text)
            .orElseThrow(
                () -> new TypeConversionException("\"" + text + "\": use warning or critical"));
      }
    }

    /** A share: {@code 10%}, {@code 12.5%} or {@code 0.1}; above 0 and at most 100%. */
    static final class Share implements ITypeConverter<BigDecimal> {
      @Override
      public BigDecimal convert(String text) {
        boolean percent = text.endsWith("%");
        BigDecimal value;
        try {
          value = new BigDecimal(percent ? text.substring(0, text.length() - 1) : text);
        } catch (NumberFormatException e) {
          throw new TypeConversionException("\"" + text + "\": not a share (use e.g. 10% or 0.1)");
        }
        if (percent) {
          value = value.movePointLeft(2);
        }
        if (value.signum() <= 0 || value.compareTo(BigDecimal.ONE) > 0) {
          throw new TypeConversionException(
              text + ": must be above 0 and at most 100% (use e.g. 10% or 0.1)");
        }
        return value.stripTrailingZeros();
      }
    }

    static final class ReadableFile implements ITypeConverter<String> {
      @Override
      public String convert(String text) {
        if (text.isEmpty()
            || !Files.isReadable(Path.of(text))
            || Files.isDirectory(Path.of(text))) {
          throw new TypeConversionException(text + ": no such readable file");
        }
        return text;
      }
    }

    /** {@code spark.key=value}, as spark-submit's {@code --conf}: the value may hold {@code =}. */
    static final class SparkSetting implements ITypeConverter<Map.Entry<String, String>> {
      @Override
      public Map.Entry<String, String> convert(String text) {
        int eq = text.indexOf('=');
        if (eq < 1) {
          throw new TypeConversionException(
              "\"" + text + "\": not KEY=VALUE (e.g. spark.sql.shuffle.partitions=8)");
        }
        String key = text.substring(0, eq).strip();
        if (!key.startsWith("spark.")) {
          throw new TypeConversionException(
              "\""
                  + text
                  + "\": not a Spark setting (keys start with spark., as for spark-submit)");
        }
        return Map.entry(key, text.substring(eq + 1));
      }
    }
  }
}
