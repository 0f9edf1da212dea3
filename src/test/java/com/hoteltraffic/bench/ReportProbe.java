package com.hoteltraffic.bench;

import com.hoteltraffic.AnalyzeJobAccess;
import com.hoteltraffic.report.Report;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Times each report over an existing exchanges table, twice (cold, then warm JIT). Not a test. */
public final class ReportProbe {
  public static void main(String[] args) throws Exception {
    SparkSession spark = SparkSession.builder().master("local[*]").config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1").config("spark.sql.session.timeZone", "UTC").getOrCreate();
    Dataset<Row> exchanges = spark.read().parquet(args[0]);
    if (args.length > 1) { // print the plan of one report
      for (Report report : AnalyzeJobAccess.reports(exchanges)) {
        if (report.name().equals(args[1])) {
          report.rows().explain("formatted");
        }
      }
      return;
    }
    for (int round = 1; round <= 2; round++) {
      for (Report report : AnalyzeJobAccess.reports(exchanges)) {
        long start = System.nanoTime();
        report.rows().write().mode("overwrite").parquet("/tmp/report-probe/" + report.name());
        long mid = System.nanoTime();
        long rows = spark.read().parquet("/tmp/report-probe/" + report.name()).orderBy(report.sort().get(0)).collectAsList().size();
        System.out.printf("PROBE round %d %-22s compute+write %5d ms, read+sort %4d ms (%d rows)%n", round, report.name(),
            (mid - start) / 1_000_000, (System.nanoTime() - mid) / 1_000_000, rows);
      }
    }
    System.out.println("PROBE cpu " + BenchContender.cpuByRole());
    spark.stop();
  }
}
