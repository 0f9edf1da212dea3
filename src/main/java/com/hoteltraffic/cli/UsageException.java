package com.hoteltraffic.cli;

/** A command-line problem the user can fix: printed as one line, exit status 2. */
public final class UsageException extends Exception {
  public UsageException(String message) {
    super(message);
  }
}
