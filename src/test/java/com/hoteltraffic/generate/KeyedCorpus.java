package com.hoteltraffic.generate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The many-keys corpus of {@code jobs/bench --hotels N}: CASY exchanges spread evenly over one UTC
 * day, exchange {@code i} for hotel {@code i mod N}, so that the same exchanges make few keys (N =
 * 100) or one hotel per exchange (N = exchanges). Streamed: each exchange is built, written and
 * dropped, so any size fits in a small heap. No ground truth: it times the reports' keys, it does
 * not check them (the scripted corpus does).
 *
 * <p>About 3% of the exchanges fail (a tenant database failure, a permission denial, a bad
 * parameter, an internal error, an unknown page), so every report has rows and incidents.
 */
public final class KeyedCorpus {
  /** Written last, beside the traffic: its presence says the corpus is whole. */
  public static final String DONE_FILE = "keyed_corpus.txt";

  private static final String[] FAILURES = {
    "tenant_db_unavailable", "forbidden", "invalid_parameter", "internal_error", "not_found"
  };
  private static final int TOKENS = 8;

  private KeyedCorpus() {}

  /** {@code OUT-DIR EXCHANGES HOTELS}: writes the corpus (as {@code jobs/bench --hotels} does). */
  public static void main(String[] args) throws IOException {
    write(
        Path.of(args[0]),
        Integer.parseInt(args[1]),
        Integer.parseInt(args[2]),
        GeneratorConfig.DEFAULT_SEED);
  }

  /**
   * Writes {@code exchanges} CASY exchanges over {@code hotels} hotels into {@code outDir}/traffic,
   * as plain JSON Lines, and {@link #DONE_FILE} beside them.
   */
  public static void write(Path outDir, int exchanges, int hotels, long seed) throws IOException {
    if (exchanges < 1 || hotels < 1) {
      throw new IllegalArgumentException("exchanges and hotels must be positive");
    }
    GeneratorConfig config =
        GeneratorConfig.builder().outDir(outDir).seed(seed).plain(true).build();
    long start = config.start().toEpochMilli();
    Rng rng = Rng.derive(seed, "keyed-corpus");
    CasyTraffic casy = new CasyTraffic(new World(seed));
    String[] tokens = new String[TOKENS];
    for (int t = 0; t < TOKENS; t++) {
      tokens[t] = "casy_" + rng.alnum(32);
    }
    CasyTraffic.Endpoint[] endpoints = {
      CasyTraffic.Endpoint.RESERVATIONS,
      CasyTraffic.Endpoint.RESERVATIONS_ALL,
      CasyTraffic.Endpoint.HEALTH
    };
    try (OutputFiles files = new OutputFiles(config)) {
      for (int i = 0; i < exchanges; i++) {
        long ts = start + (long) i * Times.DAY / exchanges;
        String hotel = Integer.toString(100_000 + i % hotels);
        Exchange e =
            casy.request(
                rng, ts, tokens[rng.nextInt(TOKENS)], "KeyBench/1.0", hotel, rng.pick(endpoints));
        e.channel = Channel.CASY_APP;
        if (rng.chance(0.03)) {
          casy.error(e, rng, rng.pick(FAILURES));
        } else {
          casy.ok(e, rng, null);
        }
        files.write(e);
      }
      files.endDay();
    }
    Files.writeString(
        outDir.resolve(DONE_FILE),
        String.format(Locale.ROOT, "exchanges=%d hotels=%d seed=%d%n", exchanges, hotels, seed),
        StandardCharsets.UTF_8);
  }
}
