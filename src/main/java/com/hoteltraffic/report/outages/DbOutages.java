package com.hoteltraffic.report.outages;

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
 * Database outages ({@code reports/db_outages.csv}, {@code tables/db_outages}) from CASY's 502
 * answers.
 *
 * <ul>
 *   <li>Scope {@value #SCOPE_TENANT}: {@code tenant_db_unavailable} of one provider and hotel.
 *   <li>Scope {@value #SCOPE_CENTRAL}: {@code central_db_unavailable} of one provider, whatever the
 *       hotel; {@link #HOTEL_ID} is null. A central outage is only ever reported once with this
 *       scope, never also as one tenant outage per hotel it hit: the two scopes are built from
 *       different error codes.
 * </ul>
 *
 * <p>Failures are joined while the gap between consecutive failures of one key is at most {@code
 * gap} (a gap exactly equal joins); a group is kept when it has at least {@code minFailures}.
 * {@link #START}/{@link #END}: first and last failure; {@link #FAILED_REQUESTS}: their count;
 * {@link #AFFECTED_TOKENS}/{@link #AFFECTED_HOTELS}: distinct credentials and hotels among the
 * failures (1 hotel for a tenant outage with a hotel); {@link #RECOVERED_AT}: the first success
 * (class {@code ok}) of the same provider and hotel — of any hotel for central — strictly after
 * {@code end}, null when the data holds none. A tenant failure that names no hotel is grouped under
 * a null hotel.
 *
 * <p>The rule itself is {@link OutageRule}, plain Java per key. A run folds each key's failures and
 * successes in its read tasks ({@link #fold}); {@link #detect} does the same from a Dataset.
 */
public final class DbOutages implements Report {
  private static final long serialVersionUID = 1L;

  public static final String NAME = "db_outages";

  // Its kinds of piece: per hotel (tenant outages) and per provider (central outages).
  static final String KIND_TENANT = "outage_tenant";
  static final String KIND_CENTRAL = "outage_central";

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
            ReportSpec.field(PROVIDER, DataTypes.StringType, true),
            ReportSpec.field(SCOPE, DataTypes.StringType, false),
            ReportSpec.field(HOTEL_ID, DataTypes.StringType, true),
            ReportSpec.field(START, DataTypes.TimestampType, true),
            ReportSpec.field(END, DataTypes.TimestampType, true),
            ReportSpec.field(FAILED_REQUESTS, DataTypes.LongType, false),
            ReportSpec.field(DURATION_S, DataTypes.DoubleType, true),
            ReportSpec.field(AFFECTED_TOKENS, DataTypes.LongType, false),
            ReportSpec.field(AFFECTED_HOTELS, DataTypes.LongType, false),
            ReportSpec.field(RECOVERED_AT, DataTypes.TimestampType, true)
          });

  /**
   * Detects outages in classified exchanges (schema {@link ExchangeSchema#SCHEMA}), with the code
   * of a run: failures and successes are folded per key ({@link #fold}) and each key goes through
   * {@link OutageRule}.
   *
   * @param gap the largest gap between consecutive failures of one outage ({@code --outage-gap})
   * @param minFailures the fewest failures an outage needs to be reported ({@code --outage-min})
   * @return one row per outage with the columns {@link #COLUMNS} and schema {@link #SCHEMA}
   */
  public static Dataset<Row> detect(Dataset<Row> exchanges, Duration gap, int minFailures) {
    ReportSettings settings = ReportSettings.defaults().withOutages(gap, minFailures);
    return ReportEngine.output(exchanges, new DbOutages(), settings, NAME);
  }

  @Override
  public List<ReportSpec> outputs(boolean includePii) {
    return List.of(new ReportSpec(NAME, SCHEMA, SORT, true));
  }

  /** The read window: an outage that began before the day is reported whole. */
  @Override
  public Scope scope() {
    return Scope.READ_WINDOW;
  }

  @Override
  public List<PieceKind> kinds() {
    return List.of(
        new PieceKind(
            KIND_TENANT, PieceKind.Keep.INCIDENT_KEYS, OutageEvidence::new, OutageEvidence::read),
        new PieceKind(
            KIND_CENTRAL, PieceKind.Keep.INCIDENT_KEYS, OutageEvidence::new, OutageEvidence::read));
  }

  /**
   * A database failure goes to its hotel's (tenant) or its provider's (central) key; a success can
   * end its hotel's tenant outage and its provider's central outage.
   */
  @Override
  public void fold(ClassifiedExchange e, FoldContext at, Pieces pieces) {
    String scope = OutageRule.scopeOf(e.errorCode);
    if (scope != null) {
      PieceKey key =
          SCOPE_TENANT.equals(scope)
              ? new PieceKey(KIND_TENANT, e.provider, e.hotelId, null, 0)
              : new PieceKey(KIND_CENTRAL, e.provider, null, null, 0);
      pieces
          .piece(key, OutageEvidence::new)
          .addFailure(new OutageRule.Failure(at.tsMicros(), e.tokenId, e.hotelId));
      pieces.incident(key);
    } else if (ErrorClass.OK.equals(e.errorClass)) {
      pieces
          .piece(KIND_TENANT, e.provider, e.hotelId, null, 0, OutageEvidence::new)
          .addSuccess(at.tsMicros());
      pieces
          .piece(KIND_CENTRAL, e.provider, null, null, 0, OutageEvidence::new)
          .addSuccess(at.tsMicros());
    }
  }
}
