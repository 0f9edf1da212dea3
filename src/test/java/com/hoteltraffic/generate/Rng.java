package com.hoteltraffic.generate;

import java.util.List;
import java.util.SplittableRandom;

/** A seeded random source with the few draws the generator needs; never seeded from the clock. */
final class Rng {
  private static final char[] HEX = "0123456789abcdef".toCharArray();
  private static final char[] ALNUM =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

  private final SplittableRandom random;

  Rng(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /**
   * An independent stream derived from this seed and a label, so adding draws elsewhere never
   * shifts it.
   */
  static Rng derive(long seed, String label) {
    long mixed = seed * 0x9E3779B97F4A7C15L;
    for (int i = 0; i < label.length(); i++) {
      mixed = (mixed ^ label.charAt(i)) * 0x100000001B3L;
    }
    return new Rng(mixed);
  }

  int nextInt(int bound) {
    return random.nextInt(bound);
  }

  /** Uniform in {@code [from, to]}. */
  int between(int from, int to) {
    return from + random.nextInt(to - from + 1);
  }

  long nextLong(long bound) {
    return random.nextLong(bound);
  }

  double nextDouble() {
    return random.nextDouble();
  }

  boolean chance(double probability) {
    return random.nextDouble() < probability;
  }

  <T> T pick(List<T> items) {
    return items.get(random.nextInt(items.size()));
  }

  <T> T pick(T[] items) {
    return items[random.nextInt(items.length)];
  }

  String hex(int length) {
    char[] chars = new char[length];
    for (int i = 0; i < length; i++) {
      chars[i] = HEX[random.nextInt(16)];
    }
    return new String(chars);
  }

  String upperHex(int length) {
    return hex(length).toUpperCase(java.util.Locale.ROOT);
  }

  String alnum(int length) {
    char[] chars = new char[length];
    for (int i = 0; i < length; i++) {
      chars[i] = ALNUM[random.nextInt(ALNUM.length)];
    }
    return new String(chars);
  }

  /** A money amount with two decimals in {@code [min, max)}. */
  String amount(int min, int max) {
    int cents = min * 100 + random.nextInt((max - min) * 100);
    int fraction = cents % 100;
    return (cents / 100) + (fraction < 10 ? ".0" : ".") + fraction;
  }
}
