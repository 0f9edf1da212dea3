package com.hoteltraffic.ingest;

import java.util.HashMap;
import java.util.Map;

/**
 * One recorded exchange as read from a JSON Lines record or a HAR entry, before interpretation.
 * Header names are lower-cased. A body is {@code null} when absent or when the reader skipped it
 * because nothing downstream needs it (see {@link BodyNeeds}).
 */
public final class RawExchange {
  long tsMillis;
  Long durationMs;
  String requestId;
  String providerHint;
  String method;
  String url;
  final Map<String, String> requestHeaders = new HashMap<>(4);
  String requestBody;
  /** Null when no response came back. */
  Integer status;
  final Map<String, String> responseHeaders = new HashMap<>(8);
  String responseBody;
  /** Why no response came back (the record's {@code error}, HAR's {@code _error}). */
  String error;
  /** The record held bytes that are not UTF-8 and was read with U+FFFD in their place. */
  boolean repairedUtf8;

  public long tsMillis() {
    return tsMillis;
  }

  public Long durationMs() {
    return durationMs;
  }

  public String requestId() {
    return requestId;
  }

  public String providerHint() {
    return providerHint;
  }

  public String method() {
    return method;
  }

  public String url() {
    return url;
  }

  public Map<String, String> requestHeaders() {
    return requestHeaders;
  }

  public String requestBody() {
    return requestBody;
  }

  public Integer status() {
    return status;
  }

  public Map<String, String> responseHeaders() {
    return responseHeaders;
  }

  public String responseBody() {
    return responseBody;
  }

  public String error() {
    return error;
  }

  public boolean repairedUtf8() {
    return repairedUtf8;
  }

  /** Keeps the first value of a repeated header, and ignores null names or values. */
  static void putHeader(Map<String, String> headers, String name, String value) {
    if (name == null || value == null) {
      return;
    }
    headers.putIfAbsent(name.toLowerCase(java.util.Locale.ROOT), value);
  }
}
