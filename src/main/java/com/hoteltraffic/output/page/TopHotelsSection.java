package com.hoteltraffic.output.page;

import com.hoteltraffic.model.ExchangeSchema;
import com.hoteltraffic.report.Reports;

/** The hotels with the highest error rate over the run: which hotels' traffic fails most. */
final class TopHotelsSection extends TopSection {
  TopHotelsSection() {
    super(
        "top-hotels",
        "Top hotels",
        "Top hotels by error rate",
        Reports.ERROR_RATES_BY_HOTEL,
        ExchangeSchema.HOTEL_ID,
        null,
        "hotels");
  }
}
