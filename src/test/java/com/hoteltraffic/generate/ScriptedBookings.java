package com.hoteltraffic.generate;

import com.hoteltraffic.generate.HotelbedsTraffic.Booking;
import java.util.List;

/**
 * What the scripted booking scenarios share: new bookings numbered from the scenario's own
 * sequence, a 504 after the 60 s timeout, an attempt's UNRESOLVED truth, and marking an exchange as
 * scripted.
 */
final class ScriptedBookings {
  private final World world;
  private final HotelbedsTraffic hb;
  private final Scenario scenario;
  private long nextReference;

  /**
   * @param firstReference where this scenario's booking numbers start, far from the others'
   */
  ScriptedBookings(World world, HotelbedsTraffic hb, Scenario scenario, long firstReference) {
    this.world = world;
    this.hb = hb;
    this.scenario = scenario;
    this.nextReference = firstReference;
  }

  Booking newBooking(Rng rng, long ts, String clientReference) {
    return hb.newBooking(rng, ts, clientReference, rng.pick(world.hbHotels), nextReference(rng));
  }

  /** A confirmation that got Hotelbeds' HTML 504 after the documented 60 s. */
  Exchange timeout504(List<Exchange> out, Rng rng, long ts, World.ApiKey key, Booking booking) {
    Exchange e = hb.confirmationRequest(rng, ts, key, booking, false);
    e.durationMs = 60_000 + rng.between(0, 400);
    hb.plain(
        e,
        504,
        "<html><body><h1>504 Gateway Time-out</h1></body></html>",
        "text/html",
        "GATEWAY_TIMEOUT",
        "timeout");
    return scripted(out, e, Channel.HOTELBEDS_ENGINE);
  }

  /** The truth of an attempt nothing later decides. */
  void unresolved(long t, World.ApiKey key, Booking attempt, String outcome) {
    scenario.bookings.add(
        new Scenario.BookingTruth(
            t,
            key.value(),
            hotel(attempt),
            attempt.clientReference(),
            outcome,
            "UNRESOLVED",
            "",
            "",
            List.of()));
  }

  static String hotel(Booking booking) {
    return Integer.toString(booking.hotel().code());
  }

  String nextReference(Rng rng) {
    nextReference += rng.between(1, 40);
    return "1-" + nextReference;
  }

  static Exchange scripted(List<Exchange> out, Exchange e, Channel channel) {
    e.scripted = true;
    e.channel = channel;
    out.add(e);
    return e;
  }
}
