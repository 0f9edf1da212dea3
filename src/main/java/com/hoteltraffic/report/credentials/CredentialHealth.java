package com.hoteltraffic.report.credentials;

import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;

import com.hoteltraffic.model.ClassifiedExchange;
import com.hoteltraffic.model.DocumentedCodes;
import com.hoteltraffic.model.ErrorClass;
import com.hoteltraffic.model.ExchangeSchema;
import com.hoteltraffic.model.Provider;
import com.hoteltraffic.report.engine.FoldContext;
import com.hoteltraffic.report.engine.PieceKind;
import com.hoteltraffic.report.engine.Pieces;
import com.hoteltraffic.report.engine.Report;
import com.hoteltraffic.report.engine.ReportSpec;
import com.hoteltraffic.report.shared.CodeColumn;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.types.StructType;

/**
 * Credential health ({@code credential_health}): one row per provider × credential ({@code
 * token_id}, {@code token_hint}) with its traffic, its authentication failures by documented code
 * and a {@link #STATE} as of its last request.
 *
 * <p>Each answer is one of four ({@link #answer}): an authentication failure (class {@code auth}:
 * CASY 401, Hotelbeds 401, 403 Developer Inactive, 403 Not Authorized), a daily-quota rejection
 * (class {@code quota_exceeded}, Hotelbeds 403 Developer Over Rate), an answer that proves the
 * credential was accepted (2xx, 3xx, or a 4xx that is none of the other kinds: CASY 403 {@code
 * forbidden}, 404, 400 ...), or a neutral one that proves nothing about the credential (no
 * response, a timeout, 5xx, 429 and other rate limits such as Over QPS, a 401 or 403 that names no
 * documented sub-case). Neutral answers neither extend a run of failures nor end it; only an
 * accepted answer ends one; the two kinds of failure are neutral to each other's run.
 *
 * <ul>
 *   <li>{@value #FAILING_AUTH}: the credential's run of authentication failures since its last
 *       accepted answer has {@value #FAILING_AUTH_MIN} or more failures: expired, revoked or
 *       misconfigured. {@link #SINCE} is the first of them. Fewer are {@value #DEGRADED}: one or
 *       two failures are not yet proof.
 *   <li>{@value #QUOTA_EXHAUSTED}: at least one daily-quota rejection since the last accepted
 *       answer; {@link #SINCE} is the first. One suffices: Hotelbeds documents that the quota stays
 *       used up for the rest of the day.
 *   <li>{@value #DEGRADED}: neither, but at least one request of the credential failed
 *       authentication or was rejected for the quota; {@link #SINCE} is the first such one.
 *   <li>{@value #HEALTHY}: no request failed authentication or hit the quota; {@link #SINCE} is
 *       empty.
 * </ul>
 *
 * <p>{@link #LAST_ACCEPTED} is the credential's last accepted answer (empty when none); {@link
 * #REMEDY} is the taxonomy's remedy for the code that set the state: the latest failure of the run
 * for {@value #FAILING_AUTH} and {@value #QUOTA_EXHAUSTED}, the first failure for {@value
 * #DEGRADED} (empty when healthy, or when that code is not documented). A daily run counts its
 * day's exchanges. Requests that sent no credential form the row with an empty {@code token_id}.
 */
public final class CredentialHealth implements Report {
  private static final long serialVersionUID = 1L;

  public static final String NAME = "credential_health";

  /** Its kind of piece: per provider × credential. */
  static final String KIND = "credential";

  public static final String PROVIDER = ExchangeSchema.PROVIDER;
  public static final String TOKEN_ID = ExchangeSchema.TOKEN_ID;
  public static final String TOKEN_HINT = ExchangeSchema.TOKEN_HINT;
  public static final String FIRST_SEEN = "first_seen";
  public static final String LAST_SEEN = "last_seen";
  public static final String REQUESTS = "requests";
  public static final String LAST_SUCCESS = "last_success";
  public static final String LAST_ACCEPTED = "last_accepted";
  public static final String STATE = "state";
  public static final String SINCE = "since";
  public static final String REMEDY = "remedy";

  /** {@link #STATE} values, read by name by the alerts. */
  public static final String HEALTHY = "healthy";

  public static final String DEGRADED = "degraded";
  public static final String FAILING_AUTH = "failing_auth";
  public static final String QUOTA_EXHAUSTED = "quota_exhausted";

  /** The fewest trailing authentication failures that make a credential {@value #FAILING_AUTH}. */
  public static final int FAILING_AUTH_MIN = 3;

  /** The authentication failures counted, as the taxonomy names them. */
  public static final List<CodeColumn> FAILURE_COLUMNS =
      List.of(
          new CodeColumn("missing_token", Provider.CASY, Set.of("401 missing_token")),
          new CodeColumn("invalid_token", Provider.CASY, Set.of("401 invalid_token")),
          new CodeColumn(
              "invalid_token_or_not_found",
              Provider.CASY,
              Set.of("401 invalid_token_or_not_found")),
          new CodeColumn(
              "signature_failed",
              Provider.HOTELBEDS,
              Set.of(
                  "401 NOT_AUTHORIZED",
                  "401 SIGNATURE_VERIFICATION_FAILED",
                  "401 AUTHORIZATION_FIELD_MISSING",
                  "403 NOT_AUTHORIZED")),
          new CodeColumn(
              "developer_inactive", Provider.HOTELBEDS, Set.of("403 DEVELOPER_INACTIVE")),
          new CodeColumn(
              "developer_over_rate", Provider.HOTELBEDS, Set.of("403 DEVELOPER_OVER_RATE")));

  public static final StructType SCHEMA = schema();

  public static final List<String> COLUMNS = List.of(SCHEMA.fieldNames());

  public static final List<String> SORT = List.of(PROVIDER, TOKEN_ID);

  private static StructType schema() {
    StructType schema =
        new StructType()
            .add(PROVIDER, StringType, true)
            .add(TOKEN_ID, StringType, true)
            .add(TOKEN_HINT, StringType, true)
            .add(FIRST_SEEN, TimestampType, false)
            .add(LAST_SEEN, TimestampType, false)
            .add(REQUESTS, LongType, false)
            .add(LAST_SUCCESS, TimestampType, true)
            .add(LAST_ACCEPTED, TimestampType, true);
    for (CodeColumn column : FAILURE_COLUMNS) {
      schema = schema.add(column.column(), LongType, false);
    }
    return schema
        .add(STATE, StringType, false)
        .add(SINCE, TimestampType, true)
        .add(REMEDY, StringType, true);
  }

  /** What one answer says about its credential (see the class comment). */
  enum Answer {
    AUTH_FAILURE,
    QUOTA_REJECTION,
    ACCEPTED,
    NEUTRAL
  }

  /** The HTTP status of rate limiting: the client was too fast, which says nothing of its key. */
  private static final int TOO_MANY_REQUESTS = 429;

  /** The rule of the class comment, with the documents' codes and statuses as data. */
  static Answer answer(ClassifiedExchange e, DocumentedCodes codes) {
    if (ErrorClass.AUTH.equals(e.errorClass)) {
      return Answer.AUTH_FAILURE;
    }
    if (ErrorClass.QUOTA_EXCEEDED.equals(e.errorClass)) {
      return Answer.QUOTA_REJECTION;
    }
    Integer status = e.httpStatus;
    if (status == null || status >= 500) {
      return Answer.NEUTRAL;
    }
    if (status < 400) {
      return Answer.ACCEPTED;
    }
    if (ErrorClass.RATE_LIMITED.equals(e.errorClass) || status == TOO_MANY_REQUESTS) {
      return Answer.NEUTRAL;
    }
    // A 401 or 403 that names no sub-case may be an authentication failure the body did not name.
    if (codes.isAuthStatus(status) && !codes.namesSubCase(e.provider, status, e.errorCode)) {
      return Answer.NEUTRAL;
    }
    return Answer.ACCEPTED;
  }

  /** A state and the time it holds since (null for {@value #HEALTHY}), in microseconds. */
  public record Health(String state, Long sinceMicros) {}

  /**
   * The state rule (see the class comment).
   *
   * @param authTail trailing authentication failures: count and first timestamp
   * @param quotaTail trailing quota rejections: count and first timestamp
   * @param firstProblemMicros the first authentication failure or quota rejection, or {@link
   *     Long#MAX_VALUE} when there was none
   */
  public static Health state(
      int authTail, long authSince, int quotaTail, long quotaSince, long firstProblemMicros) {
    if (authTail >= FAILING_AUTH_MIN) {
      return new Health(FAILING_AUTH, authSince);
    }
    if (quotaTail >= 1) {
      return new Health(QUOTA_EXHAUSTED, quotaSince);
    }
    if (firstProblemMicros != Long.MAX_VALUE) {
      return new Health(DEGRADED, firstProblemMicros);
    }
    return new Health(HEALTHY, null);
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
    return List.of(
        new PieceKind(KIND, PieceKind.Keep.EVERY_KEY, CredentialCell::new, CredentialCell::read));
  }

  @Override
  public void fold(ClassifiedExchange e, FoldContext at, Pieces pieces) {
    pieces.piece(KIND, e.provider, e.tokenId, null, 0, CredentialCell::new).add(e, at.tsMicros());
  }
}
