package com.hoteltraffic.classify;

/**
 * Boxed HTTP statuses and durations from tables made once: the JDK caches only -128 to 127, so
 * every {@code 200} and every duration of a record would otherwise be a new object, and a status
 * looked up in a map by its box would be one more.
 */
public final class Boxes {
  private static final Integer[] STATUSES = new Integer[1000];
  private static final Long[] MILLIS = new Long[16 * 1024];

  static {
    for (int i = 0; i < STATUSES.length; i++) {
      STATUSES[i] = i;
    }
    for (int i = 0; i < MILLIS.length; i++) {
      MILLIS[i] = (long) i;
    }
  }

  private Boxes() {}

  /** {@code Integer.valueOf(status)}, from the table when it is 0 to 999. */
  public static Integer status(int status) {
    return status >= 0 && status < STATUSES.length ? STATUSES[status] : Integer.valueOf(status);
  }

  /** {@code Long.valueOf(millis)}, from the table when it is 0 to 16383. */
  public static Long millis(long millis) {
    return millis >= 0 && millis < MILLIS.length ? MILLIS[(int) millis] : Long.valueOf(millis);
  }
}
