package com.hoteltraffic.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Serializable;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * How long after a failure an unchanged resend still counts as its repeat, per provider ({@code
 * repeat_window_s} in {@code providers.json}): Hotelbeds documents 15 min (it answers 410 to a
 * failed request repeated within 15 minutes, providers.md); CASY documents none and keeps {@link
 * #DEFAULT}, as does any provider a {@code --providers} file gives no window.
 */
public record RepeatWindows(Map<String, Long> millisByProvider) implements Serializable {
  /** The window of a provider that documents none. */
  public static final Duration DEFAULT = Duration.ofMinutes(10);

  /** Every provider on {@link #DEFAULT}. */
  public static final RepeatWindows NONE = new RepeatWindows(Map.of());

  public RepeatWindows {
    millisByProvider = Map.copyOf(new TreeMap<>(millisByProvider));
  }

  /** The windows of the bundled {@code providers.json}. */
  public static RepeatWindows builtIn() {
    return BuiltIn.WINDOWS;
  }

  private static final class BuiltIn {
    static final RepeatWindows WINDOWS = of(ProvidersDocument.builtIn());
  }

  /**
   * The windows of a document of the {@code providers.json} shape: each provider's optional {@code
   * repeat_window_s}, a positive number of seconds.
   */
  public static RepeatWindows of(JsonNode providersDocument) {
    Map<String, Long> windows = new HashMap<>();
    for (JsonNode provider : providersDocument.path("providers")) {
      String name = provider.path("name").asText().toLowerCase(Locale.ROOT);
      JsonNode window = provider.get("repeat_window_s");
      if (window == null || window.isNull()) {
        continue;
      }
      if (!window.isNumber() || window.asDouble() <= 0) {
        throw new IllegalArgumentException(
            "providers config: "
                + name
                + " has a repeat_window_s that is not a positive number: "
                + window);
      }
      windows.put(name, Math.round(window.asDouble() * 1000));
    }
    return new RepeatWindows(windows);
  }

  /** The provider's window in milliseconds; {@link #DEFAULT} when it has none. */
  public long millis(String provider) {
    Long millis = provider == null ? null : millisByProvider.get(provider.toLowerCase(Locale.ROOT));
    return millis != null ? millis : DEFAULT.toMillis();
  }
}
