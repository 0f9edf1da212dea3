package com.hoteltraffic.report.shared;

import java.io.DataInput;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads what a {@link ByteSink} (or a {@link java.io.DataOutputStream}) wrote, from a byte array or
 * from a stream through its own buffer, without the synchronized single-byte reads of a {@code
 * DataInputStream} over a {@code BufferedInputStream} or a {@code ByteArrayInputStream} (see {@link
 * ByteSink}). Not thread-safe.
 */
public final class ByteSource implements DataInput {
  private final InputStream stream;
  private byte[] bytes;
  private int position;
  private int limit;

  /** Reads {@code bytes} from {@code offset} to {@code offset + length}. */
  public ByteSource(byte[] bytes, int offset, int length) {
    this.stream = null;
    this.bytes = bytes;
    this.position = offset;
    this.limit = offset + length;
  }

  public ByteSource(byte[] bytes) {
    this(bytes, 0, bytes.length);
  }

  /** Reads {@code stream} through a buffer of {@code bufferSize} bytes. */
  public ByteSource(InputStream stream, int bufferSize) {
    this.stream = stream;
    this.bytes = new byte[Math.max(64, bufferSize)];
  }

  /** Bytes left in an array; of a stream, those buffered. */
  public int available() {
    return limit - position;
  }

  /** Whether every byte was read: of a stream, whether it is at its end. */
  public boolean atEnd() throws IOException {
    return position == limit && !fill(1);
  }

  /** Makes {@code n} bytes available in the buffer, or returns false at the end of the input. */
  private boolean fill(int n) throws IOException {
    if (limit - position >= n) {
      return true;
    }
    if (stream == null) {
      return false;
    }
    int left = limit - position;
    if (n > bytes.length) {
      byte[] larger = new byte[Math.max(n, bytes.length * 2)];
      System.arraycopy(bytes, position, larger, 0, left);
      bytes = larger;
    } else {
      System.arraycopy(bytes, position, bytes, 0, left);
    }
    position = 0;
    limit = left;
    while (limit < n) {
      int read = stream.read(bytes, limit, bytes.length - limit);
      if (read < 0) {
        return false;
      }
      limit += read;
    }
    return true;
  }

  /** The start of {@code n} available bytes, which then count as read. */
  private int take(int n) throws IOException {
    if (!fill(n)) {
      throw new EOFException("needed " + n + " more bytes");
    }
    int at = position;
    position += n;
    return at;
  }

  /** A string of the next {@code length} bytes, UTF-8, made from the buffer in place. */
  public String readUtf8(int length) throws IOException {
    if (length <= bytes.length || stream == null) {
      int at = take(length);
      return new String(bytes, at, length, StandardCharsets.UTF_8);
    }
    byte[] text = new byte[length];
    readFully(text);
    return new String(text, StandardCharsets.UTF_8);
  }

  /** A text that {@link ByteSink#writeLatin1} wrote: its length, then a char per byte. */
  public String readLatin1() throws IOException {
    int length = readInt();
    if (length < 0) {
      throw new IOException("negative text length " + length);
    }
    if (length <= bytes.length || stream == null) {
      int at = take(length);
      return new String(bytes, at, length, StandardCharsets.ISO_8859_1);
    }
    byte[] text = new byte[length];
    readFully(text);
    return new String(text, StandardCharsets.ISO_8859_1);
  }

  @Override
  public void readFully(byte[] b) throws IOException {
    readFully(b, 0, b.length);
  }

  @Override
  public void readFully(byte[] b, int off, int len) throws IOException {
    int done = 0;
    while (done < len) {
      int chunk = Math.min(len - done, bytes.length);
      int at = take(chunk);
      System.arraycopy(bytes, at, b, off + done, chunk);
      done += chunk;
    }
  }

  @Override
  public int skipBytes(int n) throws IOException {
    skipFully(n);
    return n;
  }

  /** Skips exactly {@code n} bytes. */
  public void skipFully(long n) throws IOException {
    long left = n;
    while (left > 0) {
      int chunk = (int) Math.min(left, bytes.length);
      take(chunk);
      left -= chunk;
    }
  }

  /** The next byte, or -1 at the end. */
  public int read() throws IOException {
    return fill(1) ? bytes[position++] & 0xFF : -1;
  }

  @Override
  public boolean readBoolean() throws IOException {
    return readByte() != 0;
  }

  @Override
  public byte readByte() throws IOException {
    return bytes[take(1)];
  }

  @Override
  public int readUnsignedByte() throws IOException {
    return readByte() & 0xFF;
  }

  @Override
  public short readShort() throws IOException {
    int at = take(2);
    return (short) (((bytes[at] & 0xFF) << 8) | (bytes[at + 1] & 0xFF));
  }

  @Override
  public int readUnsignedShort() throws IOException {
    return readShort() & 0xFFFF;
  }

  @Override
  public char readChar() throws IOException {
    return (char) readShort();
  }

  @Override
  public int readInt() throws IOException {
    int at = take(4);
    return ((bytes[at] & 0xFF) << 24)
        | ((bytes[at + 1] & 0xFF) << 16)
        | ((bytes[at + 2] & 0xFF) << 8)
        | (bytes[at + 3] & 0xFF);
  }

  @Override
  public long readLong() throws IOException {
    int at = take(8);
    long value = 0;
    for (int i = 0; i < 8; i++) {
      value = (value << 8) | (bytes[at + i] & 0xFF);
    }
    return value;
  }

  @Override
  public float readFloat() throws IOException {
    return Float.intBitsToFloat(readInt());
  }

  @Override
  public double readDouble() throws IOException {
    return Double.longBitsToDouble(readLong());
  }

  /** Not supported: nothing here writes lines. */
  @Override
  public String readLine() {
    throw new UnsupportedOperationException("ByteSource reads no lines");
  }

  /** Modified UTF-8 as {@link DataInputStream#readUTF}. */
  @Override
  public String readUTF() throws IOException {
    return DataInputStream.readUTF(this);
  }
}
