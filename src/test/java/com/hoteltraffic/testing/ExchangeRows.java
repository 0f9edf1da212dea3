package com.hoteltraffic.testing;

import com.hoteltraffic.model.ErrorClass;
import com.hoteltraffic.model.ExchangeSchema;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * Builds classified exchange rows (schema {@link ExchangeSchema#SCHEMA}) for tests, so that a test
 * names only the columns it is about and every other column stays null.
 *
 * <pre>{@code
 * Dataset<Row> exchanges = ExchangeRows.dataset(spark, List.of(
 *     ExchangeRows.row("2024-03-01T10:00:00Z", Provider.CASY, "tok_a", "9994", 200, "OK", ErrorClass.OK),
 *     ExchangeRows.exchange("2024-03-01T10:00:05Z", Provider.CASY, "tok_a", "9994", 429,
 *             "rate_limited", ErrorClass.RATE_LIMITED)
 *         .rateLimit(10, 60).source("day1.har").toRow()));
 * }</pre>
 */
public final class ExchangeRows {
  private ExchangeRows() {}

  /**
   * One exchange; {@code is_error} follows from the class. {@code ts} is ISO-8601 with a zone
   * ({@code 2024-03-01T10:00:00Z}); {@code status} may be null for "no response".
   */
  public static Row row(
      String ts,
      String provider,
      String tokenId,
      String hotelId,
      Integer status,
      String errorCode,
      String errorClass) {
    return exchange(ts, provider, tokenId, hotelId, status, errorCode, errorClass).toRow();
  }

  /** A builder for an exchange that also needs columns beyond the common seven. */
  public static Builder exchange(
      String ts,
      String provider,
      String tokenId,
      String hotelId,
      Integer status,
      String errorCode,
      String errorClass) {
    return new Builder()
        .set(ExchangeSchema.TS, Timestamp.from(Instant.parse(ts)))
        .set(ExchangeSchema.PROVIDER, provider)
        .set(ExchangeSchema.TOKEN_ID, tokenId)
        .set(ExchangeSchema.HOTEL_ID, hotelId)
        .set(ExchangeSchema.HTTP_STATUS, status)
        .set(ExchangeSchema.ERROR_CODE, errorCode)
        .set(ExchangeSchema.ERROR_CLASS, errorClass)
        .set(
            ExchangeSchema.IS_ERROR, errorClass == null ? null : !ErrorClass.OK.equals(errorClass));
  }

  /** The rows as a Dataset with the exchanges schema. */
  public static Dataset<Row> dataset(SparkSession spark, List<Row> rows) {
    return spark.createDataFrame(rows, ExchangeSchema.SCHEMA);
  }

  /**
   * A generated exchanges Dataset: each column of {@link ExchangeSchema#SCHEMA} is the given
   * expression over {@code base} (e.g. {@code spark.range(n)}), or null when none is given. The
   * rows never pass through the driver.
   */
  public static Dataset<Row> generated(Dataset<?> base, Map<String, Column> columns) {
    for (String name : columns.keySet()) {
      ExchangeSchema.SCHEMA.fieldIndex(name); // fails fast on a misspelt column
    }
    Column[] all =
        Arrays.stream(ExchangeSchema.SCHEMA.fields())
            .map(
                field ->
                    columns
                        .getOrDefault(field.name(), functions.lit(null))
                        .cast(field.dataType())
                        .as(field.name()))
            .toArray(Column[]::new);
    return base.select(all);
  }

  /** Sets columns by their {@link ExchangeSchema} name; the value must match the column type. */
  public static final class Builder {
    private final Object[] values = new Object[ExchangeSchema.SCHEMA.fields().length];

    private Builder() {}

    public Builder set(String column, Object value) {
      values[ExchangeSchema.SCHEMA.fieldIndex(column)] = value;
      return this;
    }

    /**
     * The values of a CASY 429 body: {@code
     * {"error":"rate_limited","window_seconds":..,"limit":..}}.
     */
    public Builder rateLimit(int limit, int windowSeconds) {
      return set(ExchangeSchema.RATE_LIMIT_LIMIT, limit)
          .set(ExchangeSchema.RATE_LIMIT_WINDOW_S, windowSeconds);
    }

    /** The input file the exchange was read from. */
    public Builder source(String source) {
      return set(ExchangeSchema.SOURCE, source);
    }

    public Row toRow() {
      return RowFactory.create(values.clone());
    }
  }
}
