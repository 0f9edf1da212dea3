package com.hoteltraffic.cli;

import com.hoteltraffic.job.TableSettings;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;

/** Lets tests outside {@code cli} run the command line in process, exactly as jobs/analyze does. */
public final class AnalyzeMainAccess {
  private AnalyzeMainAccess() {}

  public static int run(String... args) {
    return AnalyzeMain.run(args);
  }

  /**
   * A session that reads the tables of {@code --tables FORMAT} runs in the embedded file catalog
   * under {@code warehouse}, configured as the command line configures its own.
   */
  public static SparkSession readerSession(String format, String warehouse) {
    TableSettings tables =
        new TableSettings(
            TableSettings.Format.valueOf(format.toUpperCase(java.util.Locale.ROOT)),
            Optional.of(warehouse),
            Optional.empty(),
            TableSettings.DEFAULT_NAMESPACE);
    return AnalyzeMain.session(
        Optional.of("local[1]"), AnalyzeMain.tableConf(tables), Map.of(), "tables reader");
  }
}
