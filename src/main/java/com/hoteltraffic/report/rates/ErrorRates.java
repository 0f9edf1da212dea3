package com.hoteltraffic.report.rates;

import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;

import com.hoteltraffic.model.ClassifiedExchange;
import com.hoteltraffic.model.ExchangeSchema;
import com.hoteltraffic.report.engine.FoldContext;
import com.hoteltraffic.report.engine.PieceKind;
import com.hoteltraffic.report.engine.Pieces;
import com.hoteltraffic.report.engine.Report;
import com.hoteltraffic.report.engine.ReportEngine;
import com.hoteltraffic.report.engine.ReportSettings;
import com.hoteltraffic.report.engine.ReportSpec;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * Error rates per time window and provider, by hotel ({@code error_rates_by_hotel}) and by
 * credential ({@code error_rates_by_token}). An error is any exchange whose class is not {@code
 * ok}; {@code error_rate = errors / requests}. Exchanges that name no single hotel (or no
 * credential) form their own row with an empty key.
 *
 * <p>Each row also carries the 50th, 95th and 99th percentile of {@code duration_ms} over the
 * window's exchanges that recorded a duration, exact by the nearest-rank method: the {@code ceil(q
 * × n)}-th smallest of the {@code n} durations. They come from a value → count histogram per row
 * that the read's tasks fill and that merges exactly (see {@link RateCell}), so they do not depend
 * on how the work was split. (Until the one-pass read they were {@code percentile_approx} with
 * accuracy 10,000, the same for groups under 5,000 exchanges; larger groups could differ by a rank
 * or so.) The functions here compute them from a Dataset of exchanges with the same code. Empty
 * when no exchange in the row recorded a duration.
 */
public final class ErrorRates implements Report {
  private static final long serialVersionUID = 1L;

  public static final String BY_HOTEL = "error_rates_by_hotel";
  public static final String BY_TOKEN = "error_rates_by_token";

  /** Not written by the job: the series of the page's charts, and a notebook view. */
  public static final String BY_PROVIDER = "error_rates_by_provider";

  // Kinds of piece: one per output, keyed by window.
  static final String KIND_HOTEL = "rate_hotel";
  static final String KIND_TOKEN = "rate_token";
  static final String KIND_PROVIDER = "rate_provider";

  public static final String WINDOW_START = "window_start";
  public static final String WINDOW_END = "window_end";
  public static final String REQUESTS = "requests";
  public static final String ERRORS = "errors";
  public static final String ERROR_RATE = "error_rate";
  public static final String RATE_LIMITED = "rate_limited";
  public static final String NO_RESPONSE = "no_response";
  public static final String SERVER_ERRORS = "server_errors";
  public static final String LATENCY_P50_MS = "latency_p50_ms";
  public static final String LATENCY_P95_MS = "latency_p95_ms";
  public static final String LATENCY_P99_MS = "latency_p99_ms";

  public static final List<String> BY_HOTEL_COLUMNS =
      List.of(
          WINDOW_START,
          WINDOW_END,
          ExchangeSchema.PROVIDER,
          ExchangeSchema.HOTEL_ID,
          REQUESTS,
          ERRORS,
          ERROR_RATE,
          RATE_LIMITED,
          NO_RESPONSE,
          SERVER_ERRORS,
          LATENCY_P50_MS,
          LATENCY_P95_MS,
          LATENCY_P99_MS);
  public static final List<String> BY_HOTEL_SORT =
      List.of(WINDOW_START, ExchangeSchema.PROVIDER, ExchangeSchema.HOTEL_ID);

  public static final List<String> BY_TOKEN_COLUMNS =
      List.of(
          WINDOW_START,
          WINDOW_END,
          ExchangeSchema.PROVIDER,
          ExchangeSchema.TOKEN_ID,
          ExchangeSchema.TOKEN_HINT,
          REQUESTS,
          ERRORS,
          ERROR_RATE,
          RATE_LIMITED,
          NO_RESPONSE,
          SERVER_ERRORS,
          LATENCY_P50_MS,
          LATENCY_P95_MS,
          LATENCY_P99_MS);
  public static final List<String> BY_TOKEN_SORT =
      List.of(WINDOW_START, ExchangeSchema.PROVIDER, ExchangeSchema.TOKEN_ID);

  /** Columns of {@link #byProvider}: the same counts with the provider as the only key. */
  public static final List<String> BY_PROVIDER_COLUMNS =
      List.of(
          WINDOW_START,
          WINDOW_END,
          ExchangeSchema.PROVIDER,
          REQUESTS,
          ERRORS,
          ERROR_RATE,
          RATE_LIMITED,
          NO_RESPONSE,
          SERVER_ERRORS,
          LATENCY_P50_MS,
          LATENCY_P95_MS,
          LATENCY_P99_MS);

  public static final List<String> BY_PROVIDER_SORT =
      List.of(WINDOW_START, ExchangeSchema.PROVIDER);

  /** Every column type of the three reports, by column name. */
  private static final StructType TYPES =
      new StructType()
          .add(WINDOW_START, TimestampType)
          .add(WINDOW_END, TimestampType)
          .add(ExchangeSchema.PROVIDER, StringType)
          .add(ExchangeSchema.HOTEL_ID, StringType)
          .add(ExchangeSchema.TOKEN_ID, StringType)
          .add(ExchangeSchema.TOKEN_HINT, StringType)
          .add(REQUESTS, LongType)
          .add(ERRORS, LongType)
          .add(ERROR_RATE, DoubleType)
          .add(RATE_LIMITED, LongType)
          .add(NO_RESPONSE, LongType)
          .add(SERVER_ERRORS, LongType)
          .add(LATENCY_P50_MS, LongType)
          .add(LATENCY_P95_MS, LongType)
          .add(LATENCY_P99_MS, LongType);

  @Override
  public List<ReportSpec> outputs(boolean includePii) {
    // Streamed: a row per key and window, so hotels × windows rows (providers × windows for the
    // series: a year of 5-minute windows is 105,000 rows per provider).
    return List.of(
        new ReportSpec(
            BY_HOTEL, ReportSpec.schema(BY_HOTEL_COLUMNS, TYPES), BY_HOTEL_SORT, true, true),
        new ReportSpec(
            BY_TOKEN, ReportSpec.schema(BY_TOKEN_COLUMNS, TYPES), BY_TOKEN_SORT, true, true),
        new ReportSpec(
            BY_PROVIDER,
            ReportSpec.schema(BY_PROVIDER_COLUMNS, TYPES),
            BY_PROVIDER_SORT,
            false,
            true));
  }

  @Override
  public Scope scope() {
    return Scope.DAY;
  }

  @Override
  public List<PieceKind> kinds() {
    return List.of(
        new PieceKind(KIND_HOTEL, PieceKind.Keep.EVERY_KEY, RateCell::new, RateCell::read),
        new PieceKind(KIND_TOKEN, PieceKind.Keep.EVERY_KEY, RateCell::new, RateCell::read),
        new PieceKind(KIND_PROVIDER, PieceKind.Keep.EVERY_KEY, RateCell::new, RateCell::read));
  }

  @Override
  public void fold(ClassifiedExchange e, FoldContext at, Pieces pieces) {
    long window = at.window();
    pieces.piece(KIND_HOTEL, e.provider, e.hotelId, null, window, RateCell::new).add(e);
    pieces.piece(KIND_TOKEN, e.provider, e.tokenId, null, window, RateCell::new).add(e);
    pieces.piece(KIND_PROVIDER, e.provider, null, null, window, RateCell::new).add(e);
  }

  public static Dataset<Row> byHotel(Dataset<Row> exchanges, Duration window, ZoneId zone) {
    return report(exchanges, window, zone, BY_HOTEL);
  }

  public static Dataset<Row> byToken(Dataset<Row> exchanges, Duration window, ZoneId zone) {
    return report(exchanges, window, zone, BY_TOKEN);
  }

  /**
   * Error rates per window and provider, all hotels and credentials together: one row per provider
   * and window, the series behind the charts of {@code report.html}.
   */
  public static Dataset<Row> byProvider(Dataset<Row> exchanges, Duration window, ZoneId zone) {
    return report(exchanges, window, zone, BY_PROVIDER);
  }

  private static Dataset<Row> report(
      Dataset<Row> exchanges, Duration window, ZoneId zone, String name) {
    ReportSettings settings = ReportSettings.defaults().withWindow(window, zone);
    return ReportEngine.output(exchanges, new ErrorRates(), settings, name);
  }
}
