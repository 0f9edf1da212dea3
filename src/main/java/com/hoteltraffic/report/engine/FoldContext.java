package com.hoteltraffic.report.engine;

import com.hoteltraffic.report.shared.WindowClock;

/** Where and when the exchange being folded is, in the run's terms; one per task, reused. */
public final class FoldContext {
  private final ReportSettings settings;
  private final WindowClock clock;
  private long tsMicros;
  private String source;
  private long line;
  private boolean inDay;

  FoldContext(ReportSettings settings, WindowClock clock) {
    this.settings = settings;
    this.clock = clock;
  }

  /** The run's settings (window, zone, thresholds). */
  public ReportSettings settings() {
    return settings;
  }

  void set(long tsMicros, String source, long line, boolean inDay) {
    this.tsMicros = tsMicros;
    this.source = source;
    this.line = line;
    this.inDay = inDay;
  }

  /** The exchange's time, microseconds since the epoch. */
  public long tsMicros() {
    return tsMicros;
  }

  /** The input file it came from. */
  public String source() {
    return source;
  }

  /** Its line (or HAR entry) number in {@link #source}. */
  public long line() {
    return line;
  }

  /** Whether it belongs to the reported day (always, in a run over everything read). */
  public boolean inDay() {
    return inDay;
  }

  /** The key of the run's window the exchange falls in ({@link WindowClock#key}). */
  public long window() {
    return clock.key(tsMicros);
  }
}
