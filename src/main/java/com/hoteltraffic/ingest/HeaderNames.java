package com.hoteltraffic.ingest;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The header names a reader keeps ({@link com.hoteltraffic.model.BodyNeeds#headers()}), matched
 * against the parser's characters without making a {@code String} of each name: a record carries
 * six to eight headers, and the rules read two or three of them.
 *
 * <p>A name is compared as {@code name.toLowerCase(Locale.ROOT)} would be: ASCII letters are folded
 * in place, and a name with any other character takes that exact (slower) path.
 */
final class HeaderNames {
  /** Lower-cased name to itself, the instance every record gets; null keeps every header. */
  private final Map<String, String> canonical;

  /** The kept names by length. */
  private final String[][] byLength;

  HeaderNames(Set<String> kept) {
    if (kept == null) {
      canonical = null;
      byLength = new String[0][];
      return;
    }
    canonical = new HashMap<>();
    int longest = 0;
    for (String name : kept) {
      String lower = name.toLowerCase(Locale.ROOT);
      canonical.put(lower, lower);
      longest = Math.max(longest, lower.length());
    }
    byLength = new String[longest + 1][];
    for (String name : canonical.keySet()) {
      String[] same = byLength[name.length()];
      int n = same == null ? 0 : same.length;
      String[] grown = new String[n + 1];
      if (same != null) {
        System.arraycopy(same, 0, grown, 0, n);
      }
      grown[n] = name;
      byLength[name.length()] = grown;
    }
  }

  /** Whether every header is kept. */
  boolean all() {
    return canonical == null;
  }

  /**
   * The kept, lower-cased name of the parser's current text (a field name or a string value), or
   * null when that header is not kept.
   */
  String keptName(JsonParser parser) throws IOException {
    if (canonical == null) {
      return parser.getText().toLowerCase(Locale.ROOT);
    }
    char[] chars = parser.getTextCharacters();
    int offset = parser.getTextOffset();
    int length = parser.getTextLength();
    if (length >= byLength.length || byLength[length] == null) {
      return asciiOnly(chars, offset, length) ? null : keptName(new String(chars, offset, length));
    }
    for (String candidate : byLength[length]) {
      int i = 0;
      while (i < length && lowerAscii(chars[offset + i]) == candidate.charAt(i)) {
        i++;
      }
      if (i == length) {
        return candidate;
      }
    }
    return asciiOnly(chars, offset, length) ? null : keptName(new String(chars, offset, length));
  }

  /** The kept, lower-cased form of {@code name}, or null when that header is not kept. */
  String keptName(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return canonical == null ? lower : canonical.get(lower);
  }

  private static char lowerAscii(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
  }

  private static boolean asciiOnly(char[] chars, int offset, int length) {
    for (int i = offset; i < offset + length; i++) {
      if (chars[i] >= 128) {
        return false;
      }
    }
    return true;
  }
}
