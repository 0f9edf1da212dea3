package com.hoteltraffic.report;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.roaringbitmap.RoaringBitmap;

/**
 * The small facts every key may need, gathered from all read tasks before the pieces are merged:
 * the booking lists that can prove a booking's absence for any client reference, the keys that saw
 * a rejection or a database failure, and which client references may have an uncertain booking
 * attempt (the other keys' traffic is dropped before the shuffle: it cannot make a row).
 *
 * <p>None of them grows with the traffic around the incidents, and the attempts are not sent at
 * all: a reference is known only by its bucket among {@link #ATTEMPT_BUCKETS} (a fixed-size bit
 * set, at most 32 KB however many attempts a storm makes). A reference without an attempt whose
 * bucket another reference's attempt set is shipped to the merge for nothing, and yields no row
 * there; a reference with an attempt is never dropped.
 */
public final class SharedFacts implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Buckets of client references with an attempt: 2^18, so the set is at most 32 KB. */
  static final int ATTEMPT_BUCKETS = 1 << 18;

  private final List<CoveringList> coveringLists;
  private final Set<Piece.PieceKey> incidentKeys;
  private final RoaringBitmap attemptBuckets;
  private transient volatile CoveringIndex coveringIndex;

  private SharedFacts(
      List<CoveringList> coveringLists,
      Set<Piece.PieceKey> incidentKeys,
      RoaringBitmap attemptBuckets) {
    this.coveringLists = List.copyOf(coveringLists);
    this.incidentKeys = Set.copyOf(incidentKeys);
    this.attemptBuckets = attemptBuckets;
  }

  /** The facts of one read task, as {@link ReportFold#facts} leaves them. */
  record TaskFacts(
      List<CoveringList> coveringLists,
      Set<Piece.PieceKey> incidentKeys,
      RoaringBitmap attemptBuckets)
      implements Serializable {}

  /** Joins the facts of every task (in any order: the result is sorted). */
  public static SharedFacts of(List<? extends Serializable> taskFacts) {
    List<CoveringList> lists = new ArrayList<>();
    Set<Piece.PieceKey> keys = new HashSet<>();
    RoaringBitmap buckets = new RoaringBitmap();
    for (Serializable facts : taskFacts) {
      TaskFacts task = (TaskFacts) facts;
      lists.addAll(task.coveringLists());
      keys.addAll(task.incidentKeys());
      buckets.or(task.attemptBuckets());
    }
    lists.sort(
        Comparator.comparingLong(CoveringList::tsMicros)
            .thenComparing(CoveringList::start)
            .thenComparing(CoveringList::end));
    buckets.runOptimize();
    return new SharedFacts(lists, keys, buckets);
  }

  /** The bucket of a (lower-cased) client reference key: a mixed hash, its top 18 bits. */
  static int attemptBucket(String referenceKey) {
    return (referenceKey.hashCode() * 0x9E3779B9) >>> (Integer.SIZE - 18);
  }

  /** Every covering booking list of the run, in time order. */
  List<CoveringList> coveringLists() {
    return coveringLists;
  }

  /** The covering lists, indexed for the attempts' lookups (built once per executor). */
  CoveringIndex coveringIndex() {
    CoveringIndex index = coveringIndex;
    if (index == null) {
      synchronized (this) {
        if (coveringIndex == null) {
          coveringIndex = new CoveringIndex(coveringLists);
        }
        index = coveringIndex;
      }
    }
    return index;
  }

  /** Whether a key's piece can yield a row: an incident key without incidents cannot. */
  boolean needed(Piece.PieceKey key) {
    if (ReportFold.BOOKING.equals(key.kind())) {
      return attemptBuckets.contains(attemptBucket(key.key()));
    }
    return !ReportFold.INCIDENT_KINDS.contains(key.kind()) || incidentKeys.contains(key);
  }
}
