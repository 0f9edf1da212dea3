package com.hoteltraffic.report.bursts;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.timestamp_micros;
import static org.apache.spark.sql.functions.when;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.hoteltraffic.model.ErrorClass;
import com.hoteltraffic.model.ExchangeSchema;
import com.hoteltraffic.model.Provider;
import com.hoteltraffic.testing.ExchangeRows;
import com.hoteltraffic.testing.SparkTestSession;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SparkTestSession.class)
class RateLimitBurstsTest {
  private static final Duration GAP = Duration.ofSeconds(60);
  private static final int MIN = 5;

  private static SparkSession spark;

  @Test
  void findsEveryKnownBurstWithExactBoundsCountsAndExtrasAndNothingElse() {
    List<Row> rows =
        List.of(
            casyOk("2024-03-01T09:59:50Z", "tok_a", "1001"),
            casy429("2024-03-01T10:00:00Z", "tok_a", "1001"),
            casyOk("2024-03-01T10:00:05Z", "tok_a", "1001"),
            casy429("2024-03-01T10:00:10Z", "tok_a", "1002"),
            casy429("2024-03-01T10:00:20Z", "tok_a", "1001"),
            // Another error class in between neither joins nor splits the burst.
            ExchangeRows.row(
                "2024-03-01T10:00:25Z",
                Provider.CASY,
                "tok_a",
                "1001",
                502,
                "tenant_db_unavailable",
                ErrorClass.UPSTREAM_UNAVAILABLE),
            casy429("2024-03-01T10:00:30Z", "tok_a", "1002"),
            casy429("2024-03-01T10:00:40Z", "tok_a", "1001"),
            casyOk("2024-03-01T10:00:45Z", "tok_a", "1001"),
            // Four rejections of another credential: below --burst-min.
            casy429("2024-03-01T10:00:00Z", "tok_b", "1001"),
            casy429("2024-03-01T10:00:10Z", "tok_b", "1001"),
            casy429("2024-03-01T10:00:20Z", "tok_b", "1001"),
            casy429("2024-03-01T10:00:30Z", "tok_b", "1001"),
            // Hotelbeds: 403 over-QPS and 429 are both rate_limited; 2 s pauses after each.
            hbQps("2024-03-01T12:00:00Z", "tok_h", 403),
            hbQps("2024-03-01T12:00:02Z", "tok_h", 429),
            hbQps("2024-03-01T12:00:04Z", "tok_h", 403),
            hbQps("2024-03-01T12:00:06Z", "tok_h", 429),
            hbQps("2024-03-01T12:00:08Z", "tok_h", 403));

    assertEquals(
        List.of(
            "casy|tok_a|2024-03-01T10:00:00Z|2024-03-01T10:00:40Z|5|7|rate_limited|40.0|5|10|60|2|1001,1002|kept_sending",
            "hotelbeds|tok_h|2024-03-01T12:00:00Z|2024-03-01T12:00:08Z|5|5|rate_limited|8.0|5|null|null|0||backed_off"),
        bursts(rows, GAP, MIN),
        "tok_a: 5 rejections, 7 requests in [start, end] (5 + the ok and the 502 between), waits"
            + " of 5 to 10 s against a 60 s window; tok_b below min; tok_h one Hotelbeds burst,"
            + " 2 s waits against its 1 s window");
  }

  @Test
  void trafficFarFromEveryRejectionChangesNoNumber() {
    List<Row> near =
        List.of(
            // A 200 s CASY burst, longer than any time bucket: rejections 50 s apart, requests
            // between them and one at the instant of the last rejection.
            casy429("2024-03-01T10:00:00Z", "tok_a", "1001"),
            casyOk("2024-03-01T10:00:25Z", "tok_a", "1001"),
            casy429("2024-03-01T10:00:50Z", "tok_a", "1001"),
            casy429("2024-03-01T10:01:40Z", "tok_a", "1001"),
            casy429("2024-03-01T10:02:30Z", "tok_a", "1001"),
            casyOk("2024-03-01T10:02:55Z", "tok_a", "1001"),
            casy429("2024-03-01T10:03:20Z", "tok_a", "1001"),
            casyOk("2024-03-01T10:03:20Z", "tok_a", "1001"),
            // Hotelbeds: pauses of 2 s, 0.5 s, 0.5 s, 1.4 s, then a request 0.4 s after the last
            // rejection, in the next minute: 2 of 5 respected, and the verdict turns on that one.
            hbQps("2024-03-01T12:00:55.500Z", "tok_h", 429),
            hbQps("2024-03-01T12:00:57.500Z", "tok_h", 429),
            hbQps("2024-03-01T12:00:58Z", "tok_h", 429),
            hbQps("2024-03-01T12:00:58.500Z", "tok_h", 429),
            hbQps("2024-03-01T12:00:59.900Z", "tok_h", 429),
            hbOk("2024-03-01T12:01:00.300Z", "tok_h"));
    List<Row> withFarTraffic = new ArrayList<>(near);
    withFarTraffic.add(casyOk("2024-03-01T09:00:00Z", "tok_a", "1001"));
    withFarTraffic.add(casyOk("2024-03-01T10:30:00Z", "tok_a", "1001"));
    withFarTraffic.add(casyOk("2024-03-01T11:00:00Z", "tok_a", "1002"));
    withFarTraffic.add(hbOk("2024-03-01T11:00:00Z", "tok_h"));
    withFarTraffic.add(hbOk("2024-03-01T12:05:00Z", "tok_h"));
    List<String> expected =
        List.of(
            "casy|tok_a|2024-03-01T10:00:00Z|2024-03-01T10:03:20Z|5|8|rate_limited|200.0|2|10|60|1|1001|kept_sending",
            "hotelbeds|tok_h|2024-03-01T12:00:55.500Z|2024-03-01T12:00:59.900Z|5|5|rate_limited|4.4|5|null|null|0||kept_sending");
    assertEquals(
        expected,
        bursts(near, GAP, MIN),
        "tok_a: 5 rejections and 3 requests in [start, end], every wait 25 s or less against 60 s;"
            + " tok_h: 2 of 5 rejections respected");
    assertEquals(
        expected,
        bursts(withFarTraffic, GAP, MIN),
        "traffic an hour or minutes away counts for nothing");
  }

  @Test
  void aLoneRejectionIsNoBurstUnlessTheMinimumAllowsIt() {
    List<Row> rows = List.of(casy429("2024-03-01T10:00:00Z", "tok_a", "1001"));
    assertEquals(List.of(), bursts(rows, GAP, MIN), "one rejection is no burst at min 5");
    assertEquals(
        List.of(
            "casy|tok_a|2024-03-01T10:00:00Z|2024-03-01T10:00:00Z|1|1|rate_limited|0.0|1|10|60|1|1001|backed_off"),
        bursts(rows, GAP, 1),
        "at min 1 the lone rejection is a burst");
  }

  @Test
  void twoRunsSeparatedByMoreThanTheGapAreTwoBursts() {
    List<Row> rows = new ArrayList<>();
    rows.addAll(everySecond("2024-03-01T10:00:00Z", 5, "tok_a"));
    rows.addAll(everySecond("2024-03-01T10:01:05Z", 5, "tok_a")); // 61 s after 10:00:04
    assertEquals(
        List.of(
            "casy|tok_a|2024-03-01T10:00:00Z|2024-03-01T10:00:04Z|5|5|rate_limited|4.0|5|10|60|1|1001|kept_sending",
            "casy|tok_a|2024-03-01T10:01:05Z|2024-03-01T10:01:09Z|5|5|rate_limited|4.0|5|10|60|1|1001|kept_sending"),
        bursts(rows, GAP, MIN),
        "a 61 s gap at --burst-gap 60s splits");
    assertEquals(
        List.of(
            "casy|tok_a|2024-03-01T10:00:00Z|2024-03-01T10:01:09Z|10|10|rate_limited|69.0|5|10|60|1|1001|kept_sending"),
        bursts(rows, Duration.ofSeconds(61), MIN),
        "at --burst-gap 61s the same runs join; no 60 s span holds more than one run; 2 of 10"
            + " waits (61 s, and none after the last) reach the 60 s window");
  }

  @Test
  void aGapExactlyEqualToTheThresholdJoins() {
    List<Row> rows = new ArrayList<>();
    for (int minute = 0; minute < 5; minute++) {
      rows.add(casy429("2024-03-01T10:0" + minute + ":00Z", "tok_a", "1001"));
    }
    assertEquals(
        List.of(
            "casy|tok_a|2024-03-01T10:00:00Z|2024-03-01T10:04:00Z|5|5|rate_limited|240.0|1|10|60|1|1001|backed_off"),
        bursts(rows, GAP, MIN),
        "gaps of exactly 60 s join at --burst-gap 60s; a 60 s span holds only one of them");
    assertEquals(
        List.of(), bursts(rows, Duration.ofSeconds(59), MIN), "at 59 s each rejection is alone");
  }

  @Test
  void theMinimumDecidesWhichGroupsAreKept() {
    List<Row> rows = everySecond("2024-03-01T10:00:00Z", 5, "tok_a");
    assertEquals(1, bursts(rows, GAP, 5).size(), "5 rejections at --burst-min 5");
    assertEquals(List.of(), bursts(rows, GAP, 6), "5 rejections at --burst-min 6");
  }

  @Test
  void aBurstCrossingMidnightAndFilesIsOneBurst() {
    // Given in the order two files might be read: the later file first.
    List<Row> rows =
        List.of(
            casy429From("2024-03-02T00:00:00Z", "day2.har"),
            casy429From("2024-03-02T00:00:20Z", "day2.har"),
            casy429From("2024-03-01T23:59:30Z", "day1.har"),
            casy429From("2024-03-01T23:59:40Z", "day1.har"),
            casy429From("2024-03-01T23:59:50Z", "day1.har"));
    assertEquals(
        List.of(
            "casy|tok_a|2024-03-01T23:59:30Z|2024-03-02T00:00:20Z|5|5|rate_limited|50.0|5|10|60|1|1001|backed_off"),
        bursts(rows, GAP, MIN),
        "one burst from day1.har into day2.har");
  }

  @Test
  void casyClientThatKeepsSendingAboveTheLimitIsKeptSending() {
    // One request a second for two minutes against 10 per 60 s: the first 10 of each minute
    // pass, the other 50 are rejected.
    List<Row> rows = new ArrayList<>();
    Instant start = Instant.parse("2024-03-01T10:00:00Z");
    for (int second = 0; second < 120; second++) {
      String ts = start.plusSeconds(second).toString();
      rows.add(second % 60 < 10 ? casyOk(ts, "tok_k", "1001") : casy429(ts, "tok_k", "1001"));
    }
    assertEquals(
        List.of(
            "casy|tok_k|2024-03-01T10:00:10Z|2024-03-01T10:01:59Z|100|110|rate_limited|109.0|50|10|60|1|1001|kept_sending"),
        bursts(rows, GAP, MIN),
        "109 requests after the first rejection > 10 x ceil(109 s / 60 s)");
  }

  @Test
  void casyVerdictUsesTheWindowFromTheBodyOrTheDocumentedDefault() {
    // 20 rejections one second apart (waits of 1 s), bodies reporting a 1 s window, a 60 s
    // window, or none (the documented 10 per 60 s of providers.json).
    List<Row> rows = new ArrayList<>();
    Instant start = Instant.parse("2024-03-01T10:00:00Z");
    for (int second = 0; second < 20; second++) {
      String ts = start.plusSeconds(second).toString();
      rows.add(casy429Body(ts, "tok_1s", 1));
      rows.add(casy429Body(ts, "tok_60s", 60));
      rows.add(casy429Body(ts, "tok_none", null));
    }
    assertEquals(
        List.of("tok_1s|backed_off|1", "tok_60s|kept_sending|60", "tok_none|kept_sending|null"),
        bursts(rows, GAP, MIN).stream()
            .map(line -> line.split("\\|", -1))
            .map(cells -> cells[1] + "|" + cells[13] + "|" + cells[10])
            .collect(Collectors.toList()),
        "1 s waits wait out a 1 s window, not a 60 s one; no body means the documented 60 s");
  }

  @Test
  void hotelbedsClientThatRetriesWithoutPausingIsKeptSending() {
    List<Row> rows = new ArrayList<>();
    Instant start = Instant.parse("2024-03-01T12:00:00Z");
    for (int i = 0; i < 5; i++) {
      rows.add(hbQps(start.plusMillis(200L * i).toString(), "tok_h", 429));
    }
    assertEquals(
        List.of(
            "hotelbeds|tok_h|2024-03-01T12:00:00Z|2024-03-01T12:00:00.800Z|5|5|rate_limited|0.8|5|null|null|0||kept_sending"),
        bursts(rows, GAP, MIN),
        "only the last of 5 rejections was followed by a 1 s pause");
  }

  @Test
  void dailyQuotaRejectionsAreTheirOwnRowsThresholdedLikeBursts() {
    List<Row> rows = new ArrayList<>(everySecondHb("2024-03-01T12:00:00Z", 5, "tok_h"));
    // Quota rejections interleaved with the QPS burst: not counted into it, and 2 < --burst-min.
    rows.add(hbQuota("2024-03-01T12:00:01.500Z"));
    rows.add(hbQuota("2024-03-01T12:00:03.500Z"));
    // A lone quota rejection an hour later: 1 < --burst-min, no row.
    rows.add(hbQuota("2024-03-01T13:00:00Z"));
    // Five quota rejections 10 s apart in the evening: a row, kept sending into the closed day.
    for (int i = 0; i < 5; i++) {
      rows.add(hbQuota(Instant.parse("2024-03-01T18:00:00Z").plusSeconds(10L * i).toString()));
    }
    assertEquals(
        List.of(
            "hotelbeds|tok_h|2024-03-01T12:00:00Z|2024-03-01T12:00:04Z|5|7|rate_limited|4.0|5|null|null|0||backed_off",
            "hotelbeds|tok_h|2024-03-01T18:00:00Z|2024-03-01T18:00:40Z|5|5|quota_exceeded|40.0|5|null|null|0||kept_sending"),
        bursts(rows, GAP, MIN),
        "QPS burst of 5 (its requests include the 2 quota rejections; 3 of 5 rejections were"
            + " followed by a 1 s wait); quota groups of 2 and 1 under --burst-min 5 are no rows,"
            + " the group of 5 is one");
    assertEquals(
        4,
        bursts(rows, GAP, 1).size(),
        "at --burst-min 1 the quota groups of 2 and 1 are rows too (1 QPS + 3 quota)");
  }

  @Test
  void oneCredentialWithMostOfTheTrafficIsProcessedWithoutDriverData() {
    // 300k exchanges 100 ms apart, generated on the executors; 80% belong to tok_heavy. Among
    // ids 150000..150999, tok_heavy's ids with id % 5 in {0, 1} are rejected: 400 rejections.
    long rowCount = 300_000;
    long baseMicros = Instant.parse("2024-03-01T00:00:00Z").toEpochMilli() * 1000;
    Column id = col("id");
    Column heavy = pmod(id, lit(5)).lt(4);
    Column rejected = heavy.and(id.between(150_000, 150_999)).and(pmod(id, lit(5)).lt(2));
    Dataset<Row> exchanges =
        ExchangeRows.generated(
            spark.range(rowCount),
            Map.of(
                ExchangeSchema.TS, timestamp_micros(id.multiply(100_000L).plus(baseMicros)),
                ExchangeSchema.PROVIDER, lit(Provider.CASY),
                ExchangeSchema.TOKEN_ID,
                    when(heavy, lit("tok_heavy"))
                        .otherwise(concat(lit("tok_light_"), pmod(id, lit(7)).cast("string"))),
                ExchangeSchema.HOTEL_ID, lit("1001"),
                ExchangeSchema.HTTP_STATUS, when(rejected, lit(429)).otherwise(lit(200)),
                ExchangeSchema.ERROR_CLASS,
                    when(rejected, lit(ErrorClass.RATE_LIMITED)).otherwise(lit(ErrorClass.OK))));
    // 150000 → 00:00:00 + 15000 s = 04:10:00; 150996 → 04:11:39.6. Requests: tok_heavy's
    // ids 150000..150996 = 199 blocks of 4 + 2. Peak: 600 ids per minute = 120 blocks of 2.
    assertEquals(
        List.of(
            "casy|tok_heavy|2024-03-01T04:10:00Z|2024-03-01T04:11:39.600Z|400|798|rate_limited|99.6|240|null|null|1|1001|kept_sending"),
        bursts(exchanges, GAP, MIN),
        "the one burst of the heavy credential");
  }

  // --- helpers ---

  private static List<String> bursts(List<Row> rows, Duration gap, int min) {
    return bursts(ExchangeRows.dataset(spark, rows), gap, min);
  }

  private static List<String> bursts(Dataset<Row> exchanges, Duration gap, int min) {
    Column[] sort = RateLimitBursts.SORT.stream().map(c -> col(c)).toArray(Column[]::new);
    return RateLimitBursts.detect(exchanges, gap, min).orderBy(sort).collectAsList().stream()
        .map(RateLimitBurstsTest::render)
        .collect(Collectors.toList());
  }

  /** The row's columns in {@link RateLimitBursts#COLUMNS} order, timestamps as ISO instants. */
  private static String render(Row row) {
    List<String> cells = new ArrayList<>();
    for (String column : RateLimitBursts.COLUMNS) {
      Object value = row.getAs(column);
      cells.add(
          value instanceof java.sql.Timestamp t ? t.toInstant().toString() : String.valueOf(value));
    }
    return String.join("|", cells);
  }

  private static Row casyOk(String ts, String token, String hotel) {
    return ExchangeRows.row(ts, Provider.CASY, token, hotel, 200, "OK", ErrorClass.OK);
  }

  private static Row hbOk(String ts, String token) {
    return ExchangeRows.row(ts, Provider.HOTELBEDS, token, null, 200, "OK", ErrorClass.OK);
  }

  private static Row casy429(String ts, String token, String hotel) {
    return ExchangeRows.exchange(
            ts, Provider.CASY, token, hotel, 429, "rate_limited", ErrorClass.RATE_LIMITED)
        .rateLimit(10, 60)
        .toRow();
  }

  private static Row casy429Body(String ts, String token, Integer windowSeconds) {
    ExchangeRows.Builder row =
        ExchangeRows.exchange(
            ts, Provider.CASY, token, "1001", 429, "rate_limited", ErrorClass.RATE_LIMITED);
    return (windowSeconds == null ? row : row.rateLimit(10, windowSeconds)).toRow();
  }

  private static Row casy429From(String ts, String source) {
    return ExchangeRows.exchange(
            ts, Provider.CASY, "tok_a", "1001", 429, "rate_limited", ErrorClass.RATE_LIMITED)
        .rateLimit(10, 60)
        .source(source)
        .toRow();
  }

  private static Row hbQps(String ts, String token, int status) {
    String code = status == 403 ? "DEVELOPER_OVER_QPS" : "RATE_LIMIT_EXCEEDED";
    return ExchangeRows.row(
        ts, Provider.HOTELBEDS, token, null, status, code, ErrorClass.RATE_LIMITED);
  }

  private static Row hbQuota(String ts) {
    return ExchangeRows.row(
        ts,
        Provider.HOTELBEDS,
        "tok_h",
        null,
        403,
        "DEVELOPER_OVER_RATE",
        ErrorClass.QUOTA_EXCEEDED);
  }

  private static List<Row> everySecond(String first, int count, String token) {
    Instant start = Instant.parse(first);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      rows.add(casy429(start.plusSeconds(i).toString(), token, "1001"));
    }
    return rows;
  }

  private static List<Row> everySecondHb(String first, int count, String token) {
    Instant start = Instant.parse(first);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      rows.add(hbQps(start.plusSeconds(i).toString(), token, 429));
    }
    return rows;
  }
}
