package com.hoteltraffic.report.behaviour;

import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import com.hoteltraffic.model.ClassifiedExchange;
import com.hoteltraffic.model.ErrorClass;
import com.hoteltraffic.model.ExchangeSchema;
import com.hoteltraffic.model.Provider;
import com.hoteltraffic.report.engine.FoldContext;
import com.hoteltraffic.report.engine.PieceKind;
import com.hoteltraffic.report.engine.Pieces;
import com.hoteltraffic.report.engine.Report;
import com.hoteltraffic.report.engine.ReportSpec;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.types.StructType;

/**
 * Client behaviour ({@code client_behaviour}): per provider × credential, the calls that ignored
 * the documented remedies and so wasted the credential's traffic (and rate limit). Two calls are
 * "the same" when their {@code request_fingerprint} (method, URL, request body) is equal.
 *
 * <ul>
 *   <li>{@link #FIX_FIRST_FAILURES}: answers the documents say to fix, not retry: HTTP 400, 401,
 *       402, 403, 404, 406, 410 and 415 that are not retryable (so not Hotelbeds 403 over-QPS),
 *       Hotelbeds {@code INVALID_REQUEST}/{@code INVALID_DATA} included (both 400); Hotelbeds'
 *       remedies for 402, 406 and 415 are to revise the payment type, the Accept header and the
 *       Content-Type header.
 *   <li>{@link #REPEATED_UNCHANGED}: such failures whose call was sent with the same fingerprint at
 *       most the provider's repeat window ({@code repeat_window_s} in {@code providers.json}:
 *       Hotelbeds 15 min, CASY and the default 10 min) after the previous such failure of that
 *       fingerprint: the client resent the call unchanged and failed the same way again (each
 *       repeat counts; any other outcome of that fingerprint in between ends the chain). Every
 *       Hotelbeds 410 counts too, whether or not the failure it repeats is in the recording: the
 *       provider answers 410 to a failed request repeated within 15 minutes.
 *   <li>{@link #RETRYABLE_FAILURES}: retryable failures (taxonomy {@code retryable}: 429, 5xx
 *       outages, timeouts, no response).
 *   <li>{@link #FAST_RETRIES}: calls with the same fingerprint sent less than {@value
 *       #FAST_RETRY_MILLIS} ms after such a failure ended ({@code ts + duration_ms}); a call sent
 *       before the failure ended is not a retry of it. Counted whatever the retry's outcome; wasted
 *       only when it failed.
 *   <li>{@link #REJECTED_IN_BURSTS}: the credential's rejections inside its {@code
 *       rate_limit_bursts} rows (same rule and settings: {@code rate_limited} groups of at least
 *       {@code --burst-min}, every {@code quota_exceeded} rejection).
 *   <li>{@link #WASTED}: the repeats, the fast retries that failed and the rejections in bursts
 *       (each call once); {@link #WASTED_SHARE} = wasted / requests, 6 decimals.
 * </ul>
 *
 * <p>A call at the very same millisecond as a failure is not taken as its repeat or retry: the
 * recording does not order them. The rule is {@link BehaviourRule}, plain Java on one credential's
 * calls in time order.
 */
public final class ClientBehaviour implements Report {
  private static final long serialVersionUID = 1L;

  public static final String NAME = "client_behaviour";

  /** Its kind of piece: per provider × credential. */
  static final String KIND = "behaviour";

  public static final String PROVIDER = ExchangeSchema.PROVIDER;
  public static final String TOKEN_ID = ExchangeSchema.TOKEN_ID;
  public static final String TOKEN_HINT = ExchangeSchema.TOKEN_HINT;
  public static final String REQUESTS = "requests";
  public static final String FIX_FIRST_FAILURES = "fix_first_failures";
  public static final String REPEATED_UNCHANGED = "repeated_unchanged";
  public static final String RETRYABLE_FAILURES = "retryable_failures";
  public static final String FAST_RETRIES = "fast_retries";
  public static final String REJECTED_IN_BURSTS = "rejected_in_bursts";
  public static final String WASTED = "wasted";
  public static final String WASTED_SHARE = "wasted_share";

  public static final long FAST_RETRY_MILLIS = 1_000;

  /** The HTTP statuses whose non-retryable answers say "fix the call". */
  static final Set<Integer> FIX_FIRST_STATUSES = Set.of(400, 401, 402, 403, 404, 406, 410, 415);

  /**
   * Statuses by which a provider names an answer an unchanged repeat of a failed request: Hotelbeds
   * 410 (providers.md), whatever code its body names.
   */
  static final Set<String> NAMED_REPEAT_STATUSES = Set.of(Provider.HOTELBEDS + " 410");

  public static final StructType SCHEMA =
      new StructType()
          .add(PROVIDER, StringType, true)
          .add(TOKEN_ID, StringType, true)
          .add(TOKEN_HINT, StringType, true)
          .add(REQUESTS, LongType, false)
          .add(FIX_FIRST_FAILURES, LongType, false)
          .add(REPEATED_UNCHANGED, LongType, false)
          .add(RETRYABLE_FAILURES, LongType, false)
          .add(FAST_RETRIES, LongType, false)
          .add(REJECTED_IN_BURSTS, LongType, false)
          .add(WASTED, LongType, false)
          .add(WASTED_SHARE, DoubleType, false);

  public static final List<String> COLUMNS = List.of(SCHEMA.fieldNames());

  public static final List<String> SORT = List.of(PROVIDER, TOKEN_ID);

  /** The kind of call {@link BehaviourRule} sees (flags of {@link BehaviourRule.Call}). */
  static int flagsOf(ClassifiedExchange e) {
    int flags = 0;
    if (e.httpStatus != null
        && FIX_FIRST_STATUSES.contains(e.httpStatus)
        && !e.retryable
        && e.isError()) {
      flags |= BehaviourRule.FIX_FIRST;
      if (NAMED_REPEAT_STATUSES.contains(e.provider + " " + e.httpStatus)) {
        flags |= BehaviourRule.NAMED_REPEAT;
      }
    }
    if (e.retryable && e.isError()) {
      flags |= BehaviourRule.RETRYABLE;
    }
    if (ErrorClass.RATE_LIMITED.equals(e.errorClass)) {
      flags |= BehaviourRule.RATE_LIMITED;
    }
    if (ErrorClass.QUOTA_EXCEEDED.equals(e.errorClass)) {
      flags |= BehaviourRule.QUOTA;
    }
    if (e.isError()) {
      flags |= BehaviourRule.ERROR;
    }
    return flags;
  }

  @Override
  public List<ReportSpec> outputs(boolean includePii) {
    return List.of(new ReportSpec(NAME, SCHEMA, SORT, true));
  }

  @Override
  public Scope scope() {
    return Scope.READ_WINDOW;
  }

  @Override
  public List<PieceKind> kinds() {
    return List.of(
        new PieceKind(KIND, PieceKind.Keep.EVERY_KEY, BehaviourCell::new, BehaviourCell::read));
  }

  @Override
  public void fold(ClassifiedExchange e, FoldContext at, Pieces pieces) {
    // Every call of the read window: a day's call may repeat a failure from before midnight.
    pieces.piece(KIND, e.provider, e.tokenId, null, 0, BehaviourCell::new).add(e, at.inDay());
  }
}
