package com.hoteltraffic.ingest;

import com.hoteltraffic.model.BodyNeeds;
import com.hoteltraffic.model.RecordedExchange;
import java.util.HashMap;
import java.util.Map;

/**
 * The readers' mutable {@link RecordedExchange}: one JSON Lines record or HAR entry, filled field
 * by field while it is parsed (see {@link BodyNeeds} for skipped bodies).
 */
public final class RawExchange implements RecordedExchange {
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

  @Override
  public long tsMillis() {
    return tsMillis;
  }

  @Override
  public Long durationMs() {
    return durationMs;
  }

  @Override
  public String requestId() {
    return requestId;
  }

  @Override
  public String providerHint() {
    return providerHint;
  }

  @Override
  public String method() {
    return method;
  }

  @Override
  public String url() {
    return url;
  }

  @Override
  public Map<String, String> requestHeaders() {
    return requestHeaders;
  }

  @Override
  public String requestBody() {
    return requestBody;
  }

  @Override
  public Integer status() {
    return status;
  }

  @Override
  public Map<String, String> responseHeaders() {
    return responseHeaders;
  }

  @Override
  public String responseBody() {
    return responseBody;
  }

  @Override
  public String error() {
    return error;
  }

  @Override
  public boolean repairedUtf8() {
    return repairedUtf8;
  }

  /** Keeps the first value of a repeated header (its name lower-cased), and ignores a null. */
  static void putKept(Map<String, String> headers, String lowerCaseName, String value) {
    if (value != null) {
      headers.putIfAbsent(lowerCaseName, value);
    }
  }
}
