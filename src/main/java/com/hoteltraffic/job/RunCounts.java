package com.hoteltraffic.job;

import com.hoteltraffic.model.ErrorClass;
import com.hoteltraffic.model.ExchangeSchema;
import com.hoteltraffic.report.Reports;
import com.hoteltraffic.report.bookings.BookingReconciliation;
import com.hoteltraffic.report.codes.ErrorCodes;
import com.hoteltraffic.report.engine.ReportResults;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a finished run counted, for its metrics: a few numbers per provider and error class, summed
 * on the driver over report rows already there (one per provider × status × code), never over
 * exchanges.
 *
 * @param exchangesByProvider exchanges per provider
 * @param errorsByProvider errors (class not {@code ok}) per provider and error class; classes with
 *     none are absent
 * @param unresolvedBookings booking attempts reconciled to {@code UNRESOLVED}
 */
public record RunCounts(
    Map<String, Long> exchangesByProvider,
    Map<String, Map<String, Long>> errorsByProvider,
    long unresolvedBookings) {

  public RunCounts {
    exchangesByProvider = Collections.unmodifiableMap(new TreeMap<>(exchangesByProvider));
    Map<String, Map<String, Long>> errors = new TreeMap<>();
    errorsByProvider.forEach(
        (provider, byClass) ->
            errors.put(provider, Collections.unmodifiableMap(new TreeMap<>(byClass))));
    errorsByProvider = Collections.unmodifiableMap(errors);
  }

  /** The counts of a run's reports. */
  static RunCounts of(ReportResults reports) {
    List<String> columns = reports.spec(Reports.ERROR_CODES).columns();
    int provider = columns.indexOf(ExchangeSchema.PROVIDER);
    int errorClass = columns.indexOf(ExchangeSchema.ERROR_CLASS);
    int count = columns.indexOf(ErrorCodes.COUNT);
    Map<String, Long> exchanges = new TreeMap<>();
    Map<String, Map<String, Long>> errors = new TreeMap<>();
    for (Object[] row : reports.rows(Reports.ERROR_CODES)) {
      String name = (String) row[provider];
      long rowCount = (Long) row[count];
      exchanges.merge(name, rowCount, Long::sum);
      if (!ErrorClass.OK.equals(row[errorClass])) {
        errors
            .computeIfAbsent(name, p -> new TreeMap<>())
            .merge((String) row[errorClass], rowCount, Long::sum);
      }
    }
    return new RunCounts(exchanges, errors, unresolved(reports));
  }

  private static long unresolved(ReportResults reports) {
    int status =
        reports.spec(Reports.UNCONFIRMED_BOOKINGS).columns().indexOf(BookingReconciliation.STATUS);
    long unresolved = 0;
    for (Object[] row : reports.rows(Reports.UNCONFIRMED_BOOKINGS)) {
      if (BookingReconciliation.UNRESOLVED.equals(row[status])) {
        unresolved++;
      }
    }
    return unresolved;
  }
}
