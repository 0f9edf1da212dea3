package com.hoteltraffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hoteltraffic.cli.AnalyzeMainAccess;
import com.hoteltraffic.generate.GeneratorConfig;
import com.hoteltraffic.generate.GroundTruth;
import com.hoteltraffic.generate.TrafficGenerator;
import com.hoteltraffic.ingest.TokenPseudonymizer;
import com.hoteltraffic.model.ErrorClass;
import com.hoteltraffic.report.BookingReconciliation;
import com.hoteltraffic.report.RateLimitBursts;
import com.hoteltraffic.testing.SparkTestSession;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The notebook API and the example notebook on generated traffic: every {@code %%sparksql} cell
 * of {@code jobs/notebooks/traffic-analysis.ipynb} runs against views registered from a
 * {@code jobs/analyze} run and returns rows, a few of them are compared with the ground truth,
 * and {@code tables.md} documents every column of every table with its type.
 */
class NotebookExampleTest {
  private static final Path NOTEBOOK = Path.of("jobs", "notebooks", "traffic-analysis.ipynb");
  private static final Path TABLES_DOC = Path.of("jobs", "notebooks", "tables.md");
  private static final String SQL_MAGIC = "%%sparksql";
  private static final String KEY = "notebook-test-key";

  @TempDir static Path work;
  private static GroundTruth truth;
  private static Path traffic;
  private static SparkSession spark;
  private static List<String> views;

  @BeforeAll
  static void analyseGeneratedTraffic() throws Exception {
    Path generated = work.resolve("generated");
    truth = TrafficGenerator.generate(GeneratorConfig.builder().outDir(generated).seed(7).days(2)
        .exchangesPerDay(500).build());
    traffic = generated.resolve(TrafficGenerator.TRAFFIC_DIR);
    Path keyFile = work.resolve("key.txt");
    Files.writeString(keyFile, KEY);
    Path out = work.resolve("out");
    assertEquals(0, AnalyzeMainAccess.run("--input", traffic.toString(), "--output", out.toString(),
        "--master", "local[2]", "--token-key-file", keyFile.toString()), "jobs/analyze exit status");
    // jobs/analyze stopped its own session; the notebook has its own, as here.
    spark = SparkTestSession.create("NotebookExampleTest");
    views = TrafficAnalysis.registerViews(spark, out.toString());
    TrafficAnalysis.registerFunctions(spark, KEY.getBytes(StandardCharsets.UTF_8));
  }

  @AfterAll
  static void tearDown() {
    if (spark != null) {
      spark.stop();
    }
  }

  @Test
  void registersAViewPerTable() {
    assertEquals(List.of("access_denied", "client_behaviour", "credential_health", "db_outages", "error_codes", "error_rates_by_hotel",
            "error_rates_by_operation", "error_rates_by_token", "exchanges", "rate_limit_bursts", "unconfirmed_bookings",
            "error_rates_by_provider"),
        views, "views registered from the output directory");
  }

  @Test
  void everySqlCellRunsAndReturnsRows() throws Exception {
    Map<String, List<Row>> results = runSqlCells();
    assertEquals(List.of("exchanges-by-provider", "worst-hotel-hours", "latency-per-day", "error-classes", "bursts",
            "outages", "bookings-to-act-on", "rates-by-provider", "classify-response", "busiest-credentials"),
        new ArrayList<>(results.keySet()), "the notebook's SQL cells, by tag");
    results.forEach((tag, rows) -> assertFalse(rows.isEmpty(), "cell " + tag + " returned no rows"));

    long exchanges = 0;
    long errors = 0;
    for (Row provider : results.get("exchanges-by-provider")) {
      exchanges += provider.getLong(1);
      errors += provider.getLong(2);
    }
    assertEquals(truth.totals().exchanges(), exchanges, "exchanges over all providers");
    assertEquals(truth.totals().errors(), errors, "errors over all providers");

    long bursts = truth.bursts().stream().filter(b -> RateLimitBursts.KIND_RATE_LIMITED.equals(b.kind())).count();
    assertEquals(bursts, results.get("bursts").size(), "rate-limit bursts");
    assertEquals(truth.outages().size(), results.get("outages").size(), "database outages");
    long toActOn = truth.bookings().stream().filter(b -> !BookingReconciliation.BOOKED.equals(b.status())).count();
    assertEquals(toActOn, results.get("bookings-to-act-on").size(), "bookings that are not BOOKED");

    Row classified = results.get("classify-response").get(0);
    Row casy502 = classified.getStruct(0);
    assertEquals("tenant_db_unavailable", casy502.getString(0), "CASY 502 code from its body");
    assertEquals(ErrorClass.UPSTREAM_UNAVAILABLE, casy502.getString(1), "CASY 502 class");
    assertTrue(casy502.getBoolean(2), "CASY 502 is retryable");
    assertEquals(ErrorClass.NO_RESPONSE, classified.getString(2), "no status means no response");
  }

  @Test
  void tokenIdFunctionGivesThePseudonymOfTheReports() {
    String credential = truth.byToken().stream().filter(t -> !t.token().isEmpty())
        .max(java.util.Comparator.comparingLong(GroundTruth.TokenCount::requests)).orElseThrow().token();
    String expected = new TokenPseudonymizer(KEY.getBytes(StandardCharsets.UTF_8)).tokenId(credential);
    Row row = spark.sql("SELECT token_id('" + credential.replace("'", "''") + "') AS id, "
        + "(SELECT count(*) FROM exchanges WHERE token_id = token_id('" + credential.replace("'", "''") + "')) AS n")
        .first();
    assertEquals(expected, row.getString(0), "token_id() with the run's key");
    assertTrue(row.getLong(1) > 0, "the pseudonym is the one in the exchanges table");
  }

  @Test
  void readExchangesClassifiesRecordingsLikeTheJob() throws Exception {
    long read = TrafficAnalysis.readExchanges(spark, List.of(traffic.toString()), KEY.getBytes(StandardCharsets.UTF_8))
        .count();
    assertEquals(truth.totals().exchanges(), read, "exchanges read by the library");
    assertEquals(truth.totals().errors(),
        TrafficAnalysis.readExchanges(spark, List.of(traffic.toString())).filter("is_error").count(),
        "errors read by the library");
  }

  @Test
  void tablesDocumentEveryColumnWithItsType() throws Exception {
    Map<String, Map<String, String>> documented = documentedTables();
    for (String view : views) {
      Map<String, String> actual = new LinkedHashMap<>();
      for (StructField field : spark.table(view).schema().fields()) {
        actual.put(field.name(), field.dataType().simpleString());
      }
      assertEquals(actual, documented.get(view), "columns and types of " + view + " in " + TABLES_DOC);
    }
  }

  /** Runs each {@code %%sparksql} code cell, keyed by its first tag, in notebook order. */
  private static Map<String, List<Row>> runSqlCells() throws Exception {
    JsonNode notebook = new ObjectMapper().readTree(NOTEBOOK.toFile());
    Map<String, List<Row>> results = new LinkedHashMap<>();
    for (JsonNode cell : notebook.get("cells")) {
      StringBuilder source = new StringBuilder();
      cell.get("source").forEach(line -> source.append(line.asText()));
      String text = source.toString();
      if (!"code".equals(cell.get("cell_type").asText()) || !text.startsWith(SQL_MAGIC)) {
        continue;
      }
      String tag = cell.path("metadata").path("tags").path(0).asText("cell " + results.size());
      String sql = text.substring(text.indexOf('\n') + 1);
      try {
        results.put(tag, spark.sql(sql).collectAsList());
      } catch (RuntimeException e) {
        throw new AssertionError("notebook cell " + tag + " failed: " + e.getMessage() + "\n" + sql, e);
      }
    }
    return results;
  }

  /** {@code ## `name`} headings, each followed by a {@code | `column` | type | meaning |} table. */
  private static Map<String, Map<String, String>> documentedTables() throws Exception {
    Map<String, Map<String, String>> tables = new TreeMap<>();
    Map<String, String> current = null;
    Pattern heading = Pattern.compile("^##+ `([a-z_]+)`");
    Pattern column = Pattern.compile("^\\| `([a-z_0-9]+)` \\| `([^`]+)` \\|");
    for (String line : Files.readAllLines(TABLES_DOC)) {
      Matcher table = heading.matcher(line);
      if (table.find()) {
        current = new LinkedHashMap<>();
        tables.put(table.group(1), current);
        continue;
      }
      Matcher field = column.matcher(line);
      if (current != null && field.find()) {
        current.put(field.group(1), field.group(2));
      }
    }
    return tables;
  }
}
