package com.hoteltraffic.model;

import java.util.ArrayList;
import java.util.List;

/**
 * One exchange after interpretation and classification: a row of {@code tables/exchanges} in the
 * making, with the fields of {@link ExchangeSchema}. A plain carrier, filled by the classify step
 * and turned into a Spark row by the reader; it never holds a raw credential.
 */
public final class ClassifiedExchange {
  public long tsMillis;
  public Long durationMs;
  public String requestId;
  public String provider;
  public String operation;
  public String method;
  public String host;

  /** {@link Environment} of the host: production or the provider's test system. */
  public String environment;

  public String path;
  public String hotelId;

  /**
   * Hash of method, URL and request body (see the classify step's RequestFingerprint); never the
   * body.
   */
  public String requestFingerprint;

  public String tokenId;
  public String tokenHint;
  public Integer httpStatus;
  public String errorCode;
  public String errorClass;
  public boolean retryable;
  public boolean documented;
  public String noResponseReason;
  public Integer rateLimitLimit;
  public Integer rateLimitWindowSeconds;
  public String clientReference;
  public String checkIn;
  public String checkOut;
  public String holderName;
  public String listClientReference;
  public String listFilterType;
  public String listStart;
  public String listEnd;
  public String listStatus;
  public Integer listFrom;
  public Integer listTo;
  public Integer listTotal;
  public final List<BookingFact> bookings = new ArrayList<>(1);

  /**
   * Which body said it was JSON or XML and could not be read ({@link #REQUEST_BODY} or {@link
   * #RESPONSE_BODY}), or null; not a column of the table, only counted for {@code
   * run_summary.json}.
   */
  public String unreadableBody;

  /** The format that body said it was: {@code json} or {@code xml}. */
  public String unreadableFormat;

  public static final String REQUEST_BODY = "request";
  public static final String RESPONSE_BODY = "response";

  public boolean isError() {
    return !ErrorClass.OK.equals(errorClass);
  }
}
