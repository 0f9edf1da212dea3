package com.hoteltraffic.generate;

import com.hoteltraffic.generate.CasyTraffic.Endpoint;
import com.hoteltraffic.generate.HotelbedsTraffic.Booking;
import java.util.ArrayList;
import java.util.List;

/**
 * The integration-health situations of the first day, each on credentials of its own so that its
 * rows in {@code credential_health}, {@code access_denied} and {@code error_rates_by_operation}
 * follow from the script alone: a CASY token revoked mid-day, a token asking for a hotel it may not
 * see and for one whose permission was removed, a client hammering an unchanged 400, and Hotelbeds
 * booking confirmations slower than the documented 60 s, and a revoked token whose last request
 * timed out. Times avoid the day's outages, so no success here ends one.
 */
public final class HealthSituations {
  public static final String REVOKED_MID_DAY = "token_revoked_mid_day";
  public static final String HOTEL_NEVER_GRANTED = "hotel_never_granted";
  public static final String PERMISSION_REMOVED = "permission_removed";
  public static final String HAMMERED_400 = "client_hammering_400";
  public static final String SLOW_CONFIRMATIONS = "slow_booking_confirmations";
  public static final String REVOKED_BEHIND_TIMEOUT = "token_revoked_behind_a_timeout";

  /**
   * Durations of the slow confirmations: 60 000 ms exactly is not over the timeout, the others are.
   */
  public static final long[] CONFIRMATION_MS = {60_000, 61_500, 75_000, 118_000};

  private final World world;
  private final CasyTraffic casy;
  private final HotelbedsTraffic hb;
  private final long day0;
  private final long seed;
  private final World.CasyToken kiosk;
  private final World.CasyToken widget;
  private final World.CasyToken reports;
  private final World.CasyToken audit;
  final List<HealthTruth.Situation> situations = new ArrayList<>();

  HealthSituations(GeneratorConfig config, World world) {
    this.world = world;
    this.casy = new CasyTraffic(world);
    this.hb = new HotelbedsTraffic(world);
    this.day0 = config.start().toEpochMilli();
    this.seed = config.seed();
    Rng rng = Rng.derive(seed, "health-cast");
    List<String> hotels = world.casyHotels;
    kiosk =
        new World.CasyToken(
            "kiosk-sync",
            "casy_" + rng.alnum(32),
            List.of(hotels.get(4), hotels.get(5)),
            "KioskSync/1.4 okhttp/4.12.0",
            Channel.CASY_APP,
            0);
    widget =
        new World.CasyToken(
            "rates-widget",
            "casy_" + rng.alnum(32),
            List.of(hotels.get(6)),
            "RatesWidget/0.7 node-fetch/3.3",
            Channel.CASY_APP,
            0);
    reports =
        new World.CasyToken(
            "report-builder",
            "casy_" + rng.alnum(32),
            List.of(hotels.get(8)),
            "ReportBuilder/2.2 python-requests/2.32.3",
            Channel.CASY_APP,
            0);
    audit =
        new World.CasyToken(
            "linen-sync",
            "casy_" + rng.alnum(32),
            List.of(hotels.get(9)),
            "LinenSync/1.1 okhttp/4.12.0",
            Channel.CASY_APP,
            0);
  }

  /** The situations' exchanges of day {@code d} (all on the first day). */
  List<Exchange> day(int d) {
    List<Exchange> out = new ArrayList<>();
    if (d != 0) {
      return out;
    }
    Rng rng = Rng.derive(seed, "health-day-0");
    long day = day0;
    revokedMidDay(out, rng, day);
    deniedHotels(out, rng, day);
    hammered400(out, rng, day);
    slowConfirmations(out, rng, day);
    revokedBehindTimeout(out, Rng.derive(seed, "health-revoked-timeout"), day);
    return out;
  }

  /**
   * Successes every 20 min from 06:00 to 11:40, then from 12:05 every request is 401
   * invalid_token_or_not_found.
   */
  private void revokedMidDay(List<Exchange> out, Rng rng, long day) {
    for (int i = 0; i < 18; i++) {
      ok(
          out,
          rng,
          day + 6 * Times.HOUR + i * 20 * Times.MINUTE,
          kiosk,
          kiosk.hotels().get(i % 2),
          Endpoint.RESERVATIONS);
    }
    for (int i = 0; i < 24; i++) {
      fail(
          out,
          rng,
          day + 12 * Times.HOUR + 5 * Times.MINUTE + i * 15 * Times.MINUTE,
          kiosk,
          kiosk.hotels().get(i % 2),
          Endpoint.RESERVATIONS,
          "invalid_token_or_not_found");
    }
    situations.add(new HealthTruth.Situation(REVOKED_MID_DAY, "casy", kiosk.value(), ""));
  }

  /**
   * Successes at 05:00 and 05:20, then 401 invalid_token_or_not_found at 05:40, 05:55 and 06:10,
   * then a timeout at 06:25 as the credential's last request: a timeout proves nothing about the
   * credential, so failing_auth since 05:40.
   */
  private void revokedBehindTimeout(List<Exchange> out, Rng rng, long day) {
    String hotel = audit.hotels().get(0);
    for (int i = 0; i < 2; i++) {
      ok(
          out,
          rng,
          day + 5 * Times.HOUR + i * 20 * Times.MINUTE,
          audit,
          hotel,
          Endpoint.RESERVATIONS);
    }
    for (int i = 0; i < 3; i++) {
      fail(
          out,
          rng,
          day + 5 * Times.HOUR + (40 + i * 15) * Times.MINUTE,
          audit,
          hotel,
          Endpoint.RESERVATIONS,
          "invalid_token_or_not_found");
    }
    Exchange timeout =
        casy.request(
            rng,
            day + 6 * Times.HOUR + 25 * Times.MINUTE,
            audit.value(),
            audit.userAgent(),
            hotel,
            Endpoint.RESERVATIONS);
    timeout.noResponse("timeout");
    add(out, timeout);
    situations.add(new HealthTruth.Situation(REVOKED_BEHIND_TIMEOUT, "casy", audit.value(), ""));
  }

  /**
   * The widget may read one hotel; it also asks four times for a hotel it never had, and for a
   * third one that worked at 07:00 and 07:30 and is forbidden from 13:00 (a removed permission).
   */
  private void deniedHotels(List<Exchange> out, Rng rng, long day) {
    String granted = widget.hotels().get(0);
    String never = world.casyHotels.get(10);
    String removed = world.casyHotels.get(11);
    for (int i = 0; i < 5; i++) {
      ok(
          out,
          rng,
          day + 8 * Times.HOUR + i * 30 * Times.MINUTE,
          widget,
          granted,
          Endpoint.RESERVATIONS);
    }
    for (int i = 0; i < 4; i++) {
      fail(
          out,
          rng,
          day + 8 * Times.HOUR + 15 * Times.MINUTE + i * Times.HOUR,
          widget,
          never,
          Endpoint.RESERVATIONS,
          "forbidden");
    }
    ok(out, rng, day + 7 * Times.HOUR, widget, removed, Endpoint.RESERVATIONS);
    ok(out, rng, day + 7 * Times.HOUR + 30 * Times.MINUTE, widget, removed, Endpoint.HEALTH);
    for (int i = 0; i < 3; i++) {
      fail(
          out,
          rng,
          day + 13 * Times.HOUR + i * 30 * Times.MINUTE,
          widget,
          removed,
          Endpoint.RESERVATIONS,
          "forbidden");
    }
    situations.add(new HealthTruth.Situation(HOTEL_NEVER_GRANTED, "casy", widget.value(), never));
    situations.add(new HealthTruth.Situation(PERMISSION_REMOVED, "casy", widget.value(), removed));
  }

  /**
   * The same malformed request (dd.mm.yyyy dates) 12 times 20 s apart from 15:00, then the fixed
   * one.
   */
  private void hammered400(List<Exchange> out, Rng rng, long day) {
    String hotel = reports.hotels().get(0);
    String url = CasyTraffic.BASE + "/reservations/" + hotel + "?start_date=01.12.2026&limit=50";
    for (int i = 0; i < 12; i++) {
      Exchange e =
          casy.request(
              rng,
              day + 15 * Times.HOUR + i * 20 * Times.SECOND,
              reports.value(),
              reports.userAgent(),
              hotel,
              Endpoint.RESERVATIONS);
      e.url = url;
      casy.error(e, rng, "invalid_parameter");
      add(out, e);
    }
    ok(out, rng, day + 15 * Times.HOUR + 5 * Times.MINUTE, reports, hotel, Endpoint.RESERVATIONS);
    situations.add(new HealthTruth.Situation(HAMMERED_400, "casy", reports.value(), hotel));
  }

  /** Four successful confirmations from 21:10, 10 min apart, taking {@link #CONFIRMATION_MS}. */
  private void slowConfirmations(List<Exchange> out, Rng rng, long day) {
    World.ApiKey engine = world.apiKey("booking-engine");
    for (int i = 0; i < CONFIRMATION_MS.length; i++) {
      long ts = day + 21 * Times.HOUR + (10 + i * 10) * Times.MINUTE;
      Booking booking =
          hb.newBooking(
              rng,
              ts,
              "web-slow" + rng.alnum(8).toLowerCase(java.util.Locale.ROOT),
              rng.pick(world.hbHotels),
              "1-" + (9_100_000 + i));
      Exchange e = hb.confirmationRequest(rng, ts, engine, booking, false);
      hb.bookingAnswer(e, rng, booking);
      e.durationMs = CONFIRMATION_MS[i];
      e.channel = Channel.HOTELBEDS_ENGINE;
      add(out, e);
    }
    situations.add(new HealthTruth.Situation(SLOW_CONFIRMATIONS, "hotelbeds", engine.value(), ""));
  }

  private void ok(
      List<Exchange> out,
      Rng rng,
      long ts,
      World.CasyToken token,
      String hotel,
      Endpoint endpoint) {
    Exchange e = casy.request(rng, ts, token.value(), token.userAgent(), hotel, endpoint);
    casy.ok(e, rng, token);
    add(out, e);
  }

  private void fail(
      List<Exchange> out,
      Rng rng,
      long ts,
      World.CasyToken token,
      String hotel,
      Endpoint endpoint,
      String code) {
    Exchange e = casy.request(rng, ts, token.value(), token.userAgent(), hotel, endpoint);
    casy.error(e, rng, code);
    add(out, e);
  }

  private static void add(List<Exchange> out, Exchange e) {
    e.scripted = true;
    if (e.channel == null) {
      e.channel = Channel.CASY_APP;
    }
    out.add(e);
  }
}
