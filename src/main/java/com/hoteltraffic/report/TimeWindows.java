package com.hoteltraffic.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.from_utc_timestamp;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.timestamp_micros;
import static org.apache.spark.sql.functions.to_utc_timestamp;
import static org.apache.spark.sql.functions.unix_micros;

import com.hoteltraffic.model.ExchangeSchema;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.apache.spark.sql.Column;

/**
 * Tumbling windows over {@code ts}, aligned on the wall clock of the configured time zone: with
 * {@code --window 1d --timezone Europe/Zurich} a window runs from local midnight to local
 * midnight. A window is identified by its local start in microseconds (a plain long, so grouping
 * by window hashes and compares a number, not a struct); its bounds are moved back to UTC only
 * on the aggregated rows.
 */
final class TimeWindows {
  static final String WINDOW_START = "window_start";
  static final String WINDOW_END = "window_end";

  private TimeWindows() {}

  /** The local start of the row's window, in microseconds of the zone's wall clock. */
  static Column key(Duration size, ZoneId zone) {
    Column local = isUtc(zone) ? col(ExchangeSchema.TS) : from_utc_timestamp(col(ExchangeSchema.TS), zone.getId());
    // Microseconds, Spark's timestamp precision: whole seconds would turn 500ms into 0 and 1500ms into 1s.
    Column micros = unix_micros(local);
    return micros.minus(pmod(micros, lit(sizeMicros(size))));
  }

  static Column start(Column key, ZoneId zone) {
    return utc(timestamp_micros(key), zone);
  }

  static Column end(Column key, Duration size, ZoneId zone) {
    return utc(timestamp_micros(key.plus(sizeMicros(size))), zone);
  }

  private static Column utc(Column local, ZoneId zone) {
    return isUtc(zone) ? local : to_utc_timestamp(local, zone.getId());
  }

  private static boolean isUtc(ZoneId zone) {
    return zone.normalized().equals(ZoneOffset.UTC);
  }

  private static long sizeMicros(Duration size) {
    return size.toNanos() / 1000;
  }
}
