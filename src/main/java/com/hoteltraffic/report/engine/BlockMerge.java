package com.hoteltraffic.report.engine;

import com.hoteltraffic.report.shared.ByteSink;
import com.hoteltraffic.report.shared.ByteSource;
import com.hoteltraffic.report.shared.WindowClock;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
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

  /**
   * Every key read, for the shuffle in batches: per reduce partition ({@link #partitionOf}) its
   * keys in order, each with its piece's bytes, at most about {@link #BATCH_BYTES} a batch. The
   * shuffle then moves a few byte arrays per map task instead of a record per key, and Spark
   * neither serializes nor sorts keys (per-key records cost a third of a many-keys merge): each
   * batch is sorted here, and a reduce task merges its batches in key order ({@link
   * #rowsOfBatches}).
   */
  Iterator<Tuple2<Integer, byte[]>> batches(int partitions) {
    return batches(partitions, BATCH_BYTES);
  }

  /** {@link #batches(int)} with batches of at most about {@code batchBytes}. */
  Iterator<Tuple2<Integer, byte[]>> batches(int partitions, int batchBytes) {
    List<List<Map.Entry<String, Object>>> byPartition = new ArrayList<>(partitions);
    for (int p = 0; p < partitions; p++) {
      byPartition.add(new ArrayList<>());
    }
    for (Map.Entry<String, Object> entry : byKey.entrySet()) {
      byPartition.get(partitionOf(entry.getKey(), partitions)).add(entry);
    }
    List<Tuple2<Integer, byte[]>> out = new ArrayList<>();
    ByteSink batch = new ByteSink(1 << 16);
    for (int p = 0; p < partitions; p++) {
      List<Map.Entry<String, Object>> keys = byPartition.get(p);
      // The order of the keys' codec bytes: each is one char per byte.
      keys.sort(Map.Entry.comparingByKey());
      int count = 0;
      batch.clear();
      batch.writeInt(0); // the count, known at the end of the batch
      for (Map.Entry<String, Object> entry : keys) {
        String key = entry.getKey();
        Object value = entry.getValue();
        byte[] bytes = value instanceof Piece piece ? codec.encode(piece) : (byte[]) value;
        batch.writeLatin1(key);
        batch.writeInt(bytes.length);
        batch.write(bytes);
        count++;
        if (batch.size() >= batchBytes) {
          batch.putInt(0, count);
          out.add(new Tuple2<>(p, batch.toByteArray()));
          batch.clear();
          batch.writeInt(0);
          count = 0;
        }
      }
      if (count > 0) {
        batch.putInt(0, count);
        out.add(new Tuple2<>(p, batch.toByteArray()));
      }
    }
    byKey.clear();
    return out.iterator();
  }

  /** The most bytes of a shuffle batch, give or take a piece: a record the shuffle moves whole. */
  static final int BATCH_BYTES = 8 << 20;

  /** The reduce partition of a key: from its text's hash, the same in every JVM. */
  static int partitionOf(String keyText, int partitions) {
    return Math.floorMod(keyText.hashCode(), partitions);
  }

  /**
   * The rows of every key of one reduce partition, from its batches (each in key order, from any
   * number of map tasks), handed to {@code sink} key by key: the batches are merged in key order,
   * so each key's pieces meet one after the other, whatever map task they came from.
   */
  static void rowsOfBatches(
      Iterator<byte[]> batches,
      ReportSettings settings,
      SharedFacts facts,
      Consumer<List<ReportRow>> sink) {
    PriorityQueue<Cursor> queue = new PriorityQueue<>(Comparator.comparing(Cursor::key));
    while (batches.hasNext()) {
      Cursor cursor = new Cursor(batches.next());
      if (cursor.advance()) {
        queue.add(cursor);
      }
    }
    KeyRows keyRows = new KeyRows(settings, facts);
    List<byte[]> pieces = new ArrayList<>();
    while (!queue.isEmpty()) {
      String key = queue.peek().key();
      pieces.clear();
      while (!queue.isEmpty() && queue.peek().key().equals(key)) {
        Cursor cursor = queue.poll();
        pieces.add(cursor.piece);
        if (cursor.advance()) {
          queue.add(cursor);
        }
      }
      sink.accept(keyRows.rows(key, pieces));
    }
  }

  /** Where a reduce task is in one batch: the current key and its piece's bytes. */
  private static final class Cursor {
    private final ByteSource in;
    private int left;
    private String key;
    private byte[] piece;

    Cursor(byte[] batch) {
      in = new ByteSource(batch);
      try {
        left = in.readInt();
      } catch (IOException e) {
        throw new UncheckedIOException("Not a shuffle batch", e);
      }
    }

    String key() {
      return key;
    }

    /** Moves to the next key; false at the end of the batch. */
    boolean advance() {
      if (left == 0) {
        return false;
      }
      try {
        key = in.readLatin1();
        piece = new byte[in.readInt()];
        in.readFully(piece);
      } catch (IOException e) {
        throw new UncheckedIOException("A shuffle batch ends inside a piece", e);
      }
      left--;
      return true;
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
