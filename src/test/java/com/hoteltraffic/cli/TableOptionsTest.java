package com.hoteltraffic.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.hoteltraffic.job.SignalSettings;
import com.hoteltraffic.job.TableSettings;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The lakehouse and monitoring options: {@code --tables}, {@code --warehouse}, {@code --catalog},
 * {@code --namespace}, {@code --metrics-file}, {@code --pushgateway}, {@code --alertmanager}; and
 * the Spark settings the tables bring to the command line's session.
 */
class TableOptionsTest {
  @TempDir Path dir;
  private String input;
  private String output;

  @BeforeEach
  void files() throws IOException {
    input = Files.writeString(dir.resolve("day.jsonl"), "{}\n").toString();
    output = dir.resolve("out").toString();
  }

  @Test
  void parquetOnlyByDefault() throws Exception {
    assertEquals(
        TableSettings.parquetOnly(),
        parse("--input", input, "--output", output).tables(),
        "tables");
    assertEquals(
        SignalSettings.none(), parse("--input", input, "--output", output).signals(), "signals");
  }

  @Test
  void aDailyRunsWarehouseIsBesideItsDayFolders() throws Exception {
    TableSettings tables =
        parse("--input", input, "--output", output, "--date", "2026-11-20", "--tables", "iceberg")
            .tables();

    assertEquals(
        new TableSettings(
            TableSettings.Format.ICEBERG,
            Optional.of(dir.resolve("out/warehouse").toUri().toString()),
            Optional.empty(),
            "traffic"),
        tables,
        "DIR/warehouse, an absolute URI");
  }

  @Test
  void aWholeRunsWarehouseIsGivenOutsideItsOutput() throws Exception {
    String warehouse = dir.resolve("lake").toString();
    TableSettings tables =
        parse("--input", input, "--output", output, "--tables", "delta", "--warehouse", warehouse)
            .tables();

    assertEquals(Optional.of(Path.of(warehouse).toUri().toString()), tables.warehouse(), "given");
    assertEquals(TableSettings.Format.DELTA, tables.format(), "format");
  }

  @Test
  void aConfiguredCatalogTakesTheTables() throws Exception {
    TableSettings tables =
        parse(
                "--input",
                input,
                "--output",
                output,
                "--tables",
                "iceberg",
                "--catalog",
                "glue",
                "--namespace",
                "ops")
            .tables();

    assertEquals(
        new TableSettings(
            TableSettings.Format.ICEBERG, Optional.empty(), Optional.of("glue"), "ops"),
        tables,
        "catalog and namespace, no warehouse");
    assertEquals(Map.of(), AnalyzeMain.tableConf(tables), "the user configures that catalog");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "--tables hive|--tables \"hive\": one of parquet, iceberg, delta",
        "--catalog glue|--catalog needs --tables iceberg or delta",
        "--warehouse /lake|--warehouse needs --tables iceberg or delta",
        "--tables iceberg|--tables iceberg needs --warehouse PATH (outside --output) or --catalog",
        "--tables iceberg --catalog glue --warehouse /lake|"
            + "--warehouse /lake: not with --catalog, whose own settings say where",
        "--pushgateway ftp://x|--pushgateway \"ftp://x\": not an http:// or https:// URL with a host",
        "--alertmanager localhost:9093|"
            + "--alertmanager \"localhost:9093\": not an http:// or https:// URL with a host"
      })
  void badTableAndSignalOptionsNameTheOption(String options, String message) {
    List<String> args = new ArrayList<>(List.of("--input", input, "--output", output));
    args.addAll(List.of(options.split(" ")));

    UsageException e =
        assertThrows(UsageException.class, () -> parse(args.toArray(String[]::new)), options);
    assertEquals(message, e.getMessage(), options);
  }

  @Test
  void aWarehouseInsideAWholeRunsOutputIsRefused() {
    String inside = dir.resolve("out/lake").toString();
    UsageException e =
        assertThrows(
            UsageException.class,
            () ->
                parse(
                    "--input",
                    input,
                    "--output",
                    output,
                    "--tables",
                    "iceberg",
                    "--warehouse",
                    inside));

    assertEquals(
        "--warehouse "
            + inside
            + ": must lie outside --output "
            + output
            + ", which a whole run replaces",
        e.getMessage(),
        "message");
  }

  @Test
  void signalsAreParsed() throws Exception {
    SignalSettings signals =
        parse(
                "--input",
                input,
                "--output",
                output,
                "--metrics-file",
                "/var/lib/node/traffic.prom",
                "--pushgateway",
                "http://127.0.0.1:9091",
                "--alertmanager",
                "https://am.example:9093/")
            .signals();

    assertEquals(
        new SignalSettings(
            Optional.of("/var/lib/node/traffic.prom"),
            Optional.of(URI.create("http://127.0.0.1:9091")),
            Optional.of(URI.create("https://am.example:9093/"))),
        signals,
        "signals");
  }

  @Test
  void theEmbeddedCatalogsAndDeltasExtensionAreTheTablesSettings() {
    String warehouse = "file:///lake/";
    Map<String, String> iceberg =
        AnalyzeMain.tableConf(
            new TableSettings(
                TableSettings.Format.ICEBERG, Optional.of(warehouse), Optional.empty(), "t"));
    Map<String, String> delta =
        AnalyzeMain.tableConf(
            new TableSettings(
                TableSettings.Format.DELTA, Optional.of(warehouse), Optional.empty(), "t"));

    assertEquals(
        Map.of(
            "spark.sql.catalog.traffic_analyzer", "org.apache.iceberg.spark.SparkCatalog",
            "spark.sql.catalog.traffic_analyzer.type", "hadoop",
            "spark.sql.catalog.traffic_analyzer.warehouse", warehouse),
        iceberg,
        "Iceberg's Hadoop file catalog");
    assertEquals(
        Map.of(
            "spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension",
            "spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog",
            "spark.databricks.delta.snapshotPartitions", "4"),
        delta,
        "Delta's extension and session catalog");
  }

  private static com.hoteltraffic.job.AnalyzeConfig parse(String... args) throws Exception {
    return AnalyzeOptions.parse(args, Map.of());
  }
}
