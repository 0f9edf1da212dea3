package com.hoteltraffic.report.bookings;

import com.hoteltraffic.model.BookingFact;
import com.hoteltraffic.model.ClassifiedExchange;
import com.hoteltraffic.model.Environment;
import com.hoteltraffic.model.Operation;
import com.hoteltraffic.model.Provider;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What reconciliation needs of one Hotelbeds booking exchange: a confirmation (possibly an
 * uncertain attempt) or a lookup (list page, detail, change, cancellation) whose response may show
 * bookings. Built by {@link #of(ClassifiedExchange, String, long)} from the read, or from a row of
 * the exchanges table by {@link BookingReconciliation}; {@link BookingRule} decides on it.
 *
 * <p>Events are grouped by {@link #keys()} (lower-cased client references) so that each group can
 * be reconciled on its own; only {@link #coveringList()} pages reach across groups.
 *
 * @param source input file of the exchange
 * @param line line (or entry) of the exchange in its file
 * @param tsMicros when the exchange happened, microseconds since the epoch (null only in odd rows)
 * @param operation one of the Hotelbeds booking operations of {@link Operation}
 * @param httpStatus response status, null when no response came
 * @param durationMs how long the exchange took, null when not recorded
 * @param tokenId the credential of the request
 * @param environment the provider environment of the host ({@link Environment})
 * @param listStatus the list request's {@code status} parameter as sent, null when absent
 * @param bookings bookings the response shows, in response order
 */
public record BookingEvent(
    String source,
    long line,
    Long tsMicros,
    String operation,
    Integer httpStatus,
    Long durationMs,
    String tokenId,
    String environment,
    String hotelId,
    String clientReference,
    String checkIn,
    String checkOut,
    String holderName,
    String listClientReference,
    String listFilterType,
    String listStart,
    String listEnd,
    String listStatus,
    Integer listFrom,
    Integer listTo,
    Integer listTotal,
    List<Booking> bookings)
    implements Serializable {

  /**
   * The key of an attempt without a usable client reference (missing or blank). No evidence can be
   * matched to such an attempt, so it always reconciles to {@link
   * BookingReconciliation#UNRESOLVED}, as it did in the Spark SQL joins (a null key never joins).
   * The empty string cannot collide with a real key: blank references have no key.
   */
  public static final String NO_REFERENCE_KEY = "";

  /** Operations whose response shows an existing booking (not a new one). */
  static final Set<String> LOOKUP_OPERATIONS =
      Set.of(
          Operation.HB_BOOKING_LIST,
          Operation.HB_BOOKING_DETAIL,
          Operation.HB_BOOKING_CHANGE,
          Operation.HB_BOOKING_CANCELLATION);

  private static final String FILTER_CREATION = "CREATION";
  private static final int HTTP_GATEWAY_TIMEOUT = 504;

  /**
   * One booking a response shows, as sent (reconciliation trims and compares later); {@code
   * creationDate} is Hotelbeds' {@code creationDate}, null when the response has none.
   */
  public record Booking(
      String reference, String clientReference, String status, String creationDate)
      implements Serializable {

    /** A booking whose response gives no creation date. */
    public Booking(String reference, String clientReference, String status) {
      this(reference, clientReference, status, null);
    }
  }

  /** Copies the bookings so that the event stays immutable; null elements are dropped. */
  public BookingEvent {
    List<Booking> copy = new ArrayList<>(bookings == null ? 0 : bookings.size());
    if (bookings != null) {
      for (Booking booking : bookings) {
        if (booking != null) {
          copy.add(booking);
        }
      }
    }
    bookings = Collections.unmodifiableList(copy);
  }

  /**
   * The event of a classified exchange, or null when reconciliation does not read it: only
   * Hotelbeds booking confirmations, list pages, details, changes and cancellations are read (the
   * filter of {@link BookingReconciliation#bookingTraffic}).
   */
  public static BookingEvent of(ClassifiedExchange e, String source, long line) {
    if (!isBookingTraffic(e.provider, e.operation)) {
      return null;
    }
    List<Booking> bookings = new ArrayList<>(e.bookings.size());
    for (BookingFact fact : e.bookings) {
      bookings.add(
          new Booking(
              fact.reference(), fact.clientReference(), fact.status(), fact.creationDate()));
    }
    return new BookingEvent(
        source,
        line,
        e.tsMillis * 1000L,
        e.operation,
        e.httpStatus,
        e.durationMs,
        e.tokenId,
        e.environment,
        e.hotelId,
        e.clientReference,
        e.checkIn,
        e.checkOut,
        e.holderName,
        e.listClientReference,
        e.listFilterType,
        e.listStart,
        e.listEnd,
        e.listStatus,
        e.listFrom,
        e.listTo,
        e.listTotal,
        bookings);
  }

  /** Whether reconciliation reads an exchange of this provider and operation at all. */
  public static boolean isBookingTraffic(String provider, String operation) {
    return Provider.HOTELBEDS.equals(provider)
        && operation != null
        && (Operation.HB_BOOKING_CONFIRMATION.equals(operation)
            || LOOKUP_OPERATIONS.contains(operation));
  }

  /**
   * Lower-cased client references this event is an attempt or evidence for (empty if none). An
   * attempt has exactly one key, {@link #NO_REFERENCE_KEY} when it has no usable reference; a
   * successful response has the keys of the bookings it shows and, for a complete list page
   * filtered by a client reference, that reference's key; a successful confirmation also the key it
   * sent, so that a retry whose response shows no booking still counts as one.
   */
  public Set<String> keys() {
    if (isAttempt()) {
      String key = attemptKey();
      return Set.of(key == null ? NO_REFERENCE_KEY : key);
    }
    if (!isSuccess()) {
      return Set.of(); // failed lookups show nothing
    }
    Set<String> keys = new LinkedHashSet<>();
    String listKey = completeListKey();
    if (listKey != null) {
      keys.add(listKey);
    }
    if (isSuccessfulConfirmation() && attemptKey() != null) {
      keys.add(attemptKey());
    }
    for (Booking booking : bookings) {
      String key = sightingKey(booking);
      if (key != null) {
        keys.add(key);
      }
    }
    return Collections.unmodifiableSet(keys);
  }

  /**
   * This event as the group of {@code key} needs it: a list page that is not filtered by {@code
   * key} keeps only the bookings of {@code key}, so that a page of many bookings is not copied
   * whole into every group. A page filtered by {@code key} stays whole, since its completeness
   * counts its bookings.
   *
   * <p>A cut page keeps what its completeness said for {@code key}: its {@code total} becomes the
   * number of bookings kept when the page was a {@link #coveringList()} (it showed every booking
   * created on its days, so it shows every one of {@code key}); otherwise {@code total} is unknown
   * (null) and the cut page is complete for nobody.
   */
  public BookingEvent forKey(String key) {
    if (key == null || key.equals(completeListKey()) || bookings.isEmpty()) {
      return this;
    }
    List<Booking> kept = new ArrayList<>();
    for (Booking booking : bookings) {
      if (key.equals(sightingKey(booking))) {
        kept.add(booking);
      }
    }
    if (kept.size() == bookings.size()) {
      return this;
    }
    Integer keptTotal = coveringList() != null ? Integer.valueOf(kept.size()) : null;
    return new BookingEvent(
        source,
        line,
        tsMicros,
        operation,
        httpStatus,
        durationMs,
        tokenId,
        environment,
        hotelId,
        clientReference,
        checkIn,
        checkOut,
        holderName,
        listClientReference,
        listFilterType,
        listStart,
        listEnd,
        listStatus,
        listFrom,
        listTo,
        keptTotal,
        kept);
  }

  /**
   * Non-null when this event is a list page that can prove absence for any attempt whose dates it
   * covers, whatever its client reference: a complete {@code filterType=CREATION}, {@code
   * status=ALL} page over a readable {@code start..end}, not filtered by a client reference, whose
   * every booking has a reference and a client reference (one without could be the attempt's). Such
   * pages are few, so the caller can hand all of them to every group. The page keeps its credential
   * and environment: it proves absence only for attempts of both.
   */
  public CoveringList coveringList() {
    if (tsMicros == null
        || !isCompleteList()
        || listKey() != null
        || !BookingRule.coversEveryStatus(this)) {
      return null;
    }
    for (Booking booking : bookings) {
      if (BookingText.bookingReference(booking.reference()) == null
          || BookingText.referenceKey(booking.clientReference()) == null) {
        return null; // inconclusive: this booking may be the attempt's
      }
    }
    if (!FILTER_CREATION.equals(BookingText.upperTrimmed(listFilterType))) {
      return null;
    }
    LocalDate start = BookingText.day(listStart);
    LocalDate end = BookingText.day(listEnd);
    if (start == null || end == null) {
      return null; // an open range was never taken as covering
    }
    return new CoveringList(tsMicros, tokenId, environment, start, end);
  }

  /** A Hotelbeds booking confirmation that got a 504 or no response: the booking is uncertain. */
  public boolean isAttempt() {
    return Operation.HB_BOOKING_CONFIRMATION.equals(operation)
        && (httpStatus == null || httpStatus == HTTP_GATEWAY_TIMEOUT);
  }

  /** A confirmation that booked: a 2xx answer, whether or not its body showed the booking. */
  boolean isSuccessfulConfirmation() {
    return Operation.HB_BOOKING_CONFIRMATION.equals(operation) && isSuccess();
  }

  /** A 2xx response: only those show bookings. */
  boolean isSuccess() {
    return httpStatus != null && httpStatus >= 200 && httpStatus <= 299;
  }

  /** The key of the reference the attempt sent, null when blank. */
  String attemptKey() {
    return BookingText.referenceKey(clientReference);
  }

  /**
   * The key a booking in this response belongs to: its own client reference, or for a confirmation
   * whose response omits it, the one the request sent.
   */
  String sightingKey(Booking booking) {
    String reference = booking.clientReference();
    if (reference == null && Operation.HB_BOOKING_CONFIRMATION.equals(operation)) {
      reference = clientReference;
    }
    return BookingText.referenceKey(reference);
  }

  /**
   * A successful list page holding all of its {@code total}: the bookings read must number total,
   * since a page with {@code from=1, to >= total} that shows fewer may miss exactly the attempt's.
   */
  boolean isCompleteList() {
    return Operation.HB_BOOKING_LIST.equals(operation)
        && isSuccess()
        && listTotal != null
        && bookings.size() >= listTotal;
  }

  /** The key of the client reference the list request filtered by, null when unfiltered. */
  String listKey() {
    return BookingText.referenceKey(listClientReference);
  }

  /** {@link #listKey()} of a complete page, else null. */
  private String completeListKey() {
    return isCompleteList() ? listKey() : null;
  }
}
