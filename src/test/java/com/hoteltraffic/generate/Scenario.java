package com.hoteltraffic.generate;

import com.hoteltraffic.generate.CasyTraffic.Endpoint;
import com.hoteltraffic.generate.HotelbedsTraffic.Booking;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * What happens on each day: background traffic (mostly successes, rare isolated errors that can
 * never form an incident) and, on the first two days, the scripted incidents the ground truth is
 * about. The scripted parts record what they were built to show (bursts, outages, booking outcomes)
 * so the generator can check the computed truth against the plan.
 */
final class Scenario {
  /** An outage window: CASY requests it covers fail with the scope's 502 code. */
  record Overlay(String scope, String hotel, long start, long end) {}

  /** The reconciliation status an uncertain booking confirmation was built to have. */
  record BookingTruth(
      long attemptTs,
      String token,
      String hotelId,
      String clientReference,
      String outcome,
      String status,
      String bookingReference,
      String bookingStatus,
      List<String> referencesSeen) {}

  final List<Overlay> overlays = new ArrayList<>();
  final List<BookingTruth> bookings = new ArrayList<>();
  int plannedBursts;
  int plannedTenantOutages;
  int plannedCentralOutages;

  /** Background traffic's relative volume in each UTC hour of a day. */
  static final int[] HOUR_WEIGHTS = {
    2, 1, 1, 1, 1, 2, 4, 7, 9, 10, 10, 10, 9, 9, 10, 10, 9, 8, 7, 6, 5, 4, 3, 2
  };

  private static final String[] CLIENT_PREFIXES = {
    "web-", "Agency", "BK", "app_", "b2b-", "Tui", "Expedia"
  };

  private final GeneratorConfig config;
  private final World world;
  private final CasyTraffic casy;
  private final HotelbedsTraffic hb;
  private final long day0;
  private final List<World.CasyToken> backgroundTokens = new ArrayList<>();
  private final String mitmKey;

  /** Recent background bookings, for detail, change, cancellation and list traffic. */
  private final List<Booking> recentBookings = new ArrayList<>();

  private long nextReference = 3_814_850;

  Scenario(GeneratorConfig config, World world) {
    this.config = config;
    this.world = world;
    this.casy = new CasyTraffic(world);
    this.hb = new HotelbedsTraffic(world);
    this.day0 = config.start().toEpochMilli();
    this.mitmKey = world.apiKey("mobile-app").value();
    for (World.CasyToken token : world.casyTokens) {
      if (token.channel() != Channel.CASY_BROWSER_HAR) {
        backgroundTokens.add(token);
      }
    }
  }

  /** Every exchange generated for day {@code d} (a few scripted ones may run past its midnight). */
  List<Exchange> day(int d) {
    List<Exchange> out = new ArrayList<>(config.exchangesPerDay() + 600);
    Rng rng = Rng.derive(config.seed(), "background-day-" + d);
    long dayStart = day0 + d * Times.DAY;
    int total = 0;
    for (int weight : HOUR_WEIGHTS) {
      total += weight;
    }
    for (int i = 0; i < config.exchangesPerDay(); i++) {
      int draw = rng.nextInt(total);
      int hour = 0;
      while (draw >= HOUR_WEIGHTS[hour]) {
        draw -= HOUR_WEIGHTS[hour++];
      }
      long ts = dayStart + hour * Times.HOUR + rng.nextLong(Times.HOUR);
      out.add(background(rng, d, ts));
    }
    if (d == 0) {
      browserNonErrorsAndFailures(out, Rng.derive(config.seed(), "browser-day-0"), dayStart);
      firstDay(out, Rng.derive(config.seed(), "incidents-day-0"), dayStart);
    } else if (d == 1) {
      secondDay(out, Rng.derive(config.seed(), "incidents-day-1"), dayStart);
      new EvidenceScenarios(world, this)
          .secondDay(out, Rng.derive(config.seed(), "evidence-day-1"), dayStart);
      new AdviceScenarios(world, this)
          .secondDay(out, Rng.derive(config.seed(), "advice-day-1"), dayStart);
    }
    return out;
  }

  // ================================================================ background

  /**
   * One background exchange of day {@code d} at {@code ts}: the provider mix, the egress-proxy
   * share and the mitmproxy capture hour of every generated corpus ({@link ScaleCorpus} streams
   * them in time order).
   */
  Exchange background(Rng rng, int d, long ts) {
    long dayStart = day0 + d * Times.DAY;
    double provider = rng.nextDouble();
    Exchange e =
        provider < 0.55
            ? backgroundCasy(rng, ts)
            : provider < 0.98 ? backgroundHotelbeds(rng, ts) : unknown(rng, ts);
    if (e.channel != Channel.CASY_BROWSER_HAR
        && e.channel != Channel.HOTELBEDS_MITM_HAR
        && rng.chance(0.08)) {
      e.channel = Channel.EGRESS_PROXY;
    }
    if (d == 1
        && e.token.equals(mitmKey)
        && ts >= dayStart + 8 * Times.HOUR
        && ts < dayStart + 9 * Times.HOUR) {
      e.channel = Channel.HOTELBEDS_MITM_HAR;
    }
    return e;
  }

  private Exchange backgroundCasy(Rng rng, long ts) {
    World.CasyToken token = World.weighted(rng, backgroundTokens, World.CasyToken::weight);
    double roll = rng.nextDouble();
    Endpoint endpoint =
        roll < 0.55
            ? Endpoint.RESERVATIONS
            : roll < 0.8
                ? Endpoint.RESERVATIONS_ALL
                : roll < 0.96 ? Endpoint.HEALTH : Endpoint.INTROSPECT;
    String hotel = rng.pick(token.hotels());
    if (!rng.chance(0.03)) {
      Exchange e = casy.request(rng, ts, token.value(), token.userAgent(), hotel, endpoint);
      casy.ok(e, rng, token);
      e.channel = token.channel();
      return e;
    }
    return casyError(rng, ts, token, hotel, rng.nextInt(13));
  }

  /** One of the isolated CASY errors (never 429 or a DB failure: those only come scripted). */
  private Exchange casyError(Rng rng, long ts, World.CasyToken token, String hotel, int variant) {
    Exchange e;
    switch (variant) {
      case 0 -> {
        e = casy.request(rng, ts, token.value(), token.userAgent(), hotel, Endpoint.RESERVATIONS);
        String day = Times.date(ts);
        e.url =
            CasyTraffic.BASE
                + "/reservations/"
                + hotel
                + "?start_date="
                + day.substring(8)
                + "."
                + day.substring(5, 7)
                + "."
                + day.substring(0, 4)
                + "&limit=50";
        casy.error(e, rng, "invalid_parameter");
      }
      case 1 -> {
        e = casy.request(rng, ts, null, token.userAgent(), hotel, Endpoint.RESERVATIONS);
        casy.error(e, rng, "missing_token");
      }
      case 2 -> {
        e =
            casy.request(
                rng,
                ts,
                token.value().substring(0, 21),
                token.userAgent(),
                hotel,
                Endpoint.RESERVATIONS);
        casy.error(e, rng, "invalid_token");
      }
      case 3 -> {
        e =
            casy.request(
                rng,
                ts,
                rng.pick(world.revokedCasyTokens),
                token.userAgent(),
                hotel,
                Endpoint.HEALTH);
        casy.error(e, rng, "invalid_token_or_not_found");
      }
      case 4 -> {
        String other = hotel;
        for (String candidate : world.casyHotels) {
          if (!token.hotels().contains(candidate)) {
            other = candidate;
            break;
          }
        }
        e = casy.request(rng, ts, token.value(), token.userAgent(), other, Endpoint.RESERVATIONS);
        if (other.equals(hotel)) {
          casy.ok(e, rng, token);
        } else {
          casy.error(e, rng, "forbidden");
        }
      }
      case 5 -> {
        e =
            casy.request(
                rng, ts, token.value(), token.userAgent(), hotel, Endpoint.RESERVATIONS_ALL);
        casy.error(e, rng, "forbidden_action");
      }
      case 6 -> {
        e = casy.request(rng, ts, token.value(), token.userAgent(), hotel, Endpoint.RESERVATIONS);
        e.url = e.url.replace("page=1", "page=" + rng.between(4, 12));
        casy.error(e, rng, "not_found");
      }
      case 7 -> {
        e =
            casy.request(
                rng,
                ts,
                token.value(),
                token.userAgent(),
                world.unknownCasyHotel(),
                Endpoint.HEALTH);
        casy.error(e, rng, "unknown_hotel");
      }
      case 8 -> {
        e =
            casy.request(
                rng, ts, token.value(), token.userAgent(), hotel, Endpoint.RESERVATIONS_ALL);
        casy.error(e, rng, "internal_error");
      }
      case 9 -> {
        e = casy.request(rng, ts, token.value(), token.userAgent(), hotel, Endpoint.RESERVATIONS);
        e.durationMs = rng.between(30_000, 30_100);
        casy.bare(
            e,
            502,
            "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n",
            "text/html");
      }
      case 10 -> {
        e = casy.request(rng, ts, token.value(), token.userAgent(), hotel, Endpoint.HEALTH);
        casy.bare(e, 502, null, null);
      }
      case 11 -> {
        e =
            casy.request(
                rng, ts, token.value(), token.userAgent(), hotel, Endpoint.RESERVATIONS_ALL);
        e.durationMs = 30_000;
        e.noResponse("timeout");
      }
      default -> {
        e = casy.request(rng, ts, token.value(), token.userAgent(), hotel, Endpoint.RESERVATIONS);
        e.durationMs = rng.between(5, 900);
        e.noResponse("connection reset");
      }
    }
    e.channel = token.channel() == Channel.CASY_BROWSER_HAR ? Channel.CASY_APP : token.channel();
    return e;
  }

  private Exchange backgroundHotelbeds(Rng rng, long ts) {
    World.ApiKey key = World.weighted(rng, world.apiKeys, World.ApiKey::weight);
    double op = rng.nextDouble();
    boolean error = rng.chance(0.03);
    Exchange e;
    if (op < 0.55 || (op >= 0.8 && recentBookings.isEmpty())) {
      e = hb.availability(rng, ts, key);
    } else if (op < 0.7) {
      e = hb.checkrates(rng, ts, key, rng.pick(world.hbHotels));
    } else if (op < 0.8) {
      Booking booking =
          hb.newBooking(
              rng, ts, clientReference(rng), rng.pick(world.hbHotels), nextReference(rng));
      e = hb.confirmationRequest(rng, ts, key, booking, rng.chance(0.15));
      if (!error) {
        hb.bookingAnswer(e, rng, booking);
        remember(booking);
      }
    } else if (op < 0.86) {
      long from = ts + rng.between(3, 20) * Times.DAY;
      String start = Times.date(from);
      String end = Times.date(from + 30 * Times.DAY);
      boolean xml = rng.chance(0.3);
      e =
          hb.listRequest(
              rng,
              ts,
              key,
              start,
              end,
              1,
              100,
              "CHECKIN",
              rng.chance(0.5) ? "ALL" : "CONFIRMED",
              null,
              xml);
      List<Booking> page = new ArrayList<>();
      for (Booking b : recentBookings) {
        if (b.checkIn().compareTo(start) >= 0
            && b.checkIn().compareTo(end) <= 0
            && page.size() < 5
            && rng.chance(0.3)) {
          page.add(b);
        }
      }
      hb.listAnswer(e, rng, page, 1, 100, page.size(), xml);
    } else if (op < 0.93) {
      Booking b = rng.pick(recentBookings);
      e = hb.detail(rng, ts, key, b.reference());
      hb.bookingAnswer(e, rng, b);
    } else if (op < 0.97) {
      int index = rng.nextInt(recentBookings.size());
      boolean simulation = rng.chance(0.3);
      Booking b = recentBookings.get(index);
      e = hb.cancellation(rng, ts, key, b.reference(), simulation);
      Booking cancelled = b.withStatus("CANCELLED");
      hb.bookingAnswer(e, rng, cancelled);
      if (!simulation) {
        recentBookings.set(index, cancelled);
      }
    } else {
      Booking b = rng.pick(recentBookings);
      e = hb.change(rng, ts, key, b);
      hb.bookingAnswer(e, rng, b);
    }
    if (error) {
      hotelbedsError(rng, e);
    }
    e.channel = Channel.HOTELBEDS_ENGINE;
    return e;
  }

  /**
   * Replaces the answer of {@code e} with an isolated error (never 429, over-QPS or a 504 at
   * confirmation).
   */
  private void hotelbedsError(Rng rng, Exchange e) {
    boolean confirmation = e.method.equals("POST") && e.url.contains("/bookings");
    boolean bookingById = e.url.contains("/bookings/");
    boolean list = e.method.equals("GET") && e.url.contains("/bookings?");
    if (bookingById || list) {
      e.hotelId = "";
    }
    int variant = rng.nextInt(11);
    if (confirmation && variant >= 8) {
      variant = 3;
    }
    switch (variant) {
      case 0 ->
          hb.formattedError(
              e,
              rng,
              400,
              "INVALID_REQUEST",
              "The data of this request is not compliant with the specified version of the API",
              false,
              null);
      case 1 ->
          hb.formattedError(
              e,
              rng,
              400,
              "INVALID_DATA",
              "Invalid data: check-in date is in the past",
              false,
              null);
      case 2 ->
          hb.formattedError(
              e,
              rng,
              500,
              "SYSTEM_ERROR",
              "Internal system error, please contact support",
              false,
              null);
      case 3 ->
          hb.formattedError(
              e, rng, 500, "PRODUCT_ERROR", "Service not available for this hotel", false, null);
      case 4 ->
          hb.plain(
              e,
              500,
              "Internal Server Error",
              "text/plain",
              "INTERNAL_SERVER_ERROR",
              "server_error");
      case 5 ->
          hb.plain(
              e,
              502,
              "<html><body><h1>502 Bad Gateway</h1></body></html>",
              "text/html",
              "BAD_GATEWAY",
              "upstream_unavailable");
      case 6 ->
          hb.plain(
              e,
              503,
              "Service Unavailable",
              "text/plain",
              "SERVICE_UNAVAILABLE",
              "upstream_unavailable");
      case 7 ->
          hb.newGateway(
              e,
              401,
              "Request signature verification failed",
              "SIGNATURE_VERIFICATION_FAILED",
              "auth");
      case 8 -> {
        e.durationMs = 60_000;
        hb.plain(
            e,
            504,
            "<html><body><h1>504 Gateway Time-out</h1>The server didn't respond in time.</body></html>",
            "text/html",
            "GATEWAY_TIMEOUT",
            "timeout");
      }
      case 9 -> {
        e.durationMs = 30_000;
        e.noResponse("timeout");
      }
      default -> hb.plain(e, 404, "Not Found", "text/plain", "NOT_FOUND", "not_found");
    }
  }

  private Exchange unknown(Rng rng, long ts) {
    Exchange e = new Exchange();
    e.tsMillis = ts;
    e.durationMs = rng.between(20, 300);
    e.provider = "unknown";
    e.method = "GET";
    e.requestHeader("Accept", "application/json");
    e.requestHeader("User-Agent", "ChannelSync/4.2.1 (java 17)");
    int which = rng.nextInt(3);
    if (which == 0) {
      e.url = "https://api.frankfurter.app/latest?from=EUR&to=CHF";
      e.responseHeader("Content-Type", "application/json");
      e.respond(
          200,
          "{\"amount\":1.0,\"base\":\"EUR\",\"date\":\""
              + Times.date(ts)
              + "\",\"rates\":{\"CHF\":0."
              + rng.between(9300, 9500)
              + "}}",
          true,
          "OK",
          "ok");
    } else if (which == 1) {
      e.url = "https://status.channel-sync.example/api/v2/status.json";
      if (rng.chance(0.9)) {
        e.responseHeader("Content-Type", "application/json");
        e.respond(
            200,
            "{\"status\":{\"indicator\":\"none\",\"description\":\"All Systems Operational\"}}",
            true,
            "OK",
            "ok");
      } else {
        e.responseHeader("Content-Type", "text/html");
        e.respond(
            503,
            "<html><body>Service Temporarily Unavailable</body></html>",
            false,
            "HTTP_503",
            "undocumented");
      }
    } else {
      e.method = "POST";
      e.url = "https://api.postmarkapp.com/email";
      e.requestHeader("Content-Type", "application/json");
      e.requestBody =
          "{\"From\":\"reservations@hotel.example\",\"To\":\"guest@example.com\",\"Subject\":\"Your booking\",\"TextBody\":\"Thank you for your booking.\"}";
      e.requestBodyIsJson = true;
      e.responseHeader("Content-Type", "application/json");
      if (rng.chance(0.9)) {
        e.respond(
            200,
            "{\"ErrorCode\":0,\"Message\":\"OK\",\"MessageID\":\""
                + rng.hex(8)
                + "-"
                + rng.hex(4)
                + "\"}",
            true,
            "OK",
            "ok");
      } else {
        e.respond(
            422,
            "{\"ErrorCode\":300,\"Message\":\"Invalid email request\"}",
            true,
            "HTTP_422",
            "undocumented");
      }
    }
    e.channel = Channel.EGRESS_PROXY;
    return e;
  }

  private String clientReference(Rng rng) {
    String prefix = rng.pick(CLIENT_PREFIXES);
    return prefix
        + rng.alnum(Math.min(20 - prefix.length(), 10)).toLowerCase(java.util.Locale.ROOT);
  }

  private String nextReference(Rng rng) {
    nextReference += rng.between(1, 40);
    return "1-" + nextReference;
  }

  private void remember(Booking booking) {
    recentBookings.add(booking);
    if (recentBookings.size() > 300) {
      recentBookings.remove(0);
    }
  }

  // ================================================================ helpers for scripted traffic

  private Exchange casyOk(
      List<Exchange> out,
      Rng rng,
      long ts,
      World.CasyToken token,
      String hotel,
      Endpoint endpoint) {
    Exchange e = casy.request(rng, ts, token.value(), token.userAgent(), hotel, endpoint);
    casy.ok(e, rng, token);
    return scripted(out, e, token.channel());
  }

  private Exchange casyFail(
      List<Exchange> out,
      Rng rng,
      long ts,
      World.CasyToken token,
      String hotel,
      Endpoint endpoint,
      String code) {
    Exchange e = casy.request(rng, ts, token.value(), token.userAgent(), hotel, endpoint);
    casy.error(e, rng, code);
    return scripted(out, e, token.channel());
  }

  /**
   * What a real browser HAR holds besides 2xx: a 304 Not Modified, a 301 redirect and a websocket
   * upgrade 101 (not errors for any provider), and Chrome's {@code _error} for exchanges without a
   * response: {@code net::ERR_TIMED_OUT} is a timeout, {@code net::ERR_CONNECTION_RESET} is not.
   * Its own random stream, so the rest of the traffic is unchanged.
   */
  private void browserNonErrorsAndFailures(List<Exchange> out, Rng rng, long day) {
    World.CasyToken support = world.casyToken("support-dashboard");
    String hotel = support.hotels().get(0);
    long ts = day + 10 * Times.HOUR + 5 * Times.MINUTE;

    Exchange notModified =
        casy.request(rng, ts, support.value(), support.userAgent(), hotel, Endpoint.RESERVATIONS);
    notModified.requestHeader("If-None-Match", "W/\"5f1c-" + rng.between(1_000, 9_999) + "\"");
    notModified.respond(304, null, false, "HTTP_304", "ok");
    notModified.responseHeader("Server", "nginx");
    scripted(out, notModified, Channel.CASY_BROWSER_HAR);

    Exchange moved =
        casy.request(
            rng,
            ts + 40 * Times.SECOND,
            support.value(),
            support.userAgent(),
            hotel,
            Endpoint.HEALTH);
    moved.url = moved.url + "/";
    moved.respond(301, null, false, "HTTP_301", "ok");
    moved.responseHeader("Location", CasyTraffic.BASE + "/health/hotels/" + hotel);
    moved.responseHeader("Server", "nginx");
    scripted(out, moved, Channel.CASY_BROWSER_HAR);

    Exchange upgrade =
        casy.request(
            rng,
            ts + 75 * Times.SECOND,
            support.value(),
            support.userAgent(),
            hotel,
            Endpoint.HEALTH);
    upgrade.requestHeader("Connection", "Upgrade");
    upgrade.requestHeader("Upgrade", "websocket");
    upgrade.respond(101, null, false, "HTTP_101", "ok");
    upgrade.responseHeader("Connection", "Upgrade");
    upgrade.responseHeader("Upgrade", "websocket");
    scripted(out, upgrade, Channel.CASY_BROWSER_HAR);

    Exchange timedOut =
        casy.request(
            rng,
            ts + 2 * Times.MINUTE,
            support.value(),
            support.userAgent(),
            hotel,
            Endpoint.RESERVATIONS);
    timedOut.durationMs = 30_000;
    timedOut.noResponse("net::ERR_TIMED_OUT");
    scripted(out, timedOut, Channel.CASY_BROWSER_HAR);

    Exchange reset =
        casy.request(
            rng,
            ts + 3 * Times.MINUTE,
            support.value(),
            support.userAgent(),
            hotel,
            Endpoint.RESERVATIONS);
    reset.durationMs = rng.between(200, 2_000);
    reset.noResponse("net::ERR_CONNECTION_RESET");
    scripted(out, reset, Channel.CASY_BROWSER_HAR);
  }

  private static Exchange scripted(List<Exchange> out, Exchange e, Channel channel) {
    e.scripted = true;
    e.channel = channel;
    out.add(e);
    return e;
  }

  /**
   * A CASY client sending at {@code times}: the server accepts at most 10 requests per sliding 60 s
   * per token and answers the rest with the documented 429.
   */
  private void casyClient(
      List<Exchange> out, Rng rng, World.CasyToken token, long[] times, Deque<Long> accepted) {
    for (long ts : times) {
      while (!accepted.isEmpty() && accepted.peekFirst() <= ts - 60 * Times.SECOND) {
        accepted.removeFirst();
      }
      String hotel = rng.pick(token.hotels());
      Exchange e =
          casy.request(
              rng,
              ts,
              token.value(),
              token.userAgent(),
              hotel,
              rng.chance(0.7) ? Endpoint.RESERVATIONS : Endpoint.HEALTH);
      if (accepted.size() < 10) {
        accepted.addLast(ts);
        casy.ok(e, rng, token);
      } else {
        casy.rateLimited(e, rng);
      }
      scripted(out, e, token.channel());
    }
  }

  private static long[] evenly(long start, int count, long stepMillis) {
    long[] times = new long[count];
    for (int i = 0; i < count; i++) {
      times[i] = start + i * stepMillis;
    }
    return times;
  }

  /** Hotelbeds availability calls at {@code times}; beyond 2 per second the gateway rejects. */
  private void hotelbedsClient(
      List<Exchange> out,
      Rng rng,
      World.ApiKey key,
      long[] times,
      boolean masheryQps,
      Channel channel) {
    Deque<Long> accepted = new ArrayDeque<>();
    for (long ts : times) {
      while (!accepted.isEmpty() && accepted.peekFirst() <= ts - Times.SECOND) {
        accepted.removeFirst();
      }
      Exchange e = hb.availability(rng, ts, key);
      if (accepted.size() < 2) {
        accepted.addLast(ts);
      } else if (masheryQps) {
        hb.gateway403(e, "DEVELOPER_OVER_QPS", rng.chance(0.8));
      } else if (rng.chance(0.5)) {
        hb.newGateway(e, 429, "Rate limit exceeded", "RATE_LIMIT_EXCEEDED", "rate_limited");
      } else {
        hb.plain(
            e, 429, "Rate limit exceeded", "text/plain", "RATE_LIMIT_EXCEEDED", "rate_limited");
      }
      scripted(out, e, channel);
    }
  }

  // ================================================================ day 0

  private void firstDay(List<Exchange> out, Rng rng, long day) {
    World.CasyToken channelManager = world.casyToken("channel-manager");
    World.CasyToken revenue = world.casyToken("revenue-tool");
    World.CasyToken nightAudit = world.casyToken("night-audit");
    World.CasyToken guestApp = world.casyToken("guest-app");
    World.CasyToken legacyPos = world.casyToken("legacy-pos");
    World.CasyToken support = world.casyToken("support-dashboard");

    // Tenant outage: one hotel's database is down for ~15 minutes; every request to it fails.
    String outageHotel = channelManager.hotels().get(0);
    long outageStart = day + 3 * Times.HOUR + 10 * Times.MINUTE;
    long ts = outageStart;
    int n = 0;
    while (ts < outageStart + 14 * Times.MINUTE) {
      World.CasyToken token = n % 3 == 2 ? legacyPos : channelManager;
      casyFail(
          out,
          rng,
          ts,
          token,
          outageHotel,
          n % 4 == 3 ? Endpoint.HEALTH : Endpoint.RESERVATIONS,
          "tenant_db_unavailable");
      ts += rng.between(40, 110) * Times.SECOND;
      n++;
    }
    overlays.add(new Overlay("tenant", outageHotel, outageStart, ts - Times.SECOND));
    casyOk(out, rng, ts + 2 * Times.MINUTE, channelManager, outageHotel, Endpoint.HEALTH);
    plannedTenantOutages++;

    // Every documented CASY error once (plus the status-only variants), far from any incident.
    long sprinkle = day + 5 * Times.HOUR;
    for (int variant = 0; variant <= 12; variant++) {
      Exchange e =
          casyError(
              rng,
              sprinkle + variant * 4 * Times.MINUTE,
              channelManager,
              channelManager.hotels().get(3),
              variant);
      e.scripted = true;
      out.add(e);
    }
    Exchange noBody401 =
        casy.request(
            rng,
            day + 6 * Times.HOUR,
            "casy_" + rng.alnum(32),
            "curl/8.5.0",
            channelManager.hotels().get(2),
            Endpoint.RESERVATIONS);
    casy.bare(noBody401, 401, null, null);
    scripted(out, noBody401, Channel.CASY_APP);
    Exchange html403 =
        casy.request(
            rng,
            day + 6 * Times.HOUR + 5 * Times.MINUTE,
            revenue.value(),
            revenue.userAgent(),
            revenue.hotels().get(1),
            Endpoint.RESERVATIONS_ALL);
    casy.bare(html403, 403, "<html><body><h1>403 Forbidden</h1></body></html>", "text/html");
    scripted(out, html403, Channel.CASY_APP);
    Exchange html404 =
        casy.request(
            rng,
            day + 6 * Times.HOUR + 9 * Times.MINUTE,
            revenue.value(),
            revenue.userAgent(),
            revenue.hotels().get(1),
            Endpoint.HEALTH);
    casy.bare(html404, 404, "<html><body><h1>404 Not Found</h1></body></html>", "text/html");
    scripted(out, html404, Channel.CASY_APP);
    Exchange html500 =
        casy.request(
            rng,
            day + 6 * Times.HOUR + 14 * Times.MINUTE,
            revenue.value(),
            revenue.userAgent(),
            revenue.hotels().get(2),
            Endpoint.RESERVATIONS);
    casy.bare(html500, 500, "<html><body>Internal Server Error</body></html>", "text/html");
    scripted(out, html500, Channel.CASY_APP);
    // A lone 429 is not a burst.
    Exchange lone =
        casy.request(
            rng,
            day + 5 * Times.HOUR + 30 * Times.MINUTE + 7 * Times.SECOND,
            guestApp.value(),
            guestApp.userAgent(),
            guestApp.hotels().get(0),
            Endpoint.RESERVATIONS);
    casy.rateLimited(lone, rng);
    scripted(out, lone, guestApp.channel());

    // Burst 1: a client hammering every 1.5 s for a minute and a half.
    casyClient(
        out, rng, channelManager, evenly(day + 7 * Times.HOUR, 60, 1_500), new ArrayDeque<>());
    plannedBursts++;

    // The support engineer's browser session (Firefox HAR).
    long session = day + 9 * Times.HOUR + 2 * Times.MINUTE;
    casyOk(out, rng, session, support, "", Endpoint.INTROSPECT);
    for (int i = 0; i < 36; i++) {
      session += rng.between(20, 80) * Times.SECOND;
      String hotel = support.hotels().get(i % support.hotels().size());
      casyOk(
          out, rng, session, support, hotel, i % 3 == 0 ? Endpoint.HEALTH : Endpoint.RESERVATIONS);
    }
    Exchange mistyped =
        casy.request(
            rng,
            session + 30 * Times.SECOND,
            support.value(),
            support.userAgent(),
            world.unknownCasyHotel(),
            Endpoint.HEALTH);
    casy.error(mistyped, rng, "unknown_hotel");
    scripted(out, mistyped, Channel.CASY_BROWSER_HAR);

    // Burst 2: the client backs off exponentially after its first rejections.
    long[] backoff = new long[20];
    System.arraycopy(evenly(day + 14 * Times.HOUR, 15, 1_000), 0, backoff, 0, 15);
    long delay = 2_000;
    for (int i = 15; i < 20; i++) {
      backoff[i] = backoff[i - 1] + delay;
      delay *= 2;
    }
    casyClient(out, rng, revenue, backoff, new ArrayDeque<>());
    plannedBursts++;

    // Exactly 4 rejections: below --burst-min, not a burst.
    casyClient(out, rng, guestApp, evenly(day + 18 * Times.HOUR, 14, 1_000), new ArrayDeque<>());

    // A lone tenant failure is not an outage.
    casyFail(
        out,
        rng,
        day + 19 * Times.HOUR + 45 * Times.MINUTE,
        guestApp,
        guestApp.hotels().get(0),
        Endpoint.RESERVATIONS,
        "tenant_db_unavailable");

    // Burst 3: across midnight, so split over two day files.
    casyClient(
        out,
        rng,
        nightAudit,
        evenly(day + Times.DAY - 50 * Times.SECOND, 40, 2_500),
        new ArrayDeque<>());
    plannedBursts++;

    hotelbedsFirstDay(out, rng, day);
  }

  private void hotelbedsFirstDay(List<Exchange> out, Rng rng, long day) {
    World.ApiKey engine = world.apiKey("booking-engine");
    World.ApiKey search = world.apiKey("search-cache");
    World.ApiKey mobile = world.apiKey("mobile-app");
    World.ApiKey qa = world.apiKey("qa-sandbox");
    String today = Times.date(day);

    // DUPLICATE: 504, blind retry succeeds, a later list by clientReference shows two bookings.
    long t = day + 8 * Times.HOUR + 10 * Times.MINUTE;
    Booking first =
        hb.newBooking(
            rng,
            t,
            "dup-" + rng.alnum(6).toLowerCase(),
            rng.pick(world.hbHotels),
            nextReference(rng));
    timeout504(out, rng, t, engine, first, false);
    Booking second =
        new Booking(
            nextReference(rng),
            first.clientReference(),
            first.hotel(),
            first.checkIn(),
            first.checkOut(),
            first.holderName(),
            first.holderSurname(),
            first.totalNet(),
            "CONFIRMED",
            today,
            first.rateKey());
    confirmOk(out, rng, t + 65 * Times.SECOND, engine, second);
    listByClientReference(
        out,
        rng,
        t + 21 * Times.MINUTE,
        engine,
        first.clientReference(),
        today,
        List.of(first, second),
        false);
    bookings.add(
        truth(
            t,
            engine,
            first,
            "HTTP_504",
            "DUPLICATE",
            "",
            "",
            List.of(first.reference(), second.reference())));

    // BOOKED: no response, a later XML list by clientReference shows exactly one.
    t = day + 9 * Times.HOUR + 20 * Times.MINUTE;
    Booking booked =
        hb.newBooking(rng, t, "Mob" + rng.alnum(9), rng.pick(world.hbHotels), nextReference(rng));
    noResponse(out, rng, t, mobile, booked, "timeout", Channel.HOTELBEDS_ENGINE);
    listByClientReference(
        out,
        rng,
        t + 6 * Times.MINUTE,
        mobile,
        booked.clientReference(),
        today,
        List.of(booked),
        true);
    bookings.add(
        truth(
            t,
            mobile,
            booked,
            "NO_RESPONSE",
            "BOOKED",
            booked.reference(),
            "CONFIRMED",
            List.of(booked.reference())));

    // BOOKED, found by a check-in list, then cancelled: the detail shows CANCELLED.
    t = day + 10 * Times.HOUR + 40 * Times.MINUTE;
    Booking found =
        hb.newBooking(
            rng,
            t,
            "web-" + rng.alnum(8).toLowerCase(),
            rng.pick(world.hbHotels),
            nextReference(rng));
    timeout504(out, rng, t, engine, found, true);
    List<Booking> page =
        new ArrayList<>(
            List.of(
                otherBooking(rng, t, found.checkIn()),
                found,
                otherBooking(rng, t, found.checkIn())));
    Exchange checkinList =
        hb.listRequest(
            rng,
            t + 15 * Times.MINUTE,
            engine,
            found.checkIn(),
            found.checkIn(),
            1,
            100,
            "CHECKIN",
            "ALL",
            null,
            false);
    hb.listAnswer(checkinList, rng, page, 1, 100, 3, false);
    scripted(out, checkinList, Channel.HOTELBEDS_ENGINE);
    Booking cancelled = found.withStatus("CANCELLED");
    Exchange cancel = hb.cancellation(rng, t + 22 * Times.MINUTE, engine, found.reference(), false);
    hb.bookingAnswer(cancel, rng, cancelled);
    scripted(out, cancel, Channel.HOTELBEDS_ENGINE);
    Exchange detail = hb.detail(rng, t + 23 * Times.MINUTE, engine, found.reference());
    hb.bookingAnswer(detail, rng, cancelled);
    scripted(out, detail, Channel.HOTELBEDS_ENGINE);
    bookings.add(
        truth(
            t,
            engine,
            found,
            "HTTP_504",
            "BOOKED",
            found.reference(),
            "CANCELLED",
            List.of(found.reference())));

    // BOOKED_ON_RETRY: connection reset, the retry succeeds, nothing else looks it up.
    t = day + 12 * Times.HOUR + 15 * Times.MINUTE;
    Booking lost =
        hb.newBooking(rng, t, "BK" + rng.alnum(8), rng.pick(world.hbHotels), nextReference(rng));
    noResponse(out, rng, t, engine, lost, "connection reset", Channel.HOTELBEDS_ENGINE);
    Booking retried =
        new Booking(
            nextReference(rng),
            lost.clientReference(),
            lost.hotel(),
            lost.checkIn(),
            lost.checkOut(),
            lost.holderName(),
            lost.holderSurname(),
            lost.totalNet(),
            "CONFIRMED",
            today,
            lost.rateKey());
    confirmOk(out, rng, t + 40 * Times.SECOND, engine, retried);
    bookings.add(
        truth(
            t,
            engine,
            lost,
            "NO_RESPONSE",
            "BOOKED_ON_RETRY",
            retried.reference(),
            "CONFIRMED",
            List.of(retried.reference())));

    // NOT_BOOKED: a later list by clientReference is complete and empty (JSON, then XML).
    t = day + 13 * Times.HOUR + 30 * Times.MINUTE;
    Booking notBooked =
        hb.newBooking(
            rng, t, "Agency" + rng.alnum(7), rng.pick(world.hbHotels), nextReference(rng));
    timeout504(out, rng, t, engine, notBooked, false);
    listByClientReference(
        out,
        rng,
        t + 4 * Times.MINUTE,
        engine,
        notBooked.clientReference(),
        today,
        List.of(),
        false);
    bookings.add(truth(t, engine, notBooked, "HTTP_504", "NOT_BOOKED", "", "", List.of()));
    t = day + 16 * Times.HOUR + 45 * Times.MINUTE;
    Booking notBookedXml =
        hb.newBooking(
            rng,
            t,
            "app_" + rng.alnum(9).toLowerCase(),
            rng.pick(world.hbHotels),
            nextReference(rng));
    noResponse(out, rng, t, mobile, notBookedXml, "timeout", Channel.HOTELBEDS_ENGINE);
    listByClientReference(
        out,
        rng,
        t + 5 * Times.MINUTE,
        mobile,
        notBookedXml.clientReference(),
        today,
        List.of(),
        true);
    bookings.add(truth(t, mobile, notBookedXml, "NO_RESPONSE", "NOT_BOOKED", "", "", List.of()));

    // Failed confirmations that are certain (not listed as unconfirmed).
    Booking closed =
        hb.newBooking(
            rng,
            day + 14 * Times.HOUR,
            "web-" + rng.alnum(8).toLowerCase(),
            rng.pick(world.hbHotels),
            "");
    Exchange product =
        hb.confirmationRequest(
            rng, day + 14 * Times.HOUR + 10 * Times.MINUTE, engine, closed, false);
    hb.formattedError(
        product,
        rng,
        500,
        "PRODUCT_ERROR",
        "Service not available: the hotel is closed for the requested dates",
        false,
        null);
    scripted(out, product, Channel.HOTELBEDS_ENGINE);
    Exchange allotment =
        hb.confirmationRequest(
            rng, day + 14 * Times.HOUR + 12 * Times.MINUTE, engine, closed, false);
    hb.plain(
        allotment,
        503,
        "Insufficient allotment",
        "text/plain",
        "INSUFFICIENT_ALLOTMENT",
        "product");
    scripted(out, allotment, Channel.HOTELBEDS_ENGINE);

    // Hotelbeds 429 burst of the search cache, and a lone 429 later.
    hotelbedsClient(
        out, rng, search, evenly(day + 15 * Times.HOUR, 40, 300), false, Channel.HOTELBEDS_ENGINE);
    plannedBursts++;
    Exchange lone = hb.availability(rng, day + 20 * Times.HOUR, search);
    hb.newGateway(lone, 429, "Rate limit exceeded", "RATE_LIMIT_EXCEEDED", "rate_limited");
    scripted(out, lone, Channel.HOTELBEDS_ENGINE);

    hotelbedsSprinkles(out, rng, day + 17 * Times.HOUR, engine, qa);
    unknownSprinkles(out, rng, day + 11 * Times.HOUR);
  }

  /** One exchange of every documented Hotelbeds error shape, four minutes apart. */
  private void hotelbedsSprinkles(
      List<Exchange> out, Rng rng, long start, World.ApiKey engine, World.ApiKey qa) {
    long t = start;
    long step = 4 * Times.MINUTE;
    Exchange e = hb.availability(rng, t, engine);
    hb.formattedError(
        e,
        rng,
        400,
        "INVALID_REQUEST",
        "The data of this request is not compliant with the specified version of the API. Error at property occupancies: The number of children are wrong",
        false,
        null);
    scripted(out, e, Channel.HOTELBEDS_ENGINE);
    e = hb.availability(rng, t += step, qa);
    e.requestHeaders.removeIf(h -> h[0].equals("Accept"));
    e.requestHeader("Accept", "application/xml");
    hb.formattedError(
        e,
        rng,
        400,
        "INVALID_REQUEST",
        "Error at property stay: checkOut must be after checkIn",
        true,
        "availabilityRS");
    scripted(out, e, Channel.HOTELBEDS_ENGINE);
    e = hb.checkrates(rng, t += step, engine, rng.pick(world.hbHotels));
    hb.formattedError(
        e,
        rng,
        400,
        "INVALID_DATA",
        "Invalid data: the rate has changed, recheck the rateKey",
        false,
        null);
    scripted(out, e, Channel.HOTELBEDS_ENGINE);
    e = hb.availability(rng, t += step, engine);
    hb.plain(e, 400, "Bad Request", "text/plain", "BAD_REQUEST", "invalid_request");
    scripted(out, e, Channel.HOTELBEDS_ENGINE);
    Booking card =
        hb.newBooking(
            rng, t += step, "web-" + rng.alnum(8).toLowerCase(), rng.pick(world.hbHotels), "");
    e = hb.confirmationRequest(rng, t, engine, card, true);
    hb.plain(
        e,
        400,
        "The card data are not correctly tokenized. Card Number o CVC is not tokenized.",
        "text/plain",
        "CARD_NOT_TOKENIZED",
        "payment");
    scripted(out, e, Channel.HOTELBEDS_ENGINE);
    e = hb.confirmationRequest(rng, t += step, engine, card, false);
    hb.plain(e, 402, "Payment Required", "text/plain", "PAYMENT_REQUIRED", "payment");
    scripted(out, e, Channel.HOTELBEDS_ENGINE);
    e = hb.availability(rng, t += step, engine);
    hb.plain(e, 401, "<h1>Not Authorized</h1>", "text/html", "NOT_AUTHORIZED", "auth");
    scripted(out, e, Channel.HOTELBEDS_ENGINE);
    e = hb.availability(rng, t += step, qa);
    hb.newGateway(
        e, 401, "Request signature verification failed", "SIGNATURE_VERIFICATION_FAILED", "auth");
    scripted(out, e, Channel.HOTELBEDS_ENGINE);
    e =
        hb.request(
            rng,
            t += step,
            qa,
            null,
            "POST",
            "/hotels",
            "{\"stay\":{\"checkIn\":\"2026-12-01\",\"checkOut\":\"2026-12-03\"},\"occupancies\":[{\"rooms\":1,\"adults\":2,\"children\":0}],\"destination\":{\"code\":\"PMI\"}}",
            false,
            false);
    hb.newGateway(e, 401, "Authorization field missing", "AUTHORIZATION_FIELD_MISSING", "auth");
    scripted(out, e, Channel.HOTELBEDS_ENGINE);
    e = hb.availability(rng, t += step, world.inactiveApiKey);
    hb.gateway403(e, "DEVELOPER_INACTIVE", true);
    scripted(out, e, Channel.HOTELBEDS_ENGINE);
    e = hb.availability(rng, t += step, engine);
    hb.gateway403(e, "NOT_AUTHORIZED", true);
    scripted(out, e, Channel.HOTELBEDS_ENGINE);
    e = hb.availability(rng, t += step, qa);
    hb.newGateway(
        e, 403, "Access to this API has been disallowed", "ACCESS_DISALLOWED", "permission");
    scripted(out, e, Channel.HOTELBEDS_ENGINE);
    e = hb.availability(rng, t += step, engine);
    hb.plain(e, 403, "Forbidden", "text/plain", "FORBIDDEN", "permission");
    scripted(out, e, Channel.HOTELBEDS_ENGINE);
    e = hb.detail(rng, t += step, engine, "1-" + rng.between(1000000, 1999999));
    hb.plain(e, 404, "Not Found", "text/plain", "NOT_FOUND", "not_found");
    scripted(out, e, Channel.HOTELBEDS_ENGINE);
    e = hb.checkrates(rng, t += step, engine, rng.pick(world.hbHotels));
    hb.formattedError(
        e, rng, 500, "SYSTEM_ERROR", "Internal error while processing the request", false, null);
    scripted(out, e, Channel.HOTELBEDS_ENGINE);
    e = hb.availability(rng, t += step, engine);
    hb.plain(
        e, 500, "Internal Server Error", "text/plain", "INTERNAL_SERVER_ERROR", "server_error");
    scripted(out, e, Channel.HOTELBEDS_ENGINE);
    e = hb.availability(rng, t += step, engine);
    hb.plain(
        e,
        502,
        "<html><body><h1>502 Bad Gateway</h1></body></html>",
        "text/html",
        "BAD_GATEWAY",
        "upstream_unavailable");
    scripted(out, e, Channel.HOTELBEDS_ENGINE);
    e = hb.availability(rng, t += step, engine);
    hb.plain(
        e, 503, "Service Unavailable", "text/plain", "SERVICE_UNAVAILABLE", "upstream_unavailable");
    scripted(out, e, Channel.HOTELBEDS_ENGINE);
    e = hb.availability(rng, t += step, engine);
    e.durationMs = 60_000;
    hb.plain(e, 504, null, null, "GATEWAY_TIMEOUT", "timeout");
    scripted(out, e, Channel.HOTELBEDS_ENGINE);
    e = hb.checkrates(rng, t += step, engine, rng.pick(world.hbHotels));
    e.durationMs = 30_000;
    e.noResponse("timeout");
    scripted(out, e, Channel.HOTELBEDS_ENGINE);
    if (!recentBookings.isEmpty()) {
      Booking b = recentBookings.get(recentBookings.size() - 1);
      e = hb.change(rng, t += step, engine, b);
      hb.bookingAnswer(e, rng, b);
      scripted(out, e, Channel.HOTELBEDS_ENGINE);
      e = hb.cancellation(rng, t += step, engine, b.reference(), true);
      hb.bookingAnswer(e, rng, b.withStatus("CANCELLED"));
      scripted(out, e, Channel.HOTELBEDS_ENGINE);
    }
  }

  private void unknownSprinkles(List<Exchange> out, Rng rng, long start) {
    for (int i = 0; i < 6; i++) {
      Exchange e = unknown(rng, start + i * 5 * Times.MINUTE);
      e.scripted = true;
      out.add(e);
    }
  }

  // ================================================================ day 1

  private void secondDay(List<Exchange> out, Rng rng, long day) {
    World.ApiKey engine = world.apiKey("booking-engine");
    World.ApiKey mobile = world.apiKey("mobile-app");
    World.ApiKey qa = world.apiKey("qa-sandbox");
    String today = Times.date(day);

    // NOT_BOOKED by a complete CREATION list of the attempt's day.
    long t = day + 40 * Times.MINUTE;
    Booking night =
        hb.newBooking(rng, t, "Tui" + rng.alnum(8), rng.pick(world.hbHotels), nextReference(rng));
    timeout504(out, rng, t, engine, night, false);
    Exchange creation =
        hb.listRequest(
            rng,
            t + 12 * Times.MINUTE,
            engine,
            today,
            today,
            1,
            100,
            "CREATION",
            "ALL",
            null,
            false);
    hb.listAnswer(
        creation,
        rng,
        List.of(otherBooking(rng, day, null), otherBooking(rng, day + 5 * Times.MINUTE, null)),
        1,
        100,
        2,
        false);
    scripted(out, creation, Channel.HOTELBEDS_ENGINE);
    bookings.add(truth(t, engine, night, "HTTP_504", "NOT_BOOKED", "", "", List.of()));

    // UNRESOLVED: the only evidence (an empty list by clientReference) came BEFORE the attempt.
    t = day + 90 * Times.MINUTE;
    Booking early =
        hb.newBooking(
            rng,
            t,
            "b2b-" + rng.alnum(9).toLowerCase(),
            rng.pick(world.hbHotels),
            nextReference(rng));
    listByClientReference(
        out, rng, t - 5 * Times.MINUTE, engine, early.clientReference(), today, List.of(), false);
    timeout504(out, rng, t, engine, early, false);
    bookings.add(truth(t, engine, early, "HTTP_504", "UNRESOLVED", "", "", List.of()));

    // CASY central outage: every hotel's requests fail for ~7 minutes.
    centralOutage(out, rng, day + 2 * Times.HOUR);

    // UNRESOLVED: no evidence at all.
    t = day + 3 * Times.HOUR + 15 * Times.MINUTE;
    Booking silent =
        hb.newBooking(
            rng, t, "Expedia" + rng.alnum(8), rng.pick(world.hbHotels), nextReference(rng));
    timeout504(out, rng, t, engine, silent, false);
    bookings.add(truth(t, engine, silent, "HTTP_504", "UNRESOLVED", "", "", List.of()));

    // UNRESOLVED: a CREATION list of the day, but only the first page of many.
    t = day + 4 * Times.HOUR;
    Booking paged =
        hb.newBooking(
            rng,
            t,
            "web-" + rng.alnum(8).toLowerCase(),
            rng.pick(world.hbHotels),
            nextReference(rng));
    noResponse(out, rng, t, engine, paged, "timeout", Channel.HOTELBEDS_ENGINE);
    List<Booking> firstPage = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      firstPage.add(otherBooking(rng, day + i * 7 * Times.MINUTE, null));
    }
    Exchange pageList =
        hb.listRequest(
            rng, t + 10 * Times.MINUTE, engine, today, today, 1, 25, "CREATION", "ALL", null, true);
    hb.listAnswer(pageList, rng, firstPage, 1, 25, 37, true);
    scripted(out, pageList, Channel.HOTELBEDS_ENGINE);
    bookings.add(truth(t, engine, paged, "NO_RESPONSE", "UNRESOLVED", "", "", List.of()));

    // UNRESOLVED: a complete CREATION list, but of last week: it does not cover the attempt.
    t = day + 5 * Times.HOUR + 30 * Times.MINUTE;
    Booking uncovered =
        hb.newBooking(
            rng, t, "Agency" + rng.alnum(6), rng.pick(world.hbHotels), nextReference(rng));
    timeout504(out, rng, t, engine, uncovered, false);
    long lastWeek = day - 8 * Times.DAY;
    Exchange oldList =
        hb.listRequest(
            rng,
            t + 11 * Times.MINUTE,
            engine,
            Times.date(lastWeek),
            Times.date(lastWeek + 6 * Times.DAY),
            1,
            100,
            "CREATION",
            "ALL",
            null,
            false);
    hb.listAnswer(
        oldList,
        rng,
        List.of(
            otherBooking(rng, lastWeek, null), otherBooking(rng, lastWeek + 2 * Times.DAY, null)),
        1,
        100,
        2,
        false);
    scripted(out, oldList, Channel.HOTELBEDS_ENGINE);
    bookings.add(truth(t, engine, uncovered, "HTTP_504", "UNRESOLVED", "", "", List.of()));

    // A lone 403 over-QPS is not a burst.
    Exchange lone = hb.availability(rng, day + 7 * Times.HOUR, mobile);
    hb.gateway403(lone, "DEVELOPER_OVER_QPS", true);
    scripted(out, lone, Channel.HOTELBEDS_ENGINE);

    mitmCapture(out, rng, day + 8 * Times.HOUR, mobile, today);

    // Hotelbeds 403 Developer Over Qps burst.
    hotelbedsClient(
        out, rng, mobile, evenly(day + 10 * Times.HOUR, 30, 400), true, Channel.HOTELBEDS_ENGINE);
    plannedBursts++;

    // A lone central failure is not an outage.
    World.CasyToken guestApp = world.casyToken("guest-app");
    casyFail(
        out,
        rng,
        day + 12 * Times.HOUR,
        guestApp,
        guestApp.hotels().get(1),
        Endpoint.RESERVATIONS,
        "central_db_unavailable");

    // Second tenant outage, seen by three tokens, two of them in the legacy log.
    World.CasyToken reporting = world.casyToken("legacy-reporting");
    World.CasyToken revenue = world.casyToken("revenue-tool");
    World.CasyToken nightAudit = world.casyToken("night-audit");
    String hotel = reporting.hotels().get(0);
    World.CasyToken[] seen = {reporting, revenue, nightAudit};
    long start = day + 14 * Times.HOUR + 30 * Times.MINUTE;
    long ts = start;
    for (int i = 0; i < 9; i++) {
      casyFail(out, rng, ts, seen[i % 3], hotel, Endpoint.RESERVATIONS, "tenant_db_unavailable");
      ts += rng.between(30, 150) * Times.SECOND;
    }
    overlays.add(new Overlay("tenant", hotel, start, ts - Times.SECOND));
    casyOk(out, rng, ts + 90 * Times.SECOND, reporting, hotel, Endpoint.RESERVATIONS);
    plannedTenantOutages++;

    // Two separate bursts of one token, more than 60 s apart.
    World.CasyToken legacyPos = world.casyToken("legacy-pos");
    casyClient(out, rng, legacyPos, evenly(day + 16 * Times.HOUR, 16, 1_500), new ArrayDeque<>());
    casyClient(
        out,
        rng,
        legacyPos,
        evenly(day + 16 * Times.HOUR + 4 * Times.MINUTE, 17, 1_200),
        new ArrayDeque<>());
    plannedBursts += 2;
    Exchange lone429 =
        casy.request(
            rng,
            day + 16 * Times.HOUR + 20 * Times.MINUTE,
            revenue.value(),
            revenue.userAgent(),
            revenue.hotels().get(0),
            Endpoint.RESERVATIONS);
    casy.rateLimited(lone429, rng);
    scripted(out, lone429, revenue.channel());

    // Daily quota of the sandbox key: 403 Developer Over Rate, informational, not a QPS burst.
    for (int i = 0; i < 6; i++) {
      Exchange e = hb.availability(rng, day + 18 * Times.HOUR + i * 20 * Times.SECOND, qa);
      hb.gateway403(e, "DEVELOPER_OVER_RATE", true);
      scripted(out, e, Channel.HOTELBEDS_ENGINE);
    }
  }

  private void centralOutage(List<Exchange> out, Rng rng, long start) {
    long ts = start;
    int i = 0;
    while (ts < start + 7 * Times.MINUTE) {
      World.CasyToken token = backgroundTokens.get(i % backgroundTokens.size());
      casyFail(
          out,
          rng,
          ts,
          token,
          token.hotels().get(i % token.hotels().size()),
          i % 5 == 4 ? Endpoint.INTROSPECT : Endpoint.RESERVATIONS,
          "central_db_unavailable");
      ts += rng.between(15, 50) * Times.SECOND;
      i++;
    }
    overlays.add(new Overlay("central", "", start, ts - Times.SECOND));
    World.CasyToken token = world.casyToken("channel-manager");
    casyOk(out, rng, ts + 60 * Times.SECOND, token, token.hotels().get(1), Endpoint.RESERVATIONS);
    plannedCentralOutages++;
  }

  /**
   * The mitmproxy capture: mobile-app traffic, a lost confirmation whose retry succeeded, a
   * timeout.
   */
  private void mitmCapture(
      List<Exchange> out, Rng rng, long start, World.ApiKey mobile, String today) {
    long t = start + 3 * Times.MINUTE;
    for (int i = 0; i < 12; i++) {
      Exchange e =
          i % 4 == 3
              ? hb.checkrates(rng, t, mobile, rng.pick(world.hbHotels))
              : hb.availability(rng, t, mobile);
      scripted(out, e, Channel.HOTELBEDS_MITM_HAR);
      t += rng.between(40, 200) * Times.SECOND;
    }
    Exchange stalled = hb.availability(rng, t, mobile);
    stalled.durationMs = 30_000;
    stalled.noResponse("Connection timeout: api.hotelbeds.com:443");
    scripted(out, stalled, Channel.HOTELBEDS_MITM_HAR);
    t = start + 20 * Times.MINUTE;
    Booking lost =
        hb.newBooking(rng, t, "Mob" + rng.alnum(9), rng.pick(world.hbHotels), nextReference(rng));
    noResponse(out, rng, t, mobile, lost, "Server disconnected.", Channel.HOTELBEDS_MITM_HAR);
    Booking retried =
        new Booking(
            nextReference(rng),
            lost.clientReference(),
            lost.hotel(),
            lost.checkIn(),
            lost.checkOut(),
            lost.holderName(),
            lost.holderSurname(),
            lost.totalNet(),
            "CONFIRMED",
            today,
            lost.rateKey());
    Exchange retry = hb.confirmationRequest(rng, t + 70 * Times.SECOND, mobile, retried, false);
    hb.bookingAnswer(retry, rng, retried);
    scripted(out, retry, Channel.HOTELBEDS_MITM_HAR);
    bookings.add(
        truth(
            t,
            mobile,
            lost,
            "NO_RESPONSE",
            "BOOKED_ON_RETRY",
            retried.reference(),
            "CONFIRMED",
            List.of(retried.reference())));
  }

  // ================================================================ booking helpers

  private void timeout504(
      List<Exchange> out, Rng rng, long ts, World.ApiKey key, Booking booking, boolean emptyBody) {
    Exchange e = hb.confirmationRequest(rng, ts, key, booking, false);
    e.durationMs = 60_000 + rng.between(0, 400);
    hb.plain(
        e,
        504,
        emptyBody
            ? null
            : "<html><body><h1>504 Gateway Time-out</h1>The server didn't respond in time.</body></html>",
        emptyBody ? null : "text/html",
        "GATEWAY_TIMEOUT",
        "timeout");
    scripted(out, e, Channel.HOTELBEDS_ENGINE);
  }

  private void noResponse(
      List<Exchange> out,
      Rng rng,
      long ts,
      World.ApiKey key,
      Booking booking,
      String reason,
      Channel channel) {
    Exchange e = hb.confirmationRequest(rng, ts, key, booking, false);
    e.durationMs = Exchange.isTimeoutReason(reason) ? 60_000 : rng.between(200, 5_000);
    e.noResponse(reason);
    scripted(out, e, channel);
  }

  private void confirmOk(List<Exchange> out, Rng rng, long ts, World.ApiKey key, Booking booking) {
    Exchange e = hb.confirmationRequest(rng, ts, key, booking, false);
    hb.bookingAnswer(e, rng, booking);
    scripted(out, e, Channel.HOTELBEDS_ENGINE);
  }

  private void listByClientReference(
      List<Exchange> out,
      Rng rng,
      long ts,
      World.ApiKey key,
      String clientReference,
      String day,
      List<Booking> found,
      boolean xml) {
    Exchange e =
        hb.listRequest(rng, ts, key, day, day, 1, 100, "CREATION", "ALL", clientReference, xml);
    hb.listAnswer(e, rng, found, 1, 100, found.size(), xml);
    scripted(out, e, Channel.HOTELBEDS_ENGINE);
  }

  /** Another client's booking that only appears on list pages. */
  private Booking otherBooking(Rng rng, long created, String checkIn) {
    Booking b =
        hb.newBooking(
            rng, created, "Agency" + rng.alnum(8), rng.pick(world.hbHotels), nextReference(rng));
    if (checkIn == null) {
      return b;
    }
    String checkOut = java.time.LocalDate.parse(checkIn).plusDays(rng.between(1, 5)).toString();
    return new Booking(
        b.reference(),
        b.clientReference(),
        b.hotel(),
        checkIn,
        checkOut,
        b.holderName(),
        b.holderSurname(),
        b.totalNet(),
        b.status(),
        b.creationDate(),
        b.rateKey());
  }

  private static BookingTruth truth(
      long ts,
      World.ApiKey key,
      Booking attempt,
      String outcome,
      String status,
      String reference,
      String bookingStatus,
      List<String> seen) {
    return new BookingTruth(
        ts,
        key.value(),
        Integer.toString(attempt.hotel().code()),
        attempt.clientReference(),
        outcome,
        status,
        reference,
        bookingStatus,
        List.copyOf(seen));
  }
}
