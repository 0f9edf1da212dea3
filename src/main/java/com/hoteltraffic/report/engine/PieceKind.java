package com.hoteltraffic.report.engine;

import java.io.DataInput;
import java.io.IOException;
import java.io.Serializable;

/**
 * One kind of key of a report, and of its pieces: its name (unique among all reports), which of its
 * keys may be dropped before the merge's shuffle, how an empty piece is made, and how a piece is
 * read back from the bytes its {@link Piece#write} wrote (the accumulator's coder).
 */
public record PieceKind(String name, Keep keep, Fresh fresh, Reader reader)
    implements Serializable {

  /** Makes an empty piece of this kind. */
  @FunctionalInterface
  public interface Fresh extends Serializable {
    Piece get();
  }

  /** Reads a piece of this kind back; all of what {@link Piece#write} wrote. */
  @FunctionalInterface
  public interface Reader extends Serializable {
    Piece read(DataInput in) throws IOException;
  }

  /** Which keys of a kind can yield a row, and so travel to the merge; as data, not code. */
  public enum Keep {
    /** Every key yields rows (counts per window, per credential). */
    EVERY_KEY,
    /**
     * Only keys that some task marked with {@link Pieces#incident} (a rejection, a database
     * failure, a denial): the others' traffic cannot make a row.
     */
    INCIDENT_KEYS,
    /**
     * Only keys whose bucket some task marked with {@link Pieces#markBucket}: a fixed-size bit set
     * of at most 32 KB, for keys too many to list (client references in a 504 storm). A key in a
     * bucket another key marked travels for nothing and yields no row.
     */
    MARKED_BUCKETS
  }
}
