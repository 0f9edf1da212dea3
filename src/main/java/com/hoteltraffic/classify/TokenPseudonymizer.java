package com.hoteltraffic.classify;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns a raw credential into the only form that may leave the reader: {@code tok_} + the first 12
 * lowercase hex characters of HMAC-SHA256(key, credential), or of plain SHA-256 when no key is
 * configured (then the same credential gets the same id in every company's reports, which is why
 * the job warns about it).
 *
 * <p>Not thread-safe: each Spark task uses its own copy (the object is deserialised per task).
 */
public final class TokenPseudonymizer implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final int CACHE_SIZE = 4096;

  private final byte[] key;
  private transient Mac mac;
  private transient MessageDigest sha256;
  // Few credentials make most of the traffic: hashing each once per task is the common case.
  private transient Map<String, String> cache;

  /**
   * @param key the HMAC key, or null for plain SHA-256
   */
  public TokenPseudonymizer(byte[] key) {
    this.key = key == null ? null : key.clone();
  }

  public boolean keyed() {
    return key != null;
  }

  public String tokenId(String credential) {
    if (credential == null) {
      return null;
    }
    if (cache == null) {
      cache = new HashMap<>(256);
    }
    String id = cache.get(credential);
    if (id == null) {
      if (cache.size() >= CACHE_SIZE) {
        cache.clear(); // a flood of distinct credentials: hashing them all is the honest cost
      }
      id = hash(credential);
      cache.put(credential, id);
    }
    return id;
  }

  /**
   * A hint ops can match against their own records: {@code ...} and the last 4 characters, only for
   * credentials long enough that 4 characters give nothing useful away. ASCII only: the CSVs are
   * opened in Excel, which reads a UTF-8 file without a byte-order mark as the local code page.
   */
  public static String hint(String credential) {
    if (credential == null) {
      return null;
    }
    return credential.length() >= 16
        ? "..." + credential.substring(credential.length() - 4)
        : "...";
  }

  private String hash(String credential) {
    byte[] digest;
    try {
      if (key != null) {
        if (mac == null) {
          mac = Mac.getInstance("HmacSHA256");
          mac.init(new SecretKeySpec(key, "HmacSHA256"));
        }
        digest = mac.doFinal(credential.getBytes(StandardCharsets.UTF_8));
      } else {
        if (sha256 == null) {
          sha256 = MessageDigest.getInstance("SHA-256");
        }
        digest = sha256.digest(credential.getBytes(StandardCharsets.UTF_8));
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256/SHA-256 are required of every Java runtime", e);
    }
    return "tok_" + HexFormat.of().formatHex(digest, 0, 6);
  }
}
