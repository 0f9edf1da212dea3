package com.hoteltraffic.report.bursts;

import com.hoteltraffic.model.ClassifiedExchange;
import com.hoteltraffic.model.ErrorClass;
import com.hoteltraffic.model.ExchangeSchema;
import com.hoteltraffic.report.engine.FoldContext;
import com.hoteltraffic.report.engine.PieceKey;
import com.hoteltraffic.report.engine.PieceKind;
import com.hoteltraffic.report.engine.Pieces;
import com.hoteltraffic.report.engine.Report;
import com.hoteltraffic.report.engine.ReportEngine;
import com.hoteltraffic.report.engine.ReportSettings;
import com.hoteltraffic.report.engine.ReportSpec;
import java.time.Duration;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Rate-limit bursts ({@code reports/rate_limit_bursts.csv}, {@code tables/rate_limit_bursts}): runs
 * of one credential's rejections that the providers count against a request limit.
 *
 * <p>Two kinds of row, told apart by {@link #KIND}, grouped and thresholded the same way: a
 * credential's rejections of one kind join while the gap between consecutive ones is at most {@code
 * gap} (a gap exactly equal joins), and a group is a row when it has at least {@code minRejections}
 * ({@code --burst-min}) rejections. The kinds never mix: the other kind's rejections neither join
 * nor split a group.
 *
 * <ul>
 *   <li>{@code rate_limited}: rejections of class {@code rate_limited} (CASY 429, Hotelbeds 429 and
 *       403 Developer Over Qps);
 *   <li>{@code quota_exceeded}: rejections of class {@code quota_exceeded} (Hotelbeds 403 Developer
 *       Over Rate, the daily quota). A client that hits an exhausted quota fewer than {@code
 *       --burst-min} times is not a burst (its rejections still count in the error rates and {@code
 *       error_codes}).
 * </ul>
 *
 * <p>{@link #START}/{@link #END}: first and last rejection; {@link #REJECTED}: their count; {@link
 * #REQUESTS}: every exchange of that provider and credential with a timestamp in {@code [start,
 * end]}, whatever its outcome. {@link #PEAK_REJECTED_PER_MINUTE}: the most rejections of the group
 * within any 60-second span {@code (t - 60 s, t]}. {@link #LIMIT}/{@link #WINDOW_SECONDS}: the
 * largest values the CASY 429 bodies of the group reported (null when no body carried them, always
 * null for Hotelbeds). {@link #HOTELS}: the sorted, comma-separated distinct hotels that the
 * rejected requests named (empty when none named one), {@link #HOTELS_TOUCHED} their count.
 *
 * <p>{@link #CLIENT_BACKOFF} is {@value #BACKED_OFF} or {@value #KEPT_SENDING}, from the
 * <em>wait</em> after each rejection of the group: the time until the credential's next exchange
 * (of any outcome), or never. The documented remedy is exponential back-off and waiting for the
 * window, so the client backed off when
 *
 * <ul>
 *   <li><b>its waits grow</b>: the waits after the group's rejections but the last (each ended by
 *       an exchange within the group) never shrink, and the last of them is longer than the first
 *       and at least twice it (so at least three rejections); or
 *   <li><b>it waited for the window</b>: at least half of the group's rejections were followed by a
 *       wait of at least one rate window {@code W}, or by no exchange at all. {@code W} is the
 *       {@link #WINDOW_SECONDS} the group's CASY 429 bodies reported, else the provider's
 *       documented window for the kind in {@code providers.json} ({@code rate_limits}): CASY 60 s
 *       (10 requests per 60 s), Hotelbeds {@code rate_limited} 1 s (a per-second throttle),
 *       Hotelbeds {@code quota_exceeded} 1 day. A provider without a documented window has no
 *       respected rejection.
 * </ul>
 *
 * <p>Otherwise it {@value #KEPT_SENDING}: a client retrying at a steady pace into a closed window
 * (equal waits shorter than the window), such as 11 rejections one second apart against CASY's 10
 * per 60 s, where only the last rejection is followed by a long enough wait.
 *
 * <p>Exchanges sharing a timestamp: {@link #REQUESTS} and {@link #PEAK_REJECTED_PER_MINUTE} count
 * every exchange at a boundary instant. For the wait, whose "next exchange" needs an order the
 * recorded timestamps do not give among equal ones, another exchange at the very same microsecond
 * counts as a next exchange 0 s later, whichever was logged first.
 *
 * <p>Rows of one credential may come from many files in any order: grouping only looks at
 * timestamps, so a burst crossing midnight or a file boundary is one burst. Exchanges without a
 * timestamp take no part.
 *
 * <p>The rule itself is {@link BurstRule}, plain Java per credential. A run folds each credential's
 * traffic in its read tasks ({@link #fold}); {@link #detect} does the same from a Dataset.
 */
public final class RateLimitBursts implements Report {
  private static final long serialVersionUID = 1L;

  public static final String NAME = "rate_limit_bursts";

  /** Its kind of piece: one per credential. */
  static final String PIECE_KIND = "burst";

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

  public static final String BACKED_OFF = BurstRule.BACKED_OFF;
  public static final String KEPT_SENDING = BurstRule.KEPT_SENDING;

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

  /** The types of {@link #COLUMNS}, as the Spark window implementation produced them. */
  public static final StructType SCHEMA =
      new StructType(
          new StructField[] {
            DataTypes.createStructField(PROVIDER, DataTypes.StringType, true),
            DataTypes.createStructField(TOKEN_ID, DataTypes.StringType, true),
            DataTypes.createStructField(START, DataTypes.TimestampType, true),
            DataTypes.createStructField(END, DataTypes.TimestampType, true),
            DataTypes.createStructField(REJECTED, DataTypes.LongType, false),
            DataTypes.createStructField(REQUESTS, DataTypes.LongType, true),
            DataTypes.createStructField(KIND, DataTypes.StringType, true),
            DataTypes.createStructField(DURATION_S, DataTypes.DoubleType, true),
            DataTypes.createStructField(PEAK_REJECTED_PER_MINUTE, DataTypes.LongType, true),
            DataTypes.createStructField(LIMIT, DataTypes.IntegerType, true),
            DataTypes.createStructField(WINDOW_SECONDS, DataTypes.IntegerType, true),
            DataTypes.createStructField(HOTELS_TOUCHED, DataTypes.LongType, false),
            DataTypes.createStructField(HOTELS, DataTypes.StringType, false),
            DataTypes.createStructField(CLIENT_BACKOFF, DataTypes.StringType, false)
          });

  /**
   * Detects bursts in classified exchanges (schema {@link ExchangeSchema#SCHEMA}), with the code of
   * a run: the exchanges are folded per credential ({@link #fold}) and each credential's traffic
   * goes through {@link BurstRule}.
   *
   * @param gap the largest gap between consecutive rejections of one group ({@code --burst-gap})
   * @param minRejections the fewest rejections a group of either kind needs to be reported ({@code
   *     --burst-min})
   * @return one row per burst with the columns {@link #COLUMNS} typed as {@link #SCHEMA}
   */
  public static Dataset<Row> detect(Dataset<Row> exchanges, Duration gap, int minRejections) {
    ReportSettings settings = ReportSettings.defaults().withBursts(gap, minRejections);
    return ReportEngine.output(exchanges, new RateLimitBursts(), settings, NAME);
  }

  @Override
  public List<ReportSpec> outputs(boolean includePii) {
    return List.of(new ReportSpec(NAME, SCHEMA, SORT, true));
  }

  /** The read window: a burst that began before the day is reported whole. */
  @Override
  public Scope scope() {
    return Scope.READ_WINDOW;
  }

  @Override
  public List<PieceKind> kinds() {
    return List.of(
        new PieceKind(
            PIECE_KIND,
            PieceKind.Keep.INCIDENT_KEYS,
            CredentialTraffic::new,
            CredentialTraffic::read));
  }

  /** Every exchange of a credential (to measure its waits), and its rejections. */
  @Override
  public void fold(ClassifiedExchange e, FoldContext at, Pieces pieces) {
    String kind = BurstRule.kindOf(e.errorClass);
    BurstRule.Rejection rejection =
        kind == null
            ? null
            : new BurstRule.Rejection(
                at.tsMicros(), kind, e.hotelId, e.rateLimitLimit, e.rateLimitWindowSeconds);
    pieces
        .piece(PIECE_KIND, e.provider, e.tokenId, null, 0, CredentialTraffic::new)
        .add(at.tsMicros(), rejection);
    if (rejection != null) {
      pieces.incident(new PieceKey(PIECE_KIND, e.provider, e.tokenId, null, 0));
    }
  }
}
