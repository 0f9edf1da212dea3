package com.hoteltraffic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.hoteltraffic.report.bookings.BookingReconciliation;
import com.hoteltraffic.testing.SparkTestSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hotelbeds booking traffic recorded with XML bodies (APItude answers XML when asked with {@code
 * Accept: application/xml}) goes through the whole read: the readers, the interpreter's XML parsing
 * of requests, confirmations and booking lists, and the reconciliation. The same three attempts
 * recorded with JSON bodies must give the same rows.
 */
@ExtendWith(SparkTestSession.class)
class XmlBookingTrafficTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BOOKINGS_URL = "https://api.hotelbeds.com/hotel-api/1.0/bookings";
  private static final String RATE_KEY =
      "20261209|20261211|W|59|1533|DBL.ST|ID_B2B_26|RO|B2B|1~2~0||N@06";

  private static SparkSession spark;

  @TempDir Path work;

  /** Attempt, then evidence, for three client references: what each should reconcile to. */
  private static final List<List<String>> EXPECTED =
      List.of(
          List.of("REF-XA", "HTTP_504", "BOOKED", "1-501"),
          List.of("REF-XB", "NO_RESPONSE", "BOOKED_ON_RETRY", "1-502"),
          List.of("REF-XC", "HTTP_504", "NOT_BOOKED", ""));

  @Test
  void xmlBodiesReconcileExactlyAsJsonBodiesDo() throws Exception {
    assertEquals(EXPECTED, reconcile(true), "XML bodies");
    assertEquals(EXPECTED, reconcile(false), "JSON bodies");
  }

  private List<List<String>> reconcile(boolean xml) throws Exception {
    Path file = work.resolve(xml ? "bookings-xml.jsonl" : "bookings-json.jsonl");
    Files.write(file, traffic(xml));
    List<List<String>> rows = new ArrayList<>();
    for (Row row :
        TrafficAnalysis.unconfirmedBookings(
                TrafficAnalysis.readExchanges(spark, List.of(file.toString())), ZoneOffset.UTC)
            .orderBy(BookingReconciliation.ATTEMPT_TS)
            .collectAsList()) {
      String reference = row.getAs(BookingReconciliation.BOOKING_REFERENCE);
      rows.add(
          List.of(
              row.getAs(BookingReconciliation.CLIENT_REFERENCE),
              row.getAs(BookingReconciliation.OUTCOME),
              row.getAs(BookingReconciliation.STATUS),
              reference == null ? "" : reference));
    }
    return rows;
  }

  private static List<String> traffic(boolean xml) throws Exception {
    String listQuery =
        "?from=1&to=100&start=2026-11-18&end=2026-11-20&filterType=CREATION&status=ALL&clientReference=";
    return List.of(
        // BOOKED: a 504, then a list for the reference that shows the booking.
        record(
            "2026-11-19T10:00:00Z",
            60_000,
            "POST",
            BOOKINGS_URL,
            confirmationRequest("REF-XA", xml),
            504,
            null),
        record(
            "2026-11-19T10:05:00Z",
            300,
            "GET",
            BOOKINGS_URL + listQuery + "REF-XA",
            null,
            200,
            list(xml, "1-501", "REF-XA")),
        // BOOKED_ON_RETRY: no response, then the retry's confirmation.
        record(
            "2026-11-19T11:00:00Z",
            null,
            "POST",
            BOOKINGS_URL,
            confirmationRequest("REF-XB", xml),
            null,
            null),
        record(
            "2026-11-19T11:01:00Z",
            900,
            "POST",
            BOOKINGS_URL,
            confirmationRequest("REF-XB", xml),
            200,
            confirmation(xml, "1-502", "REF-XB")),
        // NOT_BOOKED: a 504, then an empty list of every status for the reference, minutes later.
        record(
            "2026-11-19T12:00:00Z",
            60_000,
            "POST",
            BOOKINGS_URL,
            confirmationRequest("REF-XC", xml),
            504,
            null),
        record(
            "2026-11-19T12:05:00Z",
            300,
            "GET",
            BOOKINGS_URL + listQuery + "REF-XC",
            null,
            200,
            list(xml, null, null)));
  }

  private static String confirmationRequest(String clientReference, boolean xml) {
    return xml
        ? "<bookingRQ xmlns=\"http://www.hotelbeds.com/schemas/messages\"><holder name=\"Jane\" surname=\"Doe\"/>"
            + "<rooms><room rateKey=\""
            + RATE_KEY
            + "\"/></rooms><clientReference>"
            + clientReference
            + "</clientReference></bookingRQ>"
        : "{\"holder\":{\"name\":\"Jane\",\"surname\":\"Doe\"},\"rooms\":[{\"rateKey\":\""
            + RATE_KEY
            + "\"}],\"clientReference\":\""
            + clientReference
            + "\"}";
  }

  private static String confirmation(boolean xml, String reference, String clientReference) {
    return xml
        ? "<bookingRS xmlns=\"http://www.hotelbeds.com/schemas/messages\"><booking reference=\""
            + reference
            + "\" clientReference=\""
            + clientReference
            + "\" creationDate=\"2026-11-19\" status=\"CONFIRMED\">"
            + "<hotel code=\"1533\" checkIn=\"2026-12-09\" checkOut=\"2026-12-11\"/></booking></bookingRS>"
        : "{\"booking\":{\"reference\":\""
            + reference
            + "\",\"clientReference\":\""
            + clientReference
            + "\",\"creationDate\":\"2026-11-19\",\"status\":\"CONFIRMED\",\"hotel\":{\"code\":1533,"
            + "\"checkIn\":\"2026-12-09\",\"checkOut\":\"2026-12-11\"}}}";
  }

  /** A list page holding one booking, or none when {@code reference} is null. */
  private static String list(boolean xml, String reference, String clientReference) {
    int total = reference == null ? 0 : 1;
    if (xml) {
      String booking =
          reference == null
              ? ""
              : "<booking reference=\""
                  + reference
                  + "\" clientReference=\""
                  + clientReference
                  + "\" status=\"CONFIRMED\" creationDate=\"2026-11-19\"><hotel code=\"1533\"/></booking>";
      return "<bookingListRS xmlns=\"http://www.hotelbeds.com/schemas/messages\"><bookings from=\"1\" to=\""
          + total
          + "\" total=\""
          + total
          + "\">"
          + booking
          + "</bookings></bookingListRS>";
    }
    String booking =
        reference == null
            ? ""
            : "{\"reference\":\""
                + reference
                + "\",\"clientReference\":\""
                + clientReference
                + "\",\"status\":\"CONFIRMED\",\"creationDate\":\"2026-11-19\",\"hotel\":{\"code\":1533}}";
    return "{\"bookings\":{\"bookings\":["
        + booking
        + "],\"from\":1,\"to\":"
        + total
        + ",\"total\":"
        + total
        + "}}";
  }

  private static String record(
      String ts,
      Integer durationMs,
      String method,
      String url,
      String requestBody,
      Integer status,
      String responseBody)
      throws Exception {
    boolean xml =
        (requestBody != null && requestBody.startsWith("<"))
            || (responseBody != null && responseBody.startsWith("<"));
    String type = xml ? "application/xml" : "application/json";
    ObjectNode record = JSON.createObjectNode().put("ts", ts).put("provider", "hotelbeds");
    if (durationMs != null) {
      record.put("duration_ms", durationMs);
    }
    ObjectNode request = record.putObject("request").put("method", method).put("url", url);
    request
        .putObject("headers")
        .put("Api-key", "k-test")
        .put("X-Signature", "s-test")
        .put("Accept", type)
        .put("Content-Type", type);
    request.put("body", requestBody);
    if (status == null) {
      record.putNull("response");
      record.put("error", "timeout");
    } else {
      ObjectNode response = record.putObject("response").put("status", status);
      response.putObject("headers").put("Content-Type", type);
      response.put("body", responseBody);
    }
    return JSON.writeValueAsString(record);
  }
}
