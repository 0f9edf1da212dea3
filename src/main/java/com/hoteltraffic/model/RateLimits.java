package com.hoteltraffic.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The providers' documented request limits, per provider and rejection kind ({@link
 * ErrorClass#RATE_LIMITED}, {@link ErrorClass#QUOTA_EXCEEDED}), as data: the {@code rate_limits}
 * object of each provider in {@code providers.json} (or the {@code --providers} file). CASY
 * documents 10 requests per 60 s per token; Hotelbeds' gateway documents a per-second throttle
 * ("Developer Over Qps", no number) and a daily quota ("Developer Over Rate").
 *
 * <pre>{@code "rate_limits": {"rate_limited": {"limit": 10, "window_seconds": 60}}}</pre>
 */
public final class RateLimits implements Serializable {
  private static final long serialVersionUID = 1L;

  /**
   * One documented limit.
   *
   * @param limit requests allowed per window, null when the provider documents no number
   * @param windowSeconds the window the limit counts over, in seconds (at least 1)
   */
  public record Limit(Integer limit, long windowSeconds) implements Serializable {
    public Limit {
      if (windowSeconds < 1) {
        throw new IllegalArgumentException(
            "a rate limit window must be at least 1 s: " + windowSeconds);
      }
    }
  }

  /** No documented limits at all. */
  public static final RateLimits NONE = new RateLimits(Map.of());

  private final Map<String, Limit> byProviderAndKind;

  private RateLimits(Map<String, Limit> byProviderAndKind) {
    this.byProviderAndKind = Map.copyOf(byProviderAndKind);
  }

  /** The limits of the bundled {@code providers.json} (read once). */
  public static RateLimits builtIn() {
    return BuiltIn.LIMITS;
  }

  /** Holds the bundled limits, read on first use. */
  private static final class BuiltIn {
    static final RateLimits LIMITS = of(ProvidersDocument.builtIn());
  }

  /**
   * The limits of a document of the {@code providers.json} shape; a provider without any has none.
   */
  public static RateLimits of(JsonNode providersDocument) {
    Map<String, Limit> limits = new HashMap<>();
    for (JsonNode provider : providersDocument.path("providers")) {
      String name = provider.path("name").asText().toLowerCase(Locale.ROOT);
      provider
          .path("rate_limits")
          .fields()
          .forEachRemaining(
              kind -> {
                JsonNode window = kind.getValue().get("window_seconds");
                if (window == null || !window.canConvertToLong()) {
                  throw new IllegalArgumentException(
                      "providers config: "
                          + name
                          + " rate_limits."
                          + kind.getKey()
                          + " has no \"window_seconds\"");
                }
                JsonNode limit = kind.getValue().get("limit");
                limits.put(
                    key(name, kind.getKey()),
                    new Limit(
                        limit == null || limit.isNull() ? null : limit.asInt(), window.asLong()));
              });
    }
    return new RateLimits(limits);
  }

  /**
   * The documented limit of a provider's rejections of one kind, or null when none is documented.
   */
  public Limit of(String provider, String kind) {
    return provider == null || kind == null ? null : byProviderAndKind.get(key(provider, kind));
  }

  private static String key(String provider, String kind) {
    return provider.toLowerCase(Locale.ROOT) + "\n" + kind;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RateLimits other && byProviderAndKind.equals(other.byProviderAndKind);
  }

  @Override
  public int hashCode() {
    return byProviderAndKind.hashCode();
  }

  @Override
  public String toString() {
    return "RateLimits" + byProviderAndKind;
  }
}
