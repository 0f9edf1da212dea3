package com.hoteltraffic.output.page;

import com.hoteltraffic.model.ExchangeSchema;
import com.hoteltraffic.report.Reports;
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

  @Override
  Table table(Rows rates) {
    List<String> columns =
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
    Rows notable =
        rates.filtered(
            row ->
                rates.number(row, ErrorRates.ERRORS) > 0
                    || rates.number(row, ErrorRatesByOperation.OVER_TIMEOUT) > 0);
    return table(
        "Windows with errors or exchanges over the operation's "
            + "documented timeout, most over the timeout first, then by error rate; every window is in "
            + "error_rates_by_operation.csv.",
        columns,
        List.of(ErrorRates.WINDOW_START, ExchangeSchema.PROVIDER, ErrorRatesByOperation.OPERATION),
        notable,
        notable
            .<Long>by(ErrorRatesByOperation.OVER_TIMEOUT)
            .reversed()
            .thenComparing(notable.<Double>by(ErrorRates.ERROR_RATE).reversed()),
        PageSections.MAX_ROWS);
  }
}
