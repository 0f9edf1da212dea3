package com.hoteltraffic.report;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.last;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.struct;
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
  private static final String KEY_HOTEL = "_key_hotel";
  private static final String MINUTE = "_minute";
  private static final String IS_FAILURE = "_is_failure";
  private static final String FULL_RESOLUTION = "_full_resolution";
  private static final String NEXT_SUCCESS_US = "_next_success_us";
  private static final String LATER_FAILURE_US = "_later_failure_us";
  private static final String ENDS_OUTAGE = "_ends_outage";
  private static final String GROUP = "_group";
  private static final String START_US = "_start_us";
  private static final String END_US = "_end_us";
  private static final String RIGHT_SIDE = "_r_";

  /** What identifies one outage's key: provider, scope, and the hotel for a tenant outage. */
  private static final List<String> KEY = List.of(PROVIDER, SCOPE, KEY_HOTEL);

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
    Dataset<Row> failures = failures(exchanges);
    return outages(timeline(failures, recoveryCandidates(exchanges, failures), gapMicros), minFailures)
        .select(
            col(PROVIDER),
            col(SCOPE),
            col(KEY_HOTEL).as(HOTEL_ID),
            timestamp_micros(col(START_US)).as(START),
            timestamp_micros(col(END_US)).as(END),
            col(FAILED_REQUESTS),
            col(END_US).minus(col(START_US)).divide((double) MICROS_PER_SECOND).as(DURATION_S),
            col(AFFECTED_TOKENS),
            col(AFFECTED_HOTELS),
            timestamp_micros(col(RECOVERED_AT)).as(RECOVERED_AT));
  }

  /**
   * The failures of both scopes, keyed: a {@code tenant_db_unavailable} by its provider and hotel,
   * a {@code central_db_unavailable} by its provider alone ({@link #KEY_HOTEL} null).
   */
  static Dataset<Row> failures(Dataset<Row> exchanges) {
    Column code = col(ExchangeSchema.ERROR_CODE);
    Column tenant = code.equalTo(TENANT_DB_UNAVAILABLE);
    return exchanges
        .where(code.isin(TENANT_DB_UNAVAILABLE, CENTRAL_DB_UNAVAILABLE))
        .select(
            col(PROVIDER),
            when(tenant, lit(SCOPE_TENANT)).otherwise(lit(SCOPE_CENTRAL)).as(SCOPE),
            when(tenant, col(HOTEL_ID)).as(KEY_HOTEL),
            col(HOTEL_ID),
            col(ExchangeSchema.TOKEN_ID),
            unix_micros(col(ExchangeSchema.TS)).as(TS_US),
            lit(true).as(IS_FAILURE));
  }

  /**
   * The successes that can be a key's recovery, as few as give the exact answer: for each key
   * with failures, the first success of every minute, plus every success of a minute that also
   * holds one of the key's failures (there the first success after the failure may be any of
   * them).
   *
   * <p>Why not all successes: a central key is the provider, so its successes are all of the
   * provider's healthy traffic. Cut to one per minute they are at most 1,440 rows per key and day,
   * plus the successes of the (few) minutes that hold failures.
   */
  static Dataset<Row> recoveryCandidates(Dataset<Row> exchanges, Dataset<Row> failures) {
    Column tsUs = unix_micros(col(ExchangeSchema.TS));
    // Each success counts for its hotel's tenant key and for its provider's central key.
    Column keys =
        explode(
            array(
                struct(lit(SCOPE_TENANT).as(SCOPE), col(HOTEL_ID).as(KEY_HOTEL)),
                struct(lit(SCOPE_CENTRAL).as(SCOPE), lit(null).cast("string").as(KEY_HOTEL))));
    String keyStruct = "_key";
    Dataset<Row> keyedSuccesses =
        exchanges
            .where(col(ExchangeSchema.ERROR_CLASS).equalTo(ErrorClass.OK))
            .select(col(PROVIDER), keys.as(keyStruct), tsUs.as(TS_US))
            .select(
                col(PROVIDER),
                col(keyStruct).getField(SCOPE).as(SCOPE),
                col(keyStruct).getField(KEY_HOTEL).as(KEY_HOTEL),
                col(TS_US),
                floor(col(TS_US).divide(MICROS_PER_MINUTE)).as(MINUTE));

    // Keys and minutes with failures are few (a key's minutes are at most 1,440 a day): broadcast.
    Dataset<Row> failureMinutes =
        failures
            .select(
                rightSide(KEY, floor(col(TS_US).divide(MICROS_PER_MINUTE)).as(RIGHT_SIDE + MINUTE)))
            .distinct()
            .withColumn(FULL_RESOLUTION, lit(true));
    Dataset<Row> failureKeys = failures.select(rightSide(KEY)).distinct();

    Column sameKey = sameKey(KEY);
    Column sameKeyAndMinute = sameKey.and(col(MINUTE).equalTo(col(RIGHT_SIDE + MINUTE)));
    Column fullResolution = coalesce(col(FULL_RESOLUTION), lit(false));
    return keyedSuccesses
        .join(broadcast(failureKeys), sameKey, "left_semi")
        .join(broadcast(failureMinutes), sameKeyAndMinute, "left")
        .groupBy(col(PROVIDER), col(SCOPE), col(KEY_HOTEL), col(MINUTE), when(fullResolution, col(TS_US)))
        .agg(min(col(TS_US)).as(TS_US))
        .select(
            col(PROVIDER),
            col(SCOPE),
            col(KEY_HOTEL),
            lit(null).cast("string").as(HOTEL_ID),
            lit(null).cast("string").as(ExchangeSchema.TOKEN_ID),
            col(TS_US),
            lit(false).as(IS_FAILURE));
  }

  /**
   * Failures and recovery candidates of each key in one time order, newest first, each failure
   * with the time of the next success ({@link #NEXT_SUCCESS_US}) and {@link #GROUP}, which numbers
   * the key's outages from the newest.
   *
   * <p>Newest first so that both look-aheads are running frames (rows up to the previous one),
   * which Spark computes in one streaming pass. At equal times a failure sorts before successes,
   * so a success at the very instant of a failure is not after it.
   */
  static Dataset<Row> timeline(Dataset<Row> failures, Dataset<Row> candidates, long gapMicros) {
    WindowSpec newestFirst =
        Window.partitionBy(columns(KEY)).orderBy(col(TS_US).desc(), col(IS_FAILURE).desc());
    WindowSpec before = newestFirst.rowsBetween(Window.unboundedPreceding(), -1);
    WindowSpec upToHere = newestFirst.rowsBetween(Window.unboundedPreceding(), 0);
    return failures
        .unionByName(candidates)
        .withColumn(NEXT_SUCCESS_US, last(when(not(col(IS_FAILURE)), col(TS_US)), true).over(before))
        .withColumn(LATER_FAILURE_US, last(when(col(IS_FAILURE), col(TS_US)), true).over(before))
        .withColumn(
            ENDS_OUTAGE,
            col(IS_FAILURE)
                .and(col(LATER_FAILURE_US).isNull().or(col(LATER_FAILURE_US).minus(col(TS_US)).gt(gapMicros))))
        .withColumn(GROUP, sum(when(col(ENDS_OUTAGE), 1L).otherwise(0L)).over(upToHere))
        .where(col(IS_FAILURE));
  }

  /**
   * One row per outage of at least {@code minFailures} failures: the key, its bounds in micros,
   * the counts, and {@link #RECOVERED_AT} in micros (the next success after its newest failure).
   */
  static Dataset<Row> outages(Dataset<Row> timelined, int minFailures) {
    return timelined
        .groupBy(col(PROVIDER), col(SCOPE), col(KEY_HOTEL), col(GROUP))
        .agg(
            min(TS_US).as(START_US),
            max(TS_US).as(END_US),
            count(lit(1)).as(FAILED_REQUESTS),
            countDistinct(col(ExchangeSchema.TOKEN_ID)).as(AFFECTED_TOKENS),
            countDistinct(col(HOTEL_ID)).as(AFFECTED_HOTELS),
            // Only the newest failure ends its outage; its next success is the recovery.
            max(when(col(ENDS_OUTAGE), col(NEXT_SUCCESS_US))).as(RECOVERED_AT))
        .where(col(FAILED_REQUESTS).geq(minFailures))
        .drop(GROUP);
  }

  /** Null-safe equality of each key column with its {@link #RIGHT_SIDE} copy. */
  private static Column sameKey(List<String> keys) {
    Column same = lit(true);
    for (String key : keys) {
      same = same.and(col(key).eqNullSafe(col(RIGHT_SIDE + key)));
    }
    return same;
  }

  /**
   * The key columns renamed for the right side of a join: both sides descend from the same
   * exchanges, and same-named columns of one lineage would make the join condition ambiguous.
   */
  private static Column[] rightSide(List<String> keys, Column... more) {
    List<Column> all = new ArrayList<>();
    for (String key : keys) {
      all.add(col(key).as(RIGHT_SIDE + key));
    }
    all.addAll(List.of(more));
    return all.toArray(Column[]::new);
  }

  private static Column[] columns(List<String> names) {
    return names.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
  }
}
