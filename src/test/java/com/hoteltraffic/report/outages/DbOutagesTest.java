package com.hoteltraffic.report.outages;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.hoteltraffic.model.ErrorClass;
import com.hoteltraffic.model.Provider;
import com.hoteltraffic.testing.ExchangeRows;
import com.hoteltraffic.testing.SparkTestSession;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SparkTestSession.class)
class DbOutagesTest {
  private static final Duration GAP = Duration.ofMinutes(5);
  private static final int MIN = 3;

  private static SparkSession spark;

  @Test
  void findsEveryKnownOutageWithExactBoundsCountsAndRecoveryAndNothingElse() {
    List<Row> rows =
        List.of(
            // Hotel 9994: three tenant failures of two credentials; it recovers in the same
            // minute as its last failure. Another hotel's earlier success does not count.
            tenantDown("2024-03-01T10:00:00Z", "tok_a", "9994"),
            tenantDown("2024-03-01T10:01:00Z", "tok_b", "9994"),
            tenantDown("2024-03-01T10:02:00Z", "tok_a", "9994"),
            ok("2024-03-01T10:02:10Z", "tok_a", "9995"),
            ok("2024-03-01T10:02:30Z", "tok_b", "9994"),
            // Hotel 9995: gaps of 3 min join; a success in the middle and one at the very
            // instant of the last failure are not recoveries; the next success 14 min later is.
            tenantDown("2024-03-01T11:00:00Z", "tok_a", "9995"),
            tenantDown("2024-03-01T11:03:00Z", "tok_a", "9995"),
            ok("2024-03-01T11:05:00Z", "tok_a", "9995"),
            tenantDown("2024-03-01T11:06:00Z", "tok_a", "9995"),
            ok("2024-03-01T11:06:00Z", "tok_b", "9995"),
            ok("2024-03-01T11:20:15Z", "tok_b", "9995"),
            // Hotel 9996: two failures only.
            tenantDown("2024-03-01T11:00:00Z", "tok_a", "9996"),
            tenantDown("2024-03-01T11:01:00Z", "tok_a", "9996"),
            // Central: five failures over three hotels and three credentials, three of them of
            // hotel 9994 (enough for a tenant outage, were they counted per hotel); any hotel's
            // success afterwards is the recovery.
            centralDown("2024-03-01T12:00:00Z", "tok_a", "9994"),
            centralDown("2024-03-01T12:00:30Z", "tok_b", "9995"),
            centralDown("2024-03-01T12:01:00Z", "tok_a", "9996"),
            centralDown("2024-03-01T12:02:00Z", "tok_a", "9994"),
            centralDown("2024-03-01T12:04:00Z", "tok_c", "9994"),
            ok("2024-03-01T12:09:59Z", "tok_d", "9999"));

    assertEquals(
        List.of(
            "casy|central|null|2024-03-01T12:00:00Z|2024-03-01T12:04:00Z|5|240.0|3|3|2024-03-01T12:09:59Z",
            "casy|tenant|9994|2024-03-01T10:00:00Z|2024-03-01T10:02:00Z|3|120.0|2|1|2024-03-01T10:02:30Z",
            "casy|tenant|9995|2024-03-01T11:00:00Z|2024-03-01T11:06:00Z|3|360.0|1|1|2024-03-01T11:20:15Z"),
        outages(rows, GAP, MIN),
        "one central outage (not one tenant outage per hotel), two tenant outages, 9996 too short");
  }

  @Test
  void recoveredAtIsEmptyWithoutALaterSuccess() {
    List<Row> rows =
        List.of(
            ok("2024-03-01T09:00:00Z", "tok_a", "9994"),
            tenantDown("2024-03-01T10:00:00Z", "tok_a", "9994"),
            tenantDown("2024-03-01T10:00:01Z", "tok_a", "9994"),
            tenantDown("2024-03-01T10:00:02Z", "tok_a", "9994"),
            ok("2024-03-01T10:00:03Z", "tok_a", "9995"));
    assertEquals(
        List.of("casy|tenant|9994|2024-03-01T10:00:00Z|2024-03-01T10:00:02Z|3|2.0|1|1|null"),
        outages(rows, GAP, MIN),
        "only an earlier success and another hotel's success exist");
  }

  @Test
  void recoveryIsTheFirstSuccessAfterTheEndEvenAmongSuccessesOfTheSameMinute() {
    List<Row> rows =
        List.of(
            // Successes before, at and after the last failure, all in minute 10:02; the minute's
            // first success is not the recovery, the one 1 ms after the end is.
            ok("2024-03-01T10:02:00.001Z", "tok_a", "9994"),
            tenantDown("2024-03-01T10:00:00Z", "tok_a", "9994"),
            tenantDown("2024-03-01T10:01:00Z", "tok_a", "9994"),
            tenantDown("2024-03-01T10:02:30Z", "tok_a", "9994"),
            ok("2024-03-01T10:02:30Z", "tok_b", "9994"),
            ok("2024-03-01T10:02:59.999Z", "tok_b", "9994"),
            ok("2024-03-01T10:02:30.001Z", "tok_a", "9994"),
            // Central: any hotel's success counts, so the first after its end is hotel 9994's at
            // 10:02:59.999, not the first of a later minute.
            centralDown("2024-03-01T10:02:00Z", "tok_a", "9994"),
            centralDown("2024-03-01T10:02:10Z", "tok_a", "9994"),
            centralDown("2024-03-01T10:02:40Z", "tok_a", "9995"),
            ok("2024-03-01T10:04:07Z", "tok_c", "9996"),
            ok("2024-03-01T10:04:05Z", "tok_c", "9997"));
    assertEquals(
        List.of(
            "casy|central|null|2024-03-01T10:02:00Z|2024-03-01T10:02:40Z|3|40.0|1|2|2024-03-01T10:02:59.999Z",
            "casy|tenant|9994|2024-03-01T10:00:00Z|2024-03-01T10:02:30Z|3|150.0|1|1|2024-03-01T10:02:30.001Z"),
        outages(rows, GAP, MIN),
        "both recover at the first success after their end, within the minute");
  }

  @Test
  void tenantFailuresWithoutAHotelAreOneKeyThatRecoversWithSuccessesWithoutAHotel() {
    List<Row> rows =
        List.of(
            tenantDown("2024-03-01T10:00:00Z", "tok_a", null),
            tenantDown("2024-03-01T10:01:00Z", "tok_b", null),
            tenantDown("2024-03-01T10:02:00Z", "tok_a", null),
            ok("2024-03-01T10:03:00Z", "tok_a", "9994"),
            ok("2024-03-01T10:09:00Z", "tok_a", null));
    assertEquals(
        List.of(
            "casy|tenant|null|2024-03-01T10:00:00Z|2024-03-01T10:02:00Z|3|120.0|2|0|2024-03-01T10:09:00Z"),
        outages(rows, GAP, MIN),
        "grouped under a null hotel; a hotel's success is not its recovery");
  }

  @Test
  void aLoneFailureIsNoOutageUnlessTheMinimumAllowsIt() {
    List<Row> rows = List.of(tenantDown("2024-03-01T10:00:00Z", "tok_a", "9994"));
    assertEquals(List.of(), outages(rows, GAP, MIN), "one failure at --outage-min 3");
    assertEquals(
        List.of("casy|tenant|9994|2024-03-01T10:00:00Z|2024-03-01T10:00:00Z|1|0.0|1|1|null"),
        outages(rows, GAP, 1),
        "one failure at --outage-min 1");
  }

  @Test
  void twoRunsSeparatedByMoreThanTheGapAreTwoOutages() {
    List<Row> rows =
        List.of(
            centralDown("2024-03-01T10:00:00Z", "tok_a", "9994"),
            centralDown("2024-03-01T10:01:00Z", "tok_a", "9994"),
            centralDown("2024-03-01T10:02:00Z", "tok_a", "9994"),
            // 5 min 1 s after the last one.
            centralDown("2024-03-01T10:07:01Z", "tok_a", "9995"),
            centralDown("2024-03-01T10:08:00Z", "tok_a", "9995"),
            centralDown("2024-03-01T10:09:00Z", "tok_a", "9995"));
    assertEquals(
        List.of(
            "casy|central|null|2024-03-01T10:00:00Z|2024-03-01T10:02:00Z|3|120.0|1|1|null",
            "casy|central|null|2024-03-01T10:07:01Z|2024-03-01T10:09:00Z|3|119.0|1|1|null"),
        outages(rows, GAP, MIN),
        "a gap of 5 min 1 s splits at --outage-gap 5m");
    assertEquals(
        List.of("casy|central|null|2024-03-01T10:00:00Z|2024-03-01T10:09:00Z|6|540.0|1|2|null"),
        outages(rows, Duration.ofMinutes(6), MIN),
        "at --outage-gap 6m they are one");
  }

  @Test
  void aGapExactlyEqualToTheThresholdJoins() {
    List<Row> rows =
        List.of(
            tenantDown("2024-03-01T10:00:00Z", "tok_a", "9994"),
            tenantDown("2024-03-01T10:05:00Z", "tok_a", "9994"),
            tenantDown("2024-03-01T10:10:00Z", "tok_a", "9994"));
    assertEquals(
        List.of("casy|tenant|9994|2024-03-01T10:00:00Z|2024-03-01T10:10:00Z|3|600.0|1|1|null"),
        outages(rows, GAP, MIN),
        "gaps of exactly 5 min join at --outage-gap 5m");
    assertEquals(
        List.of(),
        outages(rows, GAP.minusSeconds(1), MIN),
        "at 4 min 59 s every failure is alone, below the minimum");
  }

  @Test
  void theMinimumDecidesWhichOutagesAreKept() {
    List<Row> rows =
        List.of(
            tenantDown("2024-03-01T10:00:00Z", "tok_a", "9994"),
            tenantDown("2024-03-01T10:01:00Z", "tok_a", "9994"),
            tenantDown("2024-03-01T10:02:00Z", "tok_a", "9994"));
    assertEquals(1, outages(rows, GAP, 3).size(), "3 failures at --outage-min 3");
    assertEquals(List.of(), outages(rows, GAP, 4), "3 failures at --outage-min 4");
  }

  @Test
  void anOutageCrossingMidnightAndFilesIsOneOutage() {
    List<Row> rows =
        List.of(
            ExchangeRows.exchange(
                    "2024-03-02T00:02:00Z",
                    Provider.CASY,
                    "tok_a",
                    "9994",
                    502,
                    DbOutages.TENANT_DB_UNAVAILABLE,
                    ErrorClass.UPSTREAM_UNAVAILABLE)
                .source("day2.har")
                .toRow(),
            ExchangeRows.exchange(
                    "2024-03-01T23:58:00Z",
                    Provider.CASY,
                    "tok_a",
                    "9994",
                    502,
                    DbOutages.TENANT_DB_UNAVAILABLE,
                    ErrorClass.UPSTREAM_UNAVAILABLE)
                .source("day1.har")
                .toRow(),
            ExchangeRows.exchange(
                    "2024-03-02T00:00:00Z",
                    Provider.CASY,
                    "tok_a",
                    "9994",
                    502,
                    DbOutages.TENANT_DB_UNAVAILABLE,
                    ErrorClass.UPSTREAM_UNAVAILABLE)
                .source("day2.har")
                .toRow());
    assertEquals(
        List.of("casy|tenant|9994|2024-03-01T23:58:00Z|2024-03-02T00:02:00Z|3|240.0|1|1|null"),
        outages(rows, GAP, MIN),
        "one outage across two files and midnight");
  }

  // --- helpers ---

  private static List<String> outages(List<Row> rows, Duration gap, int min) {
    Column[] sort = DbOutages.SORT.stream().map(c -> col(c)).toArray(Column[]::new);
    return DbOutages.detect(ExchangeRows.dataset(spark, rows), gap, min)
        .orderBy(sort)
        .collectAsList()
        .stream()
        .map(DbOutagesTest::render)
        .collect(Collectors.toList());
  }

  /** The row's columns in {@link DbOutages#COLUMNS} order, timestamps as ISO instants. */
  private static String render(Row row) {
    List<String> cells = new ArrayList<>();
    for (String column : DbOutages.COLUMNS) {
      Object value = row.getAs(column);
      cells.add(
          value instanceof java.sql.Timestamp t ? t.toInstant().toString() : String.valueOf(value));
    }
    return String.join("|", cells);
  }

  private static Row tenantDown(String ts, String token, String hotel) {
    return ExchangeRows.row(
        ts,
        Provider.CASY,
        token,
        hotel,
        502,
        DbOutages.TENANT_DB_UNAVAILABLE,
        ErrorClass.UPSTREAM_UNAVAILABLE);
  }

  private static Row centralDown(String ts, String token, String hotel) {
    return ExchangeRows.row(
        ts,
        Provider.CASY,
        token,
        hotel,
        502,
        DbOutages.CENTRAL_DB_UNAVAILABLE,
        ErrorClass.UPSTREAM_UNAVAILABLE);
  }

  private static Row ok(String ts, String token, String hotel) {
    return ExchangeRows.row(ts, Provider.CASY, token, hotel, 200, "OK", ErrorClass.OK);
  }
}
