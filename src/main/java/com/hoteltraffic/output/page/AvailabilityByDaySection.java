package com.hoteltraffic.output.page;

import com.hoteltraffic.report.Reports;
import com.hoteltraffic.report.availability.AvailabilityByDay;
import java.util.List;

/**
 * Availability per provider, operation and day, least available first: the figure an SLO is read
 * against, counting only the failures on the provider's side.
 */
final class AvailabilityByDaySection extends TableSection {
  AvailabilityByDaySection() {
    super("availability", "Availability by day", Reports.AVAILABILITY_BY_DAY);
  }

  @Override
  Table table(Rows rows) {
    return table(
        "Per provider, operation and day (in the run's time zone): the share of requests that did "
            + "not fail on the provider's side (server errors, upstream unavailable, timeouts, no "
            + "response; product answers and client errors are not failures), and the exact p95 "
            + "latency. Least available first.",
        rows.columns(),
        List.of(AvailabilityByDay.DAY, AvailabilityByDay.PROVIDER, AvailabilityByDay.OPERATION),
        rows,
        rows.<Double>by(AvailabilityByDay.AVAILABILITY)
            .thenComparing(rows.<Long>by(AvailabilityByDay.REQUESTS).reversed()),
        PageSections.MAX_ROWS);
  }
}
