package com.hoteltraffic.report.engine;

import com.hoteltraffic.report.shared.WindowClock;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import scala.Tuple2;

/**
 * What one task of the merge does, without Spark: on the map side, it reads some blocks, keeps the
 * pieces the facts say can yield a row, and merges the pieces of each key into one; on the reduce
 * side, it merges the pieces of one key from every map task and yields the key's rows.
 *
 * <p>Pure: the blocks and the shuffled bytes it reads are never changed, so a retried or
 * speculative task, or a block cached in memory, gives the same result again. Every merge goes into
 * a piece decoded here. A key met once on the map side passes on as the bytes it came in, so only a
 * key of several pieces is decoded and encoded again.
 */
final class BlockMerge {
  private final SharedFacts facts;
  private final PieceCodec codec;

  /**
   * Per key (its {@link PieceCodec#keyText}), the codec bytes of its one piece so far, or the piece
   * merged from several.
   */
  private final Map<String, Object> byKey = new HashMap<>();

  BlockMerge(SharedFacts facts) {
    this.facts = facts;
    this.codec = new PieceCodec(facts.catalog());
  }

  /** Adds the needed pieces of a block (see {@link PieceCodec#readBlock}). */
  void read(String name, InputStream block) throws IOException {
    codec.readBlockText(name, block, facts::needed, this::add);
  }

  private void add(String key, byte[] bytes) {
    Object seen = byKey.putIfAbsent(key, bytes);
    if (seen != null) {
      int tag = PieceCodec.tagOf(key);
      Piece merged = seen instanceof Piece piece ? piece : codec.decode(tag, (byte[]) seen);
      merged.mergeFrom(codec.decode(tag, bytes));
      byKey.put(key, merged);
    }
  }

  /** Every key read, as its shuffle key ({@link PieceCodec#keyText}) and its piece's bytes. */
  Iterator<Tuple2<String, byte[]>> shuffled() {
    List<Tuple2<String, byte[]>> out = new ArrayList<>(byKey.size());
    byKey.forEach(
        (key, value) ->
            out.add(
                new Tuple2<>(
                    key, value instanceof Piece piece ? codec.encode(piece) : (byte[]) value)));
    byKey.clear();
    return out.iterator();
  }

  /**
   * The rows of every key of a reduce task's input sorted by key (equal keys next to each other),
   * handed to {@code sink} key by key.
   */
  static void rowsOfSorted(
      Iterator<Tuple2<String, byte[]>> sorted,
      ReportSettings settings,
      SharedFacts facts,
      Consumer<List<ReportRow>> sink) {
    KeyRows keyRows = new KeyRows(settings, facts);
    List<byte[]> pieces = new ArrayList<>();
    String key = null;
    while (sorted.hasNext()) {
      Tuple2<String, byte[]> piece = sorted.next();
      if (key != null && !key.equals(piece._1())) {
        sink.accept(keyRows.rows(key, pieces));
        pieces.clear();
      }
      key = piece._1();
      pieces.add(piece._2());
    }
    if (key != null) {
      sink.accept(keyRows.rows(key, pieces));
    }
  }

  /** The rows of one key, from the bytes of its pieces (one per map task that met it). */
  static List<ReportRow> rows(
      String keyText, Iterable<byte[]> pieces, ReportSettings settings, SharedFacts facts) {
    return new KeyRows(settings, facts).rows(keyText, pieces);
  }

  /** Rows key after key: one codec, and one context per kind, for all the keys of a task. */
  private static final class KeyRows {
    private final ReportSettings settings;
    private final SharedFacts facts;
    private final PieceCodec codec;
    private final WindowClock clock;
    private final RowContext[] contexts;

    KeyRows(ReportSettings settings, SharedFacts facts) {
      this.settings = settings;
      this.facts = facts;
      this.codec = new PieceCodec(facts.catalog());
      this.clock = new WindowClock(settings.window(), settings.zone());
      this.contexts = new RowContext[facts.catalog().kindCount()];
    }

    List<ReportRow> rows(String keyText, Iterable<byte[]> pieces) {
      PieceKey key = codec.keyOf(keyText);
      int tag = PieceCodec.tagOf(keyText);
      Piece merged = null;
      for (byte[] bytes : pieces) {
        Piece piece = codec.decode(tag, bytes);
        if (merged == null) {
          merged = piece;
        } else {
          merged.mergeFrom(piece);
        }
      }
      if (merged == null) {
        return List.of();
      }
      if (contexts[tag] == null) {
        contexts[tag] = new RowContext(settings, clock, facts.factsOf(key.kind()));
      }
      return merged.rows(key, contexts[tag]);
    }
  }
}
