package com.hoteltraffic.generate;

/**
 * Hand-written JSON text helpers: the generator writes JSON straight into a {@link StringBuilder}
 * because building object trees would cost most of its throughput.
 */
final class Json {
  private Json() {}

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  /** Appends {@code value} as a JSON string literal (quoted and escaped), or {@code null}. */
  static StringBuilder quote(StringBuilder out, String value) {
    if (value == null) {
      return out.append("null");
    }
    out.append('"');
    // Copies runs of plain characters in one call: most of the text needs no escaping.
    int runStart = 0;
    int length = value.length();
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      if (c >= 0x20 && c != '"' && c != '\\') {
        continue;
      }
      out.append(value, runStart, i);
      runStart = i + 1;
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
      }
    }
    out.append(value, runStart, length);
    return out.append('"');
  }

  /** The JSON string literal of {@code value}. */
  static String quoted(String value) {
    return quote(new StringBuilder(value == null ? 4 : value.length() + 8), value).toString();
  }

  /** Escapes text for an XML attribute or element. */
  static String xml(String value) {
    StringBuilder out = new StringBuilder(value.length() + 8);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
