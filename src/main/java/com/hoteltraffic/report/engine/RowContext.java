package com.hoteltraffic.report.engine;

import com.hoteltraffic.report.shared.WindowClock;

/** What a piece's {@link Piece#rows} may read besides the piece: the run's settings and facts. */
public final class RowContext {
  private final ReportSettings settings;
  private final WindowClock clock;
  private final Object facts;

  RowContext(ReportSettings settings, WindowClock clock, Object facts) {
    this.settings = settings;
    this.clock = clock;
    this.facts = facts;
  }

  public ReportSettings settings() {
    return settings;
  }

  /** The run's windows ({@code --window} in {@code --timezone}). */
  public WindowClock clock() {
    return clock;
  }

  /** The joined facts of the piece's report ({@link Report#facts}), or null if it has none. */
  @SuppressWarnings("unchecked")
  public <F> F facts() {
    return (F) facts;
  }
}
