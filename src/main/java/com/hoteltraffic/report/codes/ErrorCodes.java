package com.hoteltraffic.report.codes;

import com.hoteltraffic.model.ClassifiedExchange;
import com.hoteltraffic.model.ExchangeSchema;
import com.hoteltraffic.report.engine.FoldContext;
import com.hoteltraffic.report.engine.PieceKind;
import com.hoteltraffic.report.engine.Pieces;
import com.hoteltraffic.report.engine.Report;
import com.hoteltraffic.report.engine.ReportEngine;
import com.hoteltraffic.report.engine.ReportSettings;
import com.hoteltraffic.report.engine.ReportSpec;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * How often each (provider, HTTP status, error code) was seen, with its class and when it was first
 * and last seen ({@code error_codes}). Undocumented pairs show up here as they were seen, with
 * {@code documented = false}: the place to notice a provider's new error.
 */
public final class ErrorCodes implements Report {
  private static final long serialVersionUID = 1L;

  public static final String NAME = "error_codes";

  /** Its kind of piece: provider × code × class × HTTP status. */
  static final String KIND = "code";

  public static final String COUNT = "count";
  public static final String FIRST_SEEN = "first_seen";
  public static final String LAST_SEEN = "last_seen";

  public static final List<String> COLUMNS =
      List.of(
          ExchangeSchema.PROVIDER,
          ExchangeSchema.HTTP_STATUS,
          ExchangeSchema.ERROR_CODE,
          ExchangeSchema.ERROR_CLASS,
          COUNT,
          FIRST_SEEN,
          LAST_SEEN,
          ExchangeSchema.DOCUMENTED,
          ExchangeSchema.RETRYABLE);
  public static final List<String> SORT =
      List.of(ExchangeSchema.PROVIDER, ExchangeSchema.HTTP_STATUS, ExchangeSchema.ERROR_CODE);

  /** The columns with their types, all nullable. */
  public static final StructType SCHEMA =
      new StructType()
          .add(ExchangeSchema.PROVIDER, DataTypes.StringType)
          .add(ExchangeSchema.HTTP_STATUS, DataTypes.IntegerType)
          .add(ExchangeSchema.ERROR_CODE, DataTypes.StringType)
          .add(ExchangeSchema.ERROR_CLASS, DataTypes.StringType)
          .add(COUNT, DataTypes.LongType)
          .add(FIRST_SEEN, DataTypes.TimestampType)
          .add(LAST_SEEN, DataTypes.TimestampType)
          .add(ExchangeSchema.DOCUMENTED, DataTypes.BooleanType)
          .add(ExchangeSchema.RETRYABLE, DataTypes.BooleanType);

  /** The report from a Dataset of classified exchanges (for notebooks), with the job's code. */
  public static Dataset<Row> summarize(Dataset<Row> exchanges) {
    return ReportEngine.output(exchanges, new ErrorCodes(), ReportSettings.defaults(), NAME);
  }

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
    return List.of(new PieceKind(KIND, PieceKind.Keep.EVERY_KEY, CodeCell::new, CodeCell::read));
  }

  @Override
  public void fold(ClassifiedExchange e, FoldContext at, Pieces pieces) {
    long status = e.httpStatus == null ? CodeCell.NO_STATUS : e.httpStatus;
    pieces
        .piece(KIND, e.provider, e.errorCode, e.errorClass, status, CodeCell::new)
        .add(at.tsMicros(), e.documented, e.retryable);
  }
}
