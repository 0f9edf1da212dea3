package com.hoteltraffic.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a run's CPU went, from its JFR recording ({@code jobs/profile}): the execution samples of
 * Java threads by item (the innermost frame that belongs to a known item; JDK frames such as {@code
 * HashMap.get} count for the code that called them, except inflation, which is gzip), the
 * allocation samples' weight by the same items, and the JIT compiler threads' share of the
 * process's CPU. Not a test: a developer tool, behind every speed claim of the benchmark notes.
 */
public final class ProfileSummary {
  /** Items by package prefix, tried in order on each frame from the innermost out. */
  private static final Map<String, String> ITEMS = new LinkedHashMap<>();

  static {
    ITEMS.put("java.util.zip.", "gzip (inflate)");
    ITEMS.put("org.apache.hadoop.io.compress.", "gzip (inflate)");
    ITEMS.put("org.apache.parquet.", "parquet (tables/exchanges, report tables)");
    ITEMS.put("com.github.luben.zstd", "parquet (tables/exchanges, report tables)");
    ITEMS.put("org.xerial.snappy", "parquet (tables/exchanges, report tables)");
    ITEMS.put("com.fasterxml.jackson.", "jackson (tokenising)");
    ITEMS.put("com.hoteltraffic.ingest.", "ingest (parse, rows)");
    ITEMS.put("com.hoteltraffic.classify.", "classify");
    ITEMS.put("com.hoteltraffic.report.", "reports (fold, merge, rules)");
    ITEMS.put("com.hoteltraffic.output.", "output (CSV, tables, page)");
    ITEMS.put("com.hoteltraffic.", "other of ours");
    ITEMS.put("org.roaringbitmap.", "reports (fold, merge, rules)");
    ITEMS.put(
        "org.apache.spark.sql.execution.datasources.parquet",
        "parquet (tables/exchanges, report tables)");
    ITEMS.put("org.apache.spark.", "spark");
    ITEMS.put("org.apache.hadoop.", "hadoop (files)");
    ITEMS.put("scala.", "spark");
  }

  private ProfileSummary() {}

  public static void main(String[] args) throws IOException {
    Map<String, Long> samples = new TreeMap<>();
    Map<String, Double> allocated = new TreeMap<>();
    double loadSum = 0;
    long loadCount = 0;
    long jitMillis = 0;
    java.time.Instant first = null;
    java.time.Instant last = null;
    long total = 0;
    for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
      switch (event.getEventType().getName()) {
        case "jdk.ExecutionSample" -> {
          samples.merge(item(event.getStackTrace()), 1L, Long::sum);
          total++;
        }
        case "jdk.NativeMethodSample" -> {
          if (item(event.getStackTrace()).startsWith("gzip")) {
            samples.merge("gzip (inflate)", 1L, Long::sum);
            total++;
          }
        }
        case "jdk.ObjectAllocationSample" ->
            allocated.merge(
                item(event.getStackTrace()), (double) event.getLong("weight"), Double::sum);
        case "jdk.CPULoad" -> {
          loadSum += event.getFloat("jvmUser") + event.getFloat("jvmSystem");
          loadCount++;
          first = first == null ? event.getStartTime() : first;
          last = event.getStartTime();
        }
        case "jdk.CompilerStatistics" ->
            jitMillis = Math.max(jitMillis, event.getDuration("totalTimeSpent").toMillis());
        default -> {}
      }
    }
    print("Execution samples", samples, total);
    double bytes = allocated.values().stream().mapToDouble(Double::doubleValue).sum();
    System.out.printf("%nAllocation samples (%.0f MB sampled weight)%n", bytes / 1e6);
    allocated.entrySet().stream()
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
        .forEach(e -> System.out.printf("  %5.1f%%  %s%n", 100 * e.getValue() / bytes, e.getKey()));
    if (loadCount > 1) {
      // CPULoad is a share of the whole machine: times the cores and the recording's length.
      double cpuSeconds =
          loadSum
              / loadCount
              * Runtime.getRuntime().availableProcessors()
              * java.time.Duration.between(first, last).toMillis()
              / 1000.0;
      System.out.printf(
          "%nProcess CPU about %.1f s; JIT compilers %.1f s of it (%.0f%%)%n",
          cpuSeconds, jitMillis / 1000.0, 100 * jitMillis / 1000.0 / cpuSeconds);
    }
  }

  private static void print(String title, Map<String, Long> counts, long total) {
    System.out.printf("%s (%d)%n", title, total);
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .forEach(
            e -> System.out.printf("  %5.1f%%  %s%n", 100.0 * e.getValue() / total, e.getKey()));
  }

  /** The item of a stack: the innermost frame of a known package. */
  static String item(RecordedStackTrace stack) {
    if (stack == null) {
      return "unknown";
    }
    List<RecordedFrame> frames = stack.getFrames();
    for (RecordedFrame frame : frames) {
      if (!frame.isJavaFrame() || frame.getMethod() == null) {
        continue;
      }
      String type = frame.getMethod().getType().getName();
      for (Map.Entry<String, String> item : ITEMS.entrySet()) {
        if (type.startsWith(item.getKey())) {
          return item.getValue();
        }
      }
    }
    return "jdk (not under a known caller)";
  }
}
