package com.hoteltraffic.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link RequestFingerprint}: SHA-256 of the UTF-8 of method, URL and body, however encoded. */
class RequestFingerprintTest {
  private static final RequestFingerprint REUSED = new RequestFingerprint();

  static Stream<Arguments> requests() {
    return Stream.of(
        Arguments.of("GET", "https://onlinebuchungen.ch/v1/health/hotels/3615", null),
        Arguments.of("POST", "https://api.hotelbeds.com/hotel-api/1.0/bookings", "{\"a\":1}"),
        Arguments.of("POST", "https://x/é", "Zürich \uD83C\uDFE8"),
        Arguments.of("POST", "https://x/", "lone \uD800 surrogate"),
        Arguments.of("POST", "https://x/", "x".repeat(8 * 1024)),
        Arguments.of("POST", "https://x/", "y".repeat(8 * 1024 + 1)),
        Arguments.of(null, null, ""));
  }

  @ParameterizedTest
  @MethodSource("requests")
  void isTheFirst64BitsOfSha256OverTheUtf8Text(String method, String url, String body)
      throws Exception {
    MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
    String text =
        (method == null ? "" : method)
            + "\n"
            + (url == null ? "" : url)
            + "\n"
            + (body == null ? "" : body);
    String expected =
        HexFormat.of().formatHex(sha256.digest(text.getBytes(StandardCharsets.UTF_8)), 0, 8);
    assertEquals(expected, new RequestFingerprint().of(method, url, body), "a new fingerprint");
    assertEquals(expected, REUSED.of(method, url, body), "a fingerprint used before");
  }
}
