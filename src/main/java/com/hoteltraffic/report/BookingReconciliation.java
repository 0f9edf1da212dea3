package com.hoteltraffic.report;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_join;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.date_from_unix_date;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.from_utc_timestamp;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.try_to_date;
import static org.apache.spark.sql.functions.unix_micros;
import static org.apache.spark.sql.functions.upper;
import static org.apache.spark.sql.functions.when;

import com.hoteltraffic.model.ExchangeSchema;
import com.hoteltraffic.model.Operation;
import com.hoteltraffic.model.Provider;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

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
 * <p>Status, first rule that holds wins:
 *
 * <ol>
 *   <li>{@link #DUPLICATE}: later responses show two or more distinct bookings with the reference;
 *   <li>{@link #BOOKED}: a later list, detail, change or cancellation response shows exactly one;
 *   <li>{@link #BOOKED_ON_RETRY}: only a later successful confirmation shows it;
 *   <li>{@link #NOT_BOOKED}: a later list page that is complete for the attempt does not show it;
 *   <li>{@link #UNRESOLVED}: none of the above.
 * </ol>
 *
 * <p>A list page is complete for an attempt only when it holds all of its {@code total} (the
 * bookings read from the page number at least {@code total}; a page with {@code from=1} and {@code
 * to >= total} that shows fewer is not trusted) and it is either filtered by the attempt's client
 * reference, or unfiltered with {@code filterType=CREATION} and {@code start..end} covering the
 * attempt's date. The attempt's date is the date of its timestamp in the given time zone (UTC
 * unless told otherwise). A page filtered by the client reference that also carries a date range
 * must cover the attempt too (its creation date for {@code CREATION}, its check-in for {@code
 * CHECKIN}): Hotelbeds applies the dates as well, so a range that misses the booking proves
 * nothing.
 *
 * <p>Scale: attempts are few and evidence is plentiful, so the attempts are broadcast and joined to
 * the exploded evidence on the lower-cased client reference (and to complete creation-date lists by
 * date range); nothing from the evidence is collected on the driver.
 *
 * <p>Holder names appear only with {@code includePii}; payment data never reaches this table.
 */
public final class BookingReconciliation {
  private BookingReconciliation() {}

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

  // Internal columns. The attempt travels as one struct so that grouping by it keeps two
  // attempts apart even when they share a client reference and a timestamp.
  static final String ATTEMPT = "_attempt";
  static final String ATTEMPT_DATE = "_attempt_date";
  static final String REF_KEY = "_ref_key";
  static final String SOURCE_ID = "_source";
  static final String LINE_ID = "_line";
  static final String REQUEST_ID = "_request_id";

  static final String SEEN_TS = "_seen_ts";
  static final String SEEN_KIND = "_seen_kind";
  static final String SEEN_REF_KEY = "_seen_ref_key";
  static final String SEEN_REFERENCE = "_seen_reference";
  static final String SEEN_STATUS = "_seen_status";

  static final String LIST_TS = "_list_ts";
  static final String LIST_REF_KEY = "_list_ref_key";
  static final String LIST_FILTER = "_list_filter";
  static final String LIST_START_DATE = "_list_start";
  static final String LIST_END_DATE = "_list_end";

  static final String FOUND = "_found";
  static final String COMPLETE_LIST_TS = "_complete_list_ts";

  // Fields of one element of FOUND: one distinct booking seen for an attempt.
  static final String F_FIRST_TS = "first_ts";
  static final String F_REFERENCE = "reference";
  static final String F_FIRST_KIND = "first_kind";
  static final String F_STATUS = "status";
  static final String F_LOOKUP_TS = "lookup_ts";
  static final String F_LOOKUP_KIND = "lookup_kind";
  static final String F_CONFIRMATION_TS = "confirmation_ts";

  private static final String FILTER_CREATION = "CREATION";
  private static final String FILTER_CHECKIN = "CHECKIN";
  private static final long MICROS_PER_DAY = 86_400_000_000L;

  /** Operations whose response shows an existing booking (not a new one). */
  private static final List<String> LOOKUP_OPERATIONS =
      List.of(
          Operation.HB_BOOKING_LIST,
          Operation.HB_BOOKING_DETAIL,
          Operation.HB_BOOKING_CHANGE,
          Operation.HB_BOOKING_CANCELLATION);

  /** {@link #reconcile(Dataset, boolean, String)} with attempt dates in UTC. */
  public static Dataset<Row> reconcile(Dataset<Row> exchanges, boolean includePii) {
    return reconcile(exchanges, includePii, DEFAULT_TIMEZONE);
  }

  /**
   * One row per uncertain booking attempt, columns {@link #columns(boolean)}, ordered by {@link
   * #SORT}.
   *
   * @param exchanges classified exchanges ({@link ExchangeSchema#SCHEMA})
   * @param includePii whether to add {@link #HOLDER_NAME}
   * @param timezone zone id in which an attempt's timestamp gives its date, for the coverage of
   *     {@code filterType=CREATION} list ranges
   */
  public static Dataset<Row> reconcile(
      Dataset<Row> exchanges, boolean includePii, String timezone) {
    // Fail here with the zone's name rather than inside a Spark task.
    ZoneId.of(timezone);
    Dataset<Row> traffic = bookingTraffic(exchanges);
    Dataset<Row> attempts = uncertainAttempts(traffic, includePii, timezone);
    Dataset<Row> perAttempt =
        combine(
            attempts,
            bookingsFound(attempts, bookingSightings(traffic)),
            completeListsFor(attempts, completeLists(traffic)));
    Column[] sort = SORT.stream().map(name -> col(name).asc_nulls_last()).toArray(Column[]::new);
    return decide(perAttempt)
        .select(columns(includePii).stream().map(name -> col(name)).toArray(Column[]::new))
        .orderBy(sort);
  }

  /**
   * All that reconciliation reads: Hotelbeds booking confirmations and lookups, with the columns
   * it uses. {@link #reconcile} reads this several times (attempts, sightings, list pages), so a
   * caller that runs it over a large table can persist this Dataset first: Spark then substitutes
   * the cached rows wherever the same plan appears, and the table is scanned once.
   */
  public static Dataset<Row> bookingTraffic(Dataset<Row> exchanges) {
    List<String> operations = new ArrayList<>(LOOKUP_OPERATIONS);
    operations.add(Operation.HB_BOOKING_CONFIRMATION);
    return exchanges
        .filter(
            col(ExchangeSchema.PROVIDER)
                .equalTo(Provider.HOTELBEDS)
                .and(col(ExchangeSchema.OPERATION).isin(operations.toArray())))
        .select(
            Stream.of(
                    ExchangeSchema.SOURCE, ExchangeSchema.LINE, ExchangeSchema.REQUEST_ID,
                    ExchangeSchema.TS, ExchangeSchema.PROVIDER, ExchangeSchema.OPERATION,
                    ExchangeSchema.HOTEL_ID, ExchangeSchema.TOKEN_ID, ExchangeSchema.HTTP_STATUS,
                    ExchangeSchema.CLIENT_REFERENCE, ExchangeSchema.CHECK_IN, ExchangeSchema.CHECK_OUT,
                    ExchangeSchema.HOLDER_NAME, ExchangeSchema.LIST_CLIENT_REFERENCE,
                    ExchangeSchema.LIST_FILTER_TYPE, ExchangeSchema.LIST_START, ExchangeSchema.LIST_END,
                    ExchangeSchema.LIST_TOTAL, ExchangeSchema.BOOKINGS)
                .map(name -> col(name))
                .toArray(Column[]::new));
  }

  /**
   * Hotelbeds booking confirmations that got a 504 or nothing: {@link #ATTEMPT} (a struct of the
   * attempt's output columns, its date and its identity), plus {@link #REF_KEY} (lower-cased client
   * reference) and {@link #ATTEMPT_DATE} at the top level for joining.
   */
  static Dataset<Row> uncertainAttempts(
      Dataset<Row> exchanges, boolean includePii, String timezone) {
    Column status = col(ExchangeSchema.HTTP_STATUS);
    Column ts = col(ExchangeSchema.TS);
    // unix_micros of the shifted timestamp gives the local wall clock whatever the session zone.
    Column localDate =
        date_from_unix_date(
            floor(unix_micros(from_utc_timestamp(ts, timezone)).divide(lit(MICROS_PER_DAY)))
                .cast(DataTypes.IntegerType));
    List<Column> fields = new ArrayList<>();
    fields.add(ts.as(ATTEMPT_TS));
    fields.add(col(ExchangeSchema.PROVIDER).as(PROVIDER));
    fields.add(col(ExchangeSchema.TOKEN_ID).as(TOKEN_ID));
    fields.add(col(ExchangeSchema.HOTEL_ID).as(HOTEL_ID));
    fields.add(col(ExchangeSchema.CLIENT_REFERENCE).as(CLIENT_REFERENCE));
    fields.add(col(ExchangeSchema.CHECK_IN).as(CHECK_IN));
    fields.add(col(ExchangeSchema.CHECK_OUT).as(CHECK_OUT));
    fields.add(
        when(status.isNull(), lit(OUTCOME_NO_RESPONSE))
            .otherwise(lit(OUTCOME_HTTP_504))
            .as(OUTCOME));
    if (includePii) {
      fields.add(col(ExchangeSchema.HOLDER_NAME).as(HOLDER_NAME));
    }
    fields.add(localDate.as(ATTEMPT_DATE));
    fields.add(col(ExchangeSchema.SOURCE).as(SOURCE_ID));
    fields.add(col(ExchangeSchema.LINE).as(LINE_ID));
    fields.add(col(ExchangeSchema.REQUEST_ID).as(REQUEST_ID));
    return exchanges
        .filter(
            col(ExchangeSchema.PROVIDER)
                .equalTo(Provider.HOTELBEDS)
                .and(col(ExchangeSchema.OPERATION).equalTo(Operation.HB_BOOKING_CONFIRMATION))
                .and(status.isNull().or(status.equalTo(504))))
        .select(
            struct(fields.toArray(Column[]::new)).as(ATTEMPT),
            referenceKey(col(ExchangeSchema.CLIENT_REFERENCE)).as(REF_KEY),
            localDate.as(ATTEMPT_DATE));
  }

  /**
   * Every booking a successful Hotelbeds booking response shows, one row each: when ({@link
   * #SEEN_TS}), in which kind of response ({@link #SEEN_KIND}, the operation), its reference,
   * status and lower-cased client reference. A confirmation's booking falls back to the client
   * reference the request sent when the response omits it.
   */
  static Dataset<Row> bookingSightings(Dataset<Row> exchanges) {
    String booking = "_booking";
    List<String> operations = new ArrayList<>(LOOKUP_OPERATIONS);
    operations.add(Operation.HB_BOOKING_CONFIRMATION);
    return successfulHotelbeds(exchanges)
        .filter(col(ExchangeSchema.OPERATION).isin(operations.toArray()))
        .select(
            col(ExchangeSchema.TS),
            col(ExchangeSchema.OPERATION),
            col(ExchangeSchema.CLIENT_REFERENCE),
            explode(col(ExchangeSchema.BOOKINGS)).as(booking))
        .select(
            col(ExchangeSchema.TS).as(SEEN_TS),
            col(ExchangeSchema.OPERATION).as(SEEN_KIND),
            referenceKey(
                    coalesce(
                        col(booking).getField(ExchangeSchema.B_CLIENT_REFERENCE),
                        when(
                            col(ExchangeSchema.OPERATION)
                                .equalTo(Operation.HB_BOOKING_CONFIRMATION),
                            col(ExchangeSchema.CLIENT_REFERENCE))))
                .as(SEEN_REF_KEY),
            trim(col(booking).getField(ExchangeSchema.B_REFERENCE)).as(SEEN_REFERENCE),
            upper(trim(col(booking).getField(ExchangeSchema.B_STATUS))).as(SEEN_STATUS))
        .filter(col(SEEN_REF_KEY).isNotNull().and(col(SEEN_REFERENCE).isNotNull()));
  }

  /**
   * Successful Hotelbeds booking list pages that hold all of their {@code total}: when, the
   * lower-cased client reference filter, the upper-cased filter type and the date range.
   */
  static Dataset<Row> completeLists(Dataset<Row> exchanges) {
    Column total = col(ExchangeSchema.LIST_TOTAL);
    Column shown = coalesce(size(col(ExchangeSchema.BOOKINGS)), lit(0));
    // The bookings read must number total: from=1 and to >= total alone is not trusted, since a
    // page that shows fewer bookings than total may be missing exactly the attempt's.
    Column wholeTotalOnPage = total.isNotNull().and(shown.geq(total));
    return successfulHotelbeds(exchanges)
        .filter(col(ExchangeSchema.OPERATION).equalTo(Operation.HB_BOOKING_LIST))
        .filter(wholeTotalOnPage)
        .select(
            col(ExchangeSchema.TS).as(LIST_TS),
            referenceKey(col(ExchangeSchema.LIST_CLIENT_REFERENCE)).as(LIST_REF_KEY),
            upper(trim(col(ExchangeSchema.LIST_FILTER_TYPE))).as(LIST_FILTER),
            try_to_date(col(ExchangeSchema.LIST_START), "yyyy-MM-dd").as(LIST_START_DATE),
            try_to_date(col(ExchangeSchema.LIST_END), "yyyy-MM-dd").as(LIST_END_DATE));
  }

  /**
   * Per attempt with any later sighting: {@link #ATTEMPT} and {@link #FOUND}, the distinct bookings
   * seen for its client reference, sorted by first sighting (then reference), each with its latest
   * status, first sighting by a lookup (list, detail, change, cancellation) and first sighting in a
   * successful confirmation.
   */
  static Dataset<Row> bookingsFound(Dataset<Row> attempts, Dataset<Row> sightings) {
    Column attemptTs = col(ATTEMPT).getField(ATTEMPT_TS);
    Column isLookup = col(SEEN_KIND).isin(LOOKUP_OPERATIONS.toArray());
    Column isConfirmation = col(SEEN_KIND).equalTo(Operation.HB_BOOKING_CONFIRMATION);
    // min/max of (ts, value) structs: deterministic on ties, unlike min_by/max_by.
    Column firstSighting = min(struct(col(SEEN_TS), col(SEEN_KIND)));
    Column latest = max(struct(col(SEEN_TS), col(SEEN_STATUS)));
    Column firstLookup = min(when(isLookup, struct(col(SEEN_TS), col(SEEN_KIND))));
    Column firstConfirmation = min(when(isConfirmation, col(SEEN_TS)));
    return broadcast(attempts)
        .join(
            sightings,
            col(REF_KEY).equalTo(col(SEEN_REF_KEY)).and(col(SEEN_TS).gt(attemptTs)),
            "inner")
        .groupBy(col(ATTEMPT), col(SEEN_REFERENCE))
        .agg(
            firstSighting.as("first"),
            latest.as("latest"),
            firstLookup.as("first_lookup"),
            firstConfirmation.as("first_confirmation"))
        .groupBy(col(ATTEMPT))
        .agg(
            sort_array(
                    collect_list(
                        struct(
                            col("first").getField(SEEN_TS).as(F_FIRST_TS),
                            col(SEEN_REFERENCE).as(F_REFERENCE),
                            col("first").getField(SEEN_KIND).as(F_FIRST_KIND),
                            col("latest").getField(SEEN_STATUS).as(F_STATUS),
                            col("first_lookup").getField(SEEN_TS).as(F_LOOKUP_TS),
                            col("first_lookup").getField(SEEN_KIND).as(F_LOOKUP_KIND),
                            col("first_confirmation").as(F_CONFIRMATION_TS))))
                .as(FOUND));
  }

  /**
   * Per attempt and later list page complete for it: {@link #ATTEMPT} and {@link
   * #COMPLETE_LIST_TS}. Pages filtered by the client reference join on it; unfiltered creation-date
   * pages join by date range, with the few attempts broadcast.
   */
  static Dataset<Row> completeListsFor(Dataset<Row> attempts, Dataset<Row> lists) {
    Column attemptTs = col(ATTEMPT).getField(ATTEMPT_TS);
    Column checkIn = try_to_date(col(ATTEMPT).getField(CHECK_IN), "yyyy-MM-dd");
    Column later = col(LIST_TS).gt(attemptTs);
    Column noDates = col(LIST_START_DATE).isNull().and(col(LIST_END_DATE).isNull());
    Column creationCovers =
        col(LIST_FILTER)
            .equalTo(FILTER_CREATION)
            .and(col(ATTEMPT_DATE).between(col(LIST_START_DATE), col(LIST_END_DATE)));
    Column checkInCovers =
        col(LIST_FILTER)
            .equalTo(FILTER_CHECKIN)
            .and(checkIn.between(col(LIST_START_DATE), col(LIST_END_DATE)));
    Dataset<Row> filteredByReference =
        broadcast(attempts)
            .join(
                lists,
                col(REF_KEY)
                    .equalTo(col(LIST_REF_KEY))
                    .and(later)
                    .and(noDates.or(creationCovers).or(coalesce(checkInCovers, lit(false)))),
                "inner");
    // Without a client reference nothing on an unfiltered page can be matched to the attempt.
    Dataset<Row> byCreationDate =
        broadcast(attempts.filter(col(REF_KEY).isNotNull()))
            .join(lists.filter(col(LIST_REF_KEY).isNull()), later.and(creationCovers), "inner");
    return filteredByReference
        .select(col(ATTEMPT), col(LIST_TS).as(COMPLETE_LIST_TS))
        .unionByName(byCreationDate.select(col(ATTEMPT), col(LIST_TS).as(COMPLETE_LIST_TS)));
  }

  /**
   * One row per attempt: {@link #ATTEMPT}, {@link #FOUND} (null when nothing was seen) and {@link
   * #COMPLETE_LIST_TS} (the latest complete page, null when none). A union grouped by the attempt
   * rather than outer joins back, so that the attempt struct is never compared for equality.
   */
  static Dataset<Row> combine(Dataset<Row> attempts, Dataset<Row> found, Dataset<Row> lists) {
    Column noFound = lit(null).cast(found.schema().apply(FOUND).dataType());
    Column noListTs = lit(null).cast(DataTypes.TimestampType);
    return attempts
        .select(col(ATTEMPT), noFound.as(FOUND), noListTs.as(COMPLETE_LIST_TS))
        .unionByName(found.select(col(ATTEMPT), col(FOUND), noListTs.as(COMPLETE_LIST_TS)))
        .unionByName(lists.select(col(ATTEMPT), noFound.as(FOUND), col(COMPLETE_LIST_TS)))
        .groupBy(col(ATTEMPT))
        .agg(first(col(FOUND), true).as(FOUND), max(col(COMPLETE_LIST_TS)).as(COMPLETE_LIST_TS));
  }

  /** Applies the status rules, in their order, and writes the action for operations. */
  static Dataset<Row> decide(Dataset<Row> perAttempt) {
    Column found = coalesce(col(FOUND), array().cast(perAttempt.schema().apply(FOUND).dataType()));
    Column count = size(found);
    Column lookups = filter(found, booking -> booking.getField(F_LOOKUP_TS).isNotNull());
    Column confirmations =
        filter(found, booking -> booking.getField(F_CONFIRMATION_TS).isNotNull());
    Column only = element_at(found, 1);
    Column second = element_at(found, 2);
    Column references = array_join(transform(found, b -> b.getField(F_REFERENCE)), ";");
    Column referenceList = array_join(transform(found, b -> b.getField(F_REFERENCE)), ", ");
    Column statuses = array_join(transform(found, b -> b.getField(F_STATUS)), ";", "UNKNOWN");
    Column stillActive =
        size(
            filter(
                found,
                b ->
                    b.getField(F_STATUS)
                        .isNull()
                        .or(b.getField(F_STATUS).notEqual(BOOKING_CANCELLED))));
    Column onlyReference = only.getField(F_REFERENCE);
    Column onlyCancelled = coalesce(only.getField(F_STATUS).equalTo(BOOKING_CANCELLED), lit(false));

    Column status =
        when(count.geq(2), lit(DUPLICATE))
            .when(size(lookups).equalTo(1), lit(BOOKED))
            .when(size(confirmations).equalTo(1), lit(BOOKED_ON_RETRY))
            .when(col(COMPLETE_LIST_TS).isNotNull(), lit(NOT_BOOKED))
            .otherwise(lit(UNRESOLVED));
    Column statusIs = col(STATUS);
    Column isBooking = statusIs.isin(BOOKED, BOOKED_ON_RETRY);

    Column bookingReference =
        when(statusIs.equalTo(DUPLICATE), references).when(isBooking, onlyReference);
    Column bookingStatus =
        when(statusIs.equalTo(DUPLICATE), statuses).when(isBooking, only.getField(F_STATUS));
    Column evidence =
        when(statusIs.equalTo(DUPLICATE), second.getField(F_FIRST_KIND))
            .when(statusIs.equalTo(BOOKED), only.getField(F_LOOKUP_KIND))
            .when(statusIs.equalTo(BOOKED_ON_RETRY), lit(Operation.HB_BOOKING_CONFIRMATION))
            .when(statusIs.equalTo(NOT_BOOKED), lit(EVIDENCE_COMPLETE_LIST))
            .otherwise(lit(EVIDENCE_NONE));
    // For a duplicate, the moment the second booking showed up.
    Column evidenceTs =
        when(statusIs.equalTo(DUPLICATE), second.getField(F_FIRST_TS))
            .when(statusIs.equalTo(BOOKED), only.getField(F_LOOKUP_TS))
            .when(statusIs.equalTo(BOOKED_ON_RETRY), only.getField(F_CONFIRMATION_TS))
            .when(statusIs.equalTo(NOT_BOOKED), col(COMPLETE_LIST_TS));
    Column attemptDay = date_format(col(ATTEMPT_DATE), "yyyy-MM-dd");
    Column action =
        when(
                statusIs.equalTo(DUPLICATE).and(stillActive.geq(2)),
                concat(lit("cancel all but one of bookings "), referenceList))
            .when(
                statusIs.equalTo(DUPLICATE),
                concat(
                    lit("none: at most one of bookings "), referenceList, lit(" is not cancelled")))
            .when(
                isBooking.and(onlyCancelled),
                concat(lit("none: booking "), onlyReference, lit(" was cancelled later")))
            .when(
                statusIs.equalTo(BOOKED),
                concat(lit("record booking "), onlyReference, lit(" as made; do not book again")))
            .when(
                statusIs.equalTo(BOOKED_ON_RETRY),
                concat(
                    lit("record booking "),
                    onlyReference,
                    lit(
                        " made by the retry; look up with BookingList by clientReference that it is"
                            + " the only one")))
            .when(
                statusIs.equalTo(NOT_BOOKED),
                lit("none: no booking was made; book again if the stay is still wanted"))
            .otherwise(
                concat(
                    lit(
                        "look up with BookingList by clientReference, filterType=CREATION,"
                            + " status=ALL, start..end covering "),
                    coalesce(attemptDay, lit("the attempt"))));

    return perAttempt
        .select(col(ATTEMPT + ".*"), col(FOUND), col(COMPLETE_LIST_TS))
        .withColumn(STATUS, status)
        .withColumn(BOOKING_REFERENCE, bookingReference)
        .withColumn(BOOKING_STATUS, bookingStatus)
        .withColumn(BOOKINGS_FOUND, count)
        .withColumn(EVIDENCE, evidence)
        .withColumn(EVIDENCE_TS, evidenceTs)
        .withColumn(ACTION, action);
  }

  private static Dataset<Row> successfulHotelbeds(Dataset<Row> exchanges) {
    return exchanges.filter(
        col(ExchangeSchema.PROVIDER)
            .equalTo(Provider.HOTELBEDS)
            .and(col(ExchangeSchema.HTTP_STATUS).between(200, 299)));
  }

  /** Lower-cased, trimmed; empty becomes null so that it never matches. */
  private static Column referenceKey(Column reference) {
    Column key = lower(trim(reference));
    return when(key.notEqual(lit("")), key);
  }
}
