package com.hoteltraffic;

import com.hoteltraffic.cli.AnalyzeConfig;
import com.hoteltraffic.cli.AnalyzeOptionsAccess;
import com.hoteltraffic.report.Report;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Lets bench code call the package-private report list with default options. */
public final class AnalyzeJobAccess {
  private AnalyzeJobAccess() {}

  public static List<Report> reports(Dataset<Row> exchanges) throws Exception {
    AnalyzeConfig config = AnalyzeOptionsAccess.parse(List.of("--input", "/tmp", "--output", "/tmp/unused"), Map.of());
    return AnalyzeJob.reports(exchanges, exchanges, config);
  }
}
