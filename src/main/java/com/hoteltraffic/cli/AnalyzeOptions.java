package com.hoteltraffic.cli;

import com.hoteltraffic.report.alert.AlertSettings;
import com.hoteltraffic.report.alert.AlertThresholds;
import com.hoteltraffic.report.alert.Severity;
import com.hoteltraffic.job.AnalyzeConfig;
import com.hoteltraffic.job.AnalyzeJob;
import com.hoteltraffic.ingest.InputFormat;
import com.hoteltraffic.report.DayScope;
import com.hoteltraffic.report.ReportSettings;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The command line of {@code jobs/analyze}: parses and validates it into an {@link AnalyzeConfig},
 * or fails with a {@link UsageException} whose one-line message names the option at fault.
 */
public final class AnalyzeOptions {
  public static final String USAGE =
      String.join(
          "\n",
          "Usage: jobs/analyze --input PATH [PATH ...] --output DIR [options]",
          "",
          "  --input PATH...        files, directories (read recursively) or globs; repeatable",
          "  --output DIR           where reports/, tables/, quarantine/, run_summary.json and report.html go",
          "  --format jsonl|har     read every input in this format instead of choosing by file name",
          "  --window 1h            error-rate window size (ms, s, m, h, d)",
          "  --timezone UTC         time zone of windows and day boundaries (e.g. Europe/Zurich)",
          "  --burst-gap 60s        rate-limit rejections closer than this form one burst",
          "  --burst-min 5          rejections needed for a burst",
          "  --outage-gap 5m        database failures closer than this form one outage",
          "  --outage-min 3         failures needed for an outage",
          "  --list-lag 90s         a booking list proves a booking absent only this long after the attempt ended",
          "  --token-key-file FILE  HMAC key for credential pseudonyms (else $TRAFFIC_TOKEN_KEY)",
          "  --providers FILE       provider host/path rules replacing the built-in providers.json",
          "  --include-pii          keep booking holder names in reports (never card data)",
          "  --date YYYY-MM-DD      daily run: analyse that day (in --timezone) into DIR/date=YYYY-MM-DD/",
          "  --lookback 6h          daily run: also read this long before the day, for incidents begun earlier",
          "  --lookahead 24h        daily run: also read this long after the day, for booking evidence",
          "  --master URL           Spark master; default embedded local[*]",
          "  --verbose              show Spark's own INFO logging",
          "  --strict               exit 3 when an input file is corrupt (results are still written)",
          "  --previous DIR         a previous run's output to compare alerts with (daily run: the previous day's)",
          "  --fail-on LEVEL        exit 4 when alerts of this severity or above exist: warning or critical",
          "  --alert-rate-rise 10%  a hotel's or credential's error-rate rise over the run, in points, that warns",
          "  --alert-rate-rise-critical 50%",
          "                         the rise that is critical",
          "  --alert-min-requests 50",
          "                         requests a hotel or credential needs in both runs before rates are compared",
          "  --help                 this text");

  static final String TOKEN_KEY_ENV = "TRAFFIC_TOKEN_KEY";

  private AnalyzeOptions() {}

  /** Thrown for {@code --help}: not an error, the caller prints {@link #USAGE} and exits 0. */
  public static final class HelpRequested extends Exception {
    HelpRequested() {
      super("help");
    }
  }

  public static AnalyzeConfig parse(String[] args, Map<String, String> environment)
      throws UsageException, HelpRequested {
    List<String> inputs = new ArrayList<>();
    String output = null;
    Optional<InputFormat> format = Optional.empty();
    Duration window = ReportSettings.DEFAULT_WINDOW;
    ZoneId zone = ZoneId.of("UTC");
    Duration burstGap = ReportSettings.DEFAULT_BURST_GAP;
    int burstMin = ReportSettings.DEFAULT_BURST_MIN;
    Duration outageGap = ReportSettings.DEFAULT_OUTAGE_GAP;
    int outageMin = ReportSettings.DEFAULT_OUTAGE_MIN;
    Duration listLag = ReportSettings.DEFAULT_LIST_LAG;
    String tokenKeyFile = null;
    Optional<String> providers = Optional.empty();
    Optional<String> master = Optional.empty();
    boolean includePii = false;
    boolean verbose = false;
    boolean strict = false;
    LocalDate date = null;
    Duration lookback = DayScope.DEFAULT_LOOKBACK;
    Duration lookahead = DayScope.DEFAULT_LOOKAHEAD;
    boolean dayWindowGiven = false;
    Optional<String> previous = Optional.empty();
    Optional<Severity> failOn = Optional.empty();
    BigDecimal rateRise = AlertThresholds.DEFAULT_RATE_RISE;
    BigDecimal rateRiseCritical = AlertThresholds.DEFAULT_RATE_RISE_CRITICAL;
    long alertMinRequests = AlertThresholds.DEFAULT_MIN_REQUESTS;

    String[] words = splitInlineValues(args);
    for (int i = 0; i < words.length; i++) {
      String arg = words[i];
      switch (arg) {
        case "--help", "-h" -> throw new HelpRequested();
        case "--input" -> {
          int before = inputs.size();
          // Paths run to the next option; "-h" ends them too (a file named -h can be given as ./-h).
          while (i + 1 < words.length && !words[i + 1].startsWith("--") && !words[i + 1].equals("-h")) {
            // "--input=" arrives as an empty word; as a path it would silently mean the working directory.
            if (words[i + 1].isEmpty()) {
              throw new UsageException("--input needs a path, got an empty one");
            }
            inputs.add(words[++i]);
          }
          if (inputs.size() == before) {
            throw new UsageException("--input needs at least one path");
          }
        }
        case "--output" -> output = value(words, ++i, arg);
        case "--format" -> {
          String text = value(words, ++i, arg);
          format = Optional.of(InputFormat.fromOption(text)
              .orElseThrow(() -> new UsageException("--format \"" + text + "\": use jsonl or har")));
        }
        case "--window" -> window = Durations.parse(arg, value(words, ++i, arg));
        case "--timezone" -> zone = zone(value(words, ++i, arg));
        case "--burst-gap" -> burstGap = Durations.parse(arg, value(words, ++i, arg));
        case "--burst-min" -> burstMin = positive(arg, value(words, ++i, arg));
        case "--outage-gap" -> outageGap = Durations.parse(arg, value(words, ++i, arg));
        case "--list-lag" -> listLag = Durations.parse(arg, value(words, ++i, arg));
        case "--outage-min" -> outageMin = positive(arg, value(words, ++i, arg));
        case "--token-key-file" -> tokenKeyFile = value(words, ++i, arg);
        case "--providers" -> providers = Optional.of(value(words, ++i, arg));
        case "--master" -> master = Optional.of(value(words, ++i, arg));
        case "--include-pii" -> includePii = true;
        case "--verbose" -> verbose = true;
        case "--strict" -> strict = true;
        case "--date" -> date = date(value(words, ++i, arg));
        case "--lookback" -> {
          lookback = durationOrZero(arg, value(words, ++i, arg));
          dayWindowGiven = true;
        }
        case "--lookahead" -> {
          lookahead = durationOrZero(arg, value(words, ++i, arg));
          dayWindowGiven = true;
        }
        case "--previous" -> previous = Optional.of(value(words, ++i, arg));
        case "--fail-on" -> failOn = Optional.of(severity(arg, value(words, ++i, arg)));
        case "--alert-rate-rise" -> rateRise = fraction(arg, value(words, ++i, arg));
        case "--alert-rate-rise-critical" -> rateRiseCritical = fraction(arg, value(words, ++i, arg));
        case "--alert-min-requests" -> alertMinRequests = positive(arg, value(words, ++i, arg));
        default -> throw new UsageException(
            arg.startsWith("-")
                ? "unknown option " + arg + " (see --help)"
                : "unexpected argument \"" + arg + "\" (see --help)");
      }
    }
    if (inputs.isEmpty()) {
      throw new UsageException("--input is required");
    }
    if (output == null) {
      throw new UsageException("--output is required");
    }
    if (dayWindowGiven && date == null) {
      throw new UsageException("--lookback and --lookahead need --date");
    }
    checkLocalPaths(inputs, output);
    AlertSettings alerts = alerts(previous, failOn, rateRise, rateRiseCritical, alertMinRequests);
    byte[] key = null;
    String keySource = "none";
    if (tokenKeyFile != null) {
      key = readKey(tokenKeyFile);
      keySource = "file";
    } else if (environment.get(TOKEN_KEY_ENV) != null && !environment.get(TOKEN_KEY_ENV).isEmpty()) {
      key = environment.get(TOKEN_KEY_ENV).getBytes(java.nio.charset.StandardCharsets.UTF_8);
      keySource = "environment";
    }
    if (providers.isPresent() && !Files.isReadable(Path.of(providers.get()))) {
      throw new UsageException("--providers " + providers.get() + ": no such readable file");
    }
    return new AnalyzeConfig(
        inputs, output, format, window, zone, burstGap, burstMin, outageGap, outageMin, key, keySource,
        providers, master, includePii, verbose, strict,
        date == null ? Optional.empty() : Optional.of(new DayScope(date, zone, lookback, lookahead)), listLag,
        alerts);
  }

  /**
   * Catches the common mistakes before Spark starts: a local input that does not exist, an output
   * that is a file. Paths with a scheme (hdfs://, s3a://) and globs are checked by the job itself.
   */
  private static void checkLocalPaths(List<String> inputs, String output) throws UsageException {
    for (String input : inputs) {
      if (isLocal(input) && !input.matches(".*[*?\\[{].*")) {
        Path path = Path.of(input.startsWith("file:") ? input.substring(5) : input);
        if (!Files.exists(path)) {
          throw new UsageException("--input " + input + ": no such file or directory");
        }
        if (!Files.isReadable(path)) {
          throw new UsageException("--input " + input + ": not readable");
        }
      }
    }
    if (isLocal(output) && Files.isRegularFile(Path.of(output.startsWith("file:") ? output.substring(5) : output))) {
      throw new UsageException("--output " + output + ": is a file, not a directory");
    }
  }

  /**
   * The alert options, checked: the thresholds in order, and a local {@code --previous} that is a
   * finished run's output (its summary); other file systems are checked by the job.
   */
  private static AlertSettings alerts(Optional<String> previous, Optional<Severity> failOn, BigDecimal rateRise,
      BigDecimal rateRiseCritical, long minRequests) throws UsageException {
    if (rateRiseCritical.compareTo(rateRise) < 0) {
      throw new UsageException("--alert-rate-rise-critical " + percent(rateRiseCritical)
          + ": must be at least --alert-rate-rise (" + percent(rateRise) + ")");
    }
    if (previous.isPresent() && isLocal(previous.get())) {
      Path dir = Path.of(previous.get().startsWith("file:") ? java.net.URI.create(previous.get()).getPath()
          : previous.get());
      if (!Files.isDirectory(dir)) {
        throw new UsageException("--previous " + previous.get() + ": no such directory");
      }
      if (!Files.isRegularFile(dir.resolve(AnalyzeJob.SUMMARY_FILE))) {
        throw new UsageException("--previous " + previous.get() + ": not the output of a finished run (no "
            + AnalyzeJob.SUMMARY_FILE + ")");
      }
    }
    return new AlertSettings(previous, failOn, new AlertThresholds(rateRise, rateRiseCritical, minRequests));
  }

  private static Severity severity(String option, String text) throws UsageException {
    return Severity.of(text).orElseThrow(() -> new UsageException(option + " \"" + text
        + "\": use warning or critical"));
  }

  /**
   * A share as a percentage ({@code 10%}, {@code 12.5%}) or a fraction ({@code 0.1}), above 0 and
   * at most 100%.
   */
  static BigDecimal fraction(String option, String text) throws UsageException {
    boolean percent = text.endsWith("%");
    BigDecimal value;
    try {
      value = new BigDecimal(percent ? text.substring(0, text.length() - 1) : text);
    } catch (NumberFormatException e) {
      throw new UsageException(option + " \"" + text + "\": not a share (use e.g. 10% or 0.1)");
    }
    if (percent) {
      value = value.movePointLeft(2);
    }
    if (value.signum() <= 0 || value.compareTo(BigDecimal.ONE) > 0) {
      throw new UsageException(option + " " + text + ": must be above 0 and at most 100% (use e.g. 10% or 0.1)");
    }
    return value.stripTrailingZeros();
  }

  private static String percent(BigDecimal fraction) {
    return fraction.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
  }

  private static boolean isLocal(String path) {
    return !path.contains("://") || path.startsWith("file://");
  }

  /** {@code --window=2h} is read as {@code --window 2h}. */
  private static String[] splitInlineValues(String[] args) {
    List<String> words = new ArrayList<>();
    for (String arg : args) {
      int eq = arg.indexOf('=');
      if (arg.startsWith("--") && eq > 2) {
        words.add(arg.substring(0, eq));
        words.add(arg.substring(eq + 1));
      } else {
        words.add(arg);
      }
    }
    return words.toArray(new String[0]);
  }

  private static String value(String[] words, int index, String option) throws UsageException {
    if (index >= words.length || words[index].startsWith("--") || words[index].isEmpty()) {
      throw new UsageException(option + " needs a value");
    }
    return words[index];
  }

  private static int positive(String option, String text) throws UsageException {
    try {
      int value = Integer.parseInt(text);
      if (value < 1) {
        throw new UsageException(option + " " + text + ": must be at least 1");
      }
      return value;
    } catch (NumberFormatException e) {
      throw new UsageException(option + " \"" + text + "\": not a whole number");
    }
  }

  private static ZoneId zone(String text) throws UsageException {
    try {
      return ZoneId.of(text);
    } catch (DateTimeException e) {
      throw new UsageException("--timezone \"" + text + "\": not a time zone (use e.g. UTC or Europe/Zurich)");
    }
  }

  /** A look-back or look-ahead: {@code 0} turns it off. */
  private static Duration durationOrZero(String option, String text) throws UsageException {
    return text.equals("0") ? Duration.ZERO : Durations.parse(option, text);
  }

  private static LocalDate date(String text) throws UsageException {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new UsageException("--date \"" + text + "\": not a date (use YYYY-MM-DD)");
    }
  }

  /** Reads the key file; surrounding white space (a trailing newline) is not part of the key. */
  private static byte[] readKey(String file) throws UsageException {
    try {
      String key = Files.readString(Path.of(file)).strip();
      if (key.isEmpty()) {
        throw new UsageException("--token-key-file " + file + ": the file is empty");
      }
      return key.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new UsageException("--token-key-file " + file + ": no such file");
    } catch (IOException e) {
      throw new UsageException("--token-key-file " + file + ": cannot be read (" + e.getClass().getSimpleName() + ")");
    }
  }
}
