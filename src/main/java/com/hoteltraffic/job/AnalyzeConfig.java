package com.hoteltraffic.job;

import com.hoteltraffic.ingest.InputFormat;
import com.hoteltraffic.report.alert.AlertSettings;
import com.hoteltraffic.report.engine.DayScope;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything one run needs, validated: built by {@link AnalyzeOptions} from the command line and
 * passed to the job. Immutable.
 *
 * @param inputs files, directories or globs on any Hadoop file system
 * @param output the output directory, replaced whole by a successful run
 * @param format forces the input format instead of choosing it from file names
 * @param window size of the error-rate windows
 * @param zone time zone for windows and day boundaries
 * @param tokenKey the HMAC key for credential pseudonyms, or null for plain SHA-256
 * @param tokenKeySource where the key came from, for the run summary: file, environment or none
 * @param providersFile provider host/path rules replacing the built-in ones, if given
 * @param master Spark master URL; empty means embedded {@code local[*]} unless spark-submit set one
 * @param strict a corrupt input file fails the run (exit 3) instead of only being reported
 * @param day for a scheduled daily run ({@code --date}): the day, its look-back and look-ahead; the
 *     results then go to {@code output/date=YYYY-MM-DD}
 * @param listLag how long after an attempt a booking list proves the booking absent
 * @param alerts the previous run to compare with, {@code --fail-on} and the alert thresholds
 * @param sparkConf Spark settings ({@code --conf}) for the session an embedded run builds, in order
 * @param csvBom each CSV starts with a UTF-8 byte-order mark
 * @param signals where the run's metrics and alerts go besides its output (none by default)
 * @param tables the lakehouse tables the run also commits (none by default)
 */
public record AnalyzeConfig(
    List<String> inputs,
    String output,
    Optional<InputFormat> format,
    Duration window,
    ZoneId zone,
    Duration burstGap,
    int burstMin,
    Duration outageGap,
    int outageMin,
    byte[] tokenKey,
    String tokenKeySource,
    Optional<String> providersFile,
    Optional<String> master,
    boolean includePii,
    boolean verbose,
    boolean strict,
    Optional<DayScope> day,
    Duration listLag,
    AlertSettings alerts,
    Map<String, String> sparkConf,
    boolean csvBom,
    SignalSettings signals,
    TableSettings tables) {

  public AnalyzeConfig {
    inputs = List.copyOf(inputs);
    sparkConf = Collections.unmodifiableMap(new LinkedHashMap<>(sparkConf));
    tokenKey = tokenKey == null ? null : tokenKey.clone();
  }

  @Override
  public byte[] tokenKey() {
    return tokenKey == null ? null : tokenKey.clone();
  }

  /**
   * Where this run's results go: the output directory, or its {@code date=YYYY-MM-DD} folder for a
   * daily run, so that rerunning a day replaces that day only.
   */
  public String runOutput() {
    if (day.isEmpty()) {
      return output;
    }
    return (output.endsWith("/") ? output : output + "/") + day.get().partitionName();
  }

  /** Never prints the key. */
  @Override
  public String toString() {
    return "AnalyzeConfig[inputs="
        + inputs
        + ", output="
        + output
        + ", format="
        + format
        + ", window="
        + window
        + ", zone="
        + zone
        + ", burstGap="
        + burstGap
        + ", burstMin="
        + burstMin
        + ", outageGap="
        + outageGap
        + ", outageMin="
        + outageMin
        + ", tokenKey="
        + tokenKeySource
        + ", providersFile="
        + providersFile
        + ", master="
        + master
        + ", includePii="
        + includePii
        + ", verbose="
        + verbose
        + ", strict="
        + strict
        + ", day="
        + day
        + ", listLag="
        + listLag
        + ", alerts="
        + alerts
        + ", sparkConf="
        + sparkConf.keySet()
        + ", csvBom="
        + csvBom
        + ", signals="
        + signals
        + ", tables="
        + tables
        + "]";
  }
}
