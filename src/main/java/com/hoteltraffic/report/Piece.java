package com.hoteltraffic.report;

import java.io.Serializable;
import java.util.List;

/**
 * A mergeable part of what one key of one report needs, made by a read task (see {@link
 * ReportFold}). The pieces of a key from every task are merged, in any order, into one, which then
 * yields the key's report rows. Merging is exact and order-independent: a run gives the same rows
 * whatever its task layout.
 */
interface Piece extends Serializable {
  /** Adds {@code other}'s content to this one (which may be changed and is returned). */
  Piece merge(Piece other);

  /** The report rows of the key, once every task's piece is merged in. */
  List<ReportRow> rows(PieceKey key, ReportSettings settings, SharedFacts shared);

  /**
   * One key: the kind of piece (which report computes it) and its grouping values; what {@code
   * key}, {@code detail} and {@code number} hold depends on the kind (a hotel, a credential, an
   * error code and class with the HTTP status, a window). Strings and longs only, so its hash is
   * the same in every JVM.
   */
  record PieceKey(String kind, String provider, String key, String detail, long number)
      implements Serializable {}

  /** A piece with its key, as a block holds it. */
  record Keyed(PieceKey key, Piece piece) implements Serializable {}
}
