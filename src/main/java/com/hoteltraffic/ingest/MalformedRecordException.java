package com.hoteltraffic.ingest;

/**
 * A record that cannot become an exchange. Its message is the quarantine reason a user reads, so it
 * names what is wrong ("missing field ts") and never echoes field values: a value may be a secret.
 */
public final class MalformedRecordException extends Exception {
  public MalformedRecordException(String reason) {
    super(reason, null, false, false);
  }
}
