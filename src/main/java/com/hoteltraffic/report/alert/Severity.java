package com.hoteltraffic.report.alert;

import java.util.Locale;
import java.util.Optional;

/** How urgently ops should act on an alert; {@code --fail-on} compares against it. */
public enum Severity {
  /** Someone should look today. */
  WARNING,
  /** Someone should act now: money, guests or a whole integration are affected. */
  CRITICAL;

  /** The name in {@code alerts.json}, the page and on the command line. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether an alert of this severity is at or above {@code threshold}. */
  public boolean atLeast(Severity threshold) {
    return compareTo(threshold) >= 0;
  }

  /** The severity named {@code text} ({@code warning} or {@code critical}), if any. */
  public static Optional<Severity> of(String text) {
    for (Severity severity : values()) {
      if (severity.label().equals(text)) {
        return Optional.of(severity);
      }
    }
    return Optional.empty();
  }
}
