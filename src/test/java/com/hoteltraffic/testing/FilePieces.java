package com.hoteltraffic.testing;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Rewrites a traffic directory as many small files holding the same lines: each JSON Lines file
 * ({@code .jsonl}, plain or {@code .gz}) becomes plain pieces of at most so many lines, byte for
 * byte (blank, bad and unterminated lines included), in the same sub-directory, named {@code
 * <name>-00001.jsonl} and on; every other file is copied as it is. So the exchanges are identical
 * and only the file layout differs, as when a recorder rotates every few minutes.
 */
public final class FilePieces {
  private FilePieces() {}

  /**
   * One written piece.
   *
   * @param lines its lines (a last line without a newline counts)
   */
  public record Piece(Path file, long lines) {}

  /** Cuts every JSON Lines file below {@code traffic} into pieces of {@code linesPerPiece}. */
  public static List<Piece> byLines(Path traffic, Path target, long linesPerPiece)
      throws IOException {
    List<Piece> pieces = new ArrayList<>();
    for (Path file : files(traffic)) {
      Path relative = traffic.relativize(file);
      Path directory = target.resolve(relative).getParent();
      Files.createDirectories(directory);
      String name = file.getFileName().toString();
      if (!isJsonLines(name)) {
        Files.copy(file, directory.resolve(name));
        continue;
      }
      String base = name.substring(0, name.indexOf(".jsonl"));
      try (InputStream in = open(file)) {
        cut(in, directory, base, linesPerPiece, pieces);
      }
    }
    return pieces;
  }

  /**
   * Cuts the JSON Lines files below {@code traffic} into about {@code count} pieces in all (each
   * file into pieces of the same number of lines, so slightly more than {@code count}).
   */
  public static List<Piece> intoAbout(Path traffic, Path target, int count) throws IOException {
    long lines = 0;
    for (Path file : files(traffic)) {
      if (isJsonLines(file.getFileName().toString())) {
        try (InputStream in = open(file)) {
          lines += countLines(in);
        }
      }
    }
    return byLines(traffic, target, Math.max(1, (lines + count - 1) / count));
  }

  private static boolean isJsonLines(String name) {
    return name.endsWith(".jsonl") || name.endsWith(".jsonl.gz");
  }

  private static List<Path> files(Path traffic) throws IOException {
    try (Stream<Path> walk = Files.walk(traffic)) {
      return walk.filter(Files::isRegularFile).sorted().toList();
    }
  }

  private static InputStream open(Path file) throws IOException {
    InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    return file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in;
  }

  private static long countLines(InputStream in) throws IOException {
    long lines = 0;
    int last = '\n';
    byte[] buffer = new byte[1 << 16];
    for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
      for (int i = 0; i < read; i++) {
        if (buffer[i] == '\n') {
          lines++;
        }
      }
      last = read > 0 ? buffer[read - 1] : last;
    }
    return last == '\n' ? lines : lines + 1;
  }

  /** Copies {@code in} into pieces, a new one after every {@code linesPerPiece} newlines. */
  private static void cut(
      InputStream in, Path directory, String base, long linesPerPiece, List<Piece> pieces)
      throws IOException {
    OutputStream out = null;
    Path current = null;
    long lines = 0;
    boolean open = false; // bytes written after the piece's last newline
    int number = 0;
    byte[] buffer = new byte[1 << 16];
    try {
      for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
        int from = 0;
        for (int i = 0; i < read; i++) {
          if (out == null) {
            current = directory.resolve(String.format("%s-%05d.jsonl", base, ++number));
            out = new BufferedOutputStream(Files.newOutputStream(current), 1 << 16);
            from = i;
          }
          open = buffer[i] != '\n';
          if (buffer[i] == '\n' && ++lines == linesPerPiece) {
            out.write(buffer, from, i + 1 - from);
            out.close();
            out = null;
            pieces.add(new Piece(current, lines));
            lines = 0;
          }
        }
        if (out != null) {
          out.write(buffer, from, read - from);
        }
      }
      if (out != null) {
        out.close();
        out = null;
        pieces.add(new Piece(current, open ? lines + 1 : lines));
      }
    } finally {
      if (out != null) {
        out.close();
      }
    }
  }
}
