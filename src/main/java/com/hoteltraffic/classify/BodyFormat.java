package com.hoteltraffic.classify;

import java.util.Locale;

/**
 * What a body says it is: JSON or XML by its {@code Content-Type}, or else by its first character
 * ({@code {}/{@code [} or {@code <}). A body that says so and cannot be read is a parse failure
 * worth counting (a provider's format change); one that says nothing of the kind (a plain-text or
 * HTML gateway page, an empty body) is not.
 */
final class BodyFormat {
  static final String JSON = "json";
  static final String XML = "xml";

  private BodyFormat() {}

  /**
   * {@link #JSON}, {@link #XML} or null.
   *
   * @param contentType the {@code Content-Type} header, may be null
   */
  static String declared(String contentType, String body) {
    if (body == null || body.isBlank()) {
      return null;
    }
    if (contentType != null) {
      String type = contentType.toLowerCase(Locale.ROOT);
      if (type.contains("json")) {
        return JSON;
      }
      if (type.contains("html")) {
        return null; // an HTML page is neither, even when it starts with '<'
      }
      if (type.contains("xml")) {
        return XML;
      }
    }
    int first = firstNonBlank(body);
    char c = body.charAt(first);
    if (c == '{' || c == '[') {
      return JSON;
    }
    if (c == '<' && !isHtml(body, first)) {
      return XML;
    }
    return null;
  }

  private static int firstNonBlank(String body) {
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (!Character.isWhitespace(c) && c != '\uFEFF') {
        return i;
      }
    }
    return 0;
  }

  /** A gateway's HTML page ({@code <!DOCTYPE html}, {@code <html}) is not XML. */
  private static boolean isHtml(String body, int from) {
    String head = body.substring(from, Math.min(body.length(), from + 14)).toLowerCase(Locale.ROOT);
    return head.startsWith("<html") || head.startsWith("<!doctype html");
  }
}
