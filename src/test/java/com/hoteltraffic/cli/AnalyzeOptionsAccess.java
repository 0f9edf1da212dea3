package com.hoteltraffic.cli;

import com.hoteltraffic.job.AnalyzeConfig;
import java.util.List;
import java.util.Map;

/**
 * Lets benchmark and test code outside {@code cli} build a config exactly as the command line does.
 */
public final class AnalyzeOptionsAccess {
  private AnalyzeOptionsAccess() {}

  public static AnalyzeConfig parse(List<String> args, Map<String, String> environment) {
    try {
      return AnalyzeOptions.parse(args.toArray(new String[0]), environment);
    } catch (UsageException | AnalyzeOptions.HelpRequested | AnalyzeOptions.VersionRequested e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }
}
