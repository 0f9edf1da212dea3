package com.hoteltraffic.ingest;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hoteltraffic.classify.ExchangeInterpreter;
import com.hoteltraffic.json.JsonFactories;
import com.hoteltraffic.model.BookingFact;
import com.hoteltraffic.model.ClassifiedExchange;
import com.hoteltraffic.model.ExchangeFold;
import com.hoteltraffic.model.ExchangeSchema;
import com.hoteltraffic.model.HadoopConf;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.catalyst.util.GenericArrayData;
import org.apache.spark.sql.internal.SQLConf;
import org.apache.spark.unsafe.types.UTF8String;
import org.apache.spark.util.CollectionAccumulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads every input split once, in Spark tasks, straight into rows of the exchanges table ({@link
 * ExchangeSchema}). The splits are packed into tasks by bytes, as Spark's file sources pack files
 * ({@link FilePacking}, steered by {@code spark.sql.files.maxPartitionBytes} and {@code
 * spark.sql.files.openCostInBytes}), so many small files make few tasks. Each task streams its
 * splits in turn, line by line (or HAR entry by entry), through the Jackson parsers and the {@link
 * ExchangeInterpreter} and builds rows in Spark's internal form: no schema inference, no per-field
 * UDFs, no conversion of external values.
 *
 * <p>What a task yields besides exchanges leaves it on the side, so that the one action which
 * consumes {@link Read#exchanges()} (writing {@code tables/exchanges}, one file per task) is the
 * whole read:
 *
 * <ul>
 *   <li>quarantined records go to one part file per task in a side directory, owner-only; each
 *       split's records are one run of bytes in it, so the driver can join them in file order;
 *   <li>when the read runs an {@link ExchangeFold}, every exchange (also one the fold keeps out of
 *       the table) is folded into the task's one partial, which leaves as one block file in the
 *       same directory and small facts;
 *   <li>the counts of each split (lines, exchanges, quarantined records and where they are in the
 *       part, a corrupt file's reason) go to an accumulator in one update per task, with the names
 *       of its part and block and the fold's facts.
 * </ul>
 *
 * <p>Why that is safe under retries and speculation: a task attempt names its part and block after
 * its attempt id, and only a successful attempt's accumulator update reaches the driver, so {@link
 * Read#finish} keeps exactly one attempt's part and block per task and the side directory is
 * deleted with the rest. Splits and their packing are deterministic, so any successful attempt's
 * part is the same.
 */
public final class ExchangeReader {
  private static final Logger LOG = LoggerFactory.getLogger(ExchangeReader.class);

  private ExchangeReader() {}

  // Fields of a quarantined record as written.
  public static final String Q_SOURCE = "source";
  public static final String Q_LINE = "line";
  public static final String Q_REASON = "reason";
  public static final String Q_RAW = "raw";

  /** Quarantined lines and fold blocks are as sensitive as the input (tokens, card data). */
  static final FsPermission OWNER_ONLY_FILE = new FsPermission((short) 0600);

  static final FsPermission OWNER_ONLY_DIRECTORY = new FsPermission((short) 0700);

  private static final int WIDTH = ExchangeSchema.SCHEMA.size();
  // Positions in the schema, looked up once: rows are built positionally in the hot loop.
  private static final int I_SOURCE = index(ExchangeSchema.SOURCE);
  private static final int I_LINE = index(ExchangeSchema.LINE);
  private static final int I_REQUEST_ID = index(ExchangeSchema.REQUEST_ID);
  private static final int I_TS = index(ExchangeSchema.TS);
  private static final int I_DURATION_MS = index(ExchangeSchema.DURATION_MS);
  private static final int I_PROVIDER = index(ExchangeSchema.PROVIDER);
  private static final int I_OPERATION = index(ExchangeSchema.OPERATION);
  private static final int I_METHOD = index(ExchangeSchema.METHOD);
  private static final int I_HOST = index(ExchangeSchema.HOST);
  private static final int I_PATH = index(ExchangeSchema.PATH);
  private static final int I_HOTEL_ID = index(ExchangeSchema.HOTEL_ID);
  private static final int I_TOKEN_ID = index(ExchangeSchema.TOKEN_ID);
  private static final int I_TOKEN_HINT = index(ExchangeSchema.TOKEN_HINT);
  private static final int I_HTTP_STATUS = index(ExchangeSchema.HTTP_STATUS);
  private static final int I_ERROR_CODE = index(ExchangeSchema.ERROR_CODE);
  private static final int I_ERROR_CLASS = index(ExchangeSchema.ERROR_CLASS);
  private static final int I_RETRYABLE = index(ExchangeSchema.RETRYABLE);
  private static final int I_DOCUMENTED = index(ExchangeSchema.DOCUMENTED);
  private static final int I_IS_ERROR = index(ExchangeSchema.IS_ERROR);
  private static final int I_NO_RESPONSE_REASON = index(ExchangeSchema.NO_RESPONSE_REASON);
  private static final int I_RATE_LIMIT_LIMIT = index(ExchangeSchema.RATE_LIMIT_LIMIT);
  private static final int I_RATE_LIMIT_WINDOW_S = index(ExchangeSchema.RATE_LIMIT_WINDOW_S);
  private static final int I_CLIENT_REFERENCE = index(ExchangeSchema.CLIENT_REFERENCE);
  private static final int I_CHECK_IN = index(ExchangeSchema.CHECK_IN);
  private static final int I_CHECK_OUT = index(ExchangeSchema.CHECK_OUT);
  private static final int I_HOLDER_NAME = index(ExchangeSchema.HOLDER_NAME);
  private static final int I_LIST_CLIENT_REFERENCE = index(ExchangeSchema.LIST_CLIENT_REFERENCE);
  private static final int I_LIST_FILTER_TYPE = index(ExchangeSchema.LIST_FILTER_TYPE);
  private static final int I_LIST_START = index(ExchangeSchema.LIST_START);
  private static final int I_LIST_END = index(ExchangeSchema.LIST_END);
  private static final int I_LIST_STATUS = index(ExchangeSchema.LIST_STATUS);
  private static final int I_LIST_FROM = index(ExchangeSchema.LIST_FROM);
  private static final int I_LIST_TO = index(ExchangeSchema.LIST_TO);
  private static final int I_LIST_TOTAL = index(ExchangeSchema.LIST_TOTAL);
  private static final int I_BOOKINGS = index(ExchangeSchema.BOOKINGS);
  private static final int I_REQUEST_FINGERPRINT = index(ExchangeSchema.REQUEST_FINGERPRINT);
  private static final int I_ENVIRONMENT = index(ExchangeSchema.ENVIRONMENT);

  private static int index(String column) {
    return ExchangeSchema.SCHEMA.fieldIndex(column);
  }

  /**
   * What one split yielded besides exchanges; travels from its task in the task's {@link
   * TaskCounts}.
   *
   * @param quarantineOffset where the split's quarantined records start in its task's part
   * @param quarantineLength their bytes there (0 when the split quarantined nothing)
   */
  public record SplitCounts(
      int split,
      String source,
      String format,
      long start,
      long linesBefore,
      long lines,
      long blank,
      long exchanges,
      long quarantined,
      long repairedUtf8,
      String corruptReason,
      long quarantineOffset,
      long quarantineLength)
      implements Serializable {}

  /**
   * What one read task yielded besides exchanges, sent once it read all its splits to their end.
   *
   * @param task the task's number (its Spark partition)
   * @param quarantinePart its quarantine part, or null when it quarantined nothing
   * @param foldBlock its fold block, or null without a fold
   * @param foldFacts its fold's small facts, or null without a fold
   * @param splits the counts of its splits, in the order it read them
   */
  public record TaskCounts(
      int task, String quarantinePart, String foldBlock, byte[] foldFacts, List<SplitCounts> splits)
      implements Serializable {}

  /**
   * Counts of one input file, summed over its splits. They add up: {@code lines = exchanges +
   * quarantined + blank} (for HAR, lines are entries).
   */
  public record FileCounts(
      String source,
      String format,
      long lines,
      long blank,
      long exchanges,
      long quarantined,
      long repairedUtf8,
      String corruptReason) {}

  /**
   * Where one split's quarantined records are: bytes {@code [offset, offset + length)} of its
   * task's part.
   */
  public record QuarantineSlice(Path part, long offset, long length) {}

  /**
   * What a finished read found besides the exchanges: per-file counts, where the quarantined
   * records are, in file and line order, and, when the read ran a fold, one block file and one set
   * of small facts per read task, in task order.
   *
   * @param tasks how many tasks read the splits
   */
  public record Outcome(
      List<FileCounts> files,
      List<QuarantineSlice> quarantine,
      List<Path> foldBlocks,
      List<byte[]> foldFacts,
      int tasks) {}

  /**
   * Starts a read of {@code splits}. Nothing runs until an action consumes {@link
   * Read#exchanges()}; then call {@link Read#finish}.
   *
   * @param sideDirectory where tasks leave quarantine parts (on storage every executor can write,
   *     e.g. inside the run's staging output), or null to leave quarantined records out (they are
   *     still counted)
   */
  public static Read read(
      SparkSession spark,
      List<InputSplit> splits,
      ExchangeInterpreter interpreter,
      Path sideDirectory) {
    return read(spark, splits, interpreter, sideDirectory, null);
  }

  /**
   * Starts a read whose tasks also run {@code fold} on every exchange (see {@link ExchangeFold}):
   * the exchanges it leaves out of the table are still folded, and each read task's block is
   * written to {@code sideDirectory}.
   *
   * @param fold the fold, or null for none
   */
  public static Read read(
      SparkSession spark,
      List<InputSplit> splits,
      ExchangeInterpreter interpreter,
      Path sideDirectory,
      ExchangeFold<?> fold) {
    if (fold != null && sideDirectory == null) {
      throw new IllegalArgumentException("A fold needs a side directory for its blocks");
    }
    List<InputSplit> numbered = LineOffsets.assign(spark, splits);
    List<List<Integer>> tasks = pack(spark, numbered);
    JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
    CollectionAccumulator<TaskCounts> counts =
        spark.sparkContext().collectionAccumulator("read task counts");
    Dataset<Row> exchanges;
    if (numbered.isEmpty()) {
      exchanges = spark.createDataFrame(List.of(), ExchangeSchema.SCHEMA);
    } else {
      Configuration hadoop = spark.sparkContext().hadoopConfiguration();
      if (sideDirectory != null) {
        makeOwnerOnly(sideDirectory, hadoop);
      }
      Broadcast<byte[]> conf = context.broadcast(HadoopConf.bytes(hadoop));
      SideOutputs side =
          new SideOutputs(
              counts,
              sideDirectory == null ? null : sideDirectory.toString(),
              (ExchangeFold<Object>) fold);
      // Each Spark partition gets its task's number; the splits and the packing travel in the task
      // closure (Java serialization, as every closure), so that no split crosses with
      // spark.serializer.
      List<Integer> numbers = new ArrayList<>(tasks.size());
      for (int i = 0; i < tasks.size(); i++) {
        numbers.add(i);
      }
      JavaRDD<InternalRow> rows =
          context
              .parallelize(numbers, numbers.size())
              .mapPartitions(new ReadTasks(numbered, tasks, conf, interpreter, side));
      // Rows are made in Spark's internal form (UTF8String, microseconds), as Spark's own JSON
      // and CSV readers make them: converting ~35 external values a row cost a third of the read.
      exchanges =
          ((org.apache.spark.sql.classic.SparkSession) spark)
              .internalCreateDataFrame(rows.rdd(), ExchangeSchema.SCHEMA, false);
    }
    return new Read(exchanges, numbered, tasks.size(), counts, sideDirectory);
  }

  /**
   * The read tasks of the splits, packed by bytes with the session's {@code
   * spark.sql.files.maxPartitionBytes} and {@code spark.sql.files.openCostInBytes} (read, never
   * set: the session is the caller's) over its default parallelism.
   */
  private static List<List<Integer>> pack(SparkSession spark, List<InputSplit> splits) {
    SQLConf sql = ((org.apache.spark.sql.classic.SparkSession) spark).sessionState().conf();
    FilePacking packing =
        new FilePacking(
            sql.filesMaxPartitionBytes(),
            sql.filesOpenCostInBytes(),
            spark.sparkContext().defaultParallelism());
    List<List<Integer>> tasks = packing.pack(splits);
    LOG.info(
        "Read: {} splits in {} tasks of up to {} bytes"
            + " (spark.sql.files.maxPartitionBytes {}, spark.sql.files.openCostInBytes {})",
        splits.size(),
        tasks.size(),
        packing.maxSplitBytes(splits),
        sql.filesMaxPartitionBytes(),
        sql.filesOpenCostInBytes());
    return tasks;
  }

  /** Creates the side directory readable by its owner only, as the files it will hold. */
  private static void makeOwnerOnly(Path directory, Configuration conf) {
    try {
      FileSystem fs = directory.getFileSystem(conf);
      fs.mkdirs(directory, OWNER_ONLY_DIRECTORY);
      fs.setPermission(directory, OWNER_ONLY_DIRECTORY); // mkdirs applies the umask
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the read's side directory " + directory, e);
    }
  }

  /** A read in progress: consume {@link #exchanges()} with one action, then {@link #finish}. */
  public static final class Read {
    private final Dataset<Row> exchanges;
    private final List<InputSplit> splits;
    private final int tasks;
    private final CollectionAccumulator<TaskCounts> counts;
    private final Path sideDirectory;

    private Read(
        Dataset<Row> exchanges,
        List<InputSplit> splits,
        int tasks,
        CollectionAccumulator<TaskCounts> counts,
        Path sideDirectory) {
      this.exchanges = exchanges;
      this.splits = splits;
      this.tasks = tasks;
      this.counts = counts;
      this.sideDirectory = sideDirectory;
    }

    /** The exchanges, one Spark partition per read task; schema {@link ExchangeSchema#SCHEMA}. */
    public Dataset<Row> exchanges() {
      return exchanges;
    }

    /** How many tasks read the splits (each leaves one block, part and table file). */
    public int tasks() {
      return tasks;
    }

    /**
     * Counts per file, where the quarantined records are in file and line order, and one block per
     * task, once an action has read every task's splits.
     *
     * @throws IllegalStateException when some task was never read to its end (no action ran, or one
     *     stopped early) or when a file's lines changed between the line count and the read (a file
     *     still being written)
     */
    public Outcome finish() {
      // An action may have run more than once over a task (two actions, a retried stage): the
      // counts of one task are always the same, so keep one per task.
      Map<Integer, TaskCounts> byTask = new TreeMap<>();
      for (TaskCounts task : counts.value()) {
        byTask.putIfAbsent(task.task(), task);
      }
      if (byTask.size() != tasks) {
        throw new IllegalStateException(
            "The read is not complete: "
                + byTask.size()
                + " of "
                + tasks
                + " read tasks ("
                + splits.size()
                + " input splits) were read to their end");
      }
      List<ReadSplit> ordered = new ArrayList<>(splits.size());
      List<Path> blocks = new ArrayList<>();
      List<byte[]> facts = new ArrayList<>();
      for (TaskCounts task : byTask.values()) {
        if (task.foldBlock() != null) {
          blocks.add(new Path(task.foldBlock()));
          facts.add(task.foldFacts());
        }
        for (SplitCounts split : task.splits()) {
          ordered.add(new ReadSplit(split, task.quarantinePart()));
        }
      }
      if (ordered.size() != splits.size()) {
        throw new IllegalStateException(
            "The read tasks counted " + ordered.size() + " of " + splits.size() + " splits");
      }
      ordered.sort(
          Comparator.comparing((ReadSplit r) -> r.counts().source())
              .thenComparingLong(r -> r.counts().start()));
      checkLineNumbers(ordered);

      Map<String, FileCounts> files = new LinkedHashMap<>();
      List<QuarantineSlice> quarantine = new ArrayList<>();
      for (ReadSplit read : ordered) {
        SplitCounts split = read.counts();
        files.merge(
            split.source(),
            new FileCounts(
                split.source(),
                split.format(),
                split.lines(),
                split.blank(),
                split.exchanges(),
                split.quarantined(),
                split.repairedUtf8(),
                split.corruptReason()),
            ExchangeReader::sum);
        if (split.quarantineLength() > 0) {
          quarantine.add(
              new QuarantineSlice(
                  new Path(read.part()), split.quarantineOffset(), split.quarantineLength()));
        }
      }
      return new Outcome(List.copyOf(files.values()), quarantine, blocks, facts, tasks);
    }

    /** Deletes the side directory: every quarantine part, kept or left by a failed attempt. */
    public void deleteSideOutputs(Configuration conf) throws IOException {
      if (sideDirectory != null) {
        sideDirectory.getFileSystem(conf).delete(sideDirectory, true);
      }
    }

    /**
     * @param ordered the splits by file, then start
     */
    private static void checkLineNumbers(List<ReadSplit> ordered) {
      Map<String, Long> linesSoFar = new TreeMap<>();
      for (ReadSplit read : ordered) {
        SplitCounts split = read.counts();
        long before = linesSoFar.getOrDefault(split.source(), 0L);
        if (split.linesBefore() != before) {
          throw new IllegalStateException(
              "Input "
                  + split.source()
                  + " changed while it was read: "
                  + before
                  + " lines before byte "
                  + split.start()
                  + " when read, "
                  + split.linesBefore()
                  + " when counted. Rerun once the file is complete.");
        }
        linesSoFar.put(split.source(), before + split.lines());
      }
    }
  }

  /** A split's counts and its task's quarantine part. */
  private record ReadSplit(SplitCounts counts, String part) {}

  private static FileCounts sum(FileCounts a, FileCounts b) {
    return new FileCounts(
        a.source(),
        a.format(),
        a.lines() + b.lines(),
        a.blank() + b.blank(),
        a.exchanges() + b.exchanges(),
        a.quarantined() + b.quarantined(),
        a.repairedUtf8() + b.repairedUtf8(),
        a.corruptReason() != null ? a.corruptReason() : b.corruptReason());
  }

  /** Where a task puts what is not an exchange. Serializable: it travels with the task. */
  private record SideOutputs(
      CollectionAccumulator<TaskCounts> counts, String directory, ExchangeFold<Object> fold)
      implements Serializable {}

  /** The task body: reads the splits of the partition's task in turn and turns them into rows. */
  private static final class ReadTasks implements FlatMapFunction<Iterator<Integer>, InternalRow> {
    private static final long serialVersionUID = 1L;
    private final List<InputSplit> splits;
    private final List<List<Integer>> tasks;
    private final Broadcast<byte[]> conf;
    private final ExchangeInterpreter interpreter;
    private final SideOutputs side;

    ReadTasks(
        List<InputSplit> splits,
        List<List<Integer>> tasks,
        Broadcast<byte[]> conf,
        ExchangeInterpreter interpreter,
        SideOutputs side) {
      this.splits = List.copyOf(splits);
      this.tasks = List.copyOf(tasks);
      this.conf = conf;
      this.interpreter = interpreter;
      this.side = side;
    }

    @Override
    public Iterator<InternalRow> call(Iterator<Integer> numbers) {
      int task = numbers.next(); // one task per partition
      return new TaskRows(
          task, splits, tasks.get(task), HadoopConf.of(conf.value()), interpreter, side);
    }
  }

  /**
   * Chains the exchange rows of the task's splits, opening each file only when its turn comes;
   * quarantined records and counts are set aside on the way, and the task's block, part and counts
   * leave once its last split is read to its end.
   */
  private static final class TaskRows implements Iterator<InternalRow> {
    private final int task;
    private final List<InputSplit> splits;
    private final Iterator<Integer> indexes;
    private final Configuration conf;
    private final ExchangeInterpreter interpreter;
    private final SideOutputs side;
    private final ObjectMapper mapper = JsonFactories.mapper();
    private final JsonLinesParser jsonLines;
    private final HarEntryParser harEntries;
    private final List<SplitCounts> done = new ArrayList<>();
    private int currentIndex;
    private InputSplit current;
    private UTF8String currentSource;
    private InputStream stream;
    private Iterator<ReadEvent> events;
    private InternalRow next;
    private QuarantinePart quarantine;

    /** Where the current split's quarantined records start in the task's part. */
    private long quarantineStart;

    private boolean finished;

    /** The fold's partial of the whole task; null without a fold. */
    private final Object partial;

    TaskRows(
        int task,
        List<InputSplit> splits,
        List<Integer> indexes,
        Configuration conf,
        ExchangeInterpreter interpreter,
        SideOutputs side) {
      this.task = task;
      this.splits = splits;
      this.indexes = indexes.iterator();
      this.conf = conf;
      this.interpreter = interpreter;
      this.side = side;
      this.jsonLines = new JsonLinesParser(mapper.getFactory(), interpreter.bodyNeeds());
      this.harEntries = new HarEntryParser(interpreter.bodyNeeds());
      this.partial = side.fold() == null ? null : side.fold().start();
    }

    @Override
    public boolean hasNext() {
      while (next == null) {
        if (events == null || !events.hasNext()) {
          closeCurrent();
          if (!indexes.hasNext()) {
            finishTask();
            return false;
          }
          int index = indexes.next();
          open(index, splits.get(index));
          continue;
        }
        ReadEvent event = events.next();
        switch (event.kind()) {
          case EXCHANGE -> next = exchangeRow(event, current.path());
          case QUARANTINE -> quarantine(event);
          case STATS -> splitDone(event.stats());
        }
      }
      return true;
    }

    @Override
    public InternalRow next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      InternalRow row = next;
      next = null;
      return row;
    }

    private void open(int index, InputSplit split) {
      currentIndex = index;
      current = split;
      currentSource = UTF8String.fromString(split.path());
      if (split.fileLength() == 0) {
        // An empty file holds no record, so none is lost: it is empty, not a damaged gzip or HAR.
        events = List.of(ReadEvent.stats(new SplitStats())).iterator();
        return;
      }
      try {
        Path path = new Path(split.path());
        FileSystem fs = path.getFileSystem(conf);
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

    /** The exchange's row, or null when the fold keeps it out of the table. */
    private InternalRow exchangeRow(ReadEvent event, String source) {
      ClassifiedExchange exchange = interpreter.interpret(event.exchange());
      if (side.fold() != null) {
        side.fold().add(partial, exchange, source, event.line());
        if (!side.fold().inTable(exchange)) {
          return null;
        }
      }
      Object[] values = new Object[WIDTH];
      values[I_SOURCE] = currentSource;
      values[I_LINE] = event.line();
      fillExchange(values, exchange);
      return new GenericInternalRow(values);
    }

    private void quarantine(ReadEvent event) {
      if (side.directory() == null) {
        return; // counted in the split's counts; the caller asked for no records
      }
      try {
        if (quarantine == null) {
          Path part =
              new Path(
                  side.directory(),
                  String.format(
                      "quarantine-%06d-attempt-%d.jsonl", task, TaskContext.get().taskAttemptId()));
          quarantine = new QuarantinePart(part, conf);
        }
        quarantine.write(current.path(), event.line(), event.reason(), event.raw());
      } catch (IOException e) {
        throw new UncheckedIOException(
            "Cannot write quarantined records to " + side.directory(), e);
      }
    }

    /** Notes the split's counts and where its quarantined records are in the task's part. */
    private void splitDone(SplitStats stats) {
      long quarantineEnd = quarantineStart;
      if (quarantine != null) {
        try {
          quarantineEnd = quarantine.position();
        } catch (IOException e) {
          throw new UncheckedIOException(
              "Cannot write quarantined records to " + side.directory(), e);
        }
      }
      done.add(
          new SplitCounts(
              currentIndex,
              current.path(),
              current.format().name().toLowerCase(java.util.Locale.ROOT),
              current.start(),
              current.linesBefore(),
              stats.lines(),
              stats.blank(),
              stats.exchanges(),
              stats.quarantined(),
              stats.repairedUtf8(),
              stats.corruptReason(),
              quarantineStart,
              quarantineEnd - quarantineStart));
      quarantineStart = quarantineEnd;
    }

    /**
     * Closes the task's part, writes its block and sends its counts: once, after its last split.
     */
    private void finishTask() {
      if (finished) {
        return;
      }
      finished = true;
      String part = null;
      if (quarantine != null) {
        try {
          quarantine.close();
        } catch (IOException e) {
          throw new UncheckedIOException(
              "Cannot write quarantined records to " + side.directory(), e);
        }
        part = quarantine.path.toString();
        quarantine = null;
      }
      String block = side.fold() == null ? null : writeBlock();
      side.counts()
          .add(
              new TaskCounts(
                  task,
                  part,
                  block,
                  block == null ? null : side.fold().facts(partial),
                  List.copyOf(done)));
    }

    /**
     * Writes the task's fold block, owner-only, named like the quarantine part after the task
     * attempt.
     */
    private String writeBlock() {
      Path path =
          new Path(
              side.directory(),
              String.format("fold-%06d-attempt-%d.bin", task, TaskContext.get().taskAttemptId()));
      try (DataOutputStream out =
          new DataOutputStream(new BufferedOutputStream(createOwnerOnly(path, conf), 1 << 16))) {
        side.fold().writeBlock(partial, out);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot write the read's fold block " + path, e);
      }
      return path.toString();
    }
  }

  /**
   * One task's quarantined records: JSON Lines {@code {source, line, reason, raw}}, owner-only,
   * with the bytes written so far known at each split's end.
   */
  private static final class QuarantinePart {
    final Path path;
    private final FSDataOutputStream out;
    private final JsonGenerator json;

    QuarantinePart(Path path, Configuration conf) throws IOException {
      this.path = path;
      this.out = createOwnerOnly(path, conf);
      this.json = new ObjectMapper().getFactory().createGenerator((OutputStream) out);
      // A flush hands the generator's buffer to the file's stream, no further: see position().
      json.disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM);
      json.setRootValueSeparator(null);
    }

    void write(String source, long line, String reason, String raw) throws IOException {
      json.writeStartObject();
      json.writeStringField(Q_SOURCE, source);
      json.writeNumberField(Q_LINE, line);
      json.writeStringField(Q_REASON, reason);
      json.writeStringField(Q_RAW, raw);
      json.writeEndObject();
      json.writeRaw('\n');
    }

    /** Bytes of records written so far (the generator's buffer handed to the file first). */
    long position() throws IOException {
      json.flush();
      return out.getPos();
    }

    void close() throws IOException {
      json.close(); // closes the file too
    }
  }

  /** A new file (replacing any of that name) that only its owner can read. */
  private static FSDataOutputStream createOwnerOnly(Path path, Configuration conf)
      throws IOException {
    FileSystem fs = path.getFileSystem(conf);
    return fs.create(
        path,
        OWNER_ONLY_FILE,
        true,
        1 << 16,
        fs.getDefaultReplication(path),
        fs.getDefaultBlockSize(path),
        null);
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
    v[I_LIST_STATUS] = utf8(e.listStatus);
    v[I_LIST_FROM] = e.listFrom;
    v[I_LIST_TO] = e.listTo;
    v[I_LIST_TOTAL] = e.listTotal;
    v[I_REQUEST_FINGERPRINT] = utf8(e.requestFingerprint);
    v[I_ENVIRONMENT] = utf8(e.environment);
    Object[] bookings = new Object[e.bookings.size()];
    for (int i = 0; i < bookings.length; i++) {
      BookingFact b = e.bookings.get(i);
      bookings[i] =
          new GenericInternalRow(
              new Object[] {
                utf8(b.reference()),
                utf8(b.clientReference()),
                utf8(b.status()),
                utf8(b.hotelCode()),
                utf8(b.creationDate())
              });
    }
    v[I_BOOKINGS] = new GenericArrayData(bookings);
  }
}
