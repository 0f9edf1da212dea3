package com.hoteltraffic.output.page;

import java.util.List;

/**
 * The one list of the page's sections, in page order: the navigation and the page both follow it,
 * and nothing else names a section. A report's section is one class and one line here.
 */
public final class PageSections {
  /** Rows a section lists at most unless it says otherwise; its CSV has every row. */
  static final int MAX_ROWS = 200;

  /** Every section, in the order of the page and its navigation. */
  public static final List<PageSection> ALL =
      List.of(
          new SummarySection(),
          new ErrorRatesSection(),
          new LatencySection(),
          new TopHotelsSection(),
          new TopCredentialsSection(),
          new IncidentsSection(),
          new BookingsSection(),
          new ErrorCodesSection(),
          new OperationsSection(),
          new AvailabilityByDaySection(),
          new CredentialHealthSection(),
          new AccessDeniedSection(),
          new ClientBehaviourSection(),
          new BodyParseFailuresSection(),
          new FilesSection());

  private PageSections() {}
}
