package com.hoteltraffic.generate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The corpus of {@code jobs/bench --scale N}: the traffic of {@link TrafficGenerator} (the same
 * world, background mix of providers, operations and isolated errors, egress-proxy share, scripted
 * incidents and planted malformed lines, plain JSON Lines as the bench's 1M corpus) at any size,
 * streamed. {@link TrafficGenerator} builds a day's exchanges as objects, sorts them and keeps
 * per-exchange ground truth; this writes each background exchange as it is drawn and drops it, so
 * its memory does not grow with the number of exchanges.
 *
 * <p>Streaming needs the background in time order. Exchange {@code i} of a day's {@code n} is drawn
 * at the quantile {@code (i + u) / n} ({@code u} uniform in [0, 1)) of the day's hourly volume
 * ({@link Scenario#HOUR_WEIGHTS}): the same distribution as {@link TrafficGenerator}'s independent
 * draws, already sorted. The scripted exchanges of a day (a few thousand on the first two days,
 * none after) are held, sorted and merged in; only they are kept, with the outage windows they
 * plan, the last few hundred background bookings ({@link Scenario}'s) and one output buffer per
 * open file.
 *
 * <p>No ground truth: at this size the bench times the contenders, it does not check them (the
 * scripted corpus of {@link TrafficGenerator} does). {@link #DONE_FILE}, written last, holds only
 * counts: per file its lines, blank lines, exchanges and planted malformed lines.
 */
public final class ScaleCorpus {
  /** Written last, beside the traffic: its presence says the corpus is whole. */
  public static final String DONE_FILE = "scale_corpus.txt";

  private ScaleCorpus() {}

  /** What was written: the files' counts (as {@link TrafficGenerator} reports them). */
  public record Written(List<FileStats> files) {
    /** Exchanges in the JSON Lines files (the ones the bench's contenders read). */
    public long jsonLinesExchanges() {
      return files.stream()
          .filter(f -> f.format().equals("jsonl"))
          .mapToLong(FileStats::exchanges)
          .sum();
    }
  }

  /**
   * {@code OUT-DIR BACKGROUND-EXCHANGES [DAYS]}: writes the corpus (as {@code jobs/bench --scale}
   * does) and prints its counts.
   */
  public static void main(String[] args) throws IOException {
    long began = System.nanoTime();
    Written written =
        write(
            Path.of(args[0]),
            Long.parseLong(args[1]),
            args.length > 2 ? Integer.parseInt(args[2]) : GeneratorConfig.DEFAULT_DAYS,
            GeneratorConfig.DEFAULT_SEED);
    System.out.printf(
        Locale.ROOT,
        "Wrote %d exchanges in JSON Lines files (%d files in all) in %.1f s%n",
        written.jsonLinesExchanges(),
        written.files().size(),
        (System.nanoTime() - began) / 1e9);
  }

  /**
   * Writes {@code background} background exchanges spread evenly over {@code days} UTC days, with
   * the scripted incidents of the first two, into {@code outDir}/traffic as plain files, and {@link
   * #DONE_FILE} beside them.
   */
  public static Written write(Path outDir, long background, int days, long seed)
      throws IOException {
    if (background < 0) {
      throw new IllegalArgumentException("background exchanges must not be negative");
    }
    // exchangesPerDay 0: Scenario.day(d) gives the scripted exchanges only; the background is
    // drawn here, in time order.
    GeneratorConfig config =
        GeneratorConfig.builder()
            .outDir(outDir)
            .seed(seed)
            .days(days)
            .exchangesPerDay(0)
            .plain(true)
            .build();
    Files.createDirectories(outDir);
    Writer writer = new Writer(config);
    OutputFiles files = new OutputFiles(config);
    try (files) {
      List<Exchange> carried = new ArrayList<>();
      for (int d = 0; d < days; d++) {
        long count = background / days + (d < background % days ? 1 : 0);
        carried = writer.day(files, d, count, carried);
      }
    }
    List<FileStats> stats = files.stats(); // complete once the run-long files are closed
    StringBuilder done = new StringBuilder();
    done.append(
        String.format(
            Locale.ROOT, "background=%d days=%d seed=%d%n", background, days, config.seed()));
    for (FileStats f : stats) {
      done.append(
          String.format(
              Locale.ROOT,
              "%s format=%s lines=%d blank=%d exchanges=%d quarantined=%d%n",
              f.path(),
              f.format(),
              f.lines(),
              f.blank(),
              f.exchanges(),
              f.quarantined()));
    }
    Files.writeString(outDir.resolve(DONE_FILE), done, StandardCharsets.UTF_8);
    return new Written(stats);
  }

  /**
   * The counts of a corpus written before, from its {@link #DONE_FILE}; empty if there is none or
   * it was written for other settings (then the corpus is to be written again).
   */
  public static Optional<Written> read(Path outDir, long background, int days, long seed)
      throws IOException {
    Path done = outDir.resolve(DONE_FILE);
    if (!Files.exists(done)) {
      return Optional.empty();
    }
    List<String> lines = Files.readAllLines(done, StandardCharsets.UTF_8);
    String settings =
        String.format(Locale.ROOT, "background=%d days=%d seed=%d", background, days, seed);
    if (lines.isEmpty() || !lines.get(0).equals(settings)) {
      return Optional.empty();
    }
    List<FileStats> files = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(" ");
      files.add(
          new FileStats(
              f[0],
              value(f[1]),
              Long.parseLong(value(f[2])),
              Long.parseLong(value(f[3])),
              Long.parseLong(value(f[4])),
              Long.parseLong(value(f[5]))));
    }
    return Optional.of(new Written(files));
  }

  private static String value(String field) {
    return field.substring(field.indexOf('=') + 1);
  }

  /**
   * The time of the background exchange at {@code quantile} (in [0, 1)) of the day starting at
   * {@code dayStart}: the inverse of the hourly volume's cumulative distribution, so increasing
   * quantiles give non-decreasing times.
   */
  static long timeAt(long dayStart, double quantile) {
    int total = 0;
    for (int weight : Scenario.HOUR_WEIGHTS) {
      total += weight;
    }
    double target = quantile * total;
    int hour = 0;
    while (hour < Scenario.HOUR_WEIGHTS.length - 1 && target >= Scenario.HOUR_WEIGHTS[hour]) {
      target -= Scenario.HOUR_WEIGHTS[hour++];
    }
    long within = (long) (target / Scenario.HOUR_WEIGHTS[hour] * Times.HOUR);
    return dayStart + hour * Times.HOUR + Math.min(within, Times.HOUR - 1);
  }

  /** The generator's state across days: the scenario, the situations, the outage overlays. */
  private static final class Writer {
    private final GeneratorConfig config;
    private final Scenario scenario;
    private final HealthSituations situations;
    private final LastDaySituations lastDay;
    private final AdviceSituations advice;
    private final CasyTraffic casy;
    private final Rng overlayRng;

    Writer(GeneratorConfig config) {
      World world = new World(config.seed());
      this.config = config;
      this.scenario = new Scenario(config, world);
      this.situations = new HealthSituations(config, world);
      this.lastDay = new LastDaySituations(config, world);
      this.advice = new AdviceSituations(config, world);
      this.casy = new CasyTraffic(world);
      this.overlayRng = Rng.derive(config.seed(), "outage-overlays");
    }

    /**
     * Writes day {@code d}: {@code count} background exchanges merged in time order with the day's
     * scripted ones and those {@code carried} from the day before; returns the scripted ones that
     * run past midnight (written with the last day).
     */
    List<Exchange> day(OutputFiles files, int d, long count, List<Exchange> carried)
        throws IOException {
      List<Exchange> scripted = scenario.day(d);
      scripted.addAll(situations.day(d));
      scripted.addAll(lastDay.day(d));
      scripted.addAll(advice.day(d));
      scripted.addAll(carried);
      long dayStart = config.start().toEpochMilli() + d * Times.DAY;
      List<Exchange> next = new ArrayList<>();
      if (d < config.days() - 1) {
        List<Exchange> today = new ArrayList<>(scripted.size());
        for (Exchange e : scripted) {
          (e.tsMillis < dayStart + Times.DAY ? today : next).add(e);
        }
        scripted = today;
      }
      scripted.sort(Comparator.comparingLong(e -> e.tsMillis));
      Rng rng = Rng.derive(config.seed(), "scale-background-day-" + d);
      int s = 0;
      for (long i = 0; i < count; i++) {
        long ts = timeAt(dayStart, (i + rng.nextDouble()) / count);
        while (s < scripted.size() && scripted.get(s).tsMillis < ts) {
          emit(files, scripted.get(s++));
        }
        emit(files, scenario.background(rng, d, ts));
      }
      while (s < scripted.size()) {
        emit(files, scripted.get(s++));
      }
      files.endDay();
      return next;
    }

    private void emit(OutputFiles files, Exchange e) throws IOException {
      TrafficGenerator.applyOutages(e, scenario.overlays, casy, overlayRng);
      files.write(e);
    }
  }
}
