package com.hoteltraffic.model;

import java.io.DataOutput;
import java.io.IOException;
import java.io.Serializable;

/**
 * Work a read task does on every exchange it yields, besides writing it to {@code
 * tables/exchanges}: the task folds each exchange into a partial of its own, and when its splits
 * are read to the end, the partial leaves the task in two parts, a block file beside the read
 * (large: per-key cells and events) and small facts that travel to the driver with the task's
 * counts. Both are the fold's own codec bytes, never Java serialization: they must read back the
 * same whatever {@code spark.serializer} a run uses.
 *
 * <p>Owned by {@code model} so that the reader ({@code ingest}) can run it and the reports ({@code
 * report}) can implement it without either knowing the other.
 *
 * @param <P> the per-task partial; mutable, never shared between tasks
 */
public interface ExchangeFold<P> extends Serializable {
  /** A fresh partial for one read task (all its splits). */
  P start();

  /** Whether the exchange is written to {@code tables/exchanges} (a daily run keeps its day). */
  boolean inTable(ClassifiedExchange exchange);

  /**
   * Folds one exchange in. The exchange object may be reused by the caller after this returns: copy
   * what is kept.
   *
   * @param source the input file
   * @param line the exchange's line (or HAR entry) number in the file
   */
  void add(P partial, ClassifiedExchange exchange, String source, long line);

  /** Writes what the block file holds, in the fold's codec. */
  void writeBlock(P partial, DataOutput out) throws IOException;

  /**
   * Small facts every reader of the blocks needs (for example the run's covering booking lists), in
   * the fold's codec.
   */
  byte[] facts(P partial);
}
