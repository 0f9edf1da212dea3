package com.hoteltraffic.bench;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.get_json_object;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.regexp_extract;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.timestamp_millis;
import static org.apache.spark.sql.functions.try_to_timestamp;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.window;

import com.hoteltraffic.cli.AnalyzeOptionsAccess;
import com.hoteltraffic.job.AnalyzeConfig;
import com.hoteltraffic.job.AnalyzeJob;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * One contender of {@link Benchmark}, run in its own JVM so that its peak RSS is its own: {@code
 * ours} (the whole product in-process; {@code jobs/bench} runs ours through {@code jobs/analyze}
 * instead, as users start it), {@code trivial} (a local session counts the lines of the corpus and
 * stops: the fixed cost of any Spark job), {@code naive-spark} (what a user writes in an afternoon:
 * Spark's JSON reader with a schema, {@code get_json_object} on bodies, two group-bys) and {@code
 * duckdb} ({@code read_ndjson} with explicit columns, the same two aggregates; its memory limited
 * to the heap, see {@link #limitDuckDb}). Prints one line: {@code RESULT name seconds rows
 * peak_rss_kb}.
 *
 * <p>Both baselines compute only the equivalents of {@code error_codes} and {@code
 * error_rates_by_hotel}; the product also parses headers, pseudonymises credentials, reconciles
 * bookings, detects incidents and writes Parquet, CSV, HTML and quarantine.
 */
public final class BenchContender {
  private BenchContender() {}

  public static void main(String[] args) throws Exception {
    String name = args[0];
    String glob = args[1];
    Path output = Path.of(args[2]);
    long rows;
    String cpu;
    long startNanos;
    double seconds;
    switch (name) {
      case "ours" -> {
        SparkSession spark = session();
        AnalyzeConfig config =
            AnalyzeOptionsAccess.parse(
                List.of("--input", glob, "--output", output.toString()),
                Map.of("TRAFFIC_TOKEN_KEY", "bench-key"));
        startNanos = System.nanoTime();
        rows = AnalyzeJob.run(spark, config).exchanges();
        seconds = (System.nanoTime() - startNanos) / 1e9;
        cpu = cpuByRole(); // before stop: the task threads end with the session
        spark.stop();
      }
      case "trivial" -> {
        SparkSession spark = session();
        startNanos = System.nanoTime();
        rows = spark.read().textFile(glob).count();
        seconds = (System.nanoTime() - startNanos) / 1e9;
        cpu = cpuByRole();
        spark.stop();
      }
      case "naive-spark" -> {
        SparkSession spark = session();
        startNanos = System.nanoTime();
        rows = naiveSpark(spark, glob);
        seconds = (System.nanoTime() - startNanos) / 1e9;
        cpu = cpuByRole(); // before stop: the task threads end with the session
        spark.stop();
      }
      case "duckdb" -> {
        Class.forName("org.duckdb.DuckDBDriver");
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:")) {
          limitDuckDb(connection, output);
          startNanos = System.nanoTime();
          rows = duckDb(connection, glob);
          seconds = (System.nanoTime() - startNanos) / 1e9;
          cpu = cpuByRole();
        }
      }
      default -> throw new IllegalArgumentException("unknown contender " + name);
    }
    System.out.printf("RESULT %s %.3f %d %d%n", name, seconds, rows, peakRssKb());
    System.out.printf("CPU %s %s%n", name, cpu);
  }

  /**
   * CPU seconds of this process by thread role, from {@code /proc/self/task} (Linux; empty
   * elsewhere). On a 2-core machine the JIT compiler threads compete with the work itself, so a
   * run's wall time can only be read together with this line.
   */
  static String cpuByRole() throws Exception {
    Path tasks = Path.of("/proc/self/task");
    if (!Files.isDirectory(tasks)) {
      return "";
    }
    Map<String, Double> byRole = new java.util.LinkedHashMap<>();
    for (String role : List.of("spark tasks", "JIT", "GC", "other")) {
      byRole.put(role, 0.0);
    }
    try (var threads = Files.list(tasks)) {
      for (Path thread : (Iterable<Path>) threads::iterator) {
        String stat;
        try {
          stat = Files.readString(thread.resolve("stat"));
        } catch (java.nio.file.NoSuchFileException ended) {
          continue; // the thread ended while we listed
        }
        String threadName = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        double seconds =
            (Long.parseLong(fields[11]) + Long.parseLong(fields[12]))
                / 100.0; // utime + stime ticks
        String role =
            threadName.startsWith("Executor task")
                ? "spark tasks"
                : threadName.contains("CompilerThre")
                    ? "JIT"
                    : threadName.startsWith("GC Thread") || threadName.startsWith("G1")
                        ? "GC"
                        : "other";
        byRole.merge(role, seconds, Double::sum);
      }
    }
    StringBuilder line = new StringBuilder();
    byRole.forEach((role, seconds) -> line.append(String.format("%s=%.1fs ", role, seconds)));
    return line.toString().trim();
  }

  private static SparkSession session() {
    return SparkSession.builder()
        .appName("bench")
        .master("local[*]")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.driver.host", "127.0.0.1")
        .getOrCreate();
  }

  /**
   * Spark's JSON reader with an explicit schema, {@code get_json_object} on bodies, two group-bys.
   */
  static long naiveSpark(SparkSession spark, String glob) {
    StructType request =
        new StructType()
            .add("method", DataTypes.StringType)
            .add("url", DataTypes.StringType)
            .add("headers", DataTypes.StringType)
            .add("body", DataTypes.StringType);
    StructType response =
        new StructType()
            .add("status", DataTypes.IntegerType)
            .add("headers", DataTypes.StringType)
            .add("body", DataTypes.StringType);
    StructType schema =
        new StructType()
            .add("ts", DataTypes.StringType)
            .add("duration_ms", DataTypes.LongType)
            .add("request", request)
            .add("response", response)
            .add("error", DataTypes.StringType);
    Dataset<Row> exchanges =
        spark
            .read()
            .schema(schema)
            .json(glob)
            .withColumn(
                "time",
                coalesce(try_to_timestamp(col("ts")), timestamp_millis(col("ts").try_cast("long"))))
            .withColumn("host", regexp_extract(col("request.url"), "^https?://([^/:?]+)", 1))
            .withColumn(
                "provider",
                when(col("host").endsWith("onlinebuchungen.ch"), "casy")
                    .when(col("host").contains("hotelbeds.com"), "hotelbeds")
                    .otherwise("unknown"))
            .withColumn(
                "hotel_id",
                regexp_extract(col("request.url"), "/(?:reservations|hotels)/([0-9]+)", 1))
            .withColumn("status", col("response.status"))
            .withColumn(
                "code",
                coalesce(
                    get_json_object(col("response.body"), "$.error.code"),
                    get_json_object(col("response.body"), "$.error"),
                    when(col("status").isNull(), lit("NO_RESPONSE"))))
            .withColumn("is_error", col("status").isNull().or(col("status").geq(400)));
    long codes =
        exchanges
            .groupBy("provider", "status", "code")
            .agg(count(lit(1)), min("time"), max("time"))
            .collectAsList()
            .size();
    long hotels =
        exchanges
            .groupBy(window(col("time"), "1 hour"), col("provider"), col("hotel_id"))
            .agg(count(lit(1)), sum(when(col("is_error"), 1).otherwise(0)))
            .collectAsList()
            .size();
    return codes + hotels;
  }

  /**
   * DuckDB's memory outside the JVM heap, bounded like the other contenders' heaps: its buffer
   * manager's {@code memory_limit} set to the bench's heap ({@code -Dbench.heap}, as {@code -Xmx}
   * takes it), spilling into the contender's output directory rather than the working directory.
   */
  static void limitDuckDb(Connection connection, Path output) throws Exception {
    String heap = System.getProperty("bench.heap");
    if (heap == null) {
      return; // run by hand: DuckDB's default (80% of the machine's memory)
    }
    Path spill = Files.createDirectories(output.resolve("duckdb-spill"));
    try (Statement statement = connection.createStatement()) {
      statement.execute("SET memory_limit = '" + heapMiB(heap) + "MiB'");
      statement.execute("SET temp_directory = '" + spill.toString().replace("'", "''") + "'");
    }
  }

  /** {@code 2g}, {@code 2048m}, {@code 2097152k} (as {@code -Xmx} takes them) in MiB. */
  static long heapMiB(String heap) {
    String digits = heap.substring(0, heap.length() - 1);
    return switch (Character.toLowerCase(heap.charAt(heap.length() - 1))) {
      case 'g' -> Long.parseLong(digits) * 1024;
      case 'm' -> Long.parseLong(digits);
      case 'k' -> Long.parseLong(digits) / 1024;
      default -> Long.parseLong(heap) / (1024 * 1024);
    };
  }

  /**
   * DuckDB over the same files: {@code read_ndjson} with explicit columns, the same two aggregates.
   */
  static long duckDb(Connection connection, String glob) throws Exception {
    String source =
        "read_ndjson('"
            + glob.replace("'", "''")
            + "', columns = {ts: 'VARCHAR', "
            + "duration_ms: 'BIGINT', request: 'JSON', response: 'JSON', error: 'VARCHAR'}, ignore_errors = true)";
    String exchanges =
        "SELECT "
            + "coalesce(try_cast(ts AS TIMESTAMPTZ), to_timestamp(try_cast(ts AS BIGINT) / 1000.0)) AS time, "
            + "regexp_extract(request->>'url', '^https?://([^/:?]+)', 1) AS host, "
            + "regexp_extract(request->>'url', '/(?:reservations|hotels)/([0-9]+)', 1) AS hotel_id, "
            + "try_cast(response->>'status' AS INTEGER) AS status, "
            + "CASE WHEN response IS NULL THEN 'NO_RESPONSE' "
            + "WHEN json_valid(response->>'body') THEN coalesce(json_extract_string(response->>'body', '$.error.code'), "
            + "json_extract_string(response->>'body', '$.error')) END AS code "
            + "FROM "
            + source;
    String withProvider =
        "SELECT *, CASE WHEN host LIKE '%onlinebuchungen.ch' THEN 'casy' "
            + "WHEN host LIKE '%hotelbeds.com' THEN 'hotelbeds' ELSE 'unknown' END AS provider, "
            + "(status IS NULL OR status >= 400) AS is_error FROM ("
            + exchanges
            + ")";
    long rows = 0;
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE TEMP TABLE x AS " + withProvider);
      rows +=
          countRows(
              statement.executeQuery(
                  "SELECT provider, status, code, count(*), min(time), max(time) FROM x GROUP BY ALL"));
      rows +=
          countRows(
              statement.executeQuery(
                  "SELECT time_bucket(INTERVAL 1 HOUR, time) AS w, provider, hotel_id, count(*), "
                      + "sum(CASE WHEN is_error THEN 1 ELSE 0 END) FROM x GROUP BY ALL"));
    }
    return rows;
  }

  private static long countRows(ResultSet result) throws Exception {
    long rows = 0;
    while (result.next()) {
      rows++;
    }
    result.close();
    return rows;
  }

  /** The process's peak resident set (VmHWM), in kB; -1 where /proc is not there. */
  static long peakRssKb() throws Exception {
    Path status = Path.of("/proc/self/status");
    if (!Files.exists(status)) {
      return -1;
    }
    for (String line : Files.readAllLines(status)) {
      if (line.startsWith("VmHWM:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return -1;
  }
}
