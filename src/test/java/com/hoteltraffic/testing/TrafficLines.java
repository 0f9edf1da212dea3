package com.hoteltraffic.testing;

import com.hoteltraffic.classify.ExchangeInterpreter;
import com.hoteltraffic.classify.ProviderRules;
import com.hoteltraffic.classify.ResponseClassifier;
import com.hoteltraffic.classify.TokenPseudonymizer;
import com.hoteltraffic.ingest.JsonLinesParser;
import com.hoteltraffic.ingest.MalformedRecordException;
import com.hoteltraffic.json.JsonFactories;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * The JSON Lines records of generated traffic, read back as text for tests that build inputs from
 * them.
 */
public final class TrafficLines {
  private TrafficLines() {}

  /**
   * Non-blank lines of every {@code .jsonl} and {@code .jsonl.gz} file under {@code dir}, in path
   * order.
   */
  public static List<String> jsonLines(Path dir) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files =
          walk.filter(p -> p.toString().endsWith(".jsonl") || p.toString().endsWith(".jsonl.gz"))
              .sorted()
              .toList();
    }
    List<String> lines = new ArrayList<>();
    for (Path file : files) {
      try (InputStream raw = Files.newInputStream(file);
          InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw) {
        for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
          if (!line.isBlank()) {
            lines.add(line);
          }
        }
      }
    }
    return lines;
  }

  /**
   * The lines of {@link #jsonLines} that the job reads as exchanges (the generator also writes
   * broken ones).
   */
  public static List<String> validJsonLines(Path dir) throws IOException {
    ExchangeInterpreter interpreter =
        new ExchangeInterpreter(
            ProviderRules.loadDefault(),
            ResponseClassifier.withDefaultTaxonomy(),
            new TokenPseudonymizer(null),
            false);
    JsonLinesParser parser =
        new JsonLinesParser(JsonFactories.mapper().getFactory(), interpreter.bodyNeeds());
    List<String> valid = new ArrayList<>();
    for (String line : jsonLines(dir)) {
      byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
      try {
        parser.parse(bytes, 0, bytes.length);
        valid.add(line);
      } catch (MalformedRecordException e) {
        // one of the generator's deliberately broken lines
      }
    }
    return valid;
  }

  /** All files under {@code dir}, in path order. */
  public static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile).sorted().toList();
    }
  }
}
