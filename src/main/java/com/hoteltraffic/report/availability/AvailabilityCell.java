package com.hoteltraffic.report.availability;

import com.hoteltraffic.model.ClassifiedExchange;
import com.hoteltraffic.report.engine.Piece;
import com.hoteltraffic.report.engine.PieceKey;
import com.hoteltraffic.report.engine.ReportRow;
import com.hoteltraffic.report.engine.RowContext;
import com.hoteltraffic.report.shared.LongHistogram;
import com.hoteltraffic.report.shared.Values;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

/**
 * One row of {@code availability_by_day} in the making (see {@link AvailabilityByDay}): the
 * requests, the provider's failures per class, and the histogram of durations from which the p95 is
 * exact. Counts and histogram add up, so the merge is exact in any order.
 */
final class AvailabilityCell implements Piece {
  private static final double P95 = 0.95;

  private long requests;

  /** Per class of {@link AvailabilityByDay#FAILURE_CLASSES}, in its order. */
  private final long[] failures = new long[AvailabilityByDay.FAILURE_CLASSES.size()];

  private LongHistogram durations = new LongHistogram();

  void add(ClassifiedExchange exchange) {
    requests++;
    int column = AvailabilityByDay.FAILURE_CLASSES.indexOf(exchange.errorClass);
    if (column >= 0) {
      failures[column]++;
    }
    if (exchange.durationMs != null) {
      durations.add(exchange.durationMs);
    }
  }

  @Override
  public void mergeFrom(Piece other) {
    AvailabilityCell cell = (AvailabilityCell) other;
    requests += cell.requests;
    for (int i = 0; i < failures.length; i++) {
      failures[i] += cell.failures[i];
    }
    // Reads the other histogram only.
    durations.addAll(cell.durations);
  }

  @Override
  public void write(DataOutput out) throws IOException {
    out.writeLong(requests);
    for (long count : failures) {
      out.writeLong(count);
    }
    durations.write(out);
  }

  static AvailabilityCell read(DataInput in) throws IOException {
    AvailabilityCell cell = new AvailabilityCell();
    cell.requests = in.readLong();
    for (int i = 0; i < cell.failures.length; i++) {
      cell.failures[i] = in.readLong();
    }
    cell.durations = LongHistogram.read(in);
    return cell;
  }

  @Override
  public List<ReportRow> rows(PieceKey key, RowContext context) {
    long failed = 0;
    for (long count : failures) {
      failed += count;
    }
    return List.of(
        new ReportRow(
            AvailabilityByDay.NAME,
            new Object[] {
              LocalDate.ofEpochDay(key.number()).toString(),
              key.provider(),
              key.key(),
              requests,
              failures[0],
              failures[1],
              failures[2],
              failures[3],
              failed,
              // Rounded once: 1 - ratio(failed, requests) could be a millionth off (125/128).
              Values.ratio(requests - failed, requests),
              durations.percentiles(P95)[0]
            }));
  }
}
