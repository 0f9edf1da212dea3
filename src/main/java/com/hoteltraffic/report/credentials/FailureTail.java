package com.hoteltraffic.report.credentials;

import com.hoteltraffic.report.shared.LongList;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * The trailing run of one kind of failure in a credential's traffic: the failures later than the
 * latest accepted answer. Each exchange is a {@link Outcome#FAILURE}, an {@link Outcome#ACCEPTED}
 * answer (it ends the run) or {@link Outcome#NEUTRAL} (it proves nothing, so it neither extends nor
 * ends the run). Mergeable in any order: each part keeps its own latest accepted answer and the
 * failures after it, and a merge drops the failures that the other part's later accepted answer
 * interrupts. A failure at the very microsecond of the latest accepted answer is not in the run
 * (recorded timestamps do not order them), so the run never claims a failure the traffic does not
 * prove came last.
 *
 * <p>It holds the timestamps of the trailing failures only: for a credential revoked mid-day, every
 * request since; the list stays with the credential's key on the executors and only its count and
 * first timestamp reach a report row.
 */
final class FailureTail {

  /** What one exchange is to the run. */
  enum Outcome {
    FAILURE,
    ACCEPTED,
    NEUTRAL
  }

  private long lastAccepted;
  private final LongList failures;

  FailureTail() {
    this(Long.MIN_VALUE, new LongList());
  }

  private FailureTail(long lastAccepted, LongList failures) {
    this.lastAccepted = lastAccepted;
    this.failures = failures;
  }

  void add(long tsMicros, Outcome outcome) {
    if (outcome == Outcome.FAILURE) {
      if (tsMicros > lastAccepted) {
        failures.add(tsMicros);
      }
    } else if (outcome == Outcome.ACCEPTED && tsMicros > lastAccepted) {
      lastAccepted = tsMicros;
      if (failures.size() > 0) {
        failures.removeAtOrBelow(lastAccepted);
      }
    }
  }

  void merge(FailureTail other) {
    lastAccepted = Math.max(lastAccepted, other.lastAccepted);
    failures.addAll(other.failures);
    failures.removeAtOrBelow(lastAccepted);
  }

  /** How many failures the trailing run has: none is followed by an accepted answer. */
  int count() {
    return failures.size();
  }

  /** The first failure of the trailing run, or {@link Long#MAX_VALUE} when there is none. */
  long since() {
    return failures.min();
  }

  void write(DataOutput out) throws IOException {
    out.writeLong(lastAccepted);
    failures.write(out);
  }

  static FailureTail read(DataInput in) throws IOException {
    return new FailureTail(in.readLong(), LongList.read(in));
  }
}
