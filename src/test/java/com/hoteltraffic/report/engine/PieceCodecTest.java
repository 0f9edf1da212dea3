package com.hoteltraffic.report.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hoteltraffic.model.ClassifiedExchange;
import com.hoteltraffic.report.Reports;
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
  private static final ReportCatalog CATALOG = Reports.catalog();
  private static final PieceCodec CODEC = new PieceCodec(CATALOG);

  static final List<String> KINDS =
      Reports.catalog().kinds().stream().map(PieceKind::name).toList();

  @ParameterizedTest
  @FieldSource("KINDS")
  void aPieceComesBackWithTheSameRowsAndBytes(String kind) {
    ReportFold fold = new ReportFold(Reports.catalog(), ReportTraffic.settings());
    ReportFold.Partial partial = fold.start();
    List<ClassifiedExchange> exchanges = ReportTraffic.exchanges();
    for (int i = 0; i < exchanges.size(); i++) {
      fold.add(partial, exchanges.get(i), "traffic.jsonl", i + 1);
    }
    SharedFacts facts = SharedFacts.of(Reports.catalog(), List.of(fold.facts(partial)));
    int withRows = 0;
    for (Map.Entry<PieceKey, Piece> entry : partial.pieces.entrySet()) {
      PieceKey key = entry.getKey();
      if (!key.kind().equals(kind)) {
        continue;
      }
      byte[] bytes = CODEC.encode(entry.getValue());
      Piece copy = CODEC.decode(kind, bytes);
      assertEquals(copy.getClass(), entry.getValue().getClass(), "class of " + key);
      assertArrayEquals(bytes, CODEC.encode(copy), "bytes of the copy of " + key);
      RowContext context = HealthExchanges.context(ReportTraffic.settings(), facts.factsOf(kind));
      List<ReportRow> rows = entry.getValue().rows(key, context);
      assertEquals(rows, copy.rows(key, context), "rows of " + key);
      withRows += rows.isEmpty() ? 0 : 1;
    }
    assertTrue(withRows > 0, "the traffic gives some " + kind + " key rows to compare");
  }

  @ParameterizedTest
  @FieldSource("KINDS")
  void anEmptyPieceKeepsItsStartValues(String kind) {
    Piece empty = CODEC.decode(kind, CODEC.encode(fresh(kind)));
    assertArrayEquals(CODEC.encode(fresh(kind)), CODEC.encode(empty), "bytes of an empty " + kind);
  }

  @Test
  void keysRoundTripAsBytesAndAsShuffleText() {
    List<PieceKey> keys =
        List.of(
            new PieceKey("code", "casy", "rate_limited", "rate_limited", 429),
            new PieceKey("code", "casy", "x", "y", -1L),
            new PieceKey("rate_provider", "hotelbeds", null, null, -1L),
            new PieceKey("rate_provider", "hotelbeds", "", null, -1L),
            new PieceKey("booking", null, "réf-€-😀\u0000", null, Long.MAX_VALUE));
    List<String> texts = new ArrayList<>();
    for (PieceKey key : keys) {
      String text = CODEC.keyText(key);
      assertEquals(key, CODEC.keyOf(text), "key back from its text");
      texts.add(text);
    }
    assertNotEquals(texts.get(2), texts.get(3), "a null key and an empty one stay apart");
    assertEquals(keys.size(), texts.stream().distinct().count(), "distinct keys, distinct texts");
    assertThrows(
        IllegalArgumentException.class,
        () -> CODEC.keyText(new PieceKey("no_such_kind", null, null, null, 0)),
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
    assertEquals(rows, RowCodec.decodeRows(RowCodec.encodeRows(rows)), "rows");
    ReportRow odd = new ReportRow(Reports.ERROR_CODES, new Object[] {List.of()});
    assertThrows(
        IllegalArgumentException.class,
        () -> RowCodec.encodeRows(List.of(odd)),
        "a value no report column holds");
  }

  @Test
  void aBlockReadsBackWholeAndADamagedOneFailsNamingIt() throws IOException {
    ReportFold fold = new ReportFold(Reports.catalog(), ReportTraffic.settings());
    ReportFold.Partial partial = fold.start();
    for (ClassifiedExchange e : ReportTraffic.exchanges()) {
      fold.add(partial, e, "traffic.jsonl", 1);
    }
    byte[] block = Blocks.block(fold, partial);
    List<PieceKey> keys = new ArrayList<>();
    CODEC.readBlock(
        "whole", new ByteArrayInputStream(block), key -> true, (key, bytes) -> keys.add(key));
    assertEquals(partial.pieces.keySet(), new java.util.HashSet<>(keys), "every key, once");
    assertEquals(partial.pieces.size(), keys.size(), "no key twice");

    IOException truncated =
        assertThrows(
            IOException.class,
            () ->
                CODEC.readBlock(
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
                CODEC.readBlock(
                    "old.bin",
                    new ByteArrayInputStream(new byte[] {(byte) 0xAC, (byte) 0xED, 0, 5}),
                    key -> true,
                    (key, bytes) -> {}));
    assertEquals(
        "old.bin is not a block of report pieces", other.getMessage(), "Java serialization");
  }

  @Test
  void aBlockReadAsKeyTextsGivesTheKeysTextsAndPiecesAndSkipsTheUnwanted() throws IOException {
    ReportFold fold = new ReportFold(Reports.catalog(), ReportTraffic.settings());
    ReportFold.Partial partial = fold.start();
    for (ClassifiedExchange e : ReportTraffic.exchanges()) {
      fold.add(partial, e, "traffic.jsonl", 1);
    }
    byte[] block = Blocks.block(fold, partial);
    Map<String, byte[]> byText = new java.util.HashMap<>();
    CODEC.readBlockText(
        "whole",
        new ByteArrayInputStream(block),
        text -> true,
        (text, bytes) -> byText.put(text, bytes));
    assertEquals(partial.pieces.size(), byText.size(), "every key, once");
    for (Map.Entry<PieceKey, Piece> entry : partial.pieces.entrySet()) {
      String text = CODEC.keyText(entry.getKey());
      assertArrayEquals(
          CODEC.encode(entry.getValue()),
          byText.get(text),
          "the piece's bytes of " + entry.getKey());
      assertEquals(entry.getKey(), CODEC.keyOf(text), "the text decodes to its key");
      assertEquals(CATALOG.tag(entry.getKey().kind()), PieceCodec.tagOf(text), "tag of the text");
    }
    String credential = "credential";
    List<String> kept = new ArrayList<>();
    CODEC.readBlockText(
        "some",
        new ByteArrayInputStream(block),
        text -> CATALOG.kind(PieceCodec.tagOf(text)).name().equals(credential),
        (text, bytes) -> kept.add(text));
    long credentials =
        partial.pieces.keySet().stream().filter(k -> k.kind().equals(credential)).count();
    assertTrue(credentials > 1, "the traffic has several credentials: " + credentials);
    assertEquals(credentials, kept.size(), "only the wanted kind's keys, the others skipped");
    assertThrows(
        IOException.class,
        () ->
            CODEC.readBlockText(
                "cut",
                new ByteArrayInputStream(Arrays.copyOf(block, block.length - 3)),
                text -> true,
                (text, bytes) -> {}),
        "a truncated block");
  }

  private static Piece fresh(String kind) {
    return CATALOG.kind(kind).fresh().get();
  }
}
