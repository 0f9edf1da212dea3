package com.hoteltraffic.classify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hoteltraffic.json.JsonFactories;
import com.hoteltraffic.model.BodyNeeds;
import com.hoteltraffic.model.ClassifiedExchange;
import com.hoteltraffic.model.ErrorClass;
import com.hoteltraffic.model.Operation;
import com.hoteltraffic.model.Provider;
import com.hoteltraffic.model.RecordedExchange;
import java.io.Serializable;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Turns a {@link RecordedExchange} into a {@link ClassifiedExchange}: provider, operation, hotel
 * and credential pseudonym from the request, error code and class from the response, and the
 * booking facts reconciliation needs. The raw credential is dropped here; nothing after this step
 * sees it.
 *
 * <p>Serializable so Spark ships one copy to each task; the parsers it needs are made lazily on the
 * executor.
 */
public final class ExchangeInterpreter implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final String CASY_RATE_LIMITED = "rate_limited";
  private static final String CONTENT_TYPE = "content-type";
  private static final String[] NO_PSEUDONYM = new String[2];
  private static final int PSEUDONYM_CACHE_SIZE = 4096;

  /** Hotelbeds operations whose request body names a rateKey or client reference. */
  private static final Set<String> REQUEST_FACTS =
      Set.of(
          Operation.HB_BOOKING_CONFIRMATION, Operation.HB_CHECKRATES, Operation.HB_BOOKING_CHANGE);

  /** Hotelbeds operations whose successful response shows bookings. */
  private static final Set<String> RESPONSE_FACTS =
      Set.of(
          Operation.HB_BOOKING_CONFIRMATION,
          Operation.HB_BOOKING_LIST,
          Operation.HB_BOOKING_DETAIL,
          Operation.HB_BOOKING_CHANGE,
          Operation.HB_BOOKING_CANCELLATION);

  private final ProviderRules rules;
  private final ResponseClassifier classifier;
  private final TokenPseudonymizer tokens;
  private final boolean includePii;
  private transient ObjectMapper mapper;
  private transient String lastMethod;
  private transient String lastUrl;
  private transient String lastHint;
  private transient ProviderRules.Match lastMatch;
  private transient HotelbedsBookingFacts bookingFacts;
  private transient RequestFingerprint fingerprint;

  /** Token id and hint by provider and credential header value. */
  private transient Map<String, Map<String, String[]>> pseudonyms;

  /** Hosts and hotel ids repeat: one instance of each per task. */
  private transient TextInterner interner;

  public ExchangeInterpreter(
      ProviderRules rules,
      ResponseClassifier classifier,
      TokenPseudonymizer tokens,
      boolean includePii) {
    this.rules = rules;
    this.classifier = classifier;
    this.tokens = tokens;
    this.includePii = includePii;
  }

  /**
   * Which bodies the readers must keep: error responses, and Hotelbeds booking traffic. Bodies of
   * unknown hosts are kept too: the record's {@code provider} field, which the reader may not have
   * seen yet, can still name Hotelbeds behind a proxy.
   */
  public BodyNeeds bodyNeeds() {
    Set<String> headers = readHeaders();
    return new BodyNeeds() {
      @Override
      public Set<String> headers() {
        return headers;
      }

      @Override
      public boolean requestBody(String method, String url) {
        // Every body a request carries: the request fingerprint hashes it.
        return carriesBody(method) || needsBookingFacts(match(method, url, null), REQUEST_FACTS);
      }

      @Override
      public boolean responseBody(String method, String url, int status) {
        if (status < 200 || status >= 300) {
          return true;
        }
        return needsBookingFacts(match(method, url, null), RESPONSE_FACTS);
      }
    };
  }

  /**
   * Every header {@link #interpret} reads: the credential headers of the rules, the secret headers
   * an echoed value is checked against, {@code Content-Type}, and the headers of the taxonomy's
   * header rules.
   */
  private Set<String> readHeaders() {
    Set<String> headers = new HashSet<>(rules.credentialHeaders());
    headers.addAll(BodySecrets.SECRET_HEADERS);
    headers.add(CONTENT_TYPE);
    for (DetectionRule rule : classifier.taxonomy().detectionRules()) {
      if (rule.match() == DetectionRule.Match.HEADER_EQUALS && rule.header() != null) {
        headers.add(rule.header());
      }
    }
    return Set.copyOf(headers);
  }

  private static boolean carriesBody(String method) {
    return method != null
        && !"GET".equalsIgnoreCase(method)
        && !"HEAD".equalsIgnoreCase(method)
        && !"DELETE".equalsIgnoreCase(method)
        && !"OPTIONS".equalsIgnoreCase(method);
  }

  private static boolean needsBookingFacts(ProviderRules.Match match, Set<String> operations) {
    return Provider.UNKNOWN.equals(match.provider())
        || (Provider.HOTELBEDS.equals(match.provider()) && operations.contains(match.operation()));
  }

  public ClassifiedExchange interpret(RecordedExchange raw) {
    ProviderRules.Match match = match(raw.method(), raw.url(), raw.providerHint());
    ClassifiedExchange out = new ClassifiedExchange();
    out.tsMillis = raw.tsMillis();
    out.durationMs = raw.durationMs();
    out.requestId = raw.requestId();
    out.provider = match.provider();
    out.operation = match.operation();
    out.method = raw.method();
    out.host = match.host();
    out.environment = match.environment();
    out.path = match.path();
    out.hotelId = match.hotelId();
    out.requestFingerprint = fingerprint().of(raw.method(), raw.url(), raw.requestBody());

    String[] pseudonym = pseudonym(match.provider(), raw.requestHeaders());
    out.tokenId = pseudonym[0];
    out.tokenHint = pseudonym[1];

    Classification classification =
        classifier.classify(
            match.provider(), raw.status(), raw.responseHeaders(), raw.responseBody(), raw.error());
    if (!classification.documented()
        && BodySecrets.carriesSecret(classification.errorCode(), raw.requestHeaders())) {
      // A code kept as seen that echoes a credential or a card number: classify as if the body
      // named none.
      classification =
          classifier.classify(
              match.provider(), raw.status(), raw.responseHeaders(), null, raw.error());
    }
    out.httpStatus = raw.status();
    out.errorCode = classification.errorCode();
    out.errorClass = classification.errorClass();
    out.retryable = classification.retryable();
    out.documented = classification.documented();
    out.noResponseReason =
        raw.status() == null && !BodySecrets.carriesSecret(raw.error(), raw.requestHeaders())
            ? raw.error()
            : null;

    if (raw.status() != null
        && raw.status() >= 400
        && classifier.taxonomy().codeFromBodyOrNull(out.provider) != null) {
      // An error body of a provider whose bodies name codes: one it could not read may hide them.
      unreadable(
          out,
          ClassifiedExchange.RESPONSE_BODY,
          ErrorBodyReader.unreadableFormat(
              raw.responseBody(), raw.responseHeaders().get(CONTENT_TYPE)));
    }
    if (Provider.CASY.equals(out.provider) && CASY_RATE_LIMITED.equals(out.errorCode)) {
      readCasyRateLimit(raw.responseBody(), out);
    }
    if (Provider.HOTELBEDS.equals(out.provider)) {
      readHotelbedsFacts(raw, match, out);
    }
    return out;
  }

  private void readHotelbedsFacts(
      RecordedExchange raw, ProviderRules.Match match, ClassifiedExchange out) {
    String operation = match.operation();
    if (REQUEST_FACTS.contains(operation)) {
      unreadable(
          out,
          ClassifiedExchange.REQUEST_BODY,
          facts().readRequest(raw.requestBody(), raw.requestHeaders().get(CONTENT_TYPE), out));
    }
    if (Operation.HB_BOOKING_LIST.equals(operation)) {
      HotelbedsBookingFacts.readListQuery(match.query(), out);
    }
    // Only a 2xx carries a booking: a 1xx or 3xx is class ok too but has no such body.
    if (RESPONSE_FACTS.contains(operation)
        && ErrorClass.OK.equals(out.errorClass)
        && raw.status() >= 200
        && raw.status() < 300) {
      unreadable(
          out,
          ClassifiedExchange.RESPONSE_BODY,
          facts().readResponse(raw.responseBody(), raw.responseHeaders().get(CONTENT_TYPE), out));
    }
  }

  /**
   * The token id and hint of the request's credential header: few credentials make most of the
   * traffic, so each header value is looked at once per task.
   */
  private String[] pseudonym(String provider, Map<String, String> requestHeaders) {
    String header = rules.credentialHeader(provider);
    String value = header == null ? null : requestHeaders.get(header);
    if (value == null) {
      return NO_PSEUDONYM;
    }
    if (pseudonyms == null) {
      pseudonyms = new HashMap<>();
    }
    Map<String, String[]> ofProvider = pseudonyms.computeIfAbsent(provider, p -> new HashMap<>());
    String[] known = ofProvider.get(value);
    if (known == null) {
      if (ofProvider.size() >= PSEUDONYM_CACHE_SIZE) {
        ofProvider.clear(); // a flood of distinct credentials: each costs its hash, as before
      }
      String credential = rules.credential(provider, requestHeaders);
      known = new String[] {tokens.tokenId(credential), TokenPseudonymizer.hint(credential)};
      ofProvider.put(value, known);
    }
    return known;
  }

  /** Notes a body that said it was {@code format} and could not be read (the first one only). */
  private static void unreadable(ClassifiedExchange out, String body, String format) {
    if (format != null && out.unreadableBody == null) {
      out.unreadableBody = body;
      out.unreadableFormat = format;
    }
  }

  /** The 429 body {@code {"error":"rate_limited","window_seconds":60,"limit":10}}. */
  private void readCasyRateLimit(String body, ClassifiedExchange out) {
    if (body == null || body.isBlank()) {
      return;
    }
    try {
      JsonNode root = mapper().readTree(body);
      if (root != null && root.isObject()) {
        out.rateLimitLimit =
            root.path("limit").canConvertToInt() ? root.path("limit").asInt() : null;
        JsonNode window = root.path("window_seconds");
        out.rateLimitWindowSeconds = window.canConvertToInt() ? window.asInt() : null;
      }
    } catch (JsonProcessingException e) {
      // The classifier already fell back to the status; the limit is simply unknown.
    }
  }

  /**
   * The reader asks about a record's bodies and then the record is interpreted: three questions
   * about the same request, so the last answer is kept (same strings, by identity).
   */
  private ProviderRules.Match match(String method, String url, String providerHint) {
    if (method == lastMethod && url == lastUrl && providerHint == lastHint && lastMatch != null) {
      return lastMatch;
    }
    if (interner == null) {
      interner = new TextInterner();
    }
    ProviderRules.Match match = rules.match(method, url, providerHint, interner);
    lastMethod = method;
    lastUrl = url;
    lastHint = providerHint;
    lastMatch = match;
    return match;
  }

  private ObjectMapper mapper() {
    if (mapper == null) {
      mapper = JsonFactories.mapper();
    }
    return mapper;
  }

  private RequestFingerprint fingerprint() {
    if (fingerprint == null) {
      fingerprint = new RequestFingerprint();
    }
    return fingerprint;
  }

  private HotelbedsBookingFacts facts() {
    if (bookingFacts == null) {
      bookingFacts = new HotelbedsBookingFacts(mapper(), includePii);
    }
    return bookingFacts;
  }
}
