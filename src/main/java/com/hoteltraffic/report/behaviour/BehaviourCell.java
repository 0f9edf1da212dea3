package com.hoteltraffic.report.behaviour;

import com.hoteltraffic.model.ClassifiedExchange;
import com.hoteltraffic.report.engine.Piece;
import com.hoteltraffic.report.engine.PieceKey;
import com.hoteltraffic.report.engine.ReportRow;
import com.hoteltraffic.report.engine.ReportSettings;
import com.hoteltraffic.report.engine.RowContext;
import com.hoteltraffic.report.shared.Codec;
import com.hoteltraffic.report.shared.Values;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * One credential's calls for {@code client_behaviour}: per call its time, duration, request
 * fingerprint (64 bits) and kind, 21 bytes in primitive arrays. A credential's calls meet on one
 * executor in the merge; a 200,000-request credential takes about 4 MB there (the rate-limit burst
 * rule already keeps 8 bytes per request of a credential), and only its one row reaches the driver.
 */
final class BehaviourCell implements Piece {
  private String tokenHint;
  private long[] ts = new long[8];
  private int[] durations = new int[8];
  private long[] fingerprints = new long[8];
  private byte[] flags = new byte[8];
  private int size;

  /** Adds a call; {@code inDay}: it is reported (a daily run's day), not only context around it. */
  void add(ClassifiedExchange e, boolean inDay) {
    if (inDay) {
      tokenHint = Values.smaller(tokenHint, e.tokenHint);
    }
    long duration =
        e.durationMs == null ? 0 : Math.max(0, Math.min(Integer.MAX_VALUE, e.durationMs));
    int kind = ClientBehaviour.flagsOf(e) | (inDay ? BehaviourRule.IN_DAY : 0);
    append(e.tsMillis, (int) duration, fingerprint(e.requestFingerprint), (byte) kind);
  }

  /**
   * The 64 bits of a fingerprint's 16 hex digits; 0 when it has none (such calls never match a
   * failure's).
   */
  static long fingerprint(String hex) {
    if (hex == null || hex.length() != 16) {
      return 0L;
    }
    return HexFormat.fromHexDigitsToLong(hex);
  }

  private void append(long tsMillis, int durationMs, long fingerprint, byte kind) {
    if (size == ts.length) {
      int capacity = size * 2;
      ts = Arrays.copyOf(ts, capacity);
      durations = Arrays.copyOf(durations, capacity);
      fingerprints = Arrays.copyOf(fingerprints, capacity);
      flags = Arrays.copyOf(flags, capacity);
    }
    ts[size] = tsMillis;
    durations[size] = durationMs;
    fingerprints[size] = fingerprint;
    flags[size] = kind;
    size++;
  }

  @Override
  public void mergeFrom(Piece other) {
    BehaviourCell cell = (BehaviourCell) other;
    tokenHint = Values.smaller(tokenHint, cell.tokenHint);
    for (int i = 0; i < cell.size; i++) {
      append(cell.ts[i], cell.durations[i], cell.fingerprints[i], cell.flags[i]);
    }
  }

  @Override
  public List<ReportRow> rows(PieceKey key, RowContext context) {
    ReportSettings settings = context.settings();
    BehaviourRule.Call[] calls = new BehaviourRule.Call[size];
    for (int i = 0; i < size; i++) {
      // A call without a fingerprint gets its own, so that it never matches another call.
      long fingerprint = fingerprints[i] == 0L ? -(i + 1L) : fingerprints[i];
      calls[i] = new BehaviourRule.Call(ts[i], ts[i] + durations[i], fingerprint, flags[i]);
    }
    BehaviourRule.Result r =
        BehaviourRule.apply(
            calls,
            settings.repeatWindows().millis(key.provider()),
            settings.burstGap().toMillis(),
            settings.burstMin());
    if (r.requests() == 0) {
      return List.of(); // only look-back or look-ahead traffic: not the day's credential
    }
    return List.of(
        new ReportRow(
            ClientBehaviour.NAME,
            new Object[] {
              key.provider(),
              key.key(),
              tokenHint,
              r.requests(),
              r.fixFirstFailures(),
              r.repeatedUnchanged(),
              r.retryableFailures(),
              r.fastRetries(),
              r.rejectedInBursts(),
              r.wasted(),
              Values.ratio(r.wasted(), r.requests())
            }));
  }

  @Override
  public void write(DataOutput out) throws IOException {
    Codec.writeString(out, tokenHint);
    out.writeInt(size);
    for (int i = 0; i < size; i++) {
      out.writeLong(ts[i]);
      out.writeInt(durations[i]);
      out.writeLong(fingerprints[i]);
      out.writeByte(flags[i]);
    }
  }

  static BehaviourCell read(DataInput in) throws IOException {
    BehaviourCell cell = new BehaviourCell();
    cell.tokenHint = Codec.readString(in);
    int count = in.readInt();
    int capacity = Math.max(8, count);
    cell.ts = new long[capacity];
    cell.durations = new int[capacity];
    cell.fingerprints = new long[capacity];
    cell.flags = new byte[capacity];
    for (int i = 0; i < count; i++) {
      cell.ts[i] = in.readLong();
      cell.durations[i] = in.readInt();
      cell.fingerprints[i] = in.readLong();
      cell.flags[i] = in.readByte();
    }
    cell.size = count;
    return cell;
  }
}
