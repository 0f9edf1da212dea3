package com.hoteltraffic.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Generates deterministic CASY and Hotelbeds traffic archives (JSON Lines, gzip, HAR) with injected
 * incidents, and writes {@code ground_truth.json} stating what the analyzer must find. Same
 * configuration, same bytes: all randomness comes from the seed.
 */
public final class TrafficGenerator {
  private TrafficGenerator() {}

  /**
   * Beside the traffic, not inside it: a {@code .json} file in the input would be read as JSON
   * Lines.
   */
  public static final String GROUND_TRUTH_FILE = "ground_truth.json";

  /**
   * The recordings go here, below the output directory; ground-truth file paths are relative to it.
   */
  public static final String TRAFFIC_DIR = "traffic";

  /**
   * Writes the archive into {@code config.outDir()}/traffic, its ground truth beside it, and
   * returns it.
   */
  public static GroundTruth generate(GeneratorConfig config) throws IOException {
    return run(config).truth();
  }

  private record Result(GroundTruth truth, long diskBytes, long textBytes) {}

  private static Result run(GeneratorConfig config) throws IOException {
    Files.createDirectories(config.outDir());
    World world = new World(config.seed());
    Scenario scenario = new Scenario(config, world);
    CasyTraffic casy = new CasyTraffic(world);
    Rng overlayRng = Rng.derive(config.seed(), "outage-overlays");
    TruthBuilder truth = new TruthBuilder();
    HealthSituations situations = new HealthSituations(config, world);
    HealthTruth health = new HealthTruth();
    LastDaySituations lastDay = new LastDaySituations(config, world);
    AdviceSituations advice = new AdviceSituations(config, world);
    AlertTruth alerts = new AlertTruth();
    long start = config.start().toEpochMilli();
    OutputFiles files = new OutputFiles(config);
    try (files) {
      List<Exchange> carried = new ArrayList<>();
      for (int d = 0; d < config.days(); d++) {
        List<Exchange> batch = scenario.day(d);
        batch.addAll(situations.day(d));
        batch.addAll(lastDay.day(d));
        batch.addAll(advice.day(d));
        batch.addAll(carried);
        carried = new ArrayList<>();
        long dayEnd = start + (d + 1) * Times.DAY;
        if (d < config.days() - 1) {
          List<Exchange> today = new ArrayList<>(batch.size());
          for (Exchange e : batch) {
            (e.tsMillis < dayEnd ? today : carried).add(e);
          }
          batch = today;
        }
        batch.sort(Comparator.comparingLong(e -> e.tsMillis));
        for (Exchange e : batch) {
          applyOutages(e, scenario.overlays, casy, overlayRng);
          files.write(e);
          truth.add(e);
          health.add(e);
          alerts.add(e);
        }
        files.endDay();
      }
    }
    GroundTruth groundTruth =
        truth.build(
            config,
            files.stats(),
            scenario.bookings,
            health.build(
                java.util.stream.Stream.of(
                        situations.situations, lastDay.situations, advice.situations)
                    .flatMap(List::stream)
                    .toList()),
            alerts,
            health);
    checkAgainstPlan(groundTruth, scenario);
    Files.writeString(
        config.outDir().resolve(GROUND_TRUTH_FILE), groundTruth.toJson(), StandardCharsets.UTF_8);
    return new Result(groundTruth, files.diskBytes(), files.textBytes());
  }

  /** Background CASY requests inside an outage window fail like the scripted ones around them. */
  static void applyOutages(Exchange e, List<Scenario.Overlay> overlays, CasyTraffic casy, Rng rng) {
    if (e.scripted || !"casy".equals(e.provider)) {
      return;
    }
    for (Scenario.Overlay overlay : overlays) {
      if (e.tsMillis < overlay.start() || e.tsMillis > overlay.end()) {
        continue;
      }
      if (overlay.scope().equals("central")) {
        casy.error(e, rng, "central_db_unavailable");
      } else if (e.touchesTenantDb && overlay.hotel().equals(e.hotelId)) {
        casy.error(e, rng, "tenant_db_unavailable");
      }
    }
  }

  /**
   * The truth is derived from the traffic by the contract's rules; it must show exactly the
   * incidents that were scripted, or background traffic formed (or broke) one by accident.
   */
  private static void checkAgainstPlan(GroundTruth truth, Scenario scenario) {
    long bursts = truth.bursts().stream().filter(b -> b.kind().equals("rate_limited")).count();
    long tenant = truth.outages().stream().filter(o -> o.scope().equals("tenant")).count();
    long central = truth.outages().stream().filter(o -> o.scope().equals("central")).count();
    if (bursts != scenario.plannedBursts
        || tenant != scenario.plannedTenantOutages
        || central != scenario.plannedCentralOutages) {
      throw new IllegalStateException(
          String.format(
              Locale.ROOT,
              "generated incidents differ from the plan: bursts %d (planned %d), tenant outages %d (planned %d), central outages %d (planned %d)",
              bursts,
              scenario.plannedBursts,
              tenant,
              scenario.plannedTenantOutages,
              central,
              scenario.plannedCentralOutages));
    }
  }

  /**
   * {@code --out DIR [--days N] [--exchanges-per-day N] [--seed N] [--start YYYY-MM-DD] [--plain]}.
   * A bad flag or value prints one line and exits with status 2.
   */
  public static void main(String[] args) {
    GeneratorConfig config;
    try {
      config = parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("generate: " + e.getMessage());
      System.exit(2);
      return;
    }
    long began = System.nanoTime();
    Result result;
    try {
      result = run(config);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    double seconds = Math.max(1e-3, (System.nanoTime() - began) / 1e9);
    double diskMb = result.diskBytes() / 1e6;
    double textMb = result.textBytes() / 1e6;
    System.out.printf(
        Locale.ROOT,
        "Wrote %d exchanges in %d files to %s: %.1f MB on disk (%.1f MB uncompressed) in %.2f s = %.1f MB/s on disk, %.1f MB/s uncompressed%n",
        result.truth().totals().exchanges(),
        result.truth().files().size(),
        config.outDir(),
        diskMb,
        textMb,
        seconds,
        diskMb / seconds,
        textMb / seconds);
  }

  static GeneratorConfig parse(String[] args) {
    GeneratorConfig.Builder builder = GeneratorConfig.builder();
    boolean haveOut = false;
    for (int i = 0; i < args.length; i++) {
      String flag = args[i];
      if (flag.equals("--plain")) {
        builder.plain(true);
        continue;
      }
      if (!List.of("--out", "--days", "--exchanges-per-day", "--seed", "--start").contains(flag)) {
        throw new IllegalArgumentException(
            "unknown option "
                + flag
                + " (usage: --out DIR [--days N] [--exchanges-per-day N] [--seed N] [--start YYYY-MM-DD] [--plain])");
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("option " + flag + " needs a value");
      }
      String value = args[++i];
      try {
        switch (flag) {
          case "--out" -> {
            builder.outDir(Path.of(value));
            haveOut = true;
          }
          case "--days" -> builder.days(positive(flag, Integer.parseInt(value), 2));
          case "--exchanges-per-day" ->
              builder.exchangesPerDay(positive(flag, Integer.parseInt(value), 0));
          case "--seed" -> builder.seed(Long.parseLong(value));
          default -> builder.start(LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant());
        }
      } catch (NumberFormatException | DateTimeParseException e) {
        throw new IllegalArgumentException("bad value for " + flag + ": " + value);
      }
    }
    if (!haveOut) {
      throw new IllegalArgumentException("missing --out DIR");
    }
    return builder.build();
  }

  private static int positive(String flag, int value, int min) {
    if (value < min) {
      throw new IllegalArgumentException(flag + " must be at least " + min + ", got " + value);
    }
    return value;
  }
}
