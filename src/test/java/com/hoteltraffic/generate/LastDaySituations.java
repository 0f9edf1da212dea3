package com.hoteltraffic.generate;

import com.hoteltraffic.generate.CasyTraffic.Endpoint;
import java.util.ArrayList;
import java.util.List;

/**
 * The situations of the last generated day, which a daily run of that day compared with the day
 * before must alert on ({@link AlertTruth} derives those alerts from the traffic, not from this
 * script): an error code that appears on no earlier day, Hotelbeds' formatted {@code
 * CONFIGURATION_ERROR} (HTTP 500, class {@code product}) that the rest of the generator never
 * emits, answering three availability searches of the booking engine; and a CASY token, on its own
 * and seen on no earlier day, revoked in the afternoon, so that it turns {@code failing_auth}.
 *
 * <p>Across the day before and the last day, each on a credential of its own: a CASY token failing
 * on both days that was accepted in between (it recovered and failed again: alerts again), one that
 * simply stays revoked (a timeout its last answer; alerts only on the day it turned), and a
 * Hotelbeds key whose daily quota runs out on both days (each day's quota is new: alerts again).
 */
public final class LastDaySituations {
  static final String CODE = "CONFIGURATION_ERROR";
  static final int STATUS = 500;

  /** Three failures, five minutes apart from 09:20 of the last day. */
  private static final int CODE_FAILURES = 3;

  private final World world;
  private final CasyTraffic casy;
  private final HotelbedsTraffic hb;
  private final long start;
  private final int lastDay;
  private final long seed;
  private final World.CasyToken relapsed;
  private final World.CasyToken stillRevoked;
  private final World.ApiKey feed;

  /** The credentials scripted across the last two days, for the truth's rows and alerts. */
  final List<HealthTruth.Situation> situations = new ArrayList<>();

  public static final String RELAPSED = "token_recovered_and_revoked_again";
  public static final String STILL_REVOKED = "token_still_revoked";
  public static final String QUOTA_AGAIN = "daily_quota_used_up_again";

  LastDaySituations(GeneratorConfig config, World world) {
    this.world = world;
    this.casy = new CasyTraffic(world);
    this.hb = new HotelbedsTraffic(world);
    this.start = config.start().toEpochMilli();
    this.lastDay = config.days() - 1;
    this.seed = config.seed();
    Rng cast = Rng.derive(seed, "across-days-cast");
    relapsed = token(cast, "pricing-bridge", 13);
    stillRevoked = token(cast, "minibar-billing", 14);
    feed = new World.ApiKey("rate-feed", cast.hex(32), cast.alnum(10), "api.hotelbeds.com", 0);
    situations.add(new HealthTruth.Situation(RELAPSED, "casy", relapsed.value(), ""));
    situations.add(new HealthTruth.Situation(STILL_REVOKED, "casy", stillRevoked.value(), ""));
    situations.add(new HealthTruth.Situation(QUOTA_AGAIN, "hotelbeds", feed.value(), ""));
  }

  /** The situations' exchanges of day {@code d} (the last day and the day before). */
  List<Exchange> day(int d) {
    List<Exchange> out = new ArrayList<>();
    if (d != lastDay && d != lastDay - 1) {
      return out;
    }
    long day = start + d * Times.DAY;
    boolean last = d == lastDay;
    if (last) {
      newCode(out, Rng.derive(seed, "new-code-last-day"), day);
      revoked(out, Rng.derive(seed, "revoked-last-day"), day);
    }
    Rng rng = Rng.derive(seed, "across-days-" + d);
    // The day before: accepted at 08:00, refused from 09:00; the last day: accepted at 08:00
    // again, refused from 10:00.
    casyOk(out, rng, relapsed, day + 8 * Times.HOUR);
    casyFailures(out, rng, relapsed, day + (last ? 10 : 9) * Times.HOUR, 3);
    // Accepted at 08:00 the day before, then refused on both days, its last answer a timeout.
    if (!last) {
      casyOk(out, rng, stillRevoked, day + 8 * Times.HOUR);
    }
    casyFailures(out, rng, stillRevoked, day + 9 * Times.HOUR, 3);
    Exchange timeout =
        casy.request(
            rng,
            day + 9 * Times.HOUR + 50 * Times.MINUTE,
            stillRevoked.value(),
            stillRevoked.userAgent(),
            stillRevoked.hotels().get(0),
            Endpoint.RESERVATIONS);
    add(out, timeout.noResponse("timeout"), Channel.CASY_APP);
    // Served at 20:00 the day before, over its quota from 21:00; the last day over it from 00:30.
    if (!last) {
      add(out, hb.availability(rng, day + 20 * Times.HOUR, feed), Channel.HOTELBEDS_ENGINE);
    }
    long overRate = day + (last ? 30 * Times.MINUTE : 21 * Times.HOUR);
    for (int i = 0; i < 2; i++) {
      Exchange e = hb.availability(rng, overRate + i * 30 * Times.MINUTE, feed);
      hb.gateway403(e, "DEVELOPER_OVER_RATE", true);
      add(out, e, Channel.HOTELBEDS_ENGINE);
    }
    return out;
  }

  private World.CasyToken token(Rng rng, String name, int hotel) {
    return new World.CasyToken(
        name,
        "casy_" + rng.alnum(32),
        List.of(world.casyHotels.get(hotel)),
        name + "/1.0 okhttp/4.12.0",
        Channel.CASY_APP,
        0);
  }

  private void casyOk(List<Exchange> out, Rng rng, World.CasyToken token, long ts) {
    Exchange e =
        casy.request(
            rng,
            ts,
            token.value(),
            token.userAgent(),
            token.hotels().get(0),
            Endpoint.RESERVATIONS);
    casy.ok(e, rng, token);
    add(out, e, Channel.CASY_APP);
  }

  /** {@code n} 401 invalid_token_or_not_found, 15 min apart from {@code first}. */
  private void casyFailures(List<Exchange> out, Rng rng, World.CasyToken token, long first, int n) {
    for (int i = 0; i < n; i++) {
      Exchange e =
          casy.request(
              rng,
              first + i * 15 * Times.MINUTE,
              token.value(),
              token.userAgent(),
              token.hotels().get(0),
              Endpoint.RESERVATIONS);
      casy.error(e, rng, "invalid_token_or_not_found");
      add(out, e, Channel.CASY_APP);
    }
  }

  private void newCode(List<Exchange> out, Rng rng, long day) {
    World.ApiKey engine = world.apiKey("booking-engine");
    long first = day + 9 * Times.HOUR + 20 * Times.MINUTE;
    for (int i = 0; i < CODE_FAILURES; i++) {
      Exchange e = hb.availability(rng, first + i * 5 * Times.MINUTE, engine);
      hb.formattedError(
          e,
          rng,
          STATUS,
          CODE,
          "Configuration error: the account has no active contract for this destination",
          false,
          null);
      add(out, e, Channel.HOTELBEDS_ENGINE);
    }
  }

  /**
   * Successes at 16:00, 16:30 and 17:00, then from 17:40 every 15 min four 401 invalid_token: at
   * least three failures in a row, so failing_auth since 17:40.
   */
  private void revoked(List<Exchange> out, Rng rng, long day) {
    World.CasyToken door =
        new World.CasyToken(
            "door-locks",
            "casy_" + rng.alnum(32),
            List.of(world.casyHotels.get(12)),
            "DoorLocks/3.0 okhttp/4.12.0",
            Channel.CASY_APP,
            0);
    String hotel = door.hotels().get(0);
    for (int i = 0; i < 3; i++) {
      Exchange e =
          casy.request(
              rng,
              day + 16 * Times.HOUR + i * 30 * Times.MINUTE,
              door.value(),
              door.userAgent(),
              hotel,
              Endpoint.RESERVATIONS);
      casy.ok(e, rng, door);
      add(out, e, Channel.CASY_APP);
    }
    for (int i = 0; i < 4; i++) {
      Exchange e =
          casy.request(
              rng,
              day + 17 * Times.HOUR + (40 + i * 15) * Times.MINUTE,
              door.value(),
              door.userAgent(),
              hotel,
              Endpoint.RESERVATIONS);
      casy.error(e, rng, "invalid_token");
      add(out, e, Channel.CASY_APP);
    }
  }

  private static void add(List<Exchange> out, Exchange e, Channel channel) {
    e.scripted = true;
    e.channel = channel;
    out.add(e);
  }
}
