package com.hoteltraffic.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * {@link TokenPseudonymizer}: the token_id rule of outputs.md, checked against independent digests.
 */
class TokenPseudonymizerTest {
  private static final byte[] KEY = "company-secret-key".getBytes(StandardCharsets.UTF_8);
  private static final List<String> CREDENTIALS =
      List.of("casy-token-0123456789abcdef", "hb-api-key-ZYX", "ünïcödé", "x", "");

  private static String expectedHmac(byte[] key, String credential) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    return "tok_" + hex(mac.doFinal(credential.getBytes(StandardCharsets.UTF_8))).substring(0, 12);
  }

  private static String expectedSha256(String credential) throws Exception {
    byte[] digest =
        MessageDigest.getInstance("SHA-256").digest(credential.getBytes(StandardCharsets.UTF_8));
    return "tok_" + hex(digest).substring(0, 12);
  }

  private static String hex(byte[] bytes) {
    StringBuilder out = new StringBuilder();
    for (byte b : bytes) {
      out.append(String.format("%02x", b & 0xff));
    }
    return out.toString();
  }

  @Test
  void keyedIdsAreTheFirst12HexOfHmacSha256() throws Exception {
    TokenPseudonymizer tokens = new TokenPseudonymizer(KEY);
    assertTrue(tokens.keyed(), "keyed");
    for (String credential : CREDENTIALS) {
      String id = tokens.tokenId(credential);
      assertEquals(expectedHmac(KEY, credential), id, "HMAC id of '" + credential + "'");
      assertTrue(id.matches("tok_[0-9a-f]{12}"), "format: " + id);
      assertEquals(id, tokens.tokenId(credential), "stable on a second call (cache)");
    }
  }

  @Test
  void knownVectors() {
    // Fixed vectors, computed once outside the JVM (RFC 4231 style key/data; FIPS 180-2 "abc").
    assertEquals(
        "tok_ba7816bf8f01", new TokenPseudonymizer(null).tokenId("abc"), "SHA-256(\"abc\")");
    assertEquals(
        "tok_5bdcc146bf60",
        new TokenPseudonymizer("Jefe".getBytes(StandardCharsets.US_ASCII))
            .tokenId("what do ya want for nothing?"),
        "RFC 4231 test case 2");
  }

  @Test
  void unkeyedIdsAreTheFirst12HexOfSha256() throws Exception {
    TokenPseudonymizer tokens = new TokenPseudonymizer(null);
    assertFalse(tokens.keyed(), "unkeyed");
    for (String credential : CREDENTIALS) {
      assertEquals(
          expectedSha256(credential),
          tokens.tokenId(credential),
          "SHA-256 id of '" + credential + "'");
    }
    assertNotEquals(
        new TokenPseudonymizer(KEY).tokenId("abc"),
        tokens.tokenId("abc"),
        "the key changes the id");
  }

  @Test
  void theKeyArrayIsCopiedAndTheObjectSurvivesSerialisation() throws Exception {
    byte[] key = KEY.clone();
    TokenPseudonymizer tokens = new TokenPseudonymizer(key);
    key[0] ^= 1;
    assertEquals(
        expectedHmac(KEY, "abc"),
        tokens.tokenId("abc"),
        "changing the caller's array changes nothing");

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(tokens);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      TokenPseudonymizer copy = (TokenPseudonymizer) in.readObject();
      assertEquals(
          expectedHmac(KEY, "abc"),
          copy.tokenId("abc"),
          "a task's deserialised copy gives the same id");
    }
  }

  @Test
  void manyDistinctCredentialsStayCorrectPastTheCache() throws Exception {
    TokenPseudonymizer tokens = new TokenPseudonymizer(KEY);
    for (int i = 0; i < 5000; i++) {
      tokens.tokenId("cred-" + i);
    }
    assertEquals(expectedHmac(KEY, "cred-0"), tokens.tokenId("cred-0"), "evicted entry recomputed");
    assertEquals(expectedHmac(KEY, "cred-4999"), tokens.tokenId("cred-4999"), "cached entry");
  }

  @Test
  void nullCredential() {
    assertNull(new TokenPseudonymizer(KEY).tokenId(null), "no credential, no id");
    assertNull(new TokenPseudonymizer(null).tokenId(null), "no credential, no id (unkeyed)");
    assertNull(TokenPseudonymizer.hint(null), "no credential, no hint");
  }

  @Test
  void hintShowsTheLast4OnlyForLongCredentials() {
    assertEquals("...cdef", TokenPseudonymizer.hint("0123456789abcdef"), "16 characters: last 4");
    assertEquals(
        "...WXYZ", TokenPseudonymizer.hint("abcdefghijklmnopqrstuvwxyzWXYZ"), "long: last 4");
    assertEquals("...", TokenPseudonymizer.hint("0123456789abcde"), "15 characters: nothing");
    assertEquals("...", TokenPseudonymizer.hint("abc"), "short: nothing");
    assertEquals("...", TokenPseudonymizer.hint(""), "empty: nothing");
  }
}
