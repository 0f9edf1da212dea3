package com.hoteltraffic.report.shared;

import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * A growable byte array that pieces, keys and rows are written into, with the bytes and byte order
 * of {@link DataOutputStream}. Why not a {@code DataOutputStream} over a {@code
 * ByteArrayOutputStream}: that writes an int as four calls of a synchronized {@code write(int)},
 * and a block of hundreds of thousands of keys makes millions of them (14% of a many-keys run's
 * samples were such stream calls). Not thread-safe; reused by clearing.
 */
public final class ByteSink implements DataOutput {
  private byte[] bytes;
  private int size;

  public ByteSink(int capacity) {
    bytes = new byte[Math.max(16, capacity)];
  }

  /** How many bytes were written since the last {@link #clear}. */
  public int size() {
    return size;
  }

  public void clear() {
    size = 0;
  }

  /** A copy of the bytes written. */
  public byte[] toByteArray() {
    return Arrays.copyOf(bytes, size);
  }

  /** Writes the bytes written to {@code out}, in one call. */
  public void writeTo(OutputStream out) throws IOException {
    out.write(bytes, 0, size);
  }

  /** Writes the bytes written to {@code out}, in one call. */
  public void writeTo(DataOutput out) throws IOException {
    out.write(bytes, 0, size);
  }

  /** Overwrites the four bytes at {@code at} (a length written ahead as a placeholder). */
  public void putInt(int at, int value) {
    if (at < 0 || at + Integer.BYTES > size) {
      throw new IndexOutOfBoundsException("no int written at " + at);
    }
    bytes[at] = (byte) (value >>> 24);
    bytes[at + 1] = (byte) (value >>> 16);
    bytes[at + 2] = (byte) (value >>> 8);
    bytes[at + 3] = (byte) value;
  }

  private int room(int n) {
    if (size + n > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + n));
    }
    int at = size;
    size += n;
    return at;
  }

  @Override
  public void write(int b) {
    int at = room(1); // before reading the field: room may replace the array
    bytes[at] = (byte) b;
  }

  @Override
  public void write(byte[] b) {
    write(b, 0, b.length);
  }

  @Override
  public void write(byte[] b, int off, int len) {
    int at = room(len); // before reading the field: room may replace the array
    System.arraycopy(b, off, bytes, at, len);
  }

  /**
   * Writes {@link Codec#writeString}'s bytes of a text (its UTF-8 length, then its UTF-8 bytes);
   * ASCII text (hotel ids, providers, kinds) straight into the array, without encoding it into a
   * new one first.
   */
  public void writeUtf8(String text) {
    int length = text.length();
    int at = room(Integer.BYTES + length);
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (c >= 0x80) {
        size = at; // not ASCII: drop what was written and encode the whole text
        byte[] utf8 = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        writeInt(utf8.length);
        write(utf8);
        return;
      }
      bytes[at + Integer.BYTES + i] = (byte) c;
    }
    putInt(at, length);
  }

  /**
   * Writes a text of chars below 256 (a key's codec bytes as chars) as its length and a byte each.
   */
  public void writeLatin1(String text) {
    int length = text.length();
    int at = room(Integer.BYTES + length);
    putInt(at, length);
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (c > 0xFF) {
        throw new IllegalArgumentException("not a Latin-1 text: char " + (int) c + " at " + i);
      }
      bytes[at + Integer.BYTES + i] = (byte) c;
    }
  }

  @Override
  public void writeBoolean(boolean v) {
    write(v ? 1 : 0);
  }

  @Override
  public void writeByte(int v) {
    write(v);
  }

  @Override
  public void writeShort(int v) {
    int at = room(2);
    bytes[at] = (byte) (v >>> 8);
    bytes[at + 1] = (byte) v;
  }

  @Override
  public void writeChar(int v) {
    writeShort(v);
  }

  @Override
  public void writeInt(int v) {
    int at = room(4);
    bytes[at] = (byte) (v >>> 24);
    bytes[at + 1] = (byte) (v >>> 16);
    bytes[at + 2] = (byte) (v >>> 8);
    bytes[at + 3] = (byte) v;
  }

  @Override
  public void writeLong(long v) {
    int at = room(8);
    for (int i = 0; i < 8; i++) {
      bytes[at + i] = (byte) (v >>> (56 - 8 * i));
    }
  }

  @Override
  public void writeFloat(float v) {
    writeInt(Float.floatToIntBits(v));
  }

  @Override
  public void writeDouble(double v) {
    writeLong(Double.doubleToLongBits(v));
  }

  @Override
  public void writeBytes(String s) {
    for (int i = 0; i < s.length(); i++) {
      write(s.charAt(i));
    }
  }

  @Override
  public void writeChars(String s) {
    for (int i = 0; i < s.length(); i++) {
      writeChar(s.charAt(i));
    }
  }

  /**
   * Modified UTF-8 as {@link DataOutputStream#writeUTF}; nothing here writes it, but it is exact.
   */
  @Override
  public void writeUTF(String s) {
    java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(buffer)) {
      out.writeUTF(s);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a byte array does not fail; writeUTF's own limit aside
    }
    write(buffer.toByteArray());
  }
}
