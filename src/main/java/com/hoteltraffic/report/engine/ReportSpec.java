package com.hoteltraffic.report.engine;

import java.util.List;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * One report of the registry ({@link Reports}): its name (CSV file and table), its columns and
 * their types, and its row order.
 *
 * @param name file and table name
 * @param schema columns in CSV order with their Spark types (the contract's required ones first)
 * @param sort the columns that order the rows; every report's rows are then ordered by all of its
 *     columns, so the order is total and reruns give the same bytes
 * @param written whether the run writes it ({@code reports/NAME.csv}, {@code tables/NAME}); the
 *     per-provider series is only drawn on the page and offered as a notebook view
 * @param streamed whether its row count grows with the keys (a row per hotel, credential or
 *     operation and window): its rows then stay in Spark, sorted there, and reach the driver only
 *     as a stream a bounded window at a time or as bounded summaries (see {@link ReportResults});
 *     the others are few (incidents, codes, credentials) and are collected
 */
public record ReportSpec(
    String name, StructType schema, List<String> sort, boolean written, boolean streamed) {
  /** A report whose rows are collected to the driver (see {@link #streamed}). */
  public ReportSpec(String name, StructType schema, List<String> sort, boolean written) {
    this(name, schema, sort, written, false);
  }

  public List<String> columns() {
    return List.of(schema.fieldNames());
  }

  /** Column positions of the full row order: {@link #sort} first, then the other columns. */
  public int[] order() {
    List<String> columns = columns();
    int[] order = new int[columns.size()];
    int n = 0;
    for (String column : sort) {
      order[n++] = columns.indexOf(column);
    }
    for (int i = 0; i < columns.size(); i++) {
      if (!sort.contains(columns.get(i))) {
        order[n++] = i;
      }
    }
    return order;
  }

  /** One column of a report schema. */
  public static StructField field(String name, DataType type, boolean nullable) {
    return DataTypes.createStructField(name, type, nullable);
  }

  public static StructType schema(List<String> columns, StructType types) {
    StructField[] fields = columns.stream().map(types::apply).toArray(StructField[]::new);
    return new StructType(fields);
  }
}
