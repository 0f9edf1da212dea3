package com.hoteltraffic.report.engine;

import com.hoteltraffic.report.shared.ByteSink;
import com.hoteltraffic.report.shared.ByteSource;
import com.hoteltraffic.report.shared.Codec;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/**
 * The bytes of piece keys, pieces and blocks, as the read's block files and the merge's shuffle
 * carry them, for the kinds of one {@link ReportCatalog}: a key's kind is written as its one-byte
 * tag, a piece as its kind's own codec bytes ({@link Piece#write}, {@link PieceKind#reader}). A
 * block is {@link #BLOCK_MAGIC}, the number of pieces, then per piece its key, its length and its
 * bytes (so that the merge skips the pieces it does not need without decoding them). Why explicit
 * bytes and not objects: Kryo ignores the state a piece keeps in primitive arrays behind a custom
 * Java serialization, so a run with {@code spark.serializer=KryoSerializer} would lose it silently;
 * these bytes read back the same under any serializer.
 */
final class PieceCodec {
  /** The first bytes of a block ("RPB" and the format's version, 1). */
  static final int BLOCK_MAGIC = 0x52504201;

  private final ReportCatalog catalog;

  PieceCodec(ReportCatalog catalog) {
    this.catalog = catalog;
  }

  /** A piece of {@code kind}, read back from what its {@link Piece#write} wrote. */
  Piece readPiece(String kind, DataInput in) throws IOException {
    return catalog.kind(kind).reader().read(in);
  }

  void writeKey(DataOutput out, PieceKey key) throws IOException {
    out.writeByte(catalog.tag(key.kind()));
    Codec.writeString(out, key.provider());
    Codec.writeString(out, key.key());
    Codec.writeString(out, key.detail());
    out.writeLong(key.number());
  }

  PieceKey readKey(DataInput in) throws IOException {
    int tag = in.readUnsignedByte();
    if (tag >= catalog.kindCount()) {
      throw new IOException("Unknown piece kind tag " + tag);
    }
    return new PieceKey(
        catalog.kind(tag).name(),
        Codec.readString(in),
        Codec.readString(in),
        Codec.readString(in),
        in.readLong());
  }

  /**
   * The key as the merge's shuffle key: its codec bytes, one char per byte (ISO-8859-1, which maps
   * every byte to the char of the same value). A String hashes and compares by content in every JVM
   * and under any serializer; a byte[] would hash by identity.
   */
  String keyText(PieceKey key) {
    ByteSink bytes = new ByteSink(64);
    try {
      writeKey(bytes, key);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a byte array does not fail
    }
    return new String(bytes.toByteArray(), StandardCharsets.ISO_8859_1);
  }

  /** The key of a {@link #keyText}. */
  PieceKey keyOf(String text) {
    try {
      return readKey(new ByteSource(text.getBytes(StandardCharsets.ISO_8859_1)));
    } catch (IOException e) {
      throw new UncheckedIOException("Not a piece key", e);
    }
  }

  /**
   * Writes a block of {@code pieces}: each key and piece into a reused buffer, handed to {@code
   * out} some 64 KB at a time.
   */
  void writeBlock(DataOutput out, Map<PieceKey, Piece> pieces) throws IOException {
    out.writeInt(BLOCK_MAGIC);
    out.writeInt(pieces.size());
    ByteSink buffer = new ByteSink(1 << 17);
    for (Map.Entry<PieceKey, Piece> entry : pieces.entrySet()) {
      writeKey(buffer, entry.getKey());
      int length = buffer.size();
      buffer.writeInt(0); // its length, known once the piece is written
      entry.getValue().write(buffer);
      buffer.putInt(length, buffer.size() - length - Integer.BYTES);
      if (buffer.size() >= 1 << 16) {
        buffer.writeTo(out);
        buffer.clear();
      }
    }
    buffer.writeTo(out);
  }

  /**
   * Reads a block to its end, handing on the codec bytes of each piece whose key is {@code wanted};
   * the others are skipped undecoded.
   *
   * @param name the block, for messages
   * @throws IOException when the bytes are not a whole block (a truncated file, another file)
   */
  void readBlock(
      String name, InputStream block, Predicate<PieceKey> wanted, BiConsumer<PieceKey, byte[]> sink)
      throws IOException {
    ByteSource in = new ByteSource(block, 1 << 16);
    if (in.readInt() != BLOCK_MAGIC) {
      throw new IOException(name + " is not a block of report pieces");
    }
    int count = in.readInt();
    try {
      for (int i = 0; i < count; i++) {
        PieceKey key = readKey(in);
        int length = in.readInt();
        if (wanted.test(key)) {
          byte[] bytes = new byte[length];
          in.readFully(bytes);
          sink.accept(key, bytes);
        } else {
          in.skipFully(length);
        }
      }
    } catch (EOFException e) {
      throw new IOException(name + " ends before its " + count + " pieces: truncated", e);
    }
    if (!in.atEnd()) {
      throw new IOException(name + " has bytes after its " + count + " pieces");
    }
  }

  /**
   * Reads a block to its end as {@link #readBlock} does, but keys stay their codec bytes (as a
   * {@link #keyText}): a key whose piece is not wanted is skipped without building its strings, and
   * a wanted one passes on as the shuffle key it already is. The keys the merge drops (traffic of
   * hotels that saw no incident) are most of a block's keys when they are many.
   *
   * @param wanted whether the piece of a key text is wanted
   * @throws IOException when the bytes are not a whole block (a truncated file, another file)
   */
  void readBlockText(
      String name, InputStream block, Predicate<String> wanted, BiConsumer<String, byte[]> sink)
      throws IOException {
    ByteSource in = new ByteSource(block, 1 << 16);
    if (in.readInt() != BLOCK_MAGIC) {
      throw new IOException(name + " is not a block of report pieces");
    }
    int count = in.readInt();
    KeyBytes key = new KeyBytes();
    try {
      for (int i = 0; i < count; i++) {
        String text = key.read(in, catalog.kindCount());
        int length = in.readInt();
        if (wanted.test(text)) {
          byte[] bytes = new byte[length];
          in.readFully(bytes);
          sink.accept(text, bytes);
        } else {
          in.skipFully(length);
        }
      }
    } catch (EOFException e) {
      throw new IOException(name + " ends before its " + count + " pieces: truncated", e);
    }
    if (!in.atEnd()) {
      throw new IOException(name + " has bytes after its " + count + " pieces");
    }
  }

  /** The tag of a {@link #keyText}: its kind's position in the catalog. */
  static int tagOf(String keyText) {
    return keyText.charAt(0);
  }

  /**
   * Reads one key's codec bytes ({@link #writeKey}: tag, three strings, a long) into a reused
   * buffer, and makes its {@link #keyText} from them, without decoding its strings.
   */
  private static final class KeyBytes {
    private byte[] buffer = new byte[128];
    private int size;

    String read(ByteSource in, int kindCount) throws IOException {
      size = 0;
      int tag = in.readUnsignedByte();
      if (tag >= kindCount) {
        throw new IOException("Unknown piece kind tag " + tag);
      }
      put(1).buffer[0] = (byte) tag;
      for (int field = 0; field < 3; field++) {
        int length = in.readInt();
        int at = size;
        put(Integer.BYTES);
        buffer[at] = (byte) (length >>> 24);
        buffer[at + 1] = (byte) (length >>> 16);
        buffer[at + 2] = (byte) (length >>> 8);
        buffer[at + 3] = (byte) length;
        if (length > 0) {
          at = size;
          put(length);
          in.readFully(buffer, at, length);
        }
      }
      int at = size;
      put(Long.BYTES);
      in.readFully(buffer, at, Long.BYTES);
      return new String(buffer, 0, size, StandardCharsets.ISO_8859_1);
    }

    /** Makes room for {@code n} more bytes and counts them in. */
    private KeyBytes put(int n) {
      if (size + n > buffer.length) {
        buffer = java.util.Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + n));
      }
      size += n;
      return this;
    }
  }

  /** A piece of the kind of tag {@code tag}, from its {@link #encode} bytes. */
  Piece decode(int tag, byte[] bytes) {
    PieceKind kind = catalog.kind(tag);
    ByteSource in = new ByteSource(bytes);
    try {
      Piece piece = kind.reader().read(in);
      if (in.available() != 0) {
        throw new IOException(in.available() + " bytes left after a piece of kind " + kind.name());
      }
      return piece;
    } catch (IOException e) {
      throw new UncheckedIOException("Not a piece of kind " + kind.name(), e);
    }
  }

  /** A piece's codec bytes. */
  byte[] encode(Piece piece) {
    ByteSink bytes = new ByteSink(256);
    try {
      piece.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a byte array does not fail
    }
    return bytes.toByteArray();
  }

  /** A new piece of {@code kind} from its {@link #encode} bytes, all of which it must use. */
  Piece decode(String kind, byte[] bytes) {
    ByteSource in = new ByteSource(bytes);
    try {
      Piece piece = readPiece(kind, in);
      if (in.available() != 0) {
        throw new IOException(in.available() + " bytes left after a piece of kind " + kind);
      }
      return piece;
    } catch (IOException e) {
      throw new UncheckedIOException("Not a piece of kind " + kind, e);
    }
  }
}
