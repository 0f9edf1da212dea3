package com.hoteltraffic.classify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hoteltraffic.model.BookingFact;
import com.hoteltraffic.model.ClassifiedExchange;
import java.io.StringReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the booking facts reconciliation needs from Hotelbeds bodies, JSON or XML: the client
 * reference, rateKey and holder of a confirmation request, the bookings a response shows, and a
 * booking list's filters and page. A body that cannot be read gives no facts: the exchange is
 * still counted and classified, it just proves nothing about bookings.
 *
 * <p>Card data is never read. Holder names are read only when PII is asked for.
 */
final class HotelbedsBookingFacts {
  private final ObjectMapper mapper;
  private final XMLInputFactory xmlFactory;
  private final boolean includePii;

  HotelbedsBookingFacts(ObjectMapper mapper, boolean includePii) {
    this.mapper = mapper;
    this.includePii = includePii;
    this.xmlFactory = XMLInputFactory.newFactory();
    // Bodies are untrusted: no DTDs, no external entities.
    xmlFactory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    xmlFactory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
  }

  /** Booking confirmation or checkrates request: client reference, first rateKey, holder. */
  void readRequest(String body, ClassifiedExchange out) {
    if (isBlank(body)) {
      return;
    }
    String rateKey = null;
    if (looksLikeXml(body)) {
      try {
        XMLStreamReader xml = xmlFactory.createXMLStreamReader(new StringReader(body));
        while (xml.hasNext()) {
          if (xml.next() != XMLStreamConstants.START_ELEMENT) {
            continue;
          }
          switch (xml.getLocalName()) {
            case "room" -> rateKey = rateKey != null ? rateKey : xml.getAttributeValue(null, "rateKey");
            case "clientReference" -> out.clientReference = xml.getElementText().trim();
            case "holder" -> holder(out, xml.getAttributeValue(null, "name"), xml.getAttributeValue(null, "surname"));
            default -> {}
          }
        }
      } catch (XMLStreamException e) {
        return; // unreadable XML proves nothing
      }
    } else {
      JsonNode root = readJson(body);
      if (root == null) {
        return;
      }
      out.clientReference = text(root.get("clientReference"));
      JsonNode rooms = root.get("rooms");
      if (rooms != null && rooms.isArray() && !rooms.isEmpty()) {
        rateKey = text(rooms.get(0).get("rateKey"));
      }
      JsonNode holder = root.get("holder");
      if (holder != null) {
        holder(out, text(holder.get("name")), text(holder.get("surname")));
      }
    }
    RateKey parsed = RateKey.parse(rateKey);
    if (parsed != null) {
      out.hotelId = parsed.hotelCode();
      out.checkIn = parsed.checkIn();
      out.checkOut = parsed.checkOut();
    }
  }

  /**
   * A response that shows bookings: {@code booking} (confirmation, detail, change, cancellation)
   * or {@code bookings.bookings[]} with {@code from/to/total} (list). The response's hotel code is
   * preferred to the rateKey's, which Hotelbeds warns may change format.
   */
  void readResponse(String body, ClassifiedExchange out) {
    if (isBlank(body)) {
      return;
    }
    if (looksLikeXml(body)) {
      readXmlResponse(body, out);
    } else {
      readJsonResponse(body, out);
    }
    if (!out.bookings.isEmpty()) {
      String hotel = out.bookings.get(0).hotelCode();
      boolean single = out.bookings.stream().allMatch(b -> hotel != null && hotel.equals(b.hotelCode()));
      if (single) {
        out.hotelId = hotel;
      }
    }
  }

  /** A booking list's query: filters that decide whether the page can prove a booking absent. */
  static void readListQuery(String query, ClassifiedExchange out) {
    Map<String, String> params = queryParameters(query);
    out.listClientReference = params.get("clientReference");
    out.listFilterType = params.get("filterType");
    out.listStart = params.get("start");
    out.listEnd = params.get("end");
  }

  private void readJsonResponse(String body, ClassifiedExchange out) {
    JsonNode root = readJson(body);
    if (root == null) {
      return;
    }
    JsonNode booking = root.get("booking");
    if (booking != null && booking.isObject()) {
      out.bookings.add(jsonBooking(booking));
      JsonNode hotel = booking.get("hotel");
      if (hotel != null) {
        out.checkIn = firstNonNull(text(hotel.get("checkIn")), out.checkIn);
        out.checkOut = firstNonNull(text(hotel.get("checkOut")), out.checkOut);
      }
    }
    JsonNode page = root.get("bookings");
    if (page != null && page.isObject()) {
      out.listFrom = integer(page.get("from"));
      out.listTo = integer(page.get("to"));
      out.listTotal = integer(page.get("total"));
      JsonNode list = page.get("bookings");
      if (list != null && list.isArray()) {
        for (JsonNode item : list) {
          out.bookings.add(jsonBooking(item));
        }
      }
    }
  }

  private static BookingFact jsonBooking(JsonNode booking) {
    return new BookingFact(
        text(booking.get("reference")),
        text(booking.get("clientReference")),
        text(booking.get("status")),
        text(booking.path("hotel").get("code")),
        text(booking.get("creationDate")));
  }

  private void readXmlResponse(String body, ClassifiedExchange out) {
    try {
      XMLStreamReader xml = xmlFactory.createXMLStreamReader(new StringReader(body));
      String reference = null;
      String clientReference = null;
      String status = null;
      String creationDate = null;
      String hotelCode = null;
      boolean inBooking = false;
      while (xml.hasNext()) {
        int event = xml.next();
        if (event == XMLStreamConstants.START_ELEMENT) {
          switch (xml.getLocalName()) {
            case "bookings" -> {
              out.listFrom = integer(xml.getAttributeValue(null, "from"));
              out.listTo = integer(xml.getAttributeValue(null, "to"));
              out.listTotal = integer(xml.getAttributeValue(null, "total"));
            }
            case "booking" -> {
              inBooking = true;
              reference = xml.getAttributeValue(null, "reference");
              clientReference = xml.getAttributeValue(null, "clientReference");
              status = xml.getAttributeValue(null, "status");
              creationDate = xml.getAttributeValue(null, "creationDate");
              hotelCode = null;
            }
            case "hotel" -> {
              if (inBooking) {
                hotelCode = xml.getAttributeValue(null, "code");
                out.checkIn = firstNonNull(xml.getAttributeValue(null, "checkIn"), out.checkIn);
                out.checkOut = firstNonNull(xml.getAttributeValue(null, "checkOut"), out.checkOut);
              }
            }
            default -> {}
          }
        } else if (event == XMLStreamConstants.END_ELEMENT && "booking".equals(xml.getLocalName())) {
          out.bookings.add(new BookingFact(reference, clientReference, status, hotelCode, creationDate));
          inBooking = false;
        }
      }
    } catch (XMLStreamException e) {
      // Unreadable XML proves nothing; whatever bookings were read whole are kept.
    }
  }

  private void holder(ClassifiedExchange out, String name, String surname) {
    if (!includePii) {
      return;
    }
    String full = ((name == null ? "" : name) + " " + (surname == null ? "" : surname)).trim();
    out.holderName = full.isEmpty() ? null : full;
  }

  private JsonNode readJson(String body) {
    try {
      JsonNode root = mapper.readTree(body);
      return root != null && root.isObject() ? root : null;
    } catch (JsonProcessingException e) {
      return null; // not JSON: proves nothing
    }
  }

  static Map<String, String> queryParameters(String query) {
    Map<String, String> params = new HashMap<>();
    if (query == null || query.isEmpty()) {
      return params;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      params.putIfAbsent(name, value);
    }
    return params;
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return text; // a stray '%' is kept as written
    }
  }

  private static boolean looksLikeXml(String body) {
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (!Character.isWhitespace(c)) {
        return c == '<';
      }
    }
    return false;
  }

  private static boolean isBlank(String body) {
    return body == null || body.isBlank();
  }

  private static String text(JsonNode node) {
    return node == null || node.isNull() || node.isContainerNode() ? null : node.asText();
  }

  private static Integer integer(JsonNode node) {
    return node != null && node.canConvertToInt() ? node.asInt() : integer(text(node));
  }

  private static Integer integer(String text) {
    if (text == null) {
      return null;
    }
    try {
      return Integer.valueOf(text.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String firstNonNull(String a, String b) {
    return a != null ? a : b;
  }
}
