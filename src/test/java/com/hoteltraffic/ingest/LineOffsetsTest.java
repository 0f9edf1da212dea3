package com.hoteltraffic.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LineOffsetsTest {

  @Test
  void countsNewlinesAtEveryAlignmentLikeAPlainLoop() {
    Random random = new Random(7);
    for (int length = 0; length < 200; length++) {
      byte[] bytes = new byte[length];
      for (int i = 0; i < length; i++) {
        // Newlines, bytes one bit away from a newline, and high bytes that could carry into one.
        int pick = random.nextInt(6);
        bytes[i] =
            (byte)
                switch (pick) {
                  case 0 -> '\n';
                  case 1 -> 0x0b;
                  case 2 -> 0x8a;
                  case 3 -> 0xff;
                  case 4 -> 0x00;
                  default -> random.nextInt(256);
                };
      }
      for (int from = 0; from <= Math.min(length, 9); from++) {
        assertEquals(
            naiveNewlines(bytes, from, length),
            LineOffsets.newlines(bytes, from, length),
            "newlines in [" + from + ", " + length + ")");
      }
    }
  }

  @Test
  void linesOfAllRangesAddUpToTheFileAndFollowTheSplitRule() throws IOException {
    // Lines start at 0, 2, 3 (blank), 4, 9; the file ends without a newline.
    byte[] file = "a\n\n\nbcde\nfgh".getBytes();
    assertEquals(5, lineStarts(file, 0, file.length), "whole file");
    assertEquals(2, lineStarts(file, 0, 3), "[0,3): lines at 0 and 2");
    assertEquals(2, lineStarts(file, 3, 9), "[3,9): lines at 3 and 4");
    assertEquals(0, lineStarts(file, 5, 9), "[5,9): inside a line");
    assertEquals(1, lineStarts(file, 9, file.length), "[9,end): the last line");
    for (int cut = 1; cut < file.length; cut++) {
      assertEquals(
          5, lineStarts(file, 0, cut) + lineStarts(file, cut, file.length), "cut at " + cut);
    }
  }

  @Test
  void aFileEndingWithANewlineHasNoLineAfterIt() throws IOException {
    byte[] file = "x\ny\n".getBytes();
    assertEquals(2, lineStarts(file, 0, file.length), "two lines");
    assertEquals(0, lineStarts(file, 4, file.length), "nothing starts at the end");
  }

  private static long lineStarts(byte[] file, int start, int end) throws IOException {
    int from = start == 0 ? 0 : start - 1;
    ByteArrayInputStream in = new ByteArrayInputStream(file, from, file.length - from);
    return LineOffsets.lineStarts(in, from, start, end);
  }

  private static long naiveNewlines(byte[] bytes, int from, int to) {
    long count = 0;
    for (int i = from; i < to; i++) {
      if (bytes[i] == '\n') {
        count++;
      }
    }
    return count;
  }
}
