package com.hoteltraffic.report;

import java.util.List;

/**
 * One row of {@code body_parse_failures} (see {@link BodyParseFailures}); the key's {@code detail}
 * is the body and the format, joined by {@link #SEPARATOR}.
 */
final class ParseFailureCell implements Piece {
  private static final long serialVersionUID = 1L;

  static final char SEPARATOR = '/';

  private long count;
  private long firstMicros = Long.MAX_VALUE;
  private long lastMicros = Long.MIN_VALUE;

  void add(long tsMicros) {
    count++;
    firstMicros = Math.min(firstMicros, tsMicros);
    lastMicros = Math.max(lastMicros, tsMicros);
  }

  @Override
  public Piece merge(Piece other) {
    ParseFailureCell cell = (ParseFailureCell) other;
    count += cell.count;
    firstMicros = Math.min(firstMicros, cell.firstMicros);
    lastMicros = Math.max(lastMicros, cell.lastMicros);
    return this;
  }

  @Override
  public List<ReportRow> rows(PieceKey key, ReportSettings settings, SharedFacts shared) {
    int at = key.detail().indexOf(SEPARATOR);
    return List.of(
        new ReportRow(
            Reports.BODY_PARSE_FAILURES,
            new Object[] {
              key.provider(),
              key.key(),
              key.detail().substring(0, at),
              key.detail().substring(at + 1),
              count,
              Micros.instant(firstMicros),
              Micros.instant(lastMicros)
            }));
  }
}
