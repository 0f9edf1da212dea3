package com.hoteltraffic.output.page;

import com.hoteltraffic.report.Reports;
import com.hoteltraffic.report.bookings.BookingReconciliation;
import com.hoteltraffic.report.engine.ReportResults;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Hotelbeds booking confirmations that got a 504 or no response, grouped by reconciliation
 * status in the order ops must act on them (a {@code bookings-STATUS} anchor each), the action
 * first on every row.
 */
final class BookingsSection implements PageSection {
  /** Reconciliation statuses in the order ops must act on them; unknown ones follow. */
  static final List<String> STATUS_ORDER =
      List.of("DUPLICATE", "UNRESOLVED", "NOT_BOOKED", "BOOKED_ON_RETRY", "BOOKED");

  static final int MAX_BOOKINGS = 500;

  /** One unconfirmed booking. */
  record Booking(
      String action,
      String status,
      Instant attemptTs,
      String hotelId,
      String tokenId,
      String clientReference,
      String outcome,
      String bookingReference,
      String evidence,
      Instant evidenceTs) {}

  @Override
  public String id() {
    return "bookings";
  }

  @Override
  public String navTitle() {
    return "Unconfirmed bookings";
  }

  @Override
  public void render(ReportResults reports, PageHtml page) {
    Rows rows = Rows.of(reports, Reports.UNCONFIRMED_BOOKINGS);
    Shown<Booking> bookings = bookings(rows);
    Map<String, Long> byStatus = byStatus(rows);
    page.open(id(), "Unconfirmed bookings");
    page.html()
        .append("<p class=\"note\">Hotelbeds booking confirmations that got a 504 or no response, ")
        .append("reconciled against later traffic. ")
        .append(PageHtml.showing(bookings, "confirmations"))
        .append(", grouped by status in the order to act on them.</p>\n");
    for (String status : orderedStatuses(byStatus)) {
      statusTable(
          page,
          status,
          bookings.rows().stream().filter(b -> status.equals(b.status())).toList(),
          byStatus.get(status));
    }
    page.close();
  }

  private static void statusTable(PageHtml page, String status, List<Booking> rows, long total) {
    StringBuilder html = page.html();
    html.append("<h3 id=\"bookings-")
        .append(PageHtml.escape(status))
        .append("\">")
        .append(PageHtml.escape(status))
        .append(" (")
        .append(total)
        .append(")</h3>\n");
    if (rows.size() < total) {
      html.append("<p class=\"note\">showing ")
          .append(rows.size())
          .append(" of ")
          .append(total)
          .append("</p>");
    }
    if (rows.isEmpty()) {
      return;
    }
    html.append(
            "<div class=\"wide\"><table><tr><th>action</th><th>attempt</th><th>hotel_id</th><th>client_reference</th>")
        .append("<th>outcome</th><th>booking_reference</th><th>evidence</th><th>evidence at</th>")
        .append("<th>token_id</th></tr>");
    for (Booking booking : rows) {
      html.append("<tr><td class=\"action\">")
          .append(PageHtml.escape(booking.action()))
          .append("</td>");
      page.timeCell(booking.attemptTs());
      page.cell(booking.hotelId());
      page.cell(booking.clientReference());
      page.cell(booking.outcome());
      page.cell(booking.bookingReference());
      page.cell(booking.evidence());
      page.timeCell(booking.evidenceTs());
      page.cell(booking.tokenId());
      html.append("</tr>");
    }
    html.append("</table></div>\n");
  }

  /** Bookings in the order ops act on them: by status priority, then by attempt time. */
  private static Shown<Booking> bookings(Rows bookings) {
    Comparator<Object[]> priority =
        Comparator.comparingInt(
            row -> {
              int index =
                  STATUS_ORDER.indexOf(bookings.<String>get(row, BookingReconciliation.STATUS));
              return index < 0 ? STATUS_ORDER.size() : index;
            });
    return bookings.capped(
        priority
            .thenComparing(bookings.by(BookingReconciliation.STATUS))
            .thenComparing(bookings.by(BookingReconciliation.ATTEMPT_TS))
            .thenComparing(bookings.by(BookingReconciliation.CLIENT_REFERENCE)),
        MAX_BOOKINGS,
        row ->
            new Booking(
                bookings.get(row, BookingReconciliation.ACTION),
                bookings.get(row, BookingReconciliation.STATUS),
                bookings.get(row, BookingReconciliation.ATTEMPT_TS),
                bookings.get(row, BookingReconciliation.HOTEL_ID),
                bookings.get(row, BookingReconciliation.TOKEN_ID),
                bookings.get(row, BookingReconciliation.CLIENT_REFERENCE),
                bookings.get(row, BookingReconciliation.OUTCOME),
                bookings.get(row, BookingReconciliation.BOOKING_REFERENCE),
                bookings.get(row, BookingReconciliation.EVIDENCE),
                bookings.get(row, BookingReconciliation.EVIDENCE_TS)));
  }

  /** Count per status of every row (not only those shown), by status name. */
  static Map<String, Long> byStatus(Rows bookings) {
    Map<String, Long> counts = new TreeMap<>(Comparator.nullsFirst(Comparator.naturalOrder()));
    for (Object[] row : bookings.rows()) {
      counts.merge(bookings.get(row, BookingReconciliation.STATUS), 1L, Long::sum);
    }
    return new LinkedHashMap<>(counts);
  }

  /** The statuses with rows, in {@link #STATUS_ORDER}, unknown ones after it by name. */
  static List<String> orderedStatuses(Map<String, Long> byStatus) {
    List<String> statuses = new ArrayList<>();
    for (String status : STATUS_ORDER) {
      if (byStatus.getOrDefault(status, 0L) > 0) {
        statuses.add(status);
      }
    }
    byStatus.keySet().stream()
        .filter(s -> !STATUS_ORDER.contains(s))
        .sorted()
        .forEach(statuses::add);
    return statuses;
  }
}
