package com.hoteltraffic.classify;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.Serializable;
import java.util.Locale;
import java.util.Map;

/**
 * A data rule that recognises a documented code from a response header or a phrase in the body, for
 * responses whose body names no code (Hotelbeds' gateway 403 sub-cases, "Insufficient allotment",
 * ...). Rules of one (provider, status) are tried in file order; the first match wins.
 *
 * <p>Header names and body phrases are stored lower-cased: headers reach the classifier with
 * lower-cased names and body phrases match case-insensitively.
 *
 * @param provider a {@link com.hoteltraffic.model.Provider} name
 * @param httpStatus the status the rule applies to
 * @param match how the rule matches
 * @param header for {@link Match#HEADER_EQUALS}: the header name
 * @param value the header value (compared ignoring case) or the body phrase
 * @param errorCode the code of the taxonomy entry a match means, at the same provider and status
 * @param source where the rule comes from
 */
public record DetectionRule(
    @JsonProperty("provider") String provider,
    @JsonProperty("http_status") Integer httpStatus,
    @JsonProperty("match") Match match,
    @JsonProperty("header") String header,
    @JsonProperty("value") String value,
    @JsonProperty("error_code") String errorCode,
    @JsonProperty("source") String source)
    implements Serializable {

  /** How a rule looks at a response. */
  public enum Match {
    /** A response header equals {@code value}, ignoring case and surrounding blanks. */
    @JsonProperty("header_equals")
    HEADER_EQUALS,
    /** The (bounded) body contains {@code value}, ignoring case. */
    @JsonProperty("body_contains")
    BODY_CONTAINS
  }

  public DetectionRule {
    header = header == null ? null : header.toLowerCase(Locale.ROOT);
    if (match == Match.BODY_CONTAINS && value != null) {
      value = value.toLowerCase(Locale.ROOT);
    }
  }

  /**
   * Whether the response matches.
   *
   * @param headers response headers with lower-cased names
   * @param lowerCaseBody the scanned part of the body, lower-cased (empty when there is none)
   */
  boolean matches(Map<String, String> headers, String lowerCaseBody) {
    return switch (match) {
      case HEADER_EQUALS -> {
        String seen = headers.get(header);
        yield seen != null && seen.trim().equalsIgnoreCase(value);
      }
      case BODY_CONTAINS -> lowerCaseBody.contains(value);
    };
  }
}
