package com.hoteltraffic.classify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hoteltraffic.model.Environment;
import com.hoteltraffic.model.Operation;
import com.hoteltraffic.model.OperationTimeouts;
import com.hoteltraffic.model.Provider;
import com.hoteltraffic.model.RateLimits;
import com.hoteltraffic.model.RepeatWindows;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which provider, operation and hotel a request is, from configuration: hosts, a base path and path
 * templates per provider ({@code providers.json}, overridable with {@code --providers}). A template
 * segment {@code {hotel}} captures the hotel id; any other {@code {name}} matches one segment.
 *
 * <p>A provider whose rules say {@code "base_path_required": true} owns only the paths under its
 * base: Hotelbeds is the Hotel API ({@code /hotel-api/...}), and the other APIs on its hosts
 * ({@code /activity-api/}, {@code /transfer-api/}, ...) are {@link Provider#UNKNOWN}, also when the
 * record's {@code provider} field names it. Any other provider is recognised by host alone, and a
 * path outside its base is its operation {@link Operation#OTHER}.
 *
 * <p>A provider's {@code test_hosts} (optional) are the hosts of its test environment: an exchange
 * with one of them is {@link Environment#TEST}, any other {@link Environment#PRODUCTION}, so a
 * rules file without the field means production everywhere. A test host is the provider's host too,
 * whether or not {@code hosts} repeats it.
 */
public final class ProviderRules implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final String HOTEL_VARIABLE = "{hotel}";

  /** One documented operation: method and the path below the provider's base. */
  record OperationRule(String method, String[] segments, String operation)
      implements Serializable {}

  /** One provider: its hosts (test hosts among them), base path, credential header, operations. */
  record ProviderRule(
      String name,
      List<String> hosts,
      Set<String> testHosts,
      String[] baseSegments,
      String credentialHeader,
      String credentialScheme,
      List<OperationRule> operations,
      boolean basePathRequired)
      implements Serializable {}

  /**
   * What a request URL says: provider, operation, hotel from the path, the URL's parts, and the
   * environment ({@link Environment}) its host belongs to.
   */
  public record Match(
      String provider,
      String operation,
      String hotelId,
      String host,
      String path,
      String query,
      String environment) {}

  private final List<ProviderRule> providers;
  private final RateLimits rateLimits;

  /** Documented operation timeouts ({@code timeout_s}), kept apart from matching. */
  private final OperationTimeouts timeouts;

  /** How long an unchanged resend counts as a repeat ({@code repeat_window_s}), per provider. */
  private final RepeatWindows repeatWindows;

  private final Map<String, ProviderRule> byHost = new HashMap<>();
  private final Map<String, ProviderRule> byName = new HashMap<>();
  private final Set<String> testHosts = new HashSet<>();

  private ProviderRules(
      List<ProviderRule> providers,
      RateLimits rateLimits,
      OperationTimeouts timeouts,
      RepeatWindows repeatWindows) {
    this.providers = List.copyOf(providers);
    this.rateLimits = rateLimits;
    this.timeouts = timeouts;
    this.repeatWindows = repeatWindows;
    for (ProviderRule provider : providers) {
      byName.put(provider.name(), provider);
      for (String host : provider.hosts()) {
        byHost.put(host.toLowerCase(Locale.ROOT), provider);
      }
      for (String host : provider.testHosts()) {
        byHost.put(host, provider);
        testHosts.add(host);
      }
    }
  }

  public static ProviderRules loadDefault() {
    try (InputStream in = ProviderRules.class.getResourceAsStream("/providers.json")) {
      if (in == null) {
        throw new IllegalStateException("providers.json is missing from the classpath");
      }
      return load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the built-in providers.json", e);
    }
  }

  /** Reads rules of the {@code providers.json} shape; a missing field fails with its name. */
  public static ProviderRules load(InputStream in) throws IOException {
    JsonNode root = new ObjectMapper().readTree(in);
    List<ProviderRule> providers = new ArrayList<>();
    for (JsonNode node : required(root, "providers", "the document")) {
      String name = required(node, "name", "a provider").asText();
      List<String> hosts = new ArrayList<>();
      required(node, "hosts", name).forEach(h -> hosts.add(h.asText()));
      Set<String> testHosts = new LinkedHashSet<>();
      node.path("test_hosts").forEach(h -> testHosts.add(h.asText().toLowerCase(Locale.ROOT)));
      JsonNode credential = required(node, "credential", name);
      List<OperationRule> operations = new ArrayList<>();
      for (JsonNode op : required(node, "operations", name)) {
        operations.add(
            new OperationRule(
                required(op, "method", name + " operation").asText().toUpperCase(Locale.ROOT),
                segments(required(op, "path", name + " operation").asText()),
                required(op, "operation", name + " operation").asText()));
      }
      providers.add(
          new ProviderRule(
              name,
              hosts,
              testHosts,
              segments(node.path("base_path").asText("")),
              required(credential, "header", name + " credential")
                  .asText()
                  .toLowerCase(Locale.ROOT),
              credential.path("scheme").asText(null),
              operations,
              node.path("base_path_required").asBoolean(false)));
    }
    return new ProviderRules(
        providers, RateLimits.of(root), OperationTimeouts.of(root), RepeatWindows.of(root));
  }

  /** The documented request limits of the same document ({@code rate_limits} per provider). */
  public RateLimits rateLimits() {
    return rateLimits;
  }

  /** The timeouts the configuration documents per operation. */
  public OperationTimeouts timeouts() {
    return timeouts;
  }

  /** The repeat window per provider; the default where the configuration gives none. */
  public RepeatWindows repeatWindows() {
    return repeatWindows;
  }

  private static JsonNode required(JsonNode node, String field, String where) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw new IllegalArgumentException(
          "providers config: " + where + " has no \"" + field + "\"");
    }
    return value;
  }

  /**
   * Matches a request. {@code providerHint} (the record's {@code provider} field) wins over the
   * host when it names a configured provider.
   */
  public Match match(String method, String url, String providerHint) {
    return match(method, url, providerHint, (TextInterner) null);
  }

  /**
   * {@link #match(String, String, String)}, with the host and hotel id taken from {@code interner}
   * (one per task) when it has seen them: the path is matched in place, without splitting it.
   */
  public Match match(String method, String url, String providerHint, TextInterner interner) {
    Url parts = Url.parse(url, interner);
    ProviderRule provider =
        providerHint == null ? null : byName.get(providerHint.toLowerCase(Locale.ROOT));
    if (provider == null) {
      provider = byHost.get(parts.host);
    }
    if (provider == null) {
      return match(Provider.UNKNOWN, Operation.OTHER, null, parts);
    }
    String path = parts.path;
    int[] bounds = segmentBounds(path);
    if (!startsWith(path, bounds, provider.baseSegments())) {
      // Another API on the provider's host is not the provider's (issue 14 rule 8).
      String owner = provider.basePathRequired() ? Provider.UNKNOWN : provider.name();
      return match(owner, Operation.OTHER, null, parts);
    }
    int offset = provider.baseSegments().length;
    int count = bounds.length / 2;
    String upperMethod = method.toUpperCase(Locale.ROOT);
    for (OperationRule rule : provider.operations()) {
      if (rule.method().equals(upperMethod) && rule.segments().length == count - offset) {
        int hotel = matchTemplate(rule.segments(), path, bounds, offset);
        if (hotel != NO_MATCH) {
          String hotelId =
              hotel == NO_HOTEL
                  ? null
                  : text(path, bounds[2 * hotel], bounds[2 * hotel + 1], interner);
          return match(provider.name(), rule.operation(), hotelId, parts);
        }
      }
    }
    return match(provider.name(), Operation.OTHER, null, parts);
  }

  private static String text(String source, int from, int to, TextInterner interner) {
    return interner == null ? source.substring(from, to) : interner.intern(source, from, to);
  }

  /** A match of the URL's parts, with the environment of its host. */
  private Match match(String provider, String operation, String hotelId, Url parts) {
    return new Match(
        provider, operation, hotelId, parts.host, parts.path, parts.query, environment(parts.host));
  }

  /**
   * The environment of a host: {@link Environment#TEST} when a provider lists it in {@code
   * test_hosts}, else {@link Environment#PRODUCTION}. By host alone, so that a record whose {@code
   * provider} field names the provider is still taken to the system its host is.
   */
  public String environment(String host) {
    return host != null && testHosts.contains(host.toLowerCase(Locale.ROOT))
        ? Environment.TEST
        : Environment.PRODUCTION;
  }

  /** The credential in a request's headers (lower-cased names), without its scheme; or null. */
  public String credential(String provider, Map<String, String> requestHeaders) {
    ProviderRule rule = byName.get(provider);
    if (rule == null) {
      return null;
    }
    String value = requestHeaders.get(rule.credentialHeader());
    if (value == null) {
      return null;
    }
    value = value.trim();
    String scheme = rule.credentialScheme();
    if (scheme != null
        && value.length() > scheme.length()
        && value.regionMatches(true, 0, scheme, 0, scheme.length())
        && value.charAt(scheme.length()) == ' ') {
      value = value.substring(scheme.length() + 1).trim();
    } else if (scheme != null && value.equalsIgnoreCase(scheme)) {
      return null; // "Bearer" and nothing after it: the scheme is no credential
    }
    return value.isEmpty() ? null : value;
  }

  /** The request header (lower-cased) that carries {@code provider}'s credential, or null. */
  public String credentialHeader(String provider) {
    ProviderRule rule = byName.get(provider);
    return rule == null ? null : rule.credentialHeader();
  }

  /** The request headers (lower-cased) that carry a provider's credential. */
  public Set<String> credentialHeaders() {
    Set<String> headers = new LinkedHashSet<>();
    for (ProviderRule provider : providers) {
      headers.add(provider.credentialHeader());
    }
    return headers;
  }

  public List<String> providerNames() {
    return providers.stream().map(ProviderRule::name).toList();
  }

  private static final int NO_MATCH = -2;
  private static final int NO_HOTEL = -1;

  /**
   * Matches the path's segments from {@code offset} against a template: the index of the segment
   * {@code {hotel}} captured, {@link #NO_HOTEL} when the template has none, {@link #NO_MATCH}.
   */
  private static int matchTemplate(String[] template, String path, int[] bounds, int offset) {
    int hotel = NO_HOTEL;
    for (int i = 0; i < template.length; i++) {
      String expected = template[i];
      int segment = offset + i;
      int from = bounds[2 * segment];
      int length = bounds[2 * segment + 1] - from;
      if (expected.startsWith("{")) {
        if (length == 0) {
          return NO_MATCH;
        }
        if (expected.equals(HOTEL_VARIABLE)) {
          hotel = segment;
        }
      } else if (!sameSegment(expected, path, from, length)) {
        return NO_MATCH;
      }
    }
    return hotel;
  }

  private static boolean startsWith(String path, int[] bounds, String[] base) {
    if (bounds.length / 2 < base.length) {
      return false;
    }
    for (int i = 0; i < base.length; i++) {
      int from = bounds[2 * i];
      if (!base[i].startsWith("{") && !sameSegment(base[i], path, from, bounds[2 * i + 1] - from)) {
        return false;
      }
    }
    return true;
  }

  private static boolean sameSegment(String expected, String path, int from, int length) {
    return expected.length() == length && path.regionMatches(from, expected, 0, length);
  }

  /**
   * Where the segments of {@code path} begin and end ({@code [from0, to0, from1, to1, ...]}), as
   * {@link #segments} splits it: leading and trailing slashes dropped, empty inner segments kept.
   */
  static int[] segmentBounds(String path) {
    int start = 0;
    int end = path.length();
    while (start < end && path.charAt(start) == '/') {
      start++;
    }
    while (end > start && path.charAt(end - 1) == '/') {
      end--;
    }
    if (start == end) {
      return new int[0];
    }
    int count = 1;
    for (int i = start; i < end; i++) {
      if (path.charAt(i) == '/') {
        count++;
      }
    }
    int[] bounds = new int[2 * count];
    int segment = 0;
    int from = start;
    for (int i = start; i <= end; i++) {
      if (i == end || path.charAt(i) == '/') {
        bounds[2 * segment] = from;
        bounds[2 * segment + 1] = i;
        segment++;
        from = i + 1;
      }
    }
    return bounds;
  }

  static String[] segments(String path) {
    String trimmed = path;
    while (trimmed.startsWith("/")) {
      trimmed = trimmed.substring(1);
    }
    while (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    return trimmed.isEmpty() ? new String[0] : trimmed.split("/", -1);
  }

  /** The parts of an absolute URL we need, found without java.net.URI's strictness or cost. */
  static final class Url {
    final String host;
    final String path;
    final String query;

    private Url(String host, String path, String query) {
      this.host = host;
      this.path = path;
      this.query = query;
    }

    static Url parse(String url) {
      return parse(url, null);
    }

    /** The URL's parts, the host from {@code interner} when it is not null. */
    static Url parse(String url, TextInterner interner) {
      int scheme = url.indexOf("://");
      int hostStart = scheme < 0 ? 0 : scheme + 3;
      int pathStart = url.indexOf('/', hostStart);
      int queryStart = url.indexOf('?', hostStart);
      int fragment = url.indexOf('#', hostStart);
      int end = fragment < 0 ? url.length() : fragment;
      if (queryStart > end) {
        queryStart = -1;
      }
      if (pathStart < 0 || (queryStart >= 0 && pathStart > queryStart) || pathStart > end) {
        pathStart = queryStart >= 0 ? queryStart : end;
      }
      int at = lastIndexOf(url, '@', hostStart, pathStart);
      int authorityStart = at >= 0 ? at + 1 : hostStart; // user:password@ never reaches an output
      int authorityEnd = pathStart;
      int colon = lastIndexOf(url, ':', authorityStart, authorityEnd);
      int bracket = url.indexOf(']', authorityStart);
      if (colon >= 0 && (bracket < 0 || bracket >= authorityEnd || bracket < colon)) {
        authorityEnd = colon;
      }
      String path = url.substring(pathStart, queryStart >= 0 ? queryStart : end);
      String query = queryStart >= 0 ? url.substring(queryStart + 1, end) : null;
      return new Url(
          host(url, authorityStart, authorityEnd, interner), path.isEmpty() ? "/" : path, query);
    }

    /** {@code url[from, to)} lower-cased. */
    private static String host(String url, int from, int to, TextInterner interner) {
      for (int i = from; i < to; i++) {
        char c = url.charAt(i);
        if (c >= 128 || (c >= 'A' && c <= 'Z')) {
          String lower = url.substring(from, to).toLowerCase(Locale.ROOT);
          return interner == null ? lower : interner.intern(lower, 0, lower.length());
        }
      }
      return text(url, from, to, interner);
    }

    /** The last {@code c} in {@code text[from, to)}, or -1. */
    private static int lastIndexOf(String text, char c, int from, int to) {
      for (int i = to - 1; i >= from; i--) {
        if (text.charAt(i) == c) {
          return i;
        }
      }
      return -1;
    }
  }
}
