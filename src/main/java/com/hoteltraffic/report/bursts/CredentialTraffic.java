package com.hoteltraffic.report.bursts;

import com.hoteltraffic.report.engine.Piece;
import com.hoteltraffic.report.engine.PieceKey;
import com.hoteltraffic.report.engine.ReportRow;
import com.hoteltraffic.report.engine.ReportSettings;
import com.hoteltraffic.report.engine.RowContext;
import com.hoteltraffic.report.shared.Codec;
import com.hoteltraffic.report.shared.LongList;
import com.hoteltraffic.report.shared.Micros;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What burst detection needs of one credential: the time of every exchange (for a burst's {@code
 * requests} and the pause after each rejection) and its rejections in full.
 */
final class CredentialTraffic implements Piece {
  private LongList traffic = new LongList();
  private List<BurstRule.Rejection> rejections = new ArrayList<>();

  void add(long tsMicros, BurstRule.Rejection rejection) {
    traffic.add(tsMicros);
    if (rejection != null) {
      rejections.add(rejection);
    }
  }

  boolean hasRejections() {
    return !rejections.isEmpty();
  }

  @Override
  public void mergeFrom(Piece other) {
    CredentialTraffic piece = (CredentialTraffic) other;
    traffic.addAll(piece.traffic);
    rejections.addAll(piece.rejections);
  }

  @Override
  public List<ReportRow> rows(PieceKey key, RowContext context) {
    ReportSettings settings = context.settings();
    if (rejections.isEmpty()) {
      return List.of();
    }
    List<ReportRow> rows = new ArrayList<>();
    for (BurstRule.Burst b :
        BurstRule.detect(
            key.provider(),
            key.key(),
            rejections,
            traffic.sorted(),
            settings.burstGap(),
            settings.burstMin(),
            settings.rateLimits())) {
      if (settings.bounds().overlapsDay(b.startMicros(), b.endMicros())) {
        rows.add(
            new ReportRow(
                RateLimitBursts.NAME,
                new Object[] {
                  b.provider(),
                  b.tokenId(),
                  Micros.instant(b.startMicros()),
                  Micros.instant(b.endMicros()),
                  b.rejected(),
                  b.requests(),
                  b.kind(),
                  b.durationS(),
                  b.peakRejectedPerMinute(),
                  b.limit(),
                  b.windowSeconds(),
                  b.hotelsTouched(),
                  b.hotels(),
                  b.clientBackoff()
                }));
      }
    }
    return rows;
  }

  @Override
  public void write(DataOutput out) throws IOException {
    traffic.write(out);
    out.writeInt(rejections.size());
    for (BurstRule.Rejection item : rejections) {
      writeRejection(out, item);
    }
  }

  static CredentialTraffic read(DataInput in) throws IOException {
    CredentialTraffic piece = new CredentialTraffic();
    piece.traffic = LongList.read(in);
    int count = in.readInt();
    piece.rejections = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      piece.rejections.add(readRejection(in));
    }
    return piece;
  }

  static void writeRejection(DataOutput out, BurstRule.Rejection r) throws IOException {
    out.writeLong(r.tsMicros());
    Codec.writeString(out, r.kind());
    Codec.writeString(out, r.hotelId());
    Codec.writeInteger(out, r.limit());
    Codec.writeInteger(out, r.windowSeconds());
  }

  static BurstRule.Rejection readRejection(DataInput in) throws IOException {
    return new BurstRule.Rejection(
        in.readLong(),
        Codec.readString(in),
        Codec.readString(in),
        Codec.readInteger(in),
        Codec.readInteger(in));
  }
}
