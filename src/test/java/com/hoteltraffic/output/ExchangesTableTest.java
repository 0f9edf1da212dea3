package com.hoteltraffic.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.hoteltraffic.model.ErrorClass;
import com.hoteltraffic.model.ExchangeSchema;
import com.hoteltraffic.model.Provider;
import com.hoteltraffic.testing.ExchangeRows;
import com.hoteltraffic.testing.SparkTestSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(SparkTestSession.class)
class ExchangesTableTest {
  static SparkSession spark;

  @TempDir Path dir;

  private Dataset<Row> exchanges(SparkSession session) {
    return ExchangeRows.dataset(
        session,
        List.of(
            ExchangeRows.row(
                "2026-10-25T00:59:59.123456Z",
                Provider.CASY,
                "tok_a",
                "9994",
                200,
                "OK",
                ErrorClass.OK),
            ExchangeRows.row(
                "1899-12-31T23:00:00Z",
                Provider.CASY,
                "tok_a",
                "9994",
                500,
                "internal_error",
                ErrorClass.SERVER_ERROR)));
  }

  @Test
  void timestampsAreMicrosAdjustedToUtcAndTheCallersSessionIsUnchanged() throws IOException {
    String before = spark.conf().get(ExchangesTable.TIMESTAMP_TYPE_KEY);
    Path target = dir.resolve("exchanges");

    ExchangesTable.write(exchanges(spark), new org.apache.hadoop.fs.Path(target.toUri()));

    PrimitiveType ts = footerSchemaColumn(target, ExchangeSchema.TS);
    assertEquals(PrimitiveType.PrimitiveTypeName.INT64, ts.getPrimitiveTypeName(), "ts physical");
    assertEquals(
        LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MICROS),
        ts.getLogicalTypeAnnotation(),
        "ts is TIMESTAMP(MICROS) adjusted to UTC");
    assertEquals(
        before,
        spark.conf().get(ExchangesTable.TIMESTAMP_TYPE_KEY),
        "the caller's session still writes timestamps as it did");
    List<Instant> read =
        spark.read().parquet(target.toString()).orderBy(ExchangeSchema.TS).collectAsList().stream()
            .map(row -> row.<java.sql.Timestamp>getAs(ExchangeSchema.TS).toInstant())
            .toList();
    assertEquals(
        List.of(
            Instant.parse("1899-12-31T23:00:00Z"), Instant.parse("2026-10-25T00:59:59.123456Z")),
        read,
        "every timestamp reads back to the microsecond, before 1900 too");
  }

  @Test
  void zstdUnlessTheSessionNamesACodec() throws IOException {
    Path byDefault = dir.resolve("default");
    ExchangesTable.write(exchanges(spark), new org.apache.hadoop.fs.Path(byDefault.toUri()));
    assertEquals(CompressionCodecName.ZSTD, codec(byDefault), "codec when the session names none");

    SparkSession named = spark.newSession();
    named.conf().set(ExchangesTable.CODEC_KEY, "snappy");
    Path chosen = dir.resolve("chosen");
    ExchangesTable.write(exchanges(named), new org.apache.hadoop.fs.Path(chosen.toUri()));
    assertEquals(CompressionCodecName.SNAPPY, codec(chosen), "the session's own codec wins");
    assertFalse(spark.conf().contains(ExchangesTable.CODEC_KEY), "the test's session names none");
  }

  private static PrimitiveType footerSchemaColumn(Path table, String column) throws IOException {
    try (ParquetFileReader reader = open(table)) {
      return reader.getFooter().getFileMetaData().getSchema().getType(column).asPrimitiveType();
    }
  }

  private static CompressionCodecName codec(Path table) throws IOException {
    try (ParquetFileReader reader = open(table)) {
      ColumnChunkMetaData first = reader.getFooter().getBlocks().get(0).getColumns().get(0);
      return first.getCodec();
    }
  }

  private static ParquetFileReader open(Path table) throws IOException {
    Path file;
    try (Stream<Path> files = Files.list(table)) {
      file =
          files
              .filter(f -> f.getFileName().toString().endsWith(".parquet"))
              .findFirst()
              .orElseThrow();
    }
    return ParquetFileReader.open(
        HadoopInputFile.fromPath(new org.apache.hadoop.fs.Path(file.toUri()), new Configuration()));
  }
}
