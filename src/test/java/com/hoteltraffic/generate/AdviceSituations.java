package com.hoteltraffic.generate;

import com.hoteltraffic.generate.CasyTraffic.Endpoint;
import java.util.ArrayList;
import java.util.List;

/**
 * Situations of the first day where the reports' advice must hold in the field, each on credentials
 * of its own so that their rows follow from the script alone:
 *
 * <ul>
 *   <li>{@link #REPEATS}: a Hotelbeds client that resends failed requests unchanged: a 400 and the
 *       three 410s Hotelbeds answers to its repeats, two 410s whose 400 is not in the recording, a
 *       400 resent after 12 min (inside Hotelbeds' 15 min window) and one resent after 16 min
 *       (outside), then a 406 and a 415;
 *   <li>{@link #UNEXPLAINED_403}: two Hotelbeds 403s whose body and headers name no sub-case;
 *   <li>{@link #UNREADABLE_BODIES}: a booking detail whose JSON is cut, an XML error cut, a CASY
 *       JSON error cut, and a plain-text 404 that is no parse failure.
 * </ul>
 */
public final class AdviceSituations {
  public static final String REPEATS = "hotelbeds_repeats_failed_requests";
  public static final String UNEXPLAINED_403 = "hotelbeds_403_without_sub_case";
  public static final String UNREADABLE_BODIES = "bodies_that_cannot_be_read";

  private final CasyTraffic casy;
  private final HotelbedsTraffic hb;
  private final long day0;
  private final long seed;
  private final World.ApiKey checker;
  private final World.CasyToken exporter;
  private final String casyHotel;
  final List<HealthTruth.Situation> situations = new ArrayList<>();

  AdviceSituations(GeneratorConfig config, World world) {
    this.casy = new CasyTraffic(world);
    this.hb = new HotelbedsTraffic(world);
    this.day0 = config.start().toEpochMilli();
    this.seed = config.seed();
    Rng rng = Rng.derive(seed, "advice-cast");
    checker = new World.ApiKey("rate-checker", rng.hex(32), rng.alnum(10), "api.hotelbeds.com", 0);
    casyHotel = world.casyHotels.get(12);
    exporter =
        new World.CasyToken(
            "night-export",
            "casy_" + rng.alnum(32),
            List.of(casyHotel),
            "NightExport/3.1 curl/8.5.0",
            Channel.CASY_APP,
            0);
  }

  /** The situations' exchanges of day {@code d} (all on the first day). */
  List<Exchange> day(int d) {
    List<Exchange> out = new ArrayList<>();
    if (d != 0) {
      return out;
    }
    Rng rng = Rng.derive(seed, "advice-day-0");
    repeats(out, rng, day0);
    unexplained403(out, rng, day0);
    unreadableBodies(out, rng, day0);
    return out;
  }

  private void repeats(List<Exchange> out, Rng rng, long day) {
    String body = availabilityBody("2026-12-40");
    Exchange first = hotels(rng, day + 9 * Times.HOUR, body);
    hb.formattedError(first, rng, 400, "INVALID_DATA", "Invalid check-in date", false, null);
    add(out, first);
    for (int i = 1; i <= 3; i++) {
      add(out, gone(hotels(rng, day + 9 * Times.HOUR + i * Times.MINUTE, body)));
    }
    add(out, hb.availability(rng, day + 9 * Times.HOUR + 10 * Times.MINUTE, checker));
    String unseen = availabilityBody("2026-12-41");
    for (int i = 0; i < 2; i++) {
      add(out, gone(hotels(rng, day + 11 * Times.HOUR + i * Times.MINUTE, unseen)));
    }
    resentAfter(out, rng, day + 13 * Times.HOUR, 12, availabilityBody("2026-12-42"));
    resentAfter(out, rng, day + 14 * Times.HOUR, 16, availabilityBody("2026-12-43"));
    Exchange accept = hotels(rng, day + 15 * Times.HOUR, availabilityBody("2026-12-44"));
    hb.plain(accept, 406, "", null, "NOT_ACCEPTABLE", "invalid_request");
    add(out, accept);
    Exchange media = hotels(rng, day + 15 * Times.HOUR + 5 * Times.MINUTE, "checkIn=2026-12-20");
    hb.plain(media, 415, "", null, "UNSUPPORTED_MEDIA_TYPE", "invalid_request");
    add(out, media);
    situations.add(new HealthTruth.Situation(REPEATS, "hotelbeds", checker.value(), ""));
  }

  /** A 400 at {@code ts} and the same request again {@code minutes} later, failing the same way. */
  private void resentAfter(List<Exchange> out, Rng rng, long ts, int minutes, String body) {
    for (long at : new long[] {ts, ts + minutes * Times.MINUTE}) {
      Exchange e = hotels(rng, at, body);
      hb.formattedError(e, rng, 400, "INVALID_DATA", "Invalid check-in date", false, null);
      add(out, e);
    }
  }

  private void unexplained403(List<Exchange> out, Rng rng, long day) {
    for (int i = 0; i < 2; i++) {
      Exchange e =
          hotels(
              rng,
              day + 16 * Times.HOUR + i * 30 * Times.MINUTE,
              availabilityBody("2026-12-2" + i));
      hb.plain(e, 403, "<h1>Forbidden</h1>", "text/html", "FORBIDDEN", "permission");
      add(out, e);
    }
    situations.add(new HealthTruth.Situation(UNEXPLAINED_403, "hotelbeds", checker.value(), ""));
  }

  private void unreadableBodies(List<Exchange> out, Rng rng, long day) {
    Exchange detail = hb.detail(rng, day + 17 * Times.HOUR, checker, "1-9300001");
    String whole = "{\"booking\":{\"reference\":\"1-9300001\",\"status\":\"CONFIRMED\"}}";
    hb.plain(detail, 200, whole.substring(0, 40), "application/json", "OK", "ok");
    detail.unreadable = new String[] {"booking_detail", "response", "json"};
    add(out, detail);

    Exchange xml =
        hotels(rng, day + 17 * Times.HOUR + 10 * Times.MINUTE, availabilityBody("2026-12-46"));
    hb.plain(
        xml,
        400,
        "<hotelsRS><error><code>INVALID_REQUEST-7F3A</code><message>Malformed",
        "application/xml",
        "INVALID_REQUEST",
        "invalid_request");
    xml.unreadable = new String[] {"availability", "response", "xml"};
    add(out, xml);

    Exchange plain = hb.detail(rng, day + 17 * Times.HOUR + 20 * Times.MINUTE, checker, "1-93");
    hb.plain(plain, 404, "Not Found", "text/plain", "NOT_FOUND", "not_found");
    add(out, plain);

    Exchange cut =
        casy.request(
            rng,
            day + 17 * Times.HOUR + 30 * Times.MINUTE,
            exporter.value(),
            exporter.userAgent(),
            casyHotel,
            Endpoint.RESERVATIONS);
    casy.bare(
        cut, 400, "{\"error\":\"invalid_parameter\",\"message\":\"Invalid", "application/json");
    cut.unreadable = new String[] {"reservations", "response", "json"};
    add(out, cut);
    situations.add(
        new HealthTruth.Situation(UNREADABLE_BODIES, "hotelbeds", checker.value(), casyHotel));
  }

  private Exchange hotels(Rng rng, long ts, String body) {
    return hb.request(rng, ts, checker, null, "POST", "/hotels", body, false, true);
  }

  /** Hotelbeds' 410 to a failed request repeated within 15 minutes; no body. */
  private Exchange gone(Exchange e) {
    hb.plain(e, 410, "", null, "REPEATED_FAILED_REQUEST", "invalid_request");
    return e;
  }

  private static String availabilityBody(String checkIn) {
    return "{\"stay\":{\"checkIn\":\""
        + checkIn
        + "\",\"checkOut\":\"2026-12-45\"},\"occupancies\":[{\"rooms\":1,\"adults\":2}]}";
  }

  private static void add(List<Exchange> out, Exchange e) {
    e.scripted = true;
    if (e.channel == null) {
      e.channel = "casy".equals(e.provider) ? Channel.CASY_APP : Channel.HOTELBEDS_ENGINE;
    }
    out.add(e);
  }
}
