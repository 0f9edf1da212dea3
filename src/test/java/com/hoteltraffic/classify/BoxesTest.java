package com.hoteltraffic.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** {@link Boxes}: the same values as the JDK's boxes, one instance inside the tables. */
class BoxesTest {
  @Test
  void statusesAreTheirValuesAndTableStatusesOneInstance() {
    assertSame(Boxes.status(200), Boxes.status(200), "200 from the table");
    assertSame(Boxes.status(999), Boxes.status(999), "999, the table's last");
    assertEquals(Integer.valueOf(200), Boxes.status(200), "value 200");
    assertEquals(Integer.valueOf(1000), Boxes.status(1000), "1000: past the table");
    assertEquals(Integer.valueOf(-1), Boxes.status(-1), "negative: past the table");
    assertEquals(Integer.valueOf(0), Boxes.status(0), "0");
  }

  @Test
  void durationsAreTheirValuesAndShortOnesOneInstance() {
    assertSame(Boxes.millis(694), Boxes.millis(694), "694 ms from the table");
    assertSame(Boxes.millis(16383), Boxes.millis(16383), "the table's last");
    assertEquals(Long.valueOf(16384), Boxes.millis(16384), "past the table");
    assertEquals(Long.valueOf(-5), Boxes.millis(-5), "negative");
    assertEquals(Long.valueOf(Long.MAX_VALUE), Boxes.millis(Long.MAX_VALUE), "the largest");
  }
}
