package com.hoteltraffic.ingest;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.hoteltraffic.classify.ExchangeInterpreter;
import com.hoteltraffic.model.BookingFact;
import com.hoteltraffic.model.ClassifiedExchange;
import com.hoteltraffic.model.ExchangeSchema;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.zip.GZIPInputStream;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.catalyst.util.GenericArrayData;
import org.apache.spark.unsafe.types.UTF8String;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Reads every input split once, in Spark tasks, into one "read table": classified exchanges,
 * quarantined records and per-split counts side by side, told apart by {@link #KIND}. The caller
 * caches it and takes {@link #exchanges}, {@link #quarantine} and {@link #fileCounts} from it, so
 * the raw input is read exactly once.
 *
 * <p>Each task streams its split line by line (or HAR entry by entry) through the Jackson
 * parsers and the {@link ExchangeInterpreter}: no schema inference, no per-field UDFs.
 */
public final class ExchangeReader {
  private ExchangeReader() {}

  // Read-table columns besides the exchange columns.
  public static final String KIND = "_kind";
  static final String SPLIT_START = "_split_start";
  static final String FORMAT = "_format";
  static final String REASON = "_reason";
  static final String RAW = "_raw";
  static final String LINES = "_lines";
  static final String BLANK = "_blank";
  static final String EXCHANGES = "_exchanges";
  static final String QUARANTINED = "_quarantined";
  static final String CORRUPT = "_corrupt";
  static final String REPAIRED_UTF8 = "_repaired_utf8";

  public static final String KIND_EXCHANGE = "E";
  public static final String KIND_QUARANTINE = "Q";
  public static final String KIND_STATS = "S";
  private static final UTF8String KIND_EXCHANGE_UTF8 = UTF8String.fromString(KIND_EXCHANGE);
  private static final UTF8String KIND_QUARANTINE_UTF8 = UTF8String.fromString(KIND_QUARANTINE);
  private static final UTF8String KIND_STATS_UTF8 = UTF8String.fromString(KIND_STATS);

  // Quarantine and per-file count columns as written.
  public static final String Q_SOURCE = "source";
  public static final String Q_LINE = "line";
  public static final String Q_REASON = "reason";
  public static final String Q_RAW = "raw";

  public static final String F_SOURCE = "source";
  public static final String F_FORMAT = "format";
  public static final String F_LINES = "lines";
  public static final String F_BLANK = "blank";
  public static final String F_EXCHANGES = "exchanges";
  public static final String F_QUARANTINED = "quarantined";
  public static final String F_CORRUPT = "corrupt_reason";
  /** Exchanges (counted in {@link #F_EXCHANGES}) whose bytes were not UTF-8 and were read with U+FFFD. */
  public static final String F_REPAIRED_UTF8 = "repaired_utf8";

  private static final StructType READ_SCHEMA = readSchema();
  // Positions in READ_SCHEMA, looked up once: rows are built positionally in the hot loop.
  private static final int I_SOURCE = READ_SCHEMA.fieldIndex(ExchangeSchema.SOURCE);
  private static final int I_LINE = READ_SCHEMA.fieldIndex(ExchangeSchema.LINE);
  private static final int I_REQUEST_ID = READ_SCHEMA.fieldIndex(ExchangeSchema.REQUEST_ID);
  private static final int I_TS = READ_SCHEMA.fieldIndex(ExchangeSchema.TS);
  private static final int I_DURATION_MS = READ_SCHEMA.fieldIndex(ExchangeSchema.DURATION_MS);
  private static final int I_PROVIDER = READ_SCHEMA.fieldIndex(ExchangeSchema.PROVIDER);
  private static final int I_OPERATION = READ_SCHEMA.fieldIndex(ExchangeSchema.OPERATION);
  private static final int I_METHOD = READ_SCHEMA.fieldIndex(ExchangeSchema.METHOD);
  private static final int I_HOST = READ_SCHEMA.fieldIndex(ExchangeSchema.HOST);
  private static final int I_PATH = READ_SCHEMA.fieldIndex(ExchangeSchema.PATH);
  private static final int I_HOTEL_ID = READ_SCHEMA.fieldIndex(ExchangeSchema.HOTEL_ID);
  private static final int I_TOKEN_ID = READ_SCHEMA.fieldIndex(ExchangeSchema.TOKEN_ID);
  private static final int I_TOKEN_HINT = READ_SCHEMA.fieldIndex(ExchangeSchema.TOKEN_HINT);
  private static final int I_HTTP_STATUS = READ_SCHEMA.fieldIndex(ExchangeSchema.HTTP_STATUS);
  private static final int I_ERROR_CODE = READ_SCHEMA.fieldIndex(ExchangeSchema.ERROR_CODE);
  private static final int I_ERROR_CLASS = READ_SCHEMA.fieldIndex(ExchangeSchema.ERROR_CLASS);
  private static final int I_RETRYABLE = READ_SCHEMA.fieldIndex(ExchangeSchema.RETRYABLE);
  private static final int I_DOCUMENTED = READ_SCHEMA.fieldIndex(ExchangeSchema.DOCUMENTED);
  private static final int I_IS_ERROR = READ_SCHEMA.fieldIndex(ExchangeSchema.IS_ERROR);
  private static final int I_NO_RESPONSE_REASON = READ_SCHEMA.fieldIndex(ExchangeSchema.NO_RESPONSE_REASON);
  private static final int I_RATE_LIMIT_LIMIT = READ_SCHEMA.fieldIndex(ExchangeSchema.RATE_LIMIT_LIMIT);
  private static final int I_RATE_LIMIT_WINDOW_S = READ_SCHEMA.fieldIndex(ExchangeSchema.RATE_LIMIT_WINDOW_S);
  private static final int I_CLIENT_REFERENCE = READ_SCHEMA.fieldIndex(ExchangeSchema.CLIENT_REFERENCE);
  private static final int I_CHECK_IN = READ_SCHEMA.fieldIndex(ExchangeSchema.CHECK_IN);
  private static final int I_CHECK_OUT = READ_SCHEMA.fieldIndex(ExchangeSchema.CHECK_OUT);
  private static final int I_HOLDER_NAME = READ_SCHEMA.fieldIndex(ExchangeSchema.HOLDER_NAME);
  private static final int I_LIST_CLIENT_REFERENCE = READ_SCHEMA.fieldIndex(ExchangeSchema.LIST_CLIENT_REFERENCE);
  private static final int I_LIST_FILTER_TYPE = READ_SCHEMA.fieldIndex(ExchangeSchema.LIST_FILTER_TYPE);
  private static final int I_LIST_START = READ_SCHEMA.fieldIndex(ExchangeSchema.LIST_START);
  private static final int I_LIST_END = READ_SCHEMA.fieldIndex(ExchangeSchema.LIST_END);
  private static final int I_LIST_FROM = READ_SCHEMA.fieldIndex(ExchangeSchema.LIST_FROM);
  private static final int I_LIST_TO = READ_SCHEMA.fieldIndex(ExchangeSchema.LIST_TO);
  private static final int I_LIST_TOTAL = READ_SCHEMA.fieldIndex(ExchangeSchema.LIST_TOTAL);
  private static final int I_BOOKINGS = READ_SCHEMA.fieldIndex(ExchangeSchema.BOOKINGS);
  private static final int I_KIND_COL = READ_SCHEMA.fieldIndex(KIND);
  private static final int I_SPLIT_START_COL = READ_SCHEMA.fieldIndex(SPLIT_START);
  private static final int I_FORMAT_COL = READ_SCHEMA.fieldIndex(FORMAT);
  private static final int I_REASON_COL = READ_SCHEMA.fieldIndex(REASON);
  private static final int I_RAW_COL = READ_SCHEMA.fieldIndex(RAW);
  private static final int I_LINES_COL = READ_SCHEMA.fieldIndex(LINES);
  private static final int I_BLANK_COL = READ_SCHEMA.fieldIndex(BLANK);
  private static final int I_EXCHANGES_COL = READ_SCHEMA.fieldIndex(EXCHANGES);
  private static final int I_QUARANTINED_COL = READ_SCHEMA.fieldIndex(QUARANTINED);
  private static final int I_CORRUPT_COL = READ_SCHEMA.fieldIndex(CORRUPT);
  private static final int I_REPAIRED_UTF8_COL = READ_SCHEMA.fieldIndex(REPAIRED_UTF8);

  private static StructType readSchema() {
    List<StructField> fields = new ArrayList<>(Arrays.asList(ExchangeSchema.SCHEMA.fields()));
    fields.add(DataTypes.createStructField(KIND, DataTypes.StringType, false));
    fields.add(DataTypes.createStructField(SPLIT_START, DataTypes.LongType, false));
    fields.add(DataTypes.createStructField(FORMAT, DataTypes.StringType, false));
    fields.add(DataTypes.createStructField(REASON, DataTypes.StringType, true));
    fields.add(DataTypes.createStructField(RAW, DataTypes.StringType, true));
    fields.add(DataTypes.createStructField(LINES, DataTypes.LongType, true));
    fields.add(DataTypes.createStructField(BLANK, DataTypes.LongType, true));
    fields.add(DataTypes.createStructField(EXCHANGES, DataTypes.LongType, true));
    fields.add(DataTypes.createStructField(QUARANTINED, DataTypes.LongType, true));
    fields.add(DataTypes.createStructField(CORRUPT, DataTypes.StringType, true));
    fields.add(DataTypes.createStructField(REPAIRED_UTF8, DataTypes.LongType, true));
    return new StructType(fields.toArray(new StructField[0]));
  }

  /** The lazily computed read table: one Spark partition per split. */
  public static Dataset<Row> read(SparkSession spark, List<InputSplit> splits, ExchangeInterpreter interpreter) {
    if (splits.isEmpty()) {
      return spark.createDataFrame(List.of(), READ_SCHEMA);
    }
    JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Broadcast<SerializableHadoopConf> conf =
        context.broadcast(new SerializableHadoopConf(spark.sparkContext().hadoopConfiguration()));
    JavaRDD<InternalRow> rows =
        context.parallelize(splits, splits.size()).mapPartitions(new ReadSplits(conf, interpreter));
    // Rows are built in Spark's internal form (UTF8String, microseconds) as Spark's own JSON and
    // CSV readers do: converting 45 external values per row was a third of the read stage's CPU.
    return ((org.apache.spark.sql.classic.SparkSession) spark).internalCreateDataFrame(rows.rdd(), READ_SCHEMA, false);
  }

  /**
   * The exchanges table. Line numbers of files read by several tasks are made file-wide here: each
   * task only knows its lines, so the lines of the splits before it are added.
   */
  public static Dataset<Row> exchanges(Dataset<Row> readTable, boolean multiSplitFiles) {
    Dataset<Row> rows = withFileLines(readTable.filter(col(KIND).equalTo(KIND_EXCHANGE)), readTable, multiSplitFiles);
    return rows.select(Arrays.stream(ExchangeSchema.SCHEMA.fieldNames()).map(name -> col(name)).toArray(Column[]::new));
  }

  /** Quarantined records: {@code source, line, reason, raw}. */
  public static Dataset<Row> quarantine(Dataset<Row> readTable, boolean multiSplitFiles) {
    Dataset<Row> rows = withFileLines(readTable.filter(col(KIND).equalTo(KIND_QUARANTINE)), readTable, multiSplitFiles);
    return rows.select(
        col(ExchangeSchema.SOURCE).as(Q_SOURCE),
        col(ExchangeSchema.LINE).as(Q_LINE),
        col(REASON).as(Q_REASON),
        col(RAW).as(Q_RAW));
  }

  /** Counts per input file; they add up: lines = exchanges + quarantined + blank. */
  public static Dataset<Row> fileCounts(Dataset<Row> readTable) {
    return readTable
        .filter(col(KIND).equalTo(KIND_STATS))
        .groupBy(col(ExchangeSchema.SOURCE).as(F_SOURCE))
        .agg(
            first(col(FORMAT)).as(F_FORMAT),
            sum(col(LINES)).as(F_LINES),
            sum(col(BLANK)).as(F_BLANK),
            sum(col(EXCHANGES)).as(F_EXCHANGES),
            sum(col(QUARANTINED)).as(F_QUARANTINED),
            max(col(CORRUPT)).as(F_CORRUPT),
            sum(col(REPAIRED_UTF8)).as(F_REPAIRED_UTF8))
        .orderBy(F_SOURCE);
  }

  private static Dataset<Row> withFileLines(Dataset<Row> rows, Dataset<Row> readTable, boolean multiSplitFiles) {
    if (!multiSplitFiles) {
      return rows;
    }
    String offset = "_line_offset";
    Dataset<Row> offsets =
        readTable
            .filter(col(KIND).equalTo(KIND_STATS))
            .select(
                col(ExchangeSchema.SOURCE),
                col(SPLIT_START),
                coalesce(
                        sum(col(LINES))
                            .over(
                                Window.partitionBy(col(ExchangeSchema.SOURCE))
                                    .orderBy(col(SPLIT_START))
                                    .rowsBetween(Window.unboundedPreceding(), -1)),
                        lit(0L))
                    .as(offset));
    return rows.join(broadcast(offsets), new String[] {ExchangeSchema.SOURCE, SPLIT_START})
        .withColumn(ExchangeSchema.LINE, col(ExchangeSchema.LINE).plus(col(offset)));
  }

  /** The task body: opens each split of the partition and turns its events into rows. */
  private static final class ReadSplits implements FlatMapFunction<Iterator<InputSplit>, InternalRow> {
    private static final long serialVersionUID = 1L;
    private final Broadcast<SerializableHadoopConf> conf;
    private final ExchangeInterpreter interpreter;

    ReadSplits(Broadcast<SerializableHadoopConf> conf, ExchangeInterpreter interpreter) {
      this.conf = conf;
      this.interpreter = interpreter;
    }

    @Override
    public Iterator<InternalRow> call(Iterator<InputSplit> splits) {
      return new SplitRows(splits, conf.value(), interpreter);
    }
  }

  /** Chains the rows of the partition's splits, opening each file only when its turn comes. */
  private static final class SplitRows implements Iterator<InternalRow> {
    private final Iterator<InputSplit> splits;
    private final SerializableHadoopConf conf;
    private final ExchangeInterpreter interpreter;
    private final ObjectMapper mapper = new ObjectMapper();
    private final JsonLinesParser jsonLines;
    private final HarEntryParser harEntries;
    private InputSplit current;
    private UTF8String currentSource;
    private UTF8String currentFormat;
    private InputStream stream;
    private Iterator<ReadEvent> events;

    SplitRows(Iterator<InputSplit> splits, SerializableHadoopConf conf, ExchangeInterpreter interpreter) {
      this.splits = splits;
      this.conf = conf;
      this.interpreter = interpreter;
      this.jsonLines = new JsonLinesParser(mapper.getFactory(), interpreter.bodyNeeds());
      this.harEntries = new HarEntryParser(interpreter.bodyNeeds());
    }

    @Override
    public boolean hasNext() {
      while (events == null || !events.hasNext()) {
        closeCurrent();
        if (!splits.hasNext()) {
          return false;
        }
        open(splits.next());
      }
      return true;
    }

    @Override
    public InternalRow next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return toRow(events.next());
    }

    private void open(InputSplit split) {
      current = split;
      currentSource = UTF8String.fromString(split.path());
      currentFormat = UTF8String.fromString(split.format().name().toLowerCase(java.util.Locale.ROOT));
      if (split.fileLength() == 0) {
        // An empty file holds no record, so none is lost: it is empty, not a damaged gzip or HAR.
        events = List.of(ReadEvent.stats(new SplitStats())).iterator();
        return;
      }
      try {
        Path path = new Path(split.path());
        FileSystem fs = path.getFileSystem(conf.get());
        FSDataInputStream raw = fs.open(path, 1 << 16);
        if (split.start() > 0) {
          raw.seek(split.start() - 1); // one byte early: see JsonLinesSplitReader
        }
        stream = split.gzip() ? new GZIPInputStream(raw, 1 << 16) : raw;
        events =
            split.format() == InputFormat.HAR
                ? new HarSplitReader(new BufferedInputStream(stream, 1 << 16), mapper, harEntries)
                : new JsonLinesSplitReader(stream, split, jsonLines);
      } catch (java.util.zip.ZipException | java.io.EOFException e) {
        // Not even a gzip header: the whole file is damaged, which the counts must say.
        SplitStats stats = new SplitStats();
        stats.corruptReason = "not a readable gzip file (" + e.getClass().getSimpleName() + ")";
        events = List.of(ReadEvent.stats(stats)).iterator();
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot open input " + split.path(), e);
      }
    }

    private void closeCurrent() {
      if (stream != null) {
        try {
          stream.close();
        } catch (IOException e) {
          throw new UncheckedIOException("Cannot close input " + current.path(), e);
        }
        stream = null;
      }
    }

    private InternalRow toRow(ReadEvent event) {
      Object[] values = new Object[READ_SCHEMA.size()];
      values[I_SOURCE] = currentSource;
      values[I_KIND_COL] = switch (event.kind()) {
        case EXCHANGE -> KIND_EXCHANGE_UTF8;
        case QUARANTINE -> KIND_QUARANTINE_UTF8;
        case STATS -> KIND_STATS_UTF8;
      };
      values[I_SPLIT_START_COL] = current.start();
      values[I_FORMAT_COL] = currentFormat;
      switch (event.kind()) {
        case EXCHANGE -> {
          values[I_LINE] = event.line();
          fillExchange(values, interpreter.interpret(event.exchange()));
        }
        case QUARANTINE -> {
          values[I_LINE] = event.line();
          values[I_REASON_COL] = utf8(event.reason());
          values[I_RAW_COL] = utf8(event.raw());
        }
        case STATS -> {
          SplitStats stats = event.stats();
          values[I_LINES_COL] = stats.lines();
          values[I_BLANK_COL] = stats.blank();
          values[I_EXCHANGES_COL] = stats.exchanges();
          values[I_QUARANTINED_COL] = stats.quarantined();
          values[I_CORRUPT_COL] = utf8(stats.corruptReason());
          values[I_REPAIRED_UTF8_COL] = stats.repairedUtf8();
        }
      }
      return new GenericInternalRow(values);
    }

    private static UTF8String utf8(String value) {
      return value == null ? null : UTF8String.fromString(value);
    }

    private static void fillExchange(Object[] v, ClassifiedExchange e) {
      v[I_REQUEST_ID] = utf8(e.requestId);
      v[I_TS] = e.tsMillis * 1000L; // TimestampType is microseconds
      v[I_DURATION_MS] = e.durationMs;
      v[I_PROVIDER] = utf8(e.provider);
      v[I_OPERATION] = utf8(e.operation);
      v[I_METHOD] = utf8(e.method);
      v[I_HOST] = utf8(e.host);
      v[I_PATH] = utf8(e.path);
      v[I_HOTEL_ID] = utf8(e.hotelId);
      v[I_TOKEN_ID] = utf8(e.tokenId);
      v[I_TOKEN_HINT] = utf8(e.tokenHint);
      v[I_HTTP_STATUS] = e.httpStatus;
      v[I_ERROR_CODE] = utf8(e.errorCode);
      v[I_ERROR_CLASS] = utf8(e.errorClass);
      v[I_RETRYABLE] = e.retryable;
      v[I_DOCUMENTED] = e.documented;
      v[I_IS_ERROR] = e.isError();
      v[I_NO_RESPONSE_REASON] = utf8(e.noResponseReason);
      v[I_RATE_LIMIT_LIMIT] = e.rateLimitLimit;
      v[I_RATE_LIMIT_WINDOW_S] = e.rateLimitWindowSeconds;
      v[I_CLIENT_REFERENCE] = utf8(e.clientReference);
      v[I_CHECK_IN] = utf8(e.checkIn);
      v[I_CHECK_OUT] = utf8(e.checkOut);
      v[I_HOLDER_NAME] = utf8(e.holderName);
      v[I_LIST_CLIENT_REFERENCE] = utf8(e.listClientReference);
      v[I_LIST_FILTER_TYPE] = utf8(e.listFilterType);
      v[I_LIST_START] = utf8(e.listStart);
      v[I_LIST_END] = utf8(e.listEnd);
      v[I_LIST_FROM] = e.listFrom;
      v[I_LIST_TO] = e.listTo;
      v[I_LIST_TOTAL] = e.listTotal;
      Object[] bookings = new Object[e.bookings.size()];
      for (int i = 0; i < bookings.length; i++) {
        BookingFact b = e.bookings.get(i);
        bookings[i] = new GenericInternalRow(new Object[] {
          utf8(b.reference()), utf8(b.clientReference()), utf8(b.status()), utf8(b.hotelCode()), utf8(b.creationDate())
        });
      }
      v[I_BOOKINGS] = new GenericArrayData(bookings);
    }
  }
}
