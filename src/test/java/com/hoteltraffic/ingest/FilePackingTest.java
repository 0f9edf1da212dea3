package com.hoteltraffic.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link FilePacking}: Spark's packing of file splits into tasks, bin by bin. */
class FilePackingTest {
  private static final long MIB = 1024 * 1024;

  private static List<InputSplit> splits(long... lengths) {
    List<InputSplit> splits = new ArrayList<>();
    for (int i = 0; i < lengths.length; i++) {
      String path = String.format("file:/in/f%04d.jsonl", i);
      splits.add(new InputSplit(path, InputFormat.JSONL, false, 0, lengths[i], lengths[i]));
    }
    return splits;
  }

  @Test
  void theTargetIsTheBytesPerCoreBetweenTheOpenCostAndTheMaximum() {
    FilePacking defaults =
        new FilePacking(
            FilePacking.DEFAULT_MAX_PARTITION_BYTES, FilePacking.DEFAULT_OPEN_COST_BYTES, 2);
    assertEquals(
        6_291_606,
        defaults.maxSplitBytes(splits(100, 100, 100)),
        "3 small files on 2 cores: (300 + 3 × 4 MiB) / 2");
    assertEquals(
        128 * MIB,
        defaults.maxSplitBytes(splits(new long[2000])),
        "2,000 empty files: 2,000 open costs / 2 cores is over the 128 MiB maximum");
    assertEquals(
        4 * MIB, defaults.maxSplitBytes(splits(1)), "one byte: the open cost is the floor");
    FilePacking small = new FilePacking(100, 10, 2);
    assertEquals(100, small.maxSplitBytes(splits(90, 100)), "(190 + 20) / 2 = 105, capped at 100");
    assertEquals(99, small.maxSplitBytes(splits(88, 90)), "(178 + 20) / 2 = 99, under the cap");
    assertEquals(10, small.maxSplitBytes(splits(0)), "(0 + 10) / 2 = 5, raised to the open cost");
  }

  @Test
  void splitsArePackedLargestFirstAndANewTaskStartsWhenTheNextDoesNotFit() {
    FilePacking packing = new FilePacking(100, 10, 1);
    // Largest first: 70 (80 used); 50 does not fit (130 > 100); 50 + 40 fits exactly (100, not
    // over); 30 does not (140); 30, 20 and 5 fit (40, 70, 85 of 100).
    assertEquals(
        List.of(List.of(3), List.of(1, 5), List.of(0, 2, 4)),
        packing.pack(splits(30, 50, 20, 70, 5, 40)),
        "tasks, each read in split order");
    // One byte more and 41 no longer fits beside 50.
    assertEquals(
        List.of(List.of(3), List.of(1), List.of(0, 5), List.of(2, 4)),
        packing.pack(splits(30, 50, 20, 70, 5, 41)),
        "41 does not fit beside 50 (101 > 100)");
  }

  @Test
  void aSplitLargerThanTheTargetHasATaskOfItsOwn() {
    FilePacking packing = new FilePacking(100, 10, 1);
    assertEquals(
        List.of(List.of(1), List.of(0, 2)),
        packing.pack(splits(1, 500, 1)),
        "500 alone; the two 1-byte splits together");
  }

  @Test
  void aSmallInputStillSpreadsOverEveryCore() {
    FilePacking packing = new FilePacking(1_000_000, 10, 2);
    assertEquals(
        List.of(List.of(0, 1), List.of(2, 3)),
        packing.pack(splits(1000, 1000, 1000, 1000)),
        "target (4,000 + 40) / 2 = 2,020: two splits a task, ties kept in their order");
  }

  @Test
  void twoThousandSmallFilesMakeSixtyThreeTasks() {
    FilePacking packing =
        new FilePacking(
            FilePacking.DEFAULT_MAX_PARTITION_BYTES, FilePacking.DEFAULT_OPEN_COST_BYTES, 2);
    long[] lengths = new long[2000];
    java.util.Arrays.fill(lengths, 27_000);
    List<List<Integer>> tasks = packing.pack(splits(lengths));
    // Each costs 27,000 + 4 MiB = 4,221,304: 32 of them reach 135,081,728 > 128 MiB, 31 do not.
    assertEquals(63, tasks.size(), "2,000 files of 27,000 bytes in 32-file tasks");
    assertEquals(32, tasks.get(0).size(), "a full task");
    assertEquals(16, tasks.get(62).size(), "the last task: 2,000 - 62 × 32");
    assertEquals(
        java.util.stream.IntStream.range(0, 32).boxed().toList(),
        tasks.get(0),
        "equal lengths keep the path order");
  }

  @Test
  void noSplitsNoTasksAndBadSettingsAreRefused() {
    assertEquals(List.of(), new FilePacking(100, 10, 2).pack(List.of()), "no splits, no tasks");
    assertThrows(IllegalArgumentException.class, () -> new FilePacking(0, 10, 2), "max 0");
    assertThrows(IllegalArgumentException.class, () -> new FilePacking(100, -1, 2), "cost < 0");
    assertThrows(IllegalArgumentException.class, () -> new FilePacking(100, 10, 0), "no cores");
  }
}
