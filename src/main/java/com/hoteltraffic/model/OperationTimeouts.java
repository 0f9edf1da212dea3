package com.hoteltraffic.model;

import java.io.Serializable;
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

  /** The key of one provider's operation in {@link #millisByOperation}. */
  public static String key(String provider, String operation) {
    return provider + "/" + operation;
  }

  /** The documented timeout of an operation in milliseconds, or null when none is documented. */
  public Long of(String provider, String operation) {
    return millisByOperation.get(key(provider, operation));
  }
}
