package com.hoteltraffic.report.access;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;

import com.hoteltraffic.model.ClassifiedExchange;
import com.hoteltraffic.model.ExchangeSchema;
import com.hoteltraffic.model.Provider;
import com.hoteltraffic.report.engine.FoldContext;
import com.hoteltraffic.report.engine.PieceKey;
import com.hoteltraffic.report.engine.PieceKind;
import com.hoteltraffic.report.engine.Pieces;
import com.hoteltraffic.report.engine.Report;
import com.hoteltraffic.report.engine.ReportSpec;
import com.hoteltraffic.report.shared.CodeColumn;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.types.StructType;

/**
 * Access denials ({@code access_denied}): per provider × credential × hotel with at least one
 * permission denial, how many requests were denied, when, and whether the same credential ever got
 * a successful answer for the same hotel in the run.
 *
 * <ul>
 *   <li>{@link #FORBIDDEN}: CASY 403 {@code forbidden} (the token may not read this hotel); {@link
 *       #FORBIDDEN_ACTION}: CASY 403 {@code forbidden_action} (the token lacks the action, e.g.
 *       reservations_all) and Hotelbeds 403 {@code ACCESS_DISALLOWED} (the API is not enabled for
 *       the key).
 *   <li>{@link #UNCLASSIFIED}: 403s whose sub-case cannot be told: a Hotelbeds 403 {@code
 *       FORBIDDEN} (neither the body nor the {@code X-Mashery-Error-Code} header named a sub-case:
 *       it may as well be a throttle, a quota or an inactive key as a permission) and a CASY 403
 *       whose body named no code ({@code HTTP_403}). Never counted as {@link #FORBIDDEN}: check the
 *       response's header and body.
 *   <li>{@link #FIRST_SEEN}/{@link #LAST_SEEN}: the first and last denial.
 *   <li>{@link #EVER_SUCCEEDED}: some request of this credential for this hotel got class {@code
 *       ok} in the run; {@link #LAST_SUCCESS} the last of them. Succeeded before the first denial
 *       and never after: a permission that was removed; never: a hotel the credential never had.
 * </ul>
 */
public final class AccessDenied implements Report {
  private static final long serialVersionUID = 1L;

  public static final String NAME = "access_denied";

  /** Its kind of piece: per credential × hotel; only one with a denial yields a row. */
  static final String KIND = "access";

  public static final String PROVIDER = ExchangeSchema.PROVIDER;
  public static final String TOKEN_ID = ExchangeSchema.TOKEN_ID;
  public static final String TOKEN_HINT = ExchangeSchema.TOKEN_HINT;
  public static final String HOTEL_ID = ExchangeSchema.HOTEL_ID;
  public static final String FORBIDDEN = "forbidden";
  public static final String FORBIDDEN_ACTION = "forbidden_action";
  public static final String UNCLASSIFIED = "unclassified";
  public static final String FIRST_SEEN = "first_seen";
  public static final String LAST_SEEN = "last_seen";
  public static final String EVER_SUCCEEDED = "ever_succeeded";
  public static final String LAST_SUCCESS = "last_success";

  /** The documented denials each count column counts, from the taxonomy. */
  public static final List<CodeColumn> DENIAL_COLUMNS =
      List.of(
          new CodeColumn(FORBIDDEN, Provider.CASY, Set.of("403 forbidden")),
          new CodeColumn(FORBIDDEN_ACTION, Provider.CASY, Set.of("403 forbidden_action")),
          new CodeColumn(FORBIDDEN_ACTION, Provider.HOTELBEDS, Set.of("403 ACCESS_DISALLOWED")),
          new CodeColumn(UNCLASSIFIED, Provider.CASY, Set.of("403 HTTP_403")),
          new CodeColumn(UNCLASSIFIED, Provider.HOTELBEDS, Set.of("403 FORBIDDEN")));

  public static final StructType SCHEMA =
      new StructType()
          .add(PROVIDER, StringType, true)
          .add(TOKEN_ID, StringType, true)
          .add(TOKEN_HINT, StringType, true)
          .add(HOTEL_ID, StringType, true)
          .add(FORBIDDEN, LongType, false)
          .add(FORBIDDEN_ACTION, LongType, false)
          .add(UNCLASSIFIED, LongType, false)
          .add(FIRST_SEEN, TimestampType, false)
          .add(LAST_SEEN, TimestampType, false)
          .add(EVER_SUCCEEDED, BooleanType, false)
          .add(LAST_SUCCESS, TimestampType, true);

  public static final List<String> COLUMNS = List.of(SCHEMA.fieldNames());

  public static final List<String> SORT = List.of(PROVIDER, TOKEN_ID, HOTEL_ID);

  /**
   * The denial column an exchange counts in ({@link #FORBIDDEN}, {@link #FORBIDDEN_ACTION} or
   * {@link #UNCLASSIFIED}), or null.
   */
  static String denialOf(String provider, Integer httpStatus, String errorCode) {
    for (CodeColumn column : DENIAL_COLUMNS) {
      if (column.counts(provider, httpStatus, errorCode)) {
        return column.column();
      }
    }
    return null;
  }

  @Override
  public List<ReportSpec> outputs(boolean includePii) {
    // Streamed: a row per credential × hotel with denials, which can be every hotel of a chain.
    return List.of(new ReportSpec(NAME, SCHEMA, SORT, true, true));
  }

  @Override
  public Scope scope() {
    return Scope.DAY;
  }

  @Override
  public List<PieceKind> kinds() {
    return List.of(
        new PieceKind(KIND, PieceKind.Keep.INCIDENT_KEYS, AccessCell::new, AccessCell::read));
  }

  @Override
  public void fold(ClassifiedExchange e, FoldContext at, Pieces pieces) {
    if (pieces
        .piece(KIND, e.provider, e.tokenId, e.hotelId, 0, AccessCell::new)
        .add(e, at.tsMicros())) {
      pieces.incident(new PieceKey(KIND, e.provider, e.tokenId, e.hotelId, 0));
    }
  }
}
