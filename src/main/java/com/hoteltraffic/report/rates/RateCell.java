package com.hoteltraffic.report.rates;

import com.hoteltraffic.model.ClassifiedExchange;
import com.hoteltraffic.model.ErrorClass;
import com.hoteltraffic.report.engine.Piece;
import com.hoteltraffic.report.engine.PieceKey;
import com.hoteltraffic.report.engine.ReportRow;
import com.hoteltraffic.report.engine.RowContext;
import com.hoteltraffic.report.shared.Codec;
import com.hoteltraffic.report.shared.LongHistogram;
import com.hoteltraffic.report.shared.Values;
import com.hoteltraffic.report.shared.WindowClock;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The counts of one error-rate row (window × provider × hotel, credential, or nothing) and the
 * histogram of its durations, from which the latency percentiles are exact.
 */
final class RateCell implements Piece {
  private long requests;
  private long errors;
  private long rateLimited;
  private long noResponse;
  private long serverErrors;
  private LongHistogram durations = new LongHistogram();

  /** The credential's hint; the same for every exchange of one token_id. */
  private String tokenHint;

  void add(ClassifiedExchange exchange) {
    requests++;
    if (exchange.isError()) {
      errors++;
    }
    if (ErrorClass.RATE_LIMITED.equals(exchange.errorClass)) {
      rateLimited++;
    }
    if (exchange.httpStatus == null) {
      noResponse++;
    } else if (exchange.httpStatus >= 500) {
      serverErrors++;
    }
    if (exchange.durationMs != null) {
      durations.add(exchange.durationMs);
    }
    tokenHint = Values.smaller(tokenHint, exchange.tokenHint);
  }

  @Override
  public void mergeFrom(Piece other) {
    RateCell cell = (RateCell) other;
    requests += cell.requests;
    errors += cell.errors;
    rateLimited += cell.rateLimited;
    noResponse += cell.noResponse;
    serverErrors += cell.serverErrors;
    durations.addAll(cell.durations);
    tokenHint = Values.smaller(tokenHint, cell.tokenHint);
  }

  @Override
  public void write(DataOutput out) throws IOException {
    out.writeLong(requests);
    out.writeLong(errors);
    out.writeLong(rateLimited);
    out.writeLong(noResponse);
    out.writeLong(serverErrors);
    durations.write(out);
    Codec.writeString(out, tokenHint);
  }

  static RateCell read(DataInput in) throws IOException {
    RateCell cell = new RateCell();
    cell.requests = in.readLong();
    cell.errors = in.readLong();
    cell.rateLimited = in.readLong();
    cell.noResponse = in.readLong();
    cell.serverErrors = in.readLong();
    cell.durations = LongHistogram.read(in);
    cell.tokenHint = Codec.readString(in);
    return cell;
  }

  @Override
  public List<ReportRow> rows(PieceKey key, RowContext context) {
    WindowClock clock = context.clock();
    List<Object> values = new ArrayList<>(14);
    values.add(clock.start(key.number()));
    values.add(clock.end(key.number()));
    values.add(key.provider());
    String report = ErrorRates.BY_PROVIDER;
    if (ErrorRates.KIND_HOTEL.equals(key.kind())) {
      report = ErrorRates.BY_HOTEL;
      values.add(key.key());
    } else if (ErrorRates.KIND_TOKEN.equals(key.kind())) {
      report = ErrorRates.BY_TOKEN;
      values.add(key.key());
      values.add(tokenHint);
    }
    values.add(requests);
    values.add(errors);
    values.add(Values.ratio(errors, requests));
    values.add(rateLimited);
    values.add(noResponse);
    values.add(serverErrors);
    for (Long percentile : durations.percentiles(Values.QUANTILES)) {
      values.add(percentile);
    }
    return List.of(new ReportRow(report, values.toArray()));
  }
}
