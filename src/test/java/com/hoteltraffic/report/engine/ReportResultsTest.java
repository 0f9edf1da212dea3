package com.hoteltraffic.report.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.hoteltraffic.testing.SparkTestSession;
import java.time.Instant;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Report rows as a DataFrame, for notebooks: the values go in unchanged. */
@ExtendWith(SparkTestSession.class)
class ReportResultsTest {
  private static final ReportSpec SPEC =
      new ReportSpec(
          "times",
          new StructType().add("name", DataTypes.StringType).add("at", DataTypes.TimestampType),
          List.of("at"),
          true);
  private static SparkSession spark;

  @BeforeAll
  static void start() {
    // Only to read the values back as Instants; the product never sets it.
    spark.conf().set("spark.sql.datetime.java8API.enabled", "true");
  }

  @Test
  void timestampsKeepEveryMicrosecondAtAnyDate() {
    List<String> instants =
        List.of(
            "1500-03-01T10:00:00.000001Z",
            "1969-12-31T23:59:59.999999Z",
            "2024-03-01T10:00:00.123457Z");
    List<ReportRow> rows =
        instants.stream()
            .map(text -> new ReportRow(SPEC.name(), new Object[] {text, Instant.parse(text)}))
            .toList();
    List<Row> back =
        ReportResults.of(List.of(SPEC), rows).dataFrame(spark, SPEC.name()).collectAsList();

    assertEquals(
        instants,
        back.stream().map(row -> row.getAs("at").toString()).toList(),
        "in order, to the microsecond, before 1582 and before 1970 too");
  }
}
