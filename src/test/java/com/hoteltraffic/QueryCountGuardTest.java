package com.hoteltraffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hoteltraffic.cli.AnalyzeOptionsAccess;
import com.hoteltraffic.generate.GeneratorConfig;
import com.hoteltraffic.generate.GroundTruth;
import com.hoteltraffic.generate.TrafficGenerator;
import com.hoteltraffic.job.AnalyzeConfig;
import com.hoteltraffic.job.AnalyzeJob;
import com.hoteltraffic.report.Reports;
import com.hoteltraffic.report.engine.ReportSpec;
import com.hoteltraffic.testing.SparkTestSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerEvent;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.ui.SparkListenerSQLExecutionStart;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Guards the one-pass design: a whole run (every report, table, summary and page) costs a fixed
 * handful of Spark jobs and SQL executions, whatever the input holds. Each Spark SQL execution
 * costs planning, code generation and JIT (about 0.8 s on 2 cores), so a change that brings back a
 * query per report, or a write-then-read-back, fails here.
 *
 * <p>What a run executes today: the read (one SQL execution writing {@code tables/exchanges}, whose
 * tasks also fold the reports' pieces) and the merge of those pieces (one job, no SQL). The CSVs,
 * report tables, summary and page are written from the merged rows without Spark. (A report whose
 * rows grow with the keys and exceed a window of 20,000 rows stays in Spark and costs a few jobs of
 * its own, none SQL: its sort, one per range partition fetched, one per summary the page and alerts
 * need; this run's reports all fit.)
 */
@ExtendWith(SparkTestSession.class)
class QueryCountGuardTest {
  /** The read. */
  static final int MAX_SQL_EXECUTIONS = 1;

  /** The read, the merge, and the newline scan of large files read by several tasks. */
  static final int MAX_JOBS = 3;

  @TempDir static Path work;
  private static SparkSession spark;
  private static final AtomicInteger JOBS = new AtomicInteger();
  private static final AtomicInteger SQL_EXECUTIONS = new AtomicInteger();

  @BeforeAll
  static void start() {
    spark
        .sparkContext()
        .addSparkListener(
            new SparkListener() {
              @Override
              public void onJobStart(SparkListenerJobStart jobStart) {
                JOBS.incrementAndGet();
              }

              @Override
              public void onOtherEvent(SparkListenerEvent event) {
                if (event instanceof SparkListenerSQLExecutionStart) {
                  SQL_EXECUTIONS.incrementAndGet();
                }
              }
            });
  }

  @Test
  void aRunIsAHandfulOfSparkExecutions() throws Exception {
    Path generated = work.resolve("generated");
    GroundTruth truth =
        TrafficGenerator.generate(
            GeneratorConfig.builder()
                .outDir(generated)
                .seed(5)
                .days(2)
                .exchangesPerDay(800)
                .build());
    AnalyzeConfig config =
        AnalyzeOptionsAccess.parse(
            List.of(
                "--input", generated.resolve(TrafficGenerator.TRAFFIC_DIR).toString(),
                "--output", work.resolve("out").toString()),
            Map.of());
    JOBS.set(0);
    SQL_EXECUTIONS.set(0);

    AnalyzeJob.Result result = AnalyzeJob.run(spark, config);
    spark.sparkContext().listenerBus().waitUntilEmpty();

    // The counts below bind only if the run did all its work: every exchange read, every
    // written report's CSV and table on disk.
    assertEquals(truth.totals().exchanges(), result.exchanges(), "exchanges the run read");
    List<String> written =
        Reports.all(false).stream().filter(ReportSpec::written).map(ReportSpec::name).toList();
    assertEquals(
        written.stream().map(name -> name + ".csv").sorted().toList(),
        listing(work.resolve("out").resolve("reports")),
        "a CSV for every written report, nothing else");
    assertEquals(
        Stream.concat(written.stream(), Stream.of("exchanges")).sorted().toList(),
        listing(work.resolve("out").resolve("tables")),
        "a table for every written report, and the exchanges");
    assertTrue(
        SQL_EXECUTIONS.get() <= MAX_SQL_EXECUTIONS,
        "SQL executions per run: " + SQL_EXECUTIONS.get() + " > " + MAX_SQL_EXECUTIONS);
    assertTrue(JOBS.get() <= MAX_JOBS, "Spark jobs per run: " + JOBS.get() + " > " + MAX_JOBS);
  }

  private static List<String> listing(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(file -> file.getFileName().toString()).sorted().toList();
    }
  }
}
