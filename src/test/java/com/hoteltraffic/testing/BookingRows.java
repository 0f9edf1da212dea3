package com.hoteltraffic.testing;

import com.hoteltraffic.model.ExchangeSchema;
import com.hoteltraffic.model.Operation;
import com.hoteltraffic.model.Provider;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;

/**
 * Hotelbeds booking exchanges as already parsed rows of {@link ExchangeSchema#SCHEMA}, for tests of
 * the stages after ingest. JSON and XML responses fill the same columns, so "XML" here only shows
 * in {@link ExchangeSchema#SOURCE}; {@code XmlBookingTrafficTest} reads real XML bodies.
 *
 * <p>Every factory returns a {@link Builder}; set what the case needs and call {@link
 * Builder#row()}.
 */
public final class BookingRows {
  private BookingRows() {}

  public static final String JSON_SOURCE = "traffic.jsonl";
  public static final String XML_SOURCE = "traffic-xml.har";

  private static long nextLine = 1;

  /** One element of {@link ExchangeSchema#BOOKINGS}, without a creation date. */
  public static Row booking(String reference, String clientReference, String status) {
    return booking(reference, clientReference, status, null);
  }

  /** One element of {@link ExchangeSchema#BOOKINGS} of hotel "1234". */
  public static Row booking(
      String reference, String clientReference, String status, String creationDate) {
    return RowFactory.create(reference, clientReference, status, "1234", creationDate);
  }

  /** A booking confirmation ({@code POST /bookings}) of hotel "1234" by credential tok_a. */
  public static Builder confirmation(String ts, String clientReference, Integer httpStatus) {
    return hotelbeds(ts, Operation.HB_BOOKING_CONFIRMATION, "POST", "/hotel-api/1.0/bookings")
        .set(ExchangeSchema.HOTEL_ID, "1234")
        .set(ExchangeSchema.CLIENT_REFERENCE, clientReference)
        .set(ExchangeSchema.CHECK_IN, "2024-05-01")
        .set(ExchangeSchema.CHECK_OUT, "2024-05-03")
        .status(httpStatus);
  }

  /** A successful confirmation whose response shows {@code booking}. */
  public static Builder confirmed(String ts, String clientReference, Row booking) {
    return confirmation(ts, clientReference, 200).bookings(booking);
  }

  /** A successful booking list page ({@code GET /bookings}) with from=1, to=100. */
  public static Builder list(String ts, Integer total, Row... bookings) {
    return hotelbeds(ts, Operation.HB_BOOKING_LIST, "GET", "/hotel-api/1.0/bookings")
        .status(200)
        .set(ExchangeSchema.LIST_FROM, 1)
        .set(ExchangeSchema.LIST_TO, 100)
        .set(ExchangeSchema.LIST_TOTAL, total)
        .set(ExchangeSchema.LIST_STATUS, "ALL")
        .bookings(bookings);
  }

  /** {@link #list} filtered by a client reference over a creation-date range. */
  public static Builder listByReference(
      String ts, String clientReference, String start, String end, Integer total, Row... bookings) {
    return list(ts, total, bookings)
        .set(ExchangeSchema.LIST_CLIENT_REFERENCE, clientReference)
        .set(ExchangeSchema.LIST_FILTER_TYPE, "CREATION")
        .set(ExchangeSchema.LIST_START, start)
        .set(ExchangeSchema.LIST_END, end);
  }

  /** {@link #list} of everything created in start..end. */
  public static Builder listByCreation(
      String ts, String start, String end, Integer total, Row... bookings) {
    return list(ts, total, bookings)
        .set(ExchangeSchema.LIST_FILTER_TYPE, "CREATION")
        .set(ExchangeSchema.LIST_START, start)
        .set(ExchangeSchema.LIST_END, end);
  }

  /** A successful booking detail ({@code GET /bookings/{ref}}). */
  public static Builder detail(String ts, Row booking) {
    return hotelbeds(ts, Operation.HB_BOOKING_DETAIL, "GET", "/hotel-api/1.0/bookings/x")
        .status(200)
        .bookings(booking);
  }

  /** A successful cancellation ({@code DELETE /bookings/{ref}}). */
  public static Builder cancellation(String ts, Row booking) {
    return hotelbeds(ts, Operation.HB_BOOKING_CANCELLATION, "DELETE", "/hotel-api/1.0/bookings/x")
        .status(200)
        .bookings(booking);
  }

  public static Dataset<Row> dataset(SparkSession spark, List<Row> rows) {
    return spark.createDataFrame(rows, ExchangeSchema.SCHEMA);
  }

  private static synchronized Builder hotelbeds(
      String ts, String operation, String method, String path) {
    return new Builder()
        .set(ExchangeSchema.SOURCE, JSON_SOURCE)
        .set(ExchangeSchema.LINE, nextLine++)
        .set(ExchangeSchema.TS, Timestamp.from(Instant.parse(ts)))
        .set(ExchangeSchema.PROVIDER, Provider.HOTELBEDS)
        .set(ExchangeSchema.OPERATION, operation)
        .set(ExchangeSchema.METHOD, method)
        .set(ExchangeSchema.HOST, "api.hotelbeds.com")
        .set(ExchangeSchema.PATH, path)
        .set(ExchangeSchema.TOKEN_ID, "tok_a")
        .set(ExchangeSchema.BOOKINGS, List.of());
  }

  /** Column values by name; unset columns are null. */
  public static final class Builder {
    private final Map<String, Object> values = new HashMap<>();

    public Builder set(String column, Object value) {
      ExchangeSchema.SCHEMA.fieldIndex(column); // fails fast on a misspelt column
      values.put(column, value);
      return this;
    }

    /** HTTP status (null: no response) with a plausible error code. */
    public Builder status(Integer httpStatus) {
      set(ExchangeSchema.HTTP_STATUS, httpStatus);
      if (httpStatus == null) {
        return set(ExchangeSchema.ERROR_CODE, "NO_RESPONSE");
      }
      return set(ExchangeSchema.ERROR_CODE, httpStatus == 200 ? "OK" : "HTTP_" + httpStatus);
    }

    public Builder bookings(Row... bookings) {
      return set(ExchangeSchema.BOOKINGS, List.of(bookings));
    }

    public Builder xml() {
      return set(ExchangeSchema.SOURCE, XML_SOURCE);
    }

    public Row row() {
      StructField[] fields = ExchangeSchema.SCHEMA.fields();
      Object[] row = new Object[fields.length];
      for (int i = 0; i < fields.length; i++) {
        row[i] = values.get(fields[i].name());
      }
      return RowFactory.create(row);
    }
  }
}
