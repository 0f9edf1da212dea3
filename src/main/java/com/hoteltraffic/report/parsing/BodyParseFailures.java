package com.hoteltraffic.report.parsing;

import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;

import com.hoteltraffic.model.ClassifiedExchange;
import com.hoteltraffic.model.ExchangeSchema;
import com.hoteltraffic.report.engine.FoldContext;
import com.hoteltraffic.report.engine.PieceKey;
import com.hoteltraffic.report.engine.PieceKind;
import com.hoteltraffic.report.engine.Pieces;
import com.hoteltraffic.report.engine.Report;
import com.hoteltraffic.report.engine.ReportSpec;
import java.util.List;
import org.apache.spark.sql.types.StructType;

/**
 * Bodies that could not be read ({@code body_parse_failures}, in {@code run_summary.json} and on
 * the page, not written as a CSV): per provider × operation × body (request or response) × format,
 * the exchanges of the day whose body said it was JSON or XML (by {@code Content-Type}, or by its
 * first character) and was not well formed. The bodies counted are the ones the reports read: error
 * bodies of the providers whose error codes come from the body, and Hotelbeds booking requests and
 * responses. A plain-text or HTML gateway answer says neither and is not counted. A provider that
 * changes its format shows here instead of silently giving fewer codes and booking facts.
 */
public final class BodyParseFailures implements Report {
  private static final long serialVersionUID = 1L;

  public static final String NAME = "body_parse_failures";

  /** Its kind of piece: per provider × operation × body × format, once one failed. */
  static final String KIND = "parse";

  public static final String PROVIDER = ExchangeSchema.PROVIDER;
  public static final String OPERATION = ExchangeSchema.OPERATION;
  public static final String BODY = "body";
  public static final String FORMAT = "format";
  public static final String COUNT = "count";
  public static final String FIRST_SEEN = "first_seen";
  public static final String LAST_SEEN = "last_seen";

  public static final StructType SCHEMA =
      new StructType()
          .add(PROVIDER, StringType, true)
          .add(OPERATION, StringType, true)
          .add(BODY, StringType, false)
          .add(FORMAT, StringType, false)
          .add(COUNT, LongType, false)
          .add(FIRST_SEEN, TimestampType, false)
          .add(LAST_SEEN, TimestampType, false);

  public static final List<String> COLUMNS = List.of(SCHEMA.fieldNames());

  public static final List<String> SORT = List.of(PROVIDER, OPERATION, BODY, FORMAT);

  @Override
  public List<ReportSpec> outputs(boolean includePii) {
    // Not a CSV: in run_summary.json and on the page.
    return List.of(new ReportSpec(NAME, SCHEMA, SORT, false));
  }

  @Override
  public Scope scope() {
    return Scope.DAY;
  }

  @Override
  public List<PieceKind> kinds() {
    return List.of(
        new PieceKind(
            KIND, PieceKind.Keep.EVERY_KEY, ParseFailureCell::new, ParseFailureCell::read));
  }

  @Override
  public void fold(ClassifiedExchange e, FoldContext at, Pieces pieces) {
    if (e.unreadableBody == null) {
      return;
    }
    String detail = e.unreadableBody + ParseFailureCell.SEPARATOR + e.unreadableFormat;
    pieces
        .piece(new PieceKey(KIND, e.provider, e.operation, detail, 0), ParseFailureCell::new)
        .add(at.tsMicros());
  }
}
