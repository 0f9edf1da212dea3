package com.hoteltraffic.model;

import java.util.Set;

/**
 * Tells a reader which bodies and headers are worth materialising. Most traffic is successful reads
 * whose bodies no report looks at; skipping them without decoding is the biggest saving of the
 * parse. When a reader cannot decide yet (the body comes before the URL or the status), it keeps
 * the body.
 */
public interface BodyNeeds {
  boolean requestBody(String method, String url);

  boolean responseBody(String method, String url, int status);

  /**
   * The headers (lower-cased names) anything downstream reads, request and response alike; a reader
   * keeps only these and skips the others' values undecoded. Null (the default): every header.
   */
  default Set<String> headers() {
    return null;
  }

  /** Keeps every body: for tests and tools that want the whole record. */
  BodyNeeds ALL = always(true);

  /** Keeps no body: records are still read whole, only their bodies are skipped. */
  BodyNeeds NONE = always(false);

  private static BodyNeeds always(boolean keep) {
    return new BodyNeeds() {
      @Override
      public boolean requestBody(String method, String url) {
        return keep;
      }

      @Override
      public boolean responseBody(String method, String url, int status) {
        return keep;
      }
    };
  }
}
