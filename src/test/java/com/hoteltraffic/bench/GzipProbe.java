package com.hoteltraffic.bench;

import java.io.BufferedInputStream;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/**
 * Inflates one {@code .gz} and counts its lines, with the given input, inflater and read buffer
 * sizes: run as two whole processes side by side to see whether larger buffers pay (they did not: 1
 * MB against the read's 64 KB, 0.99x the CPU; see docs/operations.md). Not a test.
 *
 * <pre>java -cp target/test-classes com.hoteltraffic.bench.GzipProbe FILE.gz 65536 65536 65536
 * </pre>
 */
public final class GzipProbe {
  private GzipProbe() {}

  public static void main(String[] args) throws IOException {
    int input = Integer.parseInt(args[1]);
    int inflater = Integer.parseInt(args[2]);
    int read = Integer.parseInt(args[3]);
    long lines = 0;
    try (InputStream in =
        new GZIPInputStream(
            new BufferedInputStream(new FileInputStream(args[0]), input), inflater)) {
      byte[] buffer = new byte[read];
      for (int n; (n = in.read(buffer)) > 0; ) {
        for (int i = 0; i < n; i++) {
          if (buffer[i] == '\n') {
            lines++;
          }
        }
      }
    }
    System.out.println(lines);
  }
}
