package com.hoteltraffic.sql;

import com.hoteltraffic.classify.TokenPseudonymizer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;

/**
 * SQL function {@code token_id(credential STRING)} → {@code tok_…}, the pseudonym a credential has
 * in the reports. The reports' ids come out only with the key of their run: a notebook names the
 * key file in the session setting {@value #KEY_FILE_CONF} before registering, or the driver has the
 * key in {@code TRAFFIC_TOKEN_KEY} as the job does; without either the id is a plain SHA-256.
 * Registered from PySpark with {@code spark.udf.registerJavaFunction("token_id",
 * "com.hoteltraffic.sql.TokenId", "string")}; see {@link SqlFunctions}.
 */
public final class TokenId implements UDF1<String, String> {
  private static final long serialVersionUID = 1L;

  /** SQL name of the function. */
  public static final String NAME = "token_id";

  /** DDL of the return type. */
  public static final String RETURN_TYPE = "string";

  /** Session setting: a file holding the HMAC key (surrounding white space is not part of it). */
  public static final String KEY_FILE_CONF = "spark.hoteltraffic.tokenKeyFile";

  /** Environment variable with the key, as for the job. */
  public static final String KEY_ENV = "TRAFFIC_TOKEN_KEY";

  private final TokenPseudonymizer pseudonymizer;

  /**
   * The constructor Spark's {@code registerJava} calls, on the driver: the key from the active
   * session's {@value #KEY_FILE_CONF}, else from {@value #KEY_ENV}, else none.
   *
   * @throws IllegalArgumentException when the key file named cannot be read or is empty
   */
  public TokenId() {
    this(driverKey());
  }

  /**
   * @param key the HMAC key, or null for plain SHA-256
   */
  public TokenId(byte[] key) {
    this.pseudonymizer = new TokenPseudonymizer(key);
  }

  @Override
  public String call(String credential) {
    return pseudonymizer.tokenId(credential);
  }

  private static byte[] driverKey() {
    String keyFile = sessionSetting(KEY_FILE_CONF);
    if (keyFile != null) {
      return readKey(keyFile);
    }
    String fromEnvironment = System.getenv(KEY_ENV);
    return fromEnvironment == null || fromEnvironment.isEmpty()
        ? null
        : fromEnvironment.getBytes(StandardCharsets.UTF_8);
  }

  /** The setting of the active (else the default) session, or null without one. */
  private static String sessionSetting(String name) {
    SparkSession session;
    try {
      session = SparkSession.active();
    } catch (IllegalStateException noSession) {
      return null;
    }
    return session.conf().get(name, null);
  }

  private static byte[] readKey(String file) {
    try {
      String key = Files.readString(Path.of(file)).strip();
      if (key.isEmpty()) {
        throw new IllegalArgumentException(
            "Cannot use " + KEY_FILE_CONF + " " + file + ": the file is empty");
      }
      return key.getBytes(StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(
          "Cannot read " + KEY_FILE_CONF + " " + file + ": no such file", e);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "Cannot read " + KEY_FILE_CONF + " " + file + ": " + e.getMessage(), e);
    }
  }
}
