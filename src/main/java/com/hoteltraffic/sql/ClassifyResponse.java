package com.hoteltraffic.sql;

import com.hoteltraffic.classify.Classification;
import com.hoteltraffic.classify.ResponseClassifier;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF3;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * SQL function {@code classify_response(provider STRING, http_status INT, body STRING)} → struct
 * {@code <error_code, error_class, retryable, documented>}: the job's response classifier, with the
 * built-in taxonomy, on one response (a null status means no response came back). Registered from
 * PySpark with {@code spark.udf.registerJavaFunction("classify_response",
 * "com.hoteltraffic.sql.ClassifyResponse", <RETURN_TYPE>)}; see {@link SqlFunctions}.
 */
public final class ClassifyResponse implements UDF3<String, Integer, String, Row> {
  private static final long serialVersionUID = 1L;

  /** SQL name of the function. */
  public static final String NAME = "classify_response";

  /** The struct the function returns. */
  public static final StructType RESULT_TYPE =
      new StructType()
          .add("error_code", DataTypes.StringType)
          .add("error_class", DataTypes.StringType)
          .add("retryable", DataTypes.BooleanType)
          .add("documented", DataTypes.BooleanType);

  /** {@link #RESULT_TYPE} as the DDL string {@code registerJavaFunction} takes. */
  public static final String RETURN_TYPE = RESULT_TYPE.simpleString();

  private final ResponseClassifier classifier;

  /** With the built-in taxonomy: the constructor Spark's {@code registerJava} calls. */
  public ClassifyResponse() {
    this.classifier = ResponseClassifier.withDefaultTaxonomy();
  }

  @Override
  public Row call(String provider, Integer httpStatus, String body) {
    Classification result = classifier.classify(provider, httpStatus, Map.of(), body, null);
    return RowFactory.create(
        result.errorCode(), result.errorClass(), result.retryable(), result.documented());
  }
}
