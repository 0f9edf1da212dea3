package com.hoteltraffic.report;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/**
 * The bytes of piece keys, pieces and blocks, as the read's block files and the merge's shuffle
 * carry them: every kind of piece in one place, its key's kind written as a one-byte tag. A block
 * is {@link #BLOCK_MAGIC}, the number of pieces, then per piece its key, its length and its bytes
 * (so that the merge skips the pieces it does not need without decoding them). Why explicit bytes
 * and not objects: Kryo ignores the state a piece keeps in primitive arrays behind a custom Java
 * serialization, so a run with {@code spark.serializer=KryoSerializer} would lose it silently;
 * these bytes read back the same under any serializer.
 */
final class PieceCodec {
  private PieceCodec() {}

  /** The first bytes of a block ("RPB" and the format's version, 1). */
  static final int BLOCK_MAGIC = 0x52504201;

  /** Every kind of piece; a key's kind is written as its index here (append only). */
  static final List<String> KINDS =
      List.of(
          ReportFold.RATE_HOTEL,
          ReportFold.RATE_TOKEN,
          ReportFold.RATE_PROVIDER,
          ReportFold.CODE,
          ReportFold.BURST,
          ReportFold.OUTAGE_TENANT,
          ReportFold.OUTAGE_CENTRAL,
          ReportFold.BOOKING,
          ReportFold.RATE_OPERATION,
          ReportFold.CREDENTIAL,
          ReportFold.ACCESS,
          ReportFold.BEHAVIOUR,
          ReportFold.PARSE);

  /** A piece of {@code kind}, read back from what its {@link Piece#write} wrote. */
  static Piece readPiece(String kind, DataInput in) throws IOException {
    return switch (kind) {
      case ReportFold.RATE_HOTEL, ReportFold.RATE_TOKEN, ReportFold.RATE_PROVIDER ->
          RateCell.read(in);
      case ReportFold.CODE -> CodeCell.read(in);
      case ReportFold.BURST -> CredentialTraffic.read(in);
      case ReportFold.OUTAGE_TENANT, ReportFold.OUTAGE_CENTRAL -> OutageEvidence.read(in);
      case ReportFold.BOOKING -> BookingEvidence.read(in);
      case ReportFold.RATE_OPERATION -> OperationCell.read(in);
      case ReportFold.CREDENTIAL -> CredentialCell.read(in);
      case ReportFold.ACCESS -> AccessCell.read(in);
      case ReportFold.BEHAVIOUR -> BehaviourCell.read(in);
      case ReportFold.PARSE -> ParseFailureCell.read(in);
      default -> throw new IllegalArgumentException("No piece of kind " + kind);
    };
  }

  static void writeKey(DataOutput out, Piece.PieceKey key) throws IOException {
    int tag = KINDS.indexOf(key.kind());
    if (tag < 0) {
      throw new IllegalArgumentException("No piece of kind " + key.kind());
    }
    out.writeByte(tag);
    BlockCodec.writeString(out, key.provider());
    BlockCodec.writeString(out, key.key());
    BlockCodec.writeString(out, key.detail());
    out.writeLong(key.number());
  }

  static Piece.PieceKey readKey(DataInput in) throws IOException {
    int tag = in.readUnsignedByte();
    if (tag >= KINDS.size()) {
      throw new IOException("Unknown piece kind tag " + tag);
    }
    return new Piece.PieceKey(
        KINDS.get(tag),
        BlockCodec.readString(in),
        BlockCodec.readString(in),
        BlockCodec.readString(in),
        in.readLong());
  }

  /**
   * The key as the merge's shuffle key: its codec bytes, one char per byte (ISO-8859-1, which maps
   * every byte to the char of the same value). A String hashes and compares by content in every JVM
   * and under any serializer; a byte[] would hash by identity.
   */
  static String keyText(Piece.PieceKey key) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      writeKey(out, key);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a byte array does not fail
    }
    return bytes.toString(StandardCharsets.ISO_8859_1);
  }

  /** The key of a {@link #keyText}. */
  static Piece.PieceKey keyOf(String text) {
    try (DataInputStream in =
        new DataInputStream(new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)))) {
      return readKey(in);
    } catch (IOException e) {
      throw new UncheckedIOException("Not a piece key", e);
    }
  }

  /** Writes a block of {@code pieces}. */
  static void writeBlock(DataOutput out, Map<Piece.PieceKey, Piece> pieces) throws IOException {
    out.writeInt(BLOCK_MAGIC);
    out.writeInt(pieces.size());
    Buffer buffer = new Buffer();
    DataOutputStream piece = new DataOutputStream(buffer);
    for (Map.Entry<Piece.PieceKey, Piece> entry : pieces.entrySet()) {
      writeKey(out, entry.getKey());
      buffer.reset();
      entry.getValue().write(piece);
      out.writeInt(buffer.size());
      out.write(buffer.array(), 0, buffer.size());
    }
  }

  /**
   * Reads a block to its end, handing on the codec bytes of each piece whose key is {@code wanted};
   * the others are skipped undecoded.
   *
   * @param name the block, for messages
   * @throws IOException when the bytes are not a whole block (a truncated file, another file)
   */
  static void readBlock(
      String name,
      InputStream block,
      Predicate<Piece.PieceKey> wanted,
      BiConsumer<Piece.PieceKey, byte[]> sink)
      throws IOException {
    DataInputStream in = new DataInputStream(block);
    if (in.readInt() != BLOCK_MAGIC) {
      throw new IOException(name + " is not a block of report pieces");
    }
    int count = in.readInt();
    try {
      for (int i = 0; i < count; i++) {
        Piece.PieceKey key = readKey(in);
        int length = in.readInt();
        if (wanted.test(key)) {
          byte[] bytes = new byte[length];
          in.readFully(bytes);
          sink.accept(key, bytes);
        } else {
          in.skipNBytes(length);
        }
      }
    } catch (EOFException e) {
      throw new IOException(name + " ends before its " + count + " pieces: truncated", e);
    }
    if (in.read() != -1) {
      throw new IOException(name + " has bytes after its " + count + " pieces");
    }
  }

  /** A piece's codec bytes. */
  static byte[] encode(Piece piece) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      piece.write(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a byte array does not fail
    }
    return bytes.toByteArray();
  }

  /** A byte buffer whose bytes are read in place, not copied. */
  private static final class Buffer extends ByteArrayOutputStream {
    byte[] array() {
      return buf;
    }
  }

  /** A new piece of {@code kind} from its {@link #encode} bytes, all of which it must use. */
  static Piece decode(String kind, byte[] bytes) {
    ByteArrayInputStream stream = new ByteArrayInputStream(bytes);
    try (DataInputStream in = new DataInputStream(stream)) {
      Piece piece = readPiece(kind, in);
      if (stream.available() != 0) {
        throw new IOException(stream.available() + " bytes left after a piece of kind " + kind);
      }
      return piece;
    } catch (IOException e) {
      throw new UncheckedIOException("Not a piece of kind " + kind, e);
    }
  }
}
