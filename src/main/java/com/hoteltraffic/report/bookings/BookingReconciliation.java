package com.hoteltraffic.report.bookings;

import com.hoteltraffic.model.ClassifiedExchange;
import com.hoteltraffic.model.ExchangeSchema;
import com.hoteltraffic.report.engine.FoldContext;
import com.hoteltraffic.report.engine.PieceKey;
import com.hoteltraffic.report.engine.PieceKind;
import com.hoteltraffic.report.engine.Pieces;
import com.hoteltraffic.report.engine.Report;
import com.hoteltraffic.report.engine.ReportEngine;
import com.hoteltraffic.report.engine.ReportSettings;
import com.hoteltraffic.report.engine.ReportSpec;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Unconfirmed bookings ({@code reports/unconfirmed_bookings.csv}): every Hotelbeds booking
 * confirmation that got a 504 or no response at all, with what later traffic shows about its {@code
 * clientReference}.
 *
 * <p>Hotelbeds documents (seed 004) that after a 504 at confirmation the booking may exist anyway;
 * a call that timed out on our side is just as uncertain. Later responses are the evidence: booking
 * lists, booking details, change and cancellation responses (which return the booking), and later
 * successful confirmations with the same client reference. Client references are compared
 * case-insensitively because Hotelbeds returns them upper-cased. Only evidence strictly after the
 * attempt counts: an earlier response cannot show what the attempt did.
 *
 * <p>Evidence comes from the attempt's provider environment only (production or test, from the
 * host: {@code environment} of the exchanges table): a test system's bookings are not production's.
 * Evidence that a booking exists counts from any credential of that environment; evidence of
 * absence only from the attempt's own credential, since BookingList shows the bookings of the
 * client the key belongs to and nothing in a recording says that two keys share one client.
 *
 * <p>Status, first rule that holds wins:
 *
 * <ol>
 *   <li>{@link #DUPLICATE}: later responses show two or more distinct bookings with the reference;
 *   <li>{@link #BOOKED}: a later list, detail, change or cancellation response shows exactly one,
 *       and it is not a retry's booking (one a later successful confirmation of the reference
 *       returned: it, its detail, change or cancellation say nothing of the attempt); or a list
 *       complete for the attempt (every condition below but emptiness) shows exactly one;
 *   <li>{@link #BOOKED_ON_RETRY}: the one booking shown is a retry's, and no complete list shows it
 *       alone: the attempt may have made a second one, so the action asks to check;
 *   <li>{@link #NOT_BOOKED}: a later list page that proves absence for the attempt (below), and no
 *       later confirmation of the reference succeeded (one whose response names no booking booked
 *       all the same);
 *   <li>{@link #UNRESOLVED}: none of the above.
 * </ol>
 *
 * <p>A list page proves absence for an attempt only when all of these hold:
 *
 * <ul>
 *   <li>it was requested with {@code status=ALL}: a {@code CONFIRMED} or {@code CANCELLED} list
 *       says nothing about the other status, and a list without {@code status} is not taken as
 *       proof (the provider documents do not say what it returns; guessing wrong books twice);
 *   <li>it was fetched with the attempt's credential, in the attempt's environment;
 *   <li>it was fetched at least the list lag ({@link ReportSettings#listLag()}, 90 s) after the
 *       attempt ended: its timestamp plus {@code duration_ms} whenever the record has one (also
 *       without a response: the client waited that long), plus the 60 s booking timeout only when
 *       it has none;
 *   <li>either it is filtered by the attempt's client reference and empty ({@code total} 0; an item
 *       without a reference or client reference is not proof), or it is unfiltered with {@code
 *       filterType=CREATION}, holds all of its {@code total} (the bookings read number at least
 *       {@code total}) and every item has a reference and a client reference;
 *   <li>it has a date range that would hold the attempt's booking: {@code CREATION} covering the
 *       attempt's calendar date in UTC and in Europe/Madrid over the whole interval from the
 *       attempt to its end plus the list lag, or (filtered pages) {@code CHECKIN} covering the
 *       attempt's check-in. A page without dates never proves absence. The run's time zone plays no
 *       part in evidence.
 * </ul>
 *
 * <p>A booking whose {@code creationDate} is before the attempt's date in Madrid minus one day is
 * an older booking that reused the client reference: it counts for neither {@link #DUPLICATE} nor
 * {@link #BOOKED} (nor {@link #BOOKED_ON_RETRY}).
 *
 * <p>{@link #EVIDENCE_TOKEN_ID} names the credential of the response the status rests on.
 *
 * <p>Ties are broken as {@link BookingRule} documents.
 *
 * <p>How: {@link BookingRule} decides in plain Java. The read's tasks turn booking traffic into
 * {@link BookingEvent}s, grouped by lower-cased client reference ({@link BookingEvent#keys()}) in
 * the merge's one shuffle; each group is reconciled on its own. The only evidence that reaches
 * across groups, unfiltered creation-date list pages ({@link CoveringList}), is small and few: it
 * travels with the read's counts and is broadcast. Only the report rows (one per uncertain attempt)
 * reach the driver; no evidence does.
 *
 * <p>Holder names appear only with {@code includePii}; payment data never reaches this table.
 */
public final class BookingReconciliation implements Report {
  private static final long serialVersionUID = 1L;

  public static final String NAME = "unconfirmed_bookings";

  /** Its kind of piece: per (lower-cased) client reference. */
  static final String KIND = "booking";

  // Output columns.
  public static final String ATTEMPT_TS = "attempt_ts";
  public static final String PROVIDER = ExchangeSchema.PROVIDER;
  public static final String TOKEN_ID = ExchangeSchema.TOKEN_ID;
  public static final String HOTEL_ID = ExchangeSchema.HOTEL_ID;
  public static final String CLIENT_REFERENCE = ExchangeSchema.CLIENT_REFERENCE;
  public static final String CHECK_IN = ExchangeSchema.CHECK_IN;
  public static final String CHECK_OUT = ExchangeSchema.CHECK_OUT;

  /** {@link #OUTCOME_HTTP_504} or {@link #OUTCOME_NO_RESPONSE}. */
  public static final String OUTCOME = "outcome";

  public static final String STATUS = "status";

  /** The booking found; for {@link #DUPLICATE} all of them, first seen first, joined by ";". */
  public static final String BOOKING_REFERENCE = "booking_reference";

  /** CONFIRMED / CANCELLED per booking in {@link #BOOKING_REFERENCE}, latest evidence wins. */
  public static final String BOOKING_STATUS = "booking_status";

  /** Number of distinct booking references later responses show for the client reference. */
  public static final String BOOKINGS_FOUND = "bookings_found";

  /** Kind of response the status rests on: an operation name, {@link #EVIDENCE_COMPLETE_LIST}. */
  public static final String EVIDENCE = "evidence";

  public static final String EVIDENCE_TS = "evidence_ts";

  /**
   * The credential ({@code token_id}) of the response the status rests on; empty when none does
   * ({@link #UNRESOLVED}). Shows whose list proved absence, or which key's traffic showed a
   * booking.
   */
  public static final String EVIDENCE_TOKEN_ID = "evidence_token_id";

  /** A short instruction for operations. */
  public static final String ACTION = "action";

  /** Only with includePii. */
  public static final String HOLDER_NAME = ExchangeSchema.HOLDER_NAME;

  // Values of OUTCOME.
  public static final String OUTCOME_HTTP_504 = "HTTP_504";
  public static final String OUTCOME_NO_RESPONSE = "NO_RESPONSE";

  // Values of STATUS.
  public static final String DUPLICATE = "DUPLICATE";
  public static final String BOOKED = "BOOKED";
  public static final String BOOKED_ON_RETRY = "BOOKED_ON_RETRY";
  public static final String NOT_BOOKED = "NOT_BOOKED";
  public static final String UNRESOLVED = "UNRESOLVED";

  // Values of EVIDENCE besides the operation names of the responses that showed a booking.
  /** A later list page complete for the attempt (see class comment) that does not show it. */
  public static final String EVIDENCE_COMPLETE_LIST = "booking_list_complete";

  public static final String EVIDENCE_NONE = "none";

  /** Booking status value Hotelbeds gives a cancelled booking. */
  public static final String BOOKING_CANCELLED = "CANCELLED";

  public static final String DEFAULT_TIMEZONE = "UTC";

  /** Output columns in order, without PII. */
  public static final List<String> COLUMNS =
      List.of(
          ATTEMPT_TS,
          PROVIDER,
          TOKEN_ID,
          HOTEL_ID,
          CLIENT_REFERENCE,
          CHECK_IN,
          CHECK_OUT,
          OUTCOME,
          STATUS,
          BOOKING_REFERENCE,
          BOOKING_STATUS,
          BOOKINGS_FOUND,
          EVIDENCE,
          EVIDENCE_TS,
          EVIDENCE_TOKEN_ID,
          ACTION);

  /** Row order of the report. */
  public static final List<String> SORT = List.of(ATTEMPT_TS, CLIENT_REFERENCE);

  /** Output columns in order: {@link #COLUMNS}, then {@link #HOLDER_NAME} with includePii. */
  public static List<String> columns(boolean includePii) {
    if (!includePii) {
      return COLUMNS;
    }
    List<String> withPii = new ArrayList<>(COLUMNS);
    withPii.add(HOLDER_NAME);
    return List.copyOf(withPii);
  }

  /** {@link #reconcile(Dataset, boolean, String)} for a run in UTC. */
  public static Dataset<Row> reconcile(Dataset<Row> exchanges, boolean includePii) {
    return reconcile(exchanges, includePii, DEFAULT_TIMEZONE);
  }

  /**
   * One row per uncertain booking attempt, columns {@link #columns(boolean)}, types {@link
   * #schema(boolean)}, with the code of a run: booking traffic is folded per client reference
   * ({@link #fold}) and each reference goes through {@link BookingRule}.
   *
   * @param exchanges classified exchanges ({@link ExchangeSchema#SCHEMA})
   * @param includePii whether to add {@link #HOLDER_NAME}
   * @param timezone zone id of the run (windows and day boundaries); it plays no part in evidence,
   *     whose dates are taken in UTC and Europe/Madrid
   */
  public static Dataset<Row> reconcile(
      Dataset<Row> exchanges, boolean includePii, String timezone) {
    ReportSettings settings =
        ReportSettings.defaults()
            .withIncludePii(includePii)
            .withWindow(ReportSettings.DEFAULT_WINDOW, ZoneId.of(timezone));
    return ReportEngine.output(
        exchanges, new BookingReconciliation(), settings, BookingReconciliation.NAME);
  }

  /** Output types, as the earlier Spark SQL implementation produced them. */
  public static StructType schema(boolean includePii) {
    List<StructField> fields = new ArrayList<>();
    fields.add(ReportSpec.field(ATTEMPT_TS, DataTypes.TimestampType, true));
    for (String name :
        List.of(PROVIDER, TOKEN_ID, HOTEL_ID, CLIENT_REFERENCE, CHECK_IN, CHECK_OUT)) {
      fields.add(ReportSpec.field(name, DataTypes.StringType, true));
    }
    fields.add(ReportSpec.field(OUTCOME, DataTypes.StringType, false));
    fields.add(ReportSpec.field(STATUS, DataTypes.StringType, false));
    fields.add(ReportSpec.field(BOOKING_REFERENCE, DataTypes.StringType, true));
    fields.add(ReportSpec.field(BOOKING_STATUS, DataTypes.StringType, true));
    fields.add(ReportSpec.field(BOOKINGS_FOUND, DataTypes.IntegerType, false));
    fields.add(ReportSpec.field(EVIDENCE, DataTypes.StringType, true));
    fields.add(ReportSpec.field(EVIDENCE_TS, DataTypes.TimestampType, true));
    fields.add(ReportSpec.field(EVIDENCE_TOKEN_ID, DataTypes.StringType, true));
    fields.add(ReportSpec.field(ACTION, DataTypes.StringType, true));
    if (includePii) {
      fields.add(ReportSpec.field(HOLDER_NAME, DataTypes.StringType, true));
    }
    return DataTypes.createStructType(fields);
  }

  @Override
  public List<ReportSpec> outputs(boolean includePii) {
    return List.of(new ReportSpec(NAME, schema(includePii), SORT, true));
  }

  /** The read window: later traffic (the look-ahead) can settle a day's attempt. */
  @Override
  public Scope scope() {
    return Scope.READ_WINDOW;
  }

  /**
   * One kind: per client reference. Only references whose bucket an uncertain attempt marked can
   * yield a row; the attempts themselves are not listed, so the driver's facts stay bounded in a
   * 504 storm.
   */
  @Override
  public List<PieceKind> kinds() {
    return List.of(
        new PieceKind(
            KIND, PieceKind.Keep.MARKED_BUCKETS, BookingEvidence::new, BookingEvidence::read));
  }

  @Override
  public CoveringLists.Facts facts() {
    return new CoveringLists.Facts();
  }

  /** Booking traffic goes to each client reference it names; a covering list to the facts. */
  @Override
  public void fold(ClassifiedExchange e, FoldContext at, Pieces pieces) {
    BookingEvent event = BookingEvent.of(e, at.source(), at.line());
    if (event == null) {
      return;
    }
    for (String reference : event.keys()) {
      PieceKey key = new PieceKey(KIND, null, reference, null, 0);
      pieces.piece(key, BookingEvidence::new).add(event.forKey(reference));
      if (event.isAttempt()) {
        pieces.markBucket(key);
      }
    }
    CoveringList covering = event.coveringList();
    if (covering != null) {
      pieces.<CoveringLists>facts().add(covering);
    }
  }
}
