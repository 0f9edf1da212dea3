package com.hoteltraffic.model;

/** Provider names as they appear in the {@code provider} column. */
public final class Provider {
  private Provider() {}

  public static final String CASY = "casy";
  public static final String HOTELBEDS = "hotelbeds";

  /** An exchange with a host no provider rule recognises: still counted and reported. */
  public static final String UNKNOWN = "unknown";
}
