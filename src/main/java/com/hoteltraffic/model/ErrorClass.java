package com.hoteltraffic.model;

/**
 * The product's error classes ({@code error_class}), as listed in the output contract. An exchange
 * is an error when its class is anything but {@link #OK}.
 */
public final class ErrorClass {
  private ErrorClass() {}

  public static final String OK = "ok";
  public static final String INVALID_REQUEST = "invalid_request";
  public static final String AUTH = "auth";
  public static final String PERMISSION = "permission";
  public static final String PAYMENT = "payment";
  public static final String NOT_FOUND = "not_found";
  public static final String RATE_LIMITED = "rate_limited";
  public static final String QUOTA_EXCEEDED = "quota_exceeded";
  public static final String PRODUCT = "product";
  public static final String SERVER_ERROR = "server_error";
  public static final String UPSTREAM_UNAVAILABLE = "upstream_unavailable";
  public static final String TIMEOUT = "timeout";
  public static final String NO_RESPONSE = "no_response";
  public static final String MISROUTED = "misrouted";
  public static final String UNDOCUMENTED = "undocumented";

  /** All classes, in the order the contract lists them. */
  public static final java.util.List<String> ALL =
      java.util.List.of(
          OK,
          INVALID_REQUEST,
          AUTH,
          PERMISSION,
          PAYMENT,
          NOT_FOUND,
          RATE_LIMITED,
          QUOTA_EXCEEDED,
          PRODUCT,
          SERVER_ERROR,
          UPSTREAM_UNAVAILABLE,
          TIMEOUT,
          NO_RESPONSE,
          MISROUTED,
          UNDOCUMENTED);
}
