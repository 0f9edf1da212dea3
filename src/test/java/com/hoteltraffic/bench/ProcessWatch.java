package com.hoteltraffic.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Watches a contender's process and its descendants (a launcher script and the JVM it starts) from
 * outside, through {@code /proc} (Linux; zeros elsewhere): CPU seconds of the whole tree, CPU by
 * thread role, peak resident set. Sampled every {@link #INTERVAL_MS}: a thread's last slice before
 * it ends is missed, the peak RSS (a high-water mark) is not.
 */
final class ProcessWatch {
  static final long INTERVAL_MS = 200;
  private static final double TICKS_PER_SECOND = 100.0;

  private final ProcessHandle root;

  /** Last seen CPU ticks of each process (all its threads, also ended ones). */
  private final Map<Long, Long> processTicks = new HashMap<>();

  /** Last seen CPU ticks and role of each thread, by process and thread id. */
  private final Map<String, Long> threadTicks = new HashMap<>();

  private final Map<String, String> threadRole = new HashMap<>();
  private long peakRssKb;

  ProcessWatch(ProcessHandle root) {
    this.root = root;
  }

  /** Reads the tree's figures once; cheap enough to call every {@link #INTERVAL_MS}. */
  void sample() {
    List<ProcessHandle> tree = Stream.concat(Stream.of(root), root.descendants()).toList();
    for (ProcessHandle process : tree) {
      Path proc = Path.of("/proc", Long.toString(process.pid()));
      try {
        processTicks.put(process.pid(), ticks(Files.readString(proc.resolve("stat"))));
        for (String line : Files.readAllLines(proc.resolve("status"))) {
          if (line.startsWith("VmHWM:")) {
            peakRssKb = Math.max(peakRssKb, Long.parseLong(line.replaceAll("[^0-9]", "")));
          }
        }
        try (Stream<Path> threads = Files.list(proc.resolve("task"))) {
          for (Path thread : (Iterable<Path>) threads::iterator) {
            String stat;
            try {
              stat = Files.readString(thread.resolve("stat"));
            } catch (IOException ended) {
              continue;
            }
            String id = process.pid() + "/" + thread.getFileName();
            threadTicks.put(id, ticks(stat));
            threadRole.put(id, role(stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'))));
          }
        }
      } catch (IOException | RuntimeException ended) {
        // the process ended while we read it: its last sample stands
      }
    }
  }

  double cpuSeconds() {
    return processTicks.values().stream().mapToLong(Long::longValue).sum() / TICKS_PER_SECOND;
  }

  /**
   * CPU seconds by role; "other" is the rest of the whole tree's CPU (also of short-lived threads).
   */
  Map<String, Double> cpuByRole() {
    Map<String, Double> byRole = new LinkedHashMap<>();
    for (String role : List.of("spark tasks", "JIT", "GC")) {
      byRole.put(role, 0.0);
    }
    threadTicks.forEach(
        (id, ticks) -> byRole.merge(threadRole.get(id), ticks / TICKS_PER_SECOND, Double::sum));
    double named =
        byRole.entrySet().stream()
            .filter(e -> !e.getKey().equals("other"))
            .mapToDouble(Map.Entry::getValue)
            .sum();
    byRole.put("other", Math.max(0, cpuSeconds() - named));
    return byRole;
  }

  long peakRssKb() {
    return peakRssKb;
  }

  private static String role(String threadName) {
    return threadName.startsWith("Executor task")
        ? "spark tasks"
        : threadName.contains("CompilerThre")
            ? "JIT"
            : threadName.startsWith("GC Thread") || threadName.startsWith("G1") ? "GC" : "other";
  }

  /** utime + stime of a /proc stat line. */
  private static long ticks(String stat) {
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
  }
}
