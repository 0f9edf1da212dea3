package com.hoteltraffic.generate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * Builds Hotelbeds APItude exchanges: availability, checkrates, booking confirmation, list, detail,
 * change and cancellation, their success bodies (JSON and XML) and the documented error answers
 * (formatted errors, Mashery gateway 403 sub-cases, the newer gateway's short JSON, plain HTTP
 * errors), each labelled with the contract's code and class.
 */
final class HotelbedsTraffic {
  static final String PATH = "/hotel-api/1.0";

  /** A booking as Hotelbeds holds it; {@code clientReference} is as the client sent it. */
  record Booking(
      String reference,
      String clientReference,
      World.HbHotel hotel,
      String checkIn,
      String checkOut,
      String holderName,
      String holderSurname,
      String totalNet,
      String status,
      String creationDate,
      String rateKey) {
    Booking withStatus(String newStatus) {
      return new Booking(
          reference,
          clientReference,
          hotel,
          checkIn,
          checkOut,
          holderName,
          holderSurname,
          totalNet,
          newStatus,
          creationDate,
          rateKey);
    }
  }

  private static final String[] NAMES = {
    "Anna", "John", "Maria", "Pierre", "Sven", "Lucia", "Tom", "Eva", "Ahmed", "Yuki", "Carlos",
    "Ines"
  };
  private static final String[] SURNAMES = {
    "Keller",
    "Smith",
    "Garcia",
    "Dubois",
    "Larsen",
    "Bianchi",
    "Novak",
    "Jansen",
    "Haddad",
    "Tanaka",
    "Pereira",
    "Kowalski"
  };
  private static final String[] ROOMS = {
    "DBL.ST", "TWN.ST", "DBL.SU", "SGL.ST", "DBL.DX-SV", "JSU.ST"
  };
  private static final String[] BOARDS = {"RO", "BB", "HB", "AI"};

  private final World world;
  private final MessageDigest sha256;

  HotelbedsTraffic(World world) {
    this.world = world;
    try {
      this.sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException("every JRE has SHA-256", impossible);
    }
  }

  /** A request with the APItude auth headers; {@code signed=false} leaves X-Signature out. */
  Exchange request(
      Rng rng,
      long ts,
      World.ApiKey key,
      String host,
      String method,
      String pathAndQuery,
      String body,
      boolean xml,
      boolean signed) {
    Exchange e = new Exchange();
    e.tsMillis = ts;
    e.durationMs = rng.between(120, 1800);
    e.provider = "hotelbeds";
    e.method = method;
    e.url = "https://" + (host == null ? key.host() : host) + PATH + pathAndQuery;
    e.token = key.value();
    e.requestHeader("Api-key", key.value());
    if (signed) {
      e.requestHeader("X-Signature", signature(key, ts / 1000));
    }
    e.requestHeader("Accept", xml ? "application/xml" : "application/json");
    e.requestHeader("Accept-Encoding", "gzip");
    if (body != null) {
      e.requestHeader("Content-Type", "application/json");
      e.requestBody = body;
      e.requestBodyIsJson = true;
    }
    e.requestHeader("User-Agent", "hotel-api-sdk-java/1.5.2");
    return e;
  }

  /** X-Signature: hex SHA-256 of api key + secret + Unix seconds, as the APItude docs define it. */
  String signature(World.ApiKey key, long unixSeconds) {
    byte[] digest =
        sha256.digest((key.value() + key.secret() + unixSeconds).getBytes(StandardCharsets.UTF_8));
    StringBuilder hex = new StringBuilder(64);
    for (byte b : digest) {
      hex.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
    }
    return hex.toString();
  }

  static String rateKey(Rng rng, World.HbHotel hotel, String checkIn, String checkOut) {
    return checkIn.replace("-", "")
        + "|"
        + checkOut.replace("-", "")
        + "|W|"
        + rng.between(1, 300)
        + "|"
        + hotel.code()
        + "|"
        + rng.pick(ROOMS)
        + "|ID_B2B_"
        + rng.between(10, 90)
        + "|"
        + rng.pick(BOARDS)
        + "||1~"
        + rng.between(1, 3)
        + "~0||N@0"
        + rng.between(1, 9)
        + "~~"
        + rng.hex(5)
        + "~-"
        + rng.between(100000000, 2000000000)
        + "~N~~~NOR~~"
        + rng.upperHex(40);
  }

  // ---------------------------------------------------------------- availability and checkrates

  Exchange availability(Rng rng, long ts, World.ApiKey key) {
    long in = ts + rng.between(3, 90) * Times.DAY;
    String checkIn = Times.date(in);
    String checkOut = Times.date(in + rng.between(1, 7) * Times.DAY);
    List<World.HbHotel> hotels = world.hbHotels;
    int first = rng.nextInt(hotels.size());
    int count = rng.between(2, 4);
    StringBuilder request =
        new StringBuilder(200)
            .append("{\"stay\":{\"checkIn\":\"")
            .append(checkIn)
            .append("\",\"checkOut\":\"")
            .append(checkOut)
            .append("\"},\"occupancies\":[{\"rooms\":1,\"adults\":")
            .append(rng.between(1, 3))
            .append(",\"children\":0}],\"hotels\":{\"hotel\":[");
    for (int i = 0; i < count; i++) {
      request.append(i == 0 ? "" : ",").append(hotels.get((first + i) % hotels.size()).code());
    }
    request.append("]}}");
    Exchange e = request(rng, ts, key, null, "POST", "/hotels", request.toString(), false, true);
    StringBuilder body =
        new StringBuilder(1400)
            .append("{\"auditData\":")
            .append(auditData(rng, ts))
            .append(",\"hotels\":{\"hotels\":[");
    int shown = rng.between(0, count);
    for (int i = 0; i < shown; i++) {
      World.HbHotel hotel = hotels.get((first + i) % hotels.size());
      String net = rng.amount(60, 900);
      body.append(i == 0 ? "" : ",").append("{\"code\":").append(hotel.code()).append(",\"name\":");
      Json.quote(body, hotel.name())
          .append(",\"categoryCode\":\"")
          .append(hotel.category())
          .append("\",\"destinationCode\":\"")
          .append(hotel.destination())
          .append("\",\"currency\":\"EUR\",\"minRate\":\"")
          .append(net)
          .append(
              "\",\"rooms\":[{\"code\":\"DBL.ST\",\"name\":\"DOUBLE STANDARD\",\"rates\":[{\"rateKey\":");
      Json.quote(body, rateKey(rng, hotel, checkIn, checkOut))
          .append(",\"rateClass\":\"NOR\",\"rateType\":\"")
          .append(rng.chance(0.7) ? "BOOKABLE" : "RECHECK")
          .append("\",\"net\":\"")
          .append(net)
          .append("\",\"allotment\":")
          .append(rng.between(1, 12))
          .append(
              ",\"paymentType\":\"AT_WEB\",\"boardCode\":\"RO\",\"rooms\":1,\"adults\":2,\"children\":0}]}]}");
    }
    body.append("],\"checkIn\":\"")
        .append(checkIn)
        .append("\",\"total\":")
        .append(shown)
        .append(",\"checkOut\":\"")
        .append(checkOut)
        .append("\"}}");
    okJson(e, rng, body.toString());
    return e;
  }

  Exchange checkrates(Rng rng, long ts, World.ApiKey key, World.HbHotel hotel) {
    long in = ts + rng.between(3, 90) * Times.DAY;
    String checkIn = Times.date(in);
    String checkOut = Times.date(in + rng.between(1, 7) * Times.DAY);
    String rateKey = rateKey(rng, hotel, checkIn, checkOut);
    Exchange e =
        request(
            rng,
            ts,
            key,
            null,
            "POST",
            "/checkrates",
            "{\"rooms\":[{\"rateKey\":" + Json.quoted(rateKey) + "}]}",
            false,
            true);
    e.hotelId = Integer.toString(hotel.code());
    String net = rng.amount(60, 900);
    StringBuilder body =
        new StringBuilder(900)
            .append("{\"auditData\":")
            .append(auditData(rng, ts))
            .append(",\"hotel\":{\"checkOut\":\"")
            .append(checkOut)
            .append("\",\"checkIn\":\"")
            .append(checkIn)
            .append("\",\"code\":")
            .append(hotel.code())
            .append(",\"name\":");
    Json.quote(body, hotel.name())
        .append(",\"rooms\":[{\"code\":\"DBL.ST\",\"rates\":[{\"rateKey\":");
    Json.quote(body, rateKey)
        .append(",\"rateType\":\"BOOKABLE\",\"net\":\"")
        .append(net)
        .append("\",\"cancellationPolicies\":[{\"amount\":\"")
        .append(net)
        .append("\",\"from\":\"")
        .append(checkIn)
        .append("T23:59:00+01:00\"}],\"rooms\":1,\"adults\":2,\"children\":0}]}],\"totalNet\":\"")
        .append(net)
        .append("\",\"currency\":\"EUR\"}}");
    okJson(e, rng, body.toString());
    return e;
  }

  // ---------------------------------------------------------------- bookings

  /**
   * A new booking (not yet confirmed) for {@code clientReference}, checking in some days after
   * {@code ts}.
   */
  Booking newBooking(
      Rng rng, long ts, String clientReference, World.HbHotel hotel, String reference) {
    long in = ts + rng.between(5, 80) * Times.DAY;
    String checkIn = Times.date(in);
    String checkOut = Times.date(in + rng.between(1, 6) * Times.DAY);
    return new Booking(
        reference,
        clientReference,
        hotel,
        checkIn,
        checkOut,
        rng.pick(NAMES),
        rng.pick(SURNAMES),
        rng.amount(90, 1800),
        "CONFIRMED",
        Times.date(ts),
        rateKey(rng, hotel, checkIn, checkOut));
  }

  /** POST /bookings for {@code booking}, without a response yet; hotel from the rateKey. */
  Exchange confirmationRequest(
      Rng rng, long ts, World.ApiKey key, Booking booking, boolean withCard) {
    StringBuilder body = new StringBuilder(600).append("{\"holder\":{\"name\":");
    Json.quote(body, booking.holderName()).append(",\"surname\":");
    Json.quote(body, booking.holderSurname()).append("},\"rooms\":[{\"rateKey\":");
    Json.quote(body, booking.rateKey())
        .append(",\"paxes\":[{\"roomId\":1,\"type\":\"AD\",\"name\":");
    Json.quote(body, booking.holderName()).append(",\"surname\":");
    Json.quote(body, booking.holderSurname())
        .append("},{\"roomId\":1,\"type\":\"AD\",\"name\":\"")
        .append(rng.pick(NAMES))
        .append("\",\"surname\":");
    Json.quote(body, booking.holderSurname()).append("}]}],\"clientReference\":");
    Json.quote(body, booking.clientReference()).append(",\"remark\":");
    Json.quote(
        body,
        rng.pick(
            new String[] {
              "",
              "Late arrival, around 23:00",
              "Non-smoking room please",
              "Honeymoon",
              "Booking from web"
            }));
    if (withCard) {
      body.append(",\"paymentData\":{\"paymentCard\":{\"cardHolderName\":");
      Json.quote(
              body,
              (booking.holderName() + " " + booking.holderSurname())
                  .toUpperCase(java.util.Locale.ROOT))
          .append(",\"cardType\":\"VI\",\"cardNumber\":\"4111111111111111\",\"expiryDate\":\"")
          .append(rng.between(10, 12))
          .append(rng.between(27, 31))
          .append("\",\"cardCVC\":\"")
          .append(rng.between(100, 999))
          .append("\"},\"contactData\":{\"email\":\"")
          .append(booking.holderName().toLowerCase(java.util.Locale.ROOT))
          .append("@example.com\",\"phoneNumber\":\"+4179")
          .append(rng.between(1000000, 9999999))
          .append("\"}}");
    }
    body.append(",\"tolerance\":2.00}");
    Exchange e =
        request(
            rng,
            ts,
            key,
            withCard ? "api-secure.hotelbeds.com" : null,
            "POST",
            "/bookings",
            body.toString(),
            false,
            true);
    e.hotelId = Integer.toString(booking.hotel().code());
    return e;
  }

  /** The booking object as responses show it (clientReference and holder upper-cased). */
  static String bookingObject(Booking b) {
    StringBuilder out =
        new StringBuilder(700)
            .append("{\"reference\":\"")
            .append(b.reference())
            .append("\",\"clientReference\":");
    Json.quote(out, b.clientReference().toUpperCase(java.util.Locale.ROOT))
        .append(",\"creationDate\":\"")
        .append(b.creationDate())
        .append("\",\"status\":\"")
        .append(b.status())
        .append(
            "\",\"modificationPolicies\":{\"cancellation\":true,\"modification\":true},\"creationUser\":\"booking-engine\",\"holder\":{\"name\":");
    Json.quote(out, b.holderName().toUpperCase(java.util.Locale.ROOT)).append(",\"surname\":");
    Json.quote(out, b.holderSurname().toUpperCase(java.util.Locale.ROOT))
        .append("},\"hotel\":{\"checkOut\":\"")
        .append(b.checkOut())
        .append("\",\"checkIn\":\"")
        .append(b.checkIn())
        .append("\",\"code\":")
        .append(b.hotel().code())
        .append(",\"name\":");
    Json.quote(out, b.hotel().name())
        .append(",\"categoryCode\":\"")
        .append(b.hotel().category())
        .append("\",\"destinationCode\":\"")
        .append(b.hotel().destination())
        .append("\",\"rooms\":[{\"status\":\"")
        .append(b.status())
        .append("\",\"id\":1,\"code\":\"DBL.ST\",\"name\":\"DOUBLE STANDARD\"}],\"totalNet\":")
        .append(b.totalNet())
        .append(
            ",\"currency\":\"EUR\",\"supplier\":{\"name\":\"HOTELBEDS PRODUCT,S.L.U.\",\"vatNumber\":\"ESB38877676\"}},\"totalNet\":")
        .append(b.totalNet())
        .append(",\"pendingAmount\":")
        .append(b.totalNet())
        .append(",\"currency\":\"EUR\"}");
    return out.toString();
  }

  /** A 200 answer carrying {@code {"auditData":..,"booking":{..}}}. */
  void bookingAnswer(Exchange e, Rng rng, Booking b) {
    okJson(
        e,
        rng,
        "{\"auditData\":" + auditData(rng, e.tsMillis) + ",\"booking\":" + bookingObject(b) + "}");
    e.hotelId = Integer.toString(b.hotel().code());
  }

  Exchange detail(Rng rng, long ts, World.ApiKey key, String reference) {
    return request(rng, ts, key, null, "GET", "/bookings/" + reference, null, false, true);
  }

  Exchange cancellation(Rng rng, long ts, World.ApiKey key, String reference, boolean simulation) {
    return request(
        rng,
        ts,
        key,
        null,
        "DELETE",
        "/bookings/"
            + reference
            + "?cancellationFlag="
            + (simulation ? "SIMULATION" : "CANCELLATION"),
        null,
        false,
        true);
  }

  Exchange change(Rng rng, long ts, World.ApiKey key, Booking b) {
    String body =
        "{\"mode\":\"UPDATE\",\"booking\":{\"holder\":{\"name\":"
            + Json.quoted(b.holderName())
            + ",\"surname\":"
            + Json.quoted(b.holderSurname())
            + "},\"remark\":\"Guest arrives late\"}}";
    return request(rng, ts, key, null, "PUT", "/bookings/" + b.reference(), body, false, true);
  }

  /** GET /bookings with the documented query parameters; null parameters are left out. */
  Exchange listRequest(
      Rng rng,
      long ts,
      World.ApiKey key,
      String start,
      String end,
      int from,
      int to,
      String filterType,
      String status,
      String clientReference,
      boolean xml) {
    StringBuilder query =
        new StringBuilder("/bookings?start=")
            .append(start)
            .append("&end=")
            .append(end)
            .append("&from=")
            .append(from)
            .append("&to=")
            .append(to);
    if (filterType != null) {
      query.append("&filterType=").append(filterType);
    }
    if (status != null) {
      query.append("&status=").append(status);
    }
    if (clientReference != null) {
      query.append("&clientReference=").append(clientReference);
    }
    return request(rng, ts, key, null, "GET", query.toString(), null, xml, true);
  }

  /** A booking list page holding {@code page} of {@code total}, as JSON or XML. */
  void listAnswer(
      Exchange e, Rng rng, List<Booking> page, int from, int to, int total, boolean xml) {
    String body;
    if (xml) {
      StringBuilder out =
          new StringBuilder(300 + page.size() * 300)
              .append(
                  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><bookingListRS xmlns=\"http://www.hotelbeds.com/schemas/messages\">")
              .append("<auditData processTime=\"")
              .append(rng.between(40, 900))
              .append("\" timestamp=\"")
              .append(Times.auditTimestamp(e.tsMillis))
              .append("\" serverId=\"ip-10-185-")
              .append(rng.between(1, 250))
              .append("\" environment=\"[awseuwest1, awseuwest1a]\" release=\"")
              .append(rng.hex(12))
              .append("\"/>")
              .append("<bookings from=\"")
              .append(from)
              .append("\" to=\"")
              .append(to)
              .append("\" total=\"")
              .append(total)
              .append("\">");
      for (Booking b : page) {
        out.append("<booking reference=\"")
            .append(b.reference())
            .append("\" clientReference=\"")
            .append(Json.xml(b.clientReference().toUpperCase(java.util.Locale.ROOT)))
            .append("\" status=\"")
            .append(b.status())
            .append("\" creationDate=\"")
            .append(b.creationDate())
            .append("\"><holder name=\"")
            .append(Json.xml(b.holderName().toUpperCase(java.util.Locale.ROOT)))
            .append("\" surname=\"")
            .append(Json.xml(b.holderSurname().toUpperCase(java.util.Locale.ROOT)))
            .append("\"/><hotel code=\"")
            .append(b.hotel().code())
            .append("\" name=\"")
            .append(Json.xml(b.hotel().name()))
            .append("\" checkIn=\"")
            .append(b.checkIn())
            .append("\" checkOut=\"")
            .append(b.checkOut())
            .append("\"/><totalNet>")
            .append(b.totalNet())
            .append("</totalNet><currency>EUR</currency></booking>");
      }
      body = out.append("</bookings></bookingListRS>").toString();
      e.responseHeader("Content-Type", "application/xml;charset=UTF-8");
      e.respond(200, body, false, "OK", "ok");
    } else {
      StringBuilder out =
          new StringBuilder(200 + page.size() * 700)
              .append("{\"auditData\":")
              .append(auditData(rng, e.tsMillis))
              .append(",\"bookings\":{\"bookings\":[");
      for (int i = 0; i < page.size(); i++) {
        out.append(i == 0 ? "" : ",").append(bookingObject(page.get(i)));
      }
      out.append("],\"from\":")
          .append(from)
          .append(",\"to\":")
          .append(to)
          .append(",\"total\":")
          .append(total)
          .append("}}");
      okJson(e, rng, out.toString());
    }
    String hotel = null;
    for (Booking b : page) {
      String code = Integer.toString(b.hotel().code());
      hotel = hotel == null || hotel.equals(code) ? code : "";
    }
    e.hotelId = hotel == null ? "" : hotel;
  }

  // ---------------------------------------------------------------- errors

  /**
   * A formatted error ({@code INVALID_REQUEST}, {@code INVALID_DATA}, {@code PRODUCT_ERROR}, {@code
   * SYSTEM_ERROR}) with its per-response token, as JSON or as XML in {@code rootElement}.
   */
  void formattedError(
      Exchange e,
      Rng rng,
      int status,
      String type,
      String message,
      boolean xml,
      String rootElement) {
    String code = type + "-" + rng.upperHex(32);
    String body;
    if (xml) {
      body =
          "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><"
              + rootElement
              + " xmlns=\"http://www.hotelbeds.com/schemas/messages\"><auditData timestamp=\""
              + Times.auditTimestamp(e.tsMillis)
              + "\" serverId=\"ip-10-185-"
              + rng.between(1, 250)
              + "\" environment=\"[awseuwest1, awseuwest1a]\" release=\""
              + rng.hex(12)
              + "\"/><error><code>"
              + code
              + "</code><message>"
              + Json.xml(message)
              + "</message></error></"
              + rootElement
              + ">";
      e.responseHeaders.clear();
      e.responseHeader("Content-Type", "application/xml;charset=UTF-8");
    } else {
      body =
          "{\"auditData\":"
              + auditData(rng, e.tsMillis)
              + ",\"error\":{\"code\":\""
              + code
              + "\",\"message\":"
              + Json.quoted(message)
              + "}}";
      e.responseHeaders.clear();
      e.responseHeader("Content-Type", "application/json;charset=UTF-8");
    }
    String errorClass =
        switch (type) {
          case "INVALID_REQUEST", "INVALID_DATA" -> "invalid_request";
          case "PRODUCT_ERROR", "CONFIGURATION_ERROR" -> "product";
          case "SYSTEM_ERROR" -> "server_error";
          default -> throw new IllegalArgumentException(type);
        };
    e.respond(status, body, !xml, type, errorClass);
  }

  /** The Mashery gateway's 403 with its sub-case in X-Mashery-Error-Code and the body's heading. */
  void gateway403(Exchange e, String subCase, boolean withHeader) {
    e.responseHeaders.clear();
    e.responseHeader("Content-Type", "text/xml");
    if (withHeader) {
      e.responseHeader("X-Mashery-Error-Code", "ERR_403_" + subCase);
    }
    e.responseHeader("X-Mashery-Responder", "prod-j-worker-eu-west-1b-" + (e.tsMillis % 90));
    String heading =
        switch (subCase) {
          case "DEVELOPER_OVER_QPS" -> "Developer Over Qps";
          case "DEVELOPER_OVER_RATE" -> "Developer Over Rate";
          case "DEVELOPER_INACTIVE" -> "Developer Inactive";
          case "NOT_AUTHORIZED" -> "Not Authorized";
          default -> throw new IllegalArgumentException(subCase);
        };
    String errorClass =
        switch (subCase) {
          case "DEVELOPER_OVER_QPS" -> "rate_limited";
          case "DEVELOPER_OVER_RATE" -> "quota_exceeded";
          default -> "auth";
        };
    e.durationMs = Math.min(e.durationMs, 90);
    e.respond(403, "<h1>" + heading + "</h1>", false, subCase, errorClass);
  }

  /**
   * The newer gateway's short JSON error, e.g. 401 {"error":"Request signature verification
   * failed"}.
   */
  void newGateway(Exchange e, int status, String text, String code, String errorClass) {
    e.responseHeaders.clear();
    e.responseHeader("Content-Type", "application/json");
    e.durationMs = Math.min(e.durationMs, 60);
    e.respond(status, "{\"error\":" + Json.quoted(text) + "}", true, code, errorClass);
  }

  /** A plain HTTP error (text or HTML body, or none): the code is the documented status name. */
  void plain(
      Exchange e, int status, String body, String contentType, String code, String errorClass) {
    e.responseHeaders.clear();
    if (contentType != null) {
      e.responseHeader("Content-Type", contentType);
    }
    e.respond(status, body, false, code, errorClass);
  }

  private void okJson(Exchange e, Rng rng, String body) {
    e.responseHeaders.clear();
    e.responseHeader("Content-Type", "application/json;charset=UTF-8");
    e.responseHeader(
        "X-Request-Id", rng.hex(8) + "-" + rng.hex(4) + "-" + rng.hex(4) + "-" + rng.hex(12));
    e.respond(200, body, true, "OK", "ok");
  }

  static String auditData(Rng rng, long ts) {
    return "{\"processTime\":\""
        + rng.between(30, 1500)
        + "\",\"timestamp\":\""
        + Times.auditTimestamp(ts)
        + "\",\"requestHost\":\"10.185."
        + rng.between(1, 250)
        + "."
        + rng.between(1, 250)
        + "\",\"serverId\":\"ip-10-185-"
        + rng.between(1, 250)
        + ".eu-west-1.compute.internal\",\"environment\":\"[awseuwest1, awseuwest1a, ip_10_185_"
        + rng.between(1, 250)
        + "]\",\"release\":\""
        + rng.hex(12)
        + "\",\"token\":\""
        + rng.upperHex(32)
        + "\",\"internal\":\"0|"
        + rng.hex(8)
        + "\"}";
  }
}
