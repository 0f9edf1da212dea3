package com.hoteltraffic.report.behaviour;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * The rule of {@link ClientBehaviour} on one credential's calls, plain Java: sorts the calls by
 * time (ties by fingerprint, then kind, so any merge order gives the same answer) and walks them
 * once, remembering per fingerprint only its last failure of the provider's repeat window.
 */
final class BehaviourRule {
  static final int FIX_FIRST = 1;
  static final int RETRYABLE = 2;
  static final int RATE_LIMITED = 4;
  static final int QUOTA = 8;
  static final int ERROR = 16;

  /** The call is in the reported range (a daily run's day); the others only give context. */
  static final int IN_DAY = 32;

  /**
   * The provider's answer itself says the call repeats a failed request unchanged (Hotelbeds 410):
   * a repeat whether or not the failure it repeats is in the recording.
   */
  static final int NAMED_REPEAT = 64;

  private static final int PRUNE_EVERY = 4_096;

  private BehaviourRule() {}

  /** One call: when it was sent and ended (ms), its request fingerprint and its kind (flags). */
  record Call(long tsMillis, long endMillis, long fingerprint, int flags)
      implements Comparable<Call> {
    boolean is(int flag) {
      return (flags & flag) != 0;
    }

    @Override
    public int compareTo(Call o) {
      int c = Long.compare(tsMillis, o.tsMillis);
      if (c == 0) {
        c = Long.compare(fingerprint, o.fingerprint);
      }
      if (c == 0) {
        c = Integer.compare(flags, o.flags);
      }
      return c != 0 ? c : Long.compare(endMillis, o.endMillis);
    }
  }

  /** The counts of one row of {@code client_behaviour}. */
  record Result(
      long requests,
      long fixFirstFailures,
      long repeatedUnchanged,
      long retryableFailures,
      long fastRetries,
      long rejectedInBursts,
      long wasted) {}

  /**
   * @param calls every call of the credential, in any order (sorted in place); only those flagged
   *     {@link #IN_DAY} are counted, the others (a daily run's look-back and look-ahead) are the
   *     failures and bursts they may repeat or belong to
   * @param repeatWindowMillis how long after a failure an unchanged resend is its repeat (the
   *     provider's {@code repeat_window_s})
   * @param burstGapMillis the burst gap ({@code --burst-gap})
   * @param burstMin the fewest rate-limit rejections of a burst ({@code --burst-min})
   */
  static Result apply(Call[] calls, long repeatWindowMillis, long burstGapMillis, int burstMin) {
    Arrays.sort(calls);
    boolean[] wasted = new boolean[calls.length];
    long[] counts = new long[4]; // fix-first failures, repeats, retryable failures, fast retries
    repeatsAndRetries(calls, repeatWindowMillis, wasted, counts);
    long rejected = rejectedInBursts(calls, wasted, burstGapMillis, burstMin);
    long wastedCalls = 0;
    long requests = 0;
    for (int i = 0; i < calls.length; i++) {
      requests += calls[i].is(IN_DAY) ? 1 : 0;
      wastedCalls += wasted[i] && calls[i].is(IN_DAY) ? 1 : 0;
    }
    return new Result(requests, counts[0], counts[1], counts[2], counts[3], rejected, wastedCalls);
  }

  private static void repeatsAndRetries(
      Call[] calls, long windowMillis, boolean[] wasted, long[] counts) {
    Map<Long, Call> lastFailure = new HashMap<>();
    for (int i = 0; i < calls.length; i++) {
      Call call = calls[i];
      Call failure = lastFailure.get(call.fingerprint());
      if (call.is(NAMED_REPEAT) && call.is(IN_DAY)) {
        // The provider says so: no need to have recorded the failure it repeats.
        counts[1]++;
        wasted[i] = true;
      } else if (failure != null && call.tsMillis() > failure.tsMillis() && call.is(IN_DAY)) {
        if (failure.is(FIX_FIRST)
            && call.is(FIX_FIRST)
            && call.tsMillis() - failure.tsMillis() <= windowMillis) {
          counts[1]++;
          wasted[i] = true;
        } else if (failure.is(RETRYABLE)
            && call.tsMillis() >= failure.endMillis()
            && call.tsMillis() - failure.endMillis() < ClientBehaviour.FAST_RETRY_MILLIS) {
          counts[3]++;
          wasted[i] |= call.is(ERROR);
        }
      }
      if (call.is(FIX_FIRST) || call.is(RETRYABLE)) {
        counts[call.is(FIX_FIRST) ? 0 : 2] += call.is(IN_DAY) ? 1 : 0;
        lastFailure.put(call.fingerprint(), call);
      } else {
        lastFailure.remove(call.fingerprint());
      }
      if (i % PRUNE_EVERY == PRUNE_EVERY - 1) {
        prune(lastFailure, call.tsMillis(), windowMillis);
      }
    }
  }

  /**
   * Drops failures no later call can repeat or retry any more: the map stays as small as the
   * window.
   */
  private static void prune(Map<Long, Call> lastFailure, long now, long windowMillis) {
    for (Iterator<Call> it = lastFailure.values().iterator(); it.hasNext(); ) {
      Call failure = it.next();
      if (now - failure.tsMillis() > windowMillis
          && now - failure.endMillis() >= ClientBehaviour.FAST_RETRY_MILLIS) {
        it.remove();
      }
    }
  }

  /**
   * The rejections inside the credential's {@code rate_limit_bursts} rows: rate-limit rejections
   * and quota rejections, each kind in its own groups (gap at most the burst gap) of at least
   * burstMin, as {@link BurstRule} forms them.
   */
  private static long rejectedInBursts(
      Call[] calls, boolean[] wasted, long gapMillis, int burstMin) {
    return rejectedInGroups(calls, RATE_LIMITED, wasted, gapMillis, burstMin)
        + rejectedInGroups(calls, QUOTA, wasted, gapMillis, burstMin);
  }

  private static long rejectedInGroups(
      Call[] calls, int kind, boolean[] wasted, long gapMillis, int burstMin) {
    long rejected = 0;
    int groupSize = 0;
    long previous = Long.MIN_VALUE;
    int[] members = new int[calls.length];
    for (int i = 0; i < calls.length; i++) {
      if (!calls[i].is(kind)) {
        continue;
      }
      if (groupSize > 0 && calls[i].tsMillis() - previous > gapMillis) {
        rejected += closeGroup(calls, members, groupSize, wasted, burstMin);
        groupSize = 0;
      }
      members[groupSize++] = i;
      previous = calls[i].tsMillis();
    }
    return rejected + closeGroup(calls, members, groupSize, wasted, burstMin);
  }

  /**
   * Marks a group's rejections wasted when it is a burst; returns how many of them are in the day.
   */
  private static long closeGroup(
      Call[] calls, int[] members, int size, boolean[] wasted, int burstMin) {
    if (size < burstMin || size == 0) {
      return 0;
    }
    long inDay = 0;
    for (int j = 0; j < size; j++) {
      wasted[members[j]] = true;
      inDay += calls[members[j]].is(IN_DAY) ? 1 : 0;
    }
    return inDay;
  }
}
