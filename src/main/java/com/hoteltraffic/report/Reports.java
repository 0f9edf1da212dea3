package com.hoteltraffic.report;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;

import com.hoteltraffic.model.ExchangeSchema;
import java.util.List;
import org.apache.spark.sql.types.StructType;

/**
 * The one list of reports. The job writes each, {@code report.html} and {@code run_summary.json}
 * read their rows, and the notebook API offers each as a view; all loop over {@link #all}. Adding a
 * report is an entry here, a {@link Piece} that computes its rows in {@link ReportFold}, and tests.
 */
public final class Reports {
  public static final String ERROR_RATES_BY_HOTEL = "error_rates_by_hotel";
  public static final String ERROR_RATES_BY_TOKEN = "error_rates_by_token";

  /** Not written by the job: the series of the page's charts, and a notebook view. */
  public static final String ERROR_RATES_BY_PROVIDER = "error_rates_by_provider";

  public static final String ERROR_CODES = "error_codes";
  public static final String RATE_LIMIT_BURSTS = "rate_limit_bursts";
  public static final String DB_OUTAGES = "db_outages";
  public static final String UNCONFIRMED_BOOKINGS = "unconfirmed_bookings";
  public static final String ERROR_RATES_BY_OPERATION = "error_rates_by_operation";

  /** Read by name by the alerts: keep the name and the columns of {@link CredentialHealth}. */
  public static final String CREDENTIAL_HEALTH = "credential_health";

  public static final String ACCESS_DENIED = "access_denied";
  public static final String CLIENT_BEHAVIOUR = "client_behaviour";

  /** Not written as a CSV: in {@code run_summary.json} and on the page. */
  public static final String BODY_PARSE_FAILURES = "body_parse_failures";

  /** Every column type the rate and code reports use, by column name. */
  private static final StructType TYPES =
      new StructType()
          .add(ErrorRates.WINDOW_START, TimestampType)
          .add(ErrorRates.WINDOW_END, TimestampType)
          .add(ExchangeSchema.PROVIDER, StringType)
          .add(ExchangeSchema.HOTEL_ID, StringType)
          .add(ExchangeSchema.TOKEN_ID, StringType)
          .add(ExchangeSchema.TOKEN_HINT, StringType)
          .add(ErrorRates.REQUESTS, LongType)
          .add(ErrorRates.ERRORS, LongType)
          .add(ErrorRates.ERROR_RATE, DoubleType)
          .add(ErrorRates.RATE_LIMITED, LongType)
          .add(ErrorRates.NO_RESPONSE, LongType)
          .add(ErrorRates.SERVER_ERRORS, LongType)
          .add(ErrorRates.LATENCY_P50_MS, LongType)
          .add(ErrorRates.LATENCY_P95_MS, LongType)
          .add(ErrorRates.LATENCY_P99_MS, LongType)
          .add(ExchangeSchema.HTTP_STATUS, IntegerType)
          .add(ExchangeSchema.ERROR_CODE, StringType)
          .add(ExchangeSchema.ERROR_CLASS, StringType)
          .add(ErrorCodes.COUNT, LongType)
          .add(ErrorCodes.FIRST_SEEN, TimestampType)
          .add(ErrorCodes.LAST_SEEN, TimestampType)
          .add(ExchangeSchema.DOCUMENTED, BooleanType)
          .add(ExchangeSchema.RETRYABLE, BooleanType);

  private Reports() {}

  /** Every report, in the order the job writes them (the per-provider series is not written). */
  public static List<ReportSpec> all(boolean includePii) {
    return List.of(
        new ReportSpec(
            ERROR_RATES_BY_HOTEL,
            ReportSpec.schema(ErrorRates.BY_HOTEL_COLUMNS, TYPES),
            ErrorRates.BY_HOTEL_SORT,
            true),
        new ReportSpec(
            ERROR_RATES_BY_TOKEN,
            ReportSpec.schema(ErrorRates.BY_TOKEN_COLUMNS, TYPES),
            ErrorRates.BY_TOKEN_SORT,
            true),
        new ReportSpec(
            ERROR_RATES_BY_PROVIDER,
            ReportSpec.schema(ErrorRates.BY_PROVIDER_COLUMNS, TYPES),
            ErrorRates.BY_PROVIDER_SORT,
            false),
        new ReportSpec(
            ERROR_CODES, ReportSpec.schema(ErrorCodes.COLUMNS, TYPES), ErrorCodes.SORT, true),
        new ReportSpec(RATE_LIMIT_BURSTS, RateLimitBursts.SCHEMA, RateLimitBursts.SORT, true),
        new ReportSpec(DB_OUTAGES, DbOutages.SCHEMA, DbOutages.SORT, true),
        new ReportSpec(
            UNCONFIRMED_BOOKINGS,
            BookingReconciliation.schema(includePii),
            BookingReconciliation.SORT,
            true),
        new ReportSpec(
            ERROR_RATES_BY_OPERATION,
            ErrorRatesByOperation.SCHEMA,
            ErrorRatesByOperation.SORT,
            true),
        new ReportSpec(CREDENTIAL_HEALTH, CredentialHealth.SCHEMA, CredentialHealth.SORT, true),
        new ReportSpec(ACCESS_DENIED, AccessDenied.SCHEMA, AccessDenied.SORT, true),
        new ReportSpec(CLIENT_BEHAVIOUR, ClientBehaviour.SCHEMA, ClientBehaviour.SORT, true),
        new ReportSpec(
            BODY_PARSE_FAILURES, BodyParseFailures.SCHEMA, BodyParseFailures.SORT, false));
  }

  /** The report of that name. */
  public static ReportSpec named(String name, boolean includePii) {
    return all(includePii).stream()
        .filter(spec -> spec.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("No report named " + name));
  }
}
