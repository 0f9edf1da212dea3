package com.hoteltraffic.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hoteltraffic.job.AnalyzeConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The options added with the one declaration: --conf, --csv-bom, --version, and the generated
 * usage.
 */
class OptionDeclarationTest {
  @TempDir Path dir;
  private String input;
  private String output;

  @BeforeEach
  void files() throws IOException {
    input = Files.writeString(dir.resolve("a.jsonl"), "{}\n").toString();
    output = dir.resolve("out").toString();
  }

  @Test
  void usageListsEveryOptionWithTheDefaultsOfReportSettings() {
    for (String option :
        List.of(
            "--input",
            "--output",
            "--format",
            "--window",
            "--timezone",
            "--burst-gap",
            "--burst-min",
            "--outage-gap",
            "--outage-min",
            "--list-lag",
            "--token-key-file",
            "--providers",
            "--include-pii",
            "--date",
            "--lookback",
            "--lookahead",
            "--csv-bom",
            "--conf",
            "--master",
            "--verbose",
            "--strict",
            "--help",
            "--version")) {
      assertTrue(
          AnalyzeOptions.USAGE.contains(option),
          option + " in the usage text:\n" + AnalyzeOptions.USAGE);
    }
    assertTrue(
        AnalyzeOptions.USAGE.startsWith(
            "Usage: jobs/analyze --input PATH [PATH ...] --output DIR [options]\n"),
        AnalyzeOptions.USAGE);
    // The defaults shown are those of ReportSettings and DayScope, written as the options read
    // them.
    for (String shown :
        List.of(
            "error-rate window size (ms, s, m, h, d); default 1h",
            "burst; default 1m",
            "needed for a burst; default 5",
            "one outage; default 5m",
            "for an outage; default 3",
            "default 90s",
            "(e.g. Europe/Zurich); default UTC",
            "(0 for none); default 6h",
            "(0 for none); default 1d")) {
      assertTrue(
          AnalyzeOptions.USAGE.contains(shown),
          "usage shows \"" + shown + "\":\n" + AnalyzeOptions.USAGE);
    }
  }

  @Test
  void confIsRepeatableAndTheLastValueOfAKeyWins() throws Exception {
    AnalyzeConfig config =
        AnalyzeOptions.parse(
            new String[] {
              "--input",
              input,
              "--output",
              output,
              "--conf",
              "spark.sql.shuffle.partitions=8",
              "--conf=spark.executor.extraJavaOptions=-Da=b -Dc=d",
              "--conf",
              "spark.sql.shuffle.partitions=16"
            },
            Map.of());

    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("spark.sql.shuffle.partitions", "16");
    expected.put("spark.executor.extraJavaOptions", "-Da=b -Dc=d");
    assertEquals(
        expected, config.sparkConf(), "settings in order, value after the first '=' kept whole");
    assertEquals(
        Map.of(),
        AnalyzeOptions.parse(new String[] {"--input", input, "--output", output}, Map.of())
            .sparkConf(),
        "no --conf: no settings");
  }

  @Test
  void malformedConfIsAUsageErrorNamingConf() {
    Map<String, String> cases =
        Map.of(
            "spark.sql.shuffle.partitions",
                "--conf \"spark.sql.shuffle.partitions\": not KEY=VALUE "
                    + "(e.g. spark.sql.shuffle.partitions=8)",
            "=8", "--conf \"=8\": not KEY=VALUE (e.g. spark.sql.shuffle.partitions=8)",
            "sql.shuffle.partitions=8",
                "--conf \"sql.shuffle.partitions=8\": not a Spark setting "
                    + "(keys start with spark., as for spark-submit)");
    cases.forEach(
        (value, message) -> {
          UsageException e =
              assertThrows(
                  UsageException.class,
                  () ->
                      AnalyzeOptions.parse(
                          new String[] {"--input", input, "--output", output, "--conf", value},
                          Map.of()),
                  value);
          assertEquals(message, e.getMessage(), "message for --conf " + value);
        });
    UsageException noValue =
        assertThrows(
            UsageException.class,
            () ->
                AnalyzeOptions.parse(
                    new String[] {"--input", input, "--output", output, "--conf"}, Map.of()));
    assertEquals("--conf needs a value", noValue.getMessage());
  }

  @Test
  void confValuesNeverReachTheConfigsText() throws Exception {
    AnalyzeConfig config =
        AnalyzeOptions.parse(
            new String[] {
              "--input",
              input,
              "--output",
              output,
              "--conf",
              "spark.hadoop.fs.s3a.secret.key=S3cr3t-Value"
            },
            Map.of());

    assertFalse(config.toString().contains("S3cr3t-Value"), config.toString());
    assertTrue(config.toString().contains("spark.hadoop.fs.s3a.secret.key"), config.toString());
  }

  @Test
  void confReachesTheSessionBeforeItIsBuilt() {
    assertTrue(SparkSession.getDefaultSession().isEmpty(), "no session left by another test");
    SparkSession spark =
        AnalyzeMain.session(
            Optional.of("local[1]"),
            Map.of(),
            Map.of(
                "spark.sql.shuffle.partitions",
                "7",
                "spark.ui.enabled",
                "false",
                "spark.sql.session.timeZone",
                "Europe/Zurich"),
            "traffic-analyzer test");
    try {
      assertEquals("7", spark.conf().get("spark.sql.shuffle.partitions"), "a --conf setting");
      assertEquals(
          "7",
          spark.sparkContext().getConf().get("spark.sql.shuffle.partitions"),
          "set on the builder, so in the SparkContext's conf too");
      assertEquals(
          "Europe/Zurich",
          spark.conf().get("spark.sql.session.timeZone"),
          "--conf wins over the default set in main, as spark-submit's --conf does");
    } finally {
      spark.stop();
    }
  }

  @Test
  void datePlaceholdersNeedADate() throws Exception {
    String template = dir.resolve("archive").toString() + "/{yyyy}/{MM}/{dd}/";

    UsageException e =
        assertThrows(
            UsageException.class,
            () ->
                AnalyzeOptions.parse(
                    new String[] {"--input", template, "--output", output}, Map.of()));
    assertEquals("--input " + template + ": date placeholders need --date", e.getMessage());

    AnalyzeConfig daily =
        AnalyzeOptions.parse(
            new String[] {"--input", template, "--output", output, "--date", "2026-11-19"},
            Map.of());
    assertEquals(
        List.of(template), daily.inputs(), "kept as given; the job expands it for the run's days");
  }

  @Test
  void aValueThatLooksLikeAnOptionIsCheckedOrRefusedNamingTheOption() {
    Map<List<String>, String> cases =
        Map.of(
            List.of("--window", "-5s"),
                "--window \"-5s\": not a duration (use e.g. 500ms, 60s, 5m, 1h, 1d)",
            List.of("--burst-min", "-1"), "--burst-min -1: must be at least 1",
            List.of("--master", "--bogus"), "--master needs a value, not \"--bogus\"");
    cases.forEach(
        (extra, message) -> {
          List<String> args =
              new java.util.ArrayList<>(List.of("--input", input, "--output", output));
          args.addAll(extra);
          UsageException e =
              assertThrows(
                  UsageException.class,
                  () -> AnalyzeOptions.parse(args.toArray(new String[0]), Map.of()),
                  extra.toString());
          assertEquals(message, e.getMessage(), extra.toString());
        });
  }

  @Test
  void csvBomIsOffUnlessGiven() throws Exception {
    assertFalse(
        AnalyzeOptions.parse(new String[] {"--input", input, "--output", output}, Map.of())
            .csvBom());
    assertTrue(
        AnalyzeOptions.parse(
                new String[] {"--input", input, "--output", output, "--csv-bom"}, Map.of())
            .csvBom());
  }

  @Test
  void versionPrintsTheBuildsVersionAndExitsZero() throws IOException {
    String version;
    try (InputStream in = getClass().getResourceAsStream("/traffic-analyzer-version.properties")) {
      Properties properties = new Properties();
      properties.load(in);
      version = properties.getProperty("version");
    }
    assertTrue(
        version.matches("\\d+\\.\\d+\\.\\d+.*"), "Maven filtered the version in: " + version);

    PrintStream originalOut = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code;
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      code = AnalyzeMain.run(new String[] {"--version"});
    } finally {
      System.setOut(originalOut);
    }
    assertEquals(AnalyzeMain.EXIT_OK, code, "exit status");
    assertEquals(
        "traffic-analyzer " + version + System.lineSeparator(),
        out.toString(StandardCharsets.UTF_8));
    assertTrue(SparkSession.getDefaultSession().isEmpty(), "no Spark for --version");
  }
}
