package com.hoteltraffic.output;

import org.apache.hadoop.conf.Configuration;

/**
 * A run that takes the output's lock and then hangs, in a process of its own: tests kill it to
 * leave a lock behind the way a killed run does. Prints {@code locked} once it holds the lock.
 */
public final class LockHolder {
  /**
   * Held so that the lock's channel is not collected (its cleaner would close it and drop the
   * lock).
   */
  static OutputDirectory held;

  private LockHolder() {}

  public static void main(String[] args) throws Exception {
    held = OutputDirectory.prepare(args[0], new Configuration());
    System.out.println("locked");
    System.out.flush();
    Thread.sleep(600_000);
  }
}
