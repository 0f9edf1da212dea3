package com.hoteltraffic.report.outages;

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
 * What outage detection needs of one key (provider and hotel for tenant outages, provider for
 * central ones): its database failures, and the time of every success that can end them.
 *
 * <p>Most tenant keys are hotels that never failed, with a success or a few (their successes are
 * kept all the same: another task may hold the hotel's failures). So such a key costs one small
 * object and its success times: no failure list until a failure comes.
 */
final class OutageEvidence implements Piece {
  private static final List<OutageRule.Failure> NO_FAILURES = List.of();

  private List<OutageRule.Failure> failures = NO_FAILURES;
  private LongList successes = new LongList();

  void addFailure(OutageRule.Failure failure) {
    if (failures == NO_FAILURES) {
      failures = new ArrayList<>(4);
    }
    failures.add(failure);
  }

  void addSuccess(long tsMicros) {
    successes.add(tsMicros);
  }

  boolean hasFailures() {
    return !failures.isEmpty();
  }

  @Override
  public void mergeFrom(Piece other) {
    OutageEvidence piece = (OutageEvidence) other;
    if (!piece.failures.isEmpty()) {
      if (failures == NO_FAILURES) {
        failures = new ArrayList<>(piece.failures.size());
      }
      failures.addAll(piece.failures);
    }
    successes.addAll(piece.successes);
  }

  @Override
  public List<ReportRow> rows(PieceKey key, RowContext context) {
    ReportSettings settings = context.settings();
    if (failures.isEmpty()) {
      return List.of();
    }
    String scope =
        DbOutages.KIND_CENTRAL.equals(key.kind())
            ? DbOutages.SCOPE_CENTRAL
            : DbOutages.SCOPE_TENANT;
    List<ReportRow> rows = new ArrayList<>();
    for (OutageRule.Outage o :
        OutageRule.detect(
            key.provider(),
            scope,
            key.key(),
            failures,
            successes.sorted(),
            settings.outageGap(),
            settings.outageMin())) {
      if (settings.bounds().overlapsDay(o.startMicros(), o.endMicros())) {
        rows.add(
            new ReportRow(
                DbOutages.NAME,
                new Object[] {
                  o.provider(),
                  o.scope(),
                  o.hotelId(),
                  Micros.instant(o.startMicros()),
                  Micros.instant(o.endMicros()),
                  o.failedRequests(),
                  o.durationS(),
                  o.affectedTokens(),
                  o.affectedHotels(),
                  Micros.instant(o.recoveredAtMicros())
                }));
      }
    }
    return rows;
  }

  @Override
  public void write(DataOutput out) throws IOException {
    out.writeInt(failures.size());
    for (OutageRule.Failure item : failures) {
      writeFailure(out, item);
    }
    successes.write(out);
  }

  static OutageEvidence read(DataInput in) throws IOException {
    OutageEvidence piece = new OutageEvidence();
    int count = in.readInt();
    if (count > 0) {
      piece.failures = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        piece.failures.add(readFailure(in));
      }
    }
    piece.successes = LongList.read(in);
    return piece;
  }

  static void writeFailure(DataOutput out, OutageRule.Failure f) throws IOException {
    out.writeLong(f.tsMicros());
    Codec.writeString(out, f.tokenId());
    Codec.writeString(out, f.hotelId());
  }

  static OutageRule.Failure readFailure(DataInput in) throws IOException {
    return new OutageRule.Failure(in.readLong(), Codec.readString(in), Codec.readString(in));
  }
}
