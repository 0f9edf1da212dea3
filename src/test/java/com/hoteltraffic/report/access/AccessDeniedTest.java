package com.hoteltraffic.report.access;

import static com.hoteltraffic.report.engine.HealthExchanges.casyOk;
import static com.hoteltraffic.report.engine.HealthExchanges.exchange;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.hoteltraffic.model.ClassifiedExchange;
import com.hoteltraffic.model.ErrorClass;
import com.hoteltraffic.report.engine.HealthExchanges;
import com.hoteltraffic.report.engine.PieceKey;
import com.hoteltraffic.report.engine.ReportRow;
import com.hoteltraffic.report.engine.ReportSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccessDeniedTest {
  private static final PieceKey KEY = new PieceKey("access", "casy", "t1", "H9", 0);

  private static List<ReportRow> rows(int parts, ClassifiedExchange... exchanges) {
    return HealthExchanges.rowsOf(
        AccessCell::new,
        (cell, e) -> cell.add(e, HealthExchanges.micros(e)),
        KEY,
        ReportSettings.defaults(),
        parts,
        exchanges);
  }

  private static ClassifiedExchange forbidden(String ts) {
    return exchange("casy", ts, "t1", "H9", 403, "forbidden", ErrorClass.PERMISSION);
  }

  @Test
  void aHotelTheCredentialNeverHadNeverSucceeded() {
    List<ReportRow> rows =
        rows(
            2,
            forbidden("2026-03-01T10:00:00Z"),
            forbidden("2026-03-01T09:00:00Z"),
            exchange(
                "casy",
                "2026-03-01T11:00:00Z",
                "t1",
                "H9",
                403,
                "forbidden_action",
                ErrorClass.PERMISSION),
            exchange(
                "casy",
                "2026-03-01T12:00:00Z",
                "t1",
                "H9",
                500,
                "internal_error",
                ErrorClass.SERVER_ERROR));
    // provider|token_id|token_hint|hotel_id|forbidden|forbidden_action|unclassified|first_seen|last_seen|ever_succeeded|
    // last_success
    assertEquals(
        List.of("casy|t1|...t1|H9|2|1|0|2026-03-01T09:00:00Z|2026-03-01T11:00:00Z|false|"),
        rows.stream().map(HealthExchanges::text).toList(),
        "denials only; the 500 is neither");
  }

  @Test
  void aRemovedPermissionSucceededBeforeTheFirstDenial() {
    List<ReportRow> rows =
        rows(
            3,
            casyOk("2026-03-01T08:00:00Z", "t1", "H9"),
            forbidden("2026-03-01T10:00:00Z"),
            casyOk("2026-03-01T08:30:00Z", "t1", "H9"));
    assertEquals(
        List.of(
            "casy|t1|...t1|H9|1|0|0|2026-03-01T10:00:00Z|2026-03-01T10:00:00Z|true|2026-03-01T08:30:00Z"),
        rows.stream().map(HealthExchanges::text).toList(),
        "last success before the first denial");
  }

  @Test
  void aCredentialAndHotelWithoutDenialsHasNoRow() {
    assertEquals(
        List.of(), rows(1, casyOk("2026-03-01T08:00:00Z", "t1", "H9")), "no denial, no row");
  }

  @Test
  void hotelbedsDenialsCountByDocumentedCode() {
    assertEquals(
        "forbidden_action",
        AccessDenied.denialOf("hotelbeds", 403, "ACCESS_DISALLOWED"),
        "API not enabled");
    assertEquals(
        "unclassified",
        AccessDenied.denialOf("hotelbeds", 403, "FORBIDDEN"),
        "a 403 neither body nor X-Mashery-Error-Code explained: not a hotel permission");
    assertEquals(
        null,
        AccessDenied.denialOf("hotelbeds", 403, "HTTP_403"),
        "Hotelbeds' unreadable 403 is FORBIDDEN, never HTTP_403 (its taxonomy has a status default)");
    assertEquals(
        null, AccessDenied.denialOf("hotelbeds", 403, "DEVELOPER_INACTIVE"), "an auth failure");
    assertEquals(null, AccessDenied.denialOf("casy", 401, "forbidden"), "a code at another status");
  }

  @Test
  void unreadable403sAreUnclassifiedNeverForbidden() {
    assertEquals(
        "unclassified",
        AccessDenied.denialOf("casy", 403, "HTTP_403"),
        "a CASY 403 whose body named no code");
    assertEquals(
        "forbidden", AccessDenied.denialOf("casy", 403, "forbidden"), "nearest proof: the code");
    assertEquals(
        null, AccessDenied.denialOf("casy", 404, "HTTP_404"), "an unreadable 404 is no denial");
    List<ReportRow> rows =
        rows(
            2,
            exchange(
                "casy", "2026-03-01T10:00:00Z", "t1", "H9", 403, "HTTP_403", ErrorClass.PERMISSION),
            forbidden("2026-03-01T11:00:00Z"),
            exchange(
                "casy",
                "2026-03-01T12:00:00Z",
                "t1",
                "H9",
                403,
                "HTTP_403",
                ErrorClass.PERMISSION));
    assertEquals(
        List.of("casy|t1|...t1|H9|1|0|2|2026-03-01T10:00:00Z|2026-03-01T12:00:00Z|false|"),
        rows.stream().map(HealthExchanges::text).toList(),
        "two unreadable 403s in their own column, one forbidden");
    assertEquals(
        List.of("casy|t1|...t1|H9|0|0|1|2026-03-01T10:00:00Z|2026-03-01T10:00:00Z|false|"),
        rows(
                1,
                exchange(
                    "casy",
                    "2026-03-01T10:00:00Z",
                    "t1",
                    "H9",
                    403,
                    "HTTP_403",
                    ErrorClass.PERMISSION))
            .stream()
            .map(HealthExchanges::text)
            .toList(),
        "an unclassified 403 alone still makes a row");
  }
}
