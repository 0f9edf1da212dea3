package com.hoteltraffic.report.outages;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** A database failure comes back from its codec bytes with its nulls. */
class FailureCodecTest {
  @Test
  void aFailureRoundTrips() throws IOException {
    OutageRule.Failure failure = new OutageRule.Failure(Long.MAX_VALUE, null, "H9");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      OutageEvidence.writeFailure(out, failure);
    }
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      assertEquals(failure, OutageEvidence.readFailure(in), "failure");
    }
  }
}
