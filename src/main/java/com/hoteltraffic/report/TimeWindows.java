package com.hoteltraffic.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.from_utc_timestamp;
import static org.apache.spark.sql.functions.to_utc_timestamp;

import com.hoteltraffic.model.ExchangeSchema;
import java.time.Duration;
import java.time.ZoneId;
import org.apache.spark.sql.Column;

/**
 * Tumbling windows over {@code ts}, aligned on the wall clock of the configured time zone: with
 * {@code --window 1d --timezone Europe/Zurich} a window runs from local midnight to local
 * midnight. Spark's {@code window()} aligns on UTC, so the timestamp is moved to local wall-clock
 * time, windowed, and the bounds moved back.
 */
final class TimeWindows {
  static final String WINDOW_START = "window_start";
  static final String WINDOW_END = "window_end";

  private TimeWindows() {}

  /** Column holding the window struct; take {@link #start} and {@link #end} from it. */
  static Column window(Duration size, ZoneId zone) {
    Column local = from_utc_timestamp(col(ExchangeSchema.TS), zone.getId());
    // Microseconds, Spark's timestamp precision: whole seconds would turn 500ms into 0 and 1500ms into 1s.
    return org.apache.spark.sql.functions.window(local, size.toNanos() / 1000 + " microseconds");
  }

  static Column start(Column window, ZoneId zone) {
    return to_utc_timestamp(window.getField("start"), zone.getId());
  }

  static Column end(Column window, ZoneId zone) {
    return to_utc_timestamp(window.getField("end"), zone.getId());
  }
}
