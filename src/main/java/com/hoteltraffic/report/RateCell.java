package com.hoteltraffic.report;

import com.hoteltraffic.model.ClassifiedExchange;
import com.hoteltraffic.model.ErrorClass;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The counts of one error-rate row (window × provider × hotel, credential, or nothing) and the
 * histogram of its durations, from which the latency percentiles are exact.
 */
final class RateCell implements Piece {
  static final double[] QUANTILES = {0.5, 0.95, 0.99};

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
    tokenHint = smaller(tokenHint, exchange.tokenHint);
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
    tokenHint = smaller(tokenHint, cell.tokenHint);
  }

  @Override
  public void write(DataOutput out) throws IOException {
    out.writeLong(requests);
    out.writeLong(errors);
    out.writeLong(rateLimited);
    out.writeLong(noResponse);
    out.writeLong(serverErrors);
    durations.write(out);
    BlockCodec.writeString(out, tokenHint);
  }

  static RateCell read(DataInput in) throws IOException {
    RateCell cell = new RateCell();
    cell.requests = in.readLong();
    cell.errors = in.readLong();
    cell.rateLimited = in.readLong();
    cell.noResponse = in.readLong();
    cell.serverErrors = in.readLong();
    cell.durations = LongHistogram.read(in);
    cell.tokenHint = BlockCodec.readString(in);
    return cell;
  }

  @Override
  public List<ReportRow> rows(PieceKey key, ReportSettings settings, SharedFacts shared) {
    WindowClock clock = new WindowClock(settings.window(), settings.zone());
    List<Object> values = new ArrayList<>(14);
    values.add(clock.start(key.number()));
    values.add(clock.end(key.number()));
    values.add(key.provider());
    String report = Reports.ERROR_RATES_BY_PROVIDER;
    if (ReportFold.RATE_HOTEL.equals(key.kind())) {
      report = Reports.ERROR_RATES_BY_HOTEL;
      values.add(key.key());
    } else if (ReportFold.RATE_TOKEN.equals(key.kind())) {
      report = Reports.ERROR_RATES_BY_TOKEN;
      values.add(key.key());
      values.add(tokenHint);
    }
    values.add(requests);
    values.add(errors);
    values.add(errorRate(errors, requests));
    values.add(rateLimited);
    values.add(noResponse);
    values.add(serverErrors);
    for (Long percentile : durations.percentiles(QUANTILES)) {
      values.add(percentile);
    }
    return List.of(new ReportRow(report, values.toArray()));
  }

  /** errors / requests rounded half-up to 6 decimals, as Spark's {@code round} does on a double. */
  static double errorRate(long errors, long requests) {
    double rate = (double) errors / requests;
    return new BigDecimal(Double.toString(rate)).setScale(6, RoundingMode.HALF_UP).doubleValue();
  }

  /** The smaller of two nullable strings: a deterministic pick whatever the merge order. */
  static String smaller(String a, String b) {
    if (a == null) {
      return b;
    }
    return b == null || a.compareTo(b) <= 0 ? a : b;
  }
}
