package com.hoteltraffic.report.rates;

import com.hoteltraffic.model.ClassifiedExchange;
import com.hoteltraffic.report.engine.Piece;
import com.hoteltraffic.report.engine.PieceKey;
import com.hoteltraffic.report.engine.ReportRow;
import com.hoteltraffic.report.engine.ReportSettings;
import com.hoteltraffic.report.engine.RowContext;
import com.hoteltraffic.report.shared.LongHistogram;
import com.hoteltraffic.report.shared.Values;
import com.hoteltraffic.report.shared.WindowClock;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * One row of {@code error_rates_by_operation} in the making: counts per error class, the duration
 * histogram (exact percentiles) and the exchanges over the operation's documented timeout.
 */
final class OperationCell implements Piece {

  private long requests;
  private long errors;
  private final long[] classCounts = new long[ErrorRatesByOperation.CLASS_COLUMNS.size()];
  private LongHistogram durations = new LongHistogram();

  void add(ClassifiedExchange exchange) {
    requests++;
    if (exchange.isError()) {
      errors++;
      int column = ErrorRatesByOperation.CLASS_COLUMNS.indexOf(exchange.errorClass);
      if (column >= 0) {
        classCounts[column]++;
      }
    }
    if (exchange.durationMs != null) {
      durations.add(exchange.durationMs);
    }
  }

  @Override
  public void mergeFrom(Piece other) {
    OperationCell cell = (OperationCell) other;
    requests += cell.requests;
    errors += cell.errors;
    for (int i = 0; i < classCounts.length; i++) {
      classCounts[i] += cell.classCounts[i];
    }
    durations.addAll(cell.durations);
  }

  @Override
  public void write(DataOutput out) throws IOException {
    out.writeLong(requests);
    out.writeLong(errors);
    for (long count : classCounts) {
      out.writeLong(count);
    }
    durations.write(out);
  }

  static OperationCell read(DataInput in) throws IOException {
    OperationCell cell = new OperationCell();
    cell.requests = in.readLong();
    cell.errors = in.readLong();
    for (int i = 0; i < cell.classCounts.length; i++) {
      cell.classCounts[i] = in.readLong();
    }
    cell.durations = LongHistogram.read(in);
    return cell;
  }

  @Override
  public List<ReportRow> rows(PieceKey key, RowContext context) {
    ReportSettings settings = context.settings();
    WindowClock clock = context.clock();
    Long timeoutMs = settings.timeouts().of(key.provider(), key.key());
    Long overTimeout = timeoutMs == null ? null : durations.countAbove(timeoutMs);
    return List.of(
        new ReportRow(
            ErrorRatesByOperation.NAME,
            ErrorRatesByOperation.row(
                Arrays.asList(
                    clock.start(key.number()), clock.end(key.number()), key.provider(), key.key()),
                requests,
                errors,
                classCounts,
                durations.percentiles(Values.QUANTILES),
                timeoutMs,
                overTimeout)));
  }
}
