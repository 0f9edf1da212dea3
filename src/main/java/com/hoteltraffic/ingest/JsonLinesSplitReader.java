package com.hoteltraffic.ingest;

import com.hoteltraffic.json.JsonFactories;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.ZipException;

/**
 * Reads the lines of one JSON Lines split as bytes and parses each with {@link JsonLinesParser},
 * yielding exchanges and quarantined records lazily, then the split's {@link SplitStats}.
 *
 * <p>Split rule (the one Hadoop's line reader uses): a line belongs to the split its first byte
 * falls in. A split that does not start the file is opened one byte early and skips through the
 * first newline, so every line is read by exactly one split.
 *
 * <p>A gzip file that ends early (a recorder that crashed) is not an error of the run: the lines
 * before the cut are kept, the cut-off tail is quarantined, and the split is marked corrupt.
 */
final class JsonLinesSplitReader extends ReadEventIterator {
  /** Longest line kept whole; longer ones are quarantined with their start only. */
  static final int MAX_LINE_BYTES = JsonFactories.MAX_RECORD_BYTES;

  private static final int RAW_PREVIEW_BYTES = 4096;

  private final InputStream in;
  private final InputSplit split;
  private final JsonLinesParser parser;
  private final byte[] chunk = new byte[64 * 1024];
  private int chunkPos;
  private int chunkLen;
  private long streamPos;
  private byte[] line = new byte[8 * 1024];
  private int lineLen;
  private boolean lineTooLong;
  private boolean eof;

  private final SplitStats stats = new SplitStats();
  private boolean statsEmitted;
  private boolean started;

  /**
   * @param in the file's bytes, decompressed, positioned at {@code split.start() - 1} when the
   *     split does not start the file, else at 0
   */
  JsonLinesSplitReader(InputStream in, InputSplit split, JsonLinesParser parser) {
    this.in = in;
    this.split = split;
    this.parser = parser;
    this.streamPos = split.start() > 0 ? split.start() - 1 : 0;
  }

  @Override
  protected ReadEvent advance() {
    if (statsEmitted) {
      return null;
    }
    try {
      if (!started) {
        started = true;
        if (split.start() > 0) {
          skipPartialFirstLine();
        }
      }
      while (stats.corruptReason == null) {
        if (!split.gzip() && streamPos >= split.end()) {
          break; // the line starting here belongs to the next split
        }
        if (!readLine()) {
          break;
        }
        ReadEvent event = lineEvent();
        if (event != null) {
          return event;
        }
      }
    } catch (EOFException | ZipException e) {
      stats.corruptReason =
          "compressed data ends early or is damaged (" + e.getClass().getSimpleName() + ")";
      if (lineLen > 0) {
        stats.lines++;
        stats.quarantined++;
        return ReadEvent.quarantine(
            fileLine(), "line cut off where the file is damaged", rawText());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + split.path(), e);
    }
    statsEmitted = true;
    return ReadEvent.stats(stats);
  }

  private ReadEvent lineEvent() {
    stats.lines++;
    if (isBlank()) {
      stats.blank++;
      return null;
    }
    if (lineTooLong) {
      stats.quarantined++;
      String preview = rawText();
      line = new byte[8 * 1024]; // give the huge buffer back
      return ReadEvent.quarantine(
          fileLine(),
          "line longer than " + MAX_LINE_BYTES + " bytes (only its start is kept)",
          preview);
    }
    try {
      RawExchange exchange = parser.parse(line, 0, lineLen);
      stats.exchanges++;
      if (exchange.repairedUtf8) {
        stats.repairedUtf8++;
      }
      return ReadEvent.exchange(fileLine(), exchange);
    } catch (MalformedRecordException e) {
      stats.quarantined++;
      return ReadEvent.quarantine(fileLine(), e.getMessage(), rawText());
    }
  }

  /** The current line's number in the whole file. */
  private long fileLine() {
    return split.linesBefore() + stats.lines;
  }

  private void skipPartialFirstLine() throws IOException {
    int b;
    while ((b = readByte()) >= 0) {
      if (b == '\n') {
        return;
      }
    }
  }

  /** Reads the next line into {@link #line} without its line ending; false at end of input. */
  private boolean readLine() throws IOException {
    lineLen = 0;
    lineTooLong = false;
    boolean any = false;
    while (true) {
      if (chunkPos == chunkLen && !fill()) {
        break;
      }
      any = true;
      int newline = -1;
      for (int i = chunkPos; i < chunkLen; i++) {
        if (chunk[i] == '\n') {
          newline = i;
          break;
        }
      }
      int end = newline >= 0 ? newline : chunkLen;
      append(chunk, chunkPos, end - chunkPos);
      streamPos += (newline >= 0 ? newline + 1 : chunkLen) - chunkPos;
      chunkPos = newline >= 0 ? newline + 1 : chunkLen;
      if (newline >= 0) {
        break;
      }
    }
    if (lineLen > 0 && line[lineLen - 1] == '\r') {
      lineLen--;
    }
    return any;
  }

  private void append(byte[] source, int from, int count) {
    if (lineTooLong || count == 0) {
      return;
    }
    if (lineLen + count > MAX_LINE_BYTES) {
      // Keep scanning to the newline, but only the start of the line is kept for quarantine.
      lineTooLong = true;
      lineLen = Math.min(lineLen, RAW_PREVIEW_BYTES);
      return;
    }
    if (lineLen + count > line.length) {
      line =
          Arrays.copyOf(line, Math.min(Math.max(line.length * 2, lineLen + count), MAX_LINE_BYTES));
    }
    System.arraycopy(source, from, line, lineLen, count);
    lineLen += count;
  }

  private int readByte() throws IOException {
    if (chunkPos == chunkLen && !fill()) {
      return -1;
    }
    streamPos++;
    return chunk[chunkPos++] & 0xff;
  }

  private boolean fill() throws IOException {
    if (eof) {
      return false;
    }
    int n = in.read(chunk, 0, chunk.length);
    if (n < 0) {
      eof = true;
      return false;
    }
    chunkPos = 0;
    chunkLen = n;
    return true;
  }

  private boolean isBlank() {
    for (int i = 0; i < lineLen; i++) {
      byte b = line[i];
      if (b != ' ' && b != '\t' && b != '\r') {
        return false;
      }
    }
    return true;
  }

  private String rawText() {
    return new String(line, 0, lineLen, StandardCharsets.UTF_8);
  }
}
