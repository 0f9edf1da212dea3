package com.hoteltraffic.generate;

import java.util.List;

/**
 * What a generated archive contains, known from construction: per-file line counts, totals, the
 * aggregates the analyzer must reproduce (by hotel, credential, code and hour), the incidents
 * (rate-limit bursts, CASY database outages) and the status of every uncertain booking. Timestamps
 * are ISO-8601 UTC with milliseconds and {@code Z}; {@code ""} means "none" for hotel and
 * credential. Credentials are raw: tests pseudonymise them before comparing with reports.
 */
public record GroundTruth(
    GeneratorConfig config,
    List<FileStats> files,
    Totals totals,
    List<HotelCount> byHotel,
    List<TokenCount> byToken,
    List<CodeCount> byCode,
    List<HourCount> byHour,
    List<Burst> bursts,
    List<Outage> outages,
    List<UncertainBooking> bookings,
    HealthTruth.Result health,
    List<ExpectedAlert> alerts,
    List<AvailabilityDay> availability) {

  /** Counts over all files. */
  public record Totals(long exchanges, long quarantined, long blank, long errors) {}

  public record HotelCount(String provider, String hotelId, long requests, long errors) {}

  public record TokenCount(String provider, String token, long requests, long errors) {}

  /** {@code httpStatus} is null for exchanges that got no response. */
  public record CodeCount(
      String provider,
      Integer httpStatus,
      String errorCode,
      String errorClass,
      long count,
      String firstSeen,
      String lastSeen) {}

  public record HourCount(
      String windowStart, String provider, String hotelId, long requests, long errors) {}

  /**
   * A run of at least {@link #BURST_MIN} rejections of one kind and credential: {@code
   * rate_limited} (the QPS bursts the plan counts) or {@code quota_exceeded} (daily quota), with
   * the client's {@code client_backoff} ({@code backed_off} or {@code kept_sending}).
   */
  public record Burst(
      String provider,
      String token,
      String kind,
      String start,
      String end,
      long rejected,
      long requests,
      String clientBackoff) {}

  /**
   * {@code recoveredAt} is the first later success (of the hotel, or of any hotel for central), or
   * null.
   */
  public record Outage(
      String provider,
      String scope,
      String hotelId,
      String start,
      String end,
      long failedRequests,
      String recoveredAt) {}

  /**
   * An uncertain Hotelbeds booking confirmation and what later traffic shows about it; {@code
   * referencesSeen} lists every booking seen with its client reference (several for DUPLICATE).
   */
  public record UncertainBooking(
      String attemptTs,
      String token,
      String hotelId,
      String clientReference,
      String outcome,
      String status,
      String bookingReference,
      String bookingStatus,
      List<String> referencesSeen) {}

  /**
   * One alert of {@code alerts.json} that a daily run of the last day, compared with the day
   * before, must raise (see {@link AlertTruth}): {@code where} holds the key columns and values as
   * the report's CSV writes them, except that a {@code token_id} is the raw credential.
   */
  public record ExpectedAlert(
      String severity, String kind, String report, java.util.Map<String, String> where) {}

  /**
   * One row of {@code availability_by_day} in UTC (see {@link AvailabilityTruth}): {@code
   * availability} as the CSV writes it (6 decimals, trailing zeros dropped); {@code latencyP95Ms}
   * null when no exchange of the row recorded a duration.
   */
  public record AvailabilityDay(
      String day,
      String provider,
      String operation,
      long requests,
      long serverErrors,
      long upstreamUnavailable,
      long timeouts,
      long noResponse,
      long failures,
      String availability,
      Long latencyP95Ms) {}

  /** The analyzer defaults the incidents were built for. */
  public static final int BURST_GAP_SECONDS = 60;

  public static final int BURST_MIN = 5;
  public static final int OUTAGE_GAP_SECONDS = 300;
  public static final int OUTAGE_MIN = 3;

  /** The {@code ground_truth.json} text: stable key and row order, one row per line. */
  public String toJson() {
    StringBuilder out = new StringBuilder(64 * 1024);
    out.append("{\"config\":{\"seed\":")
        .append(config.seed())
        .append(",\"start\":\"")
        .append(config.start())
        .append("\",\"days\":")
        .append(config.days())
        .append(",\"exchanges_per_day\":")
        .append(config.exchangesPerDay())
        .append(",\"plain\":")
        .append(config.plain())
        .append(",\"analyzer_defaults\":{\"burst_gap_s\":")
        .append(BURST_GAP_SECONDS)
        .append(",\"burst_min\":")
        .append(BURST_MIN)
        .append(",\"outage_gap_s\":")
        .append(OUTAGE_GAP_SECONDS)
        .append(",\"outage_min\":")
        .append(OUTAGE_MIN)
        .append(",\"window\":\"1h\",\"timezone\":\"UTC\"}},\n");
    out.append("\"files\":[");
    for (int i = 0; i < files.size(); i++) {
      FileStats f = files.get(i);
      row(out, i);
      out.append("{\"path\":");
      Json.quote(out, f.path())
          .append(",\"format\":\"")
          .append(f.format())
          .append("\",\"lines\":")
          .append(f.lines())
          .append(",\"blank\":")
          .append(f.blank())
          .append(",\"exchanges\":")
          .append(f.exchanges())
          .append(",\"quarantined\":")
          .append(f.quarantined())
          .append('}');
    }
    out.append("\n],\n\"totals\":{\"exchanges\":")
        .append(totals.exchanges())
        .append(",\"quarantined\":")
        .append(totals.quarantined())
        .append(",\"blank\":")
        .append(totals.blank())
        .append(",\"errors\":")
        .append(totals.errors())
        .append("},\n\"by_hotel\":[");
    for (int i = 0; i < byHotel.size(); i++) {
      HotelCount h = byHotel.get(i);
      row(out, i);
      out.append("{\"provider\":\"").append(h.provider()).append("\",\"hotel_id\":");
      Json.quote(out, h.hotelId())
          .append(",\"requests\":")
          .append(h.requests())
          .append(",\"errors\":")
          .append(h.errors())
          .append('}');
    }
    out.append("\n],\n\"by_token\":[");
    for (int i = 0; i < byToken.size(); i++) {
      TokenCount t = byToken.get(i);
      row(out, i);
      out.append("{\"provider\":\"").append(t.provider()).append("\",\"token\":");
      Json.quote(out, t.token())
          .append(",\"requests\":")
          .append(t.requests())
          .append(",\"errors\":")
          .append(t.errors())
          .append('}');
    }
    out.append("\n],\n\"by_code\":[");
    for (int i = 0; i < byCode.size(); i++) {
      CodeCount c = byCode.get(i);
      row(out, i);
      out.append("{\"provider\":\"")
          .append(c.provider())
          .append("\",\"http_status\":")
          .append(c.httpStatus())
          .append(",\"error_code\":");
      Json.quote(out, c.errorCode())
          .append(",\"error_class\":\"")
          .append(c.errorClass())
          .append("\",\"count\":")
          .append(c.count())
          .append(",\"first_seen\":\"")
          .append(c.firstSeen())
          .append("\",\"last_seen\":\"")
          .append(c.lastSeen())
          .append("\"}");
    }
    out.append("\n],\n\"by_hour\":[");
    for (int i = 0; i < byHour.size(); i++) {
      HourCount h = byHour.get(i);
      row(out, i);
      out.append("{\"window_start\":\"")
          .append(h.windowStart())
          .append("\",\"provider\":\"")
          .append(h.provider())
          .append("\",\"hotel_id\":");
      Json.quote(out, h.hotelId())
          .append(",\"requests\":")
          .append(h.requests())
          .append(",\"errors\":")
          .append(h.errors())
          .append('}');
    }
    out.append("\n],\n\"bursts\":[");
    for (int i = 0; i < bursts.size(); i++) {
      Burst b = bursts.get(i);
      row(out, i);
      out.append("{\"provider\":\"").append(b.provider()).append("\",\"token\":");
      Json.quote(out, b.token())
          .append(",\"kind\":\"")
          .append(b.kind())
          .append("\",\"start\":\"")
          .append(b.start())
          .append("\",\"end\":\"")
          .append(b.end())
          .append("\",\"rejected\":")
          .append(b.rejected())
          .append(",\"requests\":")
          .append(b.requests())
          .append(",\"client_backoff\":\"")
          .append(b.clientBackoff())
          .append("\"}");
    }
    out.append("\n],\n\"outages\":[");
    for (int i = 0; i < outages.size(); i++) {
      Outage o = outages.get(i);
      row(out, i);
      out.append("{\"provider\":\"")
          .append(o.provider())
          .append("\",\"scope\":\"")
          .append(o.scope())
          .append("\",\"hotel_id\":");
      Json.quote(out, o.hotelId())
          .append(",\"start\":\"")
          .append(o.start())
          .append("\",\"end\":\"")
          .append(o.end())
          .append("\",\"failed_requests\":")
          .append(o.failedRequests())
          .append(",\"recovered_at\":");
      Json.quote(out, o.recoveredAt()).append('}');
    }
    out.append("\n],\n\"bookings\":[");
    for (int i = 0; i < bookings.size(); i++) {
      UncertainBooking b = bookings.get(i);
      row(out, i);
      out.append("{\"attempt_ts\":\"").append(b.attemptTs()).append("\",\"token\":");
      Json.quote(out, b.token()).append(",\"hotel_id\":");
      Json.quote(out, b.hotelId()).append(",\"client_reference\":");
      Json.quote(out, b.clientReference())
          .append(",\"outcome\":\"")
          .append(b.outcome())
          .append("\",\"status\":\"")
          .append(b.status())
          .append("\",\"booking_reference\":");
      Json.quote(out, b.bookingReference()).append(",\"booking_status\":");
      Json.quote(out, b.bookingStatus()).append(",\"references_seen\":[");
      for (int j = 0; j < b.referencesSeen().size(); j++) {
        Json.quote(j == 0 ? out : out.append(','), b.referencesSeen().get(j));
      }
      out.append("]}");
    }
    out.append("\n],\n\"health\":").append(HealthTruth.json(health));
    out.append(",\n\"alerts\":[");
    for (int i = 0; i < alerts.size(); i++) {
      ExpectedAlert a = alerts.get(i);
      row(out, i);
      out.append("{\"severity\":\"")
          .append(a.severity())
          .append("\",\"kind\":\"")
          .append(a.kind())
          .append("\",\"report\":\"")
          .append(a.report())
          .append("\",\"where\":{");
      boolean first = true;
      for (java.util.Map.Entry<String, String> entry : a.where().entrySet()) {
        Json.quote(first ? out : out.append(','), entry.getKey()).append(':');
        Json.quote(out, entry.getValue());
        first = false;
      }
      out.append("}}");
    }
    out.append("\n],\n\"availability_by_day\":[");
    for (int i = 0; i < availability.size(); i++) {
      AvailabilityDay a = availability.get(i);
      row(out, i);
      out.append("{\"day\":\"")
          .append(a.day())
          .append("\",\"provider\":\"")
          .append(a.provider())
          .append("\",\"operation\":\"")
          .append(a.operation())
          .append("\",\"requests\":")
          .append(a.requests())
          .append(",\"server_errors\":")
          .append(a.serverErrors())
          .append(",\"upstream_unavailable\":")
          .append(a.upstreamUnavailable())
          .append(",\"timeouts\":")
          .append(a.timeouts())
          .append(",\"no_response\":")
          .append(a.noResponse())
          .append(",\"failures\":")
          .append(a.failures())
          .append(",\"availability\":")
          .append(a.availability())
          .append(",\"latency_p95_ms\":")
          .append(a.latencyP95Ms())
          .append('}');
    }
    out.append("\n]");
    return out.append("}\n").toString();
  }

  private static void row(StringBuilder out, int index) {
    out.append(index == 0 ? "\n  " : ",\n  ");
  }
}
