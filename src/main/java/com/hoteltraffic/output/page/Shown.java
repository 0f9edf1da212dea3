package com.hoteltraffic.output.page;

import java.util.List;

/** The first rows of a list and how many it had in all: the page says "showing N of M". */
public record Shown<T>(List<T> rows, long total) {
  public Shown {
    rows = List.copyOf(rows);
  }

  boolean truncated() {
    return total > rows.size();
  }
}
