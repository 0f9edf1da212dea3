package com.hoteltraffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hoteltraffic.classify.TokenPseudonymizer;
import com.hoteltraffic.cli.AnalyzeMainAccess;
import com.hoteltraffic.generate.GeneratorConfig;
import com.hoteltraffic.generate.GroundTruth;
import com.hoteltraffic.generate.TrafficGenerator;
import com.hoteltraffic.model.ErrorClass;
import com.hoteltraffic.report.bookings.BookingReconciliation;
import com.hoteltraffic.report.bursts.RateLimitBursts;
import com.hoteltraffic.sql.SqlFunctions;
import com.hoteltraffic.sql.TokenId;
import com.hoteltraffic.testing.SparkTestSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.classic.UDFRegistration;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example notebook {@code jobs/notebooks/traffic-analysis.ipynb} on generated traffic, through
 * the public APIs it uses: its tables read with {@code spark.read().parquet} under the names its
 * {@code TABLES} list gives, its SQL functions registered by the JVM side of each of its {@code
 * spark.udf.registerJavaFunction(name, className, returnType)} calls ({@code registerJava} with the
 * same arguments), then every {@code spark.sql("""...""")} cell and its DuckDB query run and a few
 * answers compared with the ground truth. Also the Java library ({@code TrafficAnalysis}) and
 * {@code tables.md}, which must document every column of every table with its type.
 */
class NotebookExampleTest {
  private static final Path NOTEBOOK = Path.of("jobs", "notebooks", "traffic-analysis.ipynb");
  private static final Path TABLES_DOC = Path.of("jobs", "notebooks", "tables.md");
  private static final Pattern SQL_CELL =
      Pattern.compile("(?s)^spark\\.sql\\(\"\"\"\n(.*?)\n\"\"\"\\)\\s*$");
  private static final Pattern TABLE_LIST = Pattern.compile("(?s)TABLES = \\[(.*?)\\]");
  private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");
  private static final Pattern CONF_SET =
      Pattern.compile("spark\\.conf\\.set\\(\"([^\"]+)\", KEY_FILE\\)");
  private static final Pattern REGISTER_JAVA =
      Pattern.compile(
          "spark\\.udf\\.registerJavaFunction\\(\"([^\"]+)\",\\s*\"([^\"]+)\",\\s*\"([^\"]+)\"\\)");
  private static final Pattern DUCKDB_SQL = Pattern.compile("(?s)DUCKDB_SQL = \"\"\"\n(.*?)\"\"\"");
  private static final String KEY = "notebook-test-key";
  private static final TokenPseudonymizer PSEUDONYMS =
      new TokenPseudonymizer(KEY.getBytes(StandardCharsets.UTF_8));

  @TempDir static Path work;
  private static GroundTruth truth;
  private static Path traffic;
  private static Path out;
  private static Path keyFile;
  private static SparkSession spark;
  private static List<String> tables;
  private static List<List<String>> registeredFunctions;

  @BeforeAll
  static void analyseGeneratedTraffic() throws Exception {
    Path generated = work.resolve("generated");
    truth =
        TrafficGenerator.generate(
            GeneratorConfig.builder()
                .outDir(generated)
                .seed(7)
                .days(2)
                .exchangesPerDay(500)
                .build());
    traffic = generated.resolve(TrafficGenerator.TRAFFIC_DIR);
    keyFile = work.resolve("key.txt");
    Files.writeString(keyFile, KEY + "\n");
    out = work.resolve("out");
    assertEquals(
        0,
        AnalyzeMainAccess.run(
            "--input",
            traffic.toString(),
            "--output",
            out.toString(),
            "--master",
            "local[2]",
            "--token-key-file",
            keyFile.toString()),
        "jobs/analyze exit status");
    // jobs/analyze stopped its own session; the notebook has its own, as here.
    // Not SparkTestSession's extension: the in-process jobs/analyze run above would stop that
    // session.
    spark = SparkTestSession.create("NotebookExampleTest");
    tables = readTablesAsTheNotebookDoes();
    registeredFunctions = registerFunctionsAsTheNotebookDoes();
  }

  /**
   * The notebook's {@code TABLES} loop: {@code spark.read.parquet(OUTPUT/tables/NAME)} as view
   * NAME.
   */
  private static List<String> readTablesAsTheNotebookDoes() throws Exception {
    Matcher list = TABLE_LIST.matcher(cellSource("tables"));
    assertTrue(list.find(), "the tables cell has a TABLES = [...] list");
    List<String> names = new ArrayList<>();
    for (Matcher name = QUOTED.matcher(list.group(1)); name.find(); ) {
      names.add(name.group(1));
      spark
          .read()
          .parquet(out.resolve("tables").resolve(name.group(1)).toString())
          .createOrReplaceTempView(name.group(1));
    }
    return names;
  }

  /**
   * The notebook's functions cell: its {@code spark.conf.set(NAME, KEY_FILE)} with the run's key
   * file, then, for each {@code spark.udf.registerJavaFunction(name, className, returnType)}, what
   * PySpark calls on the JVM: {@code registerJava(name, className, returnType parsed as DDL)}.
   *
   * @return the {@code [name, className, returnType]} of each call
   */
  private static List<List<String>> registerFunctionsAsTheNotebookDoes() throws Exception {
    String cell = cellSource("functions");
    Matcher conf = CONF_SET.matcher(cell);
    assertTrue(conf.find(), "the functions cell sets the key file setting");
    spark.conf().set(conf.group(1), keyFile.toString());
    List<List<String>> calls = new ArrayList<>();
    for (Matcher call = REGISTER_JAVA.matcher(cell); call.find(); ) {
      calls.add(List.of(call.group(1), call.group(2), call.group(3)));
      ((UDFRegistration) spark.udf())
          .registerJava(call.group(1), call.group(2), DataType.fromDDL(call.group(3)));
    }
    return calls;
  }

  @AfterAll
  static void tearDown() {
    if (spark != null) {
      spark.stop();
    }
  }

  @Test
  void notebookReadsEveryTableTheRunWrites() throws Exception {
    List<String> written;
    try (var listing = Files.list(out.resolve("tables"))) {
      written =
          listing
              .filter(Files::isDirectory)
              .map(dir -> dir.getFileName().toString())
              .sorted()
              .toList();
    }
    assertEquals(
        written,
        tables.stream().sorted().toList(),
        "the notebook's TABLES against the run's tables/");
    assertEquals(
        truth.totals().exchanges(),
        spark.table(TrafficAnalysis.EXCHANGES).count(),
        "exchanges read");
  }

  @Test
  void notebookRegistersEveryFunctionOfTheJar() throws Exception {
    List<List<String>> expected =
        SqlFunctions.ALL.stream()
            .map(f -> List.of(f.name(), f.udfClass().getName(), f.returnType()))
            .toList();
    assertEquals(expected, registeredFunctions, "registerJavaFunction calls of the notebook");
    assertEquals(
        TokenId.KEY_FILE_CONF,
        CONF_SET
            .matcher(cellSource("functions"))
            .results()
            .map(m -> m.group(1))
            .findFirst()
            .orElse(""),
        "the key file setting the notebook sets");
  }

  @Test
  void notebookUsesNoPrivateApiAndNoMagic() throws Exception {
    String notebook = Files.readString(NOTEBOOK);
    for (String banned : List.of("_jvm", "_jsparkSession", "_jsc", "%%", "%load_ext", "sparksql")) {
      assertFalse(notebook.contains(banned), "the notebook contains " + banned);
    }
  }

  @Test
  void everySqlCellRunsAndReturnsRows() throws Exception {
    Map<String, List<Row>> results = runSqlCells();
    assertEquals(
        List.of(
            "exchanges-by-provider",
            "worst-hotel-hours",
            "latency-per-day",
            "error-classes",
            "bursts",
            "outages",
            "bookings-to-act-on",
            "rates-by-provider",
            "classify-response",
            "busiest-credentials"),
        new ArrayList<>(results.keySet()),
        "the notebook's spark.sql cells, by tag");
    assertFalse(results.get("latency-per-day").isEmpty(), "the truth knows no durations");
    assertEquals(
        perProvider(), render(results.get("exchanges-by-provider"), 0, 1, 2), "per provider");
    assertEquals(
        errorClasses(), errorClassesOf(results.get("error-classes")), "exchanges per error class");
    assertEquals(
        worstHotelHours(),
        render(results.get("worst-hotel-hours"), 0, 1, 2, 3, 4),
        "hotel hours of 10 requests or more, worst first");
    assertEquals(
        rateLimitedBursts(),
        render(results.get("bursts"), 0, 1, 2, 3, 4, 5, 7),
        "rate-limit bursts by start");
    assertEquals(outages(), render(results.get("outages"), 0, 1, 2, 3, 4, 5, 6), "outages");
    assertEquals(
        bookingsToActOn(),
        render(results.get("bookings-to-act-on"), 0, 2, 3, 4, 5).stream()
            .map(NotebookExampleTest::withSortedReferences)
            .toList(),
        "bookings that are not BOOKED, in the cell's order");
    assertEquals(
        busiestCredentials(),
        render(results.get("busiest-credentials"), 0, 1),
        "the 5 busiest credentials");
    assertEquals(
        ratesByProviderAndHour(),
        render(results.get("rates-by-provider"), 0, 1, 2, 3),
        "requests and errors per hour and provider");

    Row classified = results.get("classify-response").get(0);
    Row casy502 = classified.getStruct(0);
    assertEquals("tenant_db_unavailable", casy502.getString(0), "CASY 502 code from its body");
    assertEquals(ErrorClass.UPSTREAM_UNAVAILABLE, casy502.getString(1), "CASY 502 class");
    assertTrue(casy502.getBoolean(2), "CASY 502 is retryable");
    assertEquals(ErrorClass.NO_RESPONSE, classified.getString(2), "no status means no response");

    assertEquals(
        ratesByProviderOfTheLibrary(),
        results.get("rates-by-provider").stream()
            .map(
                row ->
                    List.of(row.get(0), row.get(1), row.get(2), row.get(3), row.get(4), row.get(5)))
            .map(Object::toString)
            .toList(),
        "the notebook's hourly rates per provider against TrafficAnalysis.errorRatesByProvider");
  }

  /** The job's own error rates per provider and hour, in the notebook cell's columns and order. */
  private static List<String> ratesByProviderOfTheLibrary() {
    return TrafficAnalysis.errorRatesByProvider(
            spark.table(TrafficAnalysis.EXCHANGES),
            TrafficAnalysis.DEFAULT_WINDOW,
            java.time.ZoneOffset.UTC)
        .selectExpr(
            "window_start", "provider", "requests", "errors", "error_rate", "latency_p95_ms")
        .orderBy("window_start", "provider")
        .collectAsList()
        .stream()
        .map(
            row ->
                List.of(row.get(0), row.get(1), row.get(2), row.get(3), row.get(4), row.get(5))
                    .toString())
        .toList();
  }

  // --- the cells' answers as the ground truth gives them, rendered as render() renders rows ---

  /** {@code provider|exchanges|errors}, by provider. */
  private static List<String> perProvider() {
    Map<String, long[]> counts = new TreeMap<>();
    for (GroundTruth.TokenCount t : truth.byToken()) {
      long[] c = counts.computeIfAbsent(t.provider(), k -> new long[2]);
      c[0] += t.requests();
      c[1] += t.errors();
    }
    List<String> rows = new ArrayList<>();
    counts.forEach((provider, c) -> rows.add(provider + "|" + c[0] + "|" + c[1]));
    return rows;
  }

  /** {@code provider|error_class} to its exchanges, every class but {@code ok}. */
  private static Map<String, Long> errorClasses() {
    Map<String, Long> counts = new TreeMap<>();
    for (GroundTruth.CodeCount c : truth.byCode()) {
      if (!ErrorClass.OK.equals(c.errorClass())) {
        counts.merge(c.provider() + "|" + c.errorClass(), c.count(), Long::sum);
      }
    }
    return counts;
  }

  /** The error-classes cell summed over {@code retryable}. */
  private static Map<String, Long> errorClassesOf(List<Row> rows) {
    Map<String, Long> counts = new TreeMap<>();
    for (Row row : rows) {
      counts.merge(row.getString(0) + "|" + row.getString(1), row.getLong(3), Long::sum);
    }
    return counts;
  }

  /**
   * {@code window_start|provider|hotel_id|requests|errors} in the worst-hotel-hours cell's order.
   */
  private static List<String> worstHotelHours() {
    return truth.byHour().stream()
        .filter(h -> h.requests() >= 10)
        .sorted(
            java.util.Comparator.comparingDouble(
                    (GroundTruth.HourCount h) -> -(double) h.errors() / h.requests())
                .thenComparing(h -> -h.errors())
                .thenComparing(h -> Instant.parse(h.windowStart())))
        .limit(20)
        .map(
            h ->
                String.join(
                    "|",
                    instant(h.windowStart()),
                    h.provider(),
                    h.hotelId(),
                    Long.toString(h.requests()),
                    Long.toString(h.errors())))
        .toList();
  }

  /** {@code provider|token_id|start|end|rejected|requests|client_backoff} by start. */
  private static List<String> rateLimitedBursts() {
    return truth.bursts().stream()
        .filter(b -> RateLimitBursts.KIND_RATE_LIMITED.equals(b.kind()))
        .sorted(java.util.Comparator.comparing(b -> Instant.parse(b.start())))
        .map(
            b ->
                String.join(
                    "|",
                    b.provider(),
                    PSEUDONYMS.tokenId(b.token()),
                    instant(b.start()),
                    instant(b.end()),
                    Long.toString(b.rejected()),
                    Long.toString(b.requests()),
                    b.clientBackoff()))
        .toList();
  }

  /** {@code provider|scope|hotel_id|start|end|failed_requests|recovered_at} by start. */
  private static List<String> outages() {
    return truth.outages().stream()
        .sorted(java.util.Comparator.comparing(o -> Instant.parse(o.start())))
        .map(
            o ->
                String.join(
                    "|",
                    o.provider(),
                    o.scope(),
                    text(o.hotelId()),
                    instant(o.start()),
                    instant(o.end()),
                    Long.toString(o.failedRequests()),
                    instant(o.recoveredAt())))
        .toList();
  }

  /**
   * {@code status|attempt_ts|hotel_id|client_reference|booking_reference} of every booking that is
   * not BOOKED, in the cell's order: DUPLICATE, UNRESOLVED, NOT_BOOKED, the others, then by time. A
   * DUPLICATE's references are every booking seen with its client reference, sorted.
   */
  private static List<String> bookingsToActOn() {
    List<String> rank = List.of("DUPLICATE", "UNRESOLVED", "NOT_BOOKED");
    return truth.bookings().stream()
        .filter(b -> !BookingReconciliation.BOOKED.equals(b.status()))
        .sorted(
            java.util.Comparator.comparingInt(
                    (GroundTruth.UncertainBooking b) ->
                        rank.contains(b.status()) ? rank.indexOf(b.status()) : rank.size())
                .thenComparing(b -> Instant.parse(b.attemptTs())))
        .map(
            b ->
                String.join(
                    "|",
                    b.status(),
                    instant(b.attemptTs()),
                    text(b.hotelId()),
                    b.clientReference(),
                    "DUPLICATE".equals(b.status())
                        ? String.join(";", b.referencesSeen().stream().sorted().toList())
                        : text(b.bookingReference())))
        .toList();
  }

  /** A rendered booking row with its last cell's {@code ;}-separated references sorted. */
  private static String withSortedReferences(String rendered) {
    int last = rendered.lastIndexOf('|') + 1;
    return rendered.substring(0, last)
        + String.join(";", Stream.of(rendered.substring(last).split(";")).sorted().toList());
  }

  /** {@code token_id|exchanges} of the 5 credentials with the most exchanges. */
  private static List<String> busiestCredentials() {
    Map<String, Long> counts = new TreeMap<>();
    for (GroundTruth.TokenCount t : truth.byToken()) {
      if (!t.token().isEmpty()) {
        counts.merge(PSEUDONYMS.tokenId(t.token()), t.requests(), Long::sum);
      }
    }
    return counts.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(5)
        .map(e -> e.getKey() + "|" + e.getValue())
        .toList();
  }

  /** {@code window_start|provider|requests|errors} by hour and provider. */
  private static List<String> ratesByProviderAndHour() {
    Map<String, long[]> counts = new TreeMap<>();
    for (GroundTruth.HourCount h : truth.byHour()) {
      long[] c =
          counts.computeIfAbsent(instant(h.windowStart()) + "|" + h.provider(), k -> new long[2]);
      c[0] += h.requests();
      c[1] += h.errors();
    }
    List<String> rows = new ArrayList<>();
    counts.forEach((key, c) -> rows.add(key + "|" + c[0] + "|" + c[1]));
    return rows;
  }

  /** The rows' cells at {@code columns}, joined by {@code |}: null as empty, times as instants. */
  private static List<String> render(List<Row> rows, int... columns) {
    List<String> rendered = new ArrayList<>();
    for (Row row : rows) {
      List<String> cells = new ArrayList<>();
      for (int column : columns) {
        Object value = row.get(column);
        cells.add(
            value instanceof java.sql.Timestamp t
                ? t.toInstant().toString()
                : value == null ? "" : value.toString());
      }
      rendered.add(String.join("|", cells));
    }
    return rendered;
  }

  /** An ISO instant of the truth as {@link Instant#toString()} writes it; null as empty. */
  private static String instant(String iso) {
    return iso == null || iso.isEmpty() ? "" : Instant.parse(iso).toString();
  }

  private static String text(String value) {
    return value == null ? "" : value;
  }

  @Test
  void duckDbReadsTheTablesWithoutSparkOrTheJar() throws Exception {
    Matcher query = DUCKDB_SQL.matcher(cellSource("duckdb"));
    assertTrue(query.find(), "the duckdb cell has a DUCKDB_SQL = \"\"\"...\"\"\" query");
    String sql =
        query.group(1).replace("{tables}", out.resolve("tables").toString().replace("'", "''"));
    List<String> perProvider = new ArrayList<>();
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = duckdb.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        perProvider.add(
            rows.getString("provider")
                + "|"
                + rows.getLong("exchanges")
                + "|"
                + rows.getLong("errors"));
      }
    }
    assertEquals(perProvider(), perProvider, "exchanges and errors per provider, by DuckDB");
  }

  @Test
  void tokenIdFunctionGivesThePseudonymOfTheReports() {
    GroundTruth.TokenCount busiest =
        truth.byToken().stream()
            .filter(t -> !t.token().isEmpty())
            .max(java.util.Comparator.comparingLong(GroundTruth.TokenCount::requests))
            .orElseThrow();
    String credential = busiest.token();
    String expected =
        new TokenPseudonymizer(KEY.getBytes(StandardCharsets.UTF_8)).tokenId(credential);
    Row row =
        spark
            .sql(
                "SELECT token_id('"
                    + credential.replace("'", "''")
                    + "') AS id, "
                    + "(SELECT count(*) FROM exchanges WHERE token_id = token_id('"
                    + credential.replace("'", "''")
                    + "')) AS n")
            .first();
    assertEquals(expected, row.getString(0), "token_id() with the run's key");
    assertEquals(
        truth.byToken().stream()
            .filter(t -> t.token().equals(credential))
            .mapToLong(GroundTruth.TokenCount::requests)
            .sum(),
        row.getLong(1),
        "the credential's exchanges, found in the table by token_id()");
  }

  @Test
  void readExchangesClassifiesRecordingsLikeTheJob() throws Exception {
    long read =
        TrafficAnalysis.readExchanges(
                spark, List.of(traffic.toString()), KEY.getBytes(StandardCharsets.UTF_8))
            .count();
    assertEquals(truth.totals().exchanges(), read, "exchanges read by the library");
    assertEquals(
        truth.totals().errors(),
        TrafficAnalysis.readExchanges(spark, List.of(traffic.toString()))
            .filter("is_error")
            .count(),
        "errors read by the library");
  }

  @Test
  void tablesDocumentEveryColumnWithItsType() throws Exception {
    Map<String, Map<String, String>> documented = documentedTables();
    // The Java library's views: every table, plus error_rates_by_provider (the same data as above).
    for (String view : TrafficAnalysis.registerViews(spark, out.toString())) {
      Map<String, String> actual = new LinkedHashMap<>();
      for (StructField field : spark.table(view).schema().fields()) {
        actual.put(field.name(), field.dataType().simpleString());
      }
      assertEquals(
          actual, documented.get(view), "columns and types of " + view + " in " + TABLES_DOC);
    }
  }

  /**
   * Runs each {@code spark.sql("""...""")} code cell, keyed by its first tag, in notebook order.
   */
  private static Map<String, List<Row>> runSqlCells() throws Exception {
    Map<String, List<Row>> results = new LinkedHashMap<>();
    for (JsonNode cell : codeCells()) {
      Matcher sqlCell = SQL_CELL.matcher(source(cell));
      if (!sqlCell.matches()) {
        continue;
      }
      String tag = cell.path("metadata").path("tags").path(0).asText("cell " + results.size());
      String sql = sqlCell.group(1);
      try {
        results.put(tag, spark.sql(sql).collectAsList());
      } catch (RuntimeException e) {
        throw new AssertionError(
            "notebook cell " + tag + " failed: " + e.getMessage() + "\n" + sql, e);
      }
    }
    return results;
  }

  private static List<JsonNode> codeCells() throws IOException {
    List<JsonNode> cells = new ArrayList<>();
    for (JsonNode cell : new ObjectMapper().readTree(NOTEBOOK.toFile()).get("cells")) {
      if ("code".equals(cell.get("cell_type").asText())) {
        cells.add(cell);
      }
    }
    return cells;
  }

  private static String source(JsonNode cell) {
    StringBuilder source = new StringBuilder();
    cell.get("source").forEach(line -> source.append(line.asText()));
    return source.toString();
  }

  /** The source of the code cell tagged {@code tag}. */
  private static String cellSource(String tag) throws IOException {
    for (JsonNode cell : codeCells()) {
      if (tag.equals(cell.path("metadata").path("tags").path(0).asText())) {
        return source(cell);
      }
    }
    throw new AssertionError("no code cell tagged " + tag + " in " + NOTEBOOK);
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
