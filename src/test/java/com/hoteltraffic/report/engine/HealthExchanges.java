package com.hoteltraffic.report.engine;

import com.hoteltraffic.model.ClassifiedExchange;
import com.hoteltraffic.model.ErrorClass;
import com.hoteltraffic.report.Reports;
import com.hoteltraffic.report.shared.WindowClock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Classified exchanges for the per-key rules' tests, without Spark, and a piece's rows as the
 * engine makes them (codec bytes between parts, merged in reverse).
 */
public final class HealthExchanges {
  private HealthExchanges() {}

  public static ClassifiedExchange exchange(
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

  public static ClassifiedExchange casyOk(String ts, String token, String hotel) {
    return exchange("casy", ts, token, hotel, 200, "OK", ErrorClass.OK);
  }

  public static ClassifiedExchange casyRevoked(String ts, String token, String hotel) {
    return exchange("casy", ts, token, hotel, 401, "invalid_token_or_not_found", ErrorClass.AUTH);
  }

  public static long micros(ClassifiedExchange e) {
    return e.tsMillis * 1_000L;
  }

  /**
   * The rows of a piece after folding {@code exchanges} into {@code parts} pieces (round robin) and
   * merging.
   */
  public static <T extends Piece> List<ReportRow> rowsOf(
      java.util.function.Supplier<T> fresh,
      java.util.function.BiConsumer<T, ClassifiedExchange> add,
      PieceKey key,
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
    PieceCodec codec = new PieceCodec(Reports.catalog());
    Piece merged = codec.decode(key.kind(), codec.encode(pieces[parts - 1]));
    for (int i = parts - 2; i >= 0; i--) {
      merged.mergeFrom(codec.decode(key.kind(), codec.encode(pieces[i])));
    }
    return merged.rows(key, context(settings, null));
  }

  /** What a piece's rows read: the settings, their windows, and its report's facts. */
  public static RowContext context(ReportSettings settings, Object facts) {
    return new RowContext(settings, new WindowClock(settings.window(), settings.zone()), facts);
  }

  public static String text(ReportRow row) {
    return String.join(
        "|", Arrays.stream(row.values()).map(v -> v == null ? "" : v.toString()).toList());
  }
}
