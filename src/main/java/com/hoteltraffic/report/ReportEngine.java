package com.hoteltraffic.report;

import com.hoteltraffic.model.BookingFact;
import com.hoteltraffic.model.ClassifiedExchange;
import com.hoteltraffic.model.ExchangeSchema;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectStreamClass;
import java.io.Serializable;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.input.PortableDataStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.CollectionAccumulator;
import scala.Tuple2;

/**
 * Merges the pieces the read's tasks folded (see {@link ReportFold}) into every report's rows: one
 * Spark job over the small per-task blocks, whose shuffle brings each key's pieces together; the
 * per-key rules (plain Java) then run where the key lands, and only report rows reach the driver.
 */
public final class ReportEngine {
  private ReportEngine() {}

  /**
   * The reports of a run from the blocks its read left.
   *
   * @param blocks one block file per split, all in one directory
   * @param facts the facts of every split (see {@link SharedFacts})
   */
  public static ReportResults fromBlocks(
      SparkSession spark, List<Path> blocks, SharedFacts facts, ReportSettings settings) {
    List<ReportSpec> specs = Reports.all(settings.includePii());
    if (blocks.isEmpty()) {
      return new ReportResults(specs, List.of());
    }
    JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Set<String> names = new HashSet<>();
    blocks.forEach(block -> names.add(block.getName()));
    // Failed task attempts may have left blocks of their own in the same directory: only the
    // ones the read kept are merged.
    String glob = globEscaped(blocks.get(0).getParent().toString()) + "/fold-*";
    CollectionAccumulator<String> read =
        spark.sparkContext().collectionAccumulator("fold blocks read");
    JavaRDD<Piece.Keyed> pieces =
        context
            .binaryFiles(glob, Math.min(blocks.size(), context.defaultParallelism()))
            .filter(file -> names.contains(new Path(file._1()).getName()))
            .flatMap(
                file -> {
                  List<Piece.Keyed> block = readBlock(file._2());
                  read.add(new Path(file._1()).getName());
                  return block.iterator();
                });
    ReportResults results = merge(context, pieces, facts, settings, specs);
    // A block the glob did not find would leave its split's traffic out of every report, silently.
    Set<String> found = new HashSet<>(read.value());
    if (!found.equals(names)) {
      names.removeAll(found);
      throw new IllegalStateException(
          "The merge did not read every block of the read: missing " + names);
    }
    return results;
  }

  /**
   * The reports of classified exchanges (schema {@link ExchangeSchema#SCHEMA}), for notebooks and
   * tests.
   */
  public static ReportResults fromExchanges(Dataset<Row> exchanges, ReportSettings settings) {
    JavaSparkContext context =
        JavaSparkContext.fromSparkContext(exchanges.sparkSession().sparkContext());
    ReportFold fold = new ReportFold(settings);
    JavaRDD<Tuple2<ArrayList<Piece.Keyed>, Serializable>> folded =
        exchanges
            .javaRDD()
            .mapPartitions(
                rows -> {
                  ReportFold.Partial partial = fold.start();
                  while (rows.hasNext()) {
                    Row row = rows.next();
                    fold.add(
                        partial, classified(row), row.getAs(ExchangeSchema.SOURCE), lineOf(row));
                  }
                  @SuppressWarnings("unchecked")
                  ArrayList<Piece.Keyed> block = (ArrayList<Piece.Keyed>) fold.block(partial);
                  return List.of(new Tuple2<>(block, fold.facts(partial))).iterator();
                })
            .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      SharedFacts facts = SharedFacts.of(folded.map(Tuple2::_2).collect());
      JavaRDD<Piece.Keyed> pieces = folded.flatMap(t -> t._1().iterator());
      return merge(context, pieces, facts, settings, Reports.all(settings.includePii()));
    } finally {
      folded.unpersist(false);
    }
  }

  private static ReportResults merge(
      JavaSparkContext context,
      JavaRDD<Piece.Keyed> pieces,
      SharedFacts facts,
      ReportSettings settings,
      List<ReportSpec> specs) {
    Broadcast<SharedFacts> shared = context.broadcast(facts);
    try {
      JavaPairRDD<Piece.PieceKey, Piece> keyed =
          pieces
              .filter(piece -> shared.value().needed(piece.key()))
              .mapToPair(piece -> new Tuple2<>(piece.key(), piece.piece()));
      List<ReportRow> rows =
          keyed
              .reduceByKey(Piece::merge, Math.max(1, context.defaultParallelism()))
              .flatMap(entry -> entry._2().rows(entry._1(), settings, shared.value()).iterator())
              .collect();
      return new ReportResults(specs, rows);
    } finally {
      shared.destroy();
    }
  }

  /**
   * The path with Hadoop's glob characters escaped, so that an output named {@code out[1]} still
   * works.
   */
  static String globEscaped(String path) {
    StringBuilder escaped = new StringBuilder(path.length() + 8);
    for (char c : path.toCharArray()) {
      if ("\\[]{}*?^".indexOf(c) >= 0) {
        escaped.append('\\');
      }
      escaped.append(c);
    }
    return escaped.toString();
  }

  @SuppressWarnings("unchecked")
  private static List<Piece.Keyed> readBlock(PortableDataStream file)
      throws IOException, ClassNotFoundException {
    try (InputStream raw = file.open();
        ObjectInputStream in = new ContextClassLoaderInput(new BufferedInputStream(raw, 1 << 16))) {
      return (List<Piece.Keyed>) in.readObject();
    }
  }

  /**
   * Resolves classes through the task's class loader, which holds the application jar on a cluster.
   */
  private static final class ContextClassLoaderInput extends ObjectInputStream {
    ContextClassLoaderInput(InputStream in) throws IOException {
      super(in);
    }

    @Override
    protected Class<?> resolveClass(ObjectStreamClass desc)
        throws IOException, ClassNotFoundException {
      ClassLoader loader = Thread.currentThread().getContextClassLoader();
      if (loader == null) {
        return super.resolveClass(desc);
      }
      try {
        return Class.forName(desc.getName(), false, loader);
      } catch (ClassNotFoundException e) {
        return super.resolveClass(desc);
      }
    }
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
