package com.hoteltraffic.report;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The small facts every key may need, gathered from all read tasks before the pieces are merged:
 * the booking lists that can prove a booking's absence for any client reference, and the keys
 * that saw a rejection, a database failure or an uncertain booking attempt (the other keys'
 * traffic is dropped before the shuffle: it cannot make a row). They grow with incidents and
 * attempts, never with the traffic around them.
 */
public final class SharedFacts implements Serializable {
  private static final long serialVersionUID = 1L;

  private final List<CoveringList> coveringLists;
  private final Set<Piece.PieceKey> incidentKeys;

  private SharedFacts(List<CoveringList> coveringLists, Set<Piece.PieceKey> incidentKeys) {
    this.coveringLists = List.copyOf(coveringLists);
    this.incidentKeys = Set.copyOf(incidentKeys);
  }

  /** The facts of one read task, as {@link ReportFold#facts} leaves them. */
  record TaskFacts(List<CoveringList> coveringLists, Set<Piece.PieceKey> incidentKeys) implements Serializable {}

  /** Joins the facts of every task (in any order: the result is sorted). */
  public static SharedFacts of(List<? extends Serializable> taskFacts) {
    List<CoveringList> lists = new ArrayList<>();
    Set<Piece.PieceKey> keys = new HashSet<>();
    for (Serializable facts : taskFacts) {
      TaskFacts task = (TaskFacts) facts;
      lists.addAll(task.coveringLists());
      keys.addAll(task.incidentKeys());
    }
    lists.sort(Comparator.comparingLong(CoveringList::tsMicros).thenComparing(CoveringList::start)
        .thenComparing(CoveringList::end));
    return new SharedFacts(lists, keys);
  }

  /** Every covering booking list of the run, in time order. */
  List<CoveringList> coveringLists() {
    return coveringLists;
  }

  /** Whether a key's piece can yield a row: an incident key without incidents cannot. */
  boolean needed(Piece.PieceKey key) {
    return !ReportFold.INCIDENT_KINDS.contains(key.kind()) || incidentKeys.contains(key);
  }
}
