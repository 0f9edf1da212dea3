package com.hoteltraffic.report.bookings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The events pieces carry come back exactly as written, nulls and very long text included. */
class BookingCodecTest {
  @Test
  void bookingEventsRoundTripWithNullsAndLongText() throws IOException {
    String longReference = "R".repeat(70_000); // past writeUTF's 65,535-byte limit
    List<BookingEvent> events =
        List.of(
            new BookingEvent(
                "a.jsonl",
                7,
                1_700_000_000_000_123L,
                "hb.booking_confirmation",
                null,
                60_000L,
                "tok_1",
                "test",
                "H1",
                "Ref-Ü",
                "2026-12-01",
                "2026-12-03",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                List.of()),
            new BookingEvent(
                null,
                0,
                null,
                "hb.booking_list",
                200,
                null,
                null,
                "production",
                null,
                null,
                null,
                null,
                "Anna Muster",
                longReference,
                "CREATION",
                "2026-11-01",
                "2026-11-30",
                "ALL",
                1,
                25,
                3,
                List.of(
                    new BookingEvent.Booking("1-234", "ref-ü", "CONFIRMED", "2026-11-02"),
                    new BookingEvent.Booking(null, null, null))));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      for (BookingEvent event : events) {
        BookingCodec.writeBookingEvent(out, event);
      }
    }
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      for (BookingEvent event : events) {
        assertEquals(event, BookingCodec.readBookingEvent(in), "event " + event.line());
      }
    }
  }
}
