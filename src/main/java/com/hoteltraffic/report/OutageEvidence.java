package com.hoteltraffic.report;

import java.util.ArrayList;
import java.util.List;

/**
 * What outage detection needs of one key (provider and hotel for tenant outages, provider for
 * central ones): its database failures, and the time of every success that can end them.
 */
final class OutageEvidence implements Piece {
  private static final long serialVersionUID = 1L;

  private transient List<OutageRule.Failure> failures = new ArrayList<>();
  private final LongList successes = new LongList();

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
  public Piece merge(Piece other) {
    OutageEvidence piece = (OutageEvidence) other;
    failures.addAll(piece.failures);
    successes.addAll(piece.successes);
    return this;
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

  private void writeObject(java.io.ObjectOutputStream out) throws java.io.IOException {
    out.defaultWriteObject();
    out.writeInt(failures.size());
    for (OutageRule.Failure item : failures) {
      BlockCodec.writeFailure(out, item);
    }
  }

  private void readObject(java.io.ObjectInputStream in)
      throws java.io.IOException, ClassNotFoundException {
    in.defaultReadObject();
    int count = in.readInt();
    failures = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      failures.add(BlockCodec.readFailure(in));
    }
  }
}
