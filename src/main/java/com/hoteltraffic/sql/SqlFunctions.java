package com.hoteltraffic.sql;

import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF3;
import org.apache.spark.sql.types.DataType;

/**
 * The SQL functions the jar provides, as classes a notebook registers through PySpark's public API,
 * {@code spark.udf.registerJavaFunction(name, className, returnType)} (Spark instantiates the class
 * on the driver with its no-argument constructor), or Scala and Java through {@link
 * #register(SparkSession, byte[])}.
 */
public final class SqlFunctions {
  /** One function: its SQL name, the UDF class, and its return type as DDL. */
  public record Function(String name, Class<?> udfClass, String returnType) {}

  /** Every function, in the order the example notebook registers them. */
  public static final List<Function> ALL =
      List.of(
          new Function(ClassifyResponse.NAME, ClassifyResponse.class, ClassifyResponse.RETURN_TYPE),
          new Function(TokenId.NAME, TokenId.class, TokenId.RETURN_TYPE));

  private SqlFunctions() {}

  /**
   * Registers every function on {@code spark}.
   *
   * @param tokenKey the HMAC key of the run whose token ids {@code token_id} must give, or null for
   *     plain SHA-256
   */
  public static void register(SparkSession spark, byte[] tokenKey) {
    UDF3<String, Integer, String, org.apache.spark.sql.Row> classify = new ClassifyResponse();
    spark
        .udf()
        .register(ClassifyResponse.NAME, classify, DataType.fromDDL(ClassifyResponse.RETURN_TYPE));
    UDF1<String, String> tokenId = new TokenId(tokenKey);
    spark.udf().register(TokenId.NAME, tokenId, DataType.fromDDL(TokenId.RETURN_TYPE));
  }
}
