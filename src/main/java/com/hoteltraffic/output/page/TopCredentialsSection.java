package com.hoteltraffic.output.page;

import com.hoteltraffic.model.ExchangeSchema;
import com.hoteltraffic.report.Reports;

/**
 * The credentials with the highest error rate over the run, each with its token hint: which
 * client's traffic fails most.
 */
final class TopCredentialsSection extends TopSection {
  TopCredentialsSection() {
    super(
        "top-credentials",
        "Top credentials",
        "Top credentials by error rate",
        Reports.ERROR_RATES_BY_TOKEN,
        ExchangeSchema.TOKEN_ID,
        ExchangeSchema.TOKEN_HINT,
        "credentials");
  }
}
