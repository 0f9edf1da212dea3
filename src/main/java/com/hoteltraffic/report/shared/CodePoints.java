package com.hoteltraffic.report.shared;

/**
 * Text in code-point order, which is the order of its UTF-8 bytes and so the order Spark sorts
 * strings in ({@code String.compareTo} compares UTF-16 units, which puts U+E000..U+FFFF after the
 * supplementary characters).
 */
public final class CodePoints {
  private CodePoints() {}

  /**
   * Compares by code point. Up to the first differing UTF-16 unit the texts are equal; if neither
   * of the two units there is a surrogate, both are whole characters below U+10000 and their order
   * is the code points' order: the common case, compared unit by unit (a report's sort compares
   * hundreds of thousands of hotel ids). Only a surrogate there needs code points.
   */
  public static int compare(String a, String b) {
    int common = Math.min(a.length(), b.length());
    for (int i = 0; i < common; i++) {
      char ca = a.charAt(i);
      char cb = b.charAt(i);
      if (ca != cb) {
        if (Character.isSurrogate(ca) || Character.isSurrogate(cb)) {
          return byCodePoints(a, b);
        }
        return Character.compare(ca, cb);
      }
    }
    return Integer.compare(a.length(), b.length());
  }

  /** The order of code points, one at a time. */
  static int byCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Boolean.compare(i < a.length(), j < b.length());
  }
}
