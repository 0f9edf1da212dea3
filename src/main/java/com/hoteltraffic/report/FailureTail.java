package com.hoteltraffic.report;

import java.io.Serializable;

/**
 * The trailing run of one kind of failure in a credential's traffic: the failures later than the
 * latest exchange that was not such a failure. Mergeable in any order: each part keeps its own
 * latest other exchange and the failures after it, and a merge drops the failures that the other
 * part's later exchange interrupts. An exchange at the very microsecond of the latest other
 * exchange is not in the run (recorded timestamps do not order them), so the run never claims a
 * failure the traffic does not prove came last.
 *
 * <p>It holds the timestamps of the trailing failures only: for a credential revoked mid-day, every
 * request since; the list stays with the credential's key on the executors and only its count and
 * first timestamp reach a report row.
 */
final class FailureTail implements Serializable {
  private static final long serialVersionUID = 1L;

  private long lastOther = Long.MIN_VALUE;
  private final LongList failures = new LongList();

  void add(long tsMicros, boolean failure) {
    if (failure) {
      if (tsMicros > lastOther) {
        failures.add(tsMicros);
      }
    } else if (tsMicros > lastOther) {
      lastOther = tsMicros;
      if (failures.size() > 0) {
        failures.removeAtOrBelow(lastOther);
      }
    }
  }

  void merge(FailureTail other) {
    lastOther = Math.max(lastOther, other.lastOther);
    failures.addAll(other.failures);
    failures.removeAtOrBelow(lastOther);
  }

  /** How many exchanges the trailing run has: all failures, none followed by another exchange. */
  int count() {
    return failures.size();
  }

  /** The first failure of the trailing run, or {@link Long#MAX_VALUE} when there is none. */
  long since() {
    return failures.min();
  }
}
