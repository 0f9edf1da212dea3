package com.hoteltraffic.report.shared;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** {@link ByteSink} writes the bytes of a DataOutputStream; {@link ByteSource} reads them back. */
class ByteSinkSourceTest {
  private static final String TEXT = "Zürich 𝄞 hotel";

  /** Every kind of value, in the same order into any DataOutput. */
  private static void writeAll(DataOutput out) throws IOException {
    out.writeInt(0x01020304);
    out.writeInt(-1);
    out.writeLong(Long.MIN_VALUE + 12345);
    out.writeByte(200);
    out.writeBoolean(true);
    out.writeShort(-2);
    out.writeDouble(0.1);
    out.writeFloat(2.5f);
    Codec.writeString(out, TEXT);
    Codec.writeString(out, null);
    Codec.writeString(out, "100042");
    Codec.writeString(out, "");
    out.writeUTF("modified");
    for (int i = 0; i < 3000; i++) {
      out.writeLong(i * 1_000_003L);
    }
  }

  private static byte[] viaStream() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      writeAll(out);
    }
    return bytes.toByteArray();
  }

  @Test
  void theSinkWritesTheBytesOfADataOutputStreamAcrossGrowth() throws IOException {
    ByteSink sink = new ByteSink(1); // grows many times on the way
    writeAll(sink);
    assertArrayEquals(viaStream(), sink.toByteArray(), "the same bytes as DataOutputStream");
    assertEquals(viaStream().length, sink.size(), "size");
    sink.clear();
    assertEquals(0, sink.size(), "cleared");
  }

  @Test
  void latin1TextKeepsEveryCharBelow256AndRefusesOthers() throws IOException {
    StringBuilder all = new StringBuilder();
    for (char c = 0; c < 256; c++) {
      all.append(c);
    }
    ByteSink sink = new ByteSink(4);
    sink.writeLatin1(all.toString());
    sink.writeLatin1("");
    assertEquals(4 + 256 + 4, sink.size(), "a length and a byte per char");
    ByteSource in = new ByteSource(new ByteArrayInputStream(sink.toByteArray()), 64);
    assertEquals(all.toString(), in.readLatin1(), "chars 0 to 255, through a small buffer");
    assertEquals("", in.readLatin1(), "empty");
    assertTrue(in.atEnd(), "nothing left");
    assertThrows(IllegalArgumentException.class, () -> sink.writeLatin1("\u0100"), "char 256");
  }

  @Test
  void aPlaceholderIntIsOverwrittenInPlace() {
    ByteSink sink = new ByteSink(16);
    sink.writeByte(7);
    sink.writeInt(0);
    sink.writeLong(9);
    sink.putInt(1, 13);
    assertArrayEquals(
        new byte[] {7, 0, 0, 0, 13, 0, 0, 0, 0, 0, 0, 0, 9}, sink.toByteArray(), "patched length");
    assertThrows(IndexOutOfBoundsException.class, () -> sink.putInt(10, 1), "past the end");
  }

  @Test
  void theSourceReadsBackFromAnArrayAndFromAStreamWithATinyBuffer() throws IOException {
    byte[] bytes = viaStream();
    readAll(new ByteSource(bytes));
    // 64 bytes of buffer: every value straddles a refill somewhere.
    readAll(new ByteSource(new ByteArrayInputStream(bytes), 1));
  }

  private static void readAll(ByteSource in) throws IOException {
    assertEquals(0x01020304, in.readInt(), "int");
    assertEquals(-1, in.readInt(), "negative int");
    assertEquals(Long.MIN_VALUE + 12345, in.readLong(), "long");
    assertEquals(200, in.readUnsignedByte(), "unsigned byte");
    assertTrue(in.readBoolean(), "boolean");
    assertEquals(-2, in.readShort(), "short");
    assertEquals(0.1, in.readDouble(), "double, exactly");
    assertEquals(2.5f, in.readFloat(), "float");
    assertEquals(TEXT, Codec.readString(in), "UTF-8 text with a supplementary character");
    assertEquals(null, Codec.readString(in), "null text");
    assertEquals("100042", Codec.readString(in), "ASCII text");
    assertEquals("", Codec.readString(in), "empty text");
    assertEquals("modified", in.readUTF(), "modified UTF-8");
    in.skipFully(8 * 1000);
    assertEquals(1000 * 1_000_003L, in.readLong(), "the long after 1,000 skipped");
    in.skipFully(8 * 1998);
    assertFalse(in.atEnd(), "one long left");
    assertEquals(2999 * 1_000_003L, in.readLong(), "the last long");
    assertTrue(in.atEnd(), "at the end");
    assertEquals(-1, in.read(), "nothing after the end");
    assertThrows(EOFException.class, in::readInt, "an int past the end");
  }
}
