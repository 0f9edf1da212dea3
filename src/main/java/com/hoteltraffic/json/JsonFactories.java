package com.hoteltraffic.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The one place where the Jackson factories that read input and bodies are made, so that they all
 * share the same limits.
 *
 * <p>Jackson refuses strings over 20 million characters by default; docs/messy-input.md promises
 * that only records over {@value #MAX_RECORD_BYTES} bytes are refused, and a string inside such a
 * record has at most that many characters, so that is the string limit here. The other limits
 * (document length: none; nesting depth, number and name lengths) keep Jackson's defaults, which no
 * valid record comes near.
 */
public final class JsonFactories {
  /** Longest JSON Lines record (line) read whole; longer lines are quarantined. */
  public static final int MAX_RECORD_BYTES = 64 * 1024 * 1024;

  /** Longest JSON string read: as many characters as the longest record kept has bytes. */
  public static final int MAX_STRING_CHARS = MAX_RECORD_BYTES;

  private JsonFactories() {}

  /** The limits every reading factory uses. */
  public static StreamReadConstraints readConstraints() {
    StreamReadConstraints defaults = StreamReadConstraints.defaults();
    return StreamReadConstraints.builder()
        .maxStringLength(Math.max(MAX_STRING_CHARS, defaults.getMaxStringLength()))
        .build();
  }

  /** A new streaming factory with {@link #readConstraints()}. */
  public static JsonFactory factory() {
    return JsonFactory.builder().streamReadConstraints(readConstraints()).build();
  }

  /** A new mapper whose factory has {@link #readConstraints()}. */
  public static ObjectMapper mapper() {
    return new ObjectMapper(factory());
  }

  /**
   * Why Jackson refused the input, without quoting any of it (its messages may quote content, which
   * may be a secret): the limit broken, or "not valid JSON" and the column when known.
   */
  public static String reason(JsonProcessingException e) {
    if (e instanceof StreamConstraintsException) {
      return "exceeds a JSON reading limit: " + limitName(e);
    }
    JsonLocation location = e.getLocation();
    return location == null || location.getColumnNr() < 0
        ? "not valid JSON"
        : "not valid JSON (column " + location.getColumnNr() + ")";
  }

  /**
   * Jackson's constraint messages hold counts only, e.g. "String value length (N) exceeds the
   * maximum allowed (M, from `...`)": kept without the pointer to Jackson's API.
   */
  private static String limitName(JsonProcessingException e) {
    String message = e.getOriginalMessage();
    if (message == null || message.isBlank()) {
      return "unknown limit";
    }
    int from = message.indexOf(", from ");
    String kept = from > 0 ? message.substring(0, from) + ")" : message;
    return kept.replaceAll("[^A-Za-z0-9 (),.]", "");
  }
}
