package com.hoteltraffic.generate;

import java.util.ArrayList;
import java.util.List;

/**
 * An error code that appears on the last generated day and on no earlier one: Hotelbeds answers
 * three availability searches of the booking engine with the formatted error {@code
 * CONFIGURATION_ERROR} (HTTP 500, class {@code product}), which the rest of the generator never
 * emits. A daily run of that day compared with the day before must raise a {@code new_error_code}
 * alert for it ({@link AlertTruth} derives that from the traffic, not from this script).
 */
final class NewCodeSituation {
  static final String CODE = "CONFIGURATION_ERROR";
  static final int STATUS = 500;

  /** Three failures, five minutes apart from 09:20 of the last day. */
  private static final int FAILURES = 3;

  private final World world;
  private final HotelbedsTraffic hb;
  private final long start;
  private final int lastDay;
  private final long seed;

  NewCodeSituation(GeneratorConfig config, World world) {
    this.world = world;
    this.hb = new HotelbedsTraffic(world);
    this.start = config.start().toEpochMilli();
    this.lastDay = config.days() - 1;
    this.seed = config.seed();
  }

  /** The situation's exchanges of day {@code d} (only the last day has any). */
  List<Exchange> day(int d) {
    List<Exchange> out = new ArrayList<>();
    if (d != lastDay) {
      return out;
    }
    Rng rng = Rng.derive(seed, "new-code-last-day");
    World.ApiKey engine = world.apiKey("booking-engine");
    long first = start + d * Times.DAY + 9 * Times.HOUR + 20 * Times.MINUTE;
    for (int i = 0; i < FAILURES; i++) {
      Exchange e = hb.availability(rng, first + i * 5 * Times.MINUTE, engine);
      hb.formattedError(
          e,
          rng,
          STATUS,
          CODE,
          "Configuration error: the account has no active contract for this destination",
          false,
          null);
      e.scripted = true;
      e.channel = Channel.HOTELBEDS_ENGINE;
      out.add(e);
    }
    return out;
  }
}
