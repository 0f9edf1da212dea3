package com.hoteltraffic.report;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_join;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.ceil;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.last;
import static org.apache.spark.sql.functions.lead;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.timestamp_micros;
import static org.apache.spark.sql.functions.unix_micros;
import static org.apache.spark.sql.functions.when;

import com.hoteltraffic.model.ErrorClass;
import com.hoteltraffic.model.ExchangeSchema;
import com.hoteltraffic.model.Provider;
import java.time.Duration;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * Rate-limit bursts ({@code reports/rate_limit_bursts.csv}, {@code tables/rate_limit_bursts}):
 * runs of one credential's rejections that the providers count against a request limit.
 *
 * <p>Two kinds of row, told apart by {@link #KIND}:
 *
 * <ul>
 *   <li>{@code rate_limited}: rejections of class {@code rate_limited} (CASY 429, Hotelbeds 429
 *       and 403 over-QPS) of one provider and credential, joined while the gap between
 *       consecutive rejections is at most {@code gap} (a gap exactly equal joins); a group is
 *       kept when it has at least {@code minRejections} rejections.
 *   <li>{@code quota_exceeded}: rejections of class {@code quota_exceeded} (Hotelbeds 403
 *       Developer Over Rate, the daily quota), grouped the same way but kept whatever their
 *       size: one exhausted daily quota already stops a credential for the rest of the day, so
 *       even a single such rejection is worth a row. They are never mixed into QPS bursts.
 * </ul>
 *
 * <p>{@link #START}/{@link #END}: first and last rejection; {@link #REJECTED}: their count;
 * {@link #REQUESTS}: every exchange of that provider and credential with a timestamp in {@code
 * [start, end]}, whatever its outcome. {@link #PEAK_REJECTED_PER_MINUTE}: the most rejections of
 * the group within any 60-second span {@code (t - 60 s, t]}. {@link #LIMIT}/{@link
 * #WINDOW_SECONDS}: the largest values the CASY 429 bodies of the group reported (null when no
 * body carried them, always null for Hotelbeds). {@link #HOTELS}: the sorted, comma-separated
 * distinct hotels that the rejected requests named (empty when none named one), {@link
 * #HOTELS_TOUCHED} their count.
 *
 * <p>{@link #CLIENT_BACKOFF} is {@value #BACKED_OFF} or {@value #KEPT_SENDING}:
 *
 * <ul>
 *   <li>CASY {@code rate_limited}: with {@code L} = limit and {@code W} = window_seconds from the
 *       429 body (the documented default 10 per 60 s when no body carried them), the client
 *       backed off when the requests it sent after the first rejection of the burst ({@code
 *       requests - 1}) are at most {@code L × max(1, ceil(duration_s / W))}: over the burst it
 *       sent no faster than the limit allows. A client that keeps sending above the limit sends
 *       more than that and gets {@value #KEPT_SENDING}.
 *   <li>Any other provider's {@code rate_limited} (Hotelbeds): the gateway documents a per-second
 *       throttle ("Over Qps") but no number, so the rule looks at what the client did after each
 *       rejection: a rejection is <em>respected</em> when the credential's next request came at
 *       least 1 s (one QPS window) later, or never. The client backed off when at least half of
 *       the burst's rejections were respected.
 *   <li>{@code quota_exceeded}: the daily quota stays exhausted, so every further request within
 *       the gap is rejected again and joins the group; the client backed off when the group has
 *       exactly one rejection.
 * </ul>
 *
 * <p>Rows of one credential may come from many files in any order: grouping only looks at
 * timestamps, so a burst crossing midnight or a file boundary is one burst.
 */
public final class RateLimitBursts {
  private RateLimitBursts() {}

  public static final String KIND = "kind";
  public static final String PROVIDER = ExchangeSchema.PROVIDER;
  public static final String TOKEN_ID = ExchangeSchema.TOKEN_ID;
  public static final String START = "start";
  public static final String END = "end";
  public static final String REJECTED = "rejected";
  public static final String REQUESTS = "requests";
  public static final String DURATION_S = "duration_s";
  public static final String PEAK_REJECTED_PER_MINUTE = "peak_rejected_per_minute";
  public static final String LIMIT = "limit";
  public static final String WINDOW_SECONDS = "window_seconds";
  public static final String HOTELS_TOUCHED = "hotels_touched";
  public static final String HOTELS = "hotels";
  public static final String CLIENT_BACKOFF = "client_backoff";

  /** {@link #KIND} of a QPS burst. */
  public static final String KIND_RATE_LIMITED = ErrorClass.RATE_LIMITED;
  /** {@link #KIND} of a run of daily-quota rejections. */
  public static final String KIND_QUOTA_EXCEEDED = ErrorClass.QUOTA_EXCEEDED;

  public static final String BACKED_OFF = "backed_off";
  public static final String KEPT_SENDING = "kept_sending";

  /** CASY's documented default limit, used for the verdict when no 429 body carried one. */
  static final int CASY_DEFAULT_LIMIT = 10;

  static final int CASY_DEFAULT_WINDOW_S = 60;

  /** Output columns in CSV order: the contract's required columns first. */
  public static final List<String> COLUMNS =
      List.of(
          PROVIDER,
          TOKEN_ID,
          START,
          END,
          REJECTED,
          REQUESTS,
          KIND,
          DURATION_S,
          PEAK_REJECTED_PER_MINUTE,
          LIMIT,
          WINDOW_SECONDS,
          HOTELS_TOUCHED,
          HOTELS,
          CLIENT_BACKOFF);

  /** A stable row order: unique, since one credential's groups of one kind never share a start. */
  public static final List<String> SORT = List.of(PROVIDER, TOKEN_ID, START, KIND);

  private static final long MICROS_PER_SECOND = 1_000_000L;
  private static final long PEAK_SPAN_MICROS = 60 * MICROS_PER_SECOND;
  private static final long QPS_WINDOW_MICROS = MICROS_PER_SECOND;
  /** Narrowest time bucket of {@link #nearRejections}: at least the QPS window, and few. */
  private static final long NEAR_BUCKET_FLOOR_MICROS = 60 * MICROS_PER_SECOND;

  // Working columns.
  private static final String TS_US = "_ts_us";
  private static final String R_PROVIDER = "_r_provider";
  private static final String R_TOKEN = "_r_token";
  private static final String R_BUCKET = "_r_bucket";
  private static final String PREVIOUS_US = "_previous_us";
  private static final String GROUP = "_group";
  private static final String ROWS_UP_TO_TS = "_rows_up_to_ts";
  private static final String ROWS_AT_TS = "_rows_at_ts";
  private static final String REJECTED_LAST_MINUTE = "_rejected_last_minute";
  private static final String NEXT_US = "_next_us";
  private static final String START_US = "_start_us";
  private static final String END_US = "_end_us";
  private static final String RESPECTED = "_respected";

  private static final List<String> KINDS = List.of(KIND_RATE_LIMITED, KIND_QUOTA_EXCEEDED);

  /**
   * Detects bursts in classified exchanges (schema {@link ExchangeSchema#SCHEMA}).
   *
   * @param gap the largest gap between consecutive rejections of one group ({@code --burst-gap})
   * @param minRejections the fewest rejections a {@code rate_limited} group needs to be reported
   *     ({@code --burst-min}); {@code quota_exceeded} groups are reported whatever their size
   * @return one row per burst with the columns {@link #COLUMNS}, unordered
   */
  public static Dataset<Row> detect(Dataset<Row> exchanges, Duration gap, int minRejections) {
    if (gap.isNegative()) {
      throw new IllegalArgumentException("burst gap must not be negative: " + gap);
    }
    long gapMicros = gap.toNanos() / 1_000L;
    Column kind =
        when(col(ExchangeSchema.ERROR_CLASS).equalTo(KIND_RATE_LIMITED), lit(KIND_RATE_LIMITED))
            .when(
                col(ExchangeSchema.ERROR_CLASS).equalTo(KIND_QUOTA_EXCEEDED),
                lit(KIND_QUOTA_EXCEEDED));
    Dataset<Row> traffic =
        exchanges.select(
            col(PROVIDER),
            col(TOKEN_ID),
            col(ExchangeSchema.HOTEL_ID),
            unix_micros(col(ExchangeSchema.TS)).as(TS_US),
            kind.as(KIND),
            col(ExchangeSchema.RATE_LIMIT_LIMIT),
            col(ExchangeSchema.RATE_LIMIT_WINDOW_S));

    // Why one ordered pass over a rejected credential's traffic rather than grouping the
    // rejections and then joining back for `requests`: a range join of bursts against all
    // requests of a credential that carries most of the traffic multiplies rows, while one sort
    // by (provider, token, ts) yields every number in streaming window aggregates: the groups,
    // the request count in [start, end] as a difference of running counts, the per-minute peak
    // and the pause after each rejection. Spark's sorter and window buffer spill to disk, so a
    // busy credential costs one long task, not memory. Only the traffic near a rejection enters
    // the sort (see nearRejections), which on a normal day is a small part of even a rejected
    // credential's traffic.
    Dataset<Row> credentialTraffic = nearRejections(traffic, gapMicros);

    Dataset<Row> rejections = markGroups(credentialTraffic, gapMicros).where(col(KIND).isNotNull());
    Dataset<Row> groups =
        rejections
            .groupBy(col(PROVIDER), col(TOKEN_ID), col(KIND), col(GROUP))
            .agg(
                min(TS_US).as(START_US),
                max(TS_US).as(END_US),
                count(lit(1)).as(REJECTED),
                // Rows up to end (ties included) minus rows before start: all requests in
                // [start, end]; running counts only grow, so max/min pick the end/start rows.
                max(ROWS_UP_TO_TS)
                    .minus(min(col(ROWS_UP_TO_TS).minus(col(ROWS_AT_TS))))
                    .as(REQUESTS),
                max(REJECTED_LAST_MINUTE).as(PEAK_REJECTED_PER_MINUTE),
                max(ExchangeSchema.RATE_LIMIT_LIMIT).as(LIMIT),
                max(ExchangeSchema.RATE_LIMIT_WINDOW_S).as(WINDOW_SECONDS),
                countDistinct(col(ExchangeSchema.HOTEL_ID)).as(HOTELS_TOUCHED),
                array_join(array_sort(collect_set(col(ExchangeSchema.HOTEL_ID))), ",").as(HOTELS),
                sum(when(col(RESPECTED), 1L).otherwise(0L)).as(RESPECTED))
            .where(col(KIND).equalTo(KIND_QUOTA_EXCEEDED).or(col(REJECTED).geq(minRejections)));

    Column durationMicros = col(END_US).minus(col(START_US));
    return groups.select(
        col(PROVIDER),
        col(TOKEN_ID),
        timestamp_micros(col(START_US)).as(START),
        timestamp_micros(col(END_US)).as(END),
        col(REJECTED),
        col(REQUESTS),
        col(KIND),
        durationMicros.divide((double) MICROS_PER_SECOND).as(DURATION_S),
        col(PEAK_REJECTED_PER_MINUTE),
        col(LIMIT),
        col(WINDOW_SECONDS),
        col(HOTELS_TOUCHED),
        col(HOTELS),
        when(clientBackedOff(durationMicros), lit(BACKED_OFF))
            .otherwise(lit(KEPT_SENDING))
            .as(CLIENT_BACKOFF));
  }

  /**
   * The credential's traffic that lies within {@code max(gap, 1 min)} of one of its rejections:
   * all that the group numbers depend on. Every request between a group's first and last
   * rejection is within {@code gap / 2} of a rejection, so {@link #REQUESTS} is unchanged; a
   * rejection's next request, when it came within the 1-second QPS window, is kept too, and
   * when it came later, whatever comes next in the kept rows is also at least as late, so the
   * pause verdict is unchanged. Nearness is tested by time buckets of that width: a row is kept
   * when its bucket or a neighbouring one holds a rejection of its credential.
   *
   * <p>The buckets with rejections are broadcast: at the 1-minute floor they are at most 1,440
   * per credential and day, however many rejections there were.
   */
  static Dataset<Row> nearRejections(Dataset<Row> traffic, long gapMicros) {
    long bucketMicros = Math.max(gapMicros, NEAR_BUCKET_FLOOR_MICROS);
    Column bucket = floor(col(TS_US).divide(bucketMicros));
    Dataset<Row> rejectedBuckets =
        traffic
            .where(col(KIND).isNotNull())
            .select(
                col(PROVIDER).as(R_PROVIDER),
                col(TOKEN_ID).as(R_TOKEN),
                explode(array(bucket.minus(1), bucket, bucket.plus(1))).as(R_BUCKET))
            .distinct();
    return traffic.join(
        broadcast(rejectedBuckets),
        col(PROVIDER)
            .eqNullSafe(col(R_PROVIDER))
            .and(col(TOKEN_ID).eqNullSafe(col(R_TOKEN)))
            .and(bucket.equalTo(col(R_BUCKET))),
        "left_semi");
  }

  /**
   * Adds to every row of the rejected credentials' traffic the window values the group
   * aggregates need; {@link #GROUP} numbers a credential's groups of the row's kind.
   */
  static Dataset<Row> markGroups(Dataset<Row> credentialTraffic, long gapMicros) {
    WindowSpec byCredential = Window.partitionBy(PROVIDER, TOKEN_ID).orderBy(TS_US);
    WindowSpec rowsBefore = byCredential.rowsBetween(Window.unboundedPreceding(), -1);
    WindowSpec rowsUpToHere = byCredential.rowsBetween(Window.unboundedPreceding(), 0);

    // The gaps of each kind are measured between rejections of that kind only, with the
    // credential's other traffic in between ignored: previous rejection of the same kind.
    Column previousOfKind = lit(null).cast("long");
    for (String k : KINDS) {
      previousOfKind =
          when(
                  col(KIND).equalTo(k),
                  last(when(col(KIND).equalTo(k), col(TS_US)), true).over(rowsBefore))
              .otherwise(previousOfKind);
    }
    Dataset<Row> withPrevious = credentialTraffic.withColumn(PREVIOUS_US, previousOfKind);

    Column startsGroup =
        col(KIND)
            .isNotNull()
            .and(
                col(PREVIOUS_US)
                    .isNull()
                    .or(col(TS_US).minus(col(PREVIOUS_US)).gt(gapMicros)));
    Column group = lit(null).cast("long");
    Column rejectedLastMinute = lit(null).cast("long");
    for (String k : KINDS) {
      Column isKind = col(KIND).equalTo(k);
      group =
          when(isKind, sum(when(isKind.and(startsGroup), 1L).otherwise(0L)).over(rowsUpToHere))
              .otherwise(group);
      rejectedLastMinute =
          when(
                  isKind,
                  sum(when(isKind, 1L).otherwise(0L))
                      .over(byCredential.rangeBetween(-(PEAK_SPAN_MICROS - 1), 0)))
              .otherwise(rejectedLastMinute);
    }
    Column next = lead(col(TS_US), 1).over(byCredential);
    return withPrevious
        .withColumn(GROUP, group)
        .withColumn(REJECTED_LAST_MINUTE, rejectedLastMinute)
        .withColumn(
            ROWS_UP_TO_TS,
            count(lit(1)).over(byCredential.rangeBetween(Window.unboundedPreceding(), 0)))
        .withColumn(ROWS_AT_TS, count(lit(1)).over(byCredential.rangeBetween(0, 0)))
        .withColumn(NEXT_US, next)
        .withColumn(
            RESPECTED,
            col(NEXT_US).isNull().or(col(NEXT_US).minus(col(TS_US)).geq(QPS_WINDOW_MICROS)));
  }

  /** The verdict rules of the class Javadoc, on one aggregated group row. */
  private static Column clientBackedOff(Column durationMicros) {
    Column limit = coalesce(col(LIMIT), lit(CASY_DEFAULT_LIMIT)).cast("long");
    // A body reporting a zero window would divide by zero; treat it as one second.
    Column windowMicros =
        greatest(lit(1L), coalesce(col(WINDOW_SECONDS), lit(CASY_DEFAULT_WINDOW_S)).cast("long"))
            .multiply(MICROS_PER_SECOND);
    Column windowsSpanned = greatest(lit(1L), ceil(durationMicros.divide(windowMicros)));
    Column casyWithinLimit = col(REQUESTS).minus(1L).leq(limit.multiply(windowsSpanned));
    Column mostRejectionsRespected = col(RESPECTED).multiply(2L).geq(col(REJECTED));
    return when(col(KIND).equalTo(KIND_QUOTA_EXCEEDED), col(REJECTED).equalTo(1L))
        .when(col(PROVIDER).equalTo(Provider.CASY), casyWithinLimit)
        .otherwise(mostRejectionsRespected);
  }
}
