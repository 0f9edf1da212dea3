package com.hoteltraffic.output;

import com.hoteltraffic.output.page.ReportPage;
import com.hoteltraffic.report.alert.Alert;
import com.hoteltraffic.report.alert.AlertRules;
import com.hoteltraffic.report.alert.PreviousRun;
import com.hoteltraffic.report.alert.Severity;
import com.hoteltraffic.report.engine.ReportResults;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * Writes {@code report.html}: {@link ReportPage} draws each section of {@link
 * com.hoteltraffic.output.page.PageSections#ALL} from the run's report rows (already computed: no
 * query runs here); this class adds the run's alerts.
 */
public final class HtmlReport {
  /** Alerts listed on the page; alerts.json has every one. */
  static final int MAX_ALERTS = 500;

  private HtmlReport() {}

  /**
   * Builds the page from the run's reports and alerts and writes it to {@code target}.
   *
   * @param previous the previous run the alerts compared against, or null
   */
  public static void write(
      ReportResults reports,
      RunSummary summary,
      Duration window,
      ZoneId zone,
      List<Alert> alerts,
      PreviousRun previous,
      Path target,
      Configuration conf)
      throws IOException {
    String page = ReportPage.render(reports, summary::get, window, zone, alerts(alerts, previous));
    try (OutputStream out = target.getFileSystem(conf).create(target, true)) {
      out.write(page.getBytes(StandardCharsets.UTF_8));
    }
  }

  /**
   * The page's alerts section: the first {@link #MAX_ALERTS} alerts, critical first, and the counts
   * of all.
   */
  static ReportPage.Alerts alerts(List<Alert> alerts, PreviousRun previous) {
    Map<Severity, Long> counts = AlertRules.counts(alerts);
    return new ReportPage.Alerts(
        alerts.stream()
            .limit(MAX_ALERTS)
            .map(
                alert ->
                    new ReportPage.AlertLine(
                        alert.severity().label(),
                        alert.reason(),
                        alert.report(),
                        alert.where(),
                        alert.anchor()))
            .toList(),
        counts.get(Severity.CRITICAL),
        counts.get(Severity.WARNING),
        previous == null ? null : previous.location(),
        previous == null
            ? List.of()
            : previous.unreadable().stream()
                .map(
                    file ->
                        "Cannot read "
                            + file.file()
                            + " ("
                            + file.problem()
                            + "): not compared: "
                            + file.notCompared()
                            + ".")
                .toList());
  }
}
