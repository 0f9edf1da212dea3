package com.hoteltraffic.report;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What outage detection needs of one key (provider and hotel for tenant outages, provider for
 * central ones): its database failures, and the time of every success that can end them.
 */
final class OutageEvidence implements Piece {
  private List<OutageRule.Failure> failures = new ArrayList<>();
  private LongList successes = new LongList();

  void addFailure(OutageRule.Failure failure) {
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
    failures.addAll(piece.failures);
    successes.addAll(piece.successes);
  }

  @Override
  public List<ReportRow> rows(PieceKey key, ReportSettings settings, SharedFacts shared) {
    if (failures.isEmpty()) {
      return List.of();
    }
    String scope =
        ReportFold.OUTAGE_CENTRAL.equals(key.kind())
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
                Reports.DB_OUTAGES,
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
      BlockCodec.writeFailure(out, item);
    }
    successes.write(out);
  }

  static OutageEvidence read(DataInput in) throws IOException {
    OutageEvidence piece = new OutageEvidence();
    int count = in.readInt();
    piece.failures = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      piece.failures.add(BlockCodec.readFailure(in));
    }
    piece.successes = LongList.read(in);
    return piece;
  }
}
