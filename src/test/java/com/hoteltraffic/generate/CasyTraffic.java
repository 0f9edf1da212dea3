package com.hoteltraffic.generate;

/**
 * Builds CASY PMS API exchanges (requests, success envelopes and the documented error bodies) and
 * labels each with the code and class the contract assigns to it.
 */
final class CasyTraffic {
  static final String BASE = "https://onlinebuchungen.ch/v1";
  static final String RATE_LIMITED_BODY =
      "{\"error\":\"rate_limited\",\"window_seconds\":60,\"limit\":10}";

  /** The four documented endpoints. */
  enum Endpoint {
    RESERVATIONS,
    RESERVATIONS_ALL,
    HEALTH,
    INTROSPECT
  }

  private static final String[] FIRST_NAMES = {
    "Anna", "Luca", "Sofia", "Jonas", "Lea", "Noah", "Mia", "Elias", "Laura", "Marco", "Chloé",
    "Nils", "Giulia", "David", "Sara", "Tim", "Émilie", "Reto", "Nina", "Fabian"
  };
  private static final String[] LAST_NAMES = {
    "Keller", "Meier", "Schmid", "Huber", "Weber", "Rossi", "Favre", "Müller", "Brunner", "Steiner",
    "Baumann", "Gerber", "Bianchi", "Moser", "Frei", "Zimmermann", "Lehmann", "Dubois", "Graf",
        "Roth"
  };

  private final World world;

  CasyTraffic(World world) {
    this.world = world;
  }

  /**
   * A request of {@code tokenValue} (null: no Authorization header) for {@code hotel} on {@code
   * endpoint}, without a response yet.
   */
  Exchange request(
      Rng rng, long ts, String tokenValue, String userAgent, String hotel, Endpoint endpoint) {
    Exchange e = new Exchange();
    e.tsMillis = ts;
    e.durationMs = rng.between(35, 420);
    e.method = "GET";
    e.provider = "casy";
    e.token = tokenValue == null ? "" : tokenValue;
    e.touchesTenantDb = endpoint != Endpoint.INTROSPECT;
    e.hotelId = endpoint == Endpoint.INTROSPECT ? "" : hotel;
    String day = Times.date(ts + rng.between(-20, 40) * Times.DAY);
    e.url =
        switch (endpoint) {
          case RESERVATIONS ->
              BASE
                  + "/reservations/"
                  + hotel
                  + "?start_date="
                  + day
                  + (rng.chance(0.5)
                      ? "&end_date=" + Times.date(ts + rng.between(41, 90) * Times.DAY)
                      : "")
                  + (rng.chance(0.4) ? "&status=confirmed" : "")
                  + "&limit=50&page=1"
                  + (rng.chance(0.3) ? "&sort_by=arrival" : "");
          case RESERVATIONS_ALL ->
              BASE
                  + "/reservations/"
                  + hotel
                  + "/all?arrival_from="
                  + day
                  + (rng.chance(0.6)
                      ? "&arrival_to=" + Times.date(ts + rng.between(41, 60) * Times.DAY)
                      : "");
          case HEALTH -> BASE + "/health/hotels/" + hotel;
          case INTROSPECT -> BASE + "/introspect";
        };
    if (tokenValue != null) {
      e.requestHeader("Authorization", "Bearer " + tokenValue);
    }
    e.requestHeader("Accept", "application/json");
    e.requestHeader("User-Agent", userAgent);
    return e;
  }

  /** A successful answer for the endpoint of {@code e}. */
  void ok(Exchange e, Rng rng, World.CasyToken token) {
    jsonHeaders(e, rng);
    StringBuilder body = new StringBuilder(900);
    if (e.url.contains("/introspect")) {
      body.append("{\"ok\":true,\"token_name\":");
      Json.quote(body, token == null ? "unknown" : token.name()).append(",\"hotels\":[");
      if (token != null) {
        for (int i = 0; i < token.hotels().size(); i++) {
          Json.quote(i == 0 ? body : body.append(','), token.hotels().get(i));
        }
      }
      body.append(
              "],\"actions\":[\"reservations:read\",\"reservations:read_all\",\"health:read\"],")
          .append("\"rate_limit\":{\"limit\":10,\"window_seconds\":60}}");
    } else if (e.url.contains("/health/hotels/")) {
      body.append("{\"ok\":true,\"requested_hotel\":\"")
          .append(e.hotelId)
          .append("\",\"target_db\":\"casy_t")
          .append(e.hotelId)
          .append("\",\"status\":\"healthy\",\"db_latency_ms\":")
          .append(rng.between(2, 40))
          .append(",\"checked_at\":\"")
          .append(Times.casyDateTime(e.tsMillis))
          .append("\"}");
    } else {
      int count = rng.between(0, 4);
      int total = count + (rng.chance(0.3) ? rng.between(50, 180) : 0);
      body.append("{\"ok\":true,\"requested_hotel\":\"")
          .append(e.hotelId)
          .append("\",\"target_db\":\"casy_t")
          .append(e.hotelId)
          .append("\",\"pagination\":{\"page\":1,\"limit\":50,\"total\":")
          .append(total)
          .append(",\"pages\":")
          .append(Math.max(1, (total + 49) / 50))
          .append("},\"meta\":{\"query_time_ms\":")
          .append(rng.between(3, 260))
          .append("},\"reservations\":[");
      for (int i = 0; i < count; i++) {
        if (i > 0) {
          body.append(',');
        }
        long arrival = e.tsMillis + rng.between(-3, 60) * Times.DAY;
        int nights = rng.between(1, 7);
        body.append("{\"id\":")
            .append(rng.between(100000, 999999))
            .append(",\"reservation_number\":\"R")
            .append(e.hotelId)
            .append('-')
            .append(rng.between(10000, 99999))
            .append("\",\"status\":\"")
            .append(rng.chance(0.9) ? "confirmed" : "cancelled")
            .append("\",\"arrival\":\"")
            .append(Times.date(arrival))
            .append("\",\"departure\":\"")
            .append(Times.date(arrival + nights * Times.DAY))
            .append("\",\"room\":\"")
            .append(rng.between(1, 5))
            .append(rng.between(10, 39))
            .append("\",\"guest\":{\"first_name\":");
        Json.quote(body, rng.pick(FIRST_NAMES)).append(",\"last_name\":");
        Json.quote(body, rng.pick(LAST_NAMES))
            .append("},\"adults\":")
            .append(rng.between(1, 3))
            .append(",\"children\":")
            .append(rng.chance(0.2) ? 1 : 0)
            .append(",\"total_amount\":\"")
            .append(rng.amount(120, 2400))
            .append("\",\"currency\":\"CHF\",\"created_at\":\"")
            .append(
                Times.casyDateTime(
                    e.tsMillis - rng.between(1, 60) * Times.DAY - rng.nextInt(86_400) * 1000L))
            .append("\",\"updated_at\":\"")
            .append(Times.casyDateTime(e.tsMillis - rng.nextInt(86_400) * 1000L))
            .append("\"}");
      }
      body.append("]}");
    }
    e.respond(200, body.toString(), true, "OK", "ok");
  }

  /** A documented JSON error body {@code {"error","message","detail"}} for {@code code}. */
  void error(Exchange e, Rng rng, String code) {
    int status = statusOf(code);
    String message;
    String detail;
    switch (code) {
      case "invalid_parameter" -> {
        message = "Invalid query parameter or request format";
        detail = "start_date must be YYYY-MM-DD";
      }
      case "missing_token" -> {
        message = "Authentication header is missing";
        detail = "Expected header 'Authorization: Bearer <token>'";
      }
      case "invalid_token" -> {
        message = "Token format is invalid or malformed";
        detail = "Bearer token must be 37 characters";
      }
      case "invalid_token_or_not_found" -> {
        message = "Token is invalid or was not found";
        detail = "Request a new token from support@casy.ch if it was revoked";
      }
      case "forbidden" -> {
        message = "Token lacks permission for hotel " + e.hotelId;
        detail = "Use /introspect to see the hotels this token may access";
      }
      case "forbidden_action" -> {
        message = "Token doesn't have the required action";
        detail = "Required action: reservations:read_all";
      }
      case "not_found" -> {
        message = "Resource was not found";
        detail = "Page " + rng.between(4, 12) + " does not exist";
      }
      case "unknown_hotel" -> {
        message = "Specified hotel/CASY ID doesn't exist";
        detail = "CASY ID " + e.hotelId + " is not known";
      }
      case "internal_error" -> {
        message = "Internal server error";
        detail = "Request id " + rng.hex(16);
      }
      case "central_db_unavailable" -> {
        message = "Central database connection failure";
        detail = "could not connect to central db: connection timed out";
      }
      case "tenant_db_unavailable" -> {
        message = "Tenant database connection failure or data discrepancy";
        detail = "tenant casy_t" + e.hotelId + " unreachable";
      }
      default -> throw new IllegalArgumentException("not a documented CASY error code: " + code);
    }
    jsonHeaders(e, rng);
    StringBuilder body = new StringBuilder(160).append("{\"error\":");
    Json.quote(body, code).append(",\"message\":");
    Json.quote(body, message).append(",\"detail\":");
    Json.quote(body, detail).append('}');
    e.respond(status, body.toString(), true, code, classOf(code));
  }

  /**
   * The documented 429: exactly {@code {"error":"rate_limited","window_seconds":60,"limit":10}}.
   */
  void rateLimited(Exchange e, Rng rng) {
    e.durationMs = rng.between(8, 30);
    jsonHeaders(e, rng);
    e.respond(429, RATE_LIMITED_BODY, true, "rate_limited", "rate_limited");
  }

  /**
   * A status without a JSON body (empty, or a proxy's HTML page): the code comes from the status.
   */
  void bare(Exchange e, int status, String body, String contentType) {
    e.responseHeaders.clear();
    if (contentType != null) {
      e.responseHeader("Content-Type", contentType);
    }
    e.responseHeader("Server", "nginx");
    String code =
        switch (status) {
          case 400 -> "invalid_parameter";
          case 429 -> "rate_limited";
          case 500 -> "internal_error";
          default -> "HTTP_" + status;
        };
    String errorClass =
        switch (status) {
          case 400 -> "invalid_request";
          case 401 -> "auth";
          case 403 -> "permission";
          case 404 -> "not_found";
          case 429 -> "rate_limited";
          case 500 -> "server_error";
          case 502 -> "upstream_unavailable";
          default -> throw new IllegalArgumentException("no bare CASY answer for " + status);
        };
    e.respond(status, body, false, code, errorClass);
  }

  static int statusOf(String code) {
    return switch (code) {
      case "invalid_parameter" -> 400;
      case "missing_token", "invalid_token", "invalid_token_or_not_found" -> 401;
      case "forbidden", "forbidden_action" -> 403;
      case "not_found", "unknown_hotel" -> 404;
      case "rate_limited" -> 429;
      case "internal_error" -> 500;
      case "central_db_unavailable", "tenant_db_unavailable" -> 502;
      default -> throw new IllegalArgumentException(code);
    };
  }

  static String classOf(String code) {
    return switch (code) {
      case "invalid_parameter" -> "invalid_request";
      case "missing_token", "invalid_token", "invalid_token_or_not_found" -> "auth";
      case "forbidden", "forbidden_action" -> "permission";
      case "not_found", "unknown_hotel" -> "not_found";
      case "rate_limited" -> "rate_limited";
      case "internal_error" -> "server_error";
      case "central_db_unavailable", "tenant_db_unavailable" -> "upstream_unavailable";
      default -> throw new IllegalArgumentException(code);
    };
  }

  private static void jsonHeaders(Exchange e, Rng rng) {
    e.responseHeaders.clear();
    e.responseHeader("Content-Type", "application/json; charset=utf-8");
    e.responseHeader("X-Request-Id", rng.hex(16));
  }

  World world() {
    return world;
  }
}
