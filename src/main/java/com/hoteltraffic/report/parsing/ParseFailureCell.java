package com.hoteltraffic.report.parsing;

import com.hoteltraffic.report.engine.Piece;
import com.hoteltraffic.report.engine.PieceKey;
import com.hoteltraffic.report.engine.ReportRow;
import com.hoteltraffic.report.engine.ReportSettings;
import com.hoteltraffic.report.engine.RowContext;
import com.hoteltraffic.report.shared.Micros;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.List;

/**
 * One row of {@code body_parse_failures} (see {@link BodyParseFailures}); the key's {@code detail}
 * is the body and the format, joined by {@link #SEPARATOR}.
 */
final class ParseFailureCell implements Piece {

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
  public void mergeFrom(Piece other) {
    ParseFailureCell cell = (ParseFailureCell) other;
    count += cell.count;
    firstMicros = Math.min(firstMicros, cell.firstMicros);
    lastMicros = Math.max(lastMicros, cell.lastMicros);
  }

  @Override
  public void write(DataOutput out) throws IOException {
    out.writeLong(count);
    out.writeLong(firstMicros);
    out.writeLong(lastMicros);
  }

  static ParseFailureCell read(DataInput in) throws IOException {
    ParseFailureCell cell = new ParseFailureCell();
    cell.count = in.readLong();
    cell.firstMicros = in.readLong();
    cell.lastMicros = in.readLong();
    return cell;
  }

  @Override
  public List<ReportRow> rows(PieceKey key, RowContext context) {
    ReportSettings settings = context.settings();
    int at = key.detail().indexOf(SEPARATOR);
    return List.of(
        new ReportRow(
            BodyParseFailures.NAME,
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
