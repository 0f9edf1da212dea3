package com.hoteltraffic.report;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.last;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.timestamp_micros;
import static org.apache.spark.sql.functions.unix_micros;
import static org.apache.spark.sql.functions.when;

import com.hoteltraffic.model.ErrorClass;
import com.hoteltraffic.model.ExchangeSchema;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * Database outages ({@code reports/db_outages.csv}, {@code tables/db_outages}) from CASY's 502
 * answers.
 *
 * <ul>
 *   <li>Scope {@value #SCOPE_TENANT}: {@code tenant_db_unavailable} of one provider and hotel.
 *   <li>Scope {@value #SCOPE_CENTRAL}: {@code central_db_unavailable} of one provider, whatever
 *       the hotel; {@link #HOTEL_ID} is null. A central outage is only ever reported once with
 *       this scope, never also as one tenant outage per hotel it hit: the two scopes are built
 *       from different error codes.
 * </ul>
 *
 * <p>Failures are joined while the gap between consecutive failures of one key is at most
 * {@code gap} (a gap exactly equal joins); a group is kept when it has at least {@code
 * minFailures}. {@link #START}/{@link #END}: first and last failure; {@link #FAILED_REQUESTS}:
 * their count; {@link #AFFECTED_TOKENS}/{@link #AFFECTED_HOTELS}: distinct credentials and hotels
 * among the failures (1 hotel for a tenant outage with a hotel); {@link #RECOVERED_AT}: the first
 * success (class {@code ok}) of the same provider and hotel — of any hotel for central — strictly
 * after {@code end}, null when the data holds none. A tenant failure that names no hotel is
 * grouped under a null hotel.
 */
public final class DbOutages {
  private DbOutages() {}

  public static final String PROVIDER = ExchangeSchema.PROVIDER;
  public static final String SCOPE = "scope";
  public static final String HOTEL_ID = ExchangeSchema.HOTEL_ID;
  public static final String START = "start";
  public static final String END = "end";
  public static final String FAILED_REQUESTS = "failed_requests";
  public static final String DURATION_S = "duration_s";
  public static final String AFFECTED_TOKENS = "affected_tokens";
  public static final String AFFECTED_HOTELS = "affected_hotels";
  public static final String RECOVERED_AT = "recovered_at";

  public static final String SCOPE_TENANT = "tenant";
  public static final String SCOPE_CENTRAL = "central";

  /** CASY error codes (seed 000), as {@code error_code} holds them. */
  public static final String TENANT_DB_UNAVAILABLE = "tenant_db_unavailable";

  public static final String CENTRAL_DB_UNAVAILABLE = "central_db_unavailable";

  /** Output columns in CSV order: the contract's required columns first. */
  public static final List<String> COLUMNS =
      List.of(
          PROVIDER,
          SCOPE,
          HOTEL_ID,
          START,
          END,
          FAILED_REQUESTS,
          DURATION_S,
          AFFECTED_TOKENS,
          AFFECTED_HOTELS,
          RECOVERED_AT);

  /** A stable row order: unique, since one key's outages never share a start. */
  public static final List<String> SORT = List.of(PROVIDER, SCOPE, HOTEL_ID, START);

  private static final long MICROS_PER_SECOND = 1_000_000L;
  private static final long MICROS_PER_MINUTE = 60 * MICROS_PER_SECOND;

  // Working columns.
  private static final String TS_US = "_ts_us";
  private static final String GROUP = "_group";
  private static final String START_US = "_start_us";
  private static final String END_US = "_end_us";
  private static final String MINUTE = "_minute";
  private static final String SUCCESS_US = "_success_us";
  private static final String SAME_MINUTE_US = "_same_minute_us";
  private static final String LATER_MINUTE_US = "_later_minute_us";
  private static final String IS_OUTAGE_END = "_is_outage_end";
  private static final String SUCCESS_SIDE = "_s_";
  private static final String RIGHT_SIDE = "_r_";
  private static final String OUTAGE_SIDE = "_o_";

  /**
   * Detects outages in classified exchanges (schema {@link ExchangeSchema#SCHEMA}).
   *
   * @param gap the largest gap between consecutive failures of one outage ({@code --outage-gap})
   * @param minFailures the fewest failures an outage needs to be reported ({@code --outage-min})
   * @return one row per outage with the columns {@link #COLUMNS}, unordered
   */
  public static Dataset<Row> detect(Dataset<Row> exchanges, Duration gap, int minFailures) {
    if (gap.isNegative()) {
      throw new IllegalArgumentException("outage gap must not be negative: " + gap);
    }
    long gapMicros = gap.toNanos() / 1_000L;
    Dataset<Row> events =
        exchanges.select(
            col(PROVIDER),
            col(HOTEL_ID),
            col(ExchangeSchema.TOKEN_ID),
            col(ExchangeSchema.ERROR_CODE),
            col(ExchangeSchema.ERROR_CLASS),
            unix_micros(col(ExchangeSchema.TS)).as(TS_US));
    Dataset<Row> successes =
        events.where(col(ExchangeSchema.ERROR_CLASS).equalTo(ErrorClass.OK));

    Dataset<Row> tenant =
        withRecovery(
            outages(
                events.where(col(ExchangeSchema.ERROR_CODE).equalTo(TENANT_DB_UNAVAILABLE)),
                List.of(PROVIDER, HOTEL_ID),
                gapMicros,
                minFailures),
            successes,
            List.of(PROVIDER, HOTEL_ID));
    Dataset<Row> central =
        withRecovery(
            outages(
                events.where(col(ExchangeSchema.ERROR_CODE).equalTo(CENTRAL_DB_UNAVAILABLE)),
                List.of(PROVIDER),
                gapMicros,
                minFailures),
            successes,
            List.of(PROVIDER));

    return tenant
        .select(output(SCOPE_TENANT, col(HOTEL_ID)))
        .unionByName(central.select(output(SCOPE_CENTRAL, lit(null).cast("string"))));
  }

  /** Groups one scope's failures per key (gaps and islands); only failures are sorted. */
  static Dataset<Row> outages(
      Dataset<Row> failures, List<String> keys, long gapMicros, int minFailures) {
    WindowSpec byKey = Window.partitionBy(columns(keys)).orderBy(TS_US);
    Column previous = lag(col(TS_US), 1).over(byKey);
    Column startsGroup = previous.isNull().or(col(TS_US).minus(previous).gt(gapMicros));
    List<Column> groupBy = new ArrayList<>(List.of(columns(keys)));
    groupBy.add(col(GROUP));
    return failures
        .withColumn(
            GROUP,
            sum(when(startsGroup, 1L).otherwise(0L))
                .over(byKey.rowsBetween(Window.unboundedPreceding(), 0)))
        .groupBy(groupBy.toArray(Column[]::new))
        .agg(
            min(TS_US).as(START_US),
            max(TS_US).as(END_US),
            count(lit(1)).as(FAILED_REQUESTS),
            countDistinct(col(ExchangeSchema.TOKEN_ID)).as(AFFECTED_TOKENS),
            countDistinct(col(HOTEL_ID)).as(AFFECTED_HOTELS))
        .where(col(FAILED_REQUESTS).geq(minFailures))
        .drop(GROUP);
  }

  /**
   * Adds {@link #RECOVERED_AT} in micros: the first success of the key strictly after the
   * outage's end.
   *
   * <p>Why in two parts: the successes of a key are all its healthy traffic (for central, all of
   * the provider's), too much to sort in one window partition or to range-join against every
   * outage. So successes are cut into minutes: the minute the outage ended in is searched by an
   * equi-join on (key, minute), which only ever touches one minute of traffic per outage; later
   * minutes are searched through the first success of each minute, at most 1,440 rows per key
   * and day, in a window ordered by minute.
   */
  static Dataset<Row> withRecovery(
      Dataset<Row> outages, Dataset<Row> successes, List<String> keys) {
    Column minuteOfEnd = floor(col(END_US).divide(MICROS_PER_MINUTE));
    Dataset<Row> ends = outages.select(keyAnd(keys, col(START_US), col(END_US)));

    // Only keys that had an outage can recover: a broadcast semi-join on the (few) outage keys
    // drops the healthy hotels' traffic before anything is grouped or joined.
    List<Column> outageKeys = new ArrayList<>();
    Column sameKey = lit(true);
    for (String key : keys) {
      outageKeys.add(col(key).as(OUTAGE_SIDE + key));
      sameKey = sameKey.and(col(key).eqNullSafe(col(OUTAGE_SIDE + key)));
    }
    Dataset<Row> recoverable =
        successes.join(broadcast(outages.select(outageKeys.toArray(Column[]::new)).distinct()), sameKey, "left_semi");

    Dataset<Row> successMinutes =
        recoverable.select(
            keyAnd(
                keys,
                col(TS_US).as(SUCCESS_US),
                floor(col(TS_US).divide(MICROS_PER_MINUTE)).as(MINUTE)));
    // The success side's key columns are renamed: both sides descend from the same exchanges,
    // and same-named columns of one lineage would make the join condition ambiguous.
    List<Column> renamedSuccess = new ArrayList<>();
    Column sameKeyAndMinute = lit(true);
    for (String key : keys) {
      renamedSuccess.add(col(key).as(SUCCESS_SIDE + key));
      sameKeyAndMinute = sameKeyAndMinute.and(col(key).eqNullSafe(col(SUCCESS_SIDE + key)));
    }
    renamedSuccess.add(col(SUCCESS_US));
    renamedSuccess.add(col(MINUTE));
    sameKeyAndMinute =
        sameKeyAndMinute
            .and(col(MINUTE).equalTo(minuteOfEnd))
            .and(col(SUCCESS_US).gt(col(END_US)));
    Dataset<Row> sameMinute =
        ends.join(successMinutes.select(renamedSuccess.toArray(Column[]::new)), sameKeyAndMinute)
            .groupBy(keyAnd(keys, col(START_US)))
            .agg(min(SUCCESS_US).as(SAME_MINUTE_US));

    // Ordered by minute descending, an outage end comes before the first success of its own
    // minute (handled above), so the last success seen before it is that of the next minute.
    Dataset<Row> minuteFirsts =
        successMinutes
            .groupBy(columns(keysAnd(keys, MINUTE)))
            .agg(min(SUCCESS_US).as(SUCCESS_US))
            .select(
                keyAnd(
                    keys,
                    col(MINUTE),
                    lit(null).cast("long").as(START_US),
                    col(SUCCESS_US),
                    lit(false).as(IS_OUTAGE_END)));
    Dataset<Row> endMarks =
        ends.select(
            keyAnd(
                keys,
                minuteOfEnd.as(MINUTE),
                col(START_US),
                lit(null).cast("long").as(SUCCESS_US),
                lit(true).as(IS_OUTAGE_END)));
    WindowSpec laterFirst =
        Window.partitionBy(columns(keys))
            .orderBy(col(MINUTE).desc(), col(IS_OUTAGE_END).desc())
            .rowsBetween(Window.unboundedPreceding(), -1);
    Dataset<Row> laterMinute =
        minuteFirsts
            .unionByName(endMarks)
            .withColumn(LATER_MINUTE_US, last(col(SUCCESS_US), true).over(laterFirst))
            .where(col(IS_OUTAGE_END))
            .select(keyAnd(keys, col(START_US), col(LATER_MINUTE_US)));

    Dataset<Row> withSame =
        joinOnKeyAndStart(outages, sameMinute, keys, SAME_MINUTE_US);
    Dataset<Row> withBoth = joinOnKeyAndStart(withSame, laterMinute, keys, LATER_MINUTE_US);
    return withBoth.withColumn(
        RECOVERED_AT, coalesce(col(SAME_MINUTE_US), col(LATER_MINUTE_US)));
  }

  /** Left join adding {@code column} from {@code right}, matched on the key (nulls equal) and start. */
  private static Dataset<Row> joinOnKeyAndStart(
      Dataset<Row> left, Dataset<Row> right, List<String> keys, String column) {
    List<String> matchOn = keysAnd(keys, START_US);
    List<Column> renamed = new ArrayList<>();
    Column match = lit(true);
    for (String name : matchOn) {
      renamed.add(col(name).as(RIGHT_SIDE + name));
      match = match.and(col(name).eqNullSafe(col(RIGHT_SIDE + name)));
    }
    renamed.add(col(column));
    Dataset<Row> joined = left.join(right.select(renamed.toArray(Column[]::new)), match, "left");
    return joined.drop(matchOn.stream().map(name -> RIGHT_SIDE + name).toArray(String[]::new));
  }

  private static Column[] output(String scope, Column hotelId) {
    return new Column[] {
      col(PROVIDER),
      lit(scope).as(SCOPE),
      hotelId.as(HOTEL_ID),
      timestamp_micros(col(START_US)).as(START),
      timestamp_micros(col(END_US)).as(END),
      col(FAILED_REQUESTS),
      col(END_US).minus(col(START_US)).divide((double) MICROS_PER_SECOND).as(DURATION_S),
      col(AFFECTED_TOKENS),
      col(AFFECTED_HOTELS),
      timestamp_micros(col(RECOVERED_AT)).as(RECOVERED_AT)
    };
  }

  private static Column[] columns(List<String> names) {
    return names.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
  }

  private static List<String> keysAnd(List<String> keys, String more) {
    List<String> all = new ArrayList<>(keys);
    all.add(more);
    return all;
  }

  private static Column[] keyAnd(List<String> keys, Column... more) {
    List<Column> all = new ArrayList<>(List.of(columns(keys)));
    all.addAll(List.of(more));
    return all.toArray(Column[]::new);
  }
}
