package com.hoteltraffic.output.svg;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * A time-series line chart as inline SVG: one line with a dot per point for each series, a time
 * axis, a value axis from zero, and a legend. Plain Java over small inputs; no script, nothing
 * fetched. Series differ by dash pattern as well as colour, so a grey printout still tells them
 * apart. Every point also carries a {@code <title>} tooltip with its exact value.
 */
public final class LineChart {
  /** How the value axis and tooltips print a value. */
  public enum ValueFormat {
    /** A fraction shown as a percentage: 0.125 → "12.5%". */
    PERCENT,
    /** Milliseconds: 1250 → "1250 ms". */
    MILLISECONDS
  }

  /** One point: a time and a value, and a short note for its tooltip (may be empty). */
  public record Point(long epochMillis, double value, String note) {}

  /** A named line. */
  public record Series(String name, List<Point> points) {
    public Series {
      points = List.copyOf(points);
    }
  }

  static final int WIDTH = 960;
  static final int HEIGHT = 280;
  private static final int LEFT = 70;
  private static final int RIGHT = 150;
  private static final int TOP = 20;
  private static final int BOTTOM = 40;
  private static final int X_TICKS = 6;
  private static final int Y_TICKS = 4;

  private static final String[] STROKES = {"#1f4e79", "#b35900", "#2e7d32", "#6a1b9a"};
  private static final String[] DASHES = {"", "7 4", "2 3", "10 3 2 3"};

  private LineChart() {}

  /**
   * The chart as an {@code <svg class="chart">} element.
   *
   * @param title what the chart shows, read by screen readers and shown as a tooltip
   * @param series the lines; points in any order, sorted here by time
   * @param format how values print
   * @param zone the time zone of the time axis
   */
  public static String render(String title, List<Series> series, ValueFormat format, ZoneId zone) {
    long minX = Long.MAX_VALUE;
    long maxX = Long.MIN_VALUE;
    double maxY = 0;
    for (Series line : series) {
      for (Point point : line.points()) {
        minX = Math.min(minX, point.epochMillis());
        maxX = Math.max(maxX, point.epochMillis());
        maxY = Math.max(maxY, point.value());
      }
    }
    if (minX == Long.MAX_VALUE) {
      minX = 0;
      maxX = 1;
    } else if (minX == maxX) {
      // One window only: centre it on an hour-wide axis instead of dividing by zero.
      minX -= 1_800_000L;
      maxX += 1_800_000L;
    }
    double yStep =
        Svg.niceStep(maxY == 0 ? (format == ValueFormat.PERCENT ? 0.01 : 1) : maxY, Y_TICKS);
    double yTop = Math.max(yStep, Math.ceil(maxY / yStep) * yStep);
    Frame frame = new Frame(minX, maxX, yTop);

    StringBuilder svg = new StringBuilder(4096);
    svg.append(
            "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 ")
        .append(WIDTH)
        .append(' ')
        .append(HEIGHT)
        .append("\" width=\"")
        .append(WIDTH)
        .append("\" height=\"")
        .append(HEIGHT)
        .append("\"><title>")
        .append(Svg.escape(title))
        .append("</title>");
    axes(svg, frame, yStep, format, zone);
    for (int i = 0; i < series.size(); i++) {
      line(svg, frame, series.get(i), i, format, zone);
      legend(svg, series.get(i).name(), i);
    }
    return svg.append("</svg>").toString();
  }

  private static void axes(
      StringBuilder svg, Frame frame, double yStep, ValueFormat format, ZoneId zone) {
    svg.append("<g class=\"axis\" font-size=\"11\" fill=\"#333\">");
    for (double y = 0; y <= frame.yTop + yStep / 2; y += yStep) {
      String py = Svg.coordinate(frame.y(y));
      svg.append("<line x1=\"")
          .append(LEFT)
          .append("\" x2=\"")
          .append(WIDTH - RIGHT)
          .append("\" y1=\"")
          .append(py)
          .append("\" y2=\"")
          .append(py)
          .append("\" stroke=\"#ddd\"/>")
          .append("<text x=\"")
          .append(LEFT - 6)
          .append("\" y=\"")
          .append(py)
          .append("\" text-anchor=\"end\" dominant-baseline=\"middle\">")
          .append(Svg.escape(tick(y, yStep, format)))
          .append("</text>");
    }
    for (int i = 0; i <= X_TICKS; i++) {
      long t = frame.minX + (frame.maxX - frame.minX) * i / X_TICKS;
      String px = Svg.coordinate(frame.x(t));
      svg.append("<line x1=\"")
          .append(px)
          .append("\" x2=\"")
          .append(px)
          .append("\" y1=\"")
          .append(HEIGHT - BOTTOM)
          .append("\" y2=\"")
          .append(HEIGHT - BOTTOM + 4)
          .append("\" stroke=\"#333\"/>")
          .append("<text x=\"")
          .append(px)
          .append("\" y=\"")
          .append(HEIGHT - BOTTOM + 16)
          .append("\" text-anchor=\"middle\">")
          .append(Svg.escape(Svg.axisTime(t, zone)))
          .append("</text>");
    }
    svg.append("<line x1=\"")
        .append(LEFT)
        .append("\" x2=\"")
        .append(WIDTH - RIGHT)
        .append("\" y1=\"")
        .append(HEIGHT - BOTTOM)
        .append("\" y2=\"")
        .append(HEIGHT - BOTTOM)
        .append("\" stroke=\"#333\"/>")
        .append("<text x=\"")
        .append((LEFT + WIDTH - RIGHT) / 2)
        .append("\" y=\"")
        .append(HEIGHT - 6)
        .append("\" text-anchor=\"middle\">")
        .append(Svg.escape("window start (" + zone.getId() + ")"))
        .append("</text></g>");
  }

  private static void line(
      StringBuilder svg, Frame frame, Series series, int index, ValueFormat format, ZoneId zone) {
    List<Point> points =
        series.points().stream()
            .sorted(java.util.Comparator.comparingLong(Point::epochMillis))
            .toList();
    String stroke = STROKES[index % STROKES.length];
    String dash = DASHES[index % DASHES.length];
    svg.append("<g class=\"series\">");
    if (points.size() > 1) {
      svg.append("<path class=\"line\" fill=\"none\" stroke=\"")
          .append(stroke)
          .append("\" stroke-width=\"1.8\"");
      if (!dash.isEmpty()) {
        svg.append(" stroke-dasharray=\"").append(dash).append('"');
      }
      svg.append(" d=\"");
      for (int i = 0; i < points.size(); i++) {
        svg.append(i == 0 ? 'M' : 'L')
            .append(Svg.coordinate(frame.x(points.get(i).epochMillis())))
            .append(' ')
            .append(Svg.coordinate(frame.y(points.get(i).value())));
      }
      svg.append("\"/>");
    }
    for (Point point : points) {
      svg.append("<circle class=\"mark\" r=\"2.5\" fill=\"")
          .append(stroke)
          .append("\" cx=\"")
          .append(Svg.coordinate(frame.x(point.epochMillis())))
          .append("\" cy=\"")
          .append(Svg.coordinate(frame.y(point.value())))
          .append("\"><title>")
          .append(
              Svg.escape(
                  series.name()
                      + " "
                      + Svg.axisTime(point.epochMillis(), zone)
                      + ": "
                      + value(point.value(), format)
                      + (point.note().isEmpty() ? "" : " (" + point.note() + ")")))
          .append("</title></circle>");
    }
    svg.append("</g>");
  }

  private static void legend(StringBuilder svg, String name, int index) {
    int x = WIDTH - RIGHT + 16;
    int y = TOP + 10 + index * 20;
    svg.append("<g class=\"legend\"><line x1=\"")
        .append(x)
        .append("\" x2=\"")
        .append(x + 28)
        .append("\" y1=\"")
        .append(y)
        .append("\" y2=\"")
        .append(y)
        .append("\" stroke=\"")
        .append(STROKES[index % STROKES.length])
        .append("\" stroke-width=\"2\"");
    String dash = DASHES[index % DASHES.length];
    if (!dash.isEmpty()) {
      svg.append(" stroke-dasharray=\"").append(dash).append('"');
    }
    svg.append("/><text x=\"")
        .append(x + 34)
        .append("\" y=\"")
        .append(y)
        .append("\" dominant-baseline=\"middle\" font-size=\"12\">")
        .append(Svg.escape(name))
        .append("</text></g>");
  }

  private static String tick(double value, double step, ValueFormat format) {
    if (format == ValueFormat.PERCENT) {
      double percentStep = step * 100;
      int decimals = percentStep >= 1 ? 0 : (int) Math.ceil(-Math.log10(percentStep));
      return String.format(Locale.ROOT, "%." + decimals + "f%%", value * 100);
    }
    return String.format(Locale.ROOT, "%.0f ms", value);
  }

  static String value(double value, ValueFormat format) {
    return format == ValueFormat.PERCENT
        ? String.format(Locale.ROOT, "%.2f%%", value * 100)
        : String.format(Locale.ROOT, "%.0f ms", value);
  }

  /** Maps data to pixels inside the plot area. */
  private record Frame(long minX, long maxX, double yTop) {
    double x(long t) {
      return LEFT + (double) (t - minX) / (maxX - minX) * (WIDTH - LEFT - RIGHT);
    }

    double y(double v) {
      return HEIGHT - BOTTOM - v / yTop * (HEIGHT - TOP - BOTTOM);
    }
  }
}
