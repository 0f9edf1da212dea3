package com.hoteltraffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.hoteltraffic.classify.ExchangeInterpreter;
import com.hoteltraffic.classify.ProviderRules;
import com.hoteltraffic.classify.ResponseClassifier;
import com.hoteltraffic.classify.TokenPseudonymizer;
import com.hoteltraffic.cli.AnalyzeMainAccess;
import com.hoteltraffic.generate.GeneratorConfig;
import com.hoteltraffic.generate.TrafficGenerator;
import com.hoteltraffic.ingest.JsonLinesParser;
import com.hoteltraffic.ingest.MalformedRecordException;
import com.hoteltraffic.job.AnalyzeJob;
import com.hoteltraffic.json.JsonFactories;
import com.hoteltraffic.model.RecordedExchange;
import com.hoteltraffic.testing.TrafficLines;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Thousands of deterministically corrupted copies of valid generator lines (cut, byte-flipped,
 * fields retyped, invalid UTF-8, odd headers, extreme timestamps, stray CR/NUL/LF) in one file,
 * read by one run of the command line: the run must succeed, and every line must be accounted for
 * as an exchange, a quarantined record or a blank line.
 */
class MutationTest {
  private static final long SEED = 20261122L;
  private static final int MUTANTS = 4000;

  /** How a mutant was made; each kind gets an equal share. */
  enum Kind {
    CUT,
    FLIP,
    RETYPE,
    INVALID_UTF8,
    HEADERS,
    EXTREME_TS,
    STRAY_BYTES
  }

  @TempDir static Path work;
  private static byte[] input;
  private static int exit;
  private static JsonNode summary;

  @BeforeAll
  static void mutateAndAnalyze() throws IOException {
    Path generated = work.resolve("generated");
    TrafficGenerator.generate(
        GeneratorConfig.builder().outDir(generated).seed(11).days(2).exchangesPerDay(150).build());
    List<String> valid = TrafficLines.jsonLines(generated.resolve(TrafficGenerator.TRAFFIC_DIR));
    Random random = new Random(SEED);
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    Kind[] all = Kind.values();
    for (int i = 0; i < MUTANTS; i++) {
      Kind kind = all[i % all.length];
      byte[] line = valid.get(random.nextInt(valid.size())).getBytes(StandardCharsets.UTF_8);
      file.write(mutate(kind, line, random));
      file.write('\n');
    }
    input = file.toByteArray();
    Path inputDir = Files.createDirectories(work.resolve("in"));
    Files.write(inputDir.resolve("mutants.jsonl"), input);
    exit =
        AnalyzeMainAccess.run(
            "--input",
            inputDir.toString(),
            "--output",
            work.resolve("out").toString(),
            "--master",
            "local[2]");
    summary =
        new ObjectMapper().readTree(work.resolve("out").resolve(AnalyzeJob.SUMMARY_FILE).toFile());
  }

  @Test
  void runSucceedsAndEveryLineIsAccountedFor() throws IOException {
    assertEquals(0, exit, "exit status on a file of corrupted lines");
    LineCounts expected = LineCounts.of(input);
    assertEquals(1, summary.get("files").size(), "files read");
    JsonNode file = summary.get("files").get(0);
    long lines = file.get("lines").asLong();
    long exchanges = file.get("exchanges").asLong();
    long quarantined = file.get("quarantined").asLong();
    long blank = file.get("blank").asLong();
    assertEquals(expected.lines, lines, "lines read");
    assertEquals(expected.blank, blank, "blank lines");
    assertTrue(blank > 0, "some mutants are white space only");
    assertEquals(lines, exchanges + quarantined + blank, "lines = exchanges + quarantined + blank");
    assertEquals(
        expected.lines - expected.blank,
        exchanges + quarantined,
        "every non-blank mutant line is an exchange or quarantined");
    assertEquals(
        quarantined,
        Files.readAllLines(work.resolve("out/quarantine/records.jsonl")).size(),
        "quarantine records");
    assertTrue(
        file.get("corrupt_reason").isNull(), "a plain file of bad lines is not a corrupt file");
  }

  /**
   * The same lines through the parser and interpreter without Spark: names the mutant behind any
   * exception, and says how many must be exchanges, which the run must match exactly.
   */
  @Test
  void eachMutantIsReadOrRefusedWithoutAnExceptionAndTheRunAgrees() {
    ExchangeInterpreter interpreter =
        new ExchangeInterpreter(
            ProviderRules.loadDefault(),
            ResponseClassifier.withDefaultTaxonomy(),
            new TokenPseudonymizer(null),
            false);
    JsonLinesParser parser =
        new JsonLinesParser(JsonFactories.mapper().getFactory(), interpreter.bodyNeeds());
    long accepted = 0;
    long repaired = 0;
    List<String> crashes = new ArrayList<>();
    int start = 0;
    int lineNumber = 0;
    for (int i = 0; i < input.length; i++) {
      if (input[i] != '\n') {
        continue;
      }
      byte[] line = LineCounts.stripCr(Arrays.copyOfRange(input, start, i));
      start = i + 1;
      lineNumber++;
      if (LineCounts.isBlank(line)) {
        continue;
      }
      try {
        RecordedExchange raw = parser.parse(line, 0, line.length);
        interpreter.interpret(raw);
        accepted++;
        repaired += raw.repairedUtf8() ? 1 : 0;
      } catch (MalformedRecordException e) {
        // refused: quarantined by the job
      } catch (RuntimeException e) {
        crashes.add("line " + lineNumber + ": " + e);
      }
    }
    assertEquals(List.of(), crashes, "lines that threw instead of being read or refused");
    JsonNode counts = summary.get("counts");
    assertEquals(
        accepted, counts.get("exchanges").asLong(), "exchanges: the run against the parser alone");
    assertEquals(
        repaired,
        counts.get("repaired_utf8").asLong(),
        "repaired_utf8: the run against the parser");
    assertTrue(
        repaired > 0, "some mutants with invalid UTF-8 inside a string are kept: " + repaired);
    assertTrue(
        accepted > MUTANTS / 10 && counts.get("quarantined").asLong() > MUTANTS / 10,
        "the mutants mix kept and refused lines: " + accepted + " kept");
  }

  @Test
  void quarantineReasonsNameTheProblemNotTheContent() throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    List<String> leaking = new ArrayList<>();
    for (String line : Files.readAllLines(work.resolve("out/quarantine/records.jsonl"))) {
      String reason = mapper.readTree(line).get("reason").asText();
      if (reason.contains("Bearer")
          || reason.contains("casy_")
          || reason.contains("\"")
          || reason.length() > 120) {
        leaking.add(reason);
      }
    }
    assertEquals(List.of(), leaking, "quarantine reasons that quote record content");
  }

  // ---- mutation operators ----

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final List<Supplier<JsonNode>> ODD_VALUES =
      List.of(
          () -> NODES.textNode("abc"),
          NODES::objectNode,
          () -> NODES.booleanNode(true),
          () -> NODES.numberNode(5),
          NODES::arrayNode,
          NODES::nullNode,
          () -> NODES.numberNode(-1),
          () -> NODES.numberNode(1e308),
          () -> NODES.numberNode(new java.math.BigInteger("99999999999999999999999")),
          () -> NODES.textNode(""),
          () -> NODES.arrayNode().addNull(),
          () -> NODES.numberNode(Long.MAX_VALUE),
          () -> NODES.numberNode(0.5));
  private static final String[][] FIELDS = {
    {"ts"},
    {"duration_ms"},
    {"request"},
    {"request", "method"},
    {"request", "url"},
    {"request", "headers"},
    {"request", "body"},
    {"response"},
    {"response", "status"},
    {"response", "headers"},
    {"response", "body"},
    {"error"},
    {"id"},
    {"provider"}
  };
  private static final byte[][] INVALID_UTF8 = {
    {(byte) 0xff},
    {(byte) 0xc3},
    {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
    {(byte) 0xe2, (byte) 0x82},
    {(byte) 0xc0, (byte) 0xaf},
    {(byte) 0x80}
  };
  private static final Supplier<JsonNode>[] EXTREME_TS = extremeTimestamps();

  @SuppressWarnings("unchecked")
  private static Supplier<JsonNode>[] extremeTimestamps() {
    return new Supplier[] {
      () -> NODES.numberNode(0L),
      () -> NODES.numberNode(-62135596800001L),
      () -> NODES.numberNode(253402300800000L),
      () -> NODES.numberNode(32503680000000L),
      () -> NODES.textNode("2999-01-01T00:00:00Z"),
      () -> NODES.textNode("+10000-01-01T00:00:00Z"),
      () -> NODES.textNode("1970-01-01T00:00:00Z"),
      () -> NODES.numberNode(Long.MIN_VALUE),
      () -> NODES.textNode("2026-11-19T10:00:05")
    };
  }

  static byte[] mutate(Kind kind, byte[] line, Random random) throws IOException {
    return switch (kind) {
      case CUT -> Arrays.copyOf(line, random.nextInt(line.length));
      case FLIP -> {
        byte[] flipped = line.clone();
        for (int n = 1 + random.nextInt(8); n > 0; n--) {
          flipped[random.nextInt(flipped.length)] = (byte) random.nextInt(256);
        }
        yield flipped;
      }
      case RETYPE -> {
        ObjectNode record = asObject(line);
        if (record == null) {
          yield line;
        }
        String[] path = FIELDS[random.nextInt(FIELDS.length)];
        JsonNode parent = path.length == 1 ? record : record.get(path[0]);
        if (parent instanceof ObjectNode object) {
          object.set(
              path[path.length - 1], ODD_VALUES.get(random.nextInt(ODD_VALUES.size())).get());
        }
        yield bytes(record);
      }
      case INVALID_UTF8 ->
          insert(
              line,
              random.nextInt(line.length + 1),
              INVALID_UTF8[random.nextInt(INVALID_UTF8.length)]);
      case HEADERS -> {
        ObjectNode record = asObject(line);
        if (record == null || !(record.get("request") instanceof ObjectNode request)) {
          yield line;
        }
        ArrayNode headers = NODES.arrayNode();
        headers.addNull();
        headers.addObject().put("name", "Accept").put("value", "application/json");
        headers.addObject().put("name", "accept").put("value", "text/xml");
        headers.addObject().putNull("name").put("value", "x");
        headers.addObject().put("name", "X-Odd").putNull("value");
        headers.add(7);
        headers.addArray().add("Accept").add("x");
        JsonNode original = request.get("headers");
        if (original instanceof ArrayNode array) {
          headers.addAll(array);
          headers.addAll(array); // every header twice
        }
        request.set("headers", headers);
        yield bytes(record);
      }
      case EXTREME_TS -> {
        ObjectNode record = asObject(line);
        if (record == null) {
          yield line;
        }
        record.set("ts", EXTREME_TS[random.nextInt(EXTREME_TS.length)].get());
        yield bytes(record);
      }
      case STRAY_BYTES -> {
        if (random.nextInt(8) == 0) {
          yield new byte[] {' ', '\t', '\r'}; // a line of white space only: blank, not quarantined
        }
        byte[][] strays = {{'\r'}, {0}, {'\n'}, {'\r', '\n'}, {' ', '\t'}};
        yield insert(line, random.nextInt(line.length + 1), strays[random.nextInt(strays.length)]);
      }
    };
  }

  private static ObjectNode asObject(byte[] line) {
    try {
      return new ObjectMapper().readTree(line) instanceof ObjectNode object ? object : null;
    } catch (IOException e) {
      return null; // the generator's own deliberately broken lines: left as they are
    }
  }

  private static byte[] bytes(JsonNode node) throws IOException {
    return new ObjectMapper().writeValueAsBytes(node);
  }

  private static byte[] insert(byte[] line, int at, byte[] what) {
    byte[] out = new byte[line.length + what.length];
    System.arraycopy(line, 0, out, 0, at);
    System.arraycopy(what, 0, out, at, what.length);
    System.arraycopy(line, at, out, at + what.length, line.length - at);
    return out;
  }

  /**
   * Lines and blank lines as the JSON Lines reader counts them: LF ends a line, a trailing CR is
   * dropped.
   */
  static final class LineCounts {
    long lines;
    long blank;

    static LineCounts of(byte[] file) {
      LineCounts counts = new LineCounts();
      int start = 0;
      for (int i = 0; i < file.length; i++) {
        if (file[i] == '\n') {
          counts.lines++;
          counts.blank += isBlank(stripCr(Arrays.copyOfRange(file, start, i))) ? 1 : 0;
          start = i + 1;
        }
      }
      return counts;
    }

    static byte[] stripCr(byte[] line) {
      return line.length > 0 && line[line.length - 1] == '\r'
          ? Arrays.copyOf(line, line.length - 1)
          : line;
    }

    static boolean isBlank(byte[] line) {
      for (byte b : line) {
        if (b != ' ' && b != '\t' && b != '\r') {
          return false;
        }
      }
      return true;
    }
  }
}
