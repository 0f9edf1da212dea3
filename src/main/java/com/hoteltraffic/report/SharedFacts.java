package com.hoteltraffic.report;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
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
 *
 * <p>Facts travel as codec bytes ({@link #encoded}): a task's facts to the driver, the joined facts
 * to the merge's tasks, whatever {@code spark.serializer} a run uses.
 */
public final class SharedFacts {

  /** Buckets of client references with an attempt: 2^18, so the set is at most 32 KB. */
  static final int ATTEMPT_BUCKETS = 1 << 18;

  private final List<CoveringList> coveringLists;
  private final Set<Piece.PieceKey> incidentKeys;
  private final RoaringBitmap attemptBuckets;

  /** Built on first use from {@link #coveringLists}; never encoded. */
  private volatile CoveringIndex coveringIndex;

  private SharedFacts(
      List<CoveringList> coveringLists,
      Set<Piece.PieceKey> incidentKeys,
      RoaringBitmap attemptBuckets) {
    this.coveringLists = List.copyOf(coveringLists);
    this.incidentKeys = Set.copyOf(incidentKeys);
    this.attemptBuckets = attemptBuckets;
  }

  /**
   * Joins the facts of every task, each as {@link ReportFold#facts} encoded it (in any order: the
   * result is sorted).
   */
  public static SharedFacts of(List<byte[]> taskFacts) {
    List<CoveringList> lists = new ArrayList<>();
    Set<Piece.PieceKey> keys = new HashSet<>();
    RoaringBitmap buckets = new RoaringBitmap();
    for (byte[] facts : taskFacts) {
      SharedFacts task = decode(facts);
      lists.addAll(task.coveringLists);
      keys.addAll(task.incidentKeys);
      buckets.or(task.attemptBuckets);
    }
    lists.sort(
        Comparator.comparingLong(CoveringList::tsMicros)
            .thenComparing(CoveringList::start)
            .thenComparing(CoveringList::end));
    buckets.runOptimize();
    return new SharedFacts(lists, keys, buckets);
  }

  /** These facts as codec bytes, for {@link #decode} in the merge's tasks. */
  byte[] encoded() {
    return encode(coveringLists, incidentKeys, attemptBuckets);
  }

  /** The codec bytes of facts: of one task's (see {@link ReportFold#facts}) or of joined ones. */
  static byte[] encode(
      List<CoveringList> coveringLists,
      Collection<Piece.PieceKey> incidentKeys,
      RoaringBitmap attemptBuckets) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(coveringLists.size());
      for (CoveringList list : coveringLists) {
        BlockCodec.writeCoveringList(out, list);
      }
      out.writeInt(incidentKeys.size());
      for (Piece.PieceKey key : incidentKeys) {
        PieceCodec.writeKey(out, key);
      }
      attemptBuckets.serialize(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a byte array does not fail
    }
    return bytes.toByteArray();
  }

  /** Facts from their codec bytes, as they were encoded (not re-sorted). */
  static SharedFacts decode(byte[] bytes) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      int listCount = in.readInt();
      List<CoveringList> lists = new ArrayList<>(listCount);
      for (int i = 0; i < listCount; i++) {
        lists.add(BlockCodec.readCoveringList(in));
      }
      int keyCount = in.readInt();
      Set<Piece.PieceKey> keys = new HashSet<>();
      for (int i = 0; i < keyCount; i++) {
        keys.add(PieceCodec.readKey(in));
      }
      RoaringBitmap buckets = new RoaringBitmap();
      buckets.deserialize(in);
      return new SharedFacts(lists, keys, buckets);
    } catch (IOException e) {
      throw new UncheckedIOException("Not the codec bytes of report facts", e);
    }
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
