package com.hoteltraffic.report.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.DataOutput;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The fold's map of pieces: one piece per key, found by the key's fields, through growth. */
class PieceMapTest {
  /** A piece that only knows it is itself. */
  private static final class Plain implements Piece {
    @Override
    public void mergeFrom(Piece other) {}

    @Override
    public List<ReportRow> rows(PieceKey key, RowContext context) {
      return List.of();
    }

    @Override
    public void write(DataOutput out) {}
  }

  @Test
  void equalFieldsFindTheSamePieceAndAnyDifferentFieldAnother() {
    PieceMap map = new PieceMap();
    Piece first = map.piece("rate_hotel", "casy", "100042", null, 7L, Plain::new);
    // Equal text in other String objects, as each exchange's parse makes them.
    Piece again =
        map.piece(
            new String("rate_hotel"),
            new String("casy"),
            new String("100042"),
            null,
            7L,
            Plain::new);
    assertSame(first, again, "the same key's piece, not a new one");
    assertEquals(1, map.size(), "one key");
    assertNotSame(first, map.piece("rate_token", "casy", "100042", null, 7L, Plain::new), "kind");
    assertNotSame(first, map.piece("rate_hotel", "hb", "100042", null, 7L, Plain::new), "provider");
    assertNotSame(first, map.piece("rate_hotel", "casy", "100043", null, 7L, Plain::new), "key");
    assertNotSame(first, map.piece("rate_hotel", "casy", "100042", "", 7L, Plain::new), "detail");
    assertNotSame(first, map.piece("rate_hotel", "casy", "100042", null, 8L, Plain::new), "number");
    assertNotSame(first, map.piece("rate_hotel", null, "100042", null, 7L, Plain::new), "null");
    assertEquals(7, map.size(), "seven keys");
    assertSame(first, map.get(new PieceKey("rate_hotel", "casy", "100042", null, 7L)), "get");
    assertNull(map.get(new PieceKey("rate_hotel", "casy", "100044", null, 7L)), "an absent key");
    assertSame(
        first,
        map.piece(new PieceKey("rate_hotel", "casy", "100042", null, 7L), Plain::new),
        "found by a key object too");
  }

  @Test
  void growingKeepsEveryKeyWithItsPieceAndIterationMeetsEachOnce() {
    PieceMap map = new PieceMap();
    Map<PieceKey, Piece> expected = new HashMap<>();
    for (int i = 0; i < 100_000; i++) {
      String hotel = Integer.toString(100_000 + i);
      Piece piece = map.piece("outage_tenant", "casy", hotel, null, 0, Plain::new);
      expected.put(new PieceKey("outage_tenant", "casy", hotel, null, 0), piece);
    }
    assertEquals(100_000, map.size(), "every key once");
    for (int i = 0; i < 100_000; i += 997) {
      String hotel = Integer.toString(100_000 + i);
      assertSame(
          expected.get(new PieceKey("outage_tenant", "casy", hotel, null, 0)),
          map.piece("outage_tenant", "casy", hotel, null, 0, Plain::new),
          "hotel " + hotel + " keeps its piece through growth");
    }
    Map<PieceKey, Piece> iterated = new HashMap<>();
    map.forEach(
        (key, piece) -> assertNull(iterated.put(key, piece), "met twice in iteration: " + key));
    assertEquals(expected, iterated, "iteration meets every key with its piece");
  }
}
