package com.hoteltraffic.generate;

import java.util.ArrayList;
import java.util.List;

/**
 * One generated request/response exchange: what goes into the files, plus the facts the ground
 * truth states about it (provider, hotel, credential, code, class), known from construction.
 */
final class Exchange {
  /** When the request was sent, epoch milliseconds UTC. */
  long tsMillis;

  long durationMs;

  String method;
  String url;
  final List<String[]> requestHeaders = new ArrayList<>(6);
  String requestBody;
  boolean requestBodyIsJson;

  /** Null when no response came back. */
  Integer status;

  final List<String[]> responseHeaders = new ArrayList<>(6);
  String responseBody;
  boolean responseBodyIsJson;

  /** Why no response came back ("timeout", "connection reset", ...); null with a response. */
  String error;

  // Ground truth.
  String provider;
  String hotelId = "";
  String token = "";
  String errorCode;
  String errorClass;

  /** CASY: the endpoint touches the hotel's tenant database (so a tenant outage fails it). */
  boolean touchesTenantDb;

  /**
   * A body written to say JSON or XML that cannot be read: {operation, body (request or response),
   * format}; null for every other exchange.
   */
  String[] unreadable;

  /** Scripted by an incident: outage overlays leave it alone. */
  boolean scripted;

  /** Where it is written; null = the provider's default channel. */
  Channel channel;

  Exchange requestHeader(String name, String value) {
    requestHeaders.add(new String[] {name, value});
    return this;
  }

  Exchange responseHeader(String name, String value) {
    responseHeaders.add(new String[] {name, value});
    return this;
  }

  /** Sets the response and its classification in one step, so the two never drift apart. */
  Exchange respond(
      int httpStatus, String body, boolean bodyIsJson, String code, String errorClassName) {
    this.status = httpStatus;
    this.responseBody = body;
    this.responseBodyIsJson = bodyIsJson && body != null;
    this.errorCode = code;
    this.errorClass = errorClassName;
    this.error = null;
    return this;
  }

  /** Marks the exchange as one that got no response. */
  Exchange noResponse(String reason) {
    this.status = null;
    this.responseBody = null;
    this.responseBodyIsJson = false;
    this.responseHeaders.clear();
    this.error = reason;
    boolean timeout = isTimeoutReason(reason);
    this.errorCode = timeout ? "TIMEOUT" : "NO_RESPONSE";
    this.errorClass = timeout ? "timeout" : "no_response";
    return this;
  }

  /**
   * The generator's own statement of which recorded reasons are timeouts (the truth the analyzer is
   * checked against): every reason the scenarios write is listed.
   */
  static boolean isTimeoutReason(String reason) {
    return switch (reason) {
      case "timeout",
          "Connection timeout: api.hotelbeds.com:443",
          "net::ERR_TIMED_OUT",
          "net::ERR_CONNECTION_TIMED_OUT",
          "ETIMEDOUT",
          "Read timed out" ->
          true;
      case "connection reset", "Server disconnected.", "net::ERR_CONNECTION_RESET", "ECONNRESET" ->
          false;
      default ->
          throw new IllegalArgumentException("reason not in the generator's truth: " + reason);
    };
  }

  boolean isError() {
    return !"ok".equals(errorClass);
  }

  String header(String name) {
    for (String[] header : requestHeaders) {
      if (header[0].equalsIgnoreCase(name)) {
        return header[1];
      }
    }
    return null;
  }
}
