package com.hoteltraffic.report.engine;

import java.util.function.Supplier;

/** One read task's pieces of one report, as {@link Report#fold} adds to them. */
public interface Pieces {
  /** The piece of {@code key}, made by {@code fresh} on first use. */
  <T extends Piece> T piece(PieceKey key, Supplier<T> fresh);

  /** Marks a key of a {@link PieceKind.Keep#INCIDENT_KEYS} kind as one that can yield rows. */
  void incident(PieceKey key);

  /** Marks the bucket of a key of a {@link PieceKind.Keep#MARKED_BUCKETS} kind. */
  void markBucket(PieceKey key);

  /** This task's facts of the report ({@link Report#facts}), to add to. */
  <F> F facts();
}
