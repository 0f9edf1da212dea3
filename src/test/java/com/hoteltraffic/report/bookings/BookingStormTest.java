package com.hoteltraffic.report.bookings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hoteltraffic.model.BookingFact;
import com.hoteltraffic.model.ClassifiedExchange;
import com.hoteltraffic.model.ErrorClass;
import com.hoteltraffic.model.Operation;
import com.hoteltraffic.model.Provider;
import com.hoteltraffic.report.Reports;
import com.hoteltraffic.report.engine.Blocks;
import com.hoteltraffic.report.engine.PieceKey;
import com.hoteltraffic.report.engine.ReportFold;
import com.hoteltraffic.report.engine.ReportRow;
import com.hoteltraffic.report.engine.ReportSettings;
import com.hoteltraffic.report.engine.SharedFacts;
import java.io.IOException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 rule 7: a day-long 504 storm (100,000 uncertain booking attempts, 3,000 booking lists)
 * reconciles as the run does it, in its read tasks' fold and the per-key merge, without sending the
 * attempts to the driver or broadcasting them, and without checking every attempt against every
 * list. The storm is made in memory; the merge is run key by key as the shuffle would.
 *
 * <p>Attempt {@code i} (reference {@code R<i>}) is a 504 after 60 s at {@code i × 864 ms} on
 * 2026-11-19 UTC. By {@code i % 4}: 0, an empty {@code status=ALL} list by the reference 5 min
 * later (NOT_BOOKED); 1, a successful retry 70 s later (BOOKED_ON_RETRY); 2, an empty list by the
 * reference filtered by {@code status=CONFIRMED} (proves nothing); 3, nothing. One complete {@code
 * filterType=CREATION, status=ALL} page of the day, fetched at 18:00, proves absence for the
 * attempts it covers: those settled (end + 90 s lag, {@code i × 0.864 s + 150 s}) by 18:00, {@code
 * i <= 74,826}. The other 2,999 pages cover last week and cover nothing. The lists by reference are
 * dated the UTC day, so they miss attempts whose interval reaches 23:00 UTC (midnight in Madrid),
 * {@code i >= 95,660}.
 */
class BookingStormTest {
  private static final long DAY_MILLIS = 86_400_000L;
  private static final long DAY0 = Instant.parse("2026-11-19T00:00:00Z").toEpochMilli();
  private static final String DAY = "2026-11-19";
  private static final int LISTS = 3_000;

  @Test
  void aDayLong504StormReconcilesPerKeyWithBoundedDriverFacts() throws IOException {
    Storm small = storm(1_000);
    long started = System.nanoTime();
    Storm large = storm(100_000);
    System.out.println(
        "BookingStormTest: 100,000 attempts folded and merged in "
            + (System.nanoTime() - started) / 1_000_000
            + " ms");

    // i % 4 == 2 or 3 with i <= 74,826: 18,707 + 18,706 = 37,413 covered by the 18:00 page; of
    // the 25,000 lists by reference, the 1,085 of i >= 95,660 miss the Madrid day of their
    // attempt's interval (it reaches 23:00 UTC, midnight in Madrid).
    assertEquals(
        Map.of(
            "BOOKED_ON_RETRY",
            25_000L,
            "NOT_BOOKED",
            25_000L - 1_085L + 37_413L,
            "UNRESOLVED",
            12_587L + 1_085L),
        large.statuses,
        "statuses of the 100,000 attempts");
    // 1,000 attempts 86.4 s apart: covered by the 18:00 page for i <= 748 (187 + 187); lists by
    // reference miss the Madrid day for i >= 957 (10 of them).
    assertEquals(
        Map.of("BOOKED_ON_RETRY", 250L, "NOT_BOOKED", 250L - 10L + 374L, "UNRESOLVED", 126L + 10L),
        small.statuses,
        "statuses of the 1,000 attempts");

    long grown = large.facts.length - small.facts.length;
    assertTrue(
        grown < 40_000,
        "the facts sent to the driver grew by "
            + grown
            + " bytes for 99,000 more"
            + " attempts: they carry the lists and a bounded bit set, not the attempts");
    assertTrue(
        large.listsExamined <= 3L * (LISTS + 1),
        "covering-list checks: "
            + large.listsExamined
            + " (lists x day spans), where every attempt against every list would be about 3 x 10^8");

    assertEquals(
        large.expectedOtherPiecesKept,
        large.otherPiecesKept,
        "booking pieces of 10,000 references without an attempt kept for the shuffle: exactly those whose"
            + " bucket an attempt's reference shares");
    assertTrue(
        large.otherPiecesKept < 4_000,
        "most are dropped before the shuffle: " + large.otherPiecesKept);
  }

  private record Storm(
      byte[] facts,
      Map<String, Long> statuses,
      long listsExamined,
      long otherPiecesKept,
      long expectedOtherPiecesKept) {}

  /**
   * The storm of {@code n} attempts with its lists and 10,000 unrelated bookings, folded and
   * merged.
   */
  private static Storm storm(int n) throws IOException {
    ReportSettings settings =
        ReportSettings.defaults()
            .withWindow(java.time.Duration.ofDays(1), java.time.ZoneOffset.UTC);
    ReportFold fold = new ReportFold(Reports.catalog(), settings);
    ReportFold.Partial partial = fold.start();
    long line = 0;
    long step = DAY_MILLIS / n;
    for (int i = 0; i < n; i++) {
      String reference = "R" + i;
      long ts = DAY0 + i * step;
      fold.add(partial, attempt(ts, reference), "storm.jsonl", ++line);
      switch (i % 4) {
        case 0 ->
            fold.add(
                partial, listByReference(ts + 300_000, reference, "ALL"), "storm.jsonl", ++line);
        case 1 -> fold.add(partial, retry(ts + 70_000, reference, "1-" + i), "storm.jsonl", ++line);
        case 2 ->
            fold.add(
                partial,
                listByReference(ts + 300_000, reference, "CONFIRMED"),
                "storm.jsonl",
                ++line);
        default -> {}
      }
    }
    for (int l = 0; l < LISTS - 1; l++) {
      fold.add(
          partial,
          creationList(DAY0 + l * (DAY_MILLIS / LISTS), "2026-11-10", "2026-11-16", "old" + l),
          "lists.jsonl",
          ++line);
    }
    fold.add(
        partial, creationList(DAY0 + 18 * 3_600_000L, DAY, DAY, "today"), "lists.jsonl", ++line);
    Set<Integer> attemptBuckets = new HashSet<>();
    for (int i = 0; i < n; i++) {
      attemptBuckets.add(Blocks.bucket(new PieceKey("booking", null, "r" + i, null, 0)));
    }
    long expectedOthersKept = 0;
    for (int o = 0; o < 10_000; o++) {
      fold.add(partial, retry(DAY0 + o * 8_000L, "Other" + o, "2-" + o), "other.jsonl", ++line);
      expectedOthersKept +=
          attemptBuckets.contains(
                  Blocks.bucket(new PieceKey("booking", null, "other" + o, null, 0)))
              ? 1
              : 0;
    }
    return merge(fold, partial, settings, expectedOthersKept);
  }

  /** What the merge does per key, without Spark: drop unneeded pieces, then each key's rows. */
  private static Storm merge(
      ReportFold fold, ReportFold.Partial partial, ReportSettings settings, long expectedOthersKept)
      throws IOException {
    byte[] facts = fold.facts(partial);
    SharedFacts shared = SharedFacts.of(Reports.catalog(), List.of(facts));
    Map<String, Long> statuses = new TreeMap<>();
    int status =
        Reports.named(Reports.UNCONFIRMED_BOOKINGS, false)
            .columns()
            .indexOf(BookingReconciliation.STATUS);
    long othersKept = 0;
    for (Blocks.Keyed keyed : Blocks.pieces(fold, partial)) {
      if (!Blocks.needed(shared, keyed.key())) {
        continue;
      }
      if ("booking".equals(keyed.key().kind()) && keyed.key().key().startsWith("other")) {
        othersKept++;
      }
      for (ReportRow row : Blocks.rows(keyed.piece(), keyed.key(), settings, shared)) {
        if (row.report().equals(Reports.UNCONFIRMED_BOOKINGS)) {
          statuses.merge((String) row.values()[status], 1L, Long::sum);
        }
      }
    }
    return new Storm(
        facts,
        statuses,
        ((CoveringLists) Blocks.factsOf(shared, "booking")).index().listsExamined(),
        othersKept,
        expectedOthersKept);
  }

  private static ClassifiedExchange hotelbeds(long tsMillis, String operation, Integer status) {
    ClassifiedExchange e = new ClassifiedExchange();
    e.tsMillis = tsMillis;
    e.provider = Provider.HOTELBEDS;
    e.operation = operation;
    e.httpStatus = status;
    e.tokenId = "tok_engine";
    e.errorCode = status != null && status == 504 ? "GATEWAY_TIMEOUT" : "OK";
    e.errorClass = status != null && status == 504 ? ErrorClass.TIMEOUT : ErrorClass.OK;
    e.durationMs = status != null && status == 504 ? 60_000L : 300L;
    return e;
  }

  private static ClassifiedExchange attempt(long ts, String reference) {
    ClassifiedExchange e = hotelbeds(ts, Operation.HB_BOOKING_CONFIRMATION, 504);
    e.clientReference = reference;
    e.hotelId = "1533";
    return e;
  }

  private static ClassifiedExchange retry(long ts, String reference, String booking) {
    ClassifiedExchange e = hotelbeds(ts, Operation.HB_BOOKING_CONFIRMATION, 200);
    e.clientReference = reference;
    e.bookings.add(
        new BookingFact(
            booking, reference.toUpperCase(java.util.Locale.ROOT), "CONFIRMED", "1533", DAY));
    return e;
  }

  private static ClassifiedExchange listByReference(long ts, String reference, String listStatus) {
    ClassifiedExchange e = list(ts, DAY, DAY, listStatus);
    e.listClientReference = reference;
    e.listTotal = 0;
    return e;
  }

  /** A complete unfiltered CREATION page of three other clients' bookings. */
  private static ClassifiedExchange creationList(long ts, String start, String end, String prefix) {
    ClassifiedExchange e = list(ts, start, end, "ALL");
    for (int b = 0; b < 3; b++) {
      e.bookings.add(
          new BookingFact(
              "3-" + prefix + b,
              "LIST-" + prefix.toUpperCase(java.util.Locale.ROOT) + b,
              "CONFIRMED",
              "1533",
              start));
    }
    e.listTotal = 3;
    return e;
  }

  private static ClassifiedExchange list(long ts, String start, String end, String listStatus) {
    ClassifiedExchange e = hotelbeds(ts, Operation.HB_BOOKING_LIST, 200);
    e.listFilterType = "CREATION";
    e.listStart = start;
    e.listEnd = end;
    e.listStatus = listStatus;
    e.listFrom = 1;
    e.listTo = 100;
    return e;
  }
}
