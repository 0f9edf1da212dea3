package com.hoteltraffic.report.engine;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One read task's pieces by key: open addressing over three arrays (keys, pieces, hashes), found by
 * the key's fields, so that a fold call that finds its piece makes no key object and no map entry
 * object, and one that does not makes only the key it stores. A task with hundreds of thousands of
 * keys (one hotel per exchange) holds them in two slots of an array each instead of a {@code
 * HashMap} node and a probe key per call.
 *
 * <p>Read as a {@link java.util.Map} (iteration, {@link #get}) by the block writer and by tests.
 */
final class PieceMap extends AbstractMap<PieceKey, Piece> {
  private PieceKey[] keys = new PieceKey[64];
  private Piece[] pieces = new Piece[64];
  private int[] hashes = new int[64];
  private int size;

  /** The hash of a key's fields, spread: the same for {@link #find} and for a stored key. */
  static int hash(String kind, String provider, String key, String detail, long number) {
    int h = kind.hashCode();
    h = h * 31 + Objects.hashCode(provider);
    h = h * 31 + Objects.hashCode(key);
    h = h * 31 + Objects.hashCode(detail);
    h = h * 31 + Long.hashCode(number);
    return h ^ (h >>> 16);
  }

  /**
   * The piece of the key with these fields, made by {@code fresh} (and the key stored) on first
   * use.
   */
  Piece piece(
      String kind,
      String provider,
      String key,
      String detail,
      long number,
      Supplier<? extends Piece> fresh) {
    int hash = hash(kind, provider, key, detail, number);
    int mask = keys.length - 1;
    int slot = hash & mask;
    for (PieceKey found = keys[slot]; found != null; found = keys[slot]) {
      if (hashes[slot] == hash
          && found.number() == number
          && kind.equals(found.kind())
          && Objects.equals(key, found.key())
          && Objects.equals(provider, found.provider())
          && Objects.equals(detail, found.detail())) {
        return pieces[slot];
      }
      slot = (slot + 1) & mask;
    }
    Piece piece = fresh.get();
    keys[slot] = new PieceKey(kind, provider, key, detail, number);
    pieces[slot] = piece;
    hashes[slot] = hash;
    if (++size * 2 > keys.length) {
      grow();
    }
    return piece;
  }

  /** The piece of {@code key}, made by {@code fresh} on first use. */
  Piece piece(PieceKey key, Supplier<? extends Piece> fresh) {
    return piece(key.kind(), key.provider(), key.key(), key.detail(), key.number(), fresh);
  }

  @Override
  public Piece get(Object key) {
    if (!(key instanceof PieceKey k)) {
      return null;
    }
    int hash = hash(k.kind(), k.provider(), k.key(), k.detail(), k.number());
    int mask = keys.length - 1;
    for (int slot = hash & mask; keys[slot] != null; slot = (slot + 1) & mask) {
      if (hashes[slot] == hash && keys[slot].equals(k)) {
        return pieces[slot];
      }
    }
    return null;
  }

  @Override
  public int size() {
    return size;
  }

  private void grow() {
    PieceKey[] oldKeys = keys;
    Piece[] oldPieces = pieces;
    int[] oldHashes = hashes;
    keys = new PieceKey[oldKeys.length * 2];
    pieces = new Piece[keys.length];
    hashes = new int[keys.length];
    int mask = keys.length - 1;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != null) {
        int slot = oldHashes[i] & mask;
        while (keys[slot] != null) {
          slot = (slot + 1) & mask;
        }
        keys[slot] = oldKeys[i];
        pieces[slot] = oldPieces[i];
        hashes[slot] = oldHashes[i];
      }
    }
  }

  @Override
  public Set<Entry<PieceKey, Piece>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public int size() {
        return size;
      }

      @Override
      public Iterator<Entry<PieceKey, Piece>> iterator() {
        return new Iterator<>() {
          private int next = advance(0);

          private int advance(int from) {
            int slot = from;
            while (slot < keys.length && keys[slot] == null) {
              slot++;
            }
            return slot;
          }

          @Override
          public boolean hasNext() {
            return next < keys.length;
          }

          @Override
          public Entry<PieceKey, Piece> next() {
            if (!hasNext()) {
              throw new NoSuchElementException();
            }
            Entry<PieceKey, Piece> entry = new SimpleImmutableEntry<>(keys[next], pieces[next]);
            next = advance(next + 1);
            return entry;
          }
        };
      }
    };
  }
}
