package com.hoteltraffic.report.shared;

/**
 * Text in code-point order, which is the order of its UTF-8 bytes and so the order Spark sorts
 * strings in ({@code String.compareTo} compares UTF-16 units, which puts U+E000..U+FFFF after the
 * supplementary characters).
 */
public final class CodePoints {
  private CodePoints() {}

  public static int compare(String a, String b) {
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
