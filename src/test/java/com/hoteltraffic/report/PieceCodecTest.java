package com.hoteltraffic.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hoteltraffic.model.ClassifiedExchange;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Every kind of piece crosses tasks as its codec bytes and comes back with the same rows and the
 * same bytes; keys, rows and blocks round-trip too, and a damaged block fails naming itself.
 */
class PieceCodecTest {
  static final List<String> KINDS = PieceCodec.KINDS;

  @ParameterizedTest
  @FieldSource("KINDS")
  void aPieceComesBackWithTheSameRowsAndBytes(String kind) {
    ReportFold fold = new ReportFold(ReportTraffic.settings());
    ReportFold.Partial partial = fold.start();
    List<ClassifiedExchange> exchanges = ReportTraffic.exchanges();
    for (int i = 0; i < exchanges.size(); i++) {
      fold.add(partial, exchanges.get(i), "traffic.jsonl", i + 1);
    }
    SharedFacts facts = SharedFacts.of(List.of(fold.facts(partial)));
    int withRows = 0;
    for (Map.Entry<Piece.PieceKey, Piece> entry : partial.pieces.entrySet()) {
      Piece.PieceKey key = entry.getKey();
      if (!key.kind().equals(kind)) {
        continue;
      }
      byte[] bytes = PieceCodec.encode(entry.getValue());
      Piece copy = PieceCodec.decode(kind, bytes);
      assertEquals(copy.getClass(), entry.getValue().getClass(), "class of " + key);
      assertArrayEquals(bytes, PieceCodec.encode(copy), "bytes of the copy of " + key);
      List<ReportRow> rows = entry.getValue().rows(key, ReportTraffic.settings(), facts);
      assertEquals(rows, copy.rows(key, ReportTraffic.settings(), facts), "rows of " + key);
      withRows += rows.isEmpty() ? 0 : 1;
    }
    assertTrue(withRows > 0, "the traffic gives some " + kind + " key rows to compare");
  }

  @ParameterizedTest
  @FieldSource("KINDS")
  void anEmptyPieceKeepsItsStartValues(String kind) {
    Piece empty = PieceCodec.decode(kind, PieceCodec.encode(fresh(kind)));
    assertArrayEquals(
        PieceCodec.encode(fresh(kind)), PieceCodec.encode(empty), "bytes of an empty " + kind);
  }

  @Test
  void keysRoundTripAsBytesAndAsShuffleText() {
    List<Piece.PieceKey> keys =
        List.of(
            new Piece.PieceKey(ReportFold.CODE, "casy", "rate_limited", "rate_limited", 429),
            new Piece.PieceKey(ReportFold.CODE, "casy", "x", "y", CodeCell.NO_STATUS),
            new Piece.PieceKey(ReportFold.RATE_PROVIDER, "hotelbeds", null, null, -1L),
            new Piece.PieceKey(ReportFold.RATE_PROVIDER, "hotelbeds", "", null, -1L),
            new Piece.PieceKey(ReportFold.BOOKING, null, "réf-€-😀\u0000", null, Long.MAX_VALUE));
    List<String> texts = new ArrayList<>();
    for (Piece.PieceKey key : keys) {
      String text = PieceCodec.keyText(key);
      assertEquals(key, PieceCodec.keyOf(text), "key back from its text");
      texts.add(text);
    }
    assertNotEquals(texts.get(2), texts.get(3), "a null key and an empty one stay apart");
    assertEquals(keys.size(), texts.stream().distinct().count(), "distinct keys, distinct texts");
    assertThrows(
        IllegalArgumentException.class,
        () -> PieceCodec.keyText(new Piece.PieceKey("no_such_kind", null, null, null, 0)),
        "a kind without a tag");
  }

  @Test
  void rowsRoundTripWithEveryValueType() throws IOException {
    List<ReportRow> rows =
        List.of(
            new ReportRow(
                Reports.ERROR_CODES,
                new Object[] {
                  "casy",
                  429,
                  null,
                  Long.MIN_VALUE,
                  0.1 + 0.2,
                  Double.NaN,
                  true,
                  Instant.parse("1500-01-01T00:00:00.000001Z"),
                  "ü".repeat(70_000)
                }),
            new ReportRow(Reports.DB_OUTAGES, new Object[0]));
    assertEquals(rows, ReportEngine.decodeRows(ReportEngine.encodeRows(rows)), "rows");
    ReportRow odd = new ReportRow(Reports.ERROR_CODES, new Object[] {List.of()});
    assertThrows(
        IllegalArgumentException.class,
        () -> ReportEngine.encodeRows(List.of(odd)),
        "a value no report column holds");
  }

  @Test
  void aBlockReadsBackWholeAndADamagedOneFailsNamingIt() throws IOException {
    ReportFold fold = new ReportFold(ReportTraffic.settings());
    ReportFold.Partial partial = fold.start();
    for (ClassifiedExchange e : ReportTraffic.exchanges()) {
      fold.add(partial, e, "traffic.jsonl", 1);
    }
    byte[] block = Blocks.block(fold, partial);
    List<Piece.PieceKey> keys = new ArrayList<>();
    PieceCodec.readBlock(
        "whole", new ByteArrayInputStream(block), key -> true, (key, bytes) -> keys.add(key));
    assertEquals(partial.pieces.keySet(), new java.util.HashSet<>(keys), "every key, once");
    assertEquals(partial.pieces.size(), keys.size(), "no key twice");

    IOException truncated =
        assertThrows(
            IOException.class,
            () ->
                PieceCodec.readBlock(
                    "fold-000003-attempt-7.bin",
                    new ByteArrayInputStream(Arrays.copyOf(block, block.length - 3)),
                    key -> true,
                    (key, bytes) -> {}));
    assertEquals(
        "fold-000003-attempt-7.bin ends before its " + keys.size() + " pieces: truncated",
        truncated.getMessage(),
        "truncated block");
    IOException other =
        assertThrows(
            IOException.class,
            () ->
                PieceCodec.readBlock(
                    "old.bin",
                    new ByteArrayInputStream(new byte[] {(byte) 0xAC, (byte) 0xED, 0, 5}),
                    key -> true,
                    (key, bytes) -> {}));
    assertEquals(
        "old.bin is not a block of report pieces", other.getMessage(), "Java serialization");
  }

  private static Piece fresh(String kind) {
    return switch (kind) {
      case ReportFold.RATE_HOTEL, ReportFold.RATE_TOKEN, ReportFold.RATE_PROVIDER -> new RateCell();
      case ReportFold.CODE -> new CodeCell();
      case ReportFold.BURST -> new CredentialTraffic();
      case ReportFold.OUTAGE_TENANT, ReportFold.OUTAGE_CENTRAL -> new OutageEvidence();
      case ReportFold.BOOKING -> new BookingEvidence();
      case ReportFold.RATE_OPERATION -> new OperationCell();
      case ReportFold.CREDENTIAL -> new CredentialCell();
      case ReportFold.ACCESS -> new AccessCell();
      case ReportFold.BEHAVIOUR -> new BehaviourCell();
      case ReportFold.PARSE -> new ParseFailureCell();
      default -> throw new IllegalArgumentException(kind);
    };
  }
}
