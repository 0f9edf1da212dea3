package com.hoteltraffic.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.hoteltraffic.model.BookingFact;
import com.hoteltraffic.model.ClassifiedExchange;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link HotelbedsBookingFacts} and {@link RateKey}: the Hotelbeds body shapes of providers.md. */
class HotelbedsBookingFactsTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final HotelbedsBookingFacts FACTS = new HotelbedsBookingFacts(MAPPER, false);
  private static final HotelbedsBookingFacts FACTS_WITH_PII =
      new HotelbedsBookingFacts(MAPPER, true);

  static final String RATE_KEY =
      "20261209|20261211|W|59|1533|DBL.ST|ID_B2B_26|RO|B2B|1~2~0||N@06~~200b3~-1187485434~N~~~NOR~~2A7F3E";

  static final String CONFIRMATION_JSON =
      """
      {"holder": {"name": "Jane", "surname": "Doe"},
       "rooms": [{"rateKey": "%s", "paxes": [{"roomId": 1, "type": "AD", "name": "Jane", "surname": "Doe"}]},
                 {"rateKey": "20261209|20261211|W|59|9999|DBL.ST|x"}],
       "clientReference": "IntegrationAgency", "remark": "Booking remarks are to be written here.",
       "tolerance": 2.00,
       "paymentData": {"paymentCard": {"cardHolderName": "JANE DOE", "cardNumber": "4111111111111111", "cardCVC": "123"}}}
      """
          .formatted(RATE_KEY);

  static final String CONFIRMATION_XML =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <bookingRQ xmlns="http://www.hotelbeds.com/schemas/messages">
        <holder name="Jane" surname="Doe"/>
        <rooms>
          <room rateKey="%s"><paxes><pax roomId="1" type="AD" name="Jane" surname="Doe"/></paxes></room>
          <room rateKey="20261209|20261211|W|59|9999|DBL.ST|x"/>
        </rooms>
        <clientReference> IntegrationAgency </clientReference>
        <remark>Booking remarks</remark>
      </bookingRQ>
      """
          .formatted(RATE_KEY);

  @Test
  void confirmationRequestJsonAndXml() {
    for (String body : List.of(CONFIRMATION_JSON, CONFIRMATION_XML)) {
      ClassifiedExchange out = new ClassifiedExchange();
      FACTS.readRequest(body, null, out);
      String kind = body.startsWith("<") || body.startsWith("\n<") ? "XML" : "JSON";
      assertEquals("IntegrationAgency", out.clientReference, kind + " clientReference");
      assertEquals("1533", out.hotelId, kind + " hotel from the first room's rateKey");
      assertEquals("2026-12-09", out.checkIn, kind + " check-in");
      assertEquals("2026-12-11", out.checkOut, kind + " check-out");
      assertNull(out.holderName, kind + " no holder without includePii");

      ClassifiedExchange withPii = new ClassifiedExchange();
      FACTS_WITH_PII.readRequest(body, null, withPii);
      assertEquals("Jane Doe", withPii.holderName, kind + " holder with includePii");
    }
  }

  @Test
  void unreadableOrOddRequestsGiveNoFacts() {
    for (String body :
        new String[] {
          null, "", "  ", "not json", "<bookingRQ><unclosed>", "[1,2]", "{\"rooms\":{}}"
        }) {
      ClassifiedExchange out = new ClassifiedExchange();
      FACTS.readRequest(body, null, out);
      assertNull(out.clientReference, "clientReference of " + body);
      assertNull(out.hotelId, "hotel of " + body);
    }
  }

  @Test
  void rateKeys() {
    record Case(String key, String hotel, String checkIn, String checkOut) {}
    for (Case c :
        List.of(
            new Case(RATE_KEY, "1533", "2026-12-09", "2026-12-11"),
            new Case("20261209|20261211|W|59|1533", "1533", "2026-12-09", "2026-12-11"),
            new Case("2026-12-09|20261211|W|59|AB12|x", "AB12", null, "2026-12-11"),
            new Case("20261209|20261211|W|59", null, null, null),
            new Case("20261209|20261211|W|59||DBL", null, null, null),
            new Case("20261209|20261211|W|59|15-33|DBL", null, null, null),
            new Case("20261209|20261211|W|59|1234567890123|DBL", null, null, null),
            new Case("opaque-new-format-key", null, null, null),
            new Case("", null, null, null))) {
      RateKey parsed = RateKey.parse(c.key());
      assertEquals(c.hotel(), parsed == null ? null : parsed.hotelCode(), "hotel of " + c.key());
      assertEquals(c.checkIn(), parsed == null ? null : parsed.checkIn(), "check-in of " + c.key());
      assertEquals(
          c.checkOut(), parsed == null ? null : parsed.checkOut(), "check-out of " + c.key());
    }
    assertNull(RateKey.parse(null), "null");
  }

  @Test
  void aRateKeyThatDoesNotParseMeansHotelUnknown() {
    ClassifiedExchange out = new ClassifiedExchange();
    FACTS.readRequest(
        "{\"clientReference\":\"R1\",\"rooms\":[{\"rateKey\":\"v2:Zm9vYmFy\"}]}", null, out);
    assertEquals("R1", out.clientReference, "the rest is still read");
    assertNull(out.hotelId, "hotel unknown");
    assertNull(out.checkIn, "check-in unknown");
  }

  static final String BOOKING_JSON =
      """
      {"auditData": {"processTime": "201", "timestamp": "2026-11-19 10:00:06.123"},
       "booking": {"reference": "1-3814850", "clientReference": "INTEGRATIONAGENCY", "creationDate": "2026-11-19",
        "status": "CONFIRMED", "holder": {"name": "JANE", "surname": "DOE"},
        "hotel": {"checkOut": "2026-12-12", "checkIn": "2026-12-10", "code": 1534, "name": "Hotel X",
                  "rooms": [{"rates": [{"rateKey": "%s"}]}]},
        "totalNet": 231.12, "currency": "EUR"}}
      """
          .formatted(RATE_KEY);

  static final String BOOKING_XML =
      """
      <bookingRS xmlns="http://www.hotelbeds.com/schemas/messages">
        <auditData processTime="201" timestamp="2026-11-19 10:00:06.123"/>
        <booking reference="1-3814850" clientReference="INTEGRATIONAGENCY" creationDate="2026-11-19" status="CONFIRMED">
          <holder name="JANE" surname="DOE"/>
          <hotel checkIn="2026-12-10" checkOut="2026-12-12" code="1534" name="Hotel X">
            <rooms><room code="DBL.ST"><rates><rate rateKey="%s"/></rates></room></rooms>
          </hotel>
          <totalNet>231.12</totalNet>
        </booking>
      </bookingRS>
      """
          .formatted(RATE_KEY);

  @Test
  void bookingResponseJsonAndXmlPreferTheResponsesHotelCode() {
    for (String body : List.of(BOOKING_JSON, BOOKING_XML)) {
      String kind = body.trim().startsWith("<") ? "XML" : "JSON";
      ClassifiedExchange out = new ClassifiedExchange();
      FACTS.readRequest(CONFIRMATION_JSON, null, out);
      FACTS.readResponse(body, null, out);
      assertEquals(
          List.of(
              new BookingFact("1-3814850", "INTEGRATIONAGENCY", "CONFIRMED", "1534", "2026-11-19")),
          out.bookings,
          kind + " booking");
      assertEquals(
          "1534", out.hotelId, kind + " response hotel code preferred over the rateKey's 1533");
      assertEquals("2026-12-10", out.checkIn, kind + " check-in from the response");
      assertEquals("2026-12-12", out.checkOut, kind + " check-out from the response");
      assertEquals(
          "IntegrationAgency", out.clientReference, kind + " request clientReference kept as sent");
      assertNull(out.listTotal, kind + " not a list");
    }
  }

  static final String LIST_JSON =
      """
      {"auditData": {"processTime": "50"},
       "bookings": {"bookings": [
          {"reference": "1-111", "clientReference": "REF-A", "status": "CONFIRMED", "creationDate": "2026-11-19",
           "hotel": {"code": 1533}},
          {"reference": "1-222", "clientReference": "REF-B", "status": "CANCELLED", "creationDate": "2026-11-18",
           "hotel": {"code": 77}},
          {"reference": "1-333", "clientReference": "REF-C", "status": "CONFIRMED"}],
        "from": 1, "to": 100, "total": 3}}
      """;

  static final String LIST_XML =
      """
      <bookingListRS xmlns="http://www.hotelbeds.com/schemas/messages">
        <auditData processTime="50"/>
        <bookings from="1" to="100" total="3">
          <booking reference="1-111" clientReference="REF-A" status="CONFIRMED" creationDate="2026-11-19">
            <hotel code="1533" checkIn="2026-12-09" checkOut="2026-12-11"/>
          </booking>
          <booking reference="1-222" clientReference="REF-B" status="CANCELLED" creationDate="2026-11-18">
            <hotel code="77"/>
          </booking>
          <booking reference="1-333" clientReference="REF-C" status="CONFIRMED"/>
        </bookings>
      </bookingListRS>
      """;

  @Test
  void bookingListJsonAndXml() {
    List<BookingFact> expected =
        List.of(
            new BookingFact("1-111", "REF-A", "CONFIRMED", "1533", "2026-11-19"),
            new BookingFact("1-222", "REF-B", "CANCELLED", "77", "2026-11-18"),
            new BookingFact("1-333", "REF-C", "CONFIRMED", null, null));
    for (String body : List.of(LIST_JSON, LIST_XML)) {
      String kind = body.trim().startsWith("<") ? "XML" : "JSON";
      ClassifiedExchange out = new ClassifiedExchange();
      FACTS.readResponse(body, null, out);
      assertEquals(expected, out.bookings, kind + " bookings");
      assertEquals(1, out.listFrom, kind + " from");
      assertEquals(100, out.listTo, kind + " to");
      assertEquals(3, out.listTotal, kind + " total");
      assertNull(out.hotelId, kind + " several hotels: no single hotel");
    }
  }

  @Test
  void aListOfOneHotelNamesIt() {
    ClassifiedExchange out = new ClassifiedExchange();
    FACTS.readResponse(
        "{\"bookings\":{\"bookings\":[{\"reference\":\"1-1\",\"hotel\":{\"code\":\"5\"}},"
            + "{\"reference\":\"1-2\",\"hotel\":{\"code\":\"5\"}}],\"from\":1,\"to\":2,\"total\":2}}",
        null,
        out);
    assertEquals("5", out.hotelId, "all bookings of one hotel");
    ClassifiedExchange empty = new ClassifiedExchange();
    FACTS.readResponse(
        "{\"bookings\":{\"bookings\":[],\"from\":1,\"to\":0,\"total\":0}}", null, empty);
    assertEquals(List.of(), empty.bookings, "empty page");
    assertEquals(0, empty.listTotal, "total 0");
  }

  @Test
  void bodiesThatSayJsonOrXmlAndCannotBeReadAreNamedPlainTextIsNot() {
    ClassifiedExchange out = new ClassifiedExchange();
    assertEquals(
        "xml",
        FACTS.readResponse(LIST_XML.substring(0, 200), null, out),
        "cut XML, said by its first character");
    assertEquals(
        "json",
        FACTS.readResponse(LIST_JSON.substring(0, 100), null, new ClassifiedExchange()),
        "cut JSON, said by its first character");
    assertEquals(
        "json",
        FACTS.readResponse(
            "booking: 1-333", "application/json;charset=UTF-8", new ClassifiedExchange()),
        "says JSON by Content-Type, is not");
    assertEquals(
        null,
        FACTS.readResponse(
            "Service temporarily unavailable", "text/plain", new ClassifiedExchange()),
        "a plain-text gateway body says neither: not a parse failure");
    assertEquals(
        null,
        FACTS.readResponse("Service temporarily unavailable", null, new ClassifiedExchange()),
        "nor without a Content-Type");
    assertEquals(
        null,
        FACTS.readResponse(LIST_JSON, "application/json", new ClassifiedExchange()),
        "a whole list is read");
    assertEquals(
        null,
        FACTS.readResponse(LIST_XML, "application/xml", new ClassifiedExchange()),
        "a whole XML list is read");
    assertEquals(
        "json",
        FACTS.readRequest(
            "{\"clientReference\":\"A1\",", "application/json", new ClassifiedExchange()),
        "a cut confirmation request");
    assertEquals(
        null,
        FACTS.readRequest(CONFIRMATION_JSON, "application/json", new ClassifiedExchange()),
        "a whole confirmation request");
  }

  @Test
  void damagedResponsesKeepWhatWasReadWhole() {
    ClassifiedExchange out = new ClassifiedExchange();
    String cut = LIST_XML.substring(0, LIST_XML.indexOf("<booking reference=\"1-333\"") + 10);
    FACTS.readResponse(cut, null, out);
    assertEquals(2, out.bookings.size(), "bookings closed before the damage");
    ClassifiedExchange json = new ClassifiedExchange();
    FACTS.readResponse(LIST_JSON.substring(0, 100), null, json);
    assertEquals(List.of(), json.bookings, "cut JSON proves nothing");
  }

  /**
   * The streaming JSON reader against the odd shapes a tree reader would also meet: only root-level
   * fields count, a repeated field counts as its last occurrence, non-object elements of a page are
   * bookings with nothing known, numbers and strings both give a total.
   */
  @Test
  void jsonResponsesOfOddShapesReadAsATreeWould() {
    String[][] cases = {
      // body, bookings (reference/clientReference/status/hotel/creationDate; ...), from/to/total,
      // checkIn/checkOut
      {
        "{\"audit\":{\"booking\":{\"reference\":\"NO\"}},\"booking\":{\"reference\":102,\"status\":true,"
            + "\"hotel\":{\"code\":\"7\",\"checkIn\":\"2026-12-09\",\"rooms\":[{\"checkIn\":\"x\"}]}}}",
        "102/null/true/7/null",
        "null/null/null",
        "2026-12-09/null"
      },
      {
        "{\"booking\":{\"reference\":\"A\"},\"booking\":\"gone\"}",
        "",
        "null/null/null",
        "null/null"
      },
      {
        "{\"booking\":{\"reference\":\"A\",\"hotel\":{\"code\":\"1\"},\"hotel\":[1]}}",
        "A/null/null/null/null",
        "null/null/null",
        "null/null"
      },
      {
        "{\"bookings\":{\"from\":1.9,\"to\":\" 3 \",\"total\":99999999999,"
            + "\"bookings\":[{\"reference\":\"B\",\"clientReference\":null},\"odd\",[1],{}]}}",
        "B/null/null/null/null;null/null/null/null/null;null/null/null/null/null;null/null/null/null/null",
        "1/3/null",
        "null/null"
      },
      {
        "{\"bookings\":{\"total\":2,\"bookings\":[{\"reference\":\"C\"}]},\"bookings\":{\"total\":0}}",
        "",
        "null/null/0",
        "null/null"
      },
      {
        "{\"bookings\":{\"total\":2,\"bookings\":{\"reference\":\"C\"}}} trailing",
        "",
        "null/null/2",
        "null/null"
      },
      {
        "{\"bookings\":{\"total\":2,\"bookings\":[{\"reference\":\"C\"}]}",
        "",
        "null/null/null",
        "null/null"
      },
    };
    for (String[] c : cases) {
      ClassifiedExchange out = new ClassifiedExchange();
      FACTS.readResponse(c[0], null, out);
      String bookings =
          out.bookings.stream()
              .map(
                  b ->
                      b.reference()
                          + "/"
                          + b.clientReference()
                          + "/"
                          + b.status()
                          + "/"
                          + b.hotelCode()
                          + "/"
                          + b.creationDate())
              .collect(java.util.stream.Collectors.joining(";"));
      assertEquals(c[1], bookings, "bookings of " + c[0]);
      assertEquals(c[2], out.listFrom + "/" + out.listTo + "/" + out.listTotal, "page of " + c[0]);
      assertEquals(c[3], out.checkIn + "/" + out.checkOut, "stay of " + c[0]);
    }
  }

  @Test
  void jsonRequestsOfOddShapesReadAsATreeWould() {
    String[][] cases = {
      // body, clientReference, hotel from the rateKey, holder (with PII)
      {
        "{\"rooms\":[\"x\",{\"rateKey\":\"%s\"}],\"clientReference\":7}".formatted(RATE_KEY),
        "7",
        "null",
        "null"
      },
      {
        "{\"rooms\":[{\"paxes\":[{\"rateKey\":\"no\"}],\"rateKey\":\"%s\"}],\"holder\":\"Jane\"}"
            .formatted(RATE_KEY),
        "null",
        "1533",
        "null"
      },
      {
        "{\"clientReference\":\"A\",\"clientReference\":{\"x\":1},\"holder\":{\"name\":\"Jo\"},"
            + "\"holder\":{\"surname\":\"Roe\"}}",
        "null",
        "null",
        "Roe"
      },
      {"{\"rooms\":[],\"clientReference\":\"B\"", "null", "null", "null"},
    };
    for (String[] c : cases) {
      ClassifiedExchange out = new ClassifiedExchange();
      FACTS_WITH_PII.readRequest(c[0], null, out);
      assertEquals(c[1], String.valueOf(out.clientReference), "clientReference of " + c[0]);
      assertEquals(c[2], String.valueOf(out.hotelId), "hotel of " + c[0]);
      assertEquals(c[3], String.valueOf(out.holderName), "holder of " + c[0]);
    }
  }

  @Test
  void listQueryParameters() {
    ClassifiedExchange out = new ClassifiedExchange();
    HotelbedsBookingFacts.readListQuery(
        "start=2026-11-01&end=2026-11-30&from=1&to=100&filterType=CREATION&status=ALL"
            + "&clientReference=Integration%20Agency%2B1&clientReference=second",
        out);
    assertEquals("Integration Agency+1", out.listClientReference, "URL-decoded, first value kept");
    assertEquals("CREATION", out.listFilterType, "filterType");
    assertEquals("2026-11-01", out.listStart, "start");
    assertEquals("2026-11-30", out.listEnd, "end");
    assertEquals("ALL", out.listStatus, "status");

    ClassifiedExchange none = new ClassifiedExchange();
    HotelbedsBookingFacts.readListQuery(null, none);
    assertNull(none.listClientReference, "no query");
    assertNull(none.listStatus, "no status");
    assertEquals(
        Map.of("a", "", "b", "100%", "c", "x y"),
        HotelbedsBookingFacts.queryParameters("a&b=100%&c=x+y"),
        "bare name, stray %, plus");
  }
}
