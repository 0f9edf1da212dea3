package com.hoteltraffic.generate;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * What to generate: the seed (same seed and settings give byte-identical files), the first UTC day,
 * how many days, the approximate background exchanges per day, where to write, and whether to leave
 * every file uncompressed (for throughput benchmarks of plain JSON Lines).
 */
public record GeneratorConfig(
    long seed, Instant start, int days, int exchangesPerDay, Path outDir, boolean plain) {
  public static final long DEFAULT_SEED = 20261118L;
  public static final Instant DEFAULT_START = Instant.parse("2026-11-18T00:00:00Z");
  public static final int DEFAULT_DAYS = 2;
  public static final int DEFAULT_EXCHANGES_PER_DAY = 2_000;

  public GeneratorConfig {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(outDir, "outDir");
    if (start.toEpochMilli() % Times.DAY != 0) {
      throw new IllegalArgumentException("start must be midnight UTC, got " + start);
    }
    if (days < 2) {
      // The scripted incidents include a burst across midnight and next-day evidence for bookings.
      throw new IllegalArgumentException("days must be at least 2, got " + days);
    }
    if (exchangesPerDay < 0) {
      throw new IllegalArgumentException(
          "exchanges per day must not be negative, got " + exchangesPerDay);
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builder with the documented defaults; only {@code outDir} has none. */
  public static final class Builder {
    private long seed = DEFAULT_SEED;
    private Instant start = DEFAULT_START;
    private int days = DEFAULT_DAYS;
    private int exchangesPerDay = DEFAULT_EXCHANGES_PER_DAY;
    private Path outDir;
    private boolean plain;

    public Builder seed(long value) {
      this.seed = value;
      return this;
    }

    public Builder start(Instant value) {
      this.start = value;
      return this;
    }

    public Builder days(int value) {
      this.days = value;
      return this;
    }

    public Builder exchangesPerDay(int value) {
      this.exchangesPerDay = value;
      return this;
    }

    public Builder outDir(Path value) {
      this.outDir = value;
      return this;
    }

    /** Writes every file uncompressed ({@code .jsonl}, {@code .har}) instead of the default mix. */
    public Builder plain(boolean value) {
      this.plain = value;
      return this;
    }

    public GeneratorConfig build() {
      return new GeneratorConfig(seed, start, days, exchangesPerDay, outDir, plain);
    }
  }
}
