package com.hoteltraffic.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** When an error body that says it is JSON or XML counts as unreadable, and when it does not. */
class ErrorBodyReaderTest {
  @Test
  void jsonThatCannotBeReadIsNamedWellFormedJsonIsNot() {
    assertEquals(
        "json",
        ErrorBodyReader.unreadableFormat("{\"error\":\"forbidden\",", null),
        "cut JSON, said by its first character");
    assertEquals(
        "json",
        ErrorBodyReader.unreadableFormat("{'error': 'forbidden'}", "application/json"),
        "single quotes are not JSON");
    assertEquals(
        "json",
        ErrorBodyReader.unreadableFormat("error=forbidden", "application/json; charset=utf-8"),
        "said by Content-Type");
    assertEquals(
        null,
        ErrorBodyReader.unreadableFormat("{\"message\":\"no error field\"}", null),
        "well formed without the error field: read, it just names no code");
    assertEquals(
        null,
        ErrorBodyReader.unreadableFormat(" \uFEFF[1,2]", "application/json"),
        "an array after a byte-order mark");
  }

  @Test
  void xmlThatCannotBeReadIsNamedWellFormedXmlIsNot() {
    assertEquals(
        "xml",
        ErrorBodyReader.unreadableFormat("<bookingRS><error><code>INVALID", null),
        "cut XML");
    assertEquals(
        null,
        ErrorBodyReader.unreadableFormat(
            "\n<?xml version=\"1.0\"?><bookingRS><error><code>X</code></error></bookingRS>",
            "application/xml"),
        "an XML declaration after a blank line");
    assertEquals(
        null, ErrorBodyReader.unreadableFormat("<h1>Developer Over Qps</h1>", null), "well formed");
  }

  @Test
  void plainTextAndHtmlGatewayBodiesAreNoFailures() {
    assertEquals(
        null,
        ErrorBodyReader.unreadableFormat("Developer Over Qps", "text/plain"),
        "Hotelbeds gateway plain text");
    assertEquals(
        null,
        ErrorBodyReader.unreadableFormat("Rate limit exceeded", null),
        "plain text without a Content-Type");
    assertEquals(
        null,
        ErrorBodyReader.unreadableFormat(
            "<html><body><h1>403 Forbidden</h1><br></body></html>", null),
        "an HTML page, said by its start (not well formed XML: <br>)");
    assertEquals(
        null,
        ErrorBodyReader.unreadableFormat("<p>Forbidden<br></p>", "text/html; charset=UTF-8"),
        "an HTML page, said by its Content-Type");
    assertEquals(null, ErrorBodyReader.unreadableFormat("", "application/json"), "empty body");
    assertEquals(null, ErrorBodyReader.unreadableFormat(null, null), "no body");
  }

  @Test
  void aBodyCutByTheScanIsNotBlamedForTheCut() {
    String big = "{\"error\":\"internal_error\",\"detail\":\"" + "x".repeat(20_000) + "\"}";
    assertEquals(null, ErrorBodyReader.unreadableFormat(big, null), "long JSON, fine to the cut");
    String bigBad = "{\"error\":\"internal_error\",,\"detail\":\"" + "x".repeat(20_000) + "\"}";
    assertEquals(
        "json", ErrorBodyReader.unreadableFormat(bigBad, null), "long JSON, broken before the cut");
    String bigXml = "<e><m>" + "x".repeat(20_000) + "</m></e>";
    assertEquals(null, ErrorBodyReader.unreadableFormat(bigXml, null), "long XML is not judged");
  }
}
