package com.hoteltraffic.output;

import com.hoteltraffic.report.engine.ReportSpec;
import com.hoteltraffic.report.shared.Micros;
import java.io.IOException;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;

/**
 * Writes a report's rows, already on the driver, as a one-file Parquet table with the Parquet
 * library Spark itself uses. Why not {@code createDataFrame(rows).write().parquet(...)}: that is
 * one more Spark SQL execution per report (planning, code generation and JIT, about a second on 2
 * cores) to write a few thousand rows the driver already holds.
 *
 * <p>The file carries the report's Spark schema under the key Spark's own writer uses, so Spark
 * reads exactly the report's types back; timestamps are {@code INT64 TIMESTAMP(MICROS, UTC)}, which
 * DuckDB and pandas read as UTC timestamps too.
 */
public final class ReportParquet {
  /** The footer key under which Spark keeps a table's own schema. */
  static final String SPARK_SCHEMA_KEY = "org.apache.spark.sql.parquet.row.metadata";

  static final String FILE_NAME = "part-00000.snappy.parquet";
  static final String SUCCESS_MARKER = "_SUCCESS";

  private ReportParquet() {}

  /**
   * Writes {@code rows} (values in the spec's column order) as the table directory {@code target}.
   */
  public static void write(ReportSpec spec, List<Object[]> rows, Path target, Configuration conf)
      throws IOException {
    write(spec, rows.iterator(), target, conf);
  }

  /** As {@link #write(ReportSpec, List, Path, Configuration)}, rows read as they come. */
  public static long write(
      ReportSpec spec, Iterator<Object[]> rows, Path target, Configuration conf)
      throws IOException {
    try (Table table = Table.open(spec, target, conf)) {
      while (rows.hasNext()) {
        table.write(rows.next());
      }
      return table.rows();
    }
  }

  /**
   * A report's table being written, a row at a time in the report's order; its {@code _SUCCESS}
   * marker is written when it is closed.
   */
  public static final class Table implements java.io.Closeable {
    private final ParquetWriter<Object[]> writer;
    private final FileSystem fs;
    private final Path target;
    private long rows;

    private Table(ParquetWriter<Object[]> writer, FileSystem fs, Path target) {
      this.writer = writer;
      this.fs = fs;
      this.target = target;
    }

    /** Replaces the directory {@code target} with an empty table of the report's columns. */
    public static Table open(ReportSpec spec, Path target, Configuration conf) throws IOException {
      FileSystem fs = target.getFileSystem(conf);
      fs.delete(target, true);
      fs.mkdirs(target);
      OutputFile file = HadoopOutputFile.fromPath(new Path(target, FILE_NAME), conf);
      ParquetWriter<Object[]> writer =
          new Builder(file, spec)
              .withConf(conf)
              .withCompressionCodec(CompressionCodecName.SNAPPY)
              .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
              .build();
      return new Table(writer, fs, target);
    }

    /** Writes the next row. */
    public void write(Object[] row) throws IOException {
      writer.write(row);
      rows++;
    }

    /** The rows written so far. */
    public long rows() {
      return rows;
    }

    @Override
    public void close() throws IOException {
      writer.close();
      fs.create(new Path(target, SUCCESS_MARKER), true).close();
    }
  }

  /** The Parquet schema Spark would write for the report's columns. */
  static MessageType messageType(ReportSpec spec) {
    Types.MessageTypeBuilder message = Types.buildMessage();
    for (StructField field : spec.schema().fields()) {
      Type.Repetition repetition =
          field.nullable() ? Type.Repetition.OPTIONAL : Type.Repetition.REQUIRED;
      DataType type = field.dataType();
      if (type.equals(DataTypes.StringType)) {
        message
            .primitive(PrimitiveTypeName.BINARY, repetition)
            .as(LogicalTypeAnnotation.stringType())
            .named(field.name());
      } else if (type.equals(DataTypes.LongType)) {
        message.primitive(PrimitiveTypeName.INT64, repetition).named(field.name());
      } else if (type.equals(DataTypes.IntegerType)) {
        message.primitive(PrimitiveTypeName.INT32, repetition).named(field.name());
      } else if (type.equals(DataTypes.DoubleType)) {
        message.primitive(PrimitiveTypeName.DOUBLE, repetition).named(field.name());
      } else if (type.equals(DataTypes.BooleanType)) {
        message.primitive(PrimitiveTypeName.BOOLEAN, repetition).named(field.name());
      } else if (type.equals(DataTypes.TimestampType)) {
        message
            .primitive(PrimitiveTypeName.INT64, repetition)
            .as(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MICROS))
            .named(field.name());
      } else {
        throw new IllegalArgumentException(
            "No Parquet mapping for column " + field.name() + " of type " + type);
      }
    }
    return message.named("spark_schema");
  }

  private static final class Builder extends ParquetWriter.Builder<Object[], Builder> {
    private final ReportSpec spec;

    Builder(OutputFile file, ReportSpec spec) {
      super(file);
      this.spec = spec;
    }

    @Override
    protected Builder self() {
      return this;
    }

    @Override
    protected WriteSupport<Object[]> getWriteSupport(Configuration conf) {
      return new RowWriteSupport(spec);
    }
  }

  /** Writes one row of plain Java values (String, Long, Integer, Double, Boolean, Instant). */
  private static final class RowWriteSupport extends WriteSupport<Object[]> {
    private final ReportSpec spec;
    private final MessageType schema;
    private RecordConsumer consumer;

    RowWriteSupport(ReportSpec spec) {
      this.spec = spec;
      this.schema = messageType(spec);
    }

    @Override
    public WriteContext init(Configuration configuration) {
      return new WriteContext(schema, Map.of(SPARK_SCHEMA_KEY, spec.schema().json()));
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
      this.consumer = recordConsumer;
    }

    @Override
    public void write(Object[] row) {
      consumer.startMessage();
      StructField[] fields = spec.schema().fields();
      for (int i = 0; i < fields.length; i++) {
        if (row[i] == null) {
          continue;
        }
        consumer.startField(fields[i].name(), i);
        writeValue(row[i]);
        consumer.endField(fields[i].name(), i);
      }
      consumer.endMessage();
    }

    private void writeValue(Object value) {
      if (value instanceof String text) {
        consumer.addBinary(Binary.fromString(text));
      } else if (value instanceof Long number) {
        consumer.addLong(number);
      } else if (value instanceof Integer number) {
        consumer.addInteger(number);
      } else if (value instanceof Double number) {
        consumer.addDouble(number);
      } else if (value instanceof Boolean flag) {
        consumer.addBoolean(flag);
      } else if (value instanceof Instant instant) {
        consumer.addLong(Micros.of(instant));
      } else {
        throw new IllegalArgumentException(
            "Cannot write " + value.getClass().getName() + " to Parquet");
      }
    }
  }
}
