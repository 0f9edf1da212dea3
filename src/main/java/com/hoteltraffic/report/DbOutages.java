package com.hoteltraffic.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.unix_micros;

import com.hoteltraffic.model.ErrorClass;
import com.hoteltraffic.model.ExchangeSchema;
import com.hoteltraffic.report.OutageRule.Failure;
import com.hoteltraffic.report.OutageRule.Outage;
import java.io.Serializable;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.util.DateTimeUtils;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import scala.Tuple2;

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
 *
 * <p>The rule itself is {@link OutageRule}, plain Java per key; this class only gathers each key's
 * failures and successes from a Spark table and turns its outages into rows.
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

  /** The output schema: the types (and nullability) the former SQL plan produced. */
  public static final StructType SCHEMA =
      new StructType(
          new StructField[] {
            field(PROVIDER, DataTypes.StringType, true),
            field(SCOPE, DataTypes.StringType, false),
            field(HOTEL_ID, DataTypes.StringType, true),
            field(START, DataTypes.TimestampType, true),
            field(END, DataTypes.TimestampType, true),
            field(FAILED_REQUESTS, DataTypes.LongType, false),
            field(DURATION_S, DataTypes.DoubleType, true),
            field(AFFECTED_TOKENS, DataTypes.LongType, false),
            field(AFFECTED_HOTELS, DataTypes.LongType, false),
            field(RECOVERED_AT, DataTypes.TimestampType, true)
          });

  private static final long MICROS_PER_MINUTE = 60_000_000L;

  // The few exchange columns the rule reads, in this order.
  private static final String TS_US = "_ts_us";
  private static final int I_PROVIDER = 0;
  private static final int I_HOTEL = 1;
  private static final int I_TOKEN = 2;
  private static final int I_CODE = 3;
  private static final int I_CLASS = 4;
  private static final int I_TS_US = 5;

  /** One outage series: provider, scope, and the hotel of a tenant key (null for central). */
  record Key(String provider, String scope, String hotelId) implements Serializable {}

  /**
   * Where a success is reduced to: one per key and minute ({@code exactMicros} null), or itself in
   * a minute that holds one of the key's failures.
   */
  record SuccessSlot(Key key, long minute, Long exactMicros) implements Serializable {}

  /**
   * Detects outages in classified exchanges (schema {@link ExchangeSchema#SCHEMA}).
   *
   * <p>Runs one small job at once, to learn the keys and minutes that hold failures; the result
   * is computed when used. An exchange without a time is skipped (ingest always sets one).
   *
   * @param gap the largest gap between consecutive failures of one outage ({@code --outage-gap})
   * @param minFailures the fewest failures an outage needs to be reported ({@code --outage-min})
   * @return one row per outage with the columns {@link #COLUMNS} and schema {@link #SCHEMA},
   *     unordered
   */
  public static Dataset<Row> detect(Dataset<Row> exchanges, Duration gap, int minFailures) {
    OutageRule.gapMicros(gap); // a negative gap fails here, not later inside a task
    SparkSession spark = exchanges.sparkSession();
    JavaRDD<Row> slim =
        exchanges
            .select(
                col(PROVIDER),
                col(HOTEL_ID),
                col(ExchangeSchema.TOKEN_ID),
                col(ExchangeSchema.ERROR_CODE),
                col(ExchangeSchema.ERROR_CLASS),
                unix_micros(col(ExchangeSchema.TS)).as(TS_US))
            .javaRDD();
    JavaPairRDD<Key, Failure> failures = slim.flatMapToPair(DbOutages::keyedFailure);
    Broadcast<Map<Key, Set<Long>>> failureMinutes =
        JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(failureMinutes(failures));
    JavaPairRDD<Key, Long> successes =
        slim.flatMapToPair(row -> successSlots(row, failureMinutes.value()))
            .reduceByKey(Math::min)
            .mapToPair(slot -> new Tuple2<>(slot._1().key(), slot._2()));
    JavaRDD<Row> rows =
        failures
            .cogroup(successes)
            .flatMap(
                keyed -> outageRows(keyed._1(), keyed._2()._1(), keyed._2()._2(), gap, minFailures));
    return spark.createDataFrame(rows, SCHEMA);
  }

  /** One outage as a row of {@link #SCHEMA}. */
  public static Row toRow(Outage o) {
    return RowFactory.create(
        o.provider(),
        o.scope(),
        o.hotelId(),
        timestamp(o.startMicros()),
        timestamp(o.endMicros()),
        o.failedRequests(),
        o.durationS(),
        o.affectedTokens(),
        o.affectedHotels(),
        o.recoveredAtMicros() == null ? null : timestamp(o.recoveredAtMicros()));
  }

  /**
   * The exchange as a failure of its key, if it is a database failure: a {@code
   * tenant_db_unavailable} is keyed by its provider and hotel, a {@code central_db_unavailable} by
   * its provider alone.
   */
  private static Iterator<Tuple2<Key, Failure>> keyedFailure(Row row) {
    String scope = OutageRule.scopeOf(row.getString(I_CODE));
    if (scope == null || row.isNullAt(I_TS_US)) {
      return Collections.emptyIterator();
    }
    String hotel = row.getString(I_HOTEL);
    Key key = new Key(row.getString(I_PROVIDER), scope, SCOPE_TENANT.equals(scope) ? hotel : null);
    Failure failure = new Failure(row.getLong(I_TS_US), row.getString(I_TOKEN), hotel);
    return List.of(new Tuple2<>(key, failure)).iterator();
  }

  /** The minutes that hold failures, per key: collected, as keys and their minutes are few. */
  private static Map<Key, Set<Long>> failureMinutes(JavaPairRDD<Key, Failure> failures) {
    Map<Key, Set<Long>> minutes = new HashMap<>();
    failures
        .mapToPair(kf -> new Tuple2<>(kf._1(), minute(kf._2().tsMicros())))
        .distinct()
        .collect()
        .forEach(km -> minutes.computeIfAbsent(km._1(), k -> new HashSet<>()).add(km._2()));
    return minutes;
  }

  /**
   * The success (class {@code ok}) as a candidate recovery of the keys with failures it can end:
   * its provider's tenant key of its hotel (a null hotel ends the null-hotel key), and its
   * provider's central key.
   *
   * <p>Why slots rather than every success: a central key's successes are all of its provider's
   * healthy traffic. The first success of each minute is enough, except in a minute that holds
   * one of the key's failures, where the first success after that failure may be any of them; so
   * a key keeps at most 1,440 successes a day plus those of its failure minutes.
   */
  private static Iterator<Tuple2<SuccessSlot, Long>> successSlots(
      Row row, Map<Key, Set<Long>> failureMinutes) {
    if (!ErrorClass.OK.equals(row.getString(I_CLASS)) || row.isNullAt(I_TS_US)) {
      return Collections.emptyIterator();
    }
    long ts = row.getLong(I_TS_US);
    long minute = minute(ts);
    String provider = row.getString(I_PROVIDER);
    List<Tuple2<SuccessSlot, Long>> slots = new ArrayList<>(2);
    for (Key key :
        List.of(
            new Key(provider, SCOPE_TENANT, row.getString(I_HOTEL)),
            new Key(provider, SCOPE_CENTRAL, null))) {
      Set<Long> minutes = failureMinutes.get(key);
      if (minutes != null) {
        Long exact = minutes.contains(minute) ? ts : null;
        slots.add(new Tuple2<>(new SuccessSlot(key, minute, exact), ts));
      }
    }
    return slots.iterator();
  }

  /** Runs the rule on one key's failures and candidate successes. */
  private static Iterator<Row> outageRows(
      Key key, Iterable<Failure> failures, Iterable<Long> successes, Duration gap, int minFailures) {
    List<Failure> failureList = new ArrayList<>();
    failures.forEach(failureList::add);
    List<Outage> outages =
        OutageRule.detect(
            key.provider(), key.scope(), key.hotelId(), failureList, sorted(successes), gap,
            minFailures);
    return outages.stream().map(DbOutages::toRow).iterator();
  }

  private static long[] sorted(Iterable<Long> values) {
    List<Long> list = new ArrayList<>();
    values.forEach(list::add);
    long[] array = list.stream().mapToLong(Long::longValue).toArray();
    Arrays.sort(array);
    return array;
  }

  private static long minute(long micros) {
    return Math.floorDiv(micros, MICROS_PER_MINUTE);
  }

  /**
   * Spark's own conversion, the inverse of how {@link SparkSession#createDataFrame} reads a
   * Timestamp back: the micros survive exactly, also before 1582 where Spark shifts calendars
   * (except inside the ten days 1582-10-05..14 that the hybrid calendar lacks).
   */
  private static Timestamp timestamp(long micros) {
    return DateTimeUtils.toJavaTimestamp(micros);
  }

  private static StructField field(String name, DataType type, boolean nullable) {
    return DataTypes.createStructField(name, type, nullable);
  }
}
