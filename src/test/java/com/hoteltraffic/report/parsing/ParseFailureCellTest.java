package com.hoteltraffic.report.parsing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.hoteltraffic.model.ClassifiedExchange;
import com.hoteltraffic.model.ErrorClass;
import com.hoteltraffic.report.engine.HealthExchanges;
import com.hoteltraffic.report.engine.PieceKey;
import com.hoteltraffic.report.engine.ReportRow;
import com.hoteltraffic.report.engine.ReportSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParseFailureCellTest {
  @Test
  void countsPerKeyWhateverTheMergeOrder() {
    ClassifiedExchange[] failures = new ClassifiedExchange[5];
    for (int i = 0; i < failures.length; i++) {
      failures[i] =
          HealthExchanges.exchange(
              "hotelbeds",
              "2026-03-01T1" + (5 - i) + ":00:00Z",
              "t1",
              null,
              200,
              "OK",
              ErrorClass.OK);
    }
    PieceKey key = new PieceKey("parse", "hotelbeds", "booking_list", "response/json", 0);
    for (int parts = 1; parts <= 3; parts++) {
      List<ReportRow> rows =
          HealthExchanges.rowsOf(
              ParseFailureCell::new,
              (cell, e) -> cell.add(HealthExchanges.micros(e)),
              key,
              ReportSettings.defaults(),
              parts,
              failures);
      // provider|operation|body|format|count|first_seen|last_seen
      assertEquals(
          List.of(
              "hotelbeds|booking_list|response|json|5|2026-03-01T11:00:00Z|2026-03-01T15:00:00Z"),
          rows.stream().map(HealthExchanges::text).toList(),
          "five unreadable list pages from " + parts + " pieces");
    }
  }
}
