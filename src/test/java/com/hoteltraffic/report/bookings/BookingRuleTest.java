package com.hoteltraffic.report.bookings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.hoteltraffic.model.BookingFact;
import com.hoteltraffic.model.ClassifiedExchange;
import com.hoteltraffic.model.Environment;
import com.hoteltraffic.model.Operation;
import com.hoteltraffic.model.Provider;
import com.hoteltraffic.report.engine.ReportSettings;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link BookingRule} and {@link BookingEvent} without Spark: each case builds the events of a few
 * exchanges, groups them the way {@link BookingReconciliation} does and checks every cell.
 */
class BookingRuleTest {
  private static final java.time.Duration LAG = ReportSettings.DEFAULT_LIST_LAG;
  private static final String LOOKUP =
      "look up with BookingList by clientReference, filterType=CREATION, status=ALL, start..end"
          + " covering ";
  private static final String NOT_BOOKED_ACTION =
      "none: no booking was made; book again if the stay is still wanted";

  private long nextLine = 1;

  // Status rules.

  @Test
  void duplicateFromFilteredList() {
    BookingRule.Reconciled row =
        single(
            attempt("2024-03-01T10:00:00Z", "dup", 504),
            listByReference(
                "2024-03-01T10:05:00Z",
                "dup",
                "2024-03-01",
                "2024-03-01",
                2,
                booking("1-101", "DUP", "CONFIRMED"),
                booking("1-100", "DUP", "CONFIRMED")));
    expect(
        row,
        "HTTP_504",
        "DUPLICATE",
        "1-100;1-101",
        "CONFIRMED;CONFIRMED",
        2,
        "booking_list",
        "2024-03-01T10:05:00Z",
        "cancel all but one of bookings 1-100, 1-101");
  }

  @Test
  void duplicateIsFirstSeenFirstAndItsEvidenceIsTheSecondSighting() {
    // 1-900 shows up first (retry), 1-100 later in a list: time decides, not the reference.
    BookingRule.Reconciled row =
        single(
            attempt("2024-03-02T10:00:00Z", "dup", null),
            confirmed("2024-03-02T10:02:00Z", "dup", booking("1-900", "DUP", "CONFIRMED")),
            listByCreation(
                "2024-03-02T10:10:00Z",
                "2024-03-02",
                "2024-03-02",
                2,
                booking("1-900", "DUP", "CONFIRMED"),
                booking("1-100", "DUP", "CONFIRMED")),
            cancellation("2024-03-02T10:20:00Z", booking("1-100", "DUP", "CANCELLED")));
    expect(
        row,
        "NO_RESPONSE",
        "DUPLICATE",
        "1-900;1-100",
        "CONFIRMED;CANCELLED",
        2,
        "booking_list",
        "2024-03-02T10:10:00Z",
        "none: at most one of bookings 1-900, 1-100 is not cancelled");
  }

  @Test
  void bookedFromDetail() {
    BookingRule.Reconciled row =
        single(
            attempt("2024-03-05T10:00:00Z", "Booked-Detail", 504),
            detail("2024-03-05T10:07:00Z", booking(" 1-320 ", "BOOKED-DETAIL", " confirmed ")));
    expect(
        row,
        "HTTP_504",
        "BOOKED",
        "1-320",
        "CONFIRMED",
        1,
        "booking_detail",
        "2024-03-05T10:07:00Z",
        "record booking 1-320 as made; do not book again");
    assertEquals("Booked-Detail", row.clientReference(), "as sent");
  }

  @Test
  void bookedThenCancelledShowsTheLatestStatus() {
    BookingRule.Reconciled row =
        single(
            attempt("2024-03-18T10:00:00Z", "cancelled", 504),
            cancellation("2024-03-18T11:00:00Z", booking("1-600", "CANCELLED", "CANCELLED")),
            listByReference(
                "2024-03-18T10:05:00Z",
                "cancelled",
                null,
                null,
                1,
                booking("1-600", "CANCELLED", "CONFIRMED")));
    expect(
        row,
        "HTTP_504",
        "BOOKED",
        "1-600",
        "CANCELLED",
        1,
        "booking_list",
        "2024-03-18T10:05:00Z",
        "none: booking 1-600 was cancelled later");
  }

  @Test
  void bookedOnRetryWithTheReferenceOnlyInTheRequest() {
    BookingRule.Reconciled row =
        single(
            attempt("2024-03-07T10:00:00Z", "retry", null),
            confirmed("2024-03-07T10:01:00Z", "retry", booking("1-410", null, "CONFIRMED")));
    expect(
        row,
        "NO_RESPONSE",
        "BOOKED_ON_RETRY",
        "1-410",
        "CONFIRMED",
        1,
        "booking_confirmation",
        "2024-03-07T10:01:00Z",
        "record booking 1-410 made by the retry; look up with BookingList"
            + " by clientReference that it is the only one");
  }

  @Test
  void notBookedFromEmptyFilteredList() {
    BookingRule.Reconciled row =
        single(
            attempt("2024-03-08T10:00:00Z", "nb", 504),
            listByReference("2024-03-08T10:05:00Z", "NB", "2024-03-08", "2024-03-08", 0));
    expect(
        row,
        "HTTP_504",
        "NOT_BOOKED",
        null,
        null,
        0,
        "booking_list_complete",
        "2024-03-08T10:05:00Z",
        NOT_BOOKED_ACTION);
  }

  @Test
  void notBookedFromCheckInList() {
    BookingEvent list =
        listByReference("2024-03-10T10:05:00Z", "ci", "2024-05-01", "2024-05-01", 0);
    list = withFilter(list, "checkin");
    BookingRule.Reconciled row = single(attempt("2024-03-10T10:00:00Z", "ci", 504), list);
    expect(
        row,
        "HTTP_504",
        "NOT_BOOKED",
        null,
        null,
        0,
        "booking_list_complete",
        "2024-03-10T10:05:00Z",
        NOT_BOOKED_ACTION);
  }

  @Test
  void unresolvedWithoutEvidence() {
    BookingRule.Reconciled row = single(attempt("2024-03-11T10:00:00Z", "none", 504));
    expect(row, "HTTP_504", "UNRESOLVED", null, null, 0, "none", null, LOOKUP + "2024-03-11");
  }

  // What a list must be to prove absence.

  @Test
  void onlyAListOfEveryStatusProvesAbsence() {
    for (String status : new String[] {"CONFIRMED", "CANCELLED", null}) {
      BookingRule.Reconciled byReference =
          single(
              attempt("2024-04-01T10:00:00Z", "st", 504),
              withStatus(
                  listByReference("2024-04-01T10:05:00Z", "st", "2024-04-01", "2024-04-01", 0),
                  status));
      expectUnresolved(byReference, "2024-04-01");
      BookingRule.Reconciled byCreation =
          single(
              attempt("2024-04-01T10:00:00Z", "st", 504),
              withStatus(
                  listByCreation("2024-04-01T10:05:00Z", "2024-04-01", "2024-04-01", 0), status));
      expectUnresolved(byCreation, "2024-04-01");
    }
    BookingRule.Reconciled all =
        single(
            attempt("2024-04-01T10:00:00Z", "st", 504),
            withStatus(
                listByReference("2024-04-01T10:05:00Z", "st", "2024-04-01", "2024-04-01", 0),
                " all "));
    expect(
        all,
        "HTTP_504",
        "NOT_BOOKED",
        null,
        null,
        0,
        "booking_list_complete",
        "2024-04-01T10:05:00Z",
        NOT_BOOKED_ACTION);
  }

  @Test
  void aListProvesAbsenceOnlyTheListLagAfterTheAttemptEnded() {
    // A 504 after 30 s ended at 10:00:30; the lag runs until 10:02:00.
    BookingEvent answered = withDuration(attempt("2024-04-02T10:00:00Z", "lag", 504), 30_000L);
    expectUnresolved(
        single(
            answered,
            listByReference("2024-04-02T10:01:59.999Z", "lag", "2024-04-02", "2024-04-02", 0)),
        "2024-04-02");
    expect(
        single(
            answered,
            listByReference("2024-04-02T10:02:00Z", "lag", "2024-04-02", "2024-04-02", 0)),
        "HTTP_504",
        "NOT_BOOKED",
        null,
        null,
        0,
        "booking_list_complete",
        "2024-04-02T10:02:00Z",
        NOT_BOOKED_ACTION);
    // No response and no duration: ended at the 60 s timeout, 10:01:00; lag to 10:02:30.
    BookingEvent silent = attempt("2024-04-02T10:00:00Z", "lag", null);
    expectUnresolved(
        single(silent, listByCreation("2024-04-02T10:02:29Z", "2024-04-02", "2024-04-02", 0)),
        "2024-04-02");
    expect(
        single(silent, listByCreation("2024-04-02T10:02:30Z", "2024-04-02", "2024-04-02", 0)),
        "NO_RESPONSE",
        "NOT_BOOKED",
        null,
        null,
        0,
        "booking_list_complete",
        "2024-04-02T10:02:30Z",
        NOT_BOOKED_ACTION);
    // No response after a recorded 30 s wait: the duration counts, ended at 10:00:30.
    BookingEvent gaveUp = withDuration(attempt("2024-04-02T10:00:00Z", "lag", null), 30_000L);
    expectUnresolved(
        single(gaveUp, listByCreation("2024-04-02T10:01:59Z", "2024-04-02", "2024-04-02", 0)),
        "2024-04-02");
    assertEquals(
        "NOT_BOOKED",
        single(gaveUp, listByCreation("2024-04-02T10:02:00Z", "2024-04-02", "2024-04-02", 0))
            .status(),
        "90 s after the recorded end");
    // A later list still shows a booking that an early one missed.
    BookingRule.Reconciled booked =
        single(
            answered,
            listByReference("2024-04-02T10:01:00Z", "lag", "2024-04-02", "2024-04-02", 0),
            listByReference(
                "2024-04-02T10:03:00Z",
                "lag",
                "2024-04-02",
                "2024-04-02",
                1,
                booking("1-402", "LAG", "CONFIRMED")));
    assertEquals("BOOKED", booked.status());
  }

  @Test
  void attemptEndIsItsDurationWheneverRecordedElseTheBookingTimeout() {
    long ts = micros("2024-04-02T10:00:00Z");
    BookingEvent answered = attempt("2024-04-02T10:00:00Z", "end", 504);
    BookingEvent silent = attempt("2024-04-02T10:00:00Z", "end", null);
    assertEquals(
        ts + 60_000_000L, BookingRule.attemptEnd(answered), "a 504 without duration: 60 s");
    assertEquals(ts + 60_000_000L, BookingRule.attemptEnd(silent), "no response, no duration");
    assertEquals(
        ts + 180_000_000L,
        BookingRule.attemptEnd(withDuration(silent, 180_000L)),
        "no response after a recorded 180 s wait");
    assertEquals(
        ts + 5_000_000L,
        BookingRule.attemptEnd(withDuration(silent, 5_000L)),
        "a connection reset after 5 s");
    assertEquals(
        ts + 61_500_000L, BookingRule.attemptEnd(withDuration(answered, 61_500L)), "a 504");
    assertEquals(ts, BookingRule.attemptEnd(withDuration(answered, 0L)), "zero is a duration");
    assertEquals(
        ts + 60_000_000L,
        BookingRule.attemptEnd(withDuration(answered, -1L)),
        "a negative duration is none");
  }

  /** Issue 21: the client waited 180 s; a list 160 s after the start came before the end. */
  @Test
  void aNoResponseAttemptThatWaited180sIsNotProvedAbsentByAListAfter160s() {
    BookingEvent waited = withDuration(attempt("2024-04-02T10:00:00Z", "long", null), 180_000L);
    expectUnresolved(
        single(
            waited, listByReference("2024-04-02T10:02:40Z", "long", "2024-04-02", "2024-04-02", 0)),
        "2024-04-02");
    // Ended at 10:03:00, settled at 10:04:30: one microsecond before proves nothing, at it proves.
    expectUnresolved(
        single(
            waited,
            listByReference("2024-04-02T10:04:29.999999Z", "long", "2024-04-02", "2024-04-02", 0)),
        "2024-04-02");
    BookingRule.Reconciled row =
        single(
            waited, listByReference("2024-04-02T10:04:30Z", "long", "2024-04-02", "2024-04-02", 0));
    expect(
        row,
        "NO_RESPONSE",
        "NOT_BOOKED",
        null,
        null,
        0,
        "booking_list_complete",
        "2024-04-02T10:04:30Z",
        NOT_BOOKED_ACTION);
    assertEquals("tok_a", row.evidenceTokenId(), "the list's credential");
  }

  @Test
  void aPageFilteredByTheReferenceProvesAbsenceOnlyWhenEmpty() {
    // Complete, but its one item has no client reference: it may be the attempt's booking.
    expectUnresolved(
        single(
            attempt("2024-04-03T10:00:00Z", "items", 504),
            listByReference(
                "2024-04-03T10:05:00Z",
                "items",
                "2024-04-03",
                "2024-04-03",
                1,
                booking("1-431", null, "CONFIRMED"))),
        "2024-04-03");
    // Complete, its one item has no booking reference.
    expectUnresolved(
        single(
            attempt("2024-04-03T10:00:00Z", "items", 504),
            listByReference(
                "2024-04-03T10:05:00Z",
                "items",
                "2024-04-03",
                "2024-04-03",
                1,
                booking(null, "ITEMS", "CONFIRMED"))),
        "2024-04-03");
    // A blank booking reference ("reference": "", as a generated page has it) names no booking
    // either: inconclusive, not BOOKED with an empty reference.
    for (String blank : new String[] {"", "   "}) {
      expectUnresolved(
          single(
              attempt("2024-04-03T10:00:00Z", "items", 504),
              listByReference(
                  "2024-04-03T10:05:00Z",
                  "items",
                  "2024-04-03",
                  "2024-04-03",
                  1,
                  booking(blank, "ITEMS", "CONFIRMED"))),
          "2024-04-03");
    }
    // Empty: proof.
    expect(
        single(
            attempt("2024-04-03T10:00:00Z", "items", 504),
            listByReference("2024-04-03T10:05:00Z", "items", "2024-04-03", "2024-04-03", 0)),
        "HTTP_504",
        "NOT_BOOKED",
        null,
        null,
        0,
        "booking_list_complete",
        "2024-04-03T10:05:00Z",
        NOT_BOOKED_ACTION);
  }

  @Test
  void aCreationListWithAnItemWithoutReferencesIsNoCoveringList() {
    BookingEvent unnamed =
        listByCreation(
            "2024-04-04T10:05:00Z",
            "2024-04-04",
            "2024-04-04",
            2,
            booking("1-441", "OTHER", "CONFIRMED"),
            booking("1-442", " ", "CONFIRMED"));
    assertNull(unnamed.coveringList());
    assertNull(
        listByCreation(
                "2024-04-04T10:05:00Z",
                "2024-04-04",
                "2024-04-04",
                2,
                booking("1-441", "OTHER", "CONFIRMED"),
                booking("", "ANOTHER", "CONFIRMED"))
            .coveringList(),
        "an item with a blank booking reference makes the page no covering list");
    expectUnresolved(
        single(attempt("2024-04-04T10:00:00Z", "unnamed", 504), unnamed), "2024-04-04");
    BookingEvent named =
        listByCreation(
            "2024-04-04T10:05:00Z",
            "2024-04-04",
            "2024-04-04",
            2,
            booking("1-441", "OTHER", "CONFIRMED"),
            booking("1-442", "ANOTHER", "CONFIRMED"));
    assertEquals(
        "NOT_BOOKED", single(attempt("2024-04-04T10:00:00Z", "unnamed", 504), named).status());
  }

  @Test
  void aBookingCreatedBeforeTheAttemptIsAnOlderOne() {
    // Attempt on 04-05 in Madrid; a booking created on 04-03 reused the reference.
    BookingRule.Reconciled older =
        single(
            attempt("2024-04-05T10:00:00Z", "reused", 504),
            detail("2024-04-05T10:05:00Z", booking("1-450", "REUSED", "CONFIRMED", "2024-04-03")));
    expectUnresolved(older, "2024-04-05");
    BookingRule.Reconciled oneOld =
        single(
            attempt("2024-04-05T10:00:00Z", "reused", 504),
            listByReference(
                "2024-04-05T10:05:00Z",
                "reused",
                "2024-04-01",
                "2024-04-05",
                2,
                booking("1-450", "REUSED", "CONFIRMED", "2024-04-03"),
                booking("1-451", "REUSED", "CONFIRMED", "2024-04-05")));
    expect(
        oneOld,
        "HTTP_504",
        "BOOKED",
        "1-451",
        "CONFIRMED",
        1,
        "booking_list",
        "2024-04-05T10:05:00Z",
        "record booking 1-451 as made; do not book again");
    // One day of margin: created on 04-04 still counts as the attempt's.
    BookingRule.Reconciled margin =
        single(
            attempt("2024-04-05T10:00:00Z", "reused", 504),
            detail("2024-04-05T10:05:00Z", booking("1-452", "REUSED", "CONFIRMED", "2024-04-04")));
    assertEquals("BOOKED", margin.status());
    assertEquals("1-452", margin.bookingReference());
    // The Madrid date decides: 23:30 UTC on 04-05 is 04-06 in Madrid, so 04-04 is older.
    BookingRule.Reconciled madrid =
        single(
            attempt("2024-04-05T23:30:00Z", "reused", 504),
            detail("2024-04-06T10:05:00Z", booking("1-453", "REUSED", "CONFIRMED", "2024-04-04")));
    assertEquals("UNRESOLVED", madrid.status());
  }

  @Test
  void notBookedFromAnEmptyAllStatusListMinutesAfterThe504() {
    BookingRule.Reconciled row =
        single(
            withDuration(attempt("2024-04-06T10:00:00Z", "again", 504), 60_000L),
            listByReference("2024-04-06T10:05:00Z", "AGAIN", "2024-04-06", "2024-04-06", 0));
    expect(
        row,
        "HTTP_504",
        "NOT_BOOKED",
        null,
        null,
        0,
        "booking_list_complete",
        "2024-04-06T10:05:00Z",
        NOT_BOOKED_ACTION);
  }

  // Complete lists.

  @Test
  void creationListCoversItsFirstAndLastDayAndTheLatestWins() {
    String start = "2024-03-09";
    String end = "2024-03-10";
    BookingEvent early = listByCreation("2024-03-10T12:00:00Z", start, end, 0);
    BookingEvent late = listByCreation("2024-03-10T13:00:00Z", start, end, 0);
    for (String at : List.of("2024-03-09T00:00:00Z", "2024-03-10T11:59:59Z")) {
      BookingRule.Reconciled row = single(late, attempt(at, "edge", 504), early);
      expect(
          row,
          "HTTP_504",
          "NOT_BOOKED",
          null,
          null,
          0,
          "booking_list_complete",
          "2024-03-10T13:00:00Z",
          NOT_BOOKED_ACTION);
    }
  }

  @Test
  void creationListMissesTheDaysAroundIt() {
    BookingEvent list = listByCreation("2024-03-12T12:00:00Z", "2024-03-10", "2024-03-10", 0);
    // 23:59:59 UTC is already 2024-03-10 in Madrid: both days must be covered.
    expectUnresolved(
        single(attempt("2024-03-09T23:59:59Z", "before-start", 504), list),
        "2024-03-09..2024-03-10");
    expectUnresolved(single(attempt("2024-03-11T00:00:00Z", "after-end", 504), list), "2024-03-11");
  }

  @Test
  void creationDatesMustCoverTheAttemptInUtcAndInMadrid() {
    // 23:30 UTC on 03-25 is 00:30 on 03-26 in Madrid: a list of either day alone proves nothing.
    BookingEvent attempt = attempt("2024-03-25T23:30:00Z", "late-night", 504);
    expectUnresolved(
        single(attempt, listByCreation("2024-03-26T06:00:00Z", "2024-03-26", "2024-03-26", 0)),
        "2024-03-25..2024-03-26");
    expectUnresolved(
        single(attempt, listByCreation("2024-03-26T06:00:00Z", "2024-03-25", "2024-03-25", 0)),
        "2024-03-25..2024-03-26");
    expect(
        single(attempt, listByCreation("2024-03-26T06:00:00Z", "2024-03-25", "2024-03-26", 0)),
        "HTTP_504",
        "NOT_BOOKED",
        null,
        null,
        0,
        "booking_list_complete",
        "2024-03-26T06:00:00Z",
        NOT_BOOKED_ACTION);
    // The same for a list filtered by the reference with a creation range.
    expectUnresolved(
        single(
            attempt("2024-03-25T23:30:00Z", "late-ref", 504),
            listByReference("2024-03-26T06:00:00Z", "late-ref", "2024-03-25", "2024-03-25", 0)),
        "2024-03-25..2024-03-26");
    expect(
        single(
            attempt("2024-03-25T23:30:00Z", "late-ref", 504),
            listByReference("2024-03-26T06:00:00Z", "late-ref", "2024-03-25", "2024-03-26", 0)),
        "HTTP_504",
        "NOT_BOOKED",
        null,
        null,
        0,
        "booking_list_complete",
        "2024-03-26T06:00:00Z",
        NOT_BOOKED_ACTION);
  }

  @Test
  void coveredDaysReachToTheAttemptsEndPlusTheLag() {
    // 23:58:30 in Madrid; no response: ended 60 s later, settled 90 s after that, at 23:01 UTC,
    // which is 00:01 on 02-26 in Madrid.
    BookingEvent attempt = attempt("2024-02-25T22:58:30Z", "midnight", null);
    expectUnresolved(
        single(attempt, listByCreation("2024-02-26T06:00:00Z", "2024-02-25", "2024-02-25", 0)),
        "2024-02-25..2024-02-26");
    assertEquals(
        "NOT_BOOKED",
        single(attempt, listByCreation("2024-02-26T06:00:00Z", "2024-02-25", "2024-02-26", 0))
            .status());
  }

  @Test
  void incompletePagesProveNothing() {
    expectUnresolved(
        single(
            attempt("2024-03-13T10:00:00Z", "page", 504),
            listByCreation(
                "2024-03-13T10:05:00Z",
                "2024-03-13",
                "2024-03-13",
                150,
                booking("1-131", "OTHER-E", "CONFIRMED"),
                booking("1-132", "OTHER-F", "CONFIRMED"))),
        "2024-03-13");
    expectUnresolved(
        single(
            attempt("2024-03-14T10:00:00Z", "ref", 504),
            listByReference("2024-03-14T10:05:00Z", "ref", "2024-03-14", "2024-03-14", 1)),
        "2024-03-14");
  }

  @Test
  void filteredListWhoseDatesMissProvesNothingAndAnotherReferencesListNeither() {
    expectUnresolved(
        single(
            attempt("2024-03-16T10:00:00Z", "miss", 504),
            listByReference("2024-03-16T10:05:00Z", "miss", "2024-03-17", "2024-03-18", 0)),
        "2024-03-16");
    expectUnresolved(
        single(
            attempt("2024-03-21T10:00:00Z", "mine", 504),
            listByReference("2024-03-21T10:05:00Z", "someone-else", null, null, 0)),
        "2024-03-21");
  }

  // Issue 21: evidence from the right place, dates always, a retry's booking is the retry's.

  @Test
  void aTestEnvironmentResponseNeverDecidesAProductionAttemptNorTheReverse() {
    BookingEvent production = attempt("2024-04-10T10:00:00Z", "env", 504);
    BookingEvent empty =
        listByReference("2024-04-10T10:05:00Z", "env", "2024-04-10", "2024-04-10", 0);
    // Issue 21: an empty list on the test system, with another key, for a production attempt.
    expectUnresolved(single(production, by(empty, "tok_test", Environment.TEST)), "2024-04-10");
    expectUnresolved(single(production, by(empty, "tok_a", Environment.TEST)), "2024-04-10");
    assertEquals("NOT_BOOKED", single(production, empty).status(), "the production list proves");
    BookingEvent testAttempt = by(production, "tok_a", Environment.TEST);
    expectUnresolved(single(testAttempt, empty), "2024-04-10");
    assertEquals(
        "NOT_BOOKED",
        single(testAttempt, by(empty, "tok_a", Environment.TEST)).status(),
        "a test attempt, a test list of its key");
    // Existence too: a test booking is not a production one.
    BookingEvent testDetail =
        by(
            detail("2024-04-10T10:05:00Z", booking("1-910", "ENV", "CONFIRMED")),
            "tok_a",
            Environment.TEST);
    expectUnresolved(single(production, testDetail), "2024-04-10");
    assertEquals(0, single(production, testDetail).bookingsFound(), "nothing found");
    assertEquals("BOOKED", single(testAttempt, testDetail).status(), "the test attempt's own");
  }

  @Test
  void existenceCountsFromAnyCredentialOfTheEnvironmentAbsenceOnlyFromTheAttempts() {
    BookingEvent attempt = attempt("2024-04-11T10:00:00Z", "key", 504);
    // Issue 21: an empty list with another key proves nothing (its client's bookings only).
    BookingEvent otherKeysList =
        by(
            listByReference("2024-04-11T10:05:00Z", "key", "2024-04-11", "2024-04-11", 0),
            "tok_b",
            Environment.PRODUCTION);
    expectUnresolved(single(attempt, otherKeysList), "2024-04-11");
    BookingEvent otherKeysPage =
        by(
            listByCreation(
                "2024-04-11T10:05:00Z",
                "2024-04-11",
                "2024-04-11",
                1,
                booking("1-911", "SOMEONE", "CONFIRMED")),
            "tok_b",
            Environment.PRODUCTION);
    expectUnresolved(single(attempt, otherKeysPage), "2024-04-11");
    BookingRule.Reconciled own =
        single(attempt, by(otherKeysPage, "tok_a", Environment.PRODUCTION));
    assertEquals("NOT_BOOKED", own.status(), "the attempt's own key's covering list");
    assertEquals("tok_a", own.evidenceTokenId(), "evidence token of a covering list");
    // A booking another key's traffic shows exists all the same.
    BookingRule.Reconciled seen =
        single(
            attempt,
            by(
                detail("2024-04-11T10:05:00Z", booking("1-912", "KEY", "CONFIRMED")),
                "tok_b",
                Environment.PRODUCTION));
    expect(
        seen,
        "HTTP_504",
        "BOOKED",
        "1-912",
        "CONFIRMED",
        1,
        "booking_detail",
        "2024-04-11T10:05:00Z",
        "record booking 1-912 as made; do not book again");
    assertEquals("tok_b", seen.evidenceTokenId(), "the detail's credential");
  }

  @Test
  void aListWithoutDatesNeverProvesAbsence() {
    BookingEvent attempt = attempt("2024-04-12T10:00:00Z", "nodates", 504);
    // Issue 21: a reference-filtered status=ALL list with no dates at all.
    expectUnresolved(
        single(attempt, listByReference("2024-04-12T10:05:00Z", "nodates", null, null, 0)),
        "2024-04-12");
    expectUnresolved(
        single(attempt, listByReference("2024-04-12T10:05:00Z", "nodates", "2024-04-12", null, 0)),
        "2024-04-12");
    assertNull(
        listByCreation(
                "2024-04-12T10:05:00Z", null, null, 1, booking("1-913", "OTHER", "CONFIRMED"))
            .coveringList(),
        "an unfiltered page without dates");
    assertEquals(
        "NOT_BOOKED",
        single(
                attempt,
                listByReference("2024-04-12T10:05:00Z", "nodates", "2024-04-12", "2024-04-12", 0))
            .status(),
        "the same list with the attempt's day");
    // CHECKIN covers only an attempt that names its check-in.
    BookingEvent checkIn =
        withFilter(
            listByReference("2024-04-12T10:05:00Z", "nodates", "2024-05-01", "2024-05-01", 0),
            "CHECKIN");
    assertEquals("NOT_BOOKED", single(attempt, checkIn).status(), "check-in 2024-05-01 covered");
    expectUnresolved(single(withCheckIn(attempt, null), checkIn), "2024-04-12");
    expectUnresolved(single(withCheckIn(attempt, "2024-05-02"), checkIn), "2024-04-12");
  }

  /** Issue 21: a 504, a retry that booked X, a detail of X: X is the retry's booking. */
  @Test
  void aRetrysBookingAndItsLookupsSayNothingOfTheAttempt() {
    BookingEvent attempt = attempt("2024-04-13T10:00:00Z", "retried", 504);
    BookingEvent retry =
        by(
            confirmed("2024-04-13T10:01:10Z", "retried", booking("1-920", "RETRIED", "CONFIRMED")),
            "tok_r",
            Environment.PRODUCTION);
    BookingEvent detailOfX =
        detail("2024-04-13T10:03:00Z", booking("1-920", "RETRIED", "CONFIRMED"));
    String check = "; look up with BookingList by clientReference that it is the only one";
    BookingRule.Reconciled row = single(attempt, retry, detailOfX);
    expect(
        row,
        "HTTP_504",
        "BOOKED_ON_RETRY",
        "1-920",
        "CONFIRMED",
        1,
        "booking_confirmation",
        "2024-04-13T10:01:10Z",
        "record booking 1-920 made by the retry" + check);
    assertEquals("tok_r", row.evidenceTokenId(), "the retry's credential");
    // A cancellation of X does not settle the attempt's own possible booking either.
    expect(
        single(
            attempt,
            retry,
            cancellation("2024-04-13T10:04:00Z", booking("1-920", "RETRIED", "CANCELLED"))),
        "HTTP_504",
        "BOOKED_ON_RETRY",
        "1-920",
        "CANCELLED",
        1,
        "booking_confirmation",
        "2024-04-13T10:01:10Z",
        "booking 1-920 made by the retry was cancelled later" + check);
    // An incomplete list showing X (another key's) neither.
    assertEquals(
        "BOOKED_ON_RETRY",
        single(
                attempt,
                retry,
                by(
                    listByReference(
                        "2024-04-13T10:05:00Z",
                        "retried",
                        "2024-04-13",
                        "2024-04-13",
                        1,
                        booking("1-920", "RETRIED", "CONFIRMED")),
                    "tok_b",
                    Environment.PRODUCTION))
            .status(),
        "another key's list");
    // A second booking anywhere: DUPLICATE.
    BookingRule.Reconciled duplicate =
        single(
            attempt,
            retry,
            by(
                detail("2024-04-13T10:06:00Z", booking("1-919", "RETRIED", "CONFIRMED")),
                "tok_b",
                Environment.PRODUCTION));
    expect(
        duplicate,
        "HTTP_504",
        "DUPLICATE",
        "1-920;1-919",
        "CONFIRMED;CONFIRMED",
        2,
        "booking_detail",
        "2024-04-13T10:06:00Z",
        "cancel all but one of bookings 1-920, 1-919");
    assertEquals("tok_b", duplicate.evidenceTokenId(), "who showed the second booking");
  }

  @Test
  void aRetryThatBookedWithoutNamingItsBookingLeavesNoRoomForBookAgain() {
    BookingEvent attempt = attempt("2024-04-15T10:00:00Z", "silent-retry", 504);
    BookingEvent empty =
        listByReference("2024-04-15T10:05:00Z", "silent-retry", "2024-04-15", "2024-04-15", 0);
    assertEquals("NOT_BOOKED", single(attempt, empty).status(), "without the retry");
    // 200 to the retry, its body not recorded: a booking exists, though no response names it.
    BookingEvent retry = withHttpStatus(attempt("2024-04-15T10:06:00Z", "SILENT-RETRY", 504), 200);
    assertEquals(Set.of("silent-retry"), retry.keys(), "the retry joins the reference's group");
    List<BookingRule.Reconciled> rows = reconcile(List.of(attempt, empty, retry), false);
    assertEquals(1, rows.size(), "one attempt");
    expectUnresolved(rows.get(0), "2024-04-15");
    // The nearest non-retries: one on the test system, one before the attempt, one that failed.
    for (BookingEvent other :
        List.of(
            by(retry, "tok_a", Environment.TEST),
            shifted(retry, micros("2024-04-15T09:59:00Z") - retry.tsMicros()),
            withHttpStatus(retry, 409))) {
      assertEquals(
          "NOT_BOOKED",
          reconcile(List.of(attempt, empty, other), false).get(0).status(),
          "not a retry of the attempt: " + other);
    }
  }

  @Test
  void aCompleteListShowingTheRetrysBookingAloneIsBooked() {
    BookingEvent attempt = attempt("2024-04-14T10:00:00Z", "alone", 504);
    BookingEvent retry =
        confirmed("2024-04-14T10:01:10Z", "alone", booking("1-930", "ALONE", "CONFIRMED"));
    // The 504 ended at 10:01:00 (no duration), settled at 10:02:30.
    BookingEvent list =
        listByReference(
            "2024-04-14T10:02:30Z",
            "alone",
            "2024-04-14",
            "2024-04-14",
            1,
            booking("1-930", "ALONE", "CONFIRMED"));
    BookingRule.Reconciled row = single(attempt, retry, list);
    expect(
        row,
        "HTTP_504",
        "BOOKED",
        "1-930",
        "CONFIRMED",
        1,
        "booking_list",
        "2024-04-14T10:02:30Z",
        "record booking 1-930 as made; do not book again");
    assertEquals("tok_a", row.evidenceTokenId(), "the list's credential");
    // The nearest non-proofs, each one condition off.
    Map<String, BookingEvent> offByOne = new LinkedHashMap<>();
    offByOne.put("too soon", shifted(list, -1));
    offByOne.put("another key", by(list, "tok_b", Environment.PRODUCTION));
    offByOne.put("the test system", by(list, "tok_a", Environment.TEST));
    offByOne.put("confirmed only", withStatus(list, "CONFIRMED"));
    offByOne.put(
        "no dates",
        listByReference("2024-04-14T10:02:30Z", "alone", null, null, 1, list.bookings().get(0)));
    offByOne.put(
        "dates that miss the attempt",
        listByReference(
            "2024-04-14T10:02:30Z",
            "alone",
            "2024-04-15",
            "2024-04-15",
            1,
            list.bookings().get(0)));
    offByOne.put(
        "not all of total",
        listByReference(
            "2024-04-14T10:02:30Z",
            "alone",
            "2024-04-14",
            "2024-04-14",
            2,
            list.bookings().get(0)));
    offByOne.put(
        "an item without a booking reference",
        listByReference(
            "2024-04-14T10:02:30Z",
            "alone",
            "2024-04-14",
            "2024-04-14",
            2,
            list.bookings().get(0),
            booking(" ", "ALONE", "CONFIRMED")));
    offByOne.forEach(
        (why, other) ->
            assertEquals("BOOKED_ON_RETRY", single(attempt, retry, other).status(), why));
    // An older booking with the reference on the page does not count against "exactly one".
    assertEquals(
        "BOOKED",
        single(
                attempt,
                retry,
                listByReference(
                    "2024-04-14T10:02:30Z",
                    "alone",
                    "2024-03-01",
                    "2024-04-14",
                    2,
                    booking("1-100", "ALONE", "CONFIRMED", "2024-03-02"),
                    booking("1-930", "ALONE", "CONFIRMED", "2024-04-14")))
            .status());
    // An unfiltered covering page of the attempt's key and day that shows X among others.
    BookingEvent page =
        listByCreation(
            "2024-04-14T10:05:00Z",
            "2024-04-14",
            "2024-04-14",
            2,
            booking("1-931", "SOMEONE", "CONFIRMED"),
            booking("1-930", "ALONE", "CONFIRMED"));
    BookingRule.Reconciled covered = single(attempt, retry, page);
    assertEquals("BOOKED", covered.status(), "a complete unfiltered page shows X alone");
    assertEquals(Instant.parse("2024-04-14T10:05:00Z"), covered.evidenceTs(), "the page");
    assertEquals(
        "BOOKED_ON_RETRY",
        single(attempt, retry, withTotal(page, 3)).status(),
        "the first page of three bookings");
    assertEquals(
        "BOOKED_ON_RETRY",
        single(attempt, retry, withFilter(page, "CHECKIN")).status(),
        "an unfiltered check-in page is no covering list");
  }

  // Time.

  @Test
  void evidenceMustBeStrictlyAfterTheAttempt() {
    String at = "2024-03-17T10:00:00Z";
    BookingEvent attempt = attempt(at, "t", 504);
    expectUnresolved(
        single(
            attempt,
            detail(at, booking("1-500", "T", "CONFIRMED")),
            listByReference(at, "t", null, null, 0),
            listByCreation(at, "2024-03-17", "2024-03-17", 0)),
        "2024-03-17");
    BookingEvent oneMicroLater = shifted(detail(at, booking("1-500", "T", "CONFIRMED")), 1);
    assertEquals("BOOKED", single(attempt, oneMicroLater).status());
  }

  @Test
  void eachAttemptOfOneReferenceIsJudgedByWhatCameAfterIt() {
    List<BookingRule.Reconciled> rows =
        reconcile(
            List.of(
                attempt("2024-03-20T10:03:00Z", "twice", null),
                listByReference(
                    "2024-03-20T10:02:00Z",
                    "twice",
                    null,
                    null,
                    1,
                    booking("1-700", "TWICE", "CONFIRMED")),
                attempt("2024-03-20T10:00:00Z", "twice", 504)),
            false);
    assertEquals(
        List.of("BOOKED", "UNRESOLVED"),
        rows.stream().map(BookingRule.Reconciled::status).toList());
  }

  // Tie rules.

  @Test
  void latestStatusTieGoesToTheGreatestStatusWhateverTheOrder() {
    String at = "2024-03-22T10:05:00Z";
    BookingEvent cancelled = cancellation(at, booking("1-800", "TIE", "CANCELLED"));
    BookingEvent confirmed = detail(at, booking("1-800", "TIE", "CONFIRMED"));
    BookingEvent attempt = attempt("2024-03-22T10:00:00Z", "tie", 504);
    for (List<BookingEvent> events :
        List.of(List.of(attempt, cancelled, confirmed), List.of(confirmed, cancelled, attempt))) {
      BookingRule.Reconciled row = reconcile(events, false).get(0);
      assertEquals("CONFIRMED", row.bookingStatus());
      // The first lookup at one instant: the smallest operation name.
      assertEquals("booking_cancellation", row.evidence());
    }
  }

  @Test
  void firstSeenTieIsOrderedByReference() {
    String at = "2024-03-23T10:05:00Z";
    BookingRule.Reconciled row =
        single(
            attempt("2024-03-23T10:00:00Z", "same", 504),
            detail(at, booking("1-2", "SAME", "CONFIRMED")),
            detail(at, booking("1-10", "SAME", null)));
    expect(
        row,
        "HTTP_504",
        "DUPLICATE",
        "1-10;1-2",
        "UNKNOWN;CONFIRMED",
        2,
        "booking_detail",
        at,
        "cancel all but one of bookings 1-10, 1-2");
  }

  @Test
  void rowsEqualInTimeAndReferenceAreOrderedBySourceThenLine() {
    String at = "2024-03-24T10:00:00Z";
    BookingEvent b2 = from(attempt(at, "same", 504), "b.jsonl", 2);
    BookingEvent a9 = from(attempt(at, "same", null), "a.jsonl", 9);
    BookingEvent b1 = from(attempt(at, "same", null), "b.jsonl", 1);
    List<BookingRule.Reconciled> rows = reconcile(List.of(b2, a9, b1), false);
    assertEquals(
        List.of("a.jsonl:9", "b.jsonl:1", "b.jsonl:2"),
        rows.stream().map(r -> r.source() + ":" + r.line()).toList());
  }

  // Keys, PII and the model.

  @Test
  void attemptWithoutReferenceIsUnresolvedUnderItsOwnKey() {
    BookingEvent attempt = attempt("2024-03-26T10:00:00Z", "  ", 504);
    assertEquals(Set.of(BookingEvent.NO_REFERENCE_KEY), attempt.keys());
    BookingRule.Reconciled row =
        single(
            attempt,
            listByCreation("2024-03-26T11:00:00Z", "2024-03-26", "2024-03-26", 0),
            confirmed("2024-03-26T10:01:00Z", "  ", booking("1-1", null, "CONFIRMED")));
    expectUnresolved(row, "2024-03-26");
    assertEquals("  ", row.clientReference());
  }

  @Test
  void keysCoveringListAndForKey() {
    BookingEvent page =
        listByCreation(
            "2024-03-27T10:00:00Z",
            "2024-03-27",
            "2024-03-28",
            2,
            booking("1-1", "A", "CONFIRMED"),
            booking("1-2", " b ", "CONFIRMED"));
    assertEquals(Set.of("a", "b"), page.keys());
    assertEquals(
        new CoveringList(
            micros("2024-03-27T10:00:00Z"),
            "tok_a",
            Environment.PRODUCTION,
            LocalDate.of(2024, 3, 27),
            LocalDate.of(2024, 3, 28)),
        page.coveringList());
    assertEquals(List.of(booking("1-2", " b ", "CONFIRMED")), page.forKey("b").bookings());
    BookingEvent filtered =
        listByReference(
            "2024-03-27T10:00:00Z",
            "A",
            null,
            null,
            2,
            booking("1-1", "A", "CONFIRMED"),
            booking("1-2", "B", "CONFIRMED"));
    assertNull(filtered.coveringList(), "filtered by a reference");
    assertSame(filtered, filtered.forKey("a"), "its completeness counts all its bookings");
    assertNull(
        listByCreation("2024-03-27T10:00:00Z", "2024-03-27", "2024-03-27", 3).coveringList());
    BookingEvent failed = detail("2024-03-27T10:00:00Z", booking("1-1", "A", "X"));
    failed = copy(failed, failed.source(), failed.line(), failed.tsMicros(), null, null, 500);
    assertEquals(Set.of(), failed.keys(), "a failed lookup shows nothing");
  }

  @Test
  void holderNameOnlyWithIncludePii() {
    BookingEvent attempt = withHolder(attempt("2024-03-25T10:00:00Z", "pii", 504), "Ada Lovelace");
    BookingRule.Reconciled without = reconcile(List.of(attempt), false).get(0);
    assertNull(without.holderName());
    assertEquals(BookingReconciliation.COLUMNS.size(), without.values(false).size());
    BookingRule.Reconciled with = reconcile(List.of(attempt), true).get(0);
    List<Object> values = with.values(true);
    assertEquals(BookingReconciliation.columns(true).size(), values.size());
    assertEquals(
        Arrays.asList(
            Instant.parse("2024-03-25T10:00:00Z"),
            "hotelbeds",
            "tok_a",
            "1234",
            "pii",
            "2024-05-01",
            "2024-05-03",
            "HTTP_504",
            "UNRESOLVED",
            null,
            null,
            0,
            "none",
            null,
            null,
            LOOKUP + "2024-03-25",
            "Ada Lovelace"),
        values);
    assertEquals(Integer.class, values.get(11).getClass());
  }

  @Test
  void eventOfClassifiedExchangeReadsOnlyHotelbedsBookingTraffic() {
    ClassifiedExchange e = new ClassifiedExchange();
    e.tsMillis = 1_711_000_000_123L;
    e.provider = Provider.HOTELBEDS;
    e.operation = Operation.HB_AVAILABILITY;
    assertNull(BookingEvent.of(e, "f", 1));
    e.operation = Operation.HB_BOOKING_DETAIL;
    e.httpStatus = 200;
    e.environment = Environment.TEST;
    e.bookings.add(new BookingFact("1-1", "REF", "CONFIRMED", "1234", "2024-03-10"));
    BookingEvent event = BookingEvent.of(e, "f", 7);
    assertEquals(1_711_000_000_123_000L, event.tsMicros());
    assertEquals(Environment.TEST, event.environment(), "the exchange's environment");
    assertEquals(
        List.of(new BookingEvent.Booking("1-1", "REF", "CONFIRMED", "2024-03-10")),
        event.bookings());
    assertEquals(Set.of("ref"), event.keys());
    e.provider = Provider.CASY;
    assertNull(BookingEvent.of(e, "f", 1));
  }

  // Helpers: events as the read would build them, and the grouping of BookingReconciliation.

  private BookingRule.Reconciled single(BookingEvent... events) {
    List<BookingRule.Reconciled> rows = reconcile(List.of(events), false);
    assertEquals(1, rows.size(), "one attempt: " + rows);
    return rows.get(0);
  }

  /** Groups by key (each event cut to its key) and reconciles every group, in report order. */
  private static List<BookingRule.Reconciled> reconcile(
      List<BookingEvent> events, boolean includePii) {
    List<CoveringList> lists = new ArrayList<>();
    Map<String, List<BookingEvent>> groups = new LinkedHashMap<>();
    for (BookingEvent event : events) {
      if (event.coveringList() != null) {
        lists.add(event.coveringList());
      }
      for (String key : event.keys()) {
        groups.computeIfAbsent(key, k -> new ArrayList<>()).add(event.forKey(key));
      }
    }
    lists.sort(Comparator.comparingLong(CoveringList::tsMicros));
    List<BookingRule.Reconciled> rows = new ArrayList<>();
    groups.forEach(
        (key, group) -> rows.addAll(BookingRule.reconcile(key, group, lists, includePii, LAG)));
    rows.sort(BookingRule.REPORT_ORDER);
    return rows;
  }

  private static void expect(
      BookingRule.Reconciled row,
      String outcome,
      String status,
      String reference,
      String bookingStatus,
      int found,
      String evidence,
      String evidenceTs,
      String action) {
    assertEquals(outcome, row.outcome(), "outcome");
    assertEquals(status, row.status(), "status");
    assertEquals(reference, row.bookingReference(), "booking reference");
    assertEquals(bookingStatus, row.bookingStatus(), "booking status");
    assertEquals(found, row.bookingsFound(), "bookings found");
    assertEquals(evidence, row.evidence(), "evidence");
    assertEquals(
        evidenceTs == null ? null : Instant.parse(evidenceTs), row.evidenceTs(), "evidence ts");
    assertEquals(action, row.action(), "action");
  }

  private static void expectUnresolved(BookingRule.Reconciled row, String day) {
    expect(row, row.outcome(), "UNRESOLVED", null, null, 0, "none", null, LOOKUP + day);
  }

  private static BookingEvent.Booking booking(
      String reference, String clientReference, String status) {
    return new BookingEvent.Booking(reference, clientReference, status);
  }

  private static BookingEvent.Booking booking(
      String reference, String clientReference, String status, String creationDate) {
    return new BookingEvent.Booking(reference, clientReference, status, creationDate);
  }

  private static BookingEvent withStatus(BookingEvent e, String listStatus) {
    return new BookingEvent(
        e.source(),
        e.line(),
        e.tsMicros(),
        e.operation(),
        e.httpStatus(),
        e.durationMs(),
        e.tokenId(),
        e.environment(),
        e.hotelId(),
        e.clientReference(),
        e.checkIn(),
        e.checkOut(),
        e.holderName(),
        e.listClientReference(),
        e.listFilterType(),
        e.listStart(),
        e.listEnd(),
        listStatus,
        e.listFrom(),
        e.listTo(),
        e.listTotal(),
        e.bookings());
  }

  private static BookingEvent withDuration(BookingEvent e, Long durationMs) {
    return new BookingEvent(
        e.source(),
        e.line(),
        e.tsMicros(),
        e.operation(),
        e.httpStatus(),
        durationMs,
        e.tokenId(),
        e.environment(),
        e.hotelId(),
        e.clientReference(),
        e.checkIn(),
        e.checkOut(),
        e.holderName(),
        e.listClientReference(),
        e.listFilterType(),
        e.listStart(),
        e.listEnd(),
        e.listStatus(),
        e.listFrom(),
        e.listTo(),
        e.listTotal(),
        e.bookings());
  }

  private static BookingEvent by(BookingEvent e, String tokenId, String environment) {
    return rebuilt(e, tokenId, environment, e.checkIn(), e.listTotal());
  }

  private static BookingEvent withCheckIn(BookingEvent e, String checkIn) {
    return rebuilt(e, e.tokenId(), e.environment(), checkIn, e.listTotal());
  }

  private static BookingEvent withHttpStatus(BookingEvent e, Integer status) {
    return copy(e, e.source(), e.line(), e.tsMicros(), e.listFilterType(), e.holderName(), status);
  }

  private static BookingEvent withTotal(BookingEvent e, Integer total) {
    return rebuilt(e, e.tokenId(), e.environment(), e.checkIn(), total);
  }

  private static BookingEvent rebuilt(
      BookingEvent e, String tokenId, String environment, String checkIn, Integer total) {
    return new BookingEvent(
        e.source(),
        e.line(),
        e.tsMicros(),
        e.operation(),
        e.httpStatus(),
        e.durationMs(),
        tokenId,
        environment,
        e.hotelId(),
        e.clientReference(),
        checkIn,
        e.checkOut(),
        e.holderName(),
        e.listClientReference(),
        e.listFilterType(),
        e.listStart(),
        e.listEnd(),
        e.listStatus(),
        e.listFrom(),
        e.listTo(),
        total,
        e.bookings());
  }

  private BookingEvent attempt(String ts, String reference, Integer status) {
    return event(
        ts,
        Operation.HB_BOOKING_CONFIRMATION,
        status,
        reference,
        null,
        null,
        null,
        null,
        null,
        List.of());
  }

  private BookingEvent confirmed(String ts, String reference, BookingEvent.Booking booking) {
    return event(
        ts,
        Operation.HB_BOOKING_CONFIRMATION,
        200,
        reference,
        null,
        null,
        null,
        null,
        null,
        List.of(booking));
  }

  private BookingEvent detail(String ts, BookingEvent.Booking booking) {
    return event(
        ts, Operation.HB_BOOKING_DETAIL, 200, null, null, null, null, null, null, List.of(booking));
  }

  private BookingEvent cancellation(String ts, BookingEvent.Booking booking) {
    return event(
        ts,
        Operation.HB_BOOKING_CANCELLATION,
        200,
        null,
        null,
        null,
        null,
        null,
        null,
        List.of(booking));
  }

  private BookingEvent listByReference(
      String ts,
      String reference,
      String start,
      String end,
      Integer total,
      BookingEvent.Booking... bookings) {
    return event(
        ts,
        Operation.HB_BOOKING_LIST,
        200,
        null,
        reference,
        "CREATION",
        start,
        end,
        total,
        List.of(bookings));
  }

  private BookingEvent listByCreation(
      String ts, String start, String end, Integer total, BookingEvent.Booking... bookings) {
    return event(
        ts,
        Operation.HB_BOOKING_LIST,
        200,
        null,
        null,
        "CREATION",
        start,
        end,
        total,
        List.of(bookings));
  }

  private BookingEvent event(
      String ts,
      String operation,
      Integer status,
      String reference,
      String listReference,
      String filter,
      String start,
      String end,
      Integer total,
      List<BookingEvent.Booking> bookings) {
    boolean confirmation = Operation.HB_BOOKING_CONFIRMATION.equals(operation);
    boolean list = Operation.HB_BOOKING_LIST.equals(operation);
    return new BookingEvent(
        "traffic.jsonl",
        nextLine++,
        micros(ts),
        operation,
        status,
        null,
        "tok_a",
        Environment.PRODUCTION,
        confirmation ? "1234" : null,
        reference,
        confirmation ? "2024-05-01" : null,
        confirmation ? "2024-05-03" : null,
        null,
        listReference,
        filter,
        start,
        end,
        list ? "ALL" : null,
        total == null ? null : 1,
        total == null ? null : 100,
        total,
        bookings);
  }

  private static long micros(String ts) {
    Instant instant = Instant.parse(ts);
    return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1000L;
  }

  private static BookingEvent shifted(BookingEvent e, long micros) {
    return copy(
        e,
        e.source(),
        e.line(),
        e.tsMicros() + micros,
        e.listFilterType(),
        e.holderName(),
        e.httpStatus());
  }

  private static BookingEvent withFilter(BookingEvent e, String filter) {
    return copy(e, e.source(), e.line(), e.tsMicros(), filter, e.holderName(), e.httpStatus());
  }

  private static BookingEvent withHolder(BookingEvent e, String holder) {
    return copy(e, e.source(), e.line(), e.tsMicros(), e.listFilterType(), holder, e.httpStatus());
  }

  private static BookingEvent from(BookingEvent e, String source, long line) {
    return copy(e, source, line, e.tsMicros(), e.listFilterType(), e.holderName(), e.httpStatus());
  }

  private static BookingEvent copy(
      BookingEvent e,
      String source,
      long line,
      Long ts,
      String filter,
      String holder,
      Integer status) {
    return new BookingEvent(
        source,
        line,
        ts,
        e.operation(),
        status,
        e.durationMs(),
        e.tokenId(),
        e.environment(),
        e.hotelId(),
        e.clientReference(),
        e.checkIn(),
        e.checkOut(),
        holder,
        e.listClientReference(),
        filter,
        e.listStart(),
        e.listEnd(),
        e.listStatus(),
        e.listFrom(),
        e.listTo(),
        e.listTotal(),
        e.bookings());
  }
}
