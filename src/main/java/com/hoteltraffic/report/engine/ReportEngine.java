package com.hoteltraffic.report.engine;

import com.hoteltraffic.model.BookingFact;
import com.hoteltraffic.model.ClassifiedExchange;
import com.hoteltraffic.model.ExchangeSchema;
import com.hoteltraffic.model.HadoopConf;
import com.hoteltraffic.report.shared.Micros;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * Merges the pieces the read's tasks folded (see {@link ReportFold}) into every report's rows: one
 * Spark job over the small per-task blocks, whose shuffle brings each key's pieces together; the
 * per-key rules (plain Java) then run where the key lands, and only report rows reach the driver.
 *
 * <p>Everything that crosses tasks is plain: block paths, the facts' and the pieces' codec bytes,
 * keys as Strings, rows as codec bytes. So a run gives the same reports whatever {@code
 * spark.serializer} it uses, and each merge goes into a piece decoded for it (see {@link
 * BlockMerge}).
 */
public final class ReportEngine {
  private ReportEngine() {}

  /**
   * The reports of a run from the blocks its read kept: exactly those files, by path (a failed task
   * attempt may have left a block of its own beside them, which is not read).
   *
   * @param blocks one block file per read task
   * @param facts the facts of every read task (see {@link SharedFacts})
   * @throws IllegalStateException naming the blocks that are missing
   */
  public static ReportResults fromBlocks(
      SparkSession spark, List<Path> blocks, SharedFacts facts, ReportSettings settings) {
    return fromBlocks(spark, blocks, facts, settings, STREAM_WINDOW);
  }

  /**
   * The most rows of a streamed report ({@link ReportSpec#streamed}) the driver holds at once: a
   * few megabytes of rows, whatever the number of keys.
   */
  public static final int STREAM_WINDOW = 20_000;

  /**
   * As {@link #fromBlocks(SparkSession, List, SharedFacts, ReportSettings)}, with the driver
   * holding at most about {@code window} rows of a streamed report at once.
   */
  public static ReportResults fromBlocks(
      SparkSession spark,
      List<Path> blocks,
      SharedFacts facts,
      ReportSettings settings,
      int window) {
    ReportCatalog catalog = facts.catalog();
    List<ReportSpec> specs = catalog.specs(settings.includePii());
    if (blocks.isEmpty()) {
      return new ReportResults(specs, List.of());
    }
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    checkPresent(blocks, hadoop);
    JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
    List<String> paths = new ArrayList<>(blocks.size());
    blocks.forEach(block -> paths.add(block.toString()));
    Broadcast<byte[]> conf = context.broadcast(HadoopConf.bytes(hadoop));
    Broadcast<byte[]> shared = context.broadcast(facts.encoded());
    Runnable destroy =
        () -> {
          conf.destroy();
          shared.destroy();
        };
    try {
      int partitions = reducePartitions(context);
      JavaPairRDD<Integer, byte[]> pieces =
          context
              .parallelize(paths, Math.min(paths.size(), context.defaultParallelism()))
              .mapPartitionsToPair(
                  part ->
                      readBlocks(
                          part, HadoopConf.of(conf.value()), catalog, shared.value(), partitions));
      return results(context, pieces, catalog, shared, settings, window, destroy);
    } catch (RuntimeException e) {
      destroy.run();
      throw e;
    }
  }

  /**
   * One output of one report from classified exchanges (schema {@link ExchangeSchema#SCHEMA}), with
   * the code of a run: the reports' Dataset functions for notebooks and tests.
   */
  public static Dataset<Row> output(
      Dataset<Row> exchanges, Report report, ReportSettings settings, String name) {
    return fromExchanges(exchanges, new ReportCatalog(List.of(report)), settings)
        .dataFrame(exchanges.sparkSession(), name);
  }

  /**
   * The reports of a catalog from classified exchanges (schema {@link ExchangeSchema#SCHEMA}), for
   * notebooks and tests.
   */
  public static ReportResults fromExchanges(
      Dataset<Row> exchanges, ReportCatalog catalog, ReportSettings settings) {
    return fromExchanges(exchanges, catalog, settings, STREAM_WINDOW);
  }

  /** As {@link #fromExchanges(Dataset, ReportCatalog, ReportSettings)}, with a stream window. */
  public static ReportResults fromExchanges(
      Dataset<Row> exchanges, ReportCatalog catalog, ReportSettings settings, int window) {
    JavaSparkContext context =
        JavaSparkContext.fromSparkContext(exchanges.sparkSession().sparkContext());
    ReportFold fold = new ReportFold(catalog, settings);
    // Each partition's block and facts, as codec bytes: cached, they are read twice, never changed.
    JavaRDD<Tuple2<byte[], byte[]>> folded =
        exchanges
            .javaRDD()
            .mapPartitions(rows -> List.of(foldPartition(fold, rows)).iterator())
            .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      SharedFacts facts = SharedFacts.of(catalog, folded.map(Tuple2::_2).collect());
      Broadcast<byte[]> shared = context.broadcast(facts.encoded());
      try {
        int partitions = reducePartitions(context);
        JavaPairRDD<Integer, byte[]> pieces =
            folded.mapPartitionsToPair(
                part -> {
                  BlockMerge merge = new BlockMerge(SharedFacts.decode(catalog, shared.value()));
                  while (part.hasNext()) {
                    merge.read("a block of exchanges", new ByteArrayInputStream(part.next()._1()));
                  }
                  return merge.batches(partitions);
                });
        return results(context, pieces, catalog, shared, settings, window, shared::destroy);
      } catch (RuntimeException e) {
        shared.destroy();
        throw e;
      }
    } finally {
      folded.unpersist(false);
    }
  }

  private static Tuple2<byte[], byte[]> foldPartition(ReportFold fold, Iterator<Row> rows)
      throws IOException {
    ReportFold.Partial partial = fold.start();
    while (rows.hasNext()) {
      Row row = rows.next();
      fold.add(partial, classified(row), row.getAs(ExchangeSchema.SOURCE), lineOf(row));
    }
    ByteArrayOutputStream block = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(block)) {
      fold.writeBlock(partial, out);
    }
    return new Tuple2<>(block.toByteArray(), fold.facts(partial));
  }

  /**
   * Fails naming every block that is not there: its split's traffic would be missing from every
   * report. One listing per directory (blocks share one), not one request per block.
   */
  private static void checkPresent(List<Path> blocks, Configuration conf) {
    Map<Path, Set<String>> byDirectory = new LinkedHashMap<>();
    blocks.forEach(
        block ->
            byDirectory
                .computeIfAbsent(block.getParent(), d -> new HashSet<>())
                .add(block.getName()));
    List<Path> missing = new ArrayList<>();
    try {
      for (Map.Entry<Path, Set<String>> directory : byDirectory.entrySet()) {
        FileSystem fs = directory.getKey().getFileSystem(conf);
        Set<String> present = new HashSet<>();
        if (fs.exists(directory.getKey())) {
          for (FileStatus file : fs.listStatus(directory.getKey())) {
            present.add(file.getPath().getName());
          }
        }
        for (String name : directory.getValue()) {
          if (!present.contains(name)) {
            missing.add(new Path(directory.getKey(), name));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list the read's blocks", e);
    }
    if (!missing.isEmpty()) {
      throw new IllegalStateException(
          "The merge is missing "
              + missing.size()
              + " of the read's "
              + blocks.size()
              + " blocks, without which the reports would leave traffic out: "
              + missing);
    }
  }

  /** A map task of the merge: its blocks' needed pieces, merged per key, for the shuffle. */
  private static Iterator<Tuple2<Integer, byte[]>> readBlocks(
      Iterator<String> paths,
      Configuration conf,
      ReportCatalog catalog,
      byte[] facts,
      int partitions) {
    BlockMerge merge = new BlockMerge(SharedFacts.decode(catalog, facts));
    while (paths.hasNext()) {
      Path path = new Path(paths.next());
      try (InputStream in = path.getFileSystem(conf).open(path, 1 << 16)) {
        merge.read(path.toString(), in);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read the read's block " + path, e);
      }
    }
    return merge.batches(partitions);
  }

  /** The merge's reduce tasks: as many as the cores (each reduce partition's batches in memory). */
  private static int reducePartitions(JavaSparkContext context) {
    return Math.max(1, context.defaultParallelism());
  }

  /**
   * Brings each key's pieces together into the rows. The shuffle carries a few byte arrays per map
   * task (see {@link BlockMerge#batches}); each reduce task merges its batches in key order into
   * rows, each as codec bytes after its report's number, which stay persisted in Spark. One job
   * then collects the rows of the reports that are not streamed, and counts the others' rows; a
   * streamed report's rows reach the driver only through {@link ReportResults}' bounded reads.
   *
   * @param afterwards frees the broadcasts when the results are closed (or at once if the merge
   *     fails: the caller's part)
   */
  private static ReportResults results(
      JavaSparkContext context,
      JavaPairRDD<Integer, byte[]> pieces,
      ReportCatalog catalog,
      Broadcast<byte[]> shared,
      ReportSettings settings,
      int window,
      Runnable afterwards) {
    List<ReportSpec> specs = catalog.specs(settings.includePii());
    Map<String, Integer> numbers = new LinkedHashMap<>();
    String[] names = new String[specs.size()];
    boolean[] streamed = new boolean[specs.size()];
    for (int i = 0; i < specs.size(); i++) {
      names[i] = specs.get(i).name();
      numbers.put(names[i], i);
      streamed[i] = specs.get(i).streamed();
    }
    JavaRDD<byte[]> merged =
        pieces
            .partitionBy(new HashPartitioner(reducePartitions(context)))
            .values()
            .mapPartitions(
                batches -> {
                  SharedFacts facts = SharedFacts.decode(catalog, shared.value());
                  List<byte[]> records = new ArrayList<>();
                  BlockMerge.rowsOfBatches(
                      batches,
                      settings,
                      facts,
                      rows ->
                          rows.forEach(
                              row ->
                                  records.add(
                                      RowCodec.encodeValues(
                                          numbers.get(row.report()), row.values(), row.report()))));
                  return records.iterator();
                })
            .persist(StorageLevel.MEMORY_AND_DISK_SER());
    // Each task sends its rows of a streamed report too when it holds at most its share of a
    // window: when every task did, the report is small and stays on the driver (no further job
    // reads it); else the driver drops them and the report is read from Spark.
    int share = window / merged.getNumPartitions();
    List<Tuple2<long[], byte[]>> parts;
    try {
      parts =
          merged
              .mapPartitions(
                  records -> List.of(collected(records, names, streamed, share)).iterator())
              .collect();
    } catch (RuntimeException e) {
      merged.unpersist(false);
      throw e;
    }
    long[] counts = new long[specs.size()];
    boolean[] small = streamed.clone();
    for (Tuple2<long[], byte[]> part : parts) {
      for (int i = 0; i < counts.length; i++) {
        counts[i] += part._1()[i];
        small[i] &= part._1()[i] <= share;
      }
    }
    Map<String, SparkRows> inSpark = new LinkedHashMap<>();
    for (int i = 0; i < specs.size(); i++) {
      if (streamed[i] && !small[i]) {
        inSpark.put(names[i], new SparkRows(merged, i, specs.get(i), counts[i], window));
      }
    }
    List<ReportRow> collected = new ArrayList<>();
    for (Tuple2<long[], byte[]> part : parts) {
      for (ReportRow row : RowCodec.decodeRows(part._2())) {
        if (!inSpark.containsKey(row.report())) {
          collected.add(row);
        }
      }
    }
    Runnable release =
        () -> {
          merged.unpersist(false);
          afterwards.run();
        };
    if (inSpark.isEmpty()) {
      release.run(); // every row is on the driver: nothing in Spark is read again
      return new ReportResults(specs, collected, inSpark, () -> {});
    }
    // The merge's tasks name the broadcasts: a streamed report's later jobs ship them again, so
    // they live until the results are closed.
    return new ReportResults(specs, collected, inSpark, release);
  }

  /**
   * A reduce task's count of each report's rows, and its rows of the reports not streamed and of
   * the streamed ones of which it holds at most {@code share} rows.
   */
  private static Tuple2<long[], byte[]> collected(
      Iterator<byte[]> records, String[] names, boolean[] streamed, int share) throws IOException {
    long[] counts = new long[names.length];
    List<ReportRow> rows = new ArrayList<>();
    while (records.hasNext()) {
      byte[] record = records.next();
      int number = RowCodec.prefix(record);
      counts[number]++;
      if (!streamed[number] || counts[number] <= share) {
        rows.add(new ReportRow(names[number], RowCodec.decodeValues(record)));
      }
    }
    return new Tuple2<>(counts, RowCodec.encodeRows(rows));
  }

  private static long lineOf(Row row) {
    Object line = row.getAs(ExchangeSchema.LINE);
    return line == null ? 0L : ((Number) line).longValue();
  }

  /** A table row back in the form the fold reads. */
  static ClassifiedExchange classified(Row row) {
    ClassifiedExchange e = new ClassifiedExchange();
    Timestamp ts = row.getAs(ExchangeSchema.TS);
    e.tsMillis = Math.floorDiv(Micros.of(ts.toInstant()), 1_000L);
    e.durationMs = row.getAs(ExchangeSchema.DURATION_MS);
    e.requestId = row.getAs(ExchangeSchema.REQUEST_ID);
    e.provider = row.getAs(ExchangeSchema.PROVIDER);
    e.operation = row.getAs(ExchangeSchema.OPERATION);
    e.method = row.getAs(ExchangeSchema.METHOD);
    e.host = row.getAs(ExchangeSchema.HOST);
    e.environment = row.getAs(ExchangeSchema.ENVIRONMENT);
    e.path = row.getAs(ExchangeSchema.PATH);
    e.hotelId = row.getAs(ExchangeSchema.HOTEL_ID);
    e.requestFingerprint = row.getAs(ExchangeSchema.REQUEST_FINGERPRINT);
    e.tokenId = row.getAs(ExchangeSchema.TOKEN_ID);
    e.tokenHint = row.getAs(ExchangeSchema.TOKEN_HINT);
    e.httpStatus = row.getAs(ExchangeSchema.HTTP_STATUS);
    e.errorCode = row.getAs(ExchangeSchema.ERROR_CODE);
    e.errorClass = row.getAs(ExchangeSchema.ERROR_CLASS);
    e.retryable = Boolean.TRUE.equals(row.getAs(ExchangeSchema.RETRYABLE));
    e.documented = Boolean.TRUE.equals(row.getAs(ExchangeSchema.DOCUMENTED));
    e.noResponseReason = row.getAs(ExchangeSchema.NO_RESPONSE_REASON);
    e.rateLimitLimit = row.getAs(ExchangeSchema.RATE_LIMIT_LIMIT);
    e.rateLimitWindowSeconds = row.getAs(ExchangeSchema.RATE_LIMIT_WINDOW_S);
    e.clientReference = row.getAs(ExchangeSchema.CLIENT_REFERENCE);
    e.checkIn = row.getAs(ExchangeSchema.CHECK_IN);
    e.checkOut = row.getAs(ExchangeSchema.CHECK_OUT);
    e.holderName = row.getAs(ExchangeSchema.HOLDER_NAME);
    e.listClientReference = row.getAs(ExchangeSchema.LIST_CLIENT_REFERENCE);
    e.listFilterType = row.getAs(ExchangeSchema.LIST_FILTER_TYPE);
    e.listStart = row.getAs(ExchangeSchema.LIST_START);
    e.listEnd = row.getAs(ExchangeSchema.LIST_END);
    e.listStatus = row.getAs(ExchangeSchema.LIST_STATUS);
    e.listFrom = row.getAs(ExchangeSchema.LIST_FROM);
    e.listTo = row.getAs(ExchangeSchema.LIST_TO);
    e.listTotal = row.getAs(ExchangeSchema.LIST_TOTAL);
    List<Row> bookings = row.getList(row.fieldIndex(ExchangeSchema.BOOKINGS));
    if (bookings != null) {
      for (Row b : bookings) {
        e.bookings.add(
            new BookingFact(
                b.getAs(ExchangeSchema.B_REFERENCE),
                b.getAs(ExchangeSchema.B_CLIENT_REFERENCE),
                b.getAs(ExchangeSchema.B_STATUS),
                b.getAs(ExchangeSchema.B_HOTEL_CODE),
                b.getAs(ExchangeSchema.B_CREATION_DATE)));
      }
    }
    return e;
  }
}
