package com.hoteltraffic.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Compares two output directories of {@code jobs/analyze} (for example a run of the build before a
 * change and one after): every CSV byte for byte, {@code run_summary.json} without its clock
 * fields, and every Parquet table by schema and by rows (as multisets). Prints one line per
 * difference and exits 1 when there is any.
 *
 * <pre>java -cp target/test-classes:target/classes:$(cat target/classpath.txt) \
 *   com.hoteltraffic.testing.OutputDiff OLD_DIR NEW_DIR</pre>
 */
public final class OutputDiff {
  private static final List<String> CLOCK_FIELDS =
      List.of("started_at", "finished_at", "elapsed_s");

  private OutputDiff() {}

  public static void main(String[] args) throws IOException {
    Path a = Path.of(args[0]);
    Path b = Path.of(args[1]);
    List<String> differences = new ArrayList<>();
    compareCsvs(a.resolve("reports"), b.resolve("reports"), differences);
    compareSummaries(a.resolve("run_summary.json"), b.resolve("run_summary.json"), differences);
    SparkSession spark =
        SparkSession.builder()
            .master("local[2]")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.session.timeZone", "UTC")
            .getOrCreate();
    try {
      compareTables(spark, a.resolve("tables"), b.resolve("tables"), differences);
    } finally {
      spark.stop();
    }
    differences.forEach(System.out::println);
    System.out.println(
        differences.isEmpty()
            ? "identical: " + a + " and " + b
            : differences.size() + " differences");
    System.exit(differences.isEmpty() ? 0 : 1);
  }

  public static void compareCsvs(Path a, Path b, List<String> differences) throws IOException {
    for (String name : names(a, b)) {
      Path fa = a.resolve(name);
      Path fb = b.resolve(name);
      if (!Files.exists(fa) || !Files.exists(fb)) {
        differences.add("reports/" + name + ": only in " + (Files.exists(fa) ? a : b));
        continue;
      }
      List<String> la = Files.readAllLines(fa);
      List<String> lb = Files.readAllLines(fb);
      if (!Arrays.equals(Files.readAllBytes(fa), Files.readAllBytes(fb))) {
        int line = 0;
        while (line < Math.min(la.size(), lb.size()) && la.get(line).equals(lb.get(line))) {
          line++;
        }
        differences.add(
            "reports/"
                + name
                + ": "
                + la.size()
                + " vs "
                + lb.size()
                + " lines, first difference at line "
                + (line + 1)
                + ":\n  < "
                + (line < la.size() ? la.get(line) : "")
                + "\n  > "
                + (line < lb.size() ? lb.get(line) : ""));
      }
    }
  }

  public static void compareSummaries(Path a, Path b, List<String> differences) throws IOException {
    ObjectMapper json = new ObjectMapper();
    ObjectNode sa = (ObjectNode) json.readTree(a.toFile());
    ObjectNode sb = (ObjectNode) json.readTree(b.toFile());
    sa.remove(CLOCK_FIELDS);
    sb.remove(CLOCK_FIELDS);
    if (!sa.equals(sb)) {
      differences.add("run_summary.json differs:\n  < " + sa + "\n  > " + sb);
    }
  }

  public static void compareTables(SparkSession spark, Path a, Path b, List<String> differences)
      throws IOException {
    for (String name : names(a, b)) {
      if (!Files.exists(a.resolve(name)) || !Files.exists(b.resolve(name))) {
        differences.add("tables/" + name + ": only in " + (Files.exists(a.resolve(name)) ? a : b));
        continue;
      }
      Dataset<Row> ta = spark.read().parquet(a.resolve(name).toString());
      Dataset<Row> tb = spark.read().parquet(b.resolve(name).toString());
      if (!ta.schema().equals(tb.schema())) {
        differences.add(
            "tables/"
                + name
                + ": schema "
                + ta.schema().simpleString()
                + " vs "
                + tb.schema().simpleString());
        continue;
      }
      long onlyA = ta.exceptAll(tb).count();
      long onlyB = tb.exceptAll(ta).count();
      if (onlyA + onlyB > 0) {
        differences.add(
            "tables/"
                + name
                + ": "
                + onlyA
                + " rows only in the first, "
                + onlyB
                + " only in the second; e.g. "
                + ta.exceptAll(tb).limit(2).collectAsList()
                + " vs "
                + tb.exceptAll(ta).limit(2).collectAsList());
      }
    }
  }

  private static TreeSet<String> names(Path a, Path b) throws IOException {
    TreeSet<String> names = new TreeSet<>();
    for (Path dir : List.of(a, b)) {
      if (Files.isDirectory(dir)) {
        try (Stream<Path> files = Files.list(dir)) {
          files.forEach(f -> names.add(f.getFileName().toString()));
        }
      }
    }
    return names;
  }
}
