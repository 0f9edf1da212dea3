package com.hoteltraffic.model;

import java.util.Map;

/**
 * One recorded request and its response as a reader found them, before interpretation: the seam
 * between reading ({@code ingest}) and classifying ({@code classify}). Header names are
 * lower-cased. A body is {@code null} when absent or when the reader skipped it because nothing
 * downstream needs it (see {@link BodyNeeds}).
 */
public interface RecordedExchange {
  long tsMillis();

  /** Null when the recording gives no duration. */
  Long durationMs();

  String requestId();

  /** The record's own provider field, if it has one. */
  String providerHint();

  String method();

  String url();

  Map<String, String> requestHeaders();

  String requestBody();

  /** Null when no response came back. */
  Integer status();

  Map<String, String> responseHeaders();

  String responseBody();

  /** Why no response came back (the record's {@code error}, HAR's {@code _error}). */
  String error();

  /** The record held bytes that are not UTF-8 and was read with U+FFFD in their place. */
  boolean repairedUtf8();
}
