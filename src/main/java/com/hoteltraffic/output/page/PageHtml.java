package com.hoteltraffic.output.page;

import com.hoteltraffic.output.svg.Svg;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The page being built, one per render: the run's context every section may need (summary, window,
 * zone and its time format) and the small markup helpers they share (sections, cells, escaping), so
 * that every section writes the same markup for the same thing.
 */
public final class PageHtml {
  private final Function<String, Object> summary;
  private final Duration window;
  private final ZoneId zone;
  private final DateTimeFormatter time;
  private final StringBuilder html = new StringBuilder(64 * 1024);

  /**
   * An empty page for a run.
   *
   * @param summary the run summary's top-level sections by name ({@code RunSummary::get}); a
   *     function, so that this package does not depend back on {@code output}
   */
  public PageHtml(Function<String, Object> summary, Duration window, ZoneId zone) {
    this.summary = summary;
    this.window = window;
    this.zone = zone;
    this.time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(zone);
  }

  /** The markup so far; sections append to it. */
  public StringBuilder html() {
    return html;
  }

  /** A top-level section of the run summary ({@code counts}, {@code files}...), or null. */
  public Object summary(String section) {
    return summary.apply(section);
  }

  public Duration window() {
    return window;
  }

  public ZoneId zone() {
    return zone;
  }

  /** Formats a time in the page's zone, to the second. */
  public String time(Instant value) {
    return time.format(value);
  }

  /** Opens a section with its anchor, heading and a link back to the top. */
  public void open(String id, String title) {
    html.append("<section id=\"")
        .append(id)
        .append("\"><h2>")
        .append(escape(title))
        .append(" <a class=\"top\" href=\"#top\">back to top</a></h2>\n");
  }

  public void close() {
    html.append("</section>\n");
  }

  /** A table row of a label and its value. */
  public void row(String label, Object value) {
    html.append("<tr><th>")
        .append(escape(label))
        .append("</th><td>")
        .append(escape(value))
        .append("</td></tr>");
  }

  /** A cell of a time in the page's zone; empty for null. */
  public void timeCell(Instant value) {
    html.append("<td class=\"t\">")
        .append(value == null ? "" : escape(time(value)))
        .append("</td>");
  }

  public void cell(Object value) {
    html.append("<td>").append(escape(value)).append("</td>");
  }

  /** A right-aligned cell. */
  public void numeric(Object value) {
    html.append("<td class=\"n\">").append(escape(value)).append("</td>");
  }

  /** Escapes text for element content and quoted attribute values. */
  public static String escape(Object value) {
    return Svg.escape(value);
  }

  /** "Showing N of M what" when capped, else "M what". */
  public static String showing(Shown<?> shown, String what) {
    return shown.truncated()
        ? "Showing " + shown.rows().size() + " of " + shown.total() + " " + what
        : shown.total() + " " + what;
  }

  public static String percent(double fraction) {
    return String.format(Locale.ROOT, "%.2f%%", fraction * 100);
  }

  /** A JSON object of the run summary, or an empty map when it is absent. */
  static Map<?, ?> map(Object value) {
    return value instanceof Map<?, ?> map ? map : Map.of();
  }

  /** A JSON array of the run summary, or an empty list when it is absent. */
  static List<?> list(Object value) {
    return value instanceof List<?> list ? list : List.of();
  }

  static long number(Object value) {
    return value instanceof Number n ? n.longValue() : 0;
  }
}
