package com.hoteltraffic.report;

import com.hoteltraffic.model.ClassifiedExchange;
import com.hoteltraffic.model.ErrorClass;
import java.util.ArrayList;
import java.util.List;

/**
 * One credential's row of {@code credential_health} in the making (see {@link CredentialHealth}).
 */
final class CredentialCell implements Piece {
  private static final long serialVersionUID = 1L;

  private String tokenHint;
  private long requests;
  private long firstSeen = Long.MAX_VALUE;
  private long lastSeen = Long.MIN_VALUE;
  private long lastSuccess = Long.MIN_VALUE;
  private long firstProblem = Long.MAX_VALUE;
  private final long[] failures = new long[CredentialHealth.FAILURE_COLUMNS.size()];
  private final FailureTail authTail = new FailureTail();
  private final FailureTail quotaTail = new FailureTail();

  void add(ClassifiedExchange e, long tsMicros) {
    requests++;
    tokenHint = RateCell.smaller(tokenHint, e.tokenHint);
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
    boolean auth = CredentialHealth.isAuthFailure(e.errorClass);
    boolean quota = CredentialHealth.isQuotaRejection(e.errorClass);
    if (auth || quota) {
      firstProblem = Math.min(firstProblem, tsMicros);
    }
    authTail.add(tsMicros, auth);
    quotaTail.add(tsMicros, quota);
  }

  @Override
  public Piece merge(Piece other) {
    CredentialCell cell = (CredentialCell) other;
    tokenHint = RateCell.smaller(tokenHint, cell.tokenHint);
    requests += cell.requests;
    firstSeen = Math.min(firstSeen, cell.firstSeen);
    lastSeen = Math.max(lastSeen, cell.lastSeen);
    lastSuccess = Math.max(lastSuccess, cell.lastSuccess);
    firstProblem = Math.min(firstProblem, cell.firstProblem);
    for (int i = 0; i < failures.length; i++) {
      failures[i] += cell.failures[i];
    }
    authTail.merge(cell.authTail);
    quotaTail.merge(cell.quotaTail);
    return this;
  }

  @Override
  public List<ReportRow> rows(PieceKey key, ReportSettings settings, SharedFacts shared) {
    CredentialHealth.Health health =
        CredentialHealth.state(
            authTail.count(), authTail.since(), quotaTail.count(), quotaTail.since(), firstProblem);
    List<Object> values = new ArrayList<>(16);
    values.add(key.provider());
    values.add(key.key());
    values.add(tokenHint);
    values.add(Micros.instant(firstSeen));
    values.add(Micros.instant(lastSeen));
    values.add(requests);
    values.add(lastSuccess == Long.MIN_VALUE ? null : Micros.instant(lastSuccess));
    for (long count : failures) {
      values.add(count);
    }
    values.add(health.state());
    values.add(Micros.instant(health.sinceMicros()));
    return List.of(new ReportRow(Reports.CREDENTIAL_HEALTH, values.toArray()));
  }
}
