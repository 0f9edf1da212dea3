package com.hoteltraffic.report.engine;

import com.hoteltraffic.report.shared.Micros;
import java.time.Instant;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A DataFrame of report rows that stay in Spark. Their timestamps cross as microseconds since the
 * epoch and become timestamps in Spark ({@code timestamp_micros}): exact at any date, whatever the
 * session's Java 8 time setting (a {@code java.sql.Timestamp} would be moved between calendars
 * before 1582, and an {@link Instant} in an RDD of rows needs that setting).
 */
final class MicrosFrame {
  private MicrosFrame() {}

  static Dataset<Row> of(SparkSession spark, JavaRDD<Object[]> rows, StructType schema) {
    StructField[] fields = schema.fields();
    StructField[] crossing = new StructField[fields.length];
    Column[] columns = new Column[fields.length];
    for (int i = 0; i < fields.length; i++) {
      StructField field = fields[i];
      boolean time = field.dataType().equals(DataTypes.TimestampType);
      crossing[i] =
          time
              ? DataTypes.createStructField(field.name(), DataTypes.LongType, field.nullable())
              : field;
      Column column = functions.col(field.name());
      columns[i] = time ? functions.timestamp_micros(column).as(field.name()) : column;
    }
    JavaRDD<Row> plain =
        rows.map(
            values -> {
              Object[] copy = values.clone();
              for (int i = 0; i < copy.length; i++) {
                if (copy[i] instanceof Instant instant) {
                  copy[i] = Micros.of(instant);
                }
              }
              return RowFactory.create(copy);
            });
    return spark.createDataFrame(plain, new StructType(crossing)).select(columns);
  }
}
