package com.hoteltraffic.report.engine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** A fold's block as the merge meets it: written with the codec, read back piece by piece. */
public final class Blocks {
  private Blocks() {}

  /** A key and its piece, decoded from a block. */
  public record Keyed(PieceKey key, Piece piece) {}

  /** The codec bytes of the partial's block. */
  public static byte[] block(ReportFold fold, ReportFold.Partial partial) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      fold.writeBlock(partial, out);
    }
    return bytes.toByteArray();
  }

  /** Every piece of the partial's block, decoded from its bytes. */
  public static List<Keyed> pieces(ReportFold fold, ReportFold.Partial partial) throws IOException {
    List<Keyed> pieces = new ArrayList<>();
    PieceCodec codec = new PieceCodec(fold.catalog());
    codec.readBlock(
        "test block",
        new ByteArrayInputStream(block(fold, partial)),
        key -> true,
        (key, bytes) -> pieces.add(new Keyed(key, codec.decode(key.kind(), bytes))));
    return pieces;
  }

  /** Whether the merge keeps a key's piece, by these facts. */
  public static boolean needed(SharedFacts facts, PieceKey key) {
    return facts.needed(key);
  }

  /** The bucket a key marks (see {@link PieceKind.Keep#MARKED_BUCKETS}). */
  public static int bucket(PieceKey key) {
    return SharedFacts.bucket(key);
  }

  /** The joined facts of the report whose kind this is. */
  public static Object factsOf(SharedFacts facts, String kind) {
    return facts.factsOf(kind);
  }

  /** A piece's rows as the merge makes them, with the run's facts. */
  public static List<ReportRow> rows(
      Piece piece, PieceKey key, ReportSettings settings, SharedFacts facts) {
    return piece.rows(key, HealthExchanges.context(settings, facts.factsOf(key.kind())));
  }
}
