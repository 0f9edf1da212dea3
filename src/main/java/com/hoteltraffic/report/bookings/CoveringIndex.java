package com.hoteltraffic.report.bookings;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The run's {@link CoveringList}s, asked per attempt for the latest one of the attempt's credential
 * and environment that covers the attempt's days: the answer for one span of days, credential and
 * environment is worked out once, by one pass over the lists, and every other attempt with the same
 * ones (a day's attempts of one client share one or two) gets it from a map. So a day-long storm of
 * 100,000 attempts against a few thousand lists costs lists × spans checks, not attempts × lists
 * (issue 14 rule 7). Safe to share between the tasks of an executor.
 */
final class CoveringIndex implements Serializable {
  private static final long serialVersionUID = 1L;

  /** No covering list at all for a span. */
  private static final long NONE = Long.MIN_VALUE;

  private final List<CoveringList> lists;
  private final Map<Span, Long> latestBySpan = new ConcurrentHashMap<>();
  private final AtomicLong listsExamined = new AtomicLong();

  private record Span(LocalDate first, LocalDate last, String tokenId, String environment)
      implements Serializable {}

  CoveringIndex(List<CoveringList> lists) {
    this.lists = List.copyOf(lists);
  }

  /**
   * The time of the latest list fetched with {@code tokenId} in {@code environment} that covers
   * every day of {@code first..last} if it was fetched at or after {@code settled} (microseconds),
   * else null: any earlier covering list is earlier still.
   */
  Long latestCovering(
      long settled, LocalDate first, LocalDate last, String tokenId, String environment) {
    long latest =
        latestBySpan.computeIfAbsent(new Span(first, last, tokenId, environment), this::scan);
    return latest != NONE && latest >= settled ? latest : null;
  }

  /** How many list checks the index has made: lists × distinct spans asked (for tests). */
  long listsExamined() {
    return listsExamined.get();
  }

  private long scan(Span span) {
    long latest = NONE;
    for (CoveringList list : lists) {
      if (list.fetchedBy(span.tokenId(), span.environment())
          && list.covers(span.first())
          && list.covers(span.last())) {
        latest = Math.max(latest, list.tsMicros());
      }
    }
    listsExamined.addAndGet(lists.size());
    return latest;
  }
}
