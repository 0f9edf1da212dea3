package com.hoteltraffic.report.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Code-point order, the order of UTF-8 bytes, on both sides of the surrogate range. */
class CodePointsTest {
  private static int sign(String a, String b) {
    return Integer.signum(CodePoints.compare(a, b));
  }

  @Test
  void plainTextComparesAsUnits() {
    assertEquals(0, sign("100042", "100042"), "equal");
    assertEquals(-1, sign("100041", "100042"), "last digit smaller");
    assertEquals(1, sign("100042", "100041"), "last digit larger");
    assertEquals(-1, sign("1000", "10000"), "a prefix first");
    assertEquals(1, sign("10000", "1000"), "the longer last");
    assertEquals(0, sign("", ""), "empty");
    assertEquals(-1, sign("", "a"), "empty first");
  }

  @Test
  void supplementaryCharactersComeBeforeNothingAboveThem() {
    String high = "a\uE000"; // U+E000, a private-use character, above the surrogates as a unit
    String supplementary = "a\uD834\uDD1E"; // U+1D11E, above U+E000 as a code point
    assertEquals(-1, sign(high, supplementary), "U+E000 before U+1D11E (String.compareTo: after)");
    assertEquals(1, sign(supplementary, high), "and the other way round");
    assertEquals(-1, sign("a\uD7FF", supplementary), "U+D7FF, just below the surrogates, first");
    assertEquals(
        -1,
        sign("\uD834\uDD1E", "\uD834\uDD1F"),
        "two supplementary ones differing in the low unit");
    assertEquals(0, sign(supplementary, "a\uD834\uDD1E"), "equal with a pair");
  }

  @Test
  void theSlowPathAgreesWithTheFastOneWhereBothApply() {
    String[] texts = {"", "a", "ab", "b", "casy", "hotelbeds", "Z", "é", "\uFFFF", "\uE000"};
    for (String a : texts) {
      for (String b : texts) {
        assertEquals(
            Integer.signum(CodePoints.byCodePoints(a, b)),
            sign(a, b),
            "'" + a + "' vs '" + b + "'");
      }
    }
  }
}
