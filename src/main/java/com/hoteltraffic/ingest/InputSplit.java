package com.hoteltraffic.ingest;

import java.io.Serializable;

/**
 * A piece of one input file that one Spark task reads. Gzip and HAR files are read whole; a large
 * plain JSON Lines file is cut into byte ranges, and a line belongs to the range its first byte
 * falls in.
 *
 * @param path the file's Hadoop path (URI string)
 * @param format how to read it
 * @param gzip whether the file is gzip-compressed
 * @param start first byte of the range
 * @param length bytes in the range
 * @param fileLength the whole file's length
 * @param linesBefore lines of the file before this range (see {@link LineOffsets}), so that line
 *     numbers are file-wide whichever task reads the range
 */
public record InputSplit(
    String path,
    InputFormat format,
    boolean gzip,
    long start,
    long length,
    long fileLength,
    long linesBefore)
    implements Serializable {

  /** A range whose preceding lines are not counted yet. */
  public InputSplit(
      String path, InputFormat format, boolean gzip, long start, long length, long fileLength) {
    this(path, format, gzip, start, length, fileLength, 0);
  }

  public InputSplit withLinesBefore(long lines) {
    return new InputSplit(path, format, gzip, start, length, fileLength, lines);
  }

  public boolean isWholeFile() {
    return start == 0 && length >= fileLength;
  }

  public long end() {
    return start + length;
  }
}
