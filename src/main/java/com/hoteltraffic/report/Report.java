package com.hoteltraffic.report;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * One named report: written as {@code tables/NAME} (Parquet) and {@code reports/NAME.csv}.
 *
 * @param name file and table name
 * @param rows the report, lazily computed
 * @param columns CSV columns in order (the contract's required ones first)
 * @param sort the stable row order of the CSV
 */
public record Report(String name, Dataset<Row> rows, List<String> columns, List<String> sort) {}
