package com.hoteltraffic.model;

import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Column names and the Spark schema of the classified exchanges table ({@code tables/exchanges}):
 * one row per recorded request/response exchange. Every stage after ingest reads these columns by
 * these constants; nothing else spells a column name out.
 *
 * <p>The table never holds a raw credential or a request body: credentials are already
 * pseudonymised into {@link #TOKEN_ID}, and only the booking facts that reconciliation needs are
 * kept from bodies.
 */
public final class ExchangeSchema {
  private ExchangeSchema() {}

  // Where the exchange came from.
  public static final String SOURCE = "source";
  public static final String LINE = "line";
  public static final String REQUEST_ID = "request_id";

  // When and what.
  public static final String TS = "ts";
  public static final String DURATION_MS = "duration_ms";
  public static final String PROVIDER = "provider";
  public static final String OPERATION = "operation";
  public static final String METHOD = "method";
  public static final String HOST = "host";
  public static final String PATH = "path";
  public static final String HOTEL_ID = "hotel_id";
  public static final String TOKEN_ID = "token_id";
  public static final String TOKEN_HINT = "token_hint";

  // Classification.
  public static final String HTTP_STATUS = "http_status";
  public static final String ERROR_CODE = "error_code";
  public static final String ERROR_CLASS = "error_class";
  public static final String RETRYABLE = "retryable";
  public static final String DOCUMENTED = "documented";
  public static final String IS_ERROR = "is_error";
  public static final String NO_RESPONSE_REASON = "no_response_reason";

  // CASY 429 body: {"error":"rate_limited","window_seconds":60,"limit":10}.
  public static final String RATE_LIMIT_LIMIT = "rate_limit_limit";
  public static final String RATE_LIMIT_WINDOW_S = "rate_limit_window_s";

  // Hotelbeds booking facts, for reconciliation.
  /** clientReference of a booking confirmation request (as sent). */
  public static final String CLIENT_REFERENCE = "client_reference";

  public static final String CHECK_IN = "check_in";
  public static final String CHECK_OUT = "check_out";

  /** Booking holder "name surname"; only filled with --include-pii. */
  public static final String HOLDER_NAME = "holder_name";

  /** Booking list request filters and page (query string and response page). */
  public static final String LIST_CLIENT_REFERENCE = "list_client_reference";

  public static final String LIST_FILTER_TYPE = "list_filter_type";
  public static final String LIST_START = "list_start";
  public static final String LIST_END = "list_end";

  /** The booking list's {@code status} query parameter (ALL, CONFIRMED, CANCELLED), as sent. */
  public static final String LIST_STATUS = "list_status";

  public static final String LIST_FROM = "list_from";
  public static final String LIST_TO = "list_to";
  public static final String LIST_TOTAL = "list_total";

  /** Bookings the response shows: confirmation, detail, change, cancellation or a list page. */
  public static final String BOOKINGS = "bookings";

  /**
   * 16 hex digits of SHA-256 over method, URL and request body: equal for calls sent unchanged
   * ({@code client_behaviour}). Last column, added with issue 16.
   */
  public static final String REQUEST_FINGERPRINT = "request_fingerprint";

  /**
   * {@link Environment#PRODUCTION} or {@link Environment#TEST}, from the host ({@code test_hosts}
   * in the provider rules). Last column, added with issue 21.
   */
  public static final String ENVIRONMENT = "environment";

  // Fields of one element of BOOKINGS.
  public static final String B_REFERENCE = "reference";
  public static final String B_CLIENT_REFERENCE = "client_reference";
  public static final String B_STATUS = "status";
  public static final String B_HOTEL_CODE = "hotel_code";
  public static final String B_CREATION_DATE = "creation_date";

  public static final StructType BOOKING_TYPE =
      new StructType(
          new StructField[] {
            field(B_REFERENCE, DataTypes.StringType),
            field(B_CLIENT_REFERENCE, DataTypes.StringType),
            field(B_STATUS, DataTypes.StringType),
            field(B_HOTEL_CODE, DataTypes.StringType),
            field(B_CREATION_DATE, DataTypes.StringType)
          });

  public static final StructType SCHEMA =
      new StructType(
          new StructField[] {
            field(SOURCE, DataTypes.StringType),
            field(LINE, DataTypes.LongType),
            field(REQUEST_ID, DataTypes.StringType),
            field(TS, DataTypes.TimestampType),
            field(DURATION_MS, DataTypes.LongType),
            field(PROVIDER, DataTypes.StringType),
            field(OPERATION, DataTypes.StringType),
            field(METHOD, DataTypes.StringType),
            field(HOST, DataTypes.StringType),
            field(PATH, DataTypes.StringType),
            field(HOTEL_ID, DataTypes.StringType),
            field(TOKEN_ID, DataTypes.StringType),
            field(TOKEN_HINT, DataTypes.StringType),
            field(HTTP_STATUS, DataTypes.IntegerType),
            field(ERROR_CODE, DataTypes.StringType),
            field(ERROR_CLASS, DataTypes.StringType),
            field(RETRYABLE, DataTypes.BooleanType),
            field(DOCUMENTED, DataTypes.BooleanType),
            field(IS_ERROR, DataTypes.BooleanType),
            field(NO_RESPONSE_REASON, DataTypes.StringType),
            field(RATE_LIMIT_LIMIT, DataTypes.IntegerType),
            field(RATE_LIMIT_WINDOW_S, DataTypes.IntegerType),
            field(CLIENT_REFERENCE, DataTypes.StringType),
            field(CHECK_IN, DataTypes.StringType),
            field(CHECK_OUT, DataTypes.StringType),
            field(HOLDER_NAME, DataTypes.StringType),
            field(LIST_CLIENT_REFERENCE, DataTypes.StringType),
            field(LIST_FILTER_TYPE, DataTypes.StringType),
            field(LIST_START, DataTypes.StringType),
            field(LIST_END, DataTypes.StringType),
            field(LIST_STATUS, DataTypes.StringType),
            field(LIST_FROM, DataTypes.IntegerType),
            field(LIST_TO, DataTypes.IntegerType),
            field(LIST_TOTAL, DataTypes.IntegerType),
            field(BOOKINGS, new ArrayType(BOOKING_TYPE, false)),
            field(REQUEST_FINGERPRINT, DataTypes.StringType),
            field(ENVIRONMENT, DataTypes.StringType)
          });

  private static StructField field(String name, DataType type) {
    return DataTypes.createStructField(name, type, true);
  }
}
