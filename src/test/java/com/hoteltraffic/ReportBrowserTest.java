package com.hoteltraffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hoteltraffic.cli.AnalyzeMainAccess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code report.html} of the sample data in a real browser: headless Chromium loads the page from
 * disk, its DOM is checked for every section and for marks in every chart, its log for console
 * messages (the page has no script, so any message is a fault), and a screenshot is kept as a CI
 * artefact in {@code target/report-screenshot.png}. Runs only where Chromium is installed ({@code
 * .ci/run} installs it).
 */
class ReportBrowserTest {
  private static final Path CHROMIUM =
      Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
  static final Path SCREENSHOT = Path.of("target", "report-screenshot.png").toAbsolutePath();
  private static final long BROWSER_TIMEOUT_S = 180;

  @TempDir static Path work;
  private static Path page;

  @BeforeAll
  static void analyseSample() {
    Assumptions.assumeTrue(
        Files.isExecutable(CHROMIUM),
        "Chromium not found at "
            + CHROMIUM
            + " (set CHROMIUM or apt-get install chromium): browser test skipped");
    Path out = work.resolve("out");
    int exit =
        AnalyzeMainAccess.run(
            "--input",
            Path.of("sample-data", "traffic").toString(),
            "--output",
            out.toString(),
            "--master",
            "local[2]");
    assertEquals(0, exit, "jobs/analyze on sample-data");
    page = out.resolve("report.html");
  }

  @Test
  void rendersEverySectionAndEveryChartWithoutConsoleMessages() throws Exception {
    Browser run =
        chromium("--enable-logging=stderr", "--v=0", "--dump-dom", page.toUri().toString());
    String dom = run.stdout();
    for (String section :
        List.of(
            "alerts",
            "summary",
            "error-rates",
            "latency",
            "top-hotels",
            "top-credentials",
            "incidents",
            "bursts",
            "outages",
            "bookings",
            "codes",
            "operations",
            "credentials",
            "access-denied",
            "client-behaviour",
            "files")) {
      assertTrue(
          dom.contains("id=\"" + section + "\""), "section " + section + " in the rendered page");
    }
    Matcher charts = Pattern.compile("<svg class=\"chart\".*?</svg>", Pattern.DOTALL).matcher(dom);
    int count = 0;
    while (charts.find()) {
      count++;
      String chart = charts.group();
      assertTrue(
          chart.contains("class=\"mark\""),
          "chart "
              + count
              + " has drawn marks: "
              + chart.substring(0, Math.min(200, chart.length())));
    }
    assertEquals(3, count, "error-rate, latency and incident charts in the rendered page");
    List<String> console = run.stderr().lines().filter(line -> line.contains(":CONSOLE")).toList();
    assertEquals(List.of(), console, "console messages while loading the page");
  }

  @Test
  void screenshotIsKept() throws Exception {
    Files.createDirectories(SCREENSHOT.getParent());
    Files.deleteIfExists(SCREENSHOT);
    chromium(
        "--hide-scrollbars",
        "--window-size=1400,9000",
        "--screenshot=" + SCREENSHOT,
        page.toUri().toString());
    assertTrue(Files.size(SCREENSHOT) > 50_000, "a screenshot with content at " + SCREENSHOT);
  }

  private record Browser(String stdout, String stderr) {}

  private static Browser chromium(String... args) throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of(
                CHROMIUM.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + Files.createTempDirectory(work, "chromium")));
    command.addAll(List.of(args));
    Path stdout = Files.createTempFile(work, "stdout", ".txt");
    Path stderr = Files.createTempFile(work, "stderr", ".txt");
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(stdout.toFile())
            .redirectError(stderr.toFile())
            .start();
    if (!process.waitFor(BROWSER_TIMEOUT_S, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(
          "Chromium did not finish in " + BROWSER_TIMEOUT_S + " s: " + command);
    }
    String err = Files.readString(stderr, StandardCharsets.UTF_8);
    assertEquals(0, process.exitValue(), "Chromium exit status; stderr:\n" + err);
    return new Browser(Files.readString(stdout, StandardCharsets.UTF_8), err);
  }
}
