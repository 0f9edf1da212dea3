package com.hoteltraffic.bench;

import com.hoteltraffic.generate.GeneratorConfig;
import com.hoteltraffic.generate.KeyedCorpus;
import com.hoteltraffic.generate.TrafficGenerator;
import com.hoteltraffic.testing.FilePieces;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code jobs/bench}: times the product against the two baselines a user would otherwise write and
 * against a trivial Spark job, on one generated corpus. Each contender is one whole process, timed
 * from its start to its exit (what a user waits for), with the same heap: ours through {@code
 * jobs/analyze} with the launcher's settings, the others with {@code jobs/spark-jvm.options} only.
 * Prints wall and CPU seconds, MB/s, exchanges/s, peak RSS, CPU by thread role, the ratios and the
 * issue's targets.
 *
 * <pre>
 * jobs/bench [--exchanges N] [--corpus DIR] [--heap 2g] [--contenders trivial,ours,naive-spark,duckdb]
 *            [--files N]
 * jobs/bench --exchanges 400000 --hotels 400000 [--heap 2g]
 * jobs/bench --scale 10000000[,N...] [--days 2] [--workdir /tmp] [--keep false] [--runs 1]
 *            [--heap 2g] [--contenders ours,naive-spark,duckdb]
 * </pre>
 *
 * <p>{@code --files N} is the small-files mode: the corpus's JSON Lines files are written twice
 * beside it, plain, with the same lines: once a file each ({@code CORPUS-files-few}) and once cut
 * into about N pieces ({@code CORPUS-files-N}, see {@link FilePieces}). The contenders read the N
 * pieces, and ours also reads the few files; the target compares ours on the two layouts.
 *
 * <p>With {@code --hotels N}, the many-keys mode: ours alone with {@code --window 5m}, on the
 * exchanges of one day over N hotels and on the same over {@value #FEW_HOTELS} hotels ({@link
 * KeyedCorpus}), to show what keys cost beside exchanges.
 *
 * <p>With {@code --scale N}, the scale mode ({@link ScaleBench}): a corpus of about N exchanges
 * streamed by {@link com.hoteltraffic.generate.ScaleCorpus} into a work directory, the contenders
 * on it, the 10M corpus's targets, and the corpus removed at the end.
 *
 * <p>The corpus is plain JSON Lines (the generator's {@code --plain}), made once and reused (by
 * default in {@code bench-data/corpus-N}). All contenders read the same files: the JSON Lines ones
 * (the baselines cannot read HAR).
 */
public final class Benchmark {
  private Benchmark() {}

  /** One finished contender: whole-process wall and CPU seconds, CPU by thread role, peak RSS. */
  record Outcome(
      String name,
      double seconds,
      double cpuSeconds,
      Map<String, Double> cpuByRole,
      long rows,
      long peakRssKb) {}

  /** Whole-process corpora below this many exchanges are judged by the small-corpus target. */
  static final long LARGE_CORPUS = 1_000_000;

  /** The many-keys mode's yardstick: the same exchanges over this many hotels. */
  static final int FEW_HOTELS = 100;

  public static void main(String[] args) throws Exception {
    Map<String, String> options =
        new LinkedHashMap<>(
            Map.of(
                "--corpus",
                "",
                "--exchanges",
                "1000000",
                "--heap",
                "2g",
                "--contenders",
                "trivial,ours,naive-spark,duckdb",
                "--files",
                "0",
                "--hotels",
                "0"));
    // The scale mode's (Map.of takes at most ten pairs).
    options.put("--scale", "");
    options.put("--days", "2");
    options.put("--workdir", System.getProperty("java.io.tmpdir"));
    options.put("--keep", "false");
    options.put("--runs", "1");
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (!options.containsKey(args[i])) {
        System.err.println("bench: unknown option " + args[i]);
        System.exit(2);
      }
      options.put(args[i], args[i + 1]);
    }
    if (!options.get("--scale").isEmpty()) {
      ScaleBench.Options scale;
      try {
        scale = ScaleBench.Options.of(options, List.of(args).contains("--contenders"));
      } catch (IllegalArgumentException e) {
        System.err.println("bench: " + e.getMessage());
        System.exit(2);
        return;
      }
      ScaleBench.run(scale);
      return;
    }
    long exchanges = Long.parseLong(options.get("--exchanges"));
    int hotels = Integer.parseInt(options.get("--hotels"));
    if (hotels > 0) {
      manyKeys((int) exchanges, hotels, options.get("--heap"));
      return;
    }
    Path corpus =
        Path.of(
                options.get("--corpus").isEmpty()
                    ? "bench-data/corpus-" + exchanges
                    : options.get("--corpus"))
            .toAbsolutePath();
    ensureCorpus(corpus, exchanges);
    int files = Integer.parseInt(options.get("--files"));
    if (files > 0) {
      smallFiles(corpus, files, options.get("--contenders").split(","), options.get("--heap"));
      return;
    }

    String glob = corpus.resolve(TrafficGenerator.TRAFFIC_DIR) + "/*/*.jsonl";
    long inputBytes = inputBytes(corpus.resolve(TrafficGenerator.TRAFFIC_DIR));
    System.out.printf("Corpus: %s, %.1f MB of JSON Lines (%s)%n", corpus, inputBytes / 1e6, glob);
    System.out.printf(
        "Machine: %d cores, %s, Java %s%n",
        Runtime.getRuntime().availableProcessors(), osName(), System.getProperty("java.version"));

    List<Outcome> outcomes = new ArrayList<>();
    for (String name : options.get("--contenders").split(",")) {
      outcomes.add(
          runContender(
              name,
              glob,
              corpus.resolveSibling(corpus.getFileName() + "-out-" + name),
              options.get("--heap")));
    }
    report(outcomes, inputBytes, exchanges);
  }

  /**
   * The small-files mode: the contenders on the corpus cut into about {@code count} files, and ours
   * on the same lines in one file per generated file.
   */
  private static void smallFiles(Path corpus, int count, String[] contenders, String heap)
      throws Exception {
    Path traffic = corpus.resolve(TrafficGenerator.TRAFFIC_DIR);
    Path few = layout(corpus, "few", target -> FilePieces.byLines(traffic, target, Long.MAX_VALUE));
    Path many = layout(corpus, "" + count, target -> FilePieces.intoAbout(traffic, target, count));
    long fewFiles = jsonLinesFiles(few);
    long manyFiles = jsonLinesFiles(many);
    long inputBytes = inputBytes(many);
    System.out.printf(
        "Small files: %d files (%s) against %d files (%s), %.1f MB of JSON Lines each%n",
        manyFiles, many, fewFiles, few, inputBytes / 1e6);
    List<Outcome> outcomes = new ArrayList<>();
    for (String name : contenders) {
      outcomes.add(runContender(name, glob(many), outputOf(many, name), heap));
    }
    Outcome oursFew = runContender("ours", glob(few), outputOf(few, "ours"), heap);
    outcomes.add(
        new Outcome(
            "ours-few",
            oursFew.seconds(),
            oursFew.cpuSeconds(),
            oursFew.cpuByRole(),
            oursFew.rows(),
            oursFew.peakRssKb()));
    report(outcomes, inputBytes, -1);
    Outcome ours = find(outcomes, "ours");
    if (ours != null) {
      double ratio = ours.seconds() / oursFew.seconds();
      System.out.printf(
          "target: ours on %d files <= 1.3x ours on the same exchanges in %d files: %.2fx -> %s%n",
          manyFiles, fewFiles, ratio, ratio <= 1.3 ? "met" : "NOT met");
      System.out.printf(
          "tables/exchanges: %d files from %d input files, %d from %d%n",
          tableFiles(outputOf(many, "ours")),
          manyFiles,
          tableFiles(outputOf(few, "ours")),
          fewFiles);
    }
  }

  /** What writes one layout into a directory. */
  private interface LayoutWriter {
    void write(Path target) throws IOException;
  }

  /** {@code CORPUS-files-NAME}, written once and reused. */
  private static Path layout(Path corpus, String name, LayoutWriter writer) throws IOException {
    Path dir = corpus.resolveSibling(corpus.getFileName() + "-files-" + name);
    Path done = dir.resolve(".complete");
    if (Files.exists(done)) {
      System.out.println("Reusing " + dir + " (delete it to make a new one)");
      return dir;
    }
    deleteRecursively(dir);
    System.out.println("Writing " + dir + " ...");
    writer.write(dir.resolve(TrafficGenerator.TRAFFIC_DIR));
    Files.createFile(done);
    return dir;
  }

  private static String glob(Path corpus) {
    return corpus.resolve(TrafficGenerator.TRAFFIC_DIR) + "/*/*.jsonl";
  }

  private static Path outputOf(Path corpus, String name) {
    return corpus.resolveSibling(corpus.getFileName() + "-out-" + name);
  }

  private static long jsonLinesFiles(Path corpus) throws IOException {
    PathMatcher jsonl = FileSystems.getDefault().getPathMatcher("glob:**/*.jsonl");
    try (Stream<Path> files = Files.walk(corpus.resolve(TrafficGenerator.TRAFFIC_DIR))) {
      return files.filter(jsonl::matches).count();
    }
  }

  private static long tableFiles(Path output) throws IOException {
    try (Stream<Path> files = Files.list(output.resolve("tables/exchanges"))) {
      return files.filter(f -> f.getFileName().toString().endsWith(".parquet")).count();
    }
  }

  /**
   * The many-keys mode: ours on {@code exchanges} over {@code hotels} hotels and over {@link
   * #FEW_HOTELS}, and the issue's target (the first at most 1.5x the second, peak RSS within the
   * heap).
   */
  private static void manyKeys(int exchanges, int hotels, String heap) throws Exception {
    List<Outcome> outcomes = new ArrayList<>();
    for (int n : new int[] {hotels, FEW_HOTELS}) {
      Path corpus = Path.of("bench-data", "keys-" + exchanges + "-" + n).toAbsolutePath();
      if (!Files.exists(corpus.resolve(KeyedCorpus.DONE_FILE))) {
        System.out.printf(
            "Generating %d exchanges over %d hotels in %s ...%n", exchanges, n, corpus);
        KeyedCorpus.write(corpus, exchanges, n, GeneratorConfig.DEFAULT_SEED);
      }
      String glob = corpus.resolve(TrafficGenerator.TRAFFIC_DIR) + "/*/*.jsonl";
      List<String> command =
          new ArrayList<>(
              command("ours", glob, corpus.resolveSibling(corpus.getFileName() + "-out"), heap));
      command.addAll(List.of("--window", "5m"));
      Outcome o =
          run(
              "ours-" + n + "-hotels",
              command,
              corpus.resolveSibling(corpus.getFileName() + "-out"),
              heap);
      outcomes.add(o);
      System.out.printf("  peak RSS %.0f MB%n", o.peakRssKb() / 1024.0);
    }
    double ratio = outcomes.get(0).seconds() / outcomes.get(1).seconds();
    System.out.printf(
        "target: %d hotels <= 1.5x the time over %d hotels: %.2fx -> %s%n",
        hotels, FEW_HOTELS, ratio, ratio <= 1.5 ? "met" : "NOT met");
  }

  private static void ensureCorpus(Path corpus, long exchanges) throws IOException {
    if (Files.exists(corpus.resolve(TrafficGenerator.GROUND_TRUTH_FILE))) {
      System.out.println("Reusing corpus " + corpus + " (delete it to make a new one)");
      return;
    }
    System.out.printf("Generating a corpus of about %d exchanges in %s ...%n", exchanges, corpus);
    long start = System.nanoTime();
    TrafficGenerator.generate(
        GeneratorConfig.builder()
            .outDir(corpus)
            .days(2)
            .exchangesPerDay((int) (exchanges / 2))
            .plain(true)
            .build());
    double seconds = (System.nanoTime() - start) / 1e9;
    long bytes = inputBytes(corpus.resolve(TrafficGenerator.TRAFFIC_DIR));
    System.out.printf(
        "Generated %.1f MB in %.1f s = %.0f MB/s%n", bytes / 1e6, seconds, bytes / 1e6 / seconds);
  }

  /**
   * The command line of one contender: ours as users start it ({@code jobs/analyze}, JAVA_OPTS
   * giving the heap), the others as a plain JVM with the flags Spark needs.
   */
  static List<String> command(String name, String glob, Path output, String heap) {
    if (name.equals("ours")) {
      return List.of(
          Path.of("jobs", "analyze").toAbsolutePath().toString(),
          "--input",
          glob,
          "--output",
          output.toString());
    }
    return List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx" + heap,
        "-Dbench.heap=" + heap,
        "@" + Path.of("jobs", "spark-jvm.options").toAbsolutePath(),
        "-Dlog4j2.configurationFile=classpath:log4j2.properties",
        "-cp",
        System.getProperty("java.class.path"),
        BenchContender.class.getName(),
        name,
        glob,
        output.toString());
  }

  static Outcome runContender(String name, String glob, Path output, String heap) throws Exception {
    return run(name, command(name, glob, output, heap), output, heap);
  }

  private static Outcome run(String name, List<String> command, Path output, String heap)
      throws Exception {
    deleteRecursively(output);
    Path log = output.resolveSibling(output.getFileName() + ".log");
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("JAVA_OPTS", "-Xmx" + heap);
    builder.environment().put("TRAFFIC_TOKEN_KEY", "bench-key");
    System.out.printf("Running %s ...%n", name);
    long start = System.nanoTime();
    Process process = builder.start();
    ProcessWatch watch = new ProcessWatch(process.toHandle());
    while (!process.waitFor(ProcessWatch.INTERVAL_MS, TimeUnit.MILLISECONDS)) {
      watch.sample();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    int exit = process.exitValue();
    List<String> lines = Files.readAllLines(log);
    long rows = -1;
    for (String line : lines) {
      if (line.startsWith("RESULT ")) {
        rows = Long.parseLong(line.split(" ")[3]);
      }
    }
    if (name.startsWith("ours") && Files.exists(output.resolve("run_summary.json"))) {
      Matcher m =
          Pattern.compile("\"exchanges\"\\s*:\\s*(\\d+)")
              .matcher(Files.readString(output.resolve("run_summary.json")));
      rows = m.find() ? Long.parseLong(m.group(1)) : -1;
    }
    if (exit != 0 || rows < 0) {
      lines.subList(Math.max(0, lines.size() - 20), lines.size()).forEach(System.err::println);
      throw new IllegalStateException(
          "contender " + name + " failed with exit status " + exit + " (log: " + log + ")");
    }
    Outcome outcome =
        new Outcome(name, seconds, watch.cpuSeconds(), watch.cpuByRole(), rows, watch.peakRssKb());
    StringBuilder roles = new StringBuilder();
    outcome.cpuByRole().forEach((role, s) -> roles.append(String.format("%s=%.1fs ", role, s)));
    System.out.printf(
        "  %.2f s wall, %.1f s CPU; CPU by thread role: %s%n",
        seconds, outcome.cpuSeconds(), roles.toString().trim());
    return outcome;
  }

  /**
   * @param corpusExchanges the corpus's size, which chooses the targets; negative for none
   */
  static void report(List<Outcome> outcomes, long inputBytes, long corpusExchanges) {
    Outcome ours = find(outcomes, "ours");
    long exchanges = ours == null ? 0 : ours.rows();
    System.out.println();
    System.out.printf(
        "%-12s %9s %9s %9s %13s %12s %12s%n",
        "contender", "wall s", "CPU s", "MB/s", "exchanges/s", "peak RSS MB", "time / ours");
    for (Outcome o : outcomes) {
      System.out.printf(
          "%-12s %9.2f %9.1f %9.1f %13s %12.0f %12s%n",
          o.name(),
          o.seconds(),
          o.cpuSeconds(),
          inputBytes / 1e6 / o.seconds(),
          exchanges == 0 ? "-" : String.format("%.0f", exchanges / o.seconds()),
          o.peakRssKb() / 1024.0,
          ours == null ? "-" : String.format("%.2fx", o.seconds() / ours.seconds()));
    }
    if (ours == null || corpusExchanges < 0) {
      return; // the small-files mode judges its own target
    }
    System.out.println();
    Outcome naive = find(outcomes, "naive-spark");
    Outcome duckdb = find(outcomes, "duckdb");
    Outcome trivial = find(outcomes, "trivial");
    boolean large = corpusExchanges >= LARGE_CORPUS;
    System.out.println(
        large ? "Targets of a 1M-exchange corpus:" : "Targets of a small corpus (10k exchanges):");
    if (large && naive != null) {
      double speedup = naive.seconds() / ours.seconds();
      System.out.printf(
          "target: ours >= 1.5x faster than naive Spark SQL (stretch 2x): %.2fx -> %s%n",
          speedup, verdict(speedup >= 1.5, speedup >= 2));
    }
    if (large && duckdb != null) {
      double ratio = ours.seconds() / duckdb.seconds();
      System.out.printf(
          "target: ours <= 3x DuckDB's time (stretch 2x): %.2fx -> %s%n",
          ratio, verdict(ratio <= 3, ratio <= 2));
    }
    if (!large && trivial != null) {
      double ratio = ours.seconds() / trivial.seconds();
      System.out.printf(
          "target: ours <= 1.5x the trivial Spark job's time (stretch 1.2x): %.2fx -> %s%n",
          ratio, verdict(ratio <= 1.5, ratio <= 1.2));
    }
  }

  private static String verdict(boolean met, boolean stretch) {
    return stretch ? "met, stretch met" : met ? "met" : "NOT met";
  }

  static Outcome find(List<Outcome> outcomes, String name) {
    return outcomes.stream().filter(o -> o.name().equals(name)).findFirst().orElse(null);
  }

  static void deleteRecursively(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(path)) {
      for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(p);
      }
    }
  }

  static long inputBytes(Path traffic) throws IOException {
    PathMatcher jsonl = FileSystems.getDefault().getPathMatcher("glob:**/*.jsonl");
    try (Stream<Path> files = Files.walk(traffic)) {
      return files.filter(jsonl::matches).mapToLong(p -> p.toFile().length()).sum();
    }
  }

  static String osName() {
    return System.getProperty("os.name") + " " + System.getProperty("os.arch");
  }
}
