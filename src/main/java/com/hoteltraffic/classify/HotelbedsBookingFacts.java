package com.hoteltraffic.classify;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hoteltraffic.json.JsonScalars;
import com.hoteltraffic.model.BookingFact;
import com.hoteltraffic.model.ClassifiedExchange;
import java.io.IOException;
import java.io.StringReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the booking facts reconciliation needs from Hotelbeds bodies, JSON or XML: the client
 * reference, rateKey and holder of a confirmation request, the bookings a response shows, and a
 * booking list's filters and page. A body that cannot be read gives no facts: the exchange is still
 * counted and classified, it just proves nothing about bookings; when the body said it was JSON or
 * XML ({@link BodyFormat#declared}), the readers return that format, for the run to count.
 *
 * <p>Card data is never read. Holder names are read only when PII is asked for.
 */
final class HotelbedsBookingFacts {
  private final JsonFactory jsonFactory;
  private final XMLInputFactory xmlFactory;
  private final boolean includePii;

  HotelbedsBookingFacts(ObjectMapper mapper, boolean includePii) {
    this.jsonFactory = mapper.getFactory();
    this.includePii = includePii;
    this.xmlFactory = XMLInputFactory.newFactory();
    // Bodies are untrusted: no DTDs, no external entities.
    xmlFactory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    xmlFactory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
  }

  /**
   * Booking confirmation or checkrates request: client reference, first rateKey, holder.
   *
   * @param contentType the request's {@code Content-Type}, may be null
   * @return the format the body said it was when it could not be read; null otherwise
   */
  String readRequest(String body, String contentType, ClassifiedExchange out) {
    if (isBlank(body)) {
      return null;
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
            case "room" ->
                rateKey = rateKey != null ? rateKey : xml.getAttributeValue(null, "rateKey");
            case "clientReference" -> out.clientReference = xml.getElementText().trim();
            case "holder" ->
                holder(
                    out,
                    xml.getAttributeValue(null, "name"),
                    xml.getAttributeValue(null, "surname"));
            default -> {}
          }
        }
      } catch (XMLStreamException e) {
        return BodyFormat.declared(contentType, body); // unreadable XML proves nothing
      }
    } else {
      JsonRequest request;
      try {
        request = readJsonRequest(body);
      } catch (IOException e) {
        return BodyFormat.declared(contentType, body); // not JSON: proves nothing
      }
      if (request == null) {
        return null;
      }
      out.clientReference = request.clientReference();
      rateKey = request.rateKey();
      if (request.hasHolder()) {
        holder(out, request.holderName(), request.holderSurname());
      }
    }
    RateKey parsed = RateKey.parse(rateKey);
    if (parsed != null) {
      out.hotelId = parsed.hotelCode();
      out.checkIn = parsed.checkIn();
      out.checkOut = parsed.checkOut();
    }
    return null;
  }

  /**
   * A response that shows bookings: {@code booking} (confirmation, detail, change, cancellation) or
   * {@code bookings.bookings[]} with {@code from/to/total} (list). The response's hotel code is
   * preferred to the rateKey's, which Hotelbeds warns may change format.
   *
   * @param contentType the response's {@code Content-Type}, may be null
   * @return the format the body said it was when it could not be read; null otherwise
   */
  String readResponse(String body, String contentType, ClassifiedExchange out) {
    if (isBlank(body)) {
      return null;
    }
    boolean read = looksLikeXml(body) ? readXmlResponse(body, out) : readJsonResponse(body, out);
    String failed = read ? null : BodyFormat.declared(contentType, body);
    if (!out.bookings.isEmpty()) {
      String hotel = out.bookings.get(0).hotelCode();
      boolean single =
          out.bookings.stream().allMatch(b -> hotel != null && hotel.equals(b.hotelCode()));
      if (single) {
        out.hotelId = hotel;
      }
    }
    return failed;
  }

  /** A booking list's query: filters that decide whether the page can prove a booking absent. */
  static void readListQuery(String query, ClassifiedExchange out) {
    Map<String, String> params = queryParameters(query);
    out.listClientReference = params.get("clientReference");
    out.listFilterType = params.get("filterType");
    out.listStart = params.get("start");
    out.listEnd = params.get("end");
    out.listStatus = params.get("status");
  }

  /**
   * What a JSON confirmation or checkrates request holds for reconciliation. Read with the
   * streaming parser, skipping rates, paxes and payment data without building them.
   */
  private record JsonRequest(
      String clientReference,
      String rateKey,
      boolean hasHolder,
      String holderName,
      String holderSurname) {}

  /**
   * Null when the body is not a JSON object.
   *
   * @throws IOException when it cannot be read to the end of the object
   */
  private JsonRequest readJsonRequest(String body) throws IOException {
    try (JsonParser json = jsonFactory.createParser(body)) {
      if (json.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      String clientReference = null;
      String rateKey = null;
      boolean hasHolder = false;
      String name = null;
      String surname = null;
      // A repeated field counts as its last occurrence, as in a tree.
      while (json.nextToken() == JsonToken.FIELD_NAME) {
        String field = json.currentName();
        JsonToken value = json.nextToken();
        switch (field) {
          case "clientReference" -> clientReference = JsonScalars.text(json, value);
          case "rooms" -> rateKey = firstRateKey(json, value);
          case "holder" -> {
            hasHolder = true;
            name = null;
            surname = null;
            if (value == JsonToken.START_OBJECT) {
              while (json.nextToken() == JsonToken.FIELD_NAME) {
                String holderField = json.currentName();
                JsonToken holderValue = json.nextToken();
                switch (holderField) {
                  case "name" -> name = JsonScalars.text(json, holderValue);
                  case "surname" -> surname = JsonScalars.text(json, holderValue);
                  default -> json.skipChildren();
                }
              }
            } else {
              json.skipChildren();
            }
          }
          default -> json.skipChildren();
        }
      }
      return new JsonRequest(clientReference, rateKey, hasHolder, name, surname);
    }
  }

  /** {@code rooms[0].rateKey}, with the parser on the value of {@code rooms}; past it on return. */
  private static String firstRateKey(JsonParser json, JsonToken rooms) throws IOException {
    if (rooms != JsonToken.START_ARRAY) {
      json.skipChildren();
      return null;
    }
    String rateKey = null;
    JsonToken first = json.nextToken();
    if (first == JsonToken.START_OBJECT) {
      while (json.nextToken() == JsonToken.FIELD_NAME) {
        String field = json.currentName();
        JsonToken value = json.nextToken();
        if ("rateKey".equals(field)) {
          rateKey = JsonScalars.text(json, value);
        } else {
          json.skipChildren();
        }
      }
    } else if (first != JsonToken.END_ARRAY) {
      json.skipChildren();
    }
    if (first != JsonToken.END_ARRAY) {
      while (json.nextToken() != JsonToken.END_ARRAY) {
        json.skipChildren();
      }
    }
    return rateKey;
  }

  /**
   * {@code booking} (confirmation, detail, change, cancellation) and {@code bookings} (a list
   * page), read with the streaming parser. Facts are only taken once the whole object was read: a
   * body cut short proves nothing. Returns whether the body was read (one that is not an object
   * was, it just shows nothing).
   */
  private boolean readJsonResponse(String body, ClassifiedExchange out) {
    JsonBooking booking = null;
    boolean page = false;
    Integer from = null;
    Integer to = null;
    Integer total = null;
    List<BookingFact> listed = null;
    try (JsonParser json = jsonFactory.createParser(body)) {
      if (json.nextToken() != JsonToken.START_OBJECT) {
        return true;
      }
      // A repeated field counts as its last occurrence, as in a tree.
      while (json.nextToken() == JsonToken.FIELD_NAME) {
        String field = json.currentName();
        JsonToken value = json.nextToken();
        switch (field) {
          case "booking" ->
              booking = value == JsonToken.START_OBJECT ? readBooking(json) : skip(json);
          case "bookings" -> {
            page = value == JsonToken.START_OBJECT;
            from = null;
            to = null;
            total = null;
            listed = null;
            if (!page) {
              json.skipChildren();
              continue;
            }
            while (json.nextToken() == JsonToken.FIELD_NAME) {
              String pageField = json.currentName();
              JsonToken pageValue = json.nextToken();
              switch (pageField) {
                case "from" -> from = scalarInteger(json, pageValue);
                case "to" -> to = scalarInteger(json, pageValue);
                case "total" -> total = scalarInteger(json, pageValue);
                case "bookings" ->
                    listed = pageValue == JsonToken.START_ARRAY ? readBookings(json) : skip(json);
                default -> json.skipChildren();
              }
            }
          }
          default -> json.skipChildren();
        }
      }
    } catch (IOException e) {
      return false; // not JSON, or cut short: proves nothing
    }
    if (booking != null) {
      out.bookings.add(booking.fact());
      out.checkIn = firstNonNull(booking.checkIn(), out.checkIn);
      out.checkOut = firstNonNull(booking.checkOut(), out.checkOut);
    }
    if (page) {
      out.listFrom = from;
      out.listTo = to;
      out.listTotal = total;
      if (listed != null) {
        out.bookings.addAll(listed);
      }
    }
    return true;
  }

  /** One booking object and the stay dates of its hotel. */
  private record JsonBooking(BookingFact fact, String checkIn, String checkOut) {}

  /** The booking object the parser is on (at its START_OBJECT); past its END_OBJECT on return. */
  private static JsonBooking readBooking(JsonParser json) throws IOException {
    String reference = null;
    String clientReference = null;
    String status = null;
    String creationDate = null;
    String hotelCode = null;
    String checkIn = null;
    String checkOut = null;
    while (json.nextToken() == JsonToken.FIELD_NAME) {
      String field = json.currentName();
      JsonToken value = json.nextToken();
      switch (field) {
        case "reference" -> reference = JsonScalars.text(json, value);
        case "clientReference" -> clientReference = JsonScalars.text(json, value);
        case "status" -> status = JsonScalars.text(json, value);
        case "creationDate" -> creationDate = JsonScalars.text(json, value);
        case "hotel" -> {
          hotelCode = null;
          checkIn = null;
          checkOut = null;
          if (value != JsonToken.START_OBJECT) {
            json.skipChildren();
            continue;
          }
          while (json.nextToken() == JsonToken.FIELD_NAME) {
            String hotelField = json.currentName();
            JsonToken hotelValue = json.nextToken();
            switch (hotelField) {
              case "code" -> hotelCode = JsonScalars.text(json, hotelValue);
              case "checkIn" -> checkIn = JsonScalars.text(json, hotelValue);
              case "checkOut" -> checkOut = JsonScalars.text(json, hotelValue);
              default -> json.skipChildren();
            }
          }
        }
        default -> json.skipChildren();
      }
    }
    return new JsonBooking(
        new BookingFact(reference, clientReference, status, hotelCode, creationDate),
        checkIn,
        checkOut);
  }

  /**
   * The page's booking array (parser at its START_ARRAY). An element that is not an object still
   * counts as a booking, one with no known field, as it would read from a tree.
   */
  private static List<BookingFact> readBookings(JsonParser json) throws IOException {
    List<BookingFact> bookings = new ArrayList<>();
    JsonToken element;
    while ((element = json.nextToken()) != JsonToken.END_ARRAY) {
      if (element == JsonToken.START_OBJECT) {
        bookings.add(readBooking(json).fact());
      } else {
        json.skipChildren();
        bookings.add(new BookingFact(null, null, null, null, null));
      }
    }
    return bookings;
  }

  /** Skips the value the parser is on; null, for the caller's "no such value". */
  private static <T> T skip(JsonParser json) throws IOException {
    json.skipChildren();
    return null;
  }

  /**
   * A number that fits an int (a fraction is cut, as {@code JsonNode.asInt} does), or a string
   * holding one; null otherwise.
   */
  private static Integer scalarInteger(JsonParser json, JsonToken value) throws IOException {
    if (value == JsonToken.VALUE_NUMBER_INT && json.getNumberType() == JsonParser.NumberType.INT) {
      return json.getIntValue();
    }
    if (value == JsonToken.VALUE_NUMBER_FLOAT) {
      double number = json.getDoubleValue();
      if (number >= Integer.MIN_VALUE && number <= Integer.MAX_VALUE) {
        return (int) number;
      }
    }
    return integer(JsonScalars.text(json, value));
  }

  /** Whether the body was read to its end (the bookings read whole are kept either way). */
  private boolean readXmlResponse(String body, ClassifiedExchange out) {
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
        } else if (event == XMLStreamConstants.END_ELEMENT
            && "booking".equals(xml.getLocalName())) {
          out.bookings.add(
              new BookingFact(reference, clientReference, status, hotelCode, creationDate));
          inBooking = false;
        }
      }
    } catch (XMLStreamException e) {
      // Unreadable XML proves nothing; whatever bookings were read whole are kept.
      return false;
    }
    return true;
  }

  private void holder(ClassifiedExchange out, String name, String surname) {
    if (!includePii) {
      return;
    }
    String full = ((name == null ? "" : name) + " " + (surname == null ? "" : surname)).trim();
    out.holderName = full.isEmpty() ? null : full;
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
