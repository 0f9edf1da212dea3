package com.hoteltraffic.report;

import com.hoteltraffic.model.ClassifiedExchange;
import com.hoteltraffic.model.ErrorClass;
import com.hoteltraffic.model.ExchangeFold;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.roaringbitmap.RoaringBitmap;

/**
 * What every report needs of the traffic, folded in the read's tasks as the exchanges go by (see
 * {@link ExchangeFold}): one piece per report key, so that the reports come from one read.
 *
 * <ul>
 *   <li>error rates: counts and a latency histogram per window × provider × hotel, × credential,
 *       and × nothing (the page's series);
 *   <li>error codes: count, first and last seen per provider × status × code × class;
 *   <li>rate-limit bursts: per credential, the time of every exchange and the rejections;
 *   <li>database outages: per key, the failures and the time of every success that can end them;
 *   <li>unconfirmed bookings: per client reference, the booking traffic that names it;
 *   <li>error rates by operation: counts per class and a latency histogram per window × provider ×
 *       operation;
 *   <li>credential health: per credential, its counts and its trailing failures;
 *   <li>access denials: per credential × hotel, its denials and its last success (a key without a
 *       denial is dropped before the merge);
 *   <li>client behaviour: per credential, the time, fingerprint and kind of every call;
 *   <li>body parse failures: per provider × operation × body × format, the bodies that said they
 *       were JSON or XML and could not be read (a key only once one failed).
 * </ul>
 *
 * <p>A daily run counts only its day's exchanges for rates and codes (and keeps only those in the
 * table), and detects on its read window.
 */
public final class ReportFold implements ExchangeFold<ReportFold.Partial> {
  private static final long serialVersionUID = 1L;

  // Kinds of piece: which report a key belongs to.
  static final String RATE_HOTEL = "rate_hotel";
  static final String RATE_TOKEN = "rate_token";
  static final String RATE_PROVIDER = "rate_provider";
  static final String CODE = "code";
  static final String BURST = "burst";
  static final String OUTAGE_TENANT = "outage_tenant";
  static final String OUTAGE_CENTRAL = "outage_central";
  static final String BOOKING = "booking";
  static final String RATE_OPERATION = "rate_operation";
  static final String CREDENTIAL = "credential";
  static final String ACCESS = "access";
  static final String BEHAVIOUR = "behaviour";
  static final String PARSE = "parse";

  /**
   * Kinds whose keys only yield rows when some task saw an incident event for them: a rejection, a
   * database failure, an uncertain booking attempt (see {@link SharedFacts}; booking keys are known
   * by their bucket only, so that the driver's facts stay bounded in a 504 storm).
   */
  static final Set<String> INCIDENT_KINDS =
      Set.of(BURST, OUTAGE_TENANT, OUTAGE_CENTRAL, BOOKING, ACCESS);

  private final ReportSettings settings;
  private final ReportSettings.Bounds bounds;

  public ReportFold(ReportSettings settings) {
    this.settings = settings;
    this.bounds = settings.bounds();
  }

  /** One task's pieces by key, and its small facts. */
  public static final class Partial {
    final WindowClock clock;
    final Map<Piece.PieceKey, Piece> pieces = new HashMap<>();
    final List<CoveringList> coveringLists = new ArrayList<>();
    final Set<Piece.PieceKey> incidentKeys = new HashSet<>();

    /** {@link SharedFacts#attemptBucket} of every client reference with an uncertain attempt. */
    final RoaringBitmap attemptBuckets = new RoaringBitmap();

    Partial(WindowClock clock) {
      this.clock = clock;
    }

    @SuppressWarnings("unchecked")
    <T extends Piece> T piece(Piece.PieceKey key, Supplier<T> fresh) {
      return (T) pieces.computeIfAbsent(key, k -> fresh.get());
    }
  }

  @Override
  public Partial start() {
    return new Partial(new WindowClock(settings.window(), settings.zone()));
  }

  @Override
  public boolean inTable(ClassifiedExchange exchange) {
    return bounds.counts(exchange.tsMillis * 1_000L);
  }

  @Override
  public void add(Partial partial, ClassifiedExchange exchange, String source, long line) {
    long tsMicros = exchange.tsMillis * 1_000L;
    if (bounds.counts(tsMicros)) {
      addRates(partial, exchange, tsMicros);
      addCode(partial, exchange, tsMicros);
      addOperation(partial, exchange, tsMicros);
      addCredential(partial, exchange, tsMicros);
      addAccess(partial, exchange, tsMicros);
      addParseFailure(partial, exchange, tsMicros);
    }
    if (bounds.detects(tsMicros)) {
      addBurstEvidence(partial, exchange, tsMicros);
      addOutageEvidence(partial, exchange, tsMicros);
      addBookingEvidence(partial, exchange, source, line);
      // Every call of the read window: a day's call may repeat a failure from before midnight.
      partial
          .piece(
              new Piece.PieceKey(BEHAVIOUR, exchange.provider, exchange.tokenId, null, 0),
              BehaviourCell::new)
          .add(exchange, bounds.counts(tsMicros));
    }
  }

  @Override
  public void writeBlock(Partial partial, DataOutput out) throws IOException {
    PieceCodec.writeBlock(out, partial.pieces);
  }

  @Override
  public byte[] facts(Partial partial) {
    partial.attemptBuckets.runOptimize();
    return SharedFacts.encode(partial.coveringLists, partial.incidentKeys, partial.attemptBuckets);
  }

  private static void addRates(Partial partial, ClassifiedExchange e, long tsMicros) {
    long window = partial.clock.key(tsMicros);
    partial
        .piece(new Piece.PieceKey(RATE_HOTEL, e.provider, e.hotelId, null, window), RateCell::new)
        .add(e);
    partial
        .piece(new Piece.PieceKey(RATE_TOKEN, e.provider, e.tokenId, null, window), RateCell::new)
        .add(e);
    partial
        .piece(new Piece.PieceKey(RATE_PROVIDER, e.provider, null, null, window), RateCell::new)
        .add(e);
  }

  private static void addCode(Partial partial, ClassifiedExchange e, long tsMicros) {
    long status = e.httpStatus == null ? CodeCell.NO_STATUS : e.httpStatus;
    partial
        .piece(
            new Piece.PieceKey(CODE, e.provider, e.errorCode, e.errorClass, status), CodeCell::new)
        .add(tsMicros, e.documented, e.retryable);
  }

  private static void addOperation(Partial partial, ClassifiedExchange e, long tsMicros) {
    long window = partial.clock.key(tsMicros);
    partial
        .piece(
            new Piece.PieceKey(RATE_OPERATION, e.provider, e.operation, null, window),
            OperationCell::new)
        .add(e);
  }

  private static void addCredential(Partial partial, ClassifiedExchange e, long tsMicros) {
    partial
        .piece(new Piece.PieceKey(CREDENTIAL, e.provider, e.tokenId, null, 0), CredentialCell::new)
        .add(e, tsMicros);
  }

  private static void addAccess(Partial partial, ClassifiedExchange e, long tsMicros) {
    Piece.PieceKey key = new Piece.PieceKey(ACCESS, e.provider, e.tokenId, e.hotelId, 0);
    AccessCell cell = partial.piece(key, AccessCell::new);
    if (cell.add(e, tsMicros)) {
      partial.incidentKeys.add(key);
    }
  }

  private static void addParseFailure(Partial partial, ClassifiedExchange e, long tsMicros) {
    if (e.unreadableBody == null) {
      return;
    }
    String detail = e.unreadableBody + ParseFailureCell.SEPARATOR + e.unreadableFormat;
    partial
        .piece(new Piece.PieceKey(PARSE, e.provider, e.operation, detail, 0), ParseFailureCell::new)
        .add(tsMicros);
  }

  private static void addBurstEvidence(Partial partial, ClassifiedExchange e, long tsMicros) {
    Piece.PieceKey key = new Piece.PieceKey(BURST, e.provider, e.tokenId, null, 0);
    String kind = BurstRule.kindOf(e.errorClass);
    BurstRule.Rejection rejection =
        kind == null
            ? null
            : new BurstRule.Rejection(
                tsMicros, kind, e.hotelId, e.rateLimitLimit, e.rateLimitWindowSeconds);
    partial.piece(key, CredentialTraffic::new).add(tsMicros, rejection);
    if (rejection != null) {
      partial.incidentKeys.add(key);
    }
  }

  private static void addOutageEvidence(Partial partial, ClassifiedExchange e, long tsMicros) {
    String scope = OutageRule.scopeOf(e.errorCode);
    if (scope != null) {
      Piece.PieceKey key =
          DbOutages.SCOPE_TENANT.equals(scope)
              ? new Piece.PieceKey(OUTAGE_TENANT, e.provider, e.hotelId, null, 0)
              : new Piece.PieceKey(OUTAGE_CENTRAL, e.provider, null, null, 0);
      partial
          .piece(key, OutageEvidence::new)
          .addFailure(new OutageRule.Failure(tsMicros, e.tokenId, e.hotelId));
      partial.incidentKeys.add(key);
    } else if (ErrorClass.OK.equals(e.errorClass)) {
      // A success can end its hotel's tenant outage and its provider's central outage.
      partial
          .piece(
              new Piece.PieceKey(OUTAGE_TENANT, e.provider, e.hotelId, null, 0),
              OutageEvidence::new)
          .addSuccess(tsMicros);
      partial
          .piece(new Piece.PieceKey(OUTAGE_CENTRAL, e.provider, null, null, 0), OutageEvidence::new)
          .addSuccess(tsMicros);
    }
  }

  private static void addBookingEvidence(
      Partial partial, ClassifiedExchange e, String source, long line) {
    BookingEvent event = BookingEvent.of(e, source, line);
    if (event == null) {
      return;
    }
    for (String reference : event.keys()) {
      Piece.PieceKey key = new Piece.PieceKey(BOOKING, null, reference, null, 0);
      partial.piece(key, BookingEvidence::new).add(event.forKey(reference));
      if (event.isAttempt()) {
        partial.attemptBuckets.add(SharedFacts.attemptBucket(reference));
      }
    }
    CoveringList covering = event.coveringList();
    if (covering != null) {
      partial.coveringLists.add(covering);
    }
  }
}
