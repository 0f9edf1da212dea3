package com.hoteltraffic.report.codes;

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
 * One row of {@code error_codes}: how often a provider × status × code × class was seen, and when.
 */
final class CodeCell implements Piece {

  /** {@link PieceKey#number()} of a code seen without an HTTP status (no response). */
  static final long NO_STATUS = Long.MIN_VALUE;

  private long count;
  private long firstMicros = Long.MAX_VALUE;
  private long lastMicros = Long.MIN_VALUE;
  // The same for every exchange of one key (they follow from provider, status and code);
  // or-ed so that the merge order cannot matter.
  private boolean documented;
  private boolean retryable;

  void add(long tsMicros, boolean isDocumented, boolean isRetryable) {
    count++;
    firstMicros = Math.min(firstMicros, tsMicros);
    lastMicros = Math.max(lastMicros, tsMicros);
    documented |= isDocumented;
    retryable |= isRetryable;
  }

  @Override
  public void mergeFrom(Piece other) {
    CodeCell cell = (CodeCell) other;
    count += cell.count;
    firstMicros = Math.min(firstMicros, cell.firstMicros);
    lastMicros = Math.max(lastMicros, cell.lastMicros);
    documented |= cell.documented;
    retryable |= cell.retryable;
  }

  @Override
  public void write(DataOutput out) throws IOException {
    out.writeLong(count);
    out.writeLong(firstMicros);
    out.writeLong(lastMicros);
    out.writeBoolean(documented);
    out.writeBoolean(retryable);
  }

  static CodeCell read(DataInput in) throws IOException {
    CodeCell cell = new CodeCell();
    cell.count = in.readLong();
    cell.firstMicros = in.readLong();
    cell.lastMicros = in.readLong();
    cell.documented = in.readBoolean();
    cell.retryable = in.readBoolean();
    return cell;
  }

  @Override
  public List<ReportRow> rows(PieceKey key, RowContext context) {
    ReportSettings settings = context.settings();
    Integer status = key.number() == NO_STATUS ? null : (int) key.number();
    return List.of(
        new ReportRow(
            ErrorCodes.NAME,
            new Object[] {
              key.provider(),
              status,
              key.key(),
              key.detail(),
              count,
              Micros.instant(firstMicros),
              Micros.instant(lastMicros),
              documented,
              retryable
            }));
  }
}
