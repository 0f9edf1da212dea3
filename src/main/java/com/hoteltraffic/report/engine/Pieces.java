package com.hoteltraffic.report.engine;

import java.util.function.Supplier;

/** One read task's pieces of one report, as {@link Report#fold} adds to them. */
public interface Pieces {
  /** The piece of {@code key}, made by {@code fresh} on first use. */
  <T extends Piece> T piece(PieceKey key, Supplier<T> fresh);

  /**
   * The piece of the key with these fields ({@link PieceKey}), made by {@code fresh} on first use:
   * the same as {@link #piece(PieceKey, Supplier)}, without making a key object when the piece is
   * there already (most calls, when keys are few).
   */
  default <T extends Piece> T piece(
      String kind, String provider, String key, String detail, long number, Supplier<T> fresh) {
    return piece(new PieceKey(kind, provider, key, detail, number), fresh);
  }

  /** Marks a key of a {@link PieceKind.Keep#INCIDENT_KEYS} kind as one that can yield rows. */
  void incident(PieceKey key);

  /** Marks the bucket of a key of a {@link PieceKind.Keep#MARKED_BUCKETS} kind. */
  void markBucket(PieceKey key);

  /** This task's facts of the report ({@link Report#facts}), to add to. */
  <F> F facts();
}
