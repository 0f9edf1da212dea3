package com.hoteltraffic.report.bookings;

import static com.hoteltraffic.testing.BookingRows.booking;
import static com.hoteltraffic.testing.BookingRows.cancellation;
import static com.hoteltraffic.testing.BookingRows.confirmation;
import static com.hoteltraffic.testing.BookingRows.confirmed;
import static com.hoteltraffic.testing.BookingRows.detail;
import static com.hoteltraffic.testing.BookingRows.list;
import static com.hoteltraffic.testing.BookingRows.listByCreation;
import static com.hoteltraffic.testing.BookingRows.listByReference;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hoteltraffic.model.ExchangeSchema;
import com.hoteltraffic.testing.BookingRows;
import com.hoteltraffic.testing.SparkTestSession;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One in-memory traffic set with many independent attempts, each with its own client reference and
 * (where unfiltered creation-date lists are involved) its own day, reconciled once and asserted row
 * by row.
 */
@ExtendWith(SparkTestSession.class)
class BookingReconciliationTest {
  private static SparkSession spark;

  /** Result rows of the shared set by client reference as sent (plus "#n" for repeats). */
  private static Map<String, Row> byReference;

  private static List<Row> result;
  private static List<String> resultColumns;

  private static final String LOOKUP_ACTION =
      "look up with BookingList by clientReference, filterType=CREATION, status=ALL, start..end"
          + " covering ";
  private static final String NOT_BOOKED_ACTION =
      "none: no booking was made; book again if the stay is still wanted";

  @BeforeAll
  static void reconcileSharedSet() {
    List<Row> rows = new ArrayList<>();

    // DUPLICATE, JSON: a list filtered by the reference shows two bookings.
    rows.add(confirmation(at(1, "10:00"), "dup-json", 504).row());
    rows.add(
        listByReference(
                at(1, "10:05"),
                "dup-json",
                "2024-03-01",
                "2024-03-01",
                2,
                booking("1-100", "DUP-JSON", "CONFIRMED"),
                booking("1-101", "DUP-JSON", "CONFIRMED"))
            .row());

    // DUPLICATE, XML: a retry books one, a creation-date list shows a second, which is cancelled.
    rows.add(confirmation(at(2, "10:00"), "dup-xml", null).xml().row());
    rows.add(confirmed(at(2, "10:02"), "dup-xml", booking("1-200", "DUP-XML", "CONFIRMED")).row());
    rows.add(
        listByCreation(
                at(2, "10:10"),
                "2024-03-02",
                "2024-03-02",
                2,
                booking("1-200", "DUP-XML", "CONFIRMED"),
                booking("1-201", "DUP-XML", "CONFIRMED"))
            .xml()
            .row());
    rows.add(cancellation(at(2, "10:20"), booking("1-201", "DUP-XML", "CANCELLED")).xml().row());

    // BOOKED, JSON: filtered list with one booking, reference upper-cased in the response.
    rows.add(confirmation(at(3, "10:00"), "booked-json", 504).row());
    rows.add(
        listByReference(
                at(3, "10:05"),
                "BOOKED-JSON",
                "2024-03-03",
                "2024-03-03",
                1,
                booking("1-300", "BOOKED-JSON", "CONFIRMED"))
            .row());

    // BOOKED, XML: HAR entry without response; a creation-date list holds it among others.
    rows.add(confirmation(at(4, "10:00"), "Booked-Xml", null).xml().row());
    rows.add(
        listByCreation(
                at(4, "10:06"),
                "2024-03-04",
                "2024-03-04",
                3,
                booking("1-311", "OTHER-A", "CONFIRMED"),
                booking("1-310", "BOOKED-XML", "CONFIRMED"),
                booking("1-312", "OTHER-B", "CANCELLED"))
            .xml()
            .row());

    // BOOKED by a booking detail.
    rows.add(confirmation(at(5, "10:00"), "booked-detail", 504).row());
    rows.add(detail(at(5, "10:07"), booking("1-320", "BOOKED-DETAIL", "CONFIRMED")).row());

    // BOOKED_ON_RETRY, JSON.
    rows.add(confirmation(at(6, "10:00"), "retry-json", 504).row());
    rows.add(
        confirmed(at(6, "10:01"), "retry-json", booking("1-400", "RETRY-JSON", "CONFIRMED")).row());

    // BOOKED_ON_RETRY, XML: the response's booking has no clientReference; the request's counts.
    rows.add(confirmation(at(7, "10:00"), "retry-xml", null).xml().row());
    rows.add(
        confirmed(at(7, "10:01"), "retry-xml", booking("1-410", null, "CONFIRMED")).xml().row());

    // NOT_BOOKED, JSON: a list filtered by the reference is empty.
    rows.add(confirmation(at(8, "10:00"), "notbooked-json", 504).row());
    rows.add(
        listByReference(at(8, "10:05"), "NOTBOOKED-JSON", "2024-03-08", "2024-03-08", 0).row());

    // NOT_BOOKED, XML: two complete creation-date lists without it; the latest is the evidence.
    rows.add(confirmation(at(9, "10:00"), "notbooked-xml", null).xml().row());
    rows.add(
        listByCreation(
                at(9, "10:20"),
                "2024-03-09",
                "2024-03-10",
                1,
                booking("1-901", "OTHER-C", "CONFIRMED"))
            .xml()
            .row());
    rows.add(
        listByCreation(
                at(9, "10:40"),
                "2024-03-09",
                "2024-03-09",
                2,
                booking("1-901", "OTHER-C", "CONFIRMED"),
                booking("1-902", "OTHER-D", "CONFIRMED"))
            .xml()
            .row());

    // NOT_BOOKED: filtered list by check-in date covering the attempt's check-in.
    rows.add(confirmation(at(10, "10:00"), "checkin-ref", 504).row());
    rows.add(
        listByReference(at(10, "10:05"), "checkin-ref", "2024-05-01", "2024-05-02", 0)
            .set(ExchangeSchema.LIST_FILTER_TYPE, "CHECKIN")
            .row());

    // UNRESOLVED, JSON: nothing later at all.
    rows.add(confirmation(at(11, "10:00"), "unresolved-json", 504).row());

    // UNRESOLVED, XML: the only later list failed.
    rows.add(confirmation(at(12, "10:00"), "unresolved-xml", null).xml().row());
    rows.add(
        listByReference(at(12, "10:05"), "unresolved-xml", "2024-03-12", "2024-03-12", 0)
            .status(500)
            .xml()
            .row());

    // Incomplete creation-date page: total 150, two shown.
    rows.add(confirmation(at(13, "10:00"), "incomplete-page", 504).row());
    rows.add(
        listByCreation(
                at(13, "10:05"),
                "2024-03-13",
                "2024-03-13",
                150,
                booking("1-131", "OTHER-E", "CONFIRMED"),
                booking("1-132", "OTHER-F", "CONFIRMED"))
            .row());

    // Filtered page claiming from=1, to=100, total=1 but showing nothing: not trusted.
    rows.add(confirmation(at(14, "10:00"), "incomplete-ref", 504).row());
    rows.add(
        listByReference(at(14, "10:05"), "incomplete-ref", "2024-03-14", "2024-03-14", 1).row());

    // Creation-date list of other days (none with an attempt): proves nothing.
    rows.add(confirmation(at(15, "10:00"), "dates-miss", 504).row());
    rows.add(listByCreation(at(15, "10:05"), "2024-02-28", "2024-02-29", 0).row());

    // Filtered list whose creation dates miss the attempt: proves nothing either.
    rows.add(confirmation(at(16, "10:00"), "dates-miss-ref", 504).row());
    rows.add(
        listByReference(at(16, "10:05"), "dates-miss-ref", "2024-03-17", "2024-03-18", 0).row());

    // Evidence before the attempt is ignored.
    rows.add(confirmation(at(17, "10:00"), "before", 504).row());
    rows.add(
        listByReference(
                at(17, "09:00"),
                "before",
                "2024-03-17",
                "2024-03-17",
                1,
                booking("1-500", "BEFORE", "CONFIRMED"))
            .row());
    rows.add(confirmed(at(17, "09:30"), "before", booking("1-501", "BEFORE", "CONFIRMED")).row());

    // Found, then cancelled: latest evidence gives booking_status.
    rows.add(confirmation(at(18, "10:00"), "cancelled", 504).row());
    rows.add(
        listByReference(
                at(18, "10:05"),
                "cancelled",
                "2024-03-18",
                "2024-03-18",
                1,
                booking("1-600", "CANCELLED", "CONFIRMED"))
            .row());
    rows.add(cancellation(at(18, "11:00"), booking("1-600", "CANCELLED", "CANCELLED")).row());

    // Retry booked it, then it was cancelled: the cancellation response shows the booking.
    rows.add(confirmation(at(19, "10:00"), "cancelled-retry", null).row());
    rows.add(
        confirmed(
                at(19, "10:01"),
                "cancelled-retry",
                booking("1-610", "CANCELLED-RETRY", "CONFIRMED"))
            .row());
    rows.add(cancellation(at(19, "12:00"), booking("1-610", "CANCELLED-RETRY", "CANCELLED")).row());

    // Blind retry that timed out too: two attempts, each judged by what came after it.
    rows.add(confirmation(at(20, "10:00"), "twice", 504).row());
    rows.add(
        listByReference(
                at(20, "10:02"),
                "twice",
                "2024-03-20",
                "2024-03-20",
                1,
                booking("1-700", "TWICE", "CONFIRMED"))
            .row());
    rows.add(confirmation(at(20, "10:03"), "twice", null).row());

    // A complete list filtered by another reference says nothing about this one.
    rows.add(confirmation(at(21, "10:00"), "other-filter", 504).row());
    rows.add(listByReference(at(21, "10:05"), "someone-else", "2024-03-21", "2024-03-21", 0).row());

    // The provider answered: no booking, nothing uncertain.
    rows.add(
        confirmation(at(22, "10:00"), "product-error", 500)
            .set(ExchangeSchema.ERROR_CODE, "PRODUCT_ERROR")
            .row());
    rows.add(
        confirmation(at(22, "10:00"), "no-allotment", 503)
            .set(ExchangeSchema.ERROR_CODE, "INSUFFICIENT_ALLOTMENT")
            .row());
    // A list without any filter or total is never complete.
    rows.add(list(at(22, "10:05"), null).row());

    Dataset<Row> reconciled =
        BookingReconciliation.reconcile(BookingRows.dataset(spark, rows), false);
    resultColumns = Arrays.asList(reconciled.columns());
    result = reconciled.collectAsList();
    byReference = new HashMap<>();
    for (Row row : result) {
      String reference = row.getAs(BookingReconciliation.CLIENT_REFERENCE);
      String key = byReference.containsKey(reference) ? reference + "#2" : reference;
      byReference.put(key, row);
    }
  }

  @Test
  void columnsAreTheReportColumnsWithoutPii() {
    assertEquals(BookingReconciliation.COLUMNS, resultColumns);
    assertFalse(resultColumns.contains(BookingReconciliation.HOLDER_NAME), "no PII by default");
  }

  @Test
  void oneRowPerUncertainAttemptSortedByTimeThenReference() {
    assertEquals(22, result.size(), "uncertain attempts in the set: " + byReference.keySet());
    for (int i = 1; i < result.size(); i++) {
      Instant previous = ts(result.get(i - 1), BookingReconciliation.ATTEMPT_TS);
      Instant current = ts(result.get(i), BookingReconciliation.ATTEMPT_TS);
      assertTrue(!current.isBefore(previous), "row " + i + " is out of order");
    }
  }

  @Test
  void answeredConfirmationsAreNotListed() {
    assertFalse(byReference.containsKey("product-error"), "500 PRODUCT_ERROR is an answer");
    assertFalse(byReference.containsKey("no-allotment"), "503 Insufficient allotment is an answer");
  }

  @Test
  void attemptColumnsComeFromTheRequest() {
    Row row = byReference.get("dup-json");
    assertEquals(Instant.parse(at(1, "10:00")), ts(row, BookingReconciliation.ATTEMPT_TS));
    assertEquals("hotelbeds", row.getAs(BookingReconciliation.PROVIDER));
    assertEquals("tok_a", row.getAs(BookingReconciliation.TOKEN_ID));
    assertEquals("1234", row.getAs(BookingReconciliation.HOTEL_ID));
    assertEquals("2024-05-01", row.getAs(BookingReconciliation.CHECK_IN));
    assertEquals("2024-05-03", row.getAs(BookingReconciliation.CHECK_OUT));
  }

  @Test
  void duplicateFromJsonList() {
    expect(
        "dup-json",
        "HTTP_504",
        "DUPLICATE",
        "1-100;1-101",
        "CONFIRMED;CONFIRMED",
        2,
        "booking_list",
        at(1, "10:05"),
        "cancel all but one of bookings 1-100, 1-101");
  }

  @Test
  void duplicateFromRetryAndCreationListWithOneCancelled() {
    expect(
        "dup-xml",
        "NO_RESPONSE",
        "DUPLICATE",
        "1-200;1-201",
        "CONFIRMED;CANCELLED",
        2,
        "booking_list",
        at(2, "10:10"),
        "none: at most one of bookings 1-200, 1-201 is not cancelled");
  }

  @Test
  void bookedFromJsonListWithUpperCasedReference() {
    expect(
        "booked-json",
        "HTTP_504",
        "BOOKED",
        "1-300",
        "CONFIRMED",
        1,
        "booking_list",
        at(3, "10:05"),
        "record booking 1-300 as made; do not book again");
  }

  @Test
  void bookedFromCreationListOfNoResponseAttempt() {
    expect(
        "Booked-Xml",
        "NO_RESPONSE",
        "BOOKED",
        "1-310",
        "CONFIRMED",
        1,
        "booking_list",
        at(4, "10:06"),
        "record booking 1-310 as made; do not book again");
  }

  @Test
  void bookedFromBookingDetail() {
    expect(
        "booked-detail",
        "HTTP_504",
        "BOOKED",
        "1-320",
        "CONFIRMED",
        1,
        "booking_detail",
        at(5, "10:07"),
        "record booking 1-320 as made; do not book again");
  }

  @Test
  void bookedOnRetryJson() {
    expect(
        "retry-json",
        "HTTP_504",
        "BOOKED_ON_RETRY",
        "1-400",
        "CONFIRMED",
        1,
        "booking_confirmation",
        at(6, "10:01"),
        "record booking 1-400 made by the retry; look up with BookingList by clientReference"
            + " that it is the only one");
  }

  @Test
  void bookedOnRetryWithReferenceOnlyInRequest() {
    expect(
        "retry-xml",
        "NO_RESPONSE",
        "BOOKED_ON_RETRY",
        "1-410",
        "CONFIRMED",
        1,
        "booking_confirmation",
        at(7, "10:01"),
        "record booking 1-410 made by the retry; look up with BookingList by clientReference"
            + " that it is the only one");
  }

  @Test
  void notBookedFromEmptyFilteredJsonList() {
    expect(
        "notbooked-json",
        "HTTP_504",
        "NOT_BOOKED",
        null,
        null,
        0,
        "booking_list_complete",
        at(8, "10:05"),
        NOT_BOOKED_ACTION);
  }

  @Test
  void notBookedFromLatestCompleteCreationList() {
    expect(
        "notbooked-xml",
        "NO_RESPONSE",
        "NOT_BOOKED",
        null,
        null,
        0,
        "booking_list_complete",
        at(9, "10:40"),
        NOT_BOOKED_ACTION);
  }

  @Test
  void notBookedFromFilteredListByCheckInDate() {
    expect(
        "checkin-ref",
        "HTTP_504",
        "NOT_BOOKED",
        null,
        null,
        0,
        "booking_list_complete",
        at(10, "10:05"),
        NOT_BOOKED_ACTION);
  }

  @Test
  void unresolvedWithoutEvidence() {
    expectUnresolved("unresolved-json", "HTTP_504", "2024-03-11");
  }

  @Test
  void unresolvedWhenTheOnlyListFailed() {
    expectUnresolved("unresolved-xml", "NO_RESPONSE", "2024-03-12");
  }

  @Test
  void incompleteCreationPageIsNotNotBooked() {
    expectUnresolved("incomplete-page", "HTTP_504", "2024-03-13");
  }

  @Test
  void filteredPageShowingFewerThanTotalIsNotNotBooked() {
    expectUnresolved("incomplete-ref", "HTTP_504", "2024-03-14");
  }

  @Test
  void creationListNotCoveringTheAttemptProvesNothing() {
    expectUnresolved("dates-miss", "HTTP_504", "2024-03-15");
  }

  @Test
  void filteredListWhoseDatesMissTheAttemptProvesNothing() {
    expectUnresolved("dates-miss-ref", "HTTP_504", "2024-03-16");
  }

  @Test
  void evidenceBeforeTheAttemptIsIgnored() {
    expectUnresolved("before", "HTTP_504", "2024-03-17");
  }

  @Test
  void listByAnotherReferenceProvesNothing() {
    expectUnresolved("other-filter", "HTTP_504", "2024-03-21");
  }

  @Test
  void bookingFoundThenCancelledShowsCancelled() {
    expect(
        "cancelled",
        "HTTP_504",
        "BOOKED",
        "1-600",
        "CANCELLED",
        1,
        "booking_list",
        at(18, "10:05"),
        "none: booking 1-600 was cancelled later");
  }

  /**
   * Issue 21 rule 4: the cancellation shows the retry's booking, which says nothing of a booking
   * the attempt may have made itself.
   */
  @Test
  void cancellationOfTheRetrysBookingLeavesTheAttemptToCheck() {
    expect(
        "cancelled-retry",
        "NO_RESPONSE",
        "BOOKED_ON_RETRY",
        "1-610",
        "CANCELLED",
        1,
        "booking_confirmation",
        at(19, "10:01"),
        "booking 1-610 made by the retry was cancelled later; look up with BookingList by"
            + " clientReference that it is the only one");
    assertEquals(
        "tok_a",
        byReference.get("cancelled-retry").getAs(BookingReconciliation.EVIDENCE_TOKEN_ID),
        "the retry's credential");
    assertNull(
        byReference.get("before").getAs(BookingReconciliation.EVIDENCE_TOKEN_ID),
        "UNRESOLVED rests on no response");
  }

  @Test
  void eachOfTwoAttemptsWithOneReferenceIsJudgedByWhatCameAfterIt() {
    expect(
        "twice",
        "HTTP_504",
        "BOOKED",
        "1-700",
        "CONFIRMED",
        1,
        "booking_list",
        at(20, "10:02"),
        "record booking 1-700 as made; do not book again");
    Row retry = byReference.get("twice#2");
    assertNotNull(retry, "second attempt with the same reference has its own row");
    assertEquals(Instant.parse(at(20, "10:03")), ts(retry, BookingReconciliation.ATTEMPT_TS));
    assertEquals("NO_RESPONSE", retry.getAs(BookingReconciliation.OUTCOME));
    assertEquals("UNRESOLVED", retry.getAs(BookingReconciliation.STATUS), "list came before it");
  }

  @Test
  void listStatusDurationAndCreationDateReachTheRule() {
    List<Row> rows =
        List.of(
            confirmation("2024-04-10T10:00:00Z", "st-confirmed", 504)
                .set(ExchangeSchema.DURATION_MS, 60_000L)
                .row(),
            listByReference("2024-04-10T10:05:00Z", "st-confirmed", "2024-04-10", "2024-04-10", 0)
                .set(ExchangeSchema.LIST_STATUS, "CONFIRMED")
                .row(),
            confirmation("2024-04-11T10:00:00Z", "st-lag", 504)
                .set(ExchangeSchema.DURATION_MS, 60_000L)
                .row(),
            listByReference("2024-04-11T10:02:29Z", "st-lag", "2024-04-11", "2024-04-11", 0).row(),
            confirmation("2024-04-12T10:00:00Z", "st-ok", 504)
                .set(ExchangeSchema.DURATION_MS, 60_000L)
                .row(),
            listByReference("2024-04-12T10:02:30Z", "st-ok", "2024-04-12", "2024-04-12", 0).row(),
            confirmation("2024-04-13T10:00:00Z", "st-old", 504).row(),
            detail("2024-04-13T10:05:00Z", booking("1-913", "ST-OLD", "CONFIRMED", "2024-04-01"))
                .row());
    Map<String, String> status = new HashMap<>();
    for (Row row :
        BookingReconciliation.reconcile(BookingRows.dataset(spark, rows), false).collectAsList()) {
      status.put(
          row.getAs(BookingReconciliation.CLIENT_REFERENCE),
          row.getAs(BookingReconciliation.STATUS));
    }
    assertEquals(
        Map.of(
            "st-confirmed",
            "UNRESOLVED",
            "st-lag",
            "UNRESOLVED",
            "st-ok",
            "NOT_BOOKED",
            "st-old",
            "UNRESOLVED"),
        status);
  }

  @Test
  void piiAndTimezoneOptions() {
    // 23:30 UTC on the 25th is 00:30 on the 26th in Madrid (and Zurich): evidence must cover both
    // days, whatever the run's zone.
    List<Row> rows =
        List.of(
            confirmation("2024-03-25T23:30:00Z", "late-night", 504)
                .set(ExchangeSchema.HOLDER_NAME, "Ada Lovelace")
                .row(),
            listByCreation("2024-03-26T06:00:00Z", "2024-03-26", "2024-03-26", 0).row(),
            listByCreation("2024-03-26T07:00:00Z", "2024-03-25", "2024-03-25", 0).row());
    Dataset<Row> exchanges = BookingRows.dataset(spark, rows);

    Dataset<Row> utc = BookingReconciliation.reconcile(exchanges, false);
    assertEquals(BookingReconciliation.COLUMNS, Arrays.asList(utc.columns()));
    Row utcRow = single(utc);
    assertEquals("UNRESOLVED", utcRow.getAs(BookingReconciliation.STATUS), "no list covers both");
    assertEquals(
        LOOKUP_ACTION + "2024-03-25..2024-03-26", utcRow.getAs(BookingReconciliation.ACTION));

    Dataset<Row> zurich = BookingReconciliation.reconcile(exchanges, true, "Europe/Zurich");
    assertEquals(BookingReconciliation.columns(true), Arrays.asList(zurich.columns()));
    Row zurichRow = single(zurich);
    assertEquals(
        "UNRESOLVED", zurichRow.getAs(BookingReconciliation.STATUS), "the zone plays no part");
    assertEquals("Ada Lovelace", zurichRow.getAs(BookingReconciliation.HOLDER_NAME));
  }

  private static void expect(
      String clientReference,
      String outcome,
      String status,
      String bookingReference,
      String bookingStatus,
      int bookingsFound,
      String evidence,
      String evidenceTs,
      String action) {
    Row row = byReference.get(clientReference);
    assertNotNull(row, "no row for " + clientReference);
    String what = clientReference + ": ";
    assertEquals(outcome, row.getAs(BookingReconciliation.OUTCOME), what + "outcome");
    assertEquals(status, row.getAs(BookingReconciliation.STATUS), what + "status");
    assertEquals(
        bookingReference, row.getAs(BookingReconciliation.BOOKING_REFERENCE), what + "reference");
    assertEquals(
        bookingStatus, row.getAs(BookingReconciliation.BOOKING_STATUS), what + "booking status");
    assertEquals(
        bookingsFound,
        ((Number) row.getAs(BookingReconciliation.BOOKINGS_FOUND)).intValue(),
        what + "bookings found");
    assertEquals(evidence, row.getAs(BookingReconciliation.EVIDENCE), what + "evidence");
    assertEquals(
        evidenceTs == null ? null : Instant.parse(evidenceTs),
        ts(row, BookingReconciliation.EVIDENCE_TS),
        what + "evidence ts");
    assertEquals(action, row.getAs(BookingReconciliation.ACTION), what + "action");
  }

  private static void expectUnresolved(String clientReference, String outcome, String day) {
    expect(
        clientReference, outcome, "UNRESOLVED", null, null, 0, "none", null, LOOKUP_ACTION + day);
  }

  private static Row single(Dataset<Row> reconciled) {
    List<Row> rows = reconciled.collectAsList();
    assertEquals(1, rows.size(), "one attempt: " + rows);
    return rows.get(0);
  }

  private static Instant ts(Row row, String column) {
    Timestamp value = row.getAs(column);
    return value == null ? null : value.toInstant();
  }

  /** An instant on day {@code day} of March 2024, UTC. */
  private static String at(int day, String time) {
    return String.format("2024-03-%02dT%s:00Z", day, time);
  }
}
