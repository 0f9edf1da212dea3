package com.hoteltraffic.report.engine;

import java.io.DataOutput;
import java.io.IOException;
import java.util.List;

/**
 * A mergeable part of what one key of one report needs, made by a read task (see {@link
 * Report#fold}): the report's accumulator. The pieces of a key from every task are merged, in any
 * order, into one, which then yields the key's report rows. Merging is exact and order-independent:
 * a run gives the same rows whatever its task layout.
 *
 * <p>Pieces leave a task only as their codec bytes ({@link #write}, read back by their {@link
 * PieceKind#reader}), never as objects: they read back the same whatever {@code spark.serializer} a
 * run uses, and a merge always merges into a piece decoded for it, never into one that a cache or a
 * retried task may hold.
 */
public interface Piece {
  /**
   * Adds {@code other}'s content to this piece (of the same kind); {@code other} is not changed.
   * The engine calls it only on a piece it folded or decoded itself.
   */
  void mergeFrom(Piece other);

  /** The report rows of the key, once every task's piece is merged in. */
  List<ReportRow> rows(PieceKey key, RowContext context);

  /** Writes the piece's content, for its kind's {@link PieceKind#reader}. */
  void write(DataOutput out) throws IOException;
}
