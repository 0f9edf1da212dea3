package com.hoteltraffic.classify;

import java.nio.charset.StandardCharsets;
import java.security.DigestException;
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
  private static final HexFormat HEX = HexFormat.of();

  /** Most methods, URLs and bodies are shorter ASCII: encoded here without a new array. */
  private static final int ASCII_BUFFER = 8 * 1024;

  private final MessageDigest sha256;
  private final byte[] digest = new byte[32];
  private final byte[] ascii = new byte[ASCII_BUFFER];

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
    try {
      sha256.digest(digest, 0, digest.length);
    } catch (DigestException e) {
      throw new IllegalStateException("SHA-256 gives 32 bytes", e);
    }
    return HEX.formatHex(digest, 0, 8);
  }

  /** The text's UTF-8 bytes: ASCII through a reused buffer, anything else as the JDK encodes it. */
  private void update(String text) {
    if (text == null) {
      return;
    }
    int length = text.length();
    if (length > ascii.length) {
      sha256.update(text.getBytes(StandardCharsets.UTF_8));
      return;
    }
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (c >= 0x80) {
        sha256.update(text.getBytes(StandardCharsets.UTF_8));
        return;
      }
      ascii[i] = (byte) c;
    }
    sha256.update(ascii, 0, length);
  }
}
