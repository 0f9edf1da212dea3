package com.hoteltraffic.ingest;

/**
 * What reading a split yields, in file order: an exchange, a quarantined record, and finally the
 * split's counts. Exactly one of the payloads is set, according to {@link #kind()}.
 */
public final class ReadEvent {
  public enum Kind {
    EXCHANGE,
    QUARANTINE,
    STATS
  }

  private final Kind kind;
  private final long line;
  private final RawExchange exchange;
  private final String reason;
  private final String raw;
  private final SplitStats stats;

  private ReadEvent(
      Kind kind, long line, RawExchange exchange, String reason, String raw, SplitStats stats) {
    this.kind = kind;
    this.line = line;
    this.exchange = exchange;
    this.reason = reason;
    this.raw = raw;
    this.stats = stats;
  }

  static ReadEvent exchange(long line, RawExchange exchange) {
    return new ReadEvent(Kind.EXCHANGE, line, exchange, null, null, null);
  }

  static ReadEvent quarantine(long line, String reason, String raw) {
    return new ReadEvent(Kind.QUARANTINE, line, null, reason, raw, null);
  }

  static ReadEvent stats(SplitStats stats) {
    return new ReadEvent(Kind.STATS, 0, null, null, null, stats);
  }

  public Kind kind() {
    return kind;
  }

  /** 1-based line within the split (JSON Lines) or the line an entry starts on (HAR). */
  public long line() {
    return line;
  }

  public RawExchange exchange() {
    return exchange;
  }

  public String reason() {
    return reason;
  }

  public String raw() {
    return raw;
  }

  public SplitStats stats() {
    return stats;
  }
}
