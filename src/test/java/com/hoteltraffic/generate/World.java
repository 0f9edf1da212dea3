package com.hoteltraffic.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The fixed cast of a generated archive: CASY hotels and API tokens (with the hotels each may
 * read), Hotelbeds hotels and API keys. Derived from the seed only.
 */
final class World {
  /** A CASY API token and the hotels it may read. */
  record CasyToken(
      String name,
      String value,
      List<String> hotels,
      String userAgent,
      Channel channel,
      int weight) {}

  /** A Hotelbeds API key, its signing secret and the host it talks to. */
  record ApiKey(String name, String value, String secret, String host, int weight) {}

  /** A Hotelbeds hotel the booking engine sells. */
  record HbHotel(int code, String name, String category, String destination) {}

  final List<String> casyHotels = new ArrayList<>();
  final List<CasyToken> casyTokens = new ArrayList<>();

  /** Tokens CASY no longer knows (revoked): answered 401 invalid_token_or_not_found. */
  final List<String> revokedCasyTokens = new ArrayList<>();

  final List<ApiKey> apiKeys = new ArrayList<>();

  /** An API key Hotelbeds deactivated: answered 403 Developer Inactive. */
  final ApiKey inactiveApiKey;

  final List<HbHotel> hbHotels = new ArrayList<>();

  World(long seed) {
    Rng rng = Rng.derive(seed, "world");
    TreeSet<String> hotelIds = new TreeSet<>();
    hotelIds.add("9994");
    while (hotelIds.size() < 20) {
      hotelIds.add(Integer.toString(rng.between(1001, 9899)));
    }
    casyHotels.addAll(hotelIds);
    // Deterministic shuffle so that token-to-hotel assignment is not just numeric order.
    List<String> shuffled = new ArrayList<>(casyHotels);
    for (int i = shuffled.size() - 1; i > 0; i--) {
      java.util.Collections.swap(shuffled, i, rng.nextInt(i + 1));
    }
    casyTokens.add(
        token(
            rng,
            "channel-manager",
            shuffled.subList(0, 7),
            "ChannelSync/4.2.1 (java 17)",
            Channel.CASY_APP,
            30));
    casyTokens.add(
        token(
            rng,
            "revenue-tool",
            shuffled.subList(5, 10),
            "RevPilot/2.8 python-requests/2.32.3",
            Channel.CASY_APP,
            18));
    casyTokens.add(
        token(
            rng,
            "night-audit",
            shuffled.subList(8, 14),
            "NightAudit/1.9.0 okhttp/4.12.0",
            Channel.CASY_APP,
            10));
    casyTokens.add(
        token(
            rng,
            "guest-app",
            shuffled.subList(12, 16),
            "GuestApp-Backend/5.0.3 node-fetch/3.3",
            Channel.CASY_APP,
            14));
    casyTokens.add(
        token(
            rng,
            "housekeeping",
            shuffled.subList(16, 17),
            "HK-Board/0.9 curl/8.5.0",
            Channel.CASY_APP,
            4));
    casyTokens.add(
        token(
            rng,
            "spa-booking",
            shuffled.subList(17, 18),
            "SpaDesk/3.1 python-requests/2.31.0",
            Channel.CASY_APP,
            3));
    casyTokens.add(
        token(
            rng,
            "finance-export",
            shuffled.subList(18, 20),
            "FinanceExport/7.4 Apache-HttpClient/5.3",
            Channel.CASY_APP,
            4));
    casyTokens.add(
        token(
            rng,
            "legacy-pos",
            shuffled.subList(0, 3),
            "LegacyPOS/2.0 (Windows NT 6.1)",
            Channel.CASY_LEGACY,
            8));
    casyTokens.add(
        token(
            rng,
            "legacy-reporting",
            shuffled.subList(9, 12),
            "Reporting/1.0 Jakarta Commons-HttpClient/3.1",
            Channel.CASY_LEGACY,
            6));
    casyTokens.add(
        token(
            rng,
            "support-dashboard",
            casyHotels,
            "Mozilla/5.0 (X11; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0",
            Channel.CASY_BROWSER_HAR,
            3));
    for (int i = 0; i < 2; i++) {
      revokedCasyTokens.add("casy_" + rng.alnum(32));
    }

    apiKeys.add(new ApiKey("booking-engine", rng.hex(32), rng.alnum(10), "api.hotelbeds.com", 50));
    apiKeys.add(new ApiKey("search-cache", rng.hex(32), rng.alnum(10), "api.hotelbeds.com", 35));
    apiKeys.add(new ApiKey("mobile-app", rng.hex(32), rng.alnum(10), "api.hotelbeds.com", 10));
    apiKeys.add(new ApiKey("qa-sandbox", rng.hex(32), rng.alnum(10), "api.test.hotelbeds.com", 5));
    inactiveApiKey = new ApiKey("old-partner", rng.hex(32), rng.alnum(10), "api.hotelbeds.com", 0);

    String[][] hotels = {
      {"Hotel Cala Blava", "4EST", "PMI"}, {"Iberostar Playa de Palma", "4EST", "PMI"},
      {"Hotel Arts Barcelona", "5EST", "BCN"}, {"H10 Marina Barcelona", "4EST", "BCN"},
      {"Hotel Schweizerhof Bern", "5EST", "BRN"}, {"Hotel Bellevue Palace", "5EST", "BRN"},
      {"Meliá Madrid Princesa", "4EST", "MAD"}, {"NH Collection Madrid Suecia", "4EST", "MAD"},
      {"Hotel Savoy Baur en Ville", "5EST", "ZRH"}, {"25hours Hotel Langstrasse", "4EST", "ZRH"},
      {"Hotel Lisboa Plaza", "4EST", "LIS"}, {"Pestana Palace Lisboa", "5EST", "LIS"},
      {"Hotel Roma Termini", "3EST", "ROE"}, {"Albergo del Senato", "4EST", "ROE"},
      {"Hôtel Le Six", "4EST", "PAR"}, {"Hotel Ibis Paris Gare de Lyon", "3EST", "PAR"}
    };
    TreeSet<Integer> codes = new TreeSet<>();
    codes.add(1533);
    while (codes.size() < hotels.length) {
      codes.add(rng.between(1000, 699999));
    }
    int i = 0;
    for (int code : codes) {
      hbHotels.add(new HbHotel(code, hotels[i][0], hotels[i][1], hotels[i][2]));
      i++;
    }
  }

  private static CasyToken token(
      Rng rng, String name, List<String> hotels, String agent, Channel channel, int weight) {
    return new CasyToken(
        name, "casy_" + rng.alnum(32), List.copyOf(hotels), agent, channel, weight);
  }

  CasyToken casyToken(String name) {
    return casyTokens.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
  }

  ApiKey apiKey(String name) {
    return apiKeys.stream().filter(k -> k.name().equals(name)).findFirst().orElseThrow();
  }

  /** A CASY id that no hotel has (answered 404 unknown_hotel). */
  String unknownCasyHotel() {
    for (int id = 9899; ; id--) {
      if (!casyHotels.contains(Integer.toString(id))) {
        return Integer.toString(id);
      }
    }
  }

  static <T> T weighted(Rng rng, List<T> items, java.util.function.ToIntFunction<T> weight) {
    int total = 0;
    for (T item : items) {
      total += weight.applyAsInt(item);
    }
    int draw = rng.nextInt(total);
    for (T item : items) {
      draw -= weight.applyAsInt(item);
      if (draw < 0) {
        return item;
      }
    }
    throw new IllegalStateException("weights must be positive");
  }
}
