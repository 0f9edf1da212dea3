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
 */
public record InputSplit(
    String path, InputFormat format, boolean gzip, long start, long length, long fileLength)
    implements Serializable {

  public boolean isWholeFile() {
    return start == 0 && length >= fileLength;
  }

  public long end() {
    return start + length;
  }
}
