package com.hoteltraffic.report.access;

import com.hoteltraffic.model.ClassifiedExchange;
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
import java.util.List;

/** One credential × hotel of {@code access_denied} in the making (see {@link AccessDenied}). */
final class AccessCell implements Piece {

  private String tokenHint;
  private long forbidden;
  private long forbiddenAction;
  private long unclassified;
  private long firstDenied = Long.MAX_VALUE;
  private long lastDenied = Long.MIN_VALUE;
  private long lastSuccess = Long.MIN_VALUE;

  /** Adds an exchange; returns whether it was a denial. */
  boolean add(ClassifiedExchange e, long tsMicros) {
    tokenHint = Values.smaller(tokenHint, e.tokenHint);
    if (ErrorClass.OK.equals(e.errorClass)) {
      lastSuccess = Math.max(lastSuccess, tsMicros);
      return false;
    }
    String denial = AccessDenied.denialOf(e.provider, e.httpStatus, e.errorCode);
    if (denial == null) {
      return false;
    }
    switch (denial) {
      case AccessDenied.FORBIDDEN -> forbidden++;
      case AccessDenied.FORBIDDEN_ACTION -> forbiddenAction++;
      default -> unclassified++;
    }
    firstDenied = Math.min(firstDenied, tsMicros);
    lastDenied = Math.max(lastDenied, tsMicros);
    return true;
  }

  @Override
  public void mergeFrom(Piece other) {
    AccessCell cell = (AccessCell) other;
    tokenHint = Values.smaller(tokenHint, cell.tokenHint);
    forbidden += cell.forbidden;
    forbiddenAction += cell.forbiddenAction;
    unclassified += cell.unclassified;
    firstDenied = Math.min(firstDenied, cell.firstDenied);
    lastDenied = Math.max(lastDenied, cell.lastDenied);
    lastSuccess = Math.max(lastSuccess, cell.lastSuccess);
  }

  @Override
  public void write(DataOutput out) throws IOException {
    Codec.writeString(out, tokenHint);
    out.writeLong(forbidden);
    out.writeLong(forbiddenAction);
    out.writeLong(unclassified);
    out.writeLong(firstDenied);
    out.writeLong(lastDenied);
    out.writeLong(lastSuccess);
  }

  static AccessCell read(DataInput in) throws IOException {
    AccessCell cell = new AccessCell();
    cell.tokenHint = Codec.readString(in);
    cell.forbidden = in.readLong();
    cell.forbiddenAction = in.readLong();
    cell.unclassified = in.readLong();
    cell.firstDenied = in.readLong();
    cell.lastDenied = in.readLong();
    cell.lastSuccess = in.readLong();
    return cell;
  }

  @Override
  public List<ReportRow> rows(PieceKey key, RowContext context) {
    ReportSettings settings = context.settings();
    if (forbidden + forbiddenAction + unclassified == 0) {
      return List.of();
    }
    boolean succeeded = lastSuccess != Long.MIN_VALUE;
    return List.of(
        new ReportRow(
            AccessDenied.NAME,
            new Object[] {
              key.provider(),
              key.key(),
              tokenHint,
              key.detail(),
              forbidden,
              forbiddenAction,
              unclassified,
              Micros.instant(firstDenied),
              Micros.instant(lastDenied),
              succeeded,
              succeeded ? Micros.instant(lastSuccess) : null
            }));
  }
}
