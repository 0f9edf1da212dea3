package com.hoteltraffic.classify;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What identifies a request as "the same call again": the first 64 bits of SHA-256 over its method,
 * full URL (query included) and request body, as 16 hex digits ({@code request_fingerprint}). Only
 * the hash leaves the interpreter, never the body; headers (and so the credential) are not part of
 * it. Two calls with the same fingerprint were sent unchanged; a different body or query gives
 * another.
 */
public final class RequestFingerprint {
  private final MessageDigest sha256;

  public RequestFingerprint() {
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** The fingerprint; a missing method, URL or body hashes as empty text. */
  public String of(String method, String url, String body) {
    sha256.reset();
    update(method);
    sha256.update((byte) '\n');
    update(url);
    sha256.update((byte) '\n');
    update(body);
    byte[] digest = sha256.digest();
    return HexFormat.of().formatHex(digest, 0, 8);
  }

  private void update(String text) {
    if (text != null) {
      sha256.update(text.getBytes(StandardCharsets.UTF_8));
    }
  }
}
