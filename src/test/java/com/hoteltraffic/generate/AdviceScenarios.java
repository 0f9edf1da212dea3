package com.hoteltraffic.generate;

import com.hoteltraffic.generate.HotelbedsTraffic.Booking;
import java.util.List;

/**
 * The second day's situations behind issue 21's booking rules ("advice that holds in the field"),
 * each built to have one known answer: four empty booking lists that look like proof of absence and
 * are not (fetched before the attempt ended, from the test system, with another key, without
 * dates), and a 504 whose retry booked, followed by a detail of the retry's booking. Times are from
 * 19:40 UTC on, between the evidence scenarios' slots; every attempt uses the booking engine's
 * production key.
 */
final class AdviceScenarios {
  private final World world;
  private final HotelbedsTraffic hb;
  private final Scenario scenario;

  /** Client references get their own booking numbers, far from the other scenarios' sequences. */
  private final ScriptedBookings bookings;

  AdviceScenarios(World world, Scenario scenario) {
    this.world = world;
    this.hb = new HotelbedsTraffic(world);
    this.scenario = scenario;
    this.bookings = new ScriptedBookings(world, hb, scenario, 7_600_000);
  }

  /** Adds the situations of the day starting at {@code day} (epoch millis) to {@code out}. */
  void secondDay(List<Exchange> out, Rng rng, long day) {
    World.ApiKey engine = world.apiKey("booking-engine");
    String today = Times.date(day);
    listBeforeTheWaitEnded(out, rng, day + 19 * Times.HOUR + 40 * Times.MINUTE, engine, today);
    listFromTheTestSystem(out, rng, day + 19 * Times.HOUR + 50 * Times.MINUTE, engine, today);
    listWithAnotherKey(out, rng, day + 20 * Times.HOUR + 10 * Times.MINUTE, engine, today);
    listWithoutDates(out, rng, day + 20 * Times.HOUR + 20 * Times.MINUTE, engine);
    retryThenDetailOfItsBooking(out, rng, day + 20 * Times.HOUR + 50 * Times.MINUTE, engine);
  }

  /**
   * Rule 1: no response after the client waited 180 s; an empty list by the reference 160 s after
   * the attempt started, before it even ended: UNRESOLVED.
   */
  private void listBeforeTheWaitEnded(
      List<Exchange> out, Rng rng, long t, World.ApiKey key, String today) {
    Booking attempt = bookings.newBooking(rng, t, "app_" + rng.alnum(9).toLowerCase());
    Exchange e = hb.confirmationRequest(rng, t, key, attempt, false);
    e.durationMs = 180_000;
    e.noResponse("Read timed out");
    ScriptedBookings.scripted(out, e, Channel.HOTELBEDS_ENGINE);
    emptyList(out, rng, t + 160 * Times.SECOND, key, today, attempt);
    bookings.unresolved(t, key, attempt, "NO_RESPONSE");
  }

  /**
   * Rule 2: a 504 in production; an empty list by the reference on api.test.hotelbeds.com with the
   * QA key, ten minutes later: UNRESOLVED (the test system's bookings are not production's).
   */
  private void listFromTheTestSystem(
      List<Exchange> out, Rng rng, long t, World.ApiKey key, String today) {
    World.ApiKey qa = world.apiKey("qa-sandbox");
    if (!qa.host().contains(".test.")) {
      throw new IllegalStateException("the QA key must talk to a test host: " + qa.host());
    }
    Booking attempt = bookings.newBooking(rng, t, "b2b-" + rng.alnum(8).toLowerCase());
    bookings.timeout504(out, rng, t, key, attempt);
    emptyList(out, rng, t + 10 * Times.MINUTE, qa, today, attempt);
    bookings.unresolved(t, key, attempt, "HTTP_504");
  }

  /**
   * Rule 2: a 504 with the booking engine's key; an empty list by the reference with the mobile
   * app's production key: UNRESOLVED (BookingList shows the key's client's bookings).
   */
  private void listWithAnotherKey(
      List<Exchange> out, Rng rng, long t, World.ApiKey key, String today) {
    Booking attempt = bookings.newBooking(rng, t, "Tui" + rng.alnum(8));
    bookings.timeout504(out, rng, t, key, attempt);
    emptyList(out, rng, t + 10 * Times.MINUTE, world.apiKey("mobile-app"), today, attempt);
    bookings.unresolved(t, key, attempt, "HTTP_504");
  }

  /** Rule 3: an empty status=ALL list by the reference with no dates at all: UNRESOLVED. */
  private void listWithoutDates(List<Exchange> out, Rng rng, long t, World.ApiKey key) {
    Booking attempt = bookings.newBooking(rng, t, "Agency" + rng.alnum(7));
    bookings.timeout504(out, rng, t, key, attempt);
    Exchange list =
        hb.request(
            rng,
            t + 10 * Times.MINUTE,
            key,
            null,
            "GET",
            "/bookings?from=1&to=100&status=ALL&clientReference=" + attempt.clientReference(),
            null,
            false,
            true);
    hb.listAnswer(list, rng, List.of(), 1, 100, 0, false);
    ScriptedBookings.scripted(out, list, Channel.HOTELBEDS_ENGINE);
    bookings.unresolved(t, key, attempt, "HTTP_504");
  }

  /**
   * Rule 4: a 504, a retry with the same reference that booked X 70 s later, then a detail of X:
   * BOOKED_ON_RETRY with X (the 504 may have made a second booking), not BOOKED.
   */
  private void retryThenDetailOfItsBooking(List<Exchange> out, Rng rng, long t, World.ApiKey key) {
    Booking attempt = bookings.newBooking(rng, t, "web-" + rng.alnum(8).toLowerCase());
    bookings.timeout504(out, rng, t, key, attempt);
    Booking retried =
        new Booking(
            bookings.nextReference(rng),
            attempt.clientReference(),
            attempt.hotel(),
            attempt.checkIn(),
            attempt.checkOut(),
            attempt.holderName(),
            attempt.holderSurname(),
            attempt.totalNet(),
            "CONFIRMED",
            Times.date(t),
            attempt.rateKey());
    Exchange retry = hb.confirmationRequest(rng, t + 70 * Times.SECOND, key, retried, false);
    hb.bookingAnswer(retry, rng, retried);
    ScriptedBookings.scripted(out, retry, Channel.HOTELBEDS_ENGINE);
    Exchange detail = hb.detail(rng, t + 5 * Times.MINUTE, key, retried.reference());
    hb.bookingAnswer(detail, rng, retried);
    ScriptedBookings.scripted(out, detail, Channel.HOTELBEDS_ENGINE);
    scenario.bookings.add(
        new Scenario.BookingTruth(
            t,
            key.value(),
            ScriptedBookings.hotel(attempt),
            attempt.clientReference(),
            "HTTP_504",
            "BOOKED_ON_RETRY",
            retried.reference(),
            "CONFIRMED",
            List.of(retried.reference())));
  }

  // ---------------------------------------------------------------- helpers

  /** An empty status=ALL page by the attempt's reference, created today (the attempt's day). */
  private void emptyList(
      List<Exchange> out, Rng rng, long ts, World.ApiKey key, String today, Booking attempt) {
    Exchange list =
        hb.listRequest(
            rng,
            ts,
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
  }
}
