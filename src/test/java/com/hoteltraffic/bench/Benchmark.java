package com.hoteltraffic.bench;

import com.hoteltraffic.generate.GeneratorConfig;
import com.hoteltraffic.generate.TrafficGenerator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code jobs/bench}: times the product against the two baselines a user would otherwise write,
 * on one generated corpus, each in its own JVM with the same heap, and prints wall time, MB/s,
 * exchanges/s, peak RSS and the ratios to ours, with the issue's targets.
 *
 * <pre>jobs/bench [--corpus DIR] [--exchanges N] [--heap 2g] [--contenders ours,naive-spark,duckdb]</pre>
 *
 * <p>The corpus is plain JSON Lines (the generator's {@code --plain}), made once and reused. All
 * contenders read the same files: the JSON Lines ones (the baselines cannot read HAR).
 */
public final class Benchmark {
  private Benchmark() {}

  record Outcome(String name, double seconds, long rows, long peakRssKb) {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new LinkedHashMap<>(Map.of(
        "--corpus", "bench-data/corpus", "--exchanges", "1000000", "--heap", "2g",
        "--contenders", "ours,naive-spark,duckdb"));
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (!options.containsKey(args[i])) {
        System.err.println("bench: unknown option " + args[i]);
        System.exit(2);
      }
      options.put(args[i], args[i + 1]);
    }
    Path corpus = Path.of(options.get("--corpus")).toAbsolutePath();
    long exchanges = Long.parseLong(options.get("--exchanges"));
    ensureCorpus(corpus, exchanges);

    String glob = corpus.resolve(TrafficGenerator.TRAFFIC_DIR) + "/*/*.jsonl";
    long inputBytes = inputBytes(corpus.resolve(TrafficGenerator.TRAFFIC_DIR));
    System.out.printf("Corpus: %s, %.1f MB of JSON Lines (%s)%n", corpus, inputBytes / 1e6, glob);
    System.out.printf("Machine: %d cores, %s, Java %s%n", Runtime.getRuntime().availableProcessors(),
        osName(), System.getProperty("java.version"));

    List<Outcome> outcomes = new ArrayList<>();
    for (String name : options.get("--contenders").split(",")) {
      outcomes.add(runContender(name, glob, corpus.resolveSibling(corpus.getFileName() + "-out-" + name),
          options.get("--heap")));
    }
    report(outcomes, inputBytes);
  }

  private static void ensureCorpus(Path corpus, long exchanges) throws IOException {
    if (Files.exists(corpus.resolve(TrafficGenerator.GROUND_TRUTH_FILE))) {
      System.out.println("Reusing corpus " + corpus + " (delete it to make a new one)");
      return;
    }
    System.out.printf("Generating a corpus of about %d exchanges in %s ...%n", exchanges, corpus);
    long start = System.nanoTime();
    TrafficGenerator.generate(GeneratorConfig.builder().outDir(corpus).days(2)
        .exchangesPerDay((int) (exchanges / 2)).plain(true).build());
    double seconds = (System.nanoTime() - start) / 1e9;
    long bytes = inputBytes(corpus.resolve(TrafficGenerator.TRAFFIC_DIR));
    System.out.printf("Generated %.1f MB in %.1f s = %.0f MB/s%n", bytes / 1e6, seconds, bytes / 1e6 / seconds);
  }

  private static Outcome runContender(String name, String glob, Path output, String heap) throws Exception {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + heap,
        "@" + Path.of("jobs", "spark-jvm.options").toAbsolutePath(),
        "-Dlog4j2.configurationFile=classpath:log4j2.properties",
        "-cp", System.getProperty("java.class.path"),
        BenchContender.class.getName(), name, glob, output.toString()));
    System.out.printf("Running %s ...%n", name);
    Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    Outcome outcome = null;
    try (BufferedReader out = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        if (line.startsWith("CPU ")) {
          System.out.println("  CPU by thread role: " + line.substring(4));
        }
        if (line.startsWith("RESULT ")) {
          String[] f = line.split(" ");
          outcome = new Outcome(f[1], Double.parseDouble(f[2]), Long.parseLong(f[3]), Long.parseLong(f[4]));
        }
      }
    }
    int exit = process.waitFor();
    if (exit != 0 || outcome == null) {
      throw new IllegalStateException("contender " + name + " failed with exit status " + exit);
    }
    return outcome;
  }

  private static void report(List<Outcome> outcomes, long inputBytes) {
    Outcome ours = outcomes.stream().filter(o -> o.name().equals("ours")).findFirst().orElse(null);
    long exchanges = ours == null ? 0 : ours.rows();
    System.out.println();
    System.out.printf("%-12s %9s %9s %13s %12s %14s%n", "contender", "wall s", "MB/s", "exchanges/s", "peak RSS MB",
        "time / ours");
    for (Outcome o : outcomes) {
      System.out.printf("%-12s %9.2f %9.1f %13s %12.0f %14s%n", o.name(), o.seconds(), inputBytes / 1e6 / o.seconds(),
          exchanges == 0 ? "-" : String.format("%.0f", exchanges / o.seconds()), o.peakRssKb() / 1024.0,
          ours == null ? "-" : String.format("%.2fx", o.seconds() / ours.seconds()));
    }
    if (ours == null) {
      return;
    }
    System.out.println();
    for (Outcome o : outcomes) {
      if (o.name().equals("naive-spark")) {
        double speedup = o.seconds() / ours.seconds();
        System.out.printf("target: ours >= 5x faster than naive Spark SQL: %.2fx -> %s%n", speedup,
            speedup >= 5 ? "met" : "NOT met");
      }
      if (o.name().equals("duckdb")) {
        double ratio = ours.seconds() / o.seconds();
        System.out.printf("target: ours <= 2x DuckDB's time: %.2fx -> %s%n", ratio, ratio <= 2 ? "met" : "NOT met");
      }
    }
  }

  private static long inputBytes(Path traffic) throws IOException {
    PathMatcher jsonl = FileSystems.getDefault().getPathMatcher("glob:**/*.jsonl");
    try (Stream<Path> files = Files.walk(traffic)) {
      return files.filter(jsonl::matches).mapToLong(p -> p.toFile().length()).sum();
    }
  }

  private static String osName() {
    return System.getProperty("os.name") + " " + System.getProperty("os.arch");
  }
}
