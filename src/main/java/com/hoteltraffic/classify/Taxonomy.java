package com.hoteltraffic.classify;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hoteltraffic.model.ErrorClass;
import com.hoteltraffic.model.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The providers' documented error taxonomy, loaded from {@code taxonomy.json} (see that file's
 * {@code about} for its format). Adding a provider, a code or a detection rule is a change to the
 * JSON, not to code.
 *
 * <p>Loading validates the data and fails with {@link IllegalArgumentException} on any
 * inconsistency (unknown class, duplicate key, a rule pointing at no entry, a status whose fallback
 * is ambiguous), so a bad edit stops the job at start-up instead of mis-classifying.
 *
 * <p>Immutable and {@link Serializable}: Spark can ship it inside a {@link ResponseClassifier}
 * closure (it is a few kilobytes); reloading it per partition with {@link #loadDefault()} works
 * too.
 */
public final class Taxonomy implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The classpath resource {@link #loadDefault()} reads. */
  public static final String DEFAULT_RESOURCE = "/taxonomy.json";

  /** The code of an exchange that got no response for a reason other than a timeout. */
  public static final String NO_RESPONSE_CODE = "NO_RESPONSE";

  /** The code of an exchange that got no response because it timed out. */
  public static final String TIMEOUT_CODE = "TIMEOUT";

  /** The codes of entries without an http_status: exactly these, and only these, have none. */
  public static final List<String> NO_RESPONSE_CODES = List.of(NO_RESPONSE_CODE, TIMEOUT_CODE);

  /** How a provider's error body names its code. */
  public enum BodyCodeSource {
    /** CASY: the top-level JSON string field {@code error} is the code. */
    @JsonProperty("json_error_field")
    JSON_ERROR_FIELD,
    /**
     * Hotelbeds: {@code {"error":{"code":"TYPE-TOKEN"}}} in JSON or {@code
     * <error><code>TYPE-TOKEN</code>} in XML; the code is TYPE, the per-response token dropped.
     */
    @JsonProperty("formatted_error_type")
    FORMATTED_ERROR_TYPE
  }

  /** A provider whose error bodies the classifier reads. */
  public record ProviderSettings(
      @JsonProperty("provider") String provider,
      @JsonProperty("code_from_body") BodyCodeSource codeFromBody,
      @JsonProperty("source") String source)
      implements Serializable {}

  /**
   * When a no-response exchange is a {@link #TIMEOUT_CODE} rather than a {@link #NO_RESPONSE_CODE}:
   * its recorded reason contains one of the phrases (ignoring case).
   */
  public record NoResponseTimeout(
      @JsonProperty("phrases") List<String> phrases,
      @JsonProperty("not_timeouts") List<String> notTimeouts,
      @JsonProperty("source") String source)
      implements Serializable {}

  /** The JSON document as written. */
  private record Document(
      @JsonProperty("about") String about,
      @JsonProperty("providers") List<ProviderSettings> providers,
      @JsonProperty("no_response_timeout") NoResponseTimeout noResponseTimeout,
      @JsonProperty("entries") List<TaxonomyEntry> entries,
      @JsonProperty("detection_rules") List<DetectionRule> detectionRules) {}

  /** What the classifier needs at one (provider, status), precomputed at load. */
  private record StatusTable(
      Map<String, Classification> byCode, List<DetectionRule> rules, Classification fallback)
      implements Serializable {}

  private final List<TaxonomyEntry> entries;
  private final List<DetectionRule> detectionRules;
  private final Map<String, BodyCodeSource> codeFromBodyByProvider;
  private final Map<String, Map<Integer, StatusTable>> tablesByProvider;

  /** provider → (NO_RESPONSE or TIMEOUT) → entry. */
  private final Map<String, Map<String, TaxonomyEntry>> noResponseByProvider;

  private final List<String> timeoutPhrases;

  private Taxonomy(Document document) {
    requireNonNull(document.providers(), "providers");
    requireNonNull(document.entries(), "entries");
    requireNonNull(document.detectionRules(), "detection_rules");
    requireNonNull(document.noResponseTimeout(), "no_response_timeout");
    this.entries = List.copyOf(document.entries());
    this.detectionRules = List.copyOf(document.detectionRules());
    this.codeFromBodyByProvider = codeSources(document.providers());
    this.timeoutPhrases = timeoutPhrases(document.noResponseTimeout());
    checkNotTimeouts(document.noResponseTimeout());

    Map<String, Map<Integer, List<TaxonomyEntry>>> entriesByStatus = new LinkedHashMap<>();
    this.noResponseByProvider = splitNoResponseEntries(entries, entriesByStatus);
    this.tablesByProvider =
        statusTables(entriesByStatus, rulesByStatus(detectionRules, entriesByStatus));
  }

  /** How each provider's error bodies name their code; a provider listed twice is an error. */
  private static Map<String, BodyCodeSource> codeSources(List<ProviderSettings> providers) {
    Map<String, BodyCodeSource> codeSources = new LinkedHashMap<>();
    for (ProviderSettings settings : providers) {
      requireNonNull(settings.provider(), "providers[].provider");
      requireNonNull(
          settings.codeFromBody(), "providers[].code_from_body of " + settings.provider());
      if (codeSources.put(settings.provider(), settings.codeFromBody()) != null) {
        throw new IllegalArgumentException("provider listed twice: " + settings.provider());
      }
    }
    return Map.copyOf(codeSources);
  }

  private static List<String> timeoutPhrases(NoResponseTimeout timeout) {
    requireNonNull(timeout.phrases(), "no_response_timeout.phrases");
    return timeout.phrases().stream().map(phrase -> phrase.toLowerCase(Locale.ROOT)).toList();
  }

  /** The file's own examples of reasons that are not timeouts must not match its phrases. */
  private void checkNotTimeouts(NoResponseTimeout timeout) {
    if (timeout.notTimeouts() == null) {
      return;
    }
    for (String reason : timeout.notTimeouts()) {
      if (isTimeoutReason(reason)) {
        throw new IllegalArgumentException(
            "no_response_timeout.not_timeouts lists a reason the phrases call a timeout: "
                + reason);
      }
    }
  }

  /**
   * Validates every entry; returns the no-response entries (provider → code → entry) and puts the
   * others into {@code entriesByStatus} (provider → status → entries, in file order).
   */
  private static Map<String, Map<String, TaxonomyEntry>> splitNoResponseEntries(
      List<TaxonomyEntry> entries, Map<String, Map<Integer, List<TaxonomyEntry>>> entriesByStatus) {
    Map<String, Map<String, TaxonomyEntry>> noResponse = new HashMap<>();
    for (TaxonomyEntry entry : entries) {
      validate(entry);
      if (entry.httpStatus() == null) {
        if (noResponse
                .computeIfAbsent(entry.provider(), provider -> new HashMap<>())
                .put(entry.errorCode(), entry)
            != null) {
          throw new IllegalArgumentException("duplicate entry: " + describe(entry));
        }
      } else {
        entriesByStatus
            .computeIfAbsent(entry.provider(), provider -> new LinkedHashMap<>())
            .computeIfAbsent(entry.httpStatus(), status -> new ArrayList<>())
            .add(entry);
      }
    }
    for (String code : NO_RESPONSE_CODES) {
      if (!noResponse.getOrDefault(Provider.UNKNOWN, Map.of()).containsKey(code)) {
        throw new IllegalArgumentException(
            "no "
                + code
                + " entry for provider "
                + Provider.UNKNOWN
                + ": it classifies no-response exchanges of any other provider without one");
      }
    }
    Map<String, Map<String, TaxonomyEntry>> frozen = new HashMap<>();
    noResponse.forEach((provider, byCode) -> frozen.put(provider, Map.copyOf(byCode)));
    return Map.copyOf(frozen);
  }

  /** Validated detection rules by provider and status, in file order. */
  private static Map<String, Map<Integer, List<DetectionRule>>> rulesByStatus(
      List<DetectionRule> detectionRules,
      Map<String, Map<Integer, List<TaxonomyEntry>>> entriesByStatus) {
    Map<String, Map<Integer, List<DetectionRule>>> rulesByStatus = new HashMap<>();
    for (DetectionRule rule : detectionRules) {
      validate(rule, entriesByStatus);
      rulesByStatus
          .computeIfAbsent(rule.provider(), provider -> new HashMap<>())
          .computeIfAbsent(rule.httpStatus(), status -> new ArrayList<>())
          .add(rule);
    }
    return rulesByStatus;
  }

  private static Map<String, Map<Integer, StatusTable>> statusTables(
      Map<String, Map<Integer, List<TaxonomyEntry>>> entriesByStatus,
      Map<String, Map<Integer, List<DetectionRule>>> rulesByStatus) {
    Map<String, Map<Integer, StatusTable>> tables = new HashMap<>();
    entriesByStatus.forEach(
        (provider, byStatus) -> {
          Map<Integer, List<DetectionRule>> providerRules =
              rulesByStatus.getOrDefault(provider, Map.of());
          Map<Integer, StatusTable> providerTables = new HashMap<>();
          byStatus.forEach(
              (status, atStatus) ->
                  providerTables.put(
                      status,
                      statusTable(atStatus, providerRules.getOrDefault(status, List.of()))));
          tables.put(provider, Map.copyOf(providerTables));
        });
    return Map.copyOf(tables);
  }

  /** Loads {@value #DEFAULT_RESOURCE} from the classpath. */
  public static Taxonomy loadDefault() {
    try (InputStream in = Taxonomy.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("classpath resource missing: " + DEFAULT_RESOURCE);
      }
      return load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + DEFAULT_RESOURCE, e);
    }
  }

  /**
   * Reads and validates a taxonomy in the {@code taxonomy.json} format. Unknown JSON fields are
   * rejected so that a misspelt field name fails instead of being silently ignored.
   *
   * @throws IllegalArgumentException if the data is inconsistent
   * @throws UncheckedIOException if the stream cannot be read or is not such JSON
   */
  public static Taxonomy load(InputStream json) {
    ObjectMapper mapper =
        new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    try {
      return new Taxonomy(mapper.readValue(json, Document.class));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the taxonomy: " + e.getMessage(), e);
    }
  }

  /** Every entry, in file order. */
  public List<TaxonomyEntry> entries() {
    return entries;
  }

  /** Every detection rule, in file order. */
  public List<DetectionRule> detectionRules() {
    return detectionRules;
  }

  /**
   * The entry for a (provider, status, code), if the documents list it.
   *
   * @param httpStatus null for {@link #NO_RESPONSE_CODE} and {@link #TIMEOUT_CODE}
   */
  public Optional<TaxonomyEntry> find(String provider, Integer httpStatus, String errorCode) {
    if (httpStatus == null) {
      return Optional.ofNullable(
          noResponseByProvider.getOrDefault(provider, Map.of()).get(errorCode));
    }
    return entries.stream()
        .filter(
            entry ->
                entry.provider().equals(provider)
                    && httpStatus.equals(entry.httpStatus())
                    && entry.errorCode().equals(errorCode))
        .findFirst();
  }

  /** How the provider's error bodies name a code; empty when its bodies are not read. */
  public Optional<BodyCodeSource> codeFromBody(String provider) {
    return Optional.ofNullable(codeFromBodyByProvider.get(provider));
  }

  /**
   * What a response of this status means when it names no code and no rule matches: the entry
   * marked {@code status_default}, else the only entry, else {@code HTTP_<status>} with the class
   * and retryability all entries at the status share. Empty when the status is not documented.
   */
  public Optional<Classification> statusFallback(String provider, int httpStatus) {
    StatusTable table = table(provider, httpStatus);
    return Optional.ofNullable(table == null ? null : table.fallback());
  }

  /**
   * The entry of a no-response exchange with this recorded reason: {@link #TIMEOUT_CODE} when
   * {@link #isTimeoutReason} says so, else {@link #NO_RESPONSE_CODE}; the provider's own entry, or
   * {@link Provider#UNKNOWN}'s if it has none.
   *
   * @param reason the recording's error field ({@code "timeout"}, {@code
   *     "net::ERR_CONNECTION_RESET"}, ...), may be null
   */
  public TaxonomyEntry noResponseEntry(String provider, String reason) {
    String code = isTimeoutReason(reason) ? TIMEOUT_CODE : NO_RESPONSE_CODE;
    TaxonomyEntry entry = noResponseByProvider.getOrDefault(provider, Map.of()).get(code);
    return entry != null ? entry : noResponseByProvider.get(Provider.UNKNOWN).get(code);
  }

  /** Whether a recorded no-response reason contains a timeout phrase (ignoring case). */
  public boolean isTimeoutReason(String reason) {
    if (reason == null) {
      return false;
    }
    String lowerCaseReason = reason.toLowerCase(Locale.ROOT);
    for (String phrase : timeoutPhrases) {
      if (lowerCaseReason.contains(phrase)) {
        return true;
      }
    }
    return false;
  }

  /** Lower-cased phrases of a no-response reason that make it a timeout. */
  public List<String> timeoutPhrases() {
    return timeoutPhrases;
  }

  // Hot-path lookups for ResponseClassifier: no Optional, no stream.

  /** See {@link #codeFromBody}; null when the provider's bodies are not read. */
  BodyCodeSource codeFromBodyOrNull(String provider) {
    return codeFromBodyByProvider.get(provider);
  }

  /** The documented classification of a code at a status, or null. */
  Classification documentedOrNull(String provider, int httpStatus, String errorCode) {
    StatusTable table = table(provider, httpStatus);
    return table == null ? null : table.byCode().get(errorCode);
  }

  /** The detection rules at a status, in file order (empty when none). */
  List<DetectionRule> rulesAt(String provider, int httpStatus) {
    StatusTable table = table(provider, httpStatus);
    return table == null ? List.of() : table.rules();
  }

  /** See {@link #statusFallback}; null when the status is not documented. */
  Classification statusFallbackOrNull(String provider, int httpStatus) {
    StatusTable table = table(provider, httpStatus);
    return table == null ? null : table.fallback();
  }

  private StatusTable table(String provider, int httpStatus) {
    Map<Integer, StatusTable> byStatus = tablesByProvider.get(provider);
    return byStatus == null ? null : byStatus.get(Boxes.status(httpStatus));
  }

  private static StatusTable statusTable(List<TaxonomyEntry> atStatus, List<DetectionRule> rules) {
    Map<String, Classification> byCode = new HashMap<>();
    for (TaxonomyEntry entry : atStatus) {
      if (byCode.put(entry.errorCode(), entry.classification()) != null) {
        throw new IllegalArgumentException("duplicate entry: " + describe(entry));
      }
    }
    return new StatusTable(Map.copyOf(byCode), List.copyOf(rules), fallback(atStatus));
  }

  private static Classification fallback(List<TaxonomyEntry> atStatus) {
    List<TaxonomyEntry> defaults = atStatus.stream().filter(TaxonomyEntry::statusDefault).toList();
    if (defaults.size() > 1) {
      throw new IllegalArgumentException(
          "several status_default entries at one status: " + describe(defaults.get(0)));
    }
    if (defaults.size() == 1) {
      return defaults.get(0).classification();
    }
    TaxonomyEntry first = atStatus.get(0);
    if (atStatus.size() == 1) {
      return first.classification();
    }
    boolean shared =
        atStatus.stream()
            .allMatch(
                entry ->
                    entry.errorClass().equals(first.errorClass())
                        && entry.retryable() == first.retryable());
    if (!shared) {
      throw new IllegalArgumentException(
          "entries at "
              + first.provider()
              + " "
              + first.httpStatus()
              + " differ in class or retryable: mark one status_default");
    }
    return new Classification(
        Classification.codeForStatus(first.httpStatus()),
        first.errorClass(),
        first.retryable(),
        true);
  }

  private static void validate(TaxonomyEntry entry) {
    requireNonNull(entry.provider(), "entries[].provider");
    requireNonNull(entry.errorCode(), "error_code of an entry of " + entry.provider());
    requireClass(entry.errorClass(), describe(entry));
    requireNonNull(entry.description(), "description of " + describe(entry));
    requireNonNull(entry.remedy(), "remedy of " + describe(entry));
    requireNonNull(entry.source(), "source of " + describe(entry));
    if ((entry.httpStatus() == null) != NO_RESPONSE_CODES.contains(entry.errorCode())) {
      throw new IllegalArgumentException(
          "http_status must be null exactly for " + NO_RESPONSE_CODES + ": " + describe(entry));
    }
    if (entry.httpStatus() == null && entry.statusDefault()) {
      throw new IllegalArgumentException(
          "status_default on a no-response entry: " + describe(entry));
    }
  }

  private static void validate(
      DetectionRule rule, Map<String, Map<Integer, List<TaxonomyEntry>>> entriesByStatus) {
    requireNonNull(rule.provider(), "detection_rules[].provider");
    requireNonNull(rule.httpStatus(), "http_status of a rule of " + rule.provider());
    requireNonNull(rule.match(), "match of a rule of " + rule.provider());
    requireNonNull(rule.value(), "value of a rule of " + rule.provider());
    requireNonNull(rule.source(), "source of a rule of " + rule.provider());
    if ((rule.match() == DetectionRule.Match.HEADER_EQUALS) != (rule.header() != null)) {
      throw new IllegalArgumentException(
          "header is required for header_equals and only for it: rule " + rule);
    }
    boolean pointsAtEntry =
        entriesByStatus
            .getOrDefault(rule.provider(), Map.of())
            .getOrDefault(rule.httpStatus(), List.of())
            .stream()
            .anyMatch(entry -> entry.errorCode().equals(rule.errorCode()));
    if (!pointsAtEntry) {
      throw new IllegalArgumentException(
          "rule points at no entry of the same provider and status: " + rule);
    }
  }

  private static void requireClass(String errorClass, String where) {
    if (!ErrorClass.ALL.contains(errorClass)) {
      throw new IllegalArgumentException("unknown error_class '" + errorClass + "' in " + where);
    }
  }

  private static void requireNonNull(Object value, String what) {
    if (value == null) {
      throw new IllegalArgumentException("taxonomy field missing: " + what);
    }
  }

  private static String describe(TaxonomyEntry entry) {
    return entry.provider() + " " + entry.httpStatus() + " " + entry.errorCode();
  }
}
