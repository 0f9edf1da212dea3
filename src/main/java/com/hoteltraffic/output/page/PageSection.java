package com.hoteltraffic.output.page;

import com.hoteltraffic.report.engine.ReportResults;

/**
 * One section of {@code report.html}: its anchor, its entry in the navigation and its markup, drawn
 * from the run's report rows. The page knows sections only through {@link PageSections#ALL}, so a
 * report's section is one class and one line there.
 */
public interface PageSection {
  /** The section's anchor: the navigation, the alerts and other sections link to it. */
  String id();

  /** The section's name in the navigation. */
  String navTitle();

  /**
   * Appends the section to {@code page}, from {@code reports} (already computed: no query runs
   * here).
   */
  void render(ReportResults reports, PageHtml page);
}
