package com.hoteltraffic.model;

/**
 * Provider environments as they appear in the {@code environment} column: which of a provider's
 * systems an exchange reached, from its host ({@code test_hosts} in {@code providers.json}). A
 * provider's test and production systems hold different bookings under different keys, so evidence
 * from one says nothing about the other.
 */
public final class Environment {
  private Environment() {}

  /** Every host that the rules do not list as a test host, also of an unknown provider. */
  public static final String PRODUCTION = "production";

  /** A host listed in its provider's {@code test_hosts}. */
  public static final String TEST = "test";
}
