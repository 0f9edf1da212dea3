package com.hoteltraffic.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The timeouts the providers document per operation ({@code timeout_s} in {@code providers.json}),
 * in milliseconds: Hotelbeds booking confirmation 60 s, none documented elsewhere.
 */
public record OperationTimeouts(Map<String, Long> millisByOperation) implements Serializable {
  /** No documented timeout at all. */
  public static final OperationTimeouts NONE = new OperationTimeouts(Map.of());

  public OperationTimeouts {
    millisByOperation = Map.copyOf(new TreeMap<>(millisByOperation));
  }

  /** The timeouts of the bundled {@code providers.json}. */
  public static OperationTimeouts builtIn() {
    return BuiltIn.TIMEOUTS;
  }

  private static final class BuiltIn {
    static final OperationTimeouts TIMEOUTS = of(ProvidersDocument.builtIn());
  }

  /**
   * The timeouts of a document of the {@code providers.json} shape: each operation's optional
   * {@code timeout_s}, a positive number of seconds.
   */
  public static OperationTimeouts of(JsonNode providersDocument) {
    Map<String, Long> timeouts = new HashMap<>();
    for (JsonNode provider : providersDocument.path("providers")) {
      String name = provider.path("name").asText();
      for (JsonNode op : provider.path("operations")) {
        JsonNode timeout = op.get("timeout_s");
        if (timeout == null || timeout.isNull()) {
          continue;
        }
        String operation = op.path("operation").asText();
        if (!timeout.isNumber() || timeout.asDouble() <= 0) {
          throw new IllegalArgumentException(
              "providers config: "
                  + name
                  + " operation "
                  + operation
                  + " has a timeout_s that is not a positive number: "
                  + timeout);
        }
        timeouts.put(key(name, operation), Math.round(timeout.asDouble() * 1000));
      }
    }
    return new OperationTimeouts(timeouts);
  }

  /** The key of one provider's operation in {@link #millisByOperation}. */
  public static String key(String provider, String operation) {
    return provider + "/" + operation;
  }

  /** The documented timeout of an operation in milliseconds, or null when none is documented. */
  public Long of(String provider, String operation) {
    return millisByOperation.get(key(provider, operation));
  }
}
