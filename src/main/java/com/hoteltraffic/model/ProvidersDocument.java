package com.hoteltraffic.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The bundled {@code providers.json}, read once, for the data parts of it the model keeps. */
final class ProvidersDocument {
  static final String RESOURCE = "/providers.json";

  private ProvidersDocument() {}

  /** The bundled document (read on first use). */
  static JsonNode builtIn() {
    return Holder.DOCUMENT;
  }

  private static final class Holder {
    static final JsonNode DOCUMENT = read();
  }

  private static JsonNode read() {
    try (InputStream in = ProvidersDocument.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("providers.json is missing from the classpath");
      }
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the built-in providers.json", e);
    }
  }
}
