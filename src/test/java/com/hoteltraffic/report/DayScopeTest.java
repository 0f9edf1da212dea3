package com.hoteltraffic.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.hoteltraffic.model.ErrorClass;
import com.hoteltraffic.model.ExchangeSchema;
import com.hoteltraffic.model.Provider;
import com.hoteltraffic.testing.ExchangeRows;
import com.hoteltraffic.testing.SparkTestSession;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SparkTestSession.class)
class DayScopeTest {
  private static final DayScope ZURICH_DAY =
      new DayScope(
          LocalDate.parse("2026-03-10"),
          ZoneId.of("Europe/Zurich"),
          Duration.ofHours(6),
          Duration.ofHours(24));
  private static SparkSession spark;

  @Test
  void dayBoundsAreLocalMidnightsAndTheReadWindowWidensThem() {
    // Zurich is UTC+1 in March before the daylight-saving change.
    assertEquals(Instant.parse("2026-03-09T23:00:00Z"), ZURICH_DAY.dayStart(), "day start");
    assertEquals(Instant.parse("2026-03-10T23:00:00Z"), ZURICH_DAY.dayEnd(), "day end");
    assertEquals(Instant.parse("2026-03-09T17:00:00Z"), ZURICH_DAY.readFrom(), "read from");
    assertEquals(Instant.parse("2026-03-11T23:00:00Z"), ZURICH_DAY.readUntil(), "read until");
    assertEquals("date=2026-03-10", ZURICH_DAY.partitionName(), "output folder");
  }

  @Test
  void aDaylightSavingDayHas23Hours() {
    DayScope springForward =
        new DayScope(
            LocalDate.parse("2026-03-29"),
            ZoneId.of("Europe/Zurich"),
            Duration.ZERO,
            Duration.ZERO);
    assertEquals(
        Duration.ofHours(23),
        Duration.between(springForward.dayStart(), springForward.dayEnd()),
        "length of the spring-forward day");
  }

  @Test
  void readWindowAndDayKeepExactlyTheirHalfOpenRanges() {
    Dataset<Row> exchanges =
        ExchangeRows.dataset(
            spark,
            List.of(
                exchange("2026-03-09T16:59:59Z"), // before the look-back
                exchange("2026-03-09T17:00:00Z"), // first instant of the look-back
                exchange("2026-03-09T22:59:59Z"), // last of the look-back
                exchange("2026-03-09T23:00:00Z"), // local midnight: the day's first instant
                exchange("2026-03-10T22:59:59Z"), // the day's last second
                exchange("2026-03-10T23:00:00Z"), // next local midnight: look-ahead
                exchange("2026-03-11T22:59:59Z"), // last of the look-ahead
                exchange("2026-03-11T23:00:00Z"))); // after it

    assertEquals(
        List.of(
            "2026-03-09T17:00:00Z",
            "2026-03-09T22:59:59Z",
            "2026-03-09T23:00:00Z",
            "2026-03-10T22:59:59Z",
            "2026-03-10T23:00:00Z",
            "2026-03-11T22:59:59Z"),
        timestamps(DayScope.readWindow(exchanges, ZURICH_DAY), ExchangeSchema.TS),
        "read window");
    assertEquals(
        List.of("2026-03-09T23:00:00Z", "2026-03-10T22:59:59Z"),
        timestamps(DayScope.dayOnly(exchanges, ZURICH_DAY), ExchangeSchema.TS),
        "the day");
  }

  @Test
  void incidentsOverlappingTheDayAreKeptWhole() {
    StructType schema =
        new StructType().add("start", DataTypes.TimestampType).add("end", DataTypes.TimestampType);
    Dataset<Row> incidents =
        spark.createDataFrame(
            List.of(
                incident(
                    "2026-03-09T20:00:00Z",
                    "2026-03-09T22:59:00Z"), // ended in the look-back: not the day's
                incident(
                    "2026-03-09T22:30:00Z",
                    "2026-03-09T23:00:00Z"), // ends at the day's first instant
                incident(
                    "2026-03-09T22:30:00Z",
                    "2026-03-10T01:00:00Z"), // began before midnight, ran into the day
                incident("2026-03-10T12:00:00Z", "2026-03-10T12:05:00Z"), // inside the day
                incident(
                    "2026-03-10T22:50:00Z", "2026-03-11T02:00:00Z"), // ran on into the look-ahead
                incident(
                    "2026-03-10T23:00:00Z",
                    "2026-03-10T23:30:00Z")), // began at the next midnight: tomorrow's
            schema);

    assertEquals(
        List.of(
            "2026-03-09T22:30:00Z",
            "2026-03-09T22:30:00Z",
            "2026-03-10T12:00:00Z",
            "2026-03-10T22:50:00Z"),
        timestamps(DayScope.overlappingDay(incidents, "start", "end", ZURICH_DAY), "start"),
        "incidents reported for the day, by start");
    assertEquals(
        List.of("2026-03-10T12:00:00Z", "2026-03-10T22:50:00Z"),
        timestamps(DayScope.startingInDay(incidents, "start", ZURICH_DAY), "start"),
        "rows whose timestamp lies in the day");
  }

  @Test
  void negativeWindowsAreRejected() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new DayScope(
                LocalDate.parse("2026-03-10"),
                ZoneId.of("UTC"),
                Duration.ofHours(-1),
                Duration.ZERO));
  }

  private static Row exchange(String ts) {
    return ExchangeRows.row(ts, Provider.CASY, "tok_a", "9994", 200, null, ErrorClass.OK);
  }

  private static Row incident(String start, String end) {
    return RowFactory.create(
        Timestamp.from(Instant.parse(start)), Timestamp.from(Instant.parse(end)));
  }

  private static List<String> timestamps(Dataset<Row> rows, String column) {
    return rows.orderBy(column).collectAsList().stream()
        .map(row -> ((Timestamp) row.getAs(column)).toInstant().toString())
        .toList();
  }
}
