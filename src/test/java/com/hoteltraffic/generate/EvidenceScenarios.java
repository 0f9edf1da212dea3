package com.hoteltraffic.generate;

import com.hoteltraffic.generate.CasyTraffic.Endpoint;
import com.hoteltraffic.generate.HotelbedsTraffic.Booking;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The second day's situations behind issue 14's rules, each built to have one known answer: booking
 * lists that cannot prove absence (filtered by status, fetched too soon, dated in UTC while the
 * attempt's Madrid day is the next one, a page with an item without a reference), a reused client
 * reference with an older booking, other Hotelbeds APIs on its hosts (an unknown provider), a CASY
 * client retrying at a steady pace into a closed window, a Hotelbeds client that waits out the
 * one-second window after each rejection, and a daily-quota group below {@code --burst-min}. Times
 * are from 19:00 UTC on, clear of the day's other incidents.
 */
final class EvidenceScenarios {
  private final World world;
  private final HotelbedsTraffic hb;
  private final CasyTraffic casy;
  private final Scenario scenario;

  /** Client references get their own booking numbers, far from the other scenarios' sequences. */
  private final ScriptedBookings bookings;

  EvidenceScenarios(World world, Scenario scenario) {
    this.world = world;
    this.hb = new HotelbedsTraffic(world);
    this.casy = new CasyTraffic(world);
    this.scenario = scenario;
    this.bookings = new ScriptedBookings(world, hb, scenario, 7_200_000);
  }

  /** Adds the situations of the day starting at {@code day} (epoch millis) to {@code out}. */
  void secondDay(List<Exchange> out, Rng rng, long day) {
    World.ApiKey engine = world.apiKey("booking-engine");
    String today = Times.date(day);
    statusFilteredLists(out, rng, day + 19 * Times.HOUR, engine, today);
    listTooSoon(out, rng, day + 19 * Times.HOUR + 20 * Times.MINUTE, engine, today);
    inconclusivePage(out, rng, day + 20 * Times.HOUR, engine, today);
    reusedClientReference(out, rng, day + 20 * Times.HOUR + 30 * Times.MINUTE, engine, today);
    otherHotelbedsApis(out, rng, day + 21 * Times.HOUR + 30 * Times.MINUTE, engine);
    steadyCasyClient(out, rng, day + 21 * Times.HOUR);
    hotelbedsClientWaitingOutTheWindow(out, rng, day + 22 * Times.HOUR);
    smallQuotaGroup(out, rng, day + 22 * Times.HOUR + 30 * Times.MINUTE);
    madridNextDay(out, rng, day + 23 * Times.HOUR + 30 * Times.MINUTE, engine, today);
  }

  /**
   * Rule 1: lists by the reference filtered by CONFIRMED, by CANCELLED and by no status:
   * UNRESOLVED.
   */
  private void statusFilteredLists(
      List<Exchange> out, Rng rng, long t, World.ApiKey key, String today) {
    Booking attempt = bookings.newBooking(rng, t, "b2b-" + rng.alnum(8).toLowerCase());
    bookings.timeout504(out, rng, t, key, attempt);
    int minute = 5;
    for (String status : new String[] {"CONFIRMED", "CANCELLED", null}) {
      Exchange list =
          hb.listRequest(
              rng,
              t + minute++ * Times.MINUTE,
              key,
              today,
              today,
              1,
              100,
              "CREATION",
              status,
              attempt.clientReference(),
              false);
      hb.listAnswer(list, rng, List.of(), 1, 100, 0, false);
      ScriptedBookings.scripted(out, list, Channel.HOTELBEDS_ENGINE);
    }
    bookings.unresolved(t, key, attempt, "HTTP_504");
  }

  /**
   * Rule 2: an empty status=ALL list 80 s after the attempt ended (the lag is 90 s): UNRESOLVED.
   */
  private void listTooSoon(List<Exchange> out, Rng rng, long t, World.ApiKey key, String today) {
    Booking attempt = bookings.newBooking(rng, t, "app_" + rng.alnum(9).toLowerCase());
    Exchange e = bookings.timeout504(out, rng, t, key, attempt);
    Exchange list =
        hb.listRequest(
            rng,
            t + e.durationMs + 80 * Times.SECOND,
            key,
            today,
            today,
            1,
            100,
            "CREATION",
            "ALL",
            attempt.clientReference(),
            false);
    hb.listAnswer(list, rng, List.of(), 1, 100, 0, false);
    ScriptedBookings.scripted(out, list, Channel.HOTELBEDS_ENGINE);
    bookings.unresolved(t, key, attempt, "HTTP_504");
  }

  /** Rule 4: a page by the reference whose one item has no booking reference: UNRESOLVED. */
  private void inconclusivePage(
      List<Exchange> out, Rng rng, long t, World.ApiKey key, String today) {
    Booking attempt = bookings.newBooking(rng, t, "Tui" + rng.alnum(8));
    bookings.timeout504(out, rng, t, key, attempt);
    Booking withoutReference =
        new Booking(
            "",
            attempt.clientReference(),
            attempt.hotel(),
            attempt.checkIn(),
            attempt.checkOut(),
            attempt.holderName(),
            attempt.holderSurname(),
            attempt.totalNet(),
            "CONFIRMED",
            today,
            attempt.rateKey());
    Exchange list =
        hb.listRequest(
            rng,
            t + 10 * Times.MINUTE,
            key,
            today,
            today,
            1,
            100,
            "CREATION",
            "ALL",
            attempt.clientReference(),
            false);
    hb.listAnswer(list, rng, List.of(withoutReference), 1, 100, 1, false);
    ScriptedBookings.scripted(out, list, Channel.HOTELBEDS_ENGINE);
    bookings.unresolved(t, key, attempt, "HTTP_504");
  }

  /**
   * Rule 5: the reference was used 20 days ago; the retry after the 504 booked, and a list by the
   * reference shows the old booking and the new one: BOOKED (the new one), not DUPLICATE.
   */
  private void reusedClientReference(
      List<Exchange> out, Rng rng, long t, World.ApiKey key, String today) {
    String reference = "web-" + rng.alnum(8).toLowerCase();
    Booking older = bookings.newBooking(rng, t - 20 * Times.DAY, reference);
    Booking attempt = bookings.newBooking(rng, t, reference);
    bookings.timeout504(out, rng, t, key, attempt);
    Booking retried =
        new Booking(
            bookings.nextReference(rng),
            reference,
            attempt.hotel(),
            attempt.checkIn(),
            attempt.checkOut(),
            attempt.holderName(),
            attempt.holderSurname(),
            attempt.totalNet(),
            "CONFIRMED",
            today,
            attempt.rateKey());
    Exchange retry = hb.confirmationRequest(rng, t + 70 * Times.SECOND, key, retried, false);
    hb.bookingAnswer(retry, rng, retried);
    ScriptedBookings.scripted(out, retry, Channel.HOTELBEDS_ENGINE);
    Exchange list =
        hb.listRequest(
            rng,
            t + 12 * Times.MINUTE,
            key,
            Times.date(t - 30 * Times.DAY),
            today,
            1,
            100,
            "CREATION",
            "ALL",
            reference,
            false);
    hb.listAnswer(list, rng, List.of(older, retried), 1, 100, 2, false);
    ScriptedBookings.scripted(out, list, Channel.HOTELBEDS_ENGINE);
    scenario.bookings.add(
        new Scenario.BookingTruth(
            t,
            key.value(),
            ScriptedBookings.hotel(attempt),
            reference,
            "HTTP_504",
            "BOOKED",
            retried.reference(),
            "CONFIRMED",
            List.of(retried.reference())));
  }

  /**
   * Rule 3: 23:30 UTC is 00:30 the next day in Madrid; a list dated the UTC day only: UNRESOLVED.
   */
  private void madridNextDay(List<Exchange> out, Rng rng, long t, World.ApiKey key, String today) {
    Booking attempt = bookings.newBooking(rng, t, "Agency" + rng.alnum(7));
    bookings.timeout504(out, rng, t, key, attempt);
    Exchange list =
        hb.listRequest(
            rng,
            t + 10 * Times.MINUTE,
            key,
            today,
            today,
            1,
            100,
            "CREATION",
            "ALL",
            attempt.clientReference(),
            false);
    hb.listAnswer(list, rng, List.of(), 1, 100, 0, false);
    ScriptedBookings.scripted(out, list, Channel.HOTELBEDS_ENGINE);
    bookings.unresolved(t, key, attempt, "HTTP_504");
  }

  /**
   * Rule 8: the Activities and Transfers APIs on Hotelbeds' hosts, with the booking engine's key,
   * six 429s a second apart among them: an unknown provider, so neither a Hotelbeds burst nor its
   * rates or codes.
   */
  private void otherHotelbedsApis(List<Exchange> out, Rng rng, long t, World.ApiKey key) {
    for (int i = 0; i < 8; i++) {
      boolean transfer = i == 7;
      Exchange e =
          hb.request(
              rng,
              t + i * Times.SECOND,
              key,
              null,
              "GET",
              transfer
                  ? "/transfers?fromType=IATA&fromCode=PMI"
                  : "/activities?destination=PMI&from=1&to=20",
              null,
              false,
              true);
      e.url =
          e.url.replace(
              HotelbedsTraffic.PATH, transfer ? "/transfer-api/1.0" : "/activity-api/3.0");
      e.provider = "unknown";
      e.token = "";
      e.hotelId = "";
      e.responseHeader("Content-Type", "application/json");
      if (i == 0 || transfer) {
        e.respond(200, "{\"activities\":[],\"total\":0}", true, "OK", "ok");
      } else if (i == 6) {
        e.responseHeaders.clear();
        e.responseHeader("X-Mashery-Error-Code", "ERR_403_DEVELOPER_OVER_QPS");
        e.respond(403, "<h1>Developer Over Qps</h1>", false, "HTTP_403", "undocumented");
      } else {
        e.respond(429, "{\"error\":\"Rate limit exceeded\"}", true, "HTTP_429", "undocumented");
      }
      ScriptedBookings.scripted(out, e, Channel.EGRESS_PROXY);
    }
  }

  /**
   * Rule 10, kept sending: 21 requests one second apart against CASY's 10 per 60 s, so 11
   * rejections one second apart, each followed by the next request a second later.
   */
  private void steadyCasyClient(List<Exchange> out, Rng rng, long t) {
    World.CasyToken token = world.casyToken("housekeeping");
    Deque<Long> accepted = new ArrayDeque<>();
    for (int i = 0; i < 21; i++) {
      long ts = t + i * Times.SECOND;
      while (!accepted.isEmpty() && accepted.peekFirst() <= ts - 60 * Times.SECOND) {
        accepted.removeFirst();
      }
      Exchange e =
          casy.request(
              rng,
              ts,
              token.value(),
              token.userAgent(),
              token.hotels().get(0),
              Endpoint.RESERVATIONS);
      if (accepted.size() < 10) {
        accepted.addLast(ts);
        casy.ok(e, rng, token);
      } else {
        casy.rateLimited(e, rng);
      }
      ScriptedBookings.scripted(out, e, token.channel());
    }
    scenario.plannedBursts++;
  }

  /**
   * Rule 10, backed off: a Hotelbeds client sends three requests 100 ms apart, the gateway allows
   * two per second, and after each rejection the client waits exactly one second (the documented
   * per-second window): six rejections, each respected.
   */
  private void hotelbedsClientWaitingOutTheWindow(List<Exchange> out, Rng rng, long t) {
    World.ApiKey key = world.apiKey("qa-sandbox");
    for (int i = 0; i < 6; i++) {
      long base = t + i * 1_200L;
      for (int j = 0; j < 3; j++) {
        Exchange e = hb.availability(rng, base + j * 100L, key);
        if (j == 2) {
          hb.newGateway(e, 429, "Rate limit exceeded", "RATE_LIMIT_EXCEEDED", "rate_limited");
        }
        ScriptedBookings.scripted(out, e, Channel.HOTELBEDS_ENGINE);
      }
    }
    scenario.plannedBursts++;
  }

  /** Rule 11: two daily-quota rejections are fewer than --burst-min: no row. */
  private void smallQuotaGroup(List<Exchange> out, Rng rng, long t) {
    World.ApiKey key = world.apiKey("mobile-app");
    for (int i = 0; i < 2; i++) {
      Exchange e = hb.availability(rng, t + i * 10 * Times.SECOND, key);
      hb.gateway403(e, "DEVELOPER_OVER_RATE", true);
      ScriptedBookings.scripted(out, e, Channel.HOTELBEDS_ENGINE);
    }
  }

  // ---------------------------------------------------------------- helpers

}
