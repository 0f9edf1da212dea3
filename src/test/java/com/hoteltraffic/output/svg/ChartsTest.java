package com.hoteltraffic.output.svg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The SVG charts draw one mark per datum, stay inside their box and escape every text. */
class ChartsTest {
  private static final long HOUR = 3_600_000L;
  private static final long T0 = 1_700_000_000_000L;

  @Test
  void lineChartDrawsOneDotPerPointAndOneLinePerSeries() {
    List<LineChart.Point> casy = new ArrayList<>();
    List<LineChart.Point> hotelbeds = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      casy.add(new LineChart.Point(T0 + i * HOUR, i * 0.01, ""));
    }
    for (int i = 0; i < 3; i++) {
      hotelbeds.add(new LineChart.Point(T0 + i * HOUR, 0.2, "2 of 10"));
    }
    String svg =
        LineChart.render(
            "error rate",
            List.of(
                new LineChart.Series("casy", casy), new LineChart.Series("hotelbeds", hotelbeds)),
            LineChart.ValueFormat.PERCENT,
            ZoneOffset.UTC);
    assertTrue(
        svg.startsWith("<svg class=\"chart\""), "an svg of class chart: " + svg.substring(0, 40));
    assertEquals(10, count(svg, "<circle class=\"mark\""), "one dot per point");
    assertEquals(2, count(svg, "<path class=\"line\""), "one line per series");
    assertTrue(
        svg.contains("hotelbeds 11-14 22:13: 20.00% (2 of 10)"), "tooltip with the exact value");
    assertCoordinatesInside(svg, LineChart.WIDTH, LineChart.HEIGHT);
  }

  @Test
  void lineChartOfOnePointDrawsItWithoutDividingByZero() {
    String svg =
        LineChart.render(
            "latency",
            List.of(new LineChart.Series("casy", List.of(new LineChart.Point(T0, 0, "")))),
            LineChart.ValueFormat.MILLISECONDS,
            ZoneOffset.UTC);
    assertEquals(1, count(svg, "<circle class=\"mark\""), "the single point");
    assertEquals(0, count(svg, "<path class=\"line\""), "no line through one point");
    assertFalse(svg.contains("NaN") || svg.contains("Infinity"), "finite coordinates: " + svg);
    assertCoordinatesInside(svg, LineChart.WIDTH, LineChart.HEIGHT);
  }

  @Test
  void timelineDrawsOneLinkedBarPerIncidentInItsLane() {
    List<TimelineChart.Bar> bars =
        List.of(
            new TimelineChart.Bar(
                "casy tok_a", "rate-limit burst", T0, T0 + 60_000, "burst 1", "#burst-1"),
            new TimelineChart.Bar(
                "casy tok_a",
                "rate-limit burst",
                T0 + HOUR,
                T0 + HOUR + 1_000,
                "burst 2",
                "#burst-2"),
            new TimelineChart.Bar(
                "casy hotel 9",
                "database outage",
                T0 + 2 * HOUR,
                T0 + 3 * HOUR,
                "outage",
                "#outage-1"));
    String svg = TimelineChart.render("incidents", bars, T0, T0 + 4 * HOUR, ZoneOffset.UTC);
    assertEquals(3, count(svg, "<rect class=\"mark\""), "one bar per incident");
    assertEquals(3, count(svg, "<a href=\"#"), "every bar links to its row");
    assertEquals(1, count(svg, ">casy tok_a</text>"), "one lane per key");
    assertEquals(1, count(svg, ">casy hotel 9</text>"), "one lane per key");
    assertTrue(svg.contains("width=\"3.0\""), "a one-second burst is still 3 px wide");
  }

  @Test
  void everyTextIsEscaped() {
    String hostile = "<script>alert('x')</script>&";
    String svg =
        TimelineChart.render(
                hostile,
                List.of(
                    new TimelineChart.Bar(
                        hostile, hostile, T0, T0 + 1, hostile, "#x\"onmouseover=\"")),
                T0,
                T0 + HOUR,
                ZoneOffset.UTC)
            + LineChart.render(
                hostile,
                List.of(
                    new LineChart.Series(hostile, List.of(new LineChart.Point(T0, 1, hostile)))),
                LineChart.ValueFormat.PERCENT,
                ZoneOffset.UTC);
    assertFalse(svg.contains("<script"), "no markup from data");
    assertFalse(svg.contains("\"onmouseover"), "no attribute break-out");
    assertTrue(
        svg.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;"), "escaped text kept");
  }

  private static int count(String text, String needle) {
    int count = 0;
    for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
      count++;
    }
    return count;
  }

  private static void assertCoordinatesInside(String svg, int width, int height) {
    Matcher matcher =
        Pattern.compile(" (cx|x1|x2|x)=\"([-0-9.]+)\"| (cy|y1|y2|y)=\"([-0-9.]+)\"").matcher(svg);
    while (matcher.find()) {
      double value =
          Double.parseDouble(matcher.group(2) != null ? matcher.group(2) : matcher.group(4));
      double limit = matcher.group(2) != null ? width : height;
      assertTrue(value >= 0 && value <= limit, "coordinate inside the chart: " + matcher.group());
    }
  }
}
