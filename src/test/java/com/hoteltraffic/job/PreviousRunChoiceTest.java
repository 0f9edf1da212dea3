package com.hoteltraffic.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hoteltraffic.cli.AnalyzeOptionsAccess;
import com.hoteltraffic.report.alert.PreviousRun;
import com.hoteltraffic.testing.LogCapture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which run the alerts compare with: {@code --previous}, the previous day's folder, or none. No
 * Spark.
 */
class PreviousRunChoiceTest {
  @TempDir Path dir;
  private Path input;
  private Path output;

  @BeforeEach
  void files() throws IOException {
    input = Files.writeString(dir.resolve("in.jsonl"), "{}\n");
    output = dir.resolve("out");
  }

  @Test
  void aRunOverEverythingWithoutPreviousComparesWithNothing() throws IOException {
    assertNull(AnalyzeJob.previousRun(config(), new Configuration()), "no --previous, no --date");
  }

  @Test
  void aDailyRunComparesWithThePreviousDaysFolderWhenItHoldsAFinishedRun() throws IOException {
    assertNull(
        AnalyzeJob.previousRun(config("--date", "2026-11-19"), new Configuration()),
        "no folder for 2026-11-18 yet");

    Path dayBefore = finishedRun(output.resolve("date=2026-11-18"));
    finishedRun(output.resolve("date=2026-11-17"));
    PreviousRun previous =
        AnalyzeJob.previousRun(config("--date", "2026-11-19"), new Configuration());

    assertEquals(dayBefore.toString(), previous.location(), "the day before, not any earlier day");
    assertEquals(PreviousRun.SOURCE_PREVIOUS_DAY, previous.source(), "source");
  }

  @Test
  void anUnreadableFileOfThePreviousDayIsOneWarningAndTheRestIsCompared() throws IOException {
    Path dayBefore = finishedRun(output.resolve("date=2026-11-18"));
    Files.delete(dayBefore.resolve("reports/error_codes.csv"));
    try (LogCapture log = LogCapture.start()) {
      PreviousRun previous =
          AnalyzeJob.previousRun(config("--date", "2026-11-19"), new Configuration());
      assertNull(previous.codes(), "new error codes are not compared");
      assertEquals(Map.of(), previous.hotelRates(), "the readable files are");
      List<String> warnings = log.lines().stream().filter(l -> l.startsWith("WARN")).toList();
      assertEquals(
          List.of(
              "WARN com.hoteltraffic.job.AnalyzeJob: Cannot read "
                  + dayBefore.resolve("reports/error_codes.csv")
                  + " of the previous run: no such file; not compared: new error codes"),
          warnings,
          "one warning naming the file and the problem");
    }
  }

  @Test
  void previousGivenWinsAndAnUnreadableSummaryIsOneWarningNotAFailure() throws IOException {
    Path elsewhere = finishedRun(dir.resolve("elsewhere"));
    finishedRun(output.resolve("date=2026-11-18"));

    PreviousRun previous =
        AnalyzeJob.previousRun(
            config("--date", "2026-11-19", "--previous", elsewhere.toString()),
            new Configuration());
    assertEquals(
        elsewhere.toString(), previous.location(), "--previous wins over the previous day");
    assertEquals(PreviousRun.SOURCE_OPTION, previous.source(), "source");

    Files.writeString(elsewhere.resolve(AnalyzeJob.SUMMARY_FILE), "{\"version\":");
    try (LogCapture log = LogCapture.start()) {
      PreviousRun truncated =
          AnalyzeJob.previousRun(config("--previous", elsewhere.toString()), new Configuration());
      assertEquals(
          1, truncated.unreadable().size(), "the summary named: " + truncated.unreadable());
      List<String> warnings = log.lines().stream().filter(l -> l.startsWith("WARN")).toList();
      assertTrue(
          warnings.size() == 1
              && warnings
                  .get(0)
                  .startsWith(
                      "WARN com.hoteltraffic.job.AnalyzeJob: Cannot read "
                          + elsewhere.resolve(AnalyzeJob.SUMMARY_FILE)
                          + " of the previous run: not JSON: ")
              && warnings
                  .get(0)
                  .endsWith("; not compared: everything (the run it belongs to is unknown)"),
          "one warning naming the file and the problem: " + warnings);
    }

    Files.delete(elsewhere.resolve(AnalyzeJob.SUMMARY_FILE));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> config("--previous", elsewhere.toString()),
            "a local --previous without a summary stays the usage error");
    assertTrue(e.getMessage().contains(AnalyzeJob.SUMMARY_FILE), e.getMessage());
  }

  private AnalyzeConfig config(String... more) {
    List<String> args =
        new ArrayList<>(List.of("--input", input.toString(), "--output", output.toString()));
    args.addAll(List.of(more));
    return AnalyzeOptionsAccess.parse(args, Map.of());
  }

  private static Path finishedRun(Path run) throws IOException {
    Files.createDirectories(run.resolve(AnalyzeJob.REPORTS_DIR));
    Files.writeString(run.resolve(AnalyzeJob.SUMMARY_FILE), "{\"version\":\"test\"}");
    Files.writeString(
        run.resolve("reports/error_codes.csv"), "provider,http_status,error_code\r\n");
    Files.writeString(
        run.resolve("reports/error_rates_by_hotel.csv"), "provider,hotel_id,requests,errors\r\n");
    Files.writeString(
        run.resolve("reports/error_rates_by_token.csv"), "provider,token_id,requests,errors\r\n");
    return run;
  }
}
