package com.hoteltraffic.report;

import com.hoteltraffic.report.access.AccessDenied;
import com.hoteltraffic.report.availability.AvailabilityByDay;
import com.hoteltraffic.report.behaviour.ClientBehaviour;
import com.hoteltraffic.report.bookings.BookingReconciliation;
import com.hoteltraffic.report.bursts.RateLimitBursts;
import com.hoteltraffic.report.codes.ErrorCodes;
import com.hoteltraffic.report.credentials.CredentialHealth;
import com.hoteltraffic.report.engine.Report;
import com.hoteltraffic.report.engine.ReportCatalog;
import com.hoteltraffic.report.engine.ReportSpec;
import com.hoteltraffic.report.outages.DbOutages;
import com.hoteltraffic.report.parsing.BodyParseFailures;
import com.hoteltraffic.report.rates.ErrorRates;
import com.hoteltraffic.report.rates.ErrorRatesByOperation;
import java.util.List;

/**
 * The one list of reports: the job writes each output, {@code report.html} and {@code
 * run_summary.json} read their rows, and the notebook API offers each as a view; all loop over
 * {@link #all}. Adding a report is one package behind {@link Report}, one line here, its page
 * section in {@code output}, and tests (see {@code docs/extending.md}). The names below are the
 * reports' own constants, repeated here for the code that reads a report by name.
 */
public final class Reports {
  public static final String ERROR_RATES_BY_HOTEL = ErrorRates.BY_HOTEL;
  public static final String ERROR_RATES_BY_TOKEN = ErrorRates.BY_TOKEN;

  /** Not written by the job: the series of the page's charts, and a notebook view. */
  public static final String ERROR_RATES_BY_PROVIDER = ErrorRates.BY_PROVIDER;

  public static final String ERROR_CODES = ErrorCodes.NAME;
  public static final String RATE_LIMIT_BURSTS = RateLimitBursts.NAME;
  public static final String DB_OUTAGES = DbOutages.NAME;
  public static final String UNCONFIRMED_BOOKINGS = BookingReconciliation.NAME;
  public static final String ERROR_RATES_BY_OPERATION = ErrorRatesByOperation.NAME;

  /** Read by name by the alerts: keep the name and the columns of {@link CredentialHealth}. */
  public static final String CREDENTIAL_HEALTH = CredentialHealth.NAME;

  public static final String ACCESS_DENIED = AccessDenied.NAME;
  public static final String CLIENT_BEHAVIOUR = ClientBehaviour.NAME;

  /** Not written as a CSV: in {@code run_summary.json} and on the page. */
  public static final String BODY_PARSE_FAILURES = BodyParseFailures.NAME;

  public static final String AVAILABILITY_BY_DAY = AvailabilityByDay.NAME;

  /** Every report, in the order the job writes their outputs. */
  private static final List<Report> REPORTS =
      List.of(
          new ErrorRates(),
          new ErrorCodes(),
          new RateLimitBursts(),
          new DbOutages(),
          new BookingReconciliation(),
          new ErrorRatesByOperation(),
          new CredentialHealth(),
          new AccessDenied(),
          new ClientBehaviour(),
          new BodyParseFailures(),
          new AvailabilityByDay());

  private Reports() {}

  /** Every report, as the engine runs them. */
  public static ReportCatalog catalog() {
    return new ReportCatalog(REPORTS);
  }

  /** Every report's outputs, in the order the job writes them (some are not written). */
  public static List<ReportSpec> all(boolean includePii) {
    return catalog().specs(includePii);
  }

  /** The output of that name. */
  public static ReportSpec named(String name, boolean includePii) {
    return all(includePii).stream()
        .filter(spec -> spec.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("No report named " + name));
  }
}
