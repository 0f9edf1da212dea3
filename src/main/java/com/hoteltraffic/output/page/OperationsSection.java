package com.hoteltraffic.output.page;

import com.hoteltraffic.model.ExchangeSchema;
import com.hoteltraffic.report.Reports;
import com.hoteltraffic.report.engine.ReportResults;
import com.hoteltraffic.report.rates.ErrorRates;
import com.hoteltraffic.report.rates.ErrorRatesByOperation;
import java.util.List;

/**
 * The operation windows with errors or exchanges over the operation's documented timeout, most over
 * the timeout first: where a provider's operation got slow or failing.
 */
final class OperationsSection extends TableSection {
  OperationsSection() {
    super("operations", "Error rates by operation", Reports.ERROR_RATES_BY_OPERATION);
  }

  private static final List<String> COLUMNS =
      List.of(
          ErrorRates.WINDOW_START,
          ExchangeSchema.PROVIDER,
          ErrorRatesByOperation.OPERATION,
          ErrorRates.REQUESTS,
          ErrorRates.ERRORS,
          ErrorRates.ERROR_RATE,
          ErrorRates.LATENCY_P95_MS,
          ErrorRates.LATENCY_P99_MS,
          ErrorRatesByOperation.TIMEOUT_MS,
          ErrorRatesByOperation.OVER_TIMEOUT);

  private static final String NOTE =
      "Windows with errors or exchanges over the operation's "
          + "documented timeout, most over the timeout first, then by error rate; every window is in "
          + "error_rates_by_operation.csv.";

  private static final List<String> KEYS =
      List.of(ErrorRates.WINDOW_START, ExchangeSchema.PROVIDER, ErrorRatesByOperation.OPERATION);

  /**
   * The report is streamed (a row per operation and window): the notable windows are chosen where
   * the rows are, and only the first {@link PageSections#MAX_ROWS} reach the driver.
   */
  @Override
  Table table(ReportResults reports) {
    List<String> columns = reports.spec(Reports.ERROR_RATES_BY_OPERATION).columns();
    int errors = columns.indexOf(ErrorRates.ERRORS);
    int over = columns.indexOf(ErrorRatesByOperation.OVER_TIMEOUT);
    int rate = columns.indexOf(ErrorRates.ERROR_RATE);
    ReportResults.Top top =
        reports.top(
            Reports.ERROR_RATES_BY_OPERATION,
            row -> positive(row[errors]) || positive(row[over]),
            (a, b) -> {
              int compared = ReportResults.compareValues(b[over], a[over]);
              return compared != 0 ? compared : ReportResults.compareValues(b[rate], a[rate]);
            },
            PageSections.MAX_ROWS);
    return table(NOTE, COLUMNS, KEYS, columns, top);
  }

  private static boolean positive(Object value) {
    return value instanceof Number n && n.longValue() > 0;
  }

  /** Not used: the report is streamed, never a list of rows (see {@link #table(ReportResults)}). */
  @Override
  Table table(Rows rates) {
    throw new UnsupportedOperationException(Reports.ERROR_RATES_BY_OPERATION + " is streamed");
  }
}
