package com.hoteltraffic.cli;

/** Placeholder so the build resolves; replaced by the real entry point. */
public final class AnalyzeMain {
  public static void main(String[] args) {}
}
