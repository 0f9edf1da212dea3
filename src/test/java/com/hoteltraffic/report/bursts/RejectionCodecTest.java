package com.hoteltraffic.report.bursts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** A rejection comes back from its codec bytes with its nulls. */
class RejectionCodecTest {
  @Test
  void aRejectionRoundTrips() throws IOException {
    BurstRule.Rejection rejection = new BurstRule.Rejection(-5L, "rate_limited", null, 10, null);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      CredentialTraffic.writeRejection(out, rejection);
    }
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      assertEquals(rejection, CredentialTraffic.readRejection(in), "rejection");
    }
  }
}
