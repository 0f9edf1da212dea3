package com.hoteltraffic.report.availability;

import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import com.hoteltraffic.model.ClassifiedExchange;
import com.hoteltraffic.model.ErrorClass;
import com.hoteltraffic.model.ExchangeSchema;
import com.hoteltraffic.report.engine.FoldContext;
import com.hoteltraffic.report.engine.PieceKey;
import com.hoteltraffic.report.engine.PieceKind;
import com.hoteltraffic.report.engine.Pieces;
import com.hoteltraffic.report.engine.Report;
import com.hoteltraffic.report.engine.ReportSpec;
import com.hoteltraffic.report.shared.Micros;
import java.time.ZoneId;
import java.util.List;
import org.apache.spark.sql.types.StructType;

/**
 * Availability per provider × operation × day ({@code availability_by_day}): how often each
 * provider's operation failed on the provider's side, the way ops read a service-level objective
 * ("99.9 % of availability requests answered per day, p95 under 2 s"). A day is a calendar day in
 * the run's {@code --timezone}, from local midnight to local midnight (23 or 25 hours across a
 * daylight-saving change), written as its ISO date ({@code 2026-10-25}).
 *
 * <ul>
 *   <li>{@link #REQUESTS}: every exchange of the provider's operation on that day.
 *   <li>The provider's failures, one column per error class: {@link #SERVER_ERRORS} ({@code
 *       server_error}), {@link #UPSTREAM_UNAVAILABLE} ({@code upstream_unavailable}), {@link
 *       #TIMEOUTS} ({@code timeout}) and {@link #NO_RESPONSE} ({@code no_response}); {@link
 *       #FAILURES} is their sum. Every other class is an answer the provider gave as designed and
 *       does not count against it: a product answer ({@code product}, such as {@code
 *       INSUFFICIENT_ALLOTMENT}), the client's own mistakes ({@code invalid_request}, {@code auth},
 *       {@code permission}, {@code payment}, {@code not_found}), the client's limits ({@code
 *       rate_limited}, {@code quota_exceeded}), and {@code misrouted} or {@code undocumented}
 *       answers, which do not say whose fault they are. The class decides, not the HTTP status:
 *       Hotelbeds sends {@code PRODUCT_ERROR} as a 500 and {@code INSUFFICIENT_ALLOTMENT} as a 503.
 *   <li>{@link #AVAILABILITY}: {@code 1 − failures / requests}, rounded half-up to 6 decimals once,
 *       from {@code (requests − failures) / requests} (1 minus a rounded failure rate can be a
 *       millionth off: 125 of 128 is 0.976563, not 1 − 0.023438).
 *   <li>{@link #LATENCY_P95_MS}: the exact 95th percentile of {@code duration_ms} over the row's
 *       exchanges that recorded one, by the nearest-rank method as in the error-rate reports (the
 *       {@code ceil(0.95 × n)}-th smallest of the {@code n} durations); empty when none did.
 * </ul>
 *
 * <p>A daily run counts the exchanges of its day only ({@link Scope#DAY}), so its rows are the
 * day's. Every key yields a row. Added through the {@link Report} interface alone: its package and
 * one registry line, no engine change.
 */
public final class AvailabilityByDay implements Report {
  private static final long serialVersionUID = 1L;

  public static final String NAME = "availability_by_day";

  /** Its kind of piece: provider × operation × local day (the key's number: the epoch day). */
  static final String KIND = "availability_day";

  public static final String DAY = "day";
  public static final String PROVIDER = ExchangeSchema.PROVIDER;
  public static final String OPERATION = ExchangeSchema.OPERATION;
  public static final String REQUESTS = "requests";
  public static final String SERVER_ERRORS = "server_errors";
  public static final String UPSTREAM_UNAVAILABLE = "upstream_unavailable";
  public static final String TIMEOUTS = "timeouts";
  public static final String NO_RESPONSE = "no_response";
  public static final String FAILURES = "failures";
  public static final String AVAILABILITY = "availability";
  public static final String LATENCY_P95_MS = "latency_p95_ms";

  /**
   * The error classes that are the provider's failures, in the order of their columns ({@link
   * #SERVER_ERRORS}, {@link #UPSTREAM_UNAVAILABLE}, {@link #TIMEOUTS}, {@link #NO_RESPONSE}).
   */
  public static final List<String> FAILURE_CLASSES =
      List.of(
          ErrorClass.SERVER_ERROR,
          ErrorClass.UPSTREAM_UNAVAILABLE,
          ErrorClass.TIMEOUT,
          ErrorClass.NO_RESPONSE);

  public static final StructType SCHEMA =
      new StructType()
          .add(DAY, StringType, false)
          .add(PROVIDER, StringType, true)
          .add(OPERATION, StringType, true)
          .add(REQUESTS, LongType, false)
          .add(SERVER_ERRORS, LongType, false)
          .add(UPSTREAM_UNAVAILABLE, LongType, false)
          .add(TIMEOUTS, LongType, false)
          .add(NO_RESPONSE, LongType, false)
          .add(FAILURES, LongType, false)
          .add(AVAILABILITY, DoubleType, false)
          .add(LATENCY_P95_MS, LongType, true);

  public static final List<String> COLUMNS = List.of(SCHEMA.fieldNames());

  public static final List<String> SORT = List.of(DAY, PROVIDER, OPERATION);

  private static final long MICROS_PER_DAY = 86_400L * Micros.PER_SECOND;

  @Override
  public List<ReportSpec> outputs(boolean includePii) {
    return List.of(new ReportSpec(NAME, SCHEMA, SORT, true));
  }

  @Override
  public Scope scope() {
    return Scope.DAY;
  }

  @Override
  public List<PieceKind> kinds() {
    return List.of(
        new PieceKind(
            KIND, PieceKind.Keep.EVERY_KEY, AvailabilityCell::new, AvailabilityCell::read));
  }

  @Override
  public void fold(ClassifiedExchange e, FoldContext at, Pieces pieces) {
    pieces.piece(keyOf(e, at.tsMicros(), at.settings().zone()), AvailabilityCell::new).add(e);
  }

  /**
   * The key of an exchange at {@code tsMicros}: its provider, operation and day in {@code zone}.
   */
  static PieceKey keyOf(ClassifiedExchange e, long tsMicros, ZoneId zone) {
    return new PieceKey(KIND, e.provider, e.operation, null, epochDay(tsMicros, zone));
  }

  /**
   * The day in {@code zone} of an instant, as days since 1970-01-01 ({@link
   * java.time.LocalDate#toEpochDay}): the wall clock's date, so a day runs from local midnight to
   * local midnight whatever its length.
   */
  static long epochDay(long tsMicros, ZoneId zone) {
    long offsetSeconds = zone.getRules().getOffset(Micros.instant(tsMicros)).getTotalSeconds();
    return Math.floorDiv(tsMicros + offsetSeconds * Micros.PER_SECOND, MICROS_PER_DAY);
  }
}
