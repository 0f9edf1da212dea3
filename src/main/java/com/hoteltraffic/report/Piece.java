package com.hoteltraffic.report;

import java.io.DataOutput;
import java.io.IOException;
import java.util.List;

/**
 * A mergeable part of what one key of one report needs, made by a read task (see {@link
 * ReportFold}). The pieces of a key from every task are merged, in any order, into one, which then
 * yields the key's report rows. Merging is exact and order-independent: a run gives the same rows
 * whatever its task layout.
 *
 * <p>Pieces leave a task only as their codec bytes ({@link #write}, read back by {@link
 * PieceCodec}), never as objects: they read back the same whatever {@code spark.serializer} a run
 * uses, and a merge always merges into a piece decoded for it, never into one that a cache or a
 * retried task may hold.
 */
interface Piece {
  /**
   * Adds {@code other}'s content to this piece (of the same kind); {@code other} is not changed.
   * Only for a piece the caller owns: one it folded or decoded itself.
   */
  void mergeFrom(Piece other);

  /** The report rows of the key, once every task's piece is merged in. */
  List<ReportRow> rows(PieceKey key, ReportSettings settings, SharedFacts shared);

  /** Writes the piece's content; the kind's reader in {@link PieceCodec} reads it back. */
  void write(DataOutput out) throws IOException;

  /**
   * One key: the kind of piece (which report computes it) and its grouping values; what {@code
   * key}, {@code detail} and {@code number} hold depends on the kind (a hotel, a credential, an
   * error code and class with the HTTP status, a window). Strings and longs only, so its codec
   * bytes, and hence its shuffle key, are the same in every JVM.
   */
  record PieceKey(String kind, String provider, String key, String detail, long number) {}
}
