package com.hoteltraffic.report;

import com.hoteltraffic.model.ClassifiedExchange;
import com.hoteltraffic.model.ErrorClass;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** Classified exchanges for the per-key rules' tests, without Spark. */
final class HealthExchanges {
  private HealthExchanges() {}

  static ClassifiedExchange exchange(
      String provider,
      String ts,
      String token,
      String hotel,
      Integer status,
      String code,
      String errorClass) {
    ClassifiedExchange e = new ClassifiedExchange();
    e.provider = provider;
    e.tsMillis = Instant.parse(ts).toEpochMilli();
    e.tokenId = token;
    e.tokenHint = token == null ? null : "..." + token.substring(Math.max(0, token.length() - 4));
    e.hotelId = hotel;
    e.httpStatus = status;
    e.errorCode = code;
    e.errorClass = errorClass;
    return e;
  }

  static ClassifiedExchange casyOk(String ts, String token, String hotel) {
    return exchange("casy", ts, token, hotel, 200, "OK", ErrorClass.OK);
  }

  static ClassifiedExchange casyRevoked(String ts, String token, String hotel) {
    return exchange("casy", ts, token, hotel, 401, "invalid_token_or_not_found", ErrorClass.AUTH);
  }

  static long micros(ClassifiedExchange e) {
    return e.tsMillis * 1_000L;
  }

  /**
   * The rows of a piece after folding {@code exchanges} into {@code parts} pieces (round robin) and
   * merging.
   */
  static <T extends Piece> List<ReportRow> rowsOf(
      java.util.function.Supplier<T> fresh,
      java.util.function.BiConsumer<T, ClassifiedExchange> add,
      Piece.PieceKey key,
      ReportSettings settings,
      int parts,
      ClassifiedExchange... exchanges) {
    Piece[] pieces = new Piece[parts];
    for (int i = 0; i < parts; i++) {
      pieces[i] = fresh.get();
    }
    for (int i = 0; i < exchanges.length; i++) {
      @SuppressWarnings("unchecked")
      T piece = (T) pieces[i % parts];
      add.accept(piece, exchanges[i]);
    }
    // Each part crosses as its codec bytes, as between tasks; merged in reverse, so that order
    // independence is exercised.
    Piece merged = PieceCodec.decode(key.kind(), PieceCodec.encode(pieces[parts - 1]));
    for (int i = parts - 2; i >= 0; i--) {
      merged.mergeFrom(PieceCodec.decode(key.kind(), PieceCodec.encode(pieces[i])));
    }
    return merged.rows(key, settings, null);
  }

  static String text(ReportRow row) {
    return String.join(
        "|", Arrays.stream(row.values()).map(v -> v == null ? "" : v.toString()).toList());
  }
}
