package com.hoteltraffic.ingest;

import java.util.Locale;
import java.util.Optional;

/**
 * The recording formats the job reads; chosen from a file's name unless {@code --format} forces
 * one.
 */
public enum InputFormat {
  /**
   * One exchange record a line: {@code .jsonl}, {@code .ndjson}, {@code .json}, each optionally
   * {@code .gz}.
   */
  JSONL,
  /** HAR 1.2, {@code .har} or {@code .har.gz}: one JSON document holding {@code log.entries[]}. */
  HAR;

  /** The format a file name announces, or empty for a file the job does not read. */
  public static Optional<InputFormat> fromFileName(String fileName) {
    String name = stripGzip(fileName.toLowerCase(Locale.ROOT));
    if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) {
      return Optional.of(JSONL);
    }
    if (name.endsWith(".har")) {
      return Optional.of(HAR);
    }
    return Optional.empty();
  }

  /** Parses a {@code --format} value: {@code jsonl} or {@code har}. */
  public static Optional<InputFormat> fromOption(String value) {
    for (InputFormat format : values()) {
      if (format.name().equalsIgnoreCase(value)) {
        return Optional.of(format);
      }
    }
    return Optional.empty();
  }

  public static boolean isGzip(String fileName) {
    return fileName.toLowerCase(Locale.ROOT).endsWith(".gz");
  }

  private static String stripGzip(String name) {
    return name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
  }
}
