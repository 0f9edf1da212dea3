package com.hoteltraffic.report.bookings;

import static com.hoteltraffic.report.bookings.BookingReconciliation.BOOKED;
import static com.hoteltraffic.report.bookings.BookingReconciliation.BOOKED_ON_RETRY;
import static com.hoteltraffic.report.bookings.BookingReconciliation.BOOKING_CANCELLED;
import static com.hoteltraffic.report.bookings.BookingReconciliation.DUPLICATE;
import static com.hoteltraffic.report.bookings.BookingReconciliation.EVIDENCE_COMPLETE_LIST;
import static com.hoteltraffic.report.bookings.BookingReconciliation.EVIDENCE_NONE;
import static com.hoteltraffic.report.bookings.BookingReconciliation.NOT_BOOKED;
import static com.hoteltraffic.report.bookings.BookingReconciliation.OUTCOME_HTTP_504;
import static com.hoteltraffic.report.bookings.BookingReconciliation.OUTCOME_NO_RESPONSE;
import static com.hoteltraffic.report.bookings.BookingReconciliation.UNRESOLVED;

import com.hoteltraffic.model.Operation;
import com.hoteltraffic.model.Provider;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The reconciliation rule of {@link BookingReconciliation} (its class comment is the spec) in plain
 * Java: decides every uncertain attempt of one client reference from the events of that reference
 * and the run's {@link CoveringList}s.
 *
 * <p>Ties are broken deterministically, the way the earlier Spark SQL implementation broke them:
 *
 * <ul>
 *   <li>"first seen first" ({@link BookingReconciliation#BOOKING_REFERENCE}): by the first
 *       sighting's time, then by booking reference (code point order);
 *   <li>the kind of a first sighting or first lookup seen at one instant by several responses: the
 *       smallest operation name, then the smallest credential ({@code evidence_token_id}); of a
 *       first retry at one instant, the smallest credential;
 *   <li>"latest evidence wins" ({@link BookingReconciliation#BOOKING_STATUS}): by time, then the
 *       greatest status in code point order ({@code CONFIRMED} over {@code CANCELLED}); a missing
 *       status loses to any;
 *   <li>report rows: by {@link BookingReconciliation#SORT} (nulls last), then source file, then
 *       line, so that two attempts equal in time and reference keep one order (Spark left it open).
 * </ul>
 */
public final class BookingRule {
  private BookingRule() {}

  private static final long MICROS_PER_SECOND = 1_000_000L;

  /** Hotelbeds' documented booking confirmation timeout: an attempt without response ended then. */
  static final Duration BOOKING_TIMEOUT = Duration.ofSeconds(60);

  /** Hotelbeds' own zone: creation dates may be Madrid dates, so lists must cover both. */
  static final ZoneId MADRID = ZoneId.of("Europe/Madrid");

  private static final String ALL_STATUSES = "ALL";
  private static final String FILTER_CREATION = "CREATION";
  private static final String FILTER_CHECKIN = "CHECKIN";

  /** Order of the report rows, see the class comment. */
  public static final Comparator<Reconciled> REPORT_ORDER =
      Comparator.comparing(Reconciled::attemptTs, Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparing(Reconciled::clientReference, Comparator.nullsLast(BookingText.ORDER))
          .thenComparing(Reconciled::source, Comparator.nullsLast(BookingText.ORDER))
          .thenComparingLong(Reconciled::line);

  private static final Comparator<String> NULLS_FIRST = Comparator.nullsFirst(BookingText.ORDER);

  /**
   * One report row, cells as {@link BookingReconciliation#columns(boolean)} names them; {@code
   * source} and {@code line} identify the attempt for the row order and are not cells. {@code
   * holderName} is null unless reconciled with includePii.
   */
  public record Reconciled(
      Instant attemptTs,
      String provider,
      String tokenId,
      String hotelId,
      String clientReference,
      String checkIn,
      String checkOut,
      String outcome,
      String status,
      String bookingReference,
      String bookingStatus,
      int bookingsFound,
      String evidence,
      Instant evidenceTs,
      String evidenceTokenId,
      String action,
      String holderName,
      String source,
      long line)
      implements Serializable {

    /**
     * The cells in {@link BookingReconciliation#columns(boolean)} order: timestamps as {@link
     * Instant} (or null), {@code bookings_found} as Integer.
     */
    public List<Object> values(boolean includePii) {
      List<Object> cells =
          new ArrayList<>(
              Arrays.asList(
                  attemptTs,
                  provider,
                  tokenId,
                  hotelId,
                  clientReference,
                  checkIn,
                  checkOut,
                  outcome,
                  status,
                  bookingReference,
                  bookingStatus,
                  bookingsFound,
                  evidence,
                  evidenceTs,
                  evidenceTokenId,
                  action));
      if (includePii) {
        cells.add(holderName);
      }
      return Collections.unmodifiableList(cells);
    }
  }

  /**
   * Reconciles the attempts among {@code events} against those events and the covering lists.
   *
   * <p>Only attempts whose own key is {@code key} get a row ({@link BookingEvent#NO_REFERENCE_KEY}
   * for attempts without a reference), and only evidence for {@code key} counts, so a group may
   * hold events of other keys too. Rows come in {@link #REPORT_ORDER}.
   *
   * @param key the lower-cased client reference the group shares ({@link BookingEvent#keys()})
   * @param events the events of {@code key}, in any order
   * @param coveringLists all covering lists of the run, sorted by time ascending
   * @param includePii whether rows carry the holder name
   * @param listLag how long after the attempt ended a list must have been fetched to prove absence
   */
  public static List<Reconciled> reconcile(
      String key,
      List<BookingEvent> events,
      List<CoveringList> coveringLists,
      boolean includePii,
      Duration listLag) {
    return reconcile(key, events, new CoveringIndex(coveringLists), includePii, listLag);
  }

  /**
   * {@link #reconcile(String, List, List, boolean, Duration)} with the run's shared index of lists.
   */
  static List<Reconciled> reconcile(
      String key,
      List<BookingEvent> events,
      CoveringIndex coveringLists,
      boolean includePii,
      Duration listLag) {
    List<Reconciled> rows = new ArrayList<>();
    for (BookingEvent event : events) {
      if (event.isAttempt() && key.equals(groupKey(event))) {
        rows.add(reconcileAttempt(event, events, coveringLists, includePii, listLag));
      }
    }
    rows.sort(REPORT_ORDER);
    return rows;
  }

  private static String groupKey(BookingEvent attempt) {
    String key = attempt.attemptKey();
    return key == null ? BookingEvent.NO_REFERENCE_KEY : key;
  }

  private static Reconciled reconcileAttempt(
      BookingEvent attempt,
      List<BookingEvent> events,
      CoveringIndex coveringLists,
      boolean includePii,
      Duration listLag) {
    String key = attempt.attemptKey();
    Long ts = attempt.tsMicros();
    if (ts == null || key == null) {
      // Without a time or a reference nothing later can be matched to the attempt.
      Days days = ts == null ? null : Days.of(ts, attemptEnd(attempt) + listLag.toNanos() / 1000L);
      return decide(attempt, days, List.of(), null, null, includePii);
    }
    long settled = attemptEnd(attempt) + listLag.toNanos() / 1000L;
    Days days = Days.of(ts, settled);
    List<Found> found = bookingsFound(key, attempt, days.madridAttemptDay, events);
    Proof absent = null;
    Proof onlyOne = null;
    for (BookingEvent event : events) {
      if (!completeFor(event, attempt, key, days, settled)) {
        continue;
      }
      long shown = countedReferences(event, key, days.madridAttemptDay);
      if (shown == 0
          && key.equals(event.listKey())
          && Integer.valueOf(0).equals(event.listTotal())) {
        absent = Proof.later(absent, event);
      } else if (shown == 1) {
        onlyOne = Proof.later(onlyOne, event);
      }
    }
    Long covering =
        coveringLists.latestCovering(
            settled, days.first(), days.last(), attempt.tokenId(), attempt.environment());
    if (covering != null && (absent == null || covering > absent.ts)) {
      // A covering list is fetched with the attempt's own credential by construction.
      absent = new Proof(covering, attempt.tokenId());
    }
    if (found.isEmpty() && retried(attempt, key, events)) {
      // A retry booked but its response named no booking: "book again" would book a third time.
      absent = null;
    }
    return decide(attempt, days, found, absent, onlyOne, includePii);
  }

  /**
   * Whether a later confirmation of the reference in the attempt's environment succeeded: then a
   * booking exists even when the response showed none (a recording without the body).
   */
  private static boolean retried(BookingEvent attempt, String key, List<BookingEvent> events) {
    for (BookingEvent event : events) {
      if (event.isSuccessfulConfirmation()
          && event.tsMicros() != null
          && event.tsMicros() > attempt.tsMicros()
          && Objects.equals(event.environment(), attempt.environment())
          && key.equals(event.attemptKey())) {
        return true;
      }
    }
    return false;
  }

  /** A complete list that decided a status: when it came and with which credential. */
  private record Proof(long ts, String tokenId) {
    static Proof later(Proof proof, BookingEvent list) {
      return proof != null && proof.ts >= list.tsMicros()
          ? proof
          : new Proof(list.tsMicros(), list.tokenId());
    }
  }

  /**
   * When the attempt ended: its timestamp plus its duration whenever the record has one (also
   * without a response: the client waited that long), plus the booking timeout only when it has
   * none.
   */
  static long attemptEnd(BookingEvent attempt) {
    if (attempt.durationMs() != null && attempt.durationMs() >= 0) {
      return attempt.tsMicros() + attempt.durationMs() * 1000L;
    }
    return attempt.tsMicros() + BOOKING_TIMEOUT.toNanos() / 1000L;
  }

  /**
   * The calendar days an absence proof must cover: every day, in UTC and in Europe/Madrid, of the
   * interval from the attempt to its end plus the list lag; and the attempt's day in Madrid.
   */
  record Days(LocalDate first, LocalDate last, LocalDate madridAttemptDay) {
    static Days of(long attemptTs, long settled) {
      LocalDate utcStart = instant(attemptTs).atZone(ZoneOffset.UTC).toLocalDate();
      LocalDate madridStart = instant(attemptTs).atZone(MADRID).toLocalDate();
      LocalDate utcEnd = instant(settled).atZone(ZoneOffset.UTC).toLocalDate();
      LocalDate madridEnd = instant(settled).atZone(MADRID).toLocalDate();
      LocalDate first = utcStart.isBefore(madridStart) ? utcStart : madridStart;
      LocalDate last = utcEnd.isAfter(madridEnd) ? utcEnd : madridEnd;
      return new Days(first, last, madridStart);
    }

    boolean within(LocalDate start, LocalDate end) {
      return BookingText.within(first, start, end) && BookingText.within(last, start, end);
    }

    String text() {
      return first.equals(last)
          ? BookingText.format(first)
          : BookingText.format(first) + ".." + BookingText.format(last);
    }
  }

  /**
   * The distinct bookings later successful responses of the attempt's environment show for {@code
   * key}, first seen first: per booking reference its first sighting, latest status, first lookup
   * and first confirmation. Any credential of the environment counts: a booking shown exists. A
   * booking created before the attempt (creation date before the attempt's Madrid day minus one day
   * of margin) is an older booking that reused the reference and is left out.
   */
  private static List<Found> bookingsFound(
      String key, BookingEvent attempt, LocalDate madridDay, List<BookingEvent> events) {
    long attemptTs = attempt.tsMicros();
    Map<String, Found> byReference = new HashMap<>();
    for (BookingEvent event : events) {
      if (!event.isSuccess() || event.tsMicros() == null || event.tsMicros() <= attemptTs) {
        continue; // only a later answer can show what the attempt did
      }
      if (!Objects.equals(event.environment(), attempt.environment())) {
        continue; // another environment's bookings are another system's
      }
      for (BookingEvent.Booking booking : event.bookings()) {
        String reference = BookingText.bookingReference(booking.reference());
        if (isOlder(booking, madridDay)) {
          continue; // an older booking with the same reference
        }
        if (reference != null && key.equals(event.sightingKey(booking))) {
          byReference.computeIfAbsent(reference, Found::new).see(event, booking);
        }
      }
    }
    return byReference.values().stream()
        .sorted(
            Comparator.comparingLong((Found f) -> f.firstTs)
                .thenComparing(f -> f.reference, BookingText.ORDER))
        .collect(Collectors.toList());
  }

  /**
   * Whether a booking was created before the attempt's Madrid day minus one day of margin: an older
   * booking that reused the client reference.
   */
  private static boolean isOlder(BookingEvent.Booking booking, LocalDate madridDay) {
    LocalDate created = creationDay(booking.creationDate());
    return created != null && created.isBefore(madridDay.minusDays(1));
  }

  /** The day of a booking's {@code creationDate} ("2024-03-10" or a timestamp starting so). */
  static LocalDate creationDay(String creationDate) {
    String text = BookingText.trimSpaces(creationDate);
    if (text == null || text.length() < 10) {
      return null;
    }
    return BookingText.day(text.substring(0, 10));
  }

  /** Whether a list request asked for every status ({@code status=ALL}). */
  static boolean coversEveryStatus(BookingEvent list) {
    return ALL_STATUSES.equals(BookingText.upperTrimmed(list.listStatus()));
  }

  /**
   * Whether a list page of the group is complete for the attempt: every condition under which an
   * empty one proves absence but emptiness. It holds all of its {@code total}, asked for every
   * status, came from the attempt's own credential and environment (BookingList shows the bookings
   * of the key's client, and a test system's those of the test system), at least the list lag after
   * the attempt ended ({@code settled}), with dates that would hold the attempt's booking ({@link
   * #datesCover}); it is filtered by the attempt's reference, or is a cut {@link
   * BookingEvent#coveringList()} page; and every item names its booking and client reference (one
   * that does not may be the attempt's).
   */
  static boolean completeFor(
      BookingEvent list, BookingEvent attempt, String key, Days days, long settled) {
    if (!list.isCompleteList()
        || !coversEveryStatus(list)
        || list.tsMicros() == null
        || list.tsMicros() < settled
        || !Objects.equals(list.tokenId(), attempt.tokenId())
        || !Objects.equals(list.environment(), attempt.environment())
        || !datesCover(list, days, BookingText.day(attempt.checkIn()))) {
      return false;
    }
    boolean filtered = key.equals(list.listKey());
    boolean covering =
        list.listKey() == null
            && FILTER_CREATION.equals(BookingText.upperTrimmed(list.listFilterType()));
    if (!filtered && !covering) {
      return false;
    }
    for (BookingEvent.Booking booking : list.bookings()) {
      if (BookingText.bookingReference(booking.reference()) == null
          || BookingText.referenceKey(booking.clientReference()) == null) {
        return false;
      }
    }
    return true;
  }

  /** Distinct booking references a page shows for {@code key}, older bookings left out. */
  private static long countedReferences(BookingEvent list, String key, LocalDate madridDay) {
    return list.bookings().stream()
        .filter(b -> key.equals(list.sightingKey(b)) && !isOlder(b, madridDay))
        .map(b -> BookingText.bookingReference(b.reference()))
        .distinct()
        .count();
  }

  /**
   * Whether a page's dates would hold the attempt's booking: {@code CREATION} over every day of
   * {@link Days}, or {@code CHECKIN} over the attempt's check-in when the attempt names it. A page
   * without dates never does: the provider documents no default range, and one that misses the
   * attempt's day would show nothing of it.
   */
  static boolean datesCover(BookingEvent list, Days days, LocalDate checkIn) {
    LocalDate start = BookingText.day(list.listStart());
    LocalDate end = BookingText.day(list.listEnd());
    String filter = BookingText.upperTrimmed(list.listFilterType());
    if (FILTER_CREATION.equals(filter)) {
      return days.within(start, end);
    }
    return FILTER_CHECKIN.equals(filter) && BookingText.within(checkIn, start, end);
  }

  /**
   * Applies the status rules in their order and fills the row.
   *
   * @param absent the latest complete list that shows no booking of the reference, or null
   * @param onlyOne the latest complete list that shows exactly one, or null
   */
  private static Reconciled decide(
      BookingEvent attempt,
      Days days,
      List<Found> found,
      Proof absent,
      Proof onlyOne,
      boolean includePii) {
    String status = status(found, absent, onlyOne);
    Found only = found.isEmpty() ? null : found.get(0);
    String reference = null;
    String bookingStatus = null;
    String evidence = EVIDENCE_NONE;
    Long evidenceTs = null;
    String evidenceToken = null;
    switch (status) {
      case DUPLICATE -> {
        reference = join(found, f -> f.reference, ";");
        bookingStatus = join(found, f -> f.status == null ? "UNKNOWN" : f.status, ";");
        // The moment the second booking showed up.
        evidence = found.get(1).firstKind;
        evidenceTs = found.get(1).firstTs;
        evidenceToken = found.get(1).firstToken;
      }
      case BOOKED -> {
        reference = only.reference;
        bookingStatus = only.status;
        if (only.confirmationTs == null) {
          evidence = only.lookupKind;
          evidenceTs = only.lookupTs;
          evidenceToken = only.lookupToken;
        } else {
          evidence = Operation.HB_BOOKING_LIST;
          evidenceTs = onlyOne.ts;
          evidenceToken = onlyOne.tokenId;
        }
      }
      case BOOKED_ON_RETRY -> {
        reference = only.reference;
        bookingStatus = only.status;
        evidence = Operation.HB_BOOKING_CONFIRMATION;
        evidenceTs = only.confirmationTs;
        evidenceToken = only.confirmationToken;
      }
      case NOT_BOOKED -> {
        evidence = EVIDENCE_COMPLETE_LIST;
        evidenceTs = absent.ts;
        evidenceToken = absent.tokenId;
      }
      default -> {}
    }
    Long ts = attempt.tsMicros();
    return new Reconciled(
        ts == null ? null : instant(ts),
        Provider.HOTELBEDS,
        attempt.tokenId(),
        attempt.hotelId(),
        attempt.clientReference(),
        attempt.checkIn(),
        attempt.checkOut(),
        attempt.httpStatus() == null ? OUTCOME_NO_RESPONSE : OUTCOME_HTTP_504,
        status,
        reference,
        bookingStatus,
        found.size(),
        evidence,
        evidenceTs == null ? null : instant(evidenceTs),
        evidenceToken,
        action(status, found, days),
        includePii ? attempt.holderName() : null,
        attempt.source(),
        attempt.line());
  }

  /**
   * The status rules. A booking a later successful confirmation of the reference returned (a
   * retry's) is the retry's: it, and its details, changes and cancellations, say nothing of the
   * attempt, so with it only a second booking ({@code DUPLICATE}) or a complete list showing it
   * alone ({@code BOOKED}) decides; otherwise the attempt may still have made one of its own.
   */
  private static String status(List<Found> found, Proof absent, Proof onlyOne) {
    if (found.size() >= 2) {
      return DUPLICATE;
    }
    if (found.size() == 1) {
      Found only = found.get(0);
      if (only.confirmationTs == null) {
        return BOOKED; // shown by a lookup: found holds only bookings some response showed
      }
      return onlyOne != null ? BOOKED : BOOKED_ON_RETRY;
    }
    return absent != null ? NOT_BOOKED : UNRESOLVED;
  }

  /** A short instruction for operations. */
  private static String action(String status, List<Found> found, Days days) {
    switch (status) {
      case DUPLICATE -> {
        String references = join(found, f -> f.reference, ", ");
        long stillActive = found.stream().filter(f -> !BOOKING_CANCELLED.equals(f.status)).count();
        return stillActive >= 2
            ? "cancel all but one of bookings " + references
            : "none: at most one of bookings " + references + " is not cancelled";
      }
      case BOOKED -> {
        Found only = found.get(0);
        return BOOKING_CANCELLED.equals(only.status)
            ? "none: booking " + only.reference + " was cancelled later"
            : "record booking " + only.reference + " as made; do not book again";
      }
      case BOOKED_ON_RETRY -> {
        // The attempt may have made a booking of its own: a cancelled retry settles nothing.
        Found only = found.get(0);
        return (BOOKING_CANCELLED.equals(only.status)
                ? "booking " + only.reference + " made by the retry was cancelled later"
                : "record booking " + only.reference + " made by the retry")
            + "; look up with BookingList by clientReference that it is the only one";
      }
      case NOT_BOOKED -> {
        return "none: no booking was made; book again if the stay is still wanted";
      }
      default -> {
        return "look up with BookingList by clientReference, filterType=CREATION, status=ALL,"
            + " start..end covering "
            + (days == null ? "the attempt" : days.text());
      }
    }
  }

  private static String join(
      List<Found> found, java.util.function.Function<Found, String> cell, String separator) {
    return found.stream().map(cell).collect(Collectors.joining(separator));
  }

  private static Long latest(Long a, Long b) {
    if (a == null) {
      return b;
    }
    return b == null ? a : Math.max(a, b);
  }

  static Instant instant(long micros) {
    return Instant.ofEpochSecond(
        Math.floorDiv(micros, MICROS_PER_SECOND), Math.floorMod(micros, MICROS_PER_SECOND) * 1000L);
  }

  /** One distinct booking seen for an attempt, gathered over the later responses that show it. */
  private static final class Found {
    final String reference;
    long firstTs = Long.MAX_VALUE;
    String firstKind;
    String firstToken;
    Long statusTs;
    String status;
    Long lookupTs;
    String lookupKind;
    String lookupToken;
    Long confirmationTs;
    String confirmationToken;

    Found(String reference) {
      this.reference = reference;
    }

    void see(BookingEvent event, BookingEvent.Booking booking) {
      long ts = event.tsMicros();
      String kind = event.operation();
      String token = event.tokenId();
      if (ts < firstTs || (ts == firstTs && before(kind, token, firstKind, firstToken))) {
        firstTs = ts;
        firstKind = kind;
        firstToken = token;
      }
      String seenStatus = BookingText.upperTrimmed(booking.status());
      if (statusTs == null
          || ts > statusTs
          || (ts == statusTs && NULLS_FIRST.compare(seenStatus, status) > 0)) {
        statusTs = ts;
        status = seenStatus;
      }
      if (BookingEvent.LOOKUP_OPERATIONS.contains(kind)
          && (lookupTs == null
              || ts < lookupTs
              || (ts == lookupTs && before(kind, token, lookupKind, lookupToken)))) {
        lookupTs = ts;
        lookupKind = kind;
        lookupToken = token;
      }
      if (Operation.HB_BOOKING_CONFIRMATION.equals(kind)
          && (confirmationTs == null
              || ts < confirmationTs
              || (ts == confirmationTs && NULLS_FIRST.compare(token, confirmationToken) < 0))) {
        confirmationTs = ts;
        confirmationToken = token;
      }
    }

    /** At one instant: the smallest operation name, then the smallest credential. */
    private static boolean before(String kind, String token, String otherKind, String otherToken) {
      int byKind = NULLS_FIRST.compare(kind, otherKind);
      return byKind < 0 || (byKind == 0 && NULLS_FIRST.compare(token, otherToken) < 0);
    }
  }
}
