package com.hoteltraffic.job;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.from_utc_timestamp;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.to_utc_timestamp;

import com.hoteltraffic.model.ExchangeSchema;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.analysis.NoSuchTableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The run's tables as Iceberg or Delta Lake tables: {@code exchanges} partitioned by its {@value
 * #DAY} in the run's time zone, and each report in its own table partitioned by the run's day
 * ({@value #RUN_DATE}), since reports such as {@code credential_health} have no day of their own.
 *
 * <p>A daily run replaces exactly its day in every table, one commit per table, by an explicit
 * condition on the day column (Iceberg's overwrite by filter, Delta's {@code replaceWhere}): a
 * rerun never duplicates rows or keeps stale ones, also when it has no rows for the day, and other
 * days are untouched. Dynamic partition overwrite would keep a day's old rows when the rerun has
 * none. A whole run replaces every table. A column a later version adds evolves the table's schema.
 *
 * <p>The rows are read back from the run's own {@code tables/} folders, which are committed first:
 * a failure between the two is repaired by the next run of the same day.
 */
final class LakehouseTables {
  private static final Logger LOG = LoggerFactory.getLogger(LakehouseTables.class);

  /** The partition column of {@code exchanges}: the exchange's day in {@code --timezone}. */
  static final String DAY = "day";

  /** The partition column of every report table: the day the run reports on. */
  static final String RUN_DATE = "run_date";

  private final SparkSession spark;
  private final TableSettings settings;

  LakehouseTables(SparkSession spark, TableSettings settings) {
    this.spark = spark;
    this.settings = settings;
  }

  /**
   * Commits the run's tables.
   *
   * @param tablesDir the run's committed {@code tables/} folder
   * @param reports the names of the report tables in it
   * @param day a daily run's day, or null for a whole run
   * @param runDay the day a whole run reports on (the day it ran), for {@value #RUN_DATE}
   * @return the tables written, by name
   */
  List<String> commit(
      Path tablesDir,
      String exchangesTable,
      List<String> reports,
      LocalDate day,
      LocalDate runDay,
      ZoneId zone) {
    List<String> written = new ArrayList<>();
    Dataset<Row> exchanges =
        spark
            .read()
            .parquet(new Path(tablesDir, exchangesTable).toString())
            .withColumn(DAY, day == null ? dayOf(col(ExchangeSchema.TS), zone) : lit(day));
    written.add(write(exchangesTable, exchanges, DAY, day));
    for (String report : reports) {
      Dataset<Row> rows =
          spark
              .read()
              .parquet(new Path(tablesDir, report).toString())
              .withColumn(RUN_DATE, lit(day == null ? runDay : day));
      written.add(write(report, rows, RUN_DATE, day));
    }
    return written;
  }

  /** The calendar day in {@code zone} of a timestamp column, whatever the session's time zone. */
  private Column dayOf(Column ts, ZoneId zone) {
    String sessionZone = spark.conf().get("spark.sql.session.timeZone");
    return to_date(from_utc_timestamp(to_utc_timestamp(ts, sessionZone), zone.getId()));
  }

  private String write(String table, Dataset<Row> rows, String partition, LocalDate day) {
    long started = System.nanoTime();
    String name = tableName(table);
    if (settings.format() == TableSettings.Format.ICEBERG) {
      writeIceberg(name, rows, partition, day);
    } else {
      writeDelta(table, rows, partition, day);
    }
    LOG.info(
        "Table {} ({}): {} ({} ms)",
        name,
        settings.format().label(),
        day == null ? "replaced" : partition + " " + day + " replaced",
        (System.nanoTime() - started) / 1_000_000);
    return name;
  }

  private void writeIceberg(String name, Dataset<Row> rows, String partition, LocalDate day) {
    if (day != null && spark.catalog().tableExists(name)) {
      try {
        inTableOrder(rows, name)
            .writeTo(name)
            .option("merge-schema", "true")
            .overwrite(col(partition).equalTo(lit(java.sql.Date.valueOf(day))));
      } catch (NoSuchTableException e) {
        throw new IllegalStateException(
            "Cannot replace "
                + partition
                + " "
                + day
                + " in "
                + name
                + ": the table was dropped"
                + " during the run; run the day again",
            e);
      }
      return;
    }
    // A whole run, or the first daily run: the table is (re)created from this run's rows.
    rows.writeTo(name)
        .using("iceberg")
        .partitionedBy(col(partition))
        .tableProperty("write.spark.accept-any-schema", "true")
        .createOrReplace();
  }

  /**
   * The rows with the table's columns first, in its order, then any column a later version added:
   * Iceberg appends a merged column at the end of the table and checks the written order.
   */
  private Dataset<Row> inTableOrder(Dataset<Row> rows, String name) {
    List<String> present = List.of(rows.columns());
    List<Column> ordered = new ArrayList<>();
    List<String> table = List.of(spark.table(name).columns());
    for (String column : table) {
      if (present.contains(column)) {
        ordered.add(col(column));
      }
    }
    for (String column : present) {
      if (!table.contains(column)) {
        ordered.add(col(column));
      }
    }
    return rows.select(ordered.toArray(Column[]::new));
  }

  private void writeDelta(String table, Dataset<Row> rows, String partition, LocalDate day) {
    var writer = rows.write().format("delta").mode("overwrite").partitionBy(partition);
    if (day == null) {
      writer = writer.option("overwriteSchema", "true");
    } else {
      writer =
          writer
              .option("replaceWhere", partition + " = DATE'" + day + "'")
              .option("mergeSchema", "true");
    }
    if (settings.catalog().isPresent()) {
      writer.saveAsTable(tableName(table));
    } else {
      writer.save(deltaPath(table));
    }
  }

  /**
   * The name a table is read by in Spark SQL: {@code CATALOG.NAMESPACE.TABLE}; for Delta tables
   * without a catalog, {@code delta.`PATH`}.
   */
  String tableName(String table) {
    if (settings.format() == TableSettings.Format.DELTA && settings.catalog().isEmpty()) {
      return "delta.`" + deltaPath(table) + "`";
    }
    String catalog = settings.catalog().orElse(TableSettings.EMBEDDED_CATALOG);
    return catalog + "." + settings.namespace() + "." + table;
  }

  private String deltaPath(String table) {
    String warehouse = settings.warehouse().orElseThrow();
    return (warehouse.endsWith("/") ? warehouse : warehouse + "/")
        + settings.namespace()
        + "/"
        + table;
  }
}
