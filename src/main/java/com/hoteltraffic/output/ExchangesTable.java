package com.hoteltraffic.output;

import com.hoteltraffic.model.ExchangeSchema;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Writes the classified exchanges as Parquet ({@code tables/exchanges}).
 *
 * <p>Three choices, each measured on the 1M corpus of {@code jobs/bench} (figures in {@code
 * docs/benchmark.md}):
 *
 * <ul>
 *   <li>Timestamps as {@code TIMESTAMP_MICROS} adjusted to UTC, as the report tables are. Spark
 *       writes {@code TimestampType} as legacy {@code INT96} unless the session says otherwise,
 *       which DuckDB reads as a zone-less timestamp and Iceberg does not write. The setting is
 *       session-wide and no writer option overrides it, so the table is written through a copy of
 *       the caller's session that says so; the caller's session is left as it was.
 *   <li>zstd compression, unless the session names a codec itself ({@code --conf
 *       spark.sql.parquet.compression.codec=...} wins): the table is 43% smaller than with snappy
 *       for the same CPU (0.97x).
 *   <li>No dictionary for the columns that are (nearly) unique per row: Parquet would fill a
 *       dictionary page for each of them, find it too large and fall back to plain encoding, and
 *       that wasted work was a quarter of the table's write time. The request fingerprint repeats
 *       too seldom for its dictionary to pay (0.97x the run's CPU without it, the table 0.4%
 *       larger). Low-cardinality columns (provider, hotel, credential, error code) keep their
 *       dictionaries: without any, the same CPU and a table 12% larger.
 * </ul>
 */
public final class ExchangesTable {
  static final List<String> UNIQUE_PER_ROW =
      List.of(
          ExchangeSchema.LINE,
          ExchangeSchema.REQUEST_ID,
          ExchangeSchema.TS,
          ExchangeSchema.DURATION_MS,
          ExchangeSchema.PATH,
          ExchangeSchema.REQUEST_FINGERPRINT);

  static final String TIMESTAMP_TYPE_KEY = "spark.sql.parquet.outputTimestampType";
  static final String TIMESTAMP_TYPE = "TIMESTAMP_MICROS";
  static final String CODEC_KEY = "spark.sql.parquet.compression.codec";
  static final String CODEC = "zstd";

  private ExchangesTable() {}

  public static void write(Dataset<Row> exchanges, Path target) {
    DataFrameWriter<Row> writer = inTableSession(exchanges).write();
    if (!exchanges.sparkSession().conf().contains(CODEC_KEY)) {
      writer = writer.option("compression", CODEC);
    }
    for (String column : UNIQUE_PER_ROW) {
      writer = writer.option("parquet.enable.dictionary#" + column, "false");
    }
    writer.parquet(target.toString());
  }

  /**
   * The same rows in a copy of their session (its settings, catalogs and SparkContext) that writes
   * timestamps as {@value #TIMESTAMP_TYPE}.
   */
  private static Dataset<Row> inTableSession(Dataset<Row> exchanges) {
    org.apache.spark.sql.classic.SparkSession caller =
        (org.apache.spark.sql.classic.SparkSession) exchanges.sparkSession();
    org.apache.spark.sql.classic.SparkSession writing = caller.cloneSession();
    writing.conf().set(TIMESTAMP_TYPE_KEY, TIMESTAMP_TYPE);
    return org.apache.spark.sql.classic.Dataset.ofRows(
        writing, ((org.apache.spark.sql.classic.Dataset<Row>) exchanges).logicalPlan());
  }
}
