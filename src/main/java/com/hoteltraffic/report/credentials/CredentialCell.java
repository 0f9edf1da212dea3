package com.hoteltraffic.report.credentials;

import com.hoteltraffic.model.ClassifiedExchange;
import com.hoteltraffic.model.DocumentedCodes;
import com.hoteltraffic.model.ErrorClass;
import com.hoteltraffic.report.engine.Piece;
import com.hoteltraffic.report.engine.PieceKey;
import com.hoteltraffic.report.engine.ReportRow;
import com.hoteltraffic.report.engine.ReportSettings;
import com.hoteltraffic.report.engine.RowContext;
import com.hoteltraffic.report.shared.Codec;
import com.hoteltraffic.report.shared.Micros;
import com.hoteltraffic.report.shared.Values;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One credential's row of {@code credential_health} in the making (see {@link CredentialHealth}).
 */
final class CredentialCell implements Piece {

  private String tokenHint;
  private long requests;
  private long firstSeen = Long.MAX_VALUE;
  private long lastSeen = Long.MIN_VALUE;
  private long lastSuccess = Long.MIN_VALUE;
  private long lastAccepted = Long.MIN_VALUE;
  private final long[] failures = new long[CredentialHealth.FAILURE_COLUMNS.size()];
  private FailureTail authTail = new FailureTail();
  private FailureTail quotaTail = new FailureTail();

  /** The first failure of either kind, and the latest of each: their codes name the remedy. */
  private final CodeAt firstProblem = new CodeAt(false);

  private final CodeAt lastAuthFailure = new CodeAt(true);
  private final CodeAt lastQuotaRejection = new CodeAt(true);

  void add(ClassifiedExchange e, long tsMicros) {
    requests++;
    tokenHint = Values.smaller(tokenHint, e.tokenHint);
    firstSeen = Math.min(firstSeen, tsMicros);
    lastSeen = Math.max(lastSeen, tsMicros);
    if (ErrorClass.OK.equals(e.errorClass)) {
      lastSuccess = Math.max(lastSuccess, tsMicros);
    }
    for (int i = 0; i < failures.length; i++) {
      if (CredentialHealth.FAILURE_COLUMNS.get(i).counts(e.provider, e.httpStatus, e.errorCode)) {
        failures[i]++;
      }
    }
    CredentialHealth.Answer answer = CredentialHealth.answer(e, DocumentedCodes.builtIn());
    switch (answer) {
      case AUTH_FAILURE -> lastAuthFailure.offer(tsMicros, e.httpStatus, e.errorCode);
      case QUOTA_REJECTION -> lastQuotaRejection.offer(tsMicros, e.httpStatus, e.errorCode);
      case ACCEPTED -> lastAccepted = Math.max(lastAccepted, tsMicros);
      case NEUTRAL -> {}
    }
    if (answer == CredentialHealth.Answer.AUTH_FAILURE
        || answer == CredentialHealth.Answer.QUOTA_REJECTION) {
      firstProblem.offer(tsMicros, e.httpStatus, e.errorCode);
    }
    authTail.add(tsMicros, outcome(answer, CredentialHealth.Answer.AUTH_FAILURE));
    quotaTail.add(tsMicros, outcome(answer, CredentialHealth.Answer.QUOTA_REJECTION));
  }

  /** An answer as a run of {@code failure} sees it: the other kind of failure is neutral to it. */
  private static FailureTail.Outcome outcome(
      CredentialHealth.Answer answer, CredentialHealth.Answer failure) {
    if (answer == failure) {
      return FailureTail.Outcome.FAILURE;
    }
    return answer == CredentialHealth.Answer.ACCEPTED
        ? FailureTail.Outcome.ACCEPTED
        : FailureTail.Outcome.NEUTRAL;
  }

  @Override
  public void mergeFrom(Piece other) {
    CredentialCell cell = (CredentialCell) other;
    tokenHint = Values.smaller(tokenHint, cell.tokenHint);
    requests += cell.requests;
    firstSeen = Math.min(firstSeen, cell.firstSeen);
    lastSeen = Math.max(lastSeen, cell.lastSeen);
    lastSuccess = Math.max(lastSuccess, cell.lastSuccess);
    lastAccepted = Math.max(lastAccepted, cell.lastAccepted);
    for (int i = 0; i < failures.length; i++) {
      failures[i] += cell.failures[i];
    }
    authTail.merge(cell.authTail);
    quotaTail.merge(cell.quotaTail);
    firstProblem.merge(cell.firstProblem);
    lastAuthFailure.merge(cell.lastAuthFailure);
    lastQuotaRejection.merge(cell.lastQuotaRejection);
  }

  @Override
  public void write(DataOutput out) throws IOException {
    Codec.writeString(out, tokenHint);
    out.writeLong(requests);
    out.writeLong(firstSeen);
    out.writeLong(lastSeen);
    out.writeLong(lastSuccess);
    out.writeLong(lastAccepted);
    for (long count : failures) {
      out.writeLong(count);
    }
    authTail.write(out);
    quotaTail.write(out);
    firstProblem.write(out);
    lastAuthFailure.write(out);
    lastQuotaRejection.write(out);
  }

  static CredentialCell read(DataInput in) throws IOException {
    CredentialCell cell = new CredentialCell();
    cell.tokenHint = Codec.readString(in);
    cell.requests = in.readLong();
    cell.firstSeen = in.readLong();
    cell.lastSeen = in.readLong();
    cell.lastSuccess = in.readLong();
    cell.lastAccepted = in.readLong();
    for (int i = 0; i < cell.failures.length; i++) {
      cell.failures[i] = in.readLong();
    }
    cell.authTail = FailureTail.read(in);
    cell.quotaTail = FailureTail.read(in);
    cell.firstProblem.read(in);
    cell.lastAuthFailure.read(in);
    cell.lastQuotaRejection.read(in);
    return cell;
  }

  @Override
  public List<ReportRow> rows(PieceKey key, RowContext context) {
    ReportSettings settings = context.settings();
    CredentialHealth.Health health =
        CredentialHealth.state(
            authTail.count(),
            authTail.since(),
            quotaTail.count(),
            quotaTail.since(),
            firstProblem.ts);
    List<Object> values = new ArrayList<>(18);
    values.add(key.provider());
    values.add(key.key());
    values.add(tokenHint);
    values.add(Micros.instant(firstSeen));
    values.add(Micros.instant(lastSeen));
    values.add(requests);
    values.add(lastSuccess == Long.MIN_VALUE ? null : Micros.instant(lastSuccess));
    values.add(lastAccepted == Long.MIN_VALUE ? null : Micros.instant(lastAccepted));
    for (long count : failures) {
      values.add(count);
    }
    values.add(health.state());
    values.add(Micros.instant(health.sinceMicros()));
    values.add(remedy(key.provider(), health.state()));
    return List.of(new ReportRow(CredentialHealth.NAME, values.toArray()));
  }

  /** The taxonomy's remedy for the code that set the state (see {@link CredentialHealth}). */
  private String remedy(String provider, String state) {
    CodeAt code =
        switch (state) {
          case CredentialHealth.FAILING_AUTH -> lastAuthFailure;
          case CredentialHealth.QUOTA_EXHAUSTED -> lastQuotaRejection;
          case CredentialHealth.DEGRADED -> firstProblem;
          default -> null;
        };
    return code == null || !code.set
        ? null
        : DocumentedCodes.builtIn().remedy(provider, code.status, code.code);
  }

  /**
   * The earliest or latest failure offered, with its status and code; of failures at the same
   * microsecond the smallest status and code, so that any merge order keeps the same one.
   */
  private static final class CodeAt {
    private final boolean latest;
    private boolean set;
    private long ts;
    private Integer status;
    private String code;

    CodeAt(boolean latest) {
      this.latest = latest;
      this.ts = latest ? Long.MIN_VALUE : Long.MAX_VALUE;
    }

    void offer(long tsMicros, Integer httpStatus, String errorCode) {
      boolean better = !set || (latest ? tsMicros > ts : tsMicros < ts);
      if (better || (tsMicros == ts && smaller(httpStatus, errorCode))) {
        set = true;
        ts = tsMicros;
        status = httpStatus;
        code = errorCode;
      }
    }

    void merge(CodeAt other) {
      if (other.set) {
        offer(other.ts, other.status, other.code);
      }
    }

    /** Writes what was offered; whether it keeps the earliest or the latest is the field's. */
    void write(DataOutput out) throws IOException {
      out.writeBoolean(set);
      out.writeLong(ts);
      Codec.writeInteger(out, status);
      Codec.writeString(out, code);
    }

    /** Reads back what {@link #write} wrote into this fresh one. */
    void read(DataInput in) throws IOException {
      set = in.readBoolean();
      ts = in.readLong();
      status = Codec.readInteger(in);
      code = Codec.readString(in);
    }

    private boolean smaller(Integer httpStatus, String errorCode) {
      String mine = status + " " + code;
      return (httpStatus + " " + errorCode).compareTo(mine) < 0;
    }
  }
}
