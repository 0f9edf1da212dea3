package com.hoteltraffic.report;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** A fold's block as the merge meets it: written with the codec, read back piece by piece. */
final class Blocks {
  private Blocks() {}

  /** A key and its piece, decoded from a block. */
  record Keyed(Piece.PieceKey key, Piece piece) {}

  /** The codec bytes of the partial's block. */
  static byte[] block(ReportFold fold, ReportFold.Partial partial) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      fold.writeBlock(partial, out);
    }
    return bytes.toByteArray();
  }

  /** Every piece of the partial's block, decoded from its bytes. */
  static List<Keyed> pieces(ReportFold fold, ReportFold.Partial partial) throws IOException {
    List<Keyed> pieces = new ArrayList<>();
    PieceCodec.readBlock(
        "test block",
        new ByteArrayInputStream(block(fold, partial)),
        key -> true,
        (key, bytes) -> pieces.add(new Keyed(key, PieceCodec.decode(key.kind(), bytes))));
    return pieces;
  }
}
