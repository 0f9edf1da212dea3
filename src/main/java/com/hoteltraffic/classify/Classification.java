package com.hoteltraffic.classify;

import com.hoteltraffic.model.ErrorClass;
import java.io.Serializable;

/**
 * The outcome of classifying one response: the {@code error_code}, {@code error_class}, {@code
 * retryable} and {@code documented} columns of the exchanges table.
 *
 * @param errorCode the provider's code as documented, or as seen when undocumented
 * @param errorClass one of {@link ErrorClass#ALL}
 * @param retryable whether resending the same request may succeed
 * @param documented false when the provider documents neither this status nor this code at it
 */
public record Classification(
    String errorCode, String errorClass, boolean retryable, boolean documented)
    implements Serializable {

  /** Prefix of a code made from the HTTP status when nothing names a code: {@code HTTP_418}. */
  public static final String HTTP_STATUS_CODE_PREFIX = "HTTP_";

  /** A status or code the documents do not list: kept as seen, never forced into a bucket. */
  static Classification undocumented(String codeAsSeen) {
    return new Classification(codeAsSeen, ErrorClass.UNDOCUMENTED, false, false);
  }

  static String codeForStatus(int httpStatus) {
    return HTTP_STATUS_CODE_PREFIX + httpStatus;
  }
}
