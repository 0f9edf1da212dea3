package com.hoteltraffic.classify;

import java.util.List;
import java.util.Map;

/**
 * Recognises text taken from a recording that would carry a secret into the outputs: the request's
 * own credential ({@code Authorization}, {@code Api-key}, {@code X-Signature}), or a run of 13 to
 * 19 digits, the length of a card number. It guards the few values the job copies from response
 * bodies as seen — an undocumented error code, a no-response reason — because a misbehaving server
 * or proxy may echo the request into them.
 */
final class BodySecrets {
  /**
   * Request headers (lower-cased, as {@code RecordedExchange} keeps them) whose values are secrets.
   */
  static final List<String> SECRET_HEADERS = List.of("authorization", "api-key", "x-signature");

  /** Shorter header values are not matched: they would match ordinary text by chance. */
  static final int MIN_SECRET_LENGTH = 8;

  static final int MIN_CARD_DIGITS = 13;
  static final int MAX_CARD_DIGITS = 19;

  private static final String BEARER = "bearer ";

  private BodySecrets() {}

  /** Whether {@code text} holds a secret of the request or a card-number-like digit run. */
  static boolean carriesSecret(String text, Map<String, String> requestHeaders) {
    if (text == null || text.isEmpty()) {
      return false;
    }
    for (String header : SECRET_HEADERS) {
      String value = requestHeaders.get(header);
      if (value == null) {
        continue;
      }
      String bare =
          value.regionMatches(true, 0, BEARER, 0, BEARER.length())
              ? value.substring(BEARER.length()).trim()
              : value.trim();
      if (bare.length() >= MIN_SECRET_LENGTH && text.contains(bare)) {
        return true;
      }
    }
    return hasCardNumberRun(text);
  }

  private static boolean hasCardNumberRun(String text) {
    int run = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        run++;
      } else {
        if (run >= MIN_CARD_DIGITS && run <= MAX_CARD_DIGITS) {
          return true;
        }
        run = 0;
      }
    }
    return run >= MIN_CARD_DIGITS && run <= MAX_CARD_DIGITS;
  }
}
