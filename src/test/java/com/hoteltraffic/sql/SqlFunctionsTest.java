package com.hoteltraffic.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hoteltraffic.testing.SparkTestSession;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.classic.UDFRegistration;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JVM side of PySpark's {@code spark.udf.registerJavaFunction(name, className, returnType)}:
 * PySpark parses the return type and calls {@code registerJava(name, className, dataType)} on the
 * session's {@code UDFRegistration}, which instantiates the class on the driver with its
 * no-argument constructor. Each function of {@link SqlFunctions} is registered exactly so and used
 * in SQL, on literals and on the rows of a table (evaluated in tasks), with exact answers.
 */
@ExtendWith(SparkTestSession.class)
class SqlFunctionsTest {
  private static SparkSession spark;

  @TempDir Path work;

  @AfterEach
  void forgetKeyFile() {
    spark.conf().unset(TokenId.KEY_FILE_CONF);
  }

  /** What {@code spark.udf.registerJavaFunction(name, className, returnType)} runs on the JVM. */
  private static void registerJavaFunction(String name, String className, String returnType) {
    ((UDFRegistration) spark.udf()).registerJava(name, className, DataType.fromDDL(returnType));
  }

  private static void registerAll() {
    for (SqlFunctions.Function function : SqlFunctions.ALL) {
      registerJavaFunction(function.name(), function.udfClass().getName(), function.returnType());
    }
  }

  @Test
  void everyFunctionRegistersByClassName() {
    registerAll();
    for (SqlFunctions.Function function : SqlFunctions.ALL) {
      assertTrue(spark.catalog().functionExists(function.name()), function.name() + " registered");
    }
    assertEquals(
        List.of("classify_response", "token_id"),
        SqlFunctions.ALL.stream().map(SqlFunctions.Function::name).toList(),
        "functions of the jar");
  }

  @Test
  void classifyResponseGivesTheTaxonomyEntry() {
    registerAll();
    Row row =
        spark
            .sql(
                "SELECT classify_response('casy', 502, '{\"error\":\"tenant_db_unavailable\"}') AS casy_502, "
                    + "classify_response('hotelbeds', 504, NULL) AS hotelbeds_504, "
                    + "classify_response('casy', NULL, NULL) AS casy_none")
            .first();
    assertEquals(
        RowFactory.create("tenant_db_unavailable", "upstream_unavailable", true, true),
        row.getStruct(0),
        "CASY 502 whose body names tenant_db_unavailable");
    assertEquals(
        RowFactory.create("GATEWAY_TIMEOUT", "timeout", true, true),
        row.getStruct(1),
        "Hotelbeds 504");
    assertEquals(
        RowFactory.create("NO_RESPONSE", "no_response", true, true),
        row.getStruct(2),
        "CASY without a response (no recorded reason)");
    assertEquals(
        ClassifyResponse.RESULT_TYPE,
        spark
            .sql("SELECT classify_response('casy', 200, NULL) AS c")
            .schema()
            .fields()[0]
            .dataType(),
        "the declared struct");
  }

  @Test
  void classifyResponseRunsInTasksOverATable() {
    registerAll();
    StructType schema =
        new StructType()
            .add("provider", DataTypes.StringType)
            .add("http_status", DataTypes.IntegerType)
            .add("body", DataTypes.StringType);
    spark
        .createDataFrame(
            List.of(
                RowFactory.create("casy", 502, "{\"error\":\"tenant_db_unavailable\"}"),
                RowFactory.create("hotelbeds", 504, null),
                RowFactory.create("casy", 200, "{}"),
                RowFactory.create("casy", null, null)),
            schema)
        .repartition(2)
        .createOrReplaceTempView("responses");
    List<String> classes =
        spark
            .sql(
                "SELECT classify_response(provider, http_status, body).error_class AS c "
                    + "FROM responses ORDER BY c")
            .as(org.apache.spark.sql.Encoders.STRING())
            .collectAsList();
    assertEquals(
        List.of("no_response", "ok", "timeout", "upstream_unavailable"),
        classes,
        "classes over 4 rows");
  }

  @Test
  void tokenIdUsesTheKeyFileTheSessionNames() throws Exception {
    Path keyFile = work.resolve("key");
    Files.writeString(keyFile, "  run-key\n");
    spark.conf().set(TokenId.KEY_FILE_CONF, keyFile.toString());
    registerAll();
    Row row = spark.sql("SELECT token_id('secret-credential-0001'), token_id(NULL)").first();
    assertEquals(
        expectedTokenId("run-key".getBytes(StandardCharsets.UTF_8), "secret-credential-0001"),
        row.getString(0),
        "HMAC-SHA256 with the stripped key file's content");
    assertNull(row.get(1), "no credential, no id");
  }

  @Test
  void tokenIdWithoutKeyFileTakesTheEnvironmentLikeTheJob() throws Exception {
    registerAll();
    String environmentKey = System.getenv(TokenId.KEY_ENV);
    byte[] key =
        environmentKey == null || environmentKey.isEmpty()
            ? null
            : environmentKey.getBytes(StandardCharsets.UTF_8);
    assertEquals(
        expectedTokenId(key, "secret-credential-0001"),
        spark.sql("SELECT token_id('secret-credential-0001')").first().getString(0),
        "no key file: " + (key == null ? "plain SHA-256" : "HMAC with $" + TokenId.KEY_ENV));
  }

  @Test
  void aMissingKeyFileFailsTheRegistrationNamingIt() {
    Path missing = work.resolve("no-such-key");
    spark.conf().set(TokenId.KEY_FILE_CONF, missing.toString());
    Throwable failure =
        assertThrows(
            Throwable.class,
            () -> registerJavaFunction(TokenId.NAME, TokenId.class.getName(), TokenId.RETURN_TYPE));
    StringBuilder messages = new StringBuilder();
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      messages.append(cause.getMessage()).append(" | ");
    }
    assertTrue(
        messages
            .toString()
            .contains("Cannot read " + TokenId.KEY_FILE_CONF + " " + missing + ": no such file"),
        "message naming the setting and the file: " + messages);
  }

  /**
   * {@code tok_} + 12 hex characters of HMAC-SHA256(key, credential), or of SHA-256 without a key.
   */
  private static String expectedTokenId(byte[] key, String credential) throws Exception {
    byte[] input = credential.getBytes(StandardCharsets.UTF_8);
    byte[] digest;
    if (key == null) {
      digest = MessageDigest.getInstance("SHA-256").digest(input);
    } else {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      digest = mac.doFinal(input);
    }
    return "tok_" + HexFormat.of().formatHex(digest).substring(0, 12);
  }
}
