package com.hoteltraffic.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import scala.jdk.javaapi.CollectionConverters;

class CsvCellsTest {

  static Stream<Arguments> valuesAndCells() {
    return Stream.of(
        Arguments.of("null", null, ""),
        Arguments.of(
            "timestamp without millis",
            Timestamp.from(Instant.parse("2024-03-01T10:00:00Z")),
            "2024-03-01T10:00:00Z"),
        Arguments.of(
            "timestamp with millis",
            Timestamp.from(Instant.parse("2024-03-01T10:00:00.120Z")),
            "2024-03-01T10:00:00.120Z"),
        Arguments.of(
            "timestamp with micros",
            Timestamp.from(Instant.parse("2024-03-01T23:59:59.123456Z")),
            "2024-03-01T23:59:59.123456Z"),
        Arguments.of("instant", Instant.parse("2024-03-01T10:00:05Z"), "2024-03-01T10:00:05Z"),
        Arguments.of("local date", LocalDate.of(2024, 3, 1), "2024-03-01"),
        Arguments.of("sql date", java.sql.Date.valueOf("2024-03-01"), "2024-03-01"),
        Arguments.of("double rate", 0.25d, "0.25"),
        Arguments.of("double one", 1.0d, "1"),
        Arguments.of("double zero", 0.0d, "0"),
        Arguments.of("double large, no exponent", 1.0e20d, "100000000000000000000"),
        Arguments.of("double small, no exponent", 1.5e-5d, "0.000015"),
        Arguments.of("double rounded to six places", 1.0d / 3.0d, "0.333333"),
        Arguments.of("double negative", -2.5d, "-2.5"),
        Arguments.of("double NaN", Double.NaN, ""),
        Arguments.of("double infinite", Double.POSITIVE_INFINITY, ""),
        Arguments.of("float", 0.1f, "0.1"),
        Arguments.of("int", 429, "429"),
        Arguments.of("long", 12345678901L, "12345678901"),
        Arguments.of("negative long is a number, not a formula", -5L, "-5"),
        Arguments.of("negative int is a number, not a formula", -1, "-1"),
        Arguments.of("decimal, no exponent", new BigDecimal("0.00000001"), "0.00000001"),
        Arguments.of("decimal with negative scale, no exponent", new BigDecimal("1E+3"), "1000"),
        Arguments.of("boolean true", true, "true"),
        Arguments.of("boolean false", false, "false"),
        Arguments.of("plain text", "rate_limited", "rate_limited"),
        Arguments.of("empty text", "", ""),
        Arguments.of("text with comma is left for the CSV printer to quote", "a,b", "a,b"),
        Arguments.of("list joined with ;", scalaSeq("BK-1", "BK-2", "BK-3"), "BK-1;BK-2;BK-3"),
        Arguments.of("empty list", scalaSeq(), ""),
        Arguments.of("list with a null item", scalaSeq("a", null, "c"), "a;;c"),
        Arguments.of("list starting with a formula", scalaSeq("=1+1", "b"), "'=1+1;b"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("valuesAndCells")
  void formatsEveryType(String description, Object value, String expected) {
    assertEquals(expected, CsvCells.format(value), description);
  }

  @ParameterizedTest
  @ValueSource(strings = {"=SUM(A1:A2)", "+1", "-1", "-cmd|' /C calc'!A0", "@SUM(1)", "\tx", "\rx"})
  void neutralisesTextStartingWithAFormulaCharacter(String text) {
    assertEquals(
        "'" + text, CsvCells.format(text), "text " + escape(text) + " must get a leading '");
    assertEquals("'" + text, CsvCells.neutralize(text), "neutralize(" + escape(text) + ")");
  }

  @ParameterizedTest
  @ValueSource(strings = {"a=1", "1+1", "x-y", "user@example.com", "a\tb", " =1", "'=1", "\n=1"})
  void leavesTextWithTheCharacterElsewhereAlone(String text) {
    assertEquals(text, CsvCells.format(text), "text " + escape(text) + " must be unchanged");
  }

  @Test
  void negativeNumbersAreNotNeutralised() {
    assertEquals("-0.5", CsvCells.format(-0.5d), "negative double");
    assertEquals("-7", CsvCells.format((short) -7), "negative short");
    assertEquals("-3.25", CsvCells.format(new BigDecimal("-3.25")), "negative decimal");
    assertEquals("'-0.5", CsvCells.format("-0.5"), "the same characters as text are neutralised");
  }

  private static Object scalaSeq(String... items) {
    return CollectionConverters.asScala(Arrays.asList(items)).toSeq();
  }

  private static String escape(String text) {
    return text.replace("\t", "\\t").replace("\r", "\\r").replace("\n", "\\n");
  }
}
