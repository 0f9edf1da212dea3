package com.hoteltraffic.report;

import static org.apache.spark.sql.functions.col;

import com.hoteltraffic.model.ExchangeSchema;
import com.hoteltraffic.model.Operation;
import com.hoteltraffic.model.Provider;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import scala.Tuple2;

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
 * <p>Ties are broken as {@link BookingRule} documents.
 *
 * <p>How: this class only adapts Spark to {@link BookingRule}, which decides in plain Java. Rows
 * become {@link BookingEvent}s, grouped by lower-cased client reference ({@link
 * BookingEvent#keys()}) with one shuffle; each group is reconciled on its own. The only evidence that reaches across
 * groups, unfiltered creation-date list pages ({@link CoveringList}), is small and few: it is
 * collected and broadcast. Only the report rows (one per uncertain attempt, few) are collected on
 * the driver; no evidence is.
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

  private static final List<String> BOOKING_OPERATIONS =
      List.of(
          Operation.HB_BOOKING_CONFIRMATION,
          Operation.HB_BOOKING_LIST,
          Operation.HB_BOOKING_DETAIL,
          Operation.HB_BOOKING_CHANGE,
          Operation.HB_BOOKING_CANCELLATION);

  /** {@link #reconcile(Dataset, boolean, String)} with attempt dates in UTC. */
  public static Dataset<Row> reconcile(Dataset<Row> exchanges, boolean includePii) {
    return reconcile(exchanges, includePii, DEFAULT_TIMEZONE);
  }

  /**
   * One row per uncertain booking attempt, columns {@link #columns(boolean)}, types {@link
   * #schema(boolean)}, ordered by {@link #SORT} (then as {@link BookingRule#REPORT_ORDER}).
   *
   * <p>Runs two Spark jobs when called (the covering lists, then the groups), since the report rows
   * are collected to be sorted on the driver; the Dataset returned holds them in memory.
   *
   * @param exchanges classified exchanges ({@link ExchangeSchema#SCHEMA})
   * @param includePii whether to add {@link #HOLDER_NAME}
   * @param timezone zone id in which an attempt's timestamp gives its date, for the coverage of
   *     {@code filterType=CREATION} list ranges
   */
  public static Dataset<Row> reconcile(
      Dataset<Row> exchanges, boolean includePii, String timezone) {
    // Fail here with the zone's name rather than inside a Spark task.
    ZoneId zone = ZoneId.of(timezone);
    SparkSession spark = exchanges.sparkSession();
    Dataset<Row> traffic = bookingTraffic(exchanges);
    Broadcast<List<CoveringList>> lists =
        JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(coveringLists(traffic));
    List<BookingRule.Reconciled> reconciled =
        events(traffic)
            .flatMapToPair(BookingReconciliation::byKey)
            .groupByKey()
            .flatMap(
                group ->
                    BookingRule.reconcile(
                            group._1(), list(group._2()), lists.value(), includePii, zone)
                        .iterator())
            .collect();
    lists.unpersist();
    List<Row> rows =
        reconciled.stream()
            .sorted(BookingRule.REPORT_ORDER)
            .map(r -> toRow(r, includePii))
            .toList();
    return spark.createDataFrame(rows, schema(includePii));
  }

  /**
   * All that reconciliation reads: Hotelbeds booking confirmations and lookups, with the columns
   * it uses. {@link #reconcile} reads this twice (covering lists, then all events), so a caller
   * that runs it over a large table can persist this Dataset first: Spark then substitutes the
   * cached rows wherever the same plan appears, and the table is scanned once.
   */
  public static Dataset<Row> bookingTraffic(Dataset<Row> exchanges) {
    return exchanges
        .filter(
            col(ExchangeSchema.PROVIDER)
                .equalTo(Provider.HOTELBEDS)
                .and(col(ExchangeSchema.OPERATION).isin(BOOKING_OPERATIONS.toArray())))
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

  /** Output types, as the earlier Spark SQL implementation produced them. */
  public static StructType schema(boolean includePii) {
    List<StructField> fields = new ArrayList<>();
    fields.add(field(ATTEMPT_TS, DataTypes.TimestampType, true));
    for (String name :
        List.of(PROVIDER, TOKEN_ID, HOTEL_ID, CLIENT_REFERENCE, CHECK_IN, CHECK_OUT)) {
      fields.add(field(name, DataTypes.StringType, true));
    }
    fields.add(field(OUTCOME, DataTypes.StringType, false));
    fields.add(field(STATUS, DataTypes.StringType, false));
    fields.add(field(BOOKING_REFERENCE, DataTypes.StringType, true));
    fields.add(field(BOOKING_STATUS, DataTypes.StringType, true));
    fields.add(field(BOOKINGS_FOUND, DataTypes.IntegerType, false));
    fields.add(field(EVIDENCE, DataTypes.StringType, true));
    fields.add(field(EVIDENCE_TS, DataTypes.TimestampType, true));
    fields.add(field(ACTION, DataTypes.StringType, true));
    if (includePii) {
      fields.add(field(HOLDER_NAME, DataTypes.StringType, true));
    }
    return DataTypes.createStructType(fields);
  }

  /** A report row of {@link #schema(boolean)}: instants become {@link Timestamp}s, exactly. */
  public static Row toRow(BookingRule.Reconciled r, boolean includePii) {
    Object[] cells = r.values(includePii).toArray();
    for (int i = 0; i < cells.length; i++) {
      if (cells[i] instanceof Instant instant) {
        cells[i] = Timestamp.from(instant);
      }
    }
    return RowFactory.create(cells);
  }

  /**
   * The event of a row of {@link #bookingTraffic} (or of {@link ExchangeSchema#SCHEMA}): what
   * {@link BookingEvent#of(com.hoteltraffic.model.ClassifiedExchange, String, long)} gives for the
   * exchange the row was written from; null when reconciliation does not read the row.
   */
  static BookingEvent eventOf(Row row) {
    String provider = row.getAs(ExchangeSchema.PROVIDER);
    String operation = row.getAs(ExchangeSchema.OPERATION);
    if (!BookingEvent.isBookingTraffic(provider, operation)) {
      return null;
    }
    Long line = row.getAs(ExchangeSchema.LINE);
    return new BookingEvent(
        row.getAs(ExchangeSchema.SOURCE),
        line == null ? 0L : line,
        micros(row.getAs(ExchangeSchema.TS)),
        operation,
        row.getAs(ExchangeSchema.HTTP_STATUS),
        row.getAs(ExchangeSchema.TOKEN_ID),
        row.getAs(ExchangeSchema.HOTEL_ID),
        row.getAs(ExchangeSchema.CLIENT_REFERENCE),
        row.getAs(ExchangeSchema.CHECK_IN),
        row.getAs(ExchangeSchema.CHECK_OUT),
        row.getAs(ExchangeSchema.HOLDER_NAME),
        row.getAs(ExchangeSchema.LIST_CLIENT_REFERENCE),
        row.getAs(ExchangeSchema.LIST_FILTER_TYPE),
        row.getAs(ExchangeSchema.LIST_START),
        row.getAs(ExchangeSchema.LIST_END),
        optionalInt(row, ExchangeSchema.LIST_FROM),
        optionalInt(row, ExchangeSchema.LIST_TO),
        row.getAs(ExchangeSchema.LIST_TOTAL),
        bookings(row));
  }

  private static JavaRDD<BookingEvent> events(Dataset<Row> traffic) {
    // Lambdas, not Objects::nonNull twice: serialized method references of one target are
    // deserialized with the first one's types, which breaks the second with a ClassCastException.
    return traffic.javaRDD().map(BookingReconciliation::eventOf).filter(event -> event != null);
  }

  /** The event once per key it matters to, cut to what that key's group needs. */
  private static Iterator<Tuple2<String, BookingEvent>> byKey(BookingEvent event) {
    return event.keys().stream().map(key -> new Tuple2<>(key, event.forKey(key))).iterator();
  }

  /** The run's covering lists, oldest first; only list pages are read for them. */
  private static List<CoveringList> coveringLists(Dataset<Row> traffic) {
    List<CoveringList> lists =
        new ArrayList<>(
            events(traffic.filter(col(ExchangeSchema.OPERATION).equalTo(Operation.HB_BOOKING_LIST)))
                .map(BookingEvent::coveringList)
                .filter(list -> list != null)
                .collect());
    lists.sort(Comparator.comparingLong(CoveringList::tsMicros));
    return lists;
  }

  private static List<BookingEvent.Booking> bookings(Row row) {
    int index = row.fieldIndex(ExchangeSchema.BOOKINGS);
    if (row.isNullAt(index)) {
      return List.of();
    }
    List<BookingEvent.Booking> bookings = new ArrayList<>();
    for (Row b : row.<Row>getList(index)) {
      if (b != null) {
        bookings.add(
            new BookingEvent.Booking(
                b.getAs(ExchangeSchema.B_REFERENCE),
                b.getAs(ExchangeSchema.B_CLIENT_REFERENCE),
                b.getAs(ExchangeSchema.B_STATUS)));
      }
    }
    return bookings;
  }

  /** Microseconds since the epoch of a timestamp cell, whichever Java type Spark hands out. */
  private static Long micros(Object ts) {
    Instant instant =
        ts instanceof Timestamp t ? t.toInstant() : ts instanceof Instant i ? i : null;
    if (instant == null) {
      return null;
    }
    return Math.addExact(
        Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1000L);
  }

  /** A column {@link #bookingTraffic} leaves out reads as null. */
  private static Integer optionalInt(Row row, String column) {
    for (String name : row.schema().fieldNames()) {
      if (name.equals(column)) {
        return row.getAs(column);
      }
    }
    return null;
  }

  private static <T> List<T> list(Iterable<T> values) {
    List<T> list = new ArrayList<>();
    values.forEach(list::add);
    return list;
  }

  private static StructField field(String name, DataType type, boolean nullable) {
    return DataTypes.createStructField(name, type, nullable);
  }
}
