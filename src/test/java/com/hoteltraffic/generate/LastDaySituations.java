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
 */
final class LastDaySituations {
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

  LastDaySituations(GeneratorConfig config, World world) {
    this.world = world;
    this.casy = new CasyTraffic(world);
    this.hb = new HotelbedsTraffic(world);
    this.start = config.start().toEpochMilli();
    this.lastDay = config.days() - 1;
    this.seed = config.seed();
  }

  /** The situations' exchanges of day {@code d} (only the last day has any). */
  List<Exchange> day(int d) {
    List<Exchange> out = new ArrayList<>();
    if (d != lastDay) {
      return out;
    }
    long day = start + d * Times.DAY;
    newCode(out, Rng.derive(seed, "new-code-last-day"), day);
    revoked(out, Rng.derive(seed, "revoked-last-day"), day);
    return out;
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
