package com.hoteltraffic.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The merge finds the read's blocks by a glob in the run's directory, whatever that is named. */
class ReportEngineTest {
  @Test
  void globCharactersOfTheOutputDirectoryAreEscaped() {
    assertEquals(
        "file:/tmp/out\\[1\\]\\{a,b\\}\\*\\?\\^\\\\x/read-side-outputs",
        ReportEngine.globEscaped("file:/tmp/out[1]{a,b}*?^\\x/read-side-outputs"),
        "escaped");
    assertEquals(
        "hdfs://nn:8020/reports/2026-11-30",
        ReportEngine.globEscaped("hdfs://nn:8020/reports/2026-11-30"),
        "plain paths unchanged");
  }
}
