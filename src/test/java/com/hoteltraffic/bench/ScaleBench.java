package com.hoteltraffic.bench;

import com.hoteltraffic.bench.Benchmark.Outcome;
import com.hoteltraffic.generate.GeneratorConfig;
import com.hoteltraffic.generate.ScaleCorpus;
import com.hoteltraffic.generate.TrafficGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The scale mode of {@code jobs/bench} ({@code --scale N[,N...]}): for each size, a corpus of about
 * N exchanges ({@link ScaleCorpus}: the 1M corpus's traffic, streamed, about 1.6 kB an exchange on
 * disk, so 16 GB at 10M) in {@code WORKDIR/bench-scale-N/corpus}, the contenders on it (whole
 * processes, the same heap; DuckDB's memory limited to it), their wall time and peak RSS, and the
 * 10M corpus's targets: ours at most {@value #DUCKDB_TARGET}x DuckDB's time, ours's peak RSS at
 * most 3 GB. With several sizes, the cost per exchange of each size against the smallest shows
 * whether it grows linearly.
 *
 * <p>The corpus and the contenders' outputs are removed when a size is done, also when the bench
 * fails or is interrupted (a shutdown hook), unless {@code --keep true}; a kept corpus is reused by
 * the next run with the same size and days. The contenders' logs stay.
 */
final class ScaleBench {
  private ScaleBench() {}

  /** The 10M corpus's target: ours at most this many times DuckDB's wall time. */
  static final double DUCKDB_TARGET = 2.5;

  /** The 10M corpus's target: ours's peak RSS at most 3 GB (decimal: the stricter reading). */
  static final long RSS_TARGET_BYTES = 3_000_000_000L;

  /**
   * Disk the corpus takes per background exchange: 3.2 GB for 2M measured (1.6 kB), with room for
   * the contenders' outputs (ours writes about 4% of the input) and DuckDB's spill.
   */
  static final long DISK_BYTES_PER_EXCHANGE = 1_800;

  /** The scale mode's settings, from {@code jobs/bench}'s options. */
  record Options(
      List<Long> sizes,
      int days,
      Path workdir,
      boolean keep,
      List<String> contenders,
      String heap,
      int runs) {
    /**
     * @param contendersGiven whether {@code --contenders} was given: if not, the trivial job is
     *     left out (at this size it only times reading lines, which the others do too)
     */
    static Options of(Map<String, String> options, boolean contendersGiven) {
      List<Long> sizes;
      try {
        sizes =
            Arrays.stream(options.get("--scale").split(","))
                .map(s -> Long.parseLong(s.replace("_", "")))
                .toList();
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "--scale takes exchange counts separated by commas, got " + options.get("--scale"));
      }
      String keep = options.get("--keep");
      if (!keep.equals("true") && !keep.equals("false")) {
        throw new IllegalArgumentException("--keep takes true or false, got " + keep);
      }
      int runs = Integer.parseInt(options.get("--runs"));
      if (runs < 1 || sizes.stream().anyMatch(s -> s < 1)) {
        throw new IllegalArgumentException("--scale sizes and --runs must be positive");
      }
      int days = Integer.parseInt(options.get("--days"));
      if (days < 2) {
        // the scripted incidents span the first two days, as in the 1M corpus
        throw new IllegalArgumentException("--days must be at least 2, got " + days);
      }
      return new Options(
          sizes,
          days,
          Path.of(options.get("--workdir")).toAbsolutePath(),
          keep.equals("true"),
          List.of(
              (contendersGiven ? options.get("--contenders") : "ours,naive-spark,duckdb")
                  .split(",")),
          options.get("--heap"),
          runs);
    }
  }

  /** One size's medians, by contender, and the exchanges of its JSON Lines files. */
  private record SizeResult(long size, long exchanges, List<Outcome> medians) {}

  static void run(Options options) throws Exception {
    System.out.printf(
        "Machine: %d cores, %s, Java %s; heap %s for every contender%n",
        Runtime.getRuntime().availableProcessors(),
        Benchmark.osName(),
        System.getProperty("java.version"),
        options.heap());
    List<SizeResult> results = new ArrayList<>();
    for (long size : options.sizes()) {
      results.add(oneSize(options, size));
    }
    if (results.size() > 1) {
      growth(results);
    }
  }

  private static SizeResult oneSize(Options options, long size) throws Exception {
    Path work = options.workdir().resolve("bench-scale-" + size);
    Files.createDirectories(work);
    Thread hook = new Thread(() -> interrupted(work));
    if (!options.keep()) {
      Runtime.getRuntime().addShutdownHook(hook);
    }
    try {
      Path corpus = work.resolve("corpus");
      ScaleCorpus.Written written = ensureCorpus(corpus, size, options.days());
      Path traffic = corpus.resolve(TrafficGenerator.TRAFFIC_DIR);
      String glob = traffic + "/*/*.jsonl";
      long inputBytes = Benchmark.inputBytes(traffic);
      System.out.printf(
          "Corpus: %s, %.1f MB of JSON Lines, %d exchanges in them%n",
          corpus, inputBytes / 1e6, written.jsonLinesExchanges());
      Map<String, List<Outcome>> runs = new LinkedHashMap<>();
      for (int r = 0; r < options.runs(); r++) {
        for (String name : options.contenders()) {
          Outcome o =
              Benchmark.runContender(name, glob, work.resolve("out-" + name), options.heap());
          System.out.printf("  peak RSS %.0f MiB%n", o.peakRssKb() / 1024.0);
          runs.computeIfAbsent(name, n -> new ArrayList<>()).add(o);
        }
      }
      List<Outcome> medians = runs.values().stream().map(ScaleBench::median).toList();
      Benchmark.report(medians, inputBytes, -1);
      targets(medians, written.jsonLinesExchanges(), options.runs());
      return new SizeResult(size, written.jsonLinesExchanges(), medians);
    } finally {
      if (!options.keep() && removeHook(hook)) {
        remove(work);
      }
    }
  }

  /** False while the JVM shuts down: then the hook itself removes the corpus. */
  private static boolean removeHook(Thread hook) {
    try {
      return Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      return false;
    }
  }

  /** The corpus of {@code size} exchanges, written unless a whole one for the same settings is. */
  private static ScaleCorpus.Written ensureCorpus(Path corpus, long size, int days)
      throws IOException {
    Optional<ScaleCorpus.Written> kept =
        ScaleCorpus.read(corpus, size, days, GeneratorConfig.DEFAULT_SEED);
    if (kept.isPresent()) {
      System.out.println("Reusing corpus " + corpus + " (kept by an earlier --keep true)");
      return kept.get();
    }
    Benchmark.deleteRecursively(corpus);
    long needed = size * DISK_BYTES_PER_EXCHANGE;
    long usable = Files.getFileStore(corpus.getParent()).getUsableSpace();
    if (usable < needed) {
      throw new IllegalStateException(
          String.format(
              Locale.ROOT,
              "%d exchanges need about %.1f GB of disk for the corpus and the outputs, %.1f GB free"
                  + " under %s (choose another with --workdir)",
              size,
              needed / 1e9,
              usable / 1e9,
              corpus.getParent()));
    }
    System.out.printf(
        "Generating about %d exchanges over %d days in %s (streamed) ...%n", size, days, corpus);
    long start = System.nanoTime();
    ScaleCorpus.Written written =
        ScaleCorpus.write(corpus, size, days, GeneratorConfig.DEFAULT_SEED);
    double seconds = (System.nanoTime() - start) / 1e9;
    long bytes = Benchmark.inputBytes(corpus.resolve(TrafficGenerator.TRAFFIC_DIR));
    System.out.printf(
        "Generated %.1f MB of JSON Lines in %.1f s = %.0f MB/s%n",
        bytes / 1e6, seconds, bytes / 1e6 / seconds);
    return written;
  }

  /** Median wall and CPU time (the run of median wall time), highest peak RSS of all runs. */
  private static Outcome median(List<Outcome> runs) {
    List<Outcome> sorted =
        runs.stream().sorted(Comparator.comparingDouble(Outcome::seconds)).toList();
    Outcome mid = sorted.get((sorted.size() - 1) / 2);
    long peak = runs.stream().mapToLong(Outcome::peakRssKb).max().orElse(-1);
    return new Outcome(
        mid.name(), mid.seconds(), mid.cpuSeconds(), mid.cpuByRole(), mid.rows(), peak);
  }

  private static void targets(List<Outcome> outcomes, long corpusExchanges, int runs) {
    Outcome ours = Benchmark.find(outcomes, "ours");
    Outcome duckdb = Benchmark.find(outcomes, "duckdb");
    Outcome naive = Benchmark.find(outcomes, "naive-spark");
    if (ours == null) {
      return;
    }
    System.out.println();
    System.out.printf(
        "Targets of the 10M corpus (%s):%n",
        runs == 1 ? "one run each" : "medians of " + runs + " alternated runs, highest peak RSS");
    if (ours.rows() != corpusExchanges) {
      System.out.printf(
          "ours read %d exchanges where the corpus's JSON Lines files hold %d: see its log%n",
          ours.rows(), corpusExchanges);
    }
    if (duckdb != null) {
      double ratio = ours.seconds() / duckdb.seconds();
      System.out.printf(
          "target: ours <= %.1fx DuckDB's time: %.2fx -> %s%n",
          DUCKDB_TARGET, ratio, ratio <= DUCKDB_TARGET ? "met" : "NOT met");
    }
    double rssBytes = ours.peakRssKb() * 1024.0;
    System.out.printf(
        "target: ours's peak RSS <= 3 GB (%d MiB): %.0f MiB (%.2f GB) -> %s%n",
        RSS_TARGET_BYTES / (1024 * 1024),
        rssBytes / (1024 * 1024),
        rssBytes / 1e9,
        rssBytes <= RSS_TARGET_BYTES ? "met" : "NOT met");
    if (naive != null) {
      System.out.printf(
          "naive Spark SQL takes %.2fx ours's time%n", naive.seconds() / ours.seconds());
    }
  }

  /** Each contender's wall time per exchange at each size, against the smallest size's. */
  private static void growth(List<SizeResult> results) {
    SizeResult base = results.get(0);
    System.out.println();
    System.out.printf(
        "Growth (microseconds of wall time per exchange; x = against %d exchanges, 1.00x linear):%n",
        base.exchanges());
    System.out.printf(
        "%-12s %12s %12s %10s %8s %12s%n",
        "contender", "exchanges", "wall s", "us/exch", "x", "peak RSS MiB");
    for (SizeResult r : results) {
      for (Outcome o : r.medians()) {
        Outcome first = Benchmark.find(base.medians(), o.name());
        double perExchange = o.seconds() / r.exchanges() * 1e6;
        double basePerExchange = first.seconds() / base.exchanges() * 1e6;
        System.out.printf(
            "%-12s %12d %12.1f %10.2f %7.2fx %12.0f%n",
            o.name(),
            r.exchanges(),
            o.seconds(),
            perExchange,
            perExchange / basePerExchange,
            o.peakRssKb() / 1024.0);
      }
    }
  }

  /**
   * The shutdown hook of an interrupted or failed run: ends the contender still running (a child of
   * this process), then removes the corpus and the outputs.
   */
  private static void interrupted(Path work) {
    List<ProcessHandle> children = ProcessHandle.current().descendants().toList();
    children.forEach(ProcessHandle::destroyForcibly);
    for (ProcessHandle child : children) {
      try {
        child.onExit().get(10, TimeUnit.SECONDS);
      } catch (Exception notYet) {
        break; // remove what can be removed
      }
    }
    try {
      remove(work);
    } catch (IOException e) {
      System.err.println("bench: could not remove " + work + ": " + e);
    }
  }

  /** Removes the corpus and the contenders' outputs (every directory), keeps their logs. */
  private static void remove(Path work) throws IOException {
    List<Path> dirs;
    try (Stream<Path> children = Files.list(work)) {
      dirs = children.filter(Files::isDirectory).toList();
    }
    for (Path dir : dirs) {
      Benchmark.deleteRecursively(dir);
    }
    System.out.println("Removed the corpus and the outputs of " + work + " (logs kept)");
  }
}
