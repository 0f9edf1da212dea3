package com.hoteltraffic.cli;

/** Lets tests outside {@code cli} run the command line in process, exactly as jobs/analyze does. */
public final class AnalyzeMainAccess {
  private AnalyzeMainAccess() {}

  public static int run(String... args) {
    return AnalyzeMain.run(args);
  }
}
