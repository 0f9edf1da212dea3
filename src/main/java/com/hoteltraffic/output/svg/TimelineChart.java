package com.hoteltraffic.output.svg;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A timeline as inline SVG: one lane per key (a credential, a hotel, "central"), one bar per
 * incident from its start to its end, coloured by kind with a legend. A bar is at least a few
 * pixels wide so that a one-second incident stays visible, and links to its row in a table.
 */
public final class TimelineChart {
  /**
   * One incident.
   *
   * @param lane the lane label, e.g. "casy tok_1a2b" or "casy hotel 42"
   * @param kind the legend entry, e.g. "rate-limit burst"
   * @param label the tooltip text
   * @param href where the bar links to, e.g. "#burst-3"; empty for none
   */
  public record Bar(
      String lane, String kind, long startMillis, long endMillis, String label, String href) {}

  static final int WIDTH = 960;
  static final int LANE_HEIGHT = 22;
  private static final int LEFT = 230;
  private static final int RIGHT = 20;
  private static final int TOP = 30;
  private static final int BOTTOM = 40;
  private static final int X_TICKS = 6;
  private static final double MIN_BAR_PX = 3;

  private static final String[] FILLS = {"#b35900", "#1f4e79", "#6a1b9a", "#2e7d32"};

  private TimelineChart() {}

  /**
   * The timeline as an {@code <svg class="chart">} element over {@code [fromMillis, toMillis]}
   * (widened to the bars when they stick out).
   */
  public static String render(
      String title, List<Bar> bars, long fromMillis, long toMillis, ZoneId zone) {
    Frame frame = Frame.of(bars, fromMillis, toMillis);
    StringBuilder svg = new StringBuilder(2048 + bars.size() * 200);
    svg.append(
            "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 ")
        .append(WIDTH)
        .append(' ')
        .append(frame.height)
        .append("\" width=\"")
        .append(WIDTH)
        .append("\" height=\"")
        .append(frame.height)
        .append("\"><title>")
        .append(Svg.escape(title))
        .append("</title>")
        .append("<g font-size=\"11\" fill=\"#333\">");
    laneLines(svg, frame);
    timeAxis(svg, frame, zone);
    legend(svg, frame);
    svg.append("</g>");
    for (Bar bar : bars) {
      bar(svg, frame, bar);
    }
    return svg.append("</svg>").toString();
  }

  /** Lanes and colours in order of first appearance, and the time span widened to the bars. */
  private record Frame(
      Map<String, Integer> lanes,
      Map<String, String> fills,
      long start,
      long span,
      int height,
      double plotWidth) {
    static Frame of(List<Bar> bars, long fromMillis, long toMillis) {
      Map<String, Integer> lanes = new LinkedHashMap<>();
      Map<String, String> fills = new LinkedHashMap<>();
      long from = fromMillis;
      long to = toMillis;
      for (Bar bar : bars) {
        lanes.putIfAbsent(bar.lane(), lanes.size());
        fills.putIfAbsent(bar.kind(), FILLS[fills.size() % FILLS.length]);
        from = Math.min(from, bar.startMillis());
        to = Math.max(to, bar.endMillis());
      }
      if (to <= from) {
        to = from + 3_600_000L;
      }
      int height = TOP + Math.max(1, lanes.size()) * LANE_HEIGHT + BOTTOM;
      return new Frame(lanes, fills, from, to - from, height, WIDTH - LEFT - RIGHT);
    }
  }

  private static void laneLines(StringBuilder svg, Frame frame) {
    for (Map.Entry<String, Integer> lane : frame.lanes.entrySet()) {
      int y = TOP + lane.getValue() * LANE_HEIGHT;
      svg.append("<line x1=\"")
          .append(LEFT)
          .append("\" x2=\"")
          .append(WIDTH - RIGHT)
          .append("\" y1=\"")
          .append(y + LANE_HEIGHT)
          .append("\" y2=\"")
          .append(y + LANE_HEIGHT)
          .append("\" stroke=\"#eee\"/>")
          .append("<text x=\"")
          .append(LEFT - 6)
          .append("\" y=\"")
          .append(y + LANE_HEIGHT / 2)
          .append("\" text-anchor=\"end\" dominant-baseline=\"middle\">")
          .append(Svg.escape(lane.getKey()))
          .append("</text>");
    }
  }

  private static void timeAxis(StringBuilder svg, Frame frame, ZoneId zone) {
    int axisY = frame.height - BOTTOM;
    for (int i = 0; i <= X_TICKS; i++) {
      long t = frame.start + frame.span * i / X_TICKS;
      String px = Svg.coordinate(LEFT + frame.plotWidth * i / X_TICKS);
      svg.append("<line x1=\"")
          .append(px)
          .append("\" x2=\"")
          .append(px)
          .append("\" y1=\"")
          .append(TOP)
          .append("\" y2=\"")
          .append(axisY + 4)
          .append("\" stroke=\"#ddd\"/>")
          .append("<text x=\"")
          .append(px)
          .append("\" y=\"")
          .append(axisY + 16)
          .append("\" text-anchor=\"middle\">")
          .append(Svg.escape(Svg.axisTime(t, zone)))
          .append("</text>");
    }
    svg.append("<text x=\"")
        .append(LEFT + (int) frame.plotWidth / 2)
        .append("\" y=\"")
        .append(frame.height - 6)
        .append("\" text-anchor=\"middle\">")
        .append(Svg.escape("time (" + zone.getId() + ")"))
        .append("</text>");
  }

  private static void legend(StringBuilder svg, Frame frame) {
    int legendX = LEFT;
    for (Map.Entry<String, String> kind : frame.fills.entrySet()) {
      svg.append("<rect x=\"")
          .append(legendX)
          .append("\" y=\"8\" width=\"12\" height=\"12\" fill=\"")
          .append(kind.getValue())
          .append("\"/><text x=\"")
          .append(legendX + 16)
          .append("\" y=\"14\" dominant-baseline=\"middle\">")
          .append(Svg.escape(kind.getKey()))
          .append("</text>");
      legendX += 24 + kind.getKey().length() * 7;
    }
  }

  private static void bar(StringBuilder svg, Frame frame, Bar bar) {
    double x = LEFT + (double) (bar.startMillis() - frame.start) / frame.span * frame.plotWidth;
    double width =
        Math.max(
            MIN_BAR_PX,
            (double) (bar.endMillis() - bar.startMillis()) / frame.span * frame.plotWidth);
    int y = TOP + frame.lanes.get(bar.lane()) * LANE_HEIGHT + 4;
    boolean linked = !bar.href().isEmpty();
    if (linked) {
      svg.append("<a href=\"").append(Svg.escape(bar.href())).append("\">");
    }
    svg.append("<rect class=\"mark\" x=\"")
        .append(Svg.coordinate(x))
        .append("\" y=\"")
        .append(y)
        .append("\" width=\"")
        .append(Svg.coordinate(width))
        .append("\" height=\"")
        .append(LANE_HEIGHT - 8)
        .append("\" fill=\"")
        .append(frame.fills.get(bar.kind()))
        .append("\"><title>")
        .append(Svg.escape(bar.label()))
        .append("</title></rect>");
    if (linked) {
      svg.append("</a>");
    }
  }
}
