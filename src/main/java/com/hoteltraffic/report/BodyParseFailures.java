package com.hoteltraffic.report;

import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;

import com.hoteltraffic.model.ExchangeSchema;
import java.util.List;
import org.apache.spark.sql.types.StructType;

/**
 * Bodies that could not be read ({@code body_parse_failures}, in {@code run_summary.json} and on
 * the page, not written as a CSV): per provider × operation × body (request or response) × format,
 * the exchanges of the day whose body said it was JSON or XML (by {@code Content-Type}, or by its
 * first character) and was not well formed. The bodies counted are the ones the reports read: error
 * bodies of the providers whose error codes come from the body, and Hotelbeds booking requests and
 * responses. A plain-text or HTML gateway answer says neither and is not counted. A provider that
 * changes its format shows here instead of silently giving fewer codes and booking facts.
 */
public final class BodyParseFailures {
  public static final String PROVIDER = ExchangeSchema.PROVIDER;
  public static final String OPERATION = ExchangeSchema.OPERATION;
  public static final String BODY = "body";
  public static final String FORMAT = "format";
  public static final String COUNT = "count";
  public static final String FIRST_SEEN = "first_seen";
  public static final String LAST_SEEN = "last_seen";

  public static final StructType SCHEMA =
      new StructType()
          .add(PROVIDER, StringType, true)
          .add(OPERATION, StringType, true)
          .add(BODY, StringType, false)
          .add(FORMAT, StringType, false)
          .add(COUNT, LongType, false)
          .add(FIRST_SEEN, TimestampType, false)
          .add(LAST_SEEN, TimestampType, false);

  public static final List<String> COLUMNS = List.of(SCHEMA.fieldNames());

  public static final List<String> SORT = List.of(PROVIDER, OPERATION, BODY, FORMAT);

  private BodyParseFailures() {}
}
