package com.hoteltraffic.report.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hoteltraffic.model.ErrorClass;
import com.hoteltraffic.model.Provider;
import com.hoteltraffic.report.Reports;
import com.hoteltraffic.report.rates.ErrorRates;
import com.hoteltraffic.testing.ExchangeRows;
import com.hoteltraffic.testing.SparkTestSession;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A report whose rows grow with the keys reaches the driver a window at a time, in exactly the
 * order the driver-side comparator gives: 300 hotels (ids chosen where UTF-16 order and code-point
 * order differ, plus none and empty) × 2 providers × 3 hourly windows, merged with a window of 100
 * rows, against the same traffic merged with an unbounded window (sorted on the driver by {@link
 * ReportResults#compareValues}, as every report was before).
 */
@ExtendWith(SparkTestSession.class)
class StreamedReportsTest {
  private static final int HOTELS = 300;
  private static final int WINDOW = 100;
  private static final String[] ODD_IDS = {"", "\uD83D\uDE00", "\uE000", "h\u00e9", "H0001 "};

  private static SparkSession spark;
  private static ReportResults streamed;
  private static ReportResults onDriver;

  @BeforeAll
  static void merge() {
    Dataset<Row> exchanges = traffic();
    streamed =
        ReportEngine.fromExchanges(exchanges, Reports.catalog(), ReportSettings.defaults(), WINDOW);
    onDriver =
        ReportEngine.fromExchanges(
            exchanges, Reports.catalog(), ReportSettings.defaults(), Integer.MAX_VALUE);
  }

  @AfterAll
  static void close() {
    streamed.close();
    onDriver.close();
  }

  /** Each hotel has 1 to 3 exchanges per provider and hour; every third one fails. */
  private static Dataset<Row> traffic() {
    List<String> hotels = new ArrayList<>();
    // Descending, so the merge does not get the hotels in their order.
    for (int h = HOTELS - ODD_IDS.length - 1; h >= 0; h--) {
      hotels.add(String.format("H%04d", h * 7 % 1000));
    }
    hotels.addAll(Arrays.asList(ODD_IDS));
    List<Row> rows = new ArrayList<>();
    int n = 0;
    for (int hour = 0; hour < 3; hour++) {
      for (String hotel : hotels) {
        for (String provider : List.of(Provider.CASY, Provider.HOTELBEDS)) {
          for (int i = 0; i <= (hotel.hashCode() & 0x7fff) % 3; i++) {
            boolean fails = n++ % 3 == 0;
            rows.add(
                ExchangeRows.row(
                    String.format("2024-03-01T%02d:%02d:00Z", 10 + hour, i * 10),
                    provider,
                    "tok_" + (n % 17),
                    hotel,
                    fails ? 500 : 200,
                    fails ? "internal_error" : "OK",
                    fails ? ErrorClass.SERVER_ERROR : ErrorClass.OK));
          }
        }
      }
    }
    return ExchangeRows.dataset(spark, rows);
  }

  private static List<String> drained(RowStream stream) {
    List<String> rows = new ArrayList<>();
    stream.forEachRemaining(row -> rows.add(Arrays.toString(row)));
    return rows;
  }

  @Test
  void aReportOfManyKeysReachesTheDriverAWindowAtATimeInTheDriverComparatorsOrder() {
    int hotelsWithNone = HOTELS + 1; // the exchanges name every hotel; no row without one
    assertEquals(
        (long) (hotelsWithNone - 1) * 2 * 3,
        streamed.count(Reports.ERROR_RATES_BY_HOTEL),
        "a row per hotel, provider and hour");
    RowStream stream = streamed.stream(Reports.ERROR_RATES_BY_HOTEL);
    List<String> rows = drained(stream);
    assertEquals(
        drained(onDriver.stream(Reports.ERROR_RATES_BY_HOTEL)),
        rows,
        "sorted in Spark, the rows come in the order the driver's comparator gives");
    assertEquals(1800, rows.size(), "every row written once");
    assertTrue(
        stream.maxBuffered() > 0 && stream.maxBuffered() <= WINDOW,
        "the driver held at most a window of rows at once: " + stream.maxBuffered());
    RowStream whole = onDriver.stream(Reports.ERROR_RATES_BY_HOTEL);
    drained(whole);
    assertEquals(1800, whole.maxBuffered(), "an unbounded window holds the whole report");
    assertTrue(
        streamed.readFromSpark(Reports.ERROR_RATES_BY_HOTEL),
        "1,800 rows over a window of " + WINDOW + " are read from Spark");
    assertFalse(
        onDriver.readFromSpark(Reports.ERROR_RATES_BY_HOTEL),
        "within the window the rows are held on the driver");
    assertFalse(
        streamed.readFromSpark(Reports.ERROR_CODES), "a report that is not streamed is held");
  }

  @Test
  void everyStreamedReportComesInTheSameOrderAsSortedOnTheDriver() {
    for (ReportSpec spec : streamed.specs()) {
      assertEquals(
          drained(onDriver.stream(spec.name())),
          drained(streamed.stream(spec.name())),
          "rows of " + spec.name());
    }
    assertEquals(
        List.of(
            Reports.ERROR_RATES_BY_HOTEL,
            Reports.ERROR_RATES_BY_TOKEN,
            Reports.ERROR_RATES_BY_PROVIDER,
            Reports.ERROR_RATES_BY_OPERATION,
            Reports.ACCESS_DENIED),
        streamed.specs().stream().filter(ReportSpec::streamed).map(ReportSpec::name).toList(),
        "the reports with a row per key and window, or per credential and hotel, are streamed");
  }

  @Test
  void aStreamedReportIsNeverOneListOnTheDriver() {
    IllegalStateException refused =
        assertThrows(
            IllegalStateException.class,
            () -> streamed.rows(Reports.ERROR_RATES_BY_HOTEL),
            "no list of a streamed report");
    assertTrue(refused.getMessage().contains("stream"), refused.getMessage());
    assertEquals(
        onDriver.rows(Reports.ERROR_CODES).size(),
        streamed.rows(Reports.ERROR_CODES).size(),
        "a report of few rows is still a list");
    assertEquals(
        4,
        streamed.rows(Reports.ERROR_CODES).size(),
        "OK and internal_error codes of each of the two providers");
  }

  @Test
  void topAndGroupedInSparkAnswerAsOnTheDriver() {
    List<String> columns = streamed.spec(Reports.ERROR_RATES_BY_HOTEL).columns();
    int errors = columns.indexOf(ErrorRates.ERRORS);
    int requests = columns.indexOf(ErrorRates.REQUESTS);
    int hotel = columns.indexOf("hotel_id");
    ReportResults.RowOrder mostErrors = (a, b) -> Long.compare((Long) b[errors], (Long) a[errors]);
    ReportResults.Top spark =
        streamed.top(Reports.ERROR_RATES_BY_HOTEL, row -> (Long) row[errors] > 0, mostErrors, 7);
    ReportResults.Top driver =
        onDriver.top(Reports.ERROR_RATES_BY_HOTEL, row -> (Long) row[errors] > 0, mostErrors, 7);
    assertEquals(texts(driver.rows()), texts(spark.rows()), "the same first rows, ties in order");
    assertEquals(driver.total(), spark.total(), "the same count");
    assertEquals(7, spark.rows().size(), "limited to 7");

    ReportResults.Grouping perHotel = new PerHotel(hotel, requests);
    ReportResults.RowOrder busiest =
        (a, b) -> {
          int compared = Long.compare((Long) b[1], (Long) a[1]);
          return compared != 0 ? compared : ReportResults.compareValues(a[0], b[0]);
        };
    ReportResults.Top sparkHotels =
        streamed.grouped(Reports.ERROR_RATES_BY_HOTEL, perHotel, row -> true, busiest, 5);
    ReportResults.Top driverHotels =
        onDriver.grouped(Reports.ERROR_RATES_BY_HOTEL, perHotel, row -> true, busiest, 5);
    assertEquals(texts(driverHotels.rows()), texts(sparkHotels.rows()), "the busiest hotels");
    assertEquals(HOTELS, sparkHotels.total(), "one group per hotel");
    assertEquals(5, sparkHotels.rows().size(), "limited to 5");
  }

  @Test
  void aStreamedReportsDataFrameHoldsItsRowsInOrderWithExactTimes() {
    Dataset<Row> spark =
        streamed.dataFrame(StreamedReportsTest.spark, Reports.ERROR_RATES_BY_HOTEL);
    Dataset<Row> driver =
        onDriver.dataFrame(StreamedReportsTest.spark, Reports.ERROR_RATES_BY_HOTEL);
    assertEquals(driver.schema(), spark.schema(), "the report's schema");
    List<String> sparkRows = spark.collectAsList().stream().map(Row::toString).toList();
    assertEquals(
        driver.collectAsList().stream().map(Row::toString).toList(),
        sparkRows,
        "the same rows in the same order");
    assertEquals(1800, sparkRows.size(), "every row");
    Object first = spark.first().get(0);
    assertEquals(
        Instant.parse("2024-03-01T10:00:00Z"),
        ((java.sql.Timestamp) first).toInstant(),
        "the first window's start");
  }

  /** Requests per hotel: a record, so that it names nothing but the two columns. */
  private record PerHotel(int hotel, int requests) implements ReportResults.Grouping {
    @Override
    public String group(Object[] row) {
      return ReportResults.groupKey(row[hotel]);
    }

    @Override
    public Object[] value(Object[] row) {
      return new Object[] {row[hotel], row[requests]};
    }

    @Override
    public Object[] merge(Object[] a, Object[] b) {
      return new Object[] {a[0], (Long) a[1] + (Long) b[1]};
    }
  }

  private static List<String> texts(List<Object[]> rows) {
    return rows.stream().map(Arrays::toString).toList();
  }
}
