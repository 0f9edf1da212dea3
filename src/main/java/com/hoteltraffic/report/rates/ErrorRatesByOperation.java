package com.hoteltraffic.report.rates;

import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;

import com.hoteltraffic.model.ClassifiedExchange;
import com.hoteltraffic.model.ErrorClass;
import com.hoteltraffic.model.ExchangeSchema;
import com.hoteltraffic.report.engine.FoldContext;
import com.hoteltraffic.report.engine.PieceKind;
import com.hoteltraffic.report.engine.Pieces;
import com.hoteltraffic.report.engine.Report;
import com.hoteltraffic.report.engine.ReportSpec;
import com.hoteltraffic.report.shared.Values;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.types.StructType;

/**
 * Error rates per time window × provider × operation ({@code error_rates_by_operation}): the counts
 * of {@code error_rates_by_hotel} with one column per error class, the exact latency percentiles
 * (nearest rank, as there; see {@link ErrorRates}) and the exchanges slower than the timeout the
 * provider documents for the operation.
 *
 * <ul>
 *   <li>{@link #TIMEOUT_MS}: the documented timeout ({@code timeout_s} of the operation in {@code
 *       providers.json}; Hotelbeds booking confirmation 60 s); empty when none is documented.
 *   <li>{@link #OVER_TIMEOUT}: the exchanges whose {@code duration_ms} is strictly greater than
 *       {@link #TIMEOUT_MS}; exchanges without a duration are not counted. Empty (not 0) when the
 *       operation has no documented timeout, since nothing was measured against one.
 *   <li>One column per error class except {@code ok}, named as the class ({@link #CLASS_COLUMNS}):
 *       the exchanges of that class; they add up to {@code errors}.
 * </ul>
 */
public final class ErrorRatesByOperation implements Report {
  private static final long serialVersionUID = 1L;

  public static final String NAME = "error_rates_by_operation";

  /** Its kind of piece: window × provider × operation. */
  static final String KIND = "rate_operation";

  public static final String OPERATION = ExchangeSchema.OPERATION;
  public static final String TIMEOUT_MS = "timeout_ms";
  public static final String OVER_TIMEOUT = "over_timeout";

  /** Every error class but {@code ok}, in the contract's order: one count column each. */
  public static final List<String> CLASS_COLUMNS =
      ErrorClass.ALL.stream().filter(c -> !ErrorClass.OK.equals(c)).toList();

  public static final StructType SCHEMA = schema();

  public static final List<String> COLUMNS = List.of(SCHEMA.fieldNames());

  public static final List<String> SORT =
      List.of(ErrorRates.WINDOW_START, ExchangeSchema.PROVIDER, OPERATION);

  private static StructType schema() {
    StructType schema =
        new StructType()
            .add(ErrorRates.WINDOW_START, TimestampType, false)
            .add(ErrorRates.WINDOW_END, TimestampType, false)
            .add(ExchangeSchema.PROVIDER, StringType, true)
            .add(OPERATION, StringType, true)
            .add(ErrorRates.REQUESTS, LongType, false)
            .add(ErrorRates.ERRORS, LongType, false)
            .add(ErrorRates.ERROR_RATE, DoubleType, false);
    for (String errorClass : CLASS_COLUMNS) {
      schema = schema.add(errorClass, LongType, false);
    }
    return schema
        .add(ErrorRates.LATENCY_P50_MS, LongType, true)
        .add(ErrorRates.LATENCY_P95_MS, LongType, true)
        .add(ErrorRates.LATENCY_P99_MS, LongType, true)
        .add(TIMEOUT_MS, LongType, true)
        .add(OVER_TIMEOUT, LongType, true);
  }

  /** The values of one row, in {@link #COLUMNS} order. */
  static Object[] row(
      List<Object> keyValues,
      long requests,
      long errors,
      long[] classCounts,
      Long[] percentiles,
      Long timeoutMs,
      Long overTimeout) {
    List<Object> values = new ArrayList<>(keyValues);
    values.add(requests);
    values.add(errors);
    values.add(Values.ratio(errors, requests));
    for (long count : classCounts) {
      values.add(count);
    }
    values.addAll(Arrays.asList((Object[]) percentiles));
    values.add(timeoutMs);
    values.add(overTimeout);
    return values.toArray();
  }

  @Override
  public List<ReportSpec> outputs(boolean includePii) {
    // Streamed: a row per provider × operation × window.
    return List.of(new ReportSpec(NAME, SCHEMA, SORT, true, true));
  }

  @Override
  public Scope scope() {
    return Scope.DAY;
  }

  @Override
  public List<PieceKind> kinds() {
    return List.of(
        new PieceKind(KIND, PieceKind.Keep.EVERY_KEY, OperationCell::new, OperationCell::read));
  }

  @Override
  public void fold(ClassifiedExchange e, FoldContext at, Pieces pieces) {
    pieces.piece(KIND, e.provider, e.operation, null, at.window(), OperationCell::new).add(e);
  }
}
