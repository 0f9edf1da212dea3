package com.hoteltraffic;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hoteltraffic.generate.GeneratorConfig;
import com.hoteltraffic.generate.GroundTruth;
import com.hoteltraffic.generate.TrafficGenerator;
import com.hoteltraffic.job.AnalyzeJob;
import com.hoteltraffic.testing.SparkTestSession;
import com.hoteltraffic.testing.TrafficLines;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code AnalyzeMain} as its own process, as {@code jobs/analyze} does, on generated traffic
 * plus hand-made records that carry known secrets in every place a recording can hold them (auth
 * headers, card data in a booking request, an error body that echoes the token or the card number),
 * and scans everything it wrote and printed for them: every output file but quarantine/ (Parquet
 * read back through Spark, every column as JSON) and the whole console output, once with Spark's
 * own INFO logging on. Guest names appear only with {@code --include-pii}, and then only in the
 * unconfirmed-bookings report and the tables.
 */
@ExtendWith(SparkTestSession.class)
class SecretLeakTest {
  private static final String TOKEN_KEY = "leak-test-hmac-key-Wombat-0042";
  private static final String OWN_CASY_TOKEN = "casy_OwnLeakTestToken8c1d4e7f2a9b3c6d";
  private static final String OWN_API_KEY = "ownleaktestapikeyQuokka7731abc";
  private static final String OWN_SIGNATURE =
      "5f1e0c2d9b8a7f6e5d4c3b2a19081726354453627180a9b8c7d6e5f4a3b2c1d0";
  private static final String CARD_NUMBER = "4111111111111111";
  private static final String HOLDER_SURNAME = "Quixotewright";
  private static final String HOLDER = "Zebulon " + HOLDER_SURNAME;
  private static final String CARD_HOLDER = HOLDER.toUpperCase(Locale.ROOT);

  /** Card-data field names: where one appears, a body fragment got out. */
  private static final List<String> CARD_FIELDS =
      List.of("paymentData", "paymentCard", "cardNumber", "cardCVC");

  @TempDir static Path work;
  private static Set<String> credentials;
  private static Set<String> cardHolders;
  private static Run plain;
  private static Run withPii;
  private static SparkSession spark;

  /** One process run: its exit status, output directory and everything it printed. */
  private record Run(int exit, Path out, String console) {}

  @BeforeAll
  static void generateAndAnalyzeInSeparateProcesses() throws Exception {
    Path generated = work.resolve("generated");
    GroundTruth truth =
        TrafficGenerator.generate(
            GeneratorConfig.builder()
                .outDir(generated)
                .seed(3)
                .days(2)
                .exchangesPerDay(300)
                .build());
    Path traffic = generated.resolve(TrafficGenerator.TRAFFIC_DIR);
    Path own = Files.createDirectories(work.resolve("own"));
    Files.writeString(own.resolve("secrets.jsonl"), String.join("\n", ownRecords()) + "\n");

    credentials = new TreeSet<>();
    cardHolders = new TreeSet<>();
    for (Path file : TrafficLines.files(traffic)) {
      collectSecrets(text(file));
    }
    collectSecrets(Files.readString(own.resolve("secrets.jsonl")));
    for (GroundTruth.TokenCount token : truth.byToken()) {
      if (token.token().length() < 8) {
        continue; // a missing or empty credential: nothing to leak
      }
      assertTrue(
          credentials.contains(token.token()),
          "the scan of the input finds every credential: " + token);
    }
    assertTrue(
        credentials.containsAll(List.of(OWN_CASY_TOKEN, OWN_API_KEY, OWN_SIGNATURE, CARD_NUMBER)),
        "the scan finds the hand-made secrets");
    assertTrue(
        credentials.stream().anyMatch(c -> c.length() == 64 && !c.equals(OWN_SIGNATURE)),
        "generated X-Signature values are among the secrets");
    credentials.add(TOKEN_KEY);

    Path keyFile = Files.writeString(work.resolve("key.txt"), TOKEN_KEY + "\n");
    plain = analyze("plain", traffic, own, keyFile, "--verbose");
    withPii = analyze("pii", traffic, own, keyFile, "--include-pii");
  }

  @Test
  void bothRunsSucceed() {
    assertEquals(0, plain.exit(), "exit status; console:\n" + tail(plain.console()));
    assertEquals(
        0, withPii.exit(), "exit status with --include-pii; console:\n" + tail(withPii.console()));
    assertTrue(
        plain.console().contains(" INFO "), "the --verbose run printed Spark's INFO lines too");
  }

  @Test
  void noCredentialOrCardDataInAnyOutputOrLogLine() throws IOException {
    Set<String> secrets = new TreeSet<>(credentials);
    secrets.addAll(CARD_FIELDS);
    Set<String> withHolders = new TreeSet<>(secrets);
    withHolders.addAll(cardHolders);
    withHolders.add(HOLDER_SURNAME);
    assertEquals(
        Map.of(),
        leaks(plain, withHolders),
        "secrets or guest names in the run without --include-pii");
    assertEquals(Map.of(), leaks(withPii, secrets), "secrets in the run with --include-pii");
  }

  @Test
  void quarantineKeepsRawLinesSoTheScanWouldSeeALeak() throws IOException {
    // The positive control: the same scan finds secrets where they are meant to be kept.
    String quarantine = Files.readString(plain.out().resolve("quarantine/records.jsonl"));
    assertTrue(
        quarantine.contains(CARD_NUMBER) && quarantine.contains(OWN_CASY_TOKEN),
        "the hand-made malformed line is quarantined whole, secrets included");
  }

  @Test
  void holderNameOnlyWithIncludePiiAndOnlyInUnconfirmedBookings() throws IOException {
    Path reports = withPii.out().resolve(AnalyzeJob.REPORTS_DIR);
    String bookings = Files.readString(reports.resolve("unconfirmed_bookings.csv"));
    assertTrue(
        bookings.contains(HOLDER_SURNAME),
        "the holder is named in unconfirmed_bookings.csv with PII");
    assertFalse(
        Files.readString(
                plain.out().resolve(AnalyzeJob.REPORTS_DIR).resolve("unconfirmed_bookings.csv"))
            .contains(HOLDER_SURNAME),
        "not without it");
    Map<String, List<String>> elsewhere = leaks(withPii, Set.of(HOLDER_SURNAME));
    elsewhere.remove(AnalyzeJob.REPORTS_DIR + "/unconfirmed_bookings.csv");
    elsewhere.keySet().removeIf(path -> path.startsWith(AnalyzeJob.TABLES_DIR + "/"));
    assertEquals(
        Map.of(), elsewhere, "the holder name outside unconfirmed_bookings and the tables");
  }

  // ---- the scan ----

  /**
   * Output file (relative path, or "console") → the secrets found in it. Quarantine is not scanned.
   */
  private static Map<String, List<String>> leaks(Run run, Set<String> secrets) throws IOException {
    Map<String, List<String>> found = new LinkedHashMap<>();
    check("console", run.console(), secrets, found);
    List<Path> files = TrafficLines.files(run.out());
    Set<Path> tables = new TreeSet<>();
    for (Path file : files) {
      String relative = run.out().relativize(file).toString().replace(File.separatorChar, '/');
      if (relative.startsWith(AnalyzeJob.QUARANTINE_DIR + "/")) {
        continue;
      }
      if (relative.startsWith(AnalyzeJob.TABLES_DIR + "/")) {
        tables.add(
            run.out()
                .resolve(AnalyzeJob.TABLES_DIR)
                .resolve(run.out().resolve(AnalyzeJob.TABLES_DIR).relativize(file).getName(0)));
        if (relative.endsWith(".parquet")) {
          continue; // compressed: read back through Spark below
        }
      }
      check(
          relative,
          new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1),
          secrets,
          found);
    }
    assertTrue(
        tables.contains(
                run.out().resolve(AnalyzeJob.TABLES_DIR).resolve(AnalyzeJob.EXCHANGES_TABLE))
            && tables.size() >= 7,
        "the exchanges table and one per report are scanned: " + tables);
    for (Path table : tables) {
      List<Row> rows =
          spark.read().parquet(table.toString()).select(to_json(struct(col("*")))).collectAsList();
      StringBuilder all = new StringBuilder();
      rows.forEach(row -> all.append(row.getString(0)).append('\n'));
      check(
          AnalyzeJob.TABLES_DIR + "/" + table.getFileName() + " (rows)",
          all.toString(),
          secrets,
          found);
    }
    return found;
  }

  private static void check(
      String where, String text, Set<String> secrets, Map<String, List<String>> found) {
    for (String secret : secrets) {
      if (text.contains(secret)) {
        found.computeIfAbsent(where, k -> new ArrayList<>()).add(secret);
      }
    }
  }

  // ---- the secrets in the input ----

  /** A quote as it appears in a JSON Lines record or in a body escaped inside one. */
  private static final String Q = "\\\\?\"";

  private static final Pattern AUTH_HEADER =
      Pattern.compile(
          "(?i)"
              + Q
              + "(?:authorization|api-key|x-signature)"
              + Q
              + "\\s*(?:,\\s*"
              + Q
              + "value"
              + Q
              + ")?\\s*:\\s*"
              + Q
              + "(?:bearer\\s+)?([^\"\\\\]{8,})");
  private static final Pattern CARD_NUMBER_FIELD =
      Pattern.compile(Q + "cardNumber" + Q + "\\s*:\\s*" + Q + "([^\"\\\\]{8,})");
  private static final Pattern CARD_HOLDER_FIELD =
      Pattern.compile(Q + "cardHolderName" + Q + "\\s*:\\s*" + Q + "([^\"\\\\]{8,})");

  private static void collectSecrets(String text) {
    Matcher auth = AUTH_HEADER.matcher(text);
    while (auth.find()) {
      credentials.add(auth.group(1));
    }
    Matcher card = CARD_NUMBER_FIELD.matcher(text);
    while (card.find()) {
      credentials.add(card.group(1));
    }
    Matcher holder = CARD_HOLDER_FIELD.matcher(text);
    while (holder.find()) {
      cardHolders.add(holder.group(1));
    }
  }

  private static String text(Path file) throws IOException {
    try (InputStream raw = Files.newInputStream(file);
        InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /**
   * Records with known secrets in every place they can be: headers, card data, echoing error
   * bodies.
   */
  private static List<String> ownRecords() {
    String hbHeaders =
        "{\"Api-key\":\""
            + OWN_API_KEY
            + "\",\"X-Signature\":\""
            + OWN_SIGNATURE
            + "\",\"Content-Type\":\"application/json\"}";
    String booking =
        "{\\\"holder\\\":{\\\"name\\\":\\\"Zebulon\\\",\\\"surname\\\":\\\""
            + HOLDER_SURNAME
            + "\\\"},"
            + "\\\"rooms\\\":[{\\\"rateKey\\\":\\\"20261201|20261203|W|1|123|DBL.ST|ID_B2B_26|RO||1~2~0||N@06\\\","
            + "\\\"paxes\\\":[{\\\"roomId\\\":1,\\\"type\\\":\\\"AD\\\",\\\"name\\\":\\\"Zebulon\\\",\\\"surname\\\":\\\""
            + HOLDER_SURNAME
            + "\\\"}]}],\\\"clientReference\\\":\\\"LEAKTEST-REF-1\\\",\\\"paymentData\\\":{"
            + "\\\"paymentCard\\\":{\\\"cardHolderName\\\":\\\""
            + CARD_HOLDER
            + "\\\",\\\"cardType\\\":\\\"VI\\\","
            + "\\\"cardNumber\\\":\\\""
            + CARD_NUMBER
            + "\\\",\\\"expiryDate\\\":\\\"1229\\\",\\\"cardCVC\\\":\\\"737\\\"}}}";
    String bookingUrl = "https://api-secure.hotelbeds.com/hotel-api/1.2/bookings";
    return List.of(
        // A confirmation that timed out at the gateway: an unconfirmed booking, holder and card in
        // the request.
        "{\"ts\":\"2026-11-19T09:00:00Z\",\"request\":{\"method\":\"POST\",\"url\":\""
            + bookingUrl
            + "\",\"headers\":"
            + hbHeaders
            + ",\"body\":\""
            + booking
            + "\"},\"response\":{\"status\":504,\"headers\":{},"
            + "\"body\":\"Gateway Timeout\"}}",
        // The same, refused with an error that echoes the card number and CVC in plain text and in
        // a JSON code.
        "{\"ts\":\"2026-11-19T09:00:05Z\",\"request\":{\"method\":\"POST\",\"url\":\""
            + bookingUrl
            + "\",\"headers\":"
            + hbHeaders
            + ",\"body\":\""
            + booking
            + "\"},\"response\":{\"status\":400,\"headers\":{},"
            + "\"body\":\"Card "
            + CARD_NUMBER
            + " with CVC 737 is not tokenized\"}}",
        "{\"ts\":\"2026-11-19T09:00:06Z\",\"request\":{\"method\":\"POST\",\"url\":\""
            + bookingUrl
            + "\",\"headers\":"
            + hbHeaders
            + ",\"body\":\""
            + booking
            + "\"},\"response\":{\"status\":400,\"headers\":{},"
            + "\"body\":\"{\\\"error\\\":{\\\"code\\\":\\\""
            + CARD_NUMBER
            + "\\\",\\\"message\\\":\\\"card\\\"}}\"}}",
        // A CASY error whose code field echoes the bearer token, and one whose message does.
        "{\"ts\":\"2026-11-19T09:01:00Z\",\"request\":{\"method\":\"GET\",\"url\":\"https://onlinebuchungen.ch/v1/"
            + "reservations/8801\",\"headers\":{\"Authorization\":\"Bearer "
            + OWN_CASY_TOKEN
            + "\"}},\"response\":"
            + "{\"status\":401,\"headers\":{},\"body\":\"{\\\"error\\\":\\\""
            + OWN_CASY_TOKEN
            + "\\\"}\"}}",
        "{\"ts\":\"2026-11-19T09:01:01Z\",\"request\":{\"method\":\"GET\",\"url\":\"https://onlinebuchungen.ch/v1/"
            + "reservations/8801\",\"headers\":{\"Authorization\":\"Bearer "
            + OWN_CASY_TOKEN
            + "\"}},\"response\":"
            + "{\"status\":401,\"headers\":{},\"body\":\"{\\\"error\\\":\\\"Bearer "
            + OWN_CASY_TOKEN
            + " is not valid\\\",\\\"message\\\":\\\"token "
            + OWN_CASY_TOKEN
            + "\\\"}\"}}",
        // Malformed (status is text): quarantined whole, secrets and all.
        "{\"ts\":\"2026-11-19T09:02:00Z\",\"request\":{\"method\":\"POST\",\"url\":\""
            + bookingUrl
            + "\",\"headers\":"
            + "{\"Authorization\":\"Bearer "
            + OWN_CASY_TOKEN
            + "\"},\"body\":\""
            + booking
            + "\"},"
            + "\"response\":{\"status\":\"abc\"}}");
  }

  // ---- the process ----

  private static Run analyze(String name, Path traffic, Path own, Path keyFile, String... extra)
      throws Exception {
    Path out = work.resolve("out-" + name);
    Path console = work.resolve("console-" + name + ".txt");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx1g");
    command.add("@" + Path.of("jobs", "spark-jvm.options").toAbsolutePath());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("com.hoteltraffic.cli.AnalyzeMain");
    command.addAll(
        List.of(
            "--input",
            traffic.toString(),
            own.toString(),
            "--output",
            out.toString(),
            "--master",
            "local[2]",
            "--token-key-file",
            keyFile.toString()));
    command.addAll(List.of(extra));
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(console.toFile());
    builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    builder.environment().remove("TRAFFIC_TOKEN_KEY");
    Process process = builder.start();
    if (!process.waitFor(10, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("analyze did not finish in 10 minutes");
    }
    return new Run(
        process.exitValue(), out, Files.readString(console, StandardCharsets.ISO_8859_1));
  }

  private static String tail(String text) {
    return text.length() <= 4000 ? text : text.substring(text.length() - 4000);
  }
}
