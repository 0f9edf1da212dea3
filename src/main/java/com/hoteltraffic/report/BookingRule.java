package com.hoteltraffic.report;

import static com.hoteltraffic.report.BookingReconciliation.BOOKED;
import static com.hoteltraffic.report.BookingReconciliation.BOOKED_ON_RETRY;
import static com.hoteltraffic.report.BookingReconciliation.BOOKING_CANCELLED;
import static com.hoteltraffic.report.BookingReconciliation.DUPLICATE;
import static com.hoteltraffic.report.BookingReconciliation.EVIDENCE_COMPLETE_LIST;
import static com.hoteltraffic.report.BookingReconciliation.EVIDENCE_NONE;
import static com.hoteltraffic.report.BookingReconciliation.NOT_BOOKED;
import static com.hoteltraffic.report.BookingReconciliation.OUTCOME_HTTP_504;
import static com.hoteltraffic.report.BookingReconciliation.OUTCOME_NO_RESPONSE;
import static com.hoteltraffic.report.BookingReconciliation.UNRESOLVED;

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
 *       smallest operation name;
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
    Days days = null;
    List<Found> found = List.of();
    Long completeListTs = null;
    if (ts != null) {
      long settled = attemptEnd(attempt) + listLag.toNanos() / 1000L;
      days = Days.of(ts, settled);
      // Without a reference nothing later can be matched to the attempt.
      if (key != null) {
        found = bookingsFound(key, ts, days.madridAttemptDay, events);
        completeListTs =
            latest(
                latestFilteredList(attempt, key, days, settled, events),
                coveringLists.latestCovering(settled, days.first(), days.last()));
      }
    }
    return decide(attempt, days, found, completeListTs, includePii);
  }

  /**
   * When the attempt ended: its timestamp plus its duration, or plus the booking timeout when no
   * response came (or its duration was not recorded).
   */
  static long attemptEnd(BookingEvent attempt) {
    if (attempt.httpStatus() != null && attempt.durationMs() != null && attempt.durationMs() >= 0) {
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
   * The distinct bookings later successful responses show for {@code key}, first seen first: per
   * booking reference its first sighting, latest status, first lookup and first confirmation. A
   * booking created before the attempt (creation date before the attempt's Madrid day minus one day
   * of margin) is an older booking that reused the reference and is left out.
   */
  private static List<Found> bookingsFound(
      String key, long attemptTs, LocalDate madridDay, List<BookingEvent> events) {
    LocalDate oldestCounted = madridDay.minusDays(1);
    Map<String, Found> byReference = new HashMap<>();
    for (BookingEvent event : events) {
      if (!event.isSuccess() || event.tsMicros() == null || event.tsMicros() <= attemptTs) {
        continue; // only a later answer can show what the attempt did
      }
      for (BookingEvent.Booking booking : event.bookings()) {
        String reference = BookingText.bookingReference(booking.reference());
        LocalDate created = creationDay(booking.creationDate());
        if (created != null && created.isBefore(oldestCounted)) {
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
   * The latest empty page ({@code total} 0) filtered by the attempt's reference, for every status,
   * fetched at least the list lag after the attempt ended ({@code settled}), whose dates, if any,
   * cover the attempt: {@link Days} for {@code CREATION}, its check-in for {@code CHECKIN}.
   */
  private static Long latestFilteredList(
      BookingEvent attempt, String key, Days days, long settled, List<BookingEvent> events) {
    Long latest = null;
    LocalDate checkIn = BookingText.day(attempt.checkIn());
    for (BookingEvent event : events) {
      if (event.isCompleteList()
          && key.equals(event.listKey())
          && Integer.valueOf(0).equals(event.listTotal())
          && event.bookings().isEmpty()
          && coversEveryStatus(event)
          && event.tsMicros() != null
          && event.tsMicros() >= settled
          && datesCover(event, days, checkIn)) {
        latest = latest(latest, event.tsMicros());
      }
    }
    return latest;
  }

  /** A page without dates covers every attempt; with dates, only the days they name. */
  private static boolean datesCover(BookingEvent list, Days days, LocalDate checkIn) {
    LocalDate start = BookingText.day(list.listStart());
    LocalDate end = BookingText.day(list.listEnd());
    if (start == null && end == null) {
      return true;
    }
    String filter = BookingText.upperTrimmed(list.listFilterType());
    if ("CREATION".equals(filter)) {
      return days.within(start, end);
    }
    return "CHECKIN".equals(filter) && BookingText.within(checkIn, start, end);
  }

  /** Applies the status rules in their order and fills the row. */
  private static Reconciled decide(
      BookingEvent attempt, Days days, List<Found> found, Long completeListTs, boolean includePii) {
    String status = status(found, completeListTs);
    Found only = found.isEmpty() ? null : found.get(0);
    String reference = null;
    String bookingStatus = null;
    String evidence = EVIDENCE_NONE;
    Long evidenceTs = null;
    switch (status) {
      case DUPLICATE -> {
        reference = join(found, f -> f.reference, ";");
        bookingStatus = join(found, f -> f.status == null ? "UNKNOWN" : f.status, ";");
        // The moment the second booking showed up.
        evidence = found.get(1).firstKind;
        evidenceTs = found.get(1).firstTs;
      }
      case BOOKED -> {
        reference = only.reference;
        bookingStatus = only.status;
        evidence = only.lookupKind;
        evidenceTs = only.lookupTs;
      }
      case BOOKED_ON_RETRY -> {
        reference = only.reference;
        bookingStatus = only.status;
        evidence = Operation.HB_BOOKING_CONFIRMATION;
        evidenceTs = only.confirmationTs;
      }
      case NOT_BOOKED -> {
        evidence = EVIDENCE_COMPLETE_LIST;
        evidenceTs = completeListTs;
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
        action(status, found, days),
        includePii ? attempt.holderName() : null,
        attempt.source(),
        attempt.line());
  }

  private static String status(List<Found> found, Long completeListTs) {
    if (found.size() >= 2) {
      return DUPLICATE;
    }
    if (found.stream().filter(f -> f.lookupTs != null).count() == 1) {
      return BOOKED;
    }
    if (found.stream().filter(f -> f.confirmationTs != null).count() == 1) {
      return BOOKED_ON_RETRY;
    }
    return completeListTs != null ? NOT_BOOKED : UNRESOLVED;
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
      case BOOKED, BOOKED_ON_RETRY -> {
        Found only = found.get(0);
        if (BOOKING_CANCELLED.equals(only.status)) {
          return "none: booking " + only.reference + " was cancelled later";
        }
        return BOOKED.equals(status)
            ? "record booking " + only.reference + " as made; do not book again"
            : "record booking "
                + only.reference
                + " made by the retry; look up with BookingList"
                + " by clientReference that it is the only one";
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
    Long statusTs;
    String status;
    Long lookupTs;
    String lookupKind;
    Long confirmationTs;

    Found(String reference) {
      this.reference = reference;
    }

    void see(BookingEvent event, BookingEvent.Booking booking) {
      long ts = event.tsMicros();
      String kind = event.operation();
      if (ts < firstTs || (ts == firstTs && NULLS_FIRST.compare(kind, firstKind) < 0)) {
        firstTs = ts;
        firstKind = kind;
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
              || (ts == lookupTs && NULLS_FIRST.compare(kind, lookupKind) < 0))) {
        lookupTs = ts;
        lookupKind = kind;
      }
      if (Operation.HB_BOOKING_CONFIRMATION.equals(kind)
          && (confirmationTs == null || ts < confirmationTs)) {
        confirmationTs = ts;
      }
    }
  }
}
