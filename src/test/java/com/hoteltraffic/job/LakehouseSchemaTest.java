package com.hoteltraffic.job;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.hoteltraffic.cli.AnalyzeMainAccess;
import com.hoteltraffic.model.ExchangeSchema;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A later version of the analyzer that adds a column to a table: its daily run evolves the Iceberg
 * or Delta table's schema instead of failing, and the days written before read the new column as
 * null.
 */
class LakehouseSchemaTest {
  private static final LocalDate DAY_1 = LocalDate.of(2026, 11, 18);
  private static final LocalDate DAY_2 = LocalDate.of(2026, 11, 19);
  private static final String EXCHANGES = "exchanges";
  private static final String REPORT = "error_codes";

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"iceberg", "delta"})
  void aColumnAddedByALaterVersionEvolvesTheTable(String format) throws Exception {
    String warehouse = dir.resolve("warehouse").toUri().toString();
    TableSettings settings =
        new TableSettings(
            TableSettings.Format.valueOf(format.toUpperCase(java.util.Locale.ROOT)),
            Optional.of(warehouse),
            Optional.empty(),
            TableSettings.DEFAULT_NAMESPACE);
    try (SparkSession spark = AnalyzeMainAccess.readerSession(format, warehouse)) {
      LakehouseTables tables = new LakehouseTables(spark, settings);
      Path before = dir.resolve("before");
      write(spark, before, false);
      tables.commit(
          new org.apache.hadoop.fs.Path(before.toUri()),
          EXCHANGES,
          List.of(REPORT),
          DAY_1,
          DAY_1,
          ZoneOffset.UTC);
      Path after = dir.resolve("after");
      write(spark, after, true);
      tables.commit(
          new org.apache.hadoop.fs.Path(after.toUri()),
          EXCHANGES,
          List.of(REPORT),
          DAY_2,
          DAY_2,
          ZoneOffset.UTC);

      String exchanges = tables.tableName(EXCHANGES);
      assertEquals(
          List.of("2026-11-18|null|1", "2026-11-19|production|2"),
          rows(
              spark,
              "SELECT day, environment, count(*) FROM "
                  + exchanges
                  + " GROUP BY day, environment ORDER BY day"),
          format + ": the old day reads the new column as null");
      assertEquals(
          List.of("2026-11-18|null|1", "2026-11-19|9|1"),
          rows(
              spark,
              "SELECT run_date, last_count, count(*) FROM "
                  + tables.tableName(REPORT)
                  + " GROUP BY run_date, last_count ORDER BY run_date"),
          format + ": a report table evolves the same way");
    }
  }

  /** A run's tables/ folder: the later version adds one column to each table. */
  private static void write(SparkSession spark, Path tablesDir, boolean later) {
    StructType exchanges =
        new StructType()
            .add(ExchangeSchema.TS, DataTypes.TimestampType)
            .add(ExchangeSchema.PROVIDER, DataTypes.StringType);
    StructType report =
        new StructType()
            .add(ExchangeSchema.PROVIDER, DataTypes.StringType)
            .add("count", DataTypes.LongType);
    List<Row> exchangeRows;
    List<Row> reportRows;
    if (later) {
      exchanges = exchanges.add("environment", DataTypes.StringType);
      report = report.add("last_count", DataTypes.LongType);
      Timestamp ts = Timestamp.from(DAY_2.atTime(10, 0).toInstant(ZoneOffset.UTC));
      exchangeRows =
          List.of(
              RowFactory.create(ts, "casy", "production"),
              RowFactory.create(ts, "hotelbeds", "production"));
      reportRows = List.of(RowFactory.create("casy", 2L, 9L));
    } else {
      Timestamp ts = Timestamp.from(DAY_1.atTime(10, 0).toInstant(ZoneOffset.UTC));
      exchangeRows = List.of(RowFactory.create(ts, "casy"));
      reportRows = List.of(RowFactory.create("casy", 1L));
    }
    spark
        .createDataFrame(exchangeRows, exchanges)
        .write()
        .parquet(tablesDir.resolve(EXCHANGES).toString());
    spark.createDataFrame(reportRows, report).write().parquet(tablesDir.resolve(REPORT).toString());
  }

  private static List<String> rows(SparkSession spark, String sql) {
    return spark.sql(sql).collectAsList().stream()
        .map(
            row -> {
              StringBuilder text = new StringBuilder();
              for (int i = 0; i < row.length(); i++) {
                text.append(i == 0 ? "" : "|").append(row.isNullAt(i) ? "null" : row.get(i));
              }
              return text.toString();
            })
        .toList();
  }
}
