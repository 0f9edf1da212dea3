package com.hoteltraffic.classify;

import java.util.Arrays;

/**
 * One instance per value that repeats (a host, a hotel id, a credential header), for one task: a
 * direct-mapped table of {@link #SLOTS} strings, looked up by a region of characters so that a
 * value seen before costs no new {@code String}, and later hash lookups of it reuse its cached
 * hash. A slot holds the last value that hashed to it, so memory stays bounded whatever the number
 * of distinct values; a value that lost its slot is simply made again.
 *
 * <p>Not thread-safe: one per task (per parser or interpreter), never shared.
 */
public final class TextInterner {
  static final int SLOTS = 4096;

  private final String[] table = new String[SLOTS];

  /** The characters of strings seen twice, to compare them in one bulk step. */
  private final char[][] characters = new char[SLOTS][];

  /** The string of {@code source[from, to)}. */
  public String intern(String source, int from, int to) {
    int hash = 0;
    for (int i = from; i < to; i++) {
      hash = 31 * hash + source.charAt(i);
    }
    int slot = slot(hash);
    String seen = table[slot];
    int length = to - from;
    if (seen != null && seen.length() == length && source.regionMatches(from, seen, 0, length)) {
      return seen;
    }
    String made = from == 0 && to == source.length() ? source : source.substring(from, to);
    table[slot] = made;
    characters[slot] = null;
    return made;
  }

  /** The string of {@code length} characters of {@code chars} at {@code offset}. */
  public String intern(char[] chars, int offset, int length) {
    int hash = 0;
    for (int i = offset; i < offset + length; i++) {
      hash = 31 * hash + chars[i];
    }
    int slot = slot(hash);
    String seen = table[slot];
    if (seen != null && seen.length() == length && seen.hashCode() == hash) {
      char[] seenChars = characters[slot];
      if (seenChars != null) {
        if (Arrays.equals(seenChars, 0, length, chars, offset, offset + length)) {
          return seen;
        }
      } else if (sameChars(seen, chars, offset)) {
        // Seen twice: a value that repeats, worth its characters for a bulk compare next time.
        characters[slot] = seen.toCharArray();
        return seen;
      }
    }
    String made = new String(chars, offset, length);
    table[slot] = made;
    characters[slot] = null;
    return made;
  }

  private static boolean sameChars(String seen, char[] chars, int offset) {
    for (int i = 0; i < seen.length(); i++) {
      if (seen.charAt(i) != chars[offset + i]) {
        return false;
      }
    }
    return true;
  }

  private static int slot(int hash) {
    return (hash ^ (hash >>> 16)) & (SLOTS - 1);
  }
}
