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
 * <p>Dictionary encoding is turned off for the columns that are (nearly) unique per row: Parquet
 * would fill a dictionary page for each of them, find it too large and fall back to plain encoding,
 * and that wasted work was a quarter of the table's write time. Low-cardinality columns (provider,
 * hotel, credential, error code) keep their dictionaries.
 */
public final class ExchangesTable {
  static final List<String> UNIQUE_PER_ROW =
      List.of(
          ExchangeSchema.LINE,
          ExchangeSchema.REQUEST_ID,
          ExchangeSchema.TS,
          ExchangeSchema.DURATION_MS,
          ExchangeSchema.PATH);

  private ExchangesTable() {}

  public static void write(Dataset<Row> exchanges, Path target) {
    DataFrameWriter<Row> writer = exchanges.write();
    for (String column : UNIQUE_PER_ROW) {
      writer = writer.option("parquet.enable.dictionary#" + column, "false");
    }
    writer.parquet(target.toString());
  }
}
