package com.hoteltraffic.classify;

import com.hoteltraffic.model.ErrorClass;
import com.hoteltraffic.model.Provider;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * Classifies one recorded response into the providers' documented taxonomy. All provider knowledge
 * is in the {@link Taxonomy}; this class is the order in which it is applied:
 *
 * <ol>
 *   <li>No response → {@code TIMEOUT} (class timeout) when the recorded reason is a timeout ({@link
 *       Taxonomy#isTimeoutReason}), else {@code NO_RESPONSE} (class no_response).
 *   <li>2xx → the documented success entry ({@code OK}); the body is never read.
 *   <li>1xx and 3xx (a websocket upgrade 101, a 304 Not Modified) → not an error for any provider:
 *       class ok, named like a 2xx the taxonomy does not list; the body is never read.
 *   <li>A provider whose bodies are not read ({@link Provider#UNKNOWN}) → {@code HTTP_<status>},
 *       undocumented.
 *   <li>A detection rule on a response header (Hotelbeds' {@code X-Mashery-Error-Code}) → the entry
 *       the rule names, whatever the body says.
 *   <li>The code the body names (CASY's {@code error} field; Hotelbeds' formatted error type, token
 *       dropped) → its entry at this status, or the code as seen, undocumented.
 *   <li>The status's body-phrase detection rules → the entry the rule names.
 *   <li>The status's fallback ({@link Taxonomy#statusFallback}); a status the taxonomy does not
 *       list → {@code HTTP_<status>}, undocumented.
 * </ol>
 *
 * <p>Runs once per record: no regular expressions, the body is read only for non-2xx statuses of
 * providers that have a body format, and only its first {@link ErrorBodyReader#MAX_SCANNED_CHARS}
 * characters. Immutable and {@link Serializable}: ship it to Spark executors in a closure.
 */
public final class ResponseClassifier implements Serializable {
  private static final long serialVersionUID = 1L;

  /** A code kept as seen is cut to this length, so a hostile body cannot flood the reports. */
  static final int MAX_CODE_LENGTH = 64;

  /** The separator between a Hotelbeds formatted error type and its per-response token. */
  private static final char FORMATTED_TYPE_END = '-';

  private static final String SUCCESS_CODE = "OK";

  private final Taxonomy taxonomy;

  public ResponseClassifier(Taxonomy taxonomy) {
    this.taxonomy = taxonomy;
  }

  /** A classifier over the taxonomy bundled in the jar. */
  public static ResponseClassifier withDefaultTaxonomy() {
    return new ResponseClassifier(Taxonomy.loadDefault());
  }

  public Taxonomy taxonomy() {
    return taxonomy;
  }

  /**
   * Classifies one exchange.
   *
   * @param provider a {@link Provider} name
   * @param httpStatus the response status, or null when no response came back
   * @param headers response headers with lower-cased names (empty, never null)
   * @param body the response body as text (JSON, XML or anything), may be null or empty
   * @param noResponseReason the recording's {@code error} field ("timeout", ...), may be null
   */
  public Classification classify(
      String provider,
      Integer httpStatus,
      Map<String, String> headers,
      String body,
      String noResponseReason) {
    if (httpStatus == null) {
      return noResponse(provider, noResponseReason);
    }
    int status = httpStatus;
    Taxonomy.BodyCodeSource codeSource = taxonomy.codeFromBodyOrNull(provider);
    if (status >= 100 && status < 400) {
      // 1xx, 2xx and 3xx: not errors, whatever the provider's rules say about error statuses.
      return success(provider, status, codeSource != null);
    }
    if (codeSource == null) {
      return Classification.undocumented(Classification.codeForStatus(status));
    }

    // A gateway header names the sub-case for sure (seed 004: "check the body or the header to be
    // sure"); whatever the body says, a documented header value decides.
    Classification byHeader =
        matchDetectionRule(provider, status, headers, body, DetectionRule.Match.HEADER_EQUALS);
    if (byHeader != null) {
      return byHeader;
    }

    String codeInBody = codeFromBody(codeSource, body);
    if (codeInBody != null) {
      Classification documented = taxonomy.documentedOrNull(provider, status, codeInBody);
      return documented != null ? documented : Classification.undocumented(codeInBody);
    }

    Classification byPhrase =
        matchDetectionRule(provider, status, headers, body, DetectionRule.Match.BODY_CONTAINS);
    if (byPhrase != null) {
      return byPhrase;
    }

    Classification fallback = taxonomy.statusFallbackOrNull(provider, status);
    return fallback != null
        ? fallback
        : Classification.undocumented(Classification.codeForStatus(status));
  }

  private Classification noResponse(String provider, String reason) {
    return taxonomy.noResponseEntry(provider, reason).classification();
  }

  /**
   * A 1xx, 2xx or 3xx: documented when the taxonomy lists the status; otherwise still a success,
   * named after its status for a provider the taxonomy describes and plain {@code OK} for an
   * unknown one.
   */
  private Classification success(String provider, int status, boolean providerDescribed) {
    Classification documented = taxonomy.statusFallbackOrNull(provider, status);
    if (documented != null) {
      return documented;
    }
    String code = providerDescribed ? Classification.codeForStatus(status) : SUCCESS_CODE;
    return new Classification(code, ErrorClass.OK, false, false);
  }

  /** The code the body names, in the provider's format; null when it names none. */
  private static String codeFromBody(Taxonomy.BodyCodeSource codeSource, String body) {
    String code =
        switch (codeSource) {
          case JSON_ERROR_FIELD -> ErrorBodyReader.topLevelErrorString(body);
          case FORMATTED_ERROR_TYPE -> formattedType(ErrorBodyReader.formattedErrorCode(body));
        };
    if (code == null) {
      return null;
    }
    String trimmed = code.trim();
    if (trimmed.isEmpty()) {
      return null;
    }
    return trimmed.length() > MAX_CODE_LENGTH ? trimmed.substring(0, MAX_CODE_LENGTH) : trimmed;
  }

  /** {@code INVALID_REQUEST-0DE456A5...} → {@code INVALID_REQUEST}: the token is per response. */
  private static String formattedType(String formattedCode) {
    if (formattedCode == null) {
      return null;
    }
    int end = formattedCode.indexOf(FORMATTED_TYPE_END);
    return end < 0 ? formattedCode : formattedCode.substring(0, end);
  }

  /** The first of the status's detection rules of kind {@code match} that holds, as its entry. */
  private Classification matchDetectionRule(
      String provider,
      int status,
      Map<String, String> headers,
      String body,
      DetectionRule.Match match) {
    List<DetectionRule> rules = taxonomy.rulesAt(provider, status);
    if (rules.isEmpty()) {
      return null;
    }
    Map<String, String> safeHeaders = headers == null ? Map.of() : headers;
    String lowerCaseBody = null;
    for (DetectionRule rule : rules) {
      if (rule.match() != match) {
        continue;
      }
      // Lower-case the body at most once, and only if a phrase rule is reached.
      if (lowerCaseBody == null && rule.match() == DetectionRule.Match.BODY_CONTAINS) {
        lowerCaseBody = ErrorBodyReader.lowerCaseScannedPart(body);
      }
      if (rule.matches(safeHeaders, lowerCaseBody)) {
        return taxonomy.documentedOrNull(provider, status, rule.errorCode());
      }
    }
    return null;
  }
}
