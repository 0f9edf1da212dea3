package com.hoteltraffic.report.engine;

import com.hoteltraffic.report.shared.CodePoints;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/**
 * Every report's rows of one run, each report in its total row order ({@link ReportSpec#order}).
 *
 * <p>A report whose rows grow with the keys ({@link ReportSpec#streamed}: a row per hotel,
 * credential or operation and window) never reaches the driver as one list: {@link #rows} refuses
 * it. Its rows are read in order through {@link #stream} (a bounded window of rows at a time), or
 * summed up where they are by {@link #top} and {@link #grouped}, whose results are bounded by their
 * limit. From the engine ({@link ReportEngine}) those rows stay in Spark, unless the whole report
 * fits a window (then it is held here, at most a window of rows); from {@link #of} (tests) they are
 * in memory. Every method answers the same wherever the rows are.
 *
 * <p>The other reports are few (incidents, codes, credentials, days) and are held as lists.
 */
public final class ReportResults implements Serializable, AutoCloseable {
  private static final long serialVersionUID = 1L;

  private final List<ReportSpec> specs;
  private final Map<String, List<Object[]>> rows;
  // The engine's streamed reports, in Spark; null from of(). Not sent anywhere with the results.
  private final transient Map<String, SparkRows> inSpark;
  private final transient Runnable release;

  /** A test of a row; Spark ships it to the tasks of a streamed report. */
  public interface RowTest extends Serializable {
    boolean test(Object[] row);
  }

  /** An order of rows; Spark ships it to the tasks of a streamed report. */
  public interface RowOrder extends Comparator<Object[]>, Serializable {}

  /**
   * How {@link #grouped} sums rows up per group. The values are of the types a report column holds
   * (String, Long, Integer, Double, Boolean, Instant), so that they cross tasks as codec bytes.
   */
  public interface Grouping extends Serializable {
    /** The row's group (see {@link #groupKey}), or null to leave the row out. */
    String group(Object[] row);

    /** What one row adds to its group. */
    Object[] value(Object[] row);

    /** Two parts of one group summed; must not depend on which comes first. */
    Object[] merge(Object[] a, Object[] b);
  }

  /** The first rows in some order, and how many qualified in all. */
  public record Top(List<Object[]> rows, long total) {
    public Top {
      rows = List.copyOf(rows);
    }
  }

  /** The rows of {@code specs}, each report sorted into its total order, all in memory. */
  public static ReportResults of(List<ReportSpec> specs, List<ReportRow> unordered) {
    return new ReportResults(specs, unordered);
  }

  ReportResults(List<ReportSpec> specs, List<ReportRow> unordered) {
    this(specs, unordered, null, () -> {});
  }

  /**
   * @param collected the rows of the reports not in {@code inSpark}
   * @param inSpark the streamed reports' rows, where they are
   * @param release frees what {@code inSpark} holds (see {@link #close})
   */
  ReportResults(
      List<ReportSpec> specs,
      List<ReportRow> collected,
      Map<String, SparkRows> inSpark,
      Runnable release) {
    this.specs = List.copyOf(specs);
    this.rows = new LinkedHashMap<>();
    this.inSpark = inSpark == null ? Map.of() : Map.copyOf(inSpark);
    this.release = release;
    for (ReportSpec spec : specs) {
      if (!this.inSpark.containsKey(spec.name())) {
        rows.put(spec.name(), new ArrayList<>());
      }
    }
    for (ReportRow row : collected) {
      rows.get(row.report()).add(row.values());
    }
    for (Map.Entry<String, List<Object[]>> report : rows.entrySet()) {
      report.getValue().sort(order(spec(report.getKey()).order()));
    }
  }

  /** The reports, in registry order. */
  public List<ReportSpec> specs() {
    return specs;
  }

  public ReportSpec spec(String name) {
    return specs.stream()
        .filter(s -> s.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("No report named " + name));
  }

  /**
   * The rows of one report in order, as values in its column order; do not change them. Only for a
   * report that is not {@link ReportSpec#streamed}: its rows are few.
   *
   * @throws IllegalStateException for a streamed report, whose rows are never one list
   */
  public List<Object[]> rows(String report) {
    if (spec(report).streamed()) {
      throw new IllegalStateException(
          report + " grows with the keys: read it with stream, top or grouped, not as one list");
    }
    return held(report);
  }

  private List<Object[]> held(String report) {
    List<Object[]> found = rows.get(report);
    if (found == null) {
      throw new IllegalArgumentException("No report named " + report);
    }
    return found;
  }

  /**
   * Whether one report's rows are read from Spark a window at a time (a streamed report with more
   * rows than the driver's window), rather than held on the driver.
   */
  public boolean readFromSpark(String report) {
    return inSpark.containsKey(report);
  }

  /** How many rows one report has. */
  public long count(String report) {
    SparkRows spark = inSpark.get(report);
    return spark != null ? spark.count() : held(report).size();
  }

  /**
   * One report's rows in its total order, one at a time: of a streamed report, the driver holds one
   * window of rows at a time (see {@link RowStream#maxBuffered}).
   */
  public RowStream stream(String report) {
    SparkRows spark = inSpark.get(report);
    if (spark != null) {
      return spark.stream();
    }
    List<Object[]> list = held(report);
    return new RowStream(list.iterator(), list::size);
  }

  /**
   * The first {@code limit} rows that pass {@code keep}, in {@code order} and then in the report's
   * own order (as a stable sort of the report's rows would give), and how many pass in all.
   */
  public Top top(String report, RowTest keep, RowOrder order, int limit) {
    RowOrder full = then(order, order(spec(report).order()));
    SparkRows spark = inSpark.get(report);
    if (spark != null) {
      return spark.top(keep, full, limit);
    }
    return Tops.of(held(report).iterator(), keep, full, limit);
  }

  /**
   * One report's rows summed up per group ({@link Grouping}), and of the sums those that pass
   * {@code keep}: the first {@code limit} in {@code order}, which must be total (name the group's
   * key last), and how many pass in all.
   */
  public Top grouped(String report, Grouping grouping, RowTest keep, RowOrder order, int limit) {
    SparkRows spark = inSpark.get(report);
    if (spark != null) {
      return spark.grouped(grouping, keep, order, limit);
    }
    Map<String, Object[]> groups = new LinkedHashMap<>();
    for (Object[] row : held(report)) {
      String group = grouping.group(row);
      if (group != null) {
        groups.merge(group, grouping.value(row), grouping::merge);
      }
    }
    return Tops.of(groups.values().iterator(), keep, order, limit);
  }

  /**
   * A group's key from its values: each text with its length before it, so that no two lists of
   * values give the same key whatever characters they hold; null is {@code -1:}.
   */
  public static String groupKey(Object... values) {
    StringBuilder key = new StringBuilder();
    for (Object value : values) {
      String text = value == null ? null : value.toString();
      key.append(text == null ? -1 : text.length()).append(':').append(text == null ? "" : text);
    }
    return key.toString();
  }

  /** Frees the rows the streamed reports hold in Spark; the results are not read afterwards. */
  @Override
  public void close() {
    release.run();
  }

  /**
   * One report's rows as a DataFrame of its schema. Timestamps go in as {@link Instant}s, which
   * Spark takes to the microsecond at any date (a {@code java.sql.Timestamp} would be moved between
   * calendars before 1582). A streamed report's rows stay in Spark, in order.
   */
  public Dataset<Row> dataFrame(SparkSession spark, String report) {
    SparkRows inSparkRows = inSpark.get(report);
    if (inSparkRows != null) {
      return inSparkRows.dataFrame(spark, spec(report).schema());
    }
    List<Row> sparkRows = new ArrayList<>();
    for (Object[] values : held(report)) {
      sparkRows.add(RowFactory.create(values.clone()));
    }
    return spark.createDataFrame(sparkRows, spec(report).schema());
  }

  /** {@code first}, then {@code second} among the rows {@code first} finds equal. */
  static RowOrder then(RowOrder first, RowOrder second) {
    return (a, b) -> {
      int compared = first.compare(a, b);
      return compared != 0 ? compared : second.compare(a, b);
    };
  }

  /** The order of a report's rows by the columns {@code columns}, in turn. */
  static RowOrder order(int[] columns) {
    return (a, b) -> {
      for (int column : columns) {
        int compared = compareValues(a[column], b[column]);
        if (compared != 0) {
          return compared;
        }
      }
      return 0;
    };
  }

  /** Nulls first, text by code point (the order of its UTF-8 bytes, as Spark sorts strings). */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static int compareValues(Object a, Object b) {
    if (a == null || b == null) {
      return a == null ? (b == null ? 0 : -1) : 1;
    }
    if (a instanceof String x && b instanceof String y) {
      return CodePoints.compare(x, y);
    }
    if (a instanceof Number x
        && b instanceof Number y
        && !(a instanceof Double)
        && !(b instanceof Double)) {
      return Long.compare(x.longValue(), y.longValue());
    }
    if (a instanceof Instant || a instanceof Boolean || a instanceof Double) {
      return ((Comparable) a).compareTo(b);
    }
    throw new IllegalArgumentException("Cannot order " + a.getClass() + " against " + b.getClass());
  }
}
