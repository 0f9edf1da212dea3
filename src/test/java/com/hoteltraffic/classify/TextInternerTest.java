package com.hoteltraffic.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** {@link TextInterner}: one instance per repeated value, never a wrong one. */
class TextInternerTest {
  @Test
  void aRepeatedRegionOfAStringIsOneInstance() {
    TextInterner interner = new TextInterner();
    String first = interner.intern("https://onlinebuchungen.ch/v1", 8, 26);
    String second = interner.intern("http://onlinebuchungen.ch:80/", 7, 25);
    assertEquals("onlinebuchungen.ch", first, "the region's text");
    assertSame(first, second, "the second sight gives the first instance");
    assertEquals("ch", interner.intern("onlinebuchungen.ch", 16, 18), "another value");
  }

  @Test
  void repeatedCharactersAreOneInstanceFromTheSecondSightOn() {
    TextInterner interner = new TextInterner();
    char[] a = "xxBearer tokenxx".toCharArray();
    char[] b = "Bearer token".toCharArray();
    String first = interner.intern(a, 2, 12);
    String second = interner.intern(b, 0, 12);
    String third = interner.intern(a, 2, 12);
    assertEquals("Bearer token", first, "the characters' text");
    assertSame(first, second, "second sight");
    assertSame(first, third, "third sight, compared in bulk");
  }

  @Test
  void valuesWithTheSameHashAreKeptApart() {
    // "Aa" and "BB" have the same String hash, so they fall into the same slot.
    assertEquals("Aa".hashCode(), "BB".hashCode(), "the premise");
    TextInterner interner = new TextInterner();
    String aa = interner.intern("Aa", 0, 2);
    String bb = interner.intern("BB", 0, 2);
    assertEquals("BB", bb, "not the other value of the slot");
    assertNotSame(aa, bb, "two values");
    assertEquals("Aa", interner.intern("Aa".toCharArray(), 0, 2), "characters: the first again");
    assertEquals("BB", interner.intern("BB".toCharArray(), 0, 2), "characters: the second");
    assertEquals("", interner.intern(new char[0], 0, 0), "empty text");
    assertEquals("", interner.intern("abc", 1, 1), "an empty region");
  }

  @Test
  void manyMoreValuesThanSlotsStayCorrect() {
    TextInterner interner = new TextInterner();
    for (int i = 0; i < 10 * TextInterner.SLOTS; i++) {
      String value = "hotel-" + i;
      assertEquals(value, interner.intern(value, 0, value.length()), "value " + i);
    }
    String kept = interner.intern("hotel-1", 0, 7);
    assertSame(kept, interner.intern("hotel-1", 0, 7), "a value seen again keeps its slot");
  }
}
