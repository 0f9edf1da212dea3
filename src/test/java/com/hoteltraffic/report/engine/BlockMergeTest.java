package com.hoteltraffic.report.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hoteltraffic.model.ClassifiedExchange;
import com.hoteltraffic.report.Reports;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import scala.Tuple2;

/**
 * The merge without Spark: blocks of two tasks give the rows one task folding everything gives,
 * whatever the map tasks' layout, and merging changes none of its inputs (blocks, shuffled bytes,
 * the pieces merged in), so a retried or speculative task, or a cached block, gives the same again.
 */
class BlockMergeTest {
  private static final PieceCodec CODEC = new PieceCodec(Reports.catalog());

  @Test
  void twoBlocksMergeToTheRowsOfOneFoldAndStayUnchanged() throws IOException {
    List<ClassifiedExchange> exchanges = ReportTraffic.exchanges();
    Folded all = fold(exchanges, 0, 1);
    Folded even = fold(exchanges, 0, 2);
    Folded odd = fold(exchanges, 1, 2);
    SharedFacts facts = SharedFacts.of(Reports.catalog(), List.of(even.facts, odd.facts));
    byte[] evenCopy = even.block.clone();
    byte[] oddCopy = odd.block.clone();

    List<ReportRow> expected =
        sorted(
            merge(
                List.of(List.of(all.block)),
                SharedFacts.of(Reports.catalog(), List.of(all.facts))));
    assertTrue(expected.size() > 20, "the traffic has rows: " + expected.size());
    List<ReportRow> oneTaskEach =
        sorted(merge(List.of(List.of(even.block), List.of(odd.block)), facts));
    List<ReportRow> oneTaskBoth = sorted(merge(List.of(List.of(even.block, odd.block)), facts));
    List<ReportRow> again = sorted(merge(List.of(List.of(even.block, odd.block)), facts));
    List<ReportRow> smallBatches =
        sorted(merge(List.of(List.of(even.block), List.of(odd.block)), facts, 3, 256));
    List<ReportRow> onePartition =
        sorted(merge(List.of(List.of(even.block), List.of(odd.block)), facts, 1, 1 << 20));

    assertEquals(expected, oneTaskEach, "one map task per block");
    assertEquals(expected, oneTaskBoth, "one map task for both blocks (merged before the shuffle)");
    assertEquals(expected, again, "the same merge run again, as a retried task would");
    assertEquals(expected, smallBatches, "batches of 256 bytes: a partition's keys over many");
    assertEquals(expected, onePartition, "every key in one reduce partition");
    assertArrayEquals(evenCopy, even.block, "the first block is unchanged");
    assertArrayEquals(oddCopy, odd.block, "the second block is unchanged");
  }

  @Test
  void mergingNeverChangesThePieceMergedIn() {
    List<ClassifiedExchange> exchanges = ReportTraffic.exchanges();
    Folded even = fold(exchanges, 0, 2);
    Folded odd = fold(exchanges, 1, 2);
    int merged = 0;
    for (Map.Entry<PieceKey, Piece> entry : even.partial.pieces.entrySet()) {
      Piece other = odd.partial.pieces.get(entry.getKey());
      if (other == null) {
        continue;
      }
      byte[] before = CODEC.encode(other);
      byte[] mineBefore = CODEC.encode(entry.getValue());
      Piece mine = CODEC.decode(entry.getKey().kind(), mineBefore);
      mine.mergeFrom(other);
      assertArrayEquals(before, CODEC.encode(other), "the piece merged in, " + entry.getKey());
      assertArrayEquals(
          mineBefore,
          CODEC.encode(entry.getValue()),
          "the piece a decoded copy was merged into, " + entry.getKey());
      merged++;
    }
    assertTrue(merged >= 10, "keys both halves share: " + merged);
  }

  /** The traffic's exchanges {@code first, first + step, ...} folded by one task. */
  private static Folded fold(List<ClassifiedExchange> exchanges, int first, int step) {
    ReportFold fold = new ReportFold(Reports.catalog(), ReportTraffic.settings());
    ReportFold.Partial partial = fold.start();
    for (int i = first; i < exchanges.size(); i += step) {
      fold.add(partial, exchanges.get(i), "traffic.jsonl", i + 1);
    }
    try {
      return new Folded(partial, Blocks.block(fold, partial), fold.facts(partial));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private record Folded(ReportFold.Partial partial, byte[] block, byte[] facts) {}

  /**
   * The merge as Spark runs it: map tasks of blocks, a shuffle of their batches by reduce partition
   * (three, so that keys spread), each partition's rows from its batches.
   */
  private static List<ReportRow> merge(List<List<byte[]>> mapTasks, SharedFacts facts)
      throws IOException {
    return merge(mapTasks, facts, 3, BlockMerge.BATCH_BYTES);
  }

  private static List<ReportRow> merge(
      List<List<byte[]>> mapTasks, SharedFacts facts, int partitions, int batchBytes)
      throws IOException {
    Map<Integer, List<byte[]>> shuffle = new TreeMap<>();
    for (List<byte[]> task : mapTasks) {
      BlockMerge merge = new BlockMerge(facts);
      for (byte[] block : task) {
        merge.read("block", new ByteArrayInputStream(block));
      }
      for (Iterator<Tuple2<Integer, byte[]>> it = merge.batches(partitions, batchBytes);
          it.hasNext(); ) {
        Tuple2<Integer, byte[]> batch = it.next();
        shuffle.computeIfAbsent(batch._1(), k -> new ArrayList<>()).add(batch._2());
      }
    }
    List<ReportRow> rows = new ArrayList<>();
    shuffle.forEach(
        (partition, batches) ->
            BlockMerge.rowsOfBatches(
                batches.iterator(), ReportTraffic.settings(), facts, rows::addAll));
    return rows;
  }

  /** Rows in report order, as text: each report's total order, reports by name. */
  private static List<ReportRow> sorted(List<ReportRow> rows) {
    ReportResults results = new ReportResults(Reports.all(false), rows);
    Map<String, List<Object[]>> byReport = new LinkedHashMap<>();
    results
        .specs()
        .forEach(
            spec -> {
              List<Object[]> values = new ArrayList<>();
              results.stream(spec.name()).forEachRemaining(values::add);
              byReport.put(spec.name(), values);
            });
    List<ReportRow> out = new ArrayList<>();
    byReport.forEach((report, values) -> values.forEach(v -> out.add(new ReportRow(report, v))));
    return out;
  }
}
