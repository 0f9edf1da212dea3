package com.hoteltraffic.report.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.hoteltraffic.model.ClassifiedExchange;
import com.hoteltraffic.report.Reports;
import com.hoteltraffic.testing.SparkTestSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The merge reads exactly the blocks the read kept, by path: a block a failed attempt left beside
 * them is not read, and a kept block that is missing fails the run naming it.
 */
@ExtendWith(SparkTestSession.class)
class ReportEngineTest {
  private static SparkSession spark;

  @TempDir Path dir;

  @Test
  void aFailedAttemptsBlockBesideTheKeptOnesIsNotRead() throws IOException {
    List<ClassifiedExchange> exchanges = ReportTraffic.exchanges();
    Folded first = fold(exchanges.subList(0, 10));
    Folded second = fold(exchanges.subList(10, exchanges.size()));
    Path kept0 = write("fold-000000-attempt-3.bin", first.block);
    Path kept1 = write("fold-000001-attempt-4.bin", second.block);
    SharedFacts facts = SharedFacts.of(Reports.catalog(), List.of(first.facts, second.facts));
    List<String> alone = texts(merge(List.of(kept0, kept1), facts));

    // Split 0's first attempt failed after writing its block: the same traffic once more.
    Path stray = write("fold-000000-attempt-1.bin", first.block);
    List<String> beside = texts(merge(List.of(kept0, kept1), facts));

    assertEquals(alone, beside, "the reports with a failed attempt's block in the directory");
    assertNotEquals(
        alone,
        texts(merge(List.of(kept0, kept1, stray), facts)),
        "reading the stray block would change the reports (counts twice)");
  }

  @Test
  void aMissingBlockFailsNamingIt() throws IOException {
    List<ClassifiedExchange> exchanges = ReportTraffic.exchanges();
    Folded first = fold(exchanges.subList(0, 10));
    Folded second = fold(exchanges.subList(10, exchanges.size()));
    Path kept0 = write("fold-000000-attempt-3.bin", first.block);
    Path kept1 = write("fold-000001-attempt-4.bin", second.block);
    write("fold-000001-attempt-2.bin", second.block); // a failed attempt's, not a substitute
    Files.delete(kept1);
    SharedFacts facts = SharedFacts.of(Reports.catalog(), List.of(first.facts, second.facts));

    IllegalStateException missing =
        assertThrows(IllegalStateException.class, () -> merge(List.of(kept0, kept1), facts));
    assertEquals(
        "The merge is missing 1 of the read's 2 blocks, without which the reports would leave"
            + " traffic out: ["
            + hadoopPath(kept1)
            + "]",
        missing.getMessage(),
        "message");
  }

  private ReportResults merge(List<Path> blocks, SharedFacts facts) {
    List<org.apache.hadoop.fs.Path> paths = new ArrayList<>();
    blocks.forEach(block -> paths.add(hadoopPath(block)));
    return ReportEngine.fromBlocks(spark, paths, facts, ReportTraffic.settings());
  }

  private static org.apache.hadoop.fs.Path hadoopPath(Path file) {
    return new org.apache.hadoop.fs.Path(file.toUri());
  }

  private Path write(String name, byte[] block) throws IOException {
    return Files.write(dir.resolve(name), block);
  }

  private static Folded fold(List<ClassifiedExchange> exchanges) throws IOException {
    ReportFold fold = new ReportFold(Reports.catalog(), ReportTraffic.settings());
    ReportFold.Partial partial = fold.start();
    for (int i = 0; i < exchanges.size(); i++) {
      fold.add(partial, exchanges.get(i), "traffic.jsonl", i + 1);
    }
    return new Folded(Blocks.block(fold, partial), fold.facts(partial));
  }

  private record Folded(byte[] block, byte[] facts) {}

  /** Every row of every report, as text, in report order. */
  private static List<String> texts(ReportResults results) {
    List<String> rows = new ArrayList<>();
    for (ReportSpec spec : results.specs()) {
      results.stream(spec.name())
          .forEachRemaining(values -> rows.add(spec.name() + Arrays.toString(values)));
    }
    return rows;
  }
}
