package com.hoteltraffic.report.engine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.roaringbitmap.RoaringBitmap;

/**
 * The small facts the merge needs from every read task before it starts: which keys saw an incident
 * ({@link PieceKind.Keep#INCIDENT_KEYS}), which buckets of keys were marked ({@link
 * PieceKind.Keep#MARKED_BUCKETS}), and each report's own facts ({@link Report#facts}). With them
 * the merge drops, before its shuffle, the pieces that cannot yield a row.
 *
 * <p>None of them grows with the traffic around the incidents: marked keys are known only by their
 * bucket among {@link #BUCKETS} (a fixed-size bit set, at most 32 KB however many keys a storm
 * marks). A key whose bucket another key marked is shipped to the merge for nothing, and yields no
 * row there; a marked key is never dropped.
 *
 * <p>Facts travel as codec bytes ({@link #encoded}): a task's facts to the driver, the joined facts
 * to the merge's tasks, whatever {@code spark.serializer} a run uses.
 */
public final class SharedFacts {

  /** Buckets of marked keys: 2^18, so the set is at most 32 KB. */
  static final int BUCKETS = 1 << 18;

  private final ReportCatalog catalog;
  private final Set<PieceKey> incidentKeys;
  private final RoaringBitmap buckets;

  /**
   * The incident keys as {@link PieceCodec#keyText}s, as the merge meets them; made on first use.
   */
  private Set<String> incidentTexts;

  /** Per report of the catalog, its joined facts, or null when it has none. */
  private final Object[] reportFacts;

  private SharedFacts(
      ReportCatalog catalog,
      Collection<PieceKey> incidentKeys,
      RoaringBitmap buckets,
      Object[] reportFacts) {
    this.catalog = catalog;
    this.incidentKeys = Set.copyOf(incidentKeys);
    this.buckets = buckets;
    this.reportFacts = reportFacts;
  }

  /**
   * Joins the facts of every task, each as {@link ReportFold#facts} encoded it (in any order: each
   * report's join does not depend on it).
   */
  public static SharedFacts of(ReportCatalog catalog, List<byte[]> taskFacts) {
    Set<PieceKey> keys = new HashSet<>();
    RoaringBitmap buckets = new RoaringBitmap();
    List<List<Object>> perReport = new ArrayList<>();
    catalog.reports().forEach(report -> perReport.add(new ArrayList<>()));
    for (byte[] facts : taskFacts) {
      SharedFacts task = decode(catalog, facts);
      keys.addAll(task.incidentKeys);
      buckets.or(task.buckets);
      for (int r = 0; r < task.reportFacts.length; r++) {
        perReport.get(r).add(task.reportFacts[r]);
      }
    }
    buckets.runOptimize();
    Object[] joined = new Object[catalog.reports().size()];
    for (int r = 0; r < joined.length; r++) {
      joined[r] = join(catalog.reports().get(r).facts(), perReport.get(r));
    }
    return new SharedFacts(catalog, keys, buckets, joined);
  }

  @SuppressWarnings("unchecked")
  private static <F> Object join(ReportFacts<F> codec, List<Object> tasks) {
    return codec == null ? null : codec.join((List<F>) tasks);
  }

  /** These facts as codec bytes, for {@link #decode} in the merge's tasks. */
  byte[] encoded() {
    return encode(catalog, incidentKeys, buckets, reportFacts);
  }

  /** The codec bytes of facts: of one task's (see {@link ReportFold#facts}) or of joined ones. */
  static byte[] encode(
      ReportCatalog catalog,
      Collection<PieceKey> incidentKeys,
      RoaringBitmap buckets,
      Object[] reportFacts) {
    PieceCodec codec = new PieceCodec(catalog);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(incidentKeys.size());
      for (PieceKey key : incidentKeys) {
        codec.writeKey(out, key);
      }
      buckets.serialize(out);
      for (int r = 0; r < reportFacts.length; r++) {
        write(catalog.reports().get(r).facts(), reportFacts[r], out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a byte array does not fail
    }
    return bytes.toByteArray();
  }

  @SuppressWarnings("unchecked")
  private static <F> void write(ReportFacts<F> codec, Object facts, DataOutputStream out)
      throws IOException {
    if (codec != null) {
      codec.write((F) facts, out);
    }
  }

  /** Facts from their codec bytes, as they were encoded. */
  static SharedFacts decode(ReportCatalog catalog, byte[] bytes) {
    PieceCodec codec = new PieceCodec(catalog);
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      int keyCount = in.readInt();
      Set<PieceKey> keys = new HashSet<>();
      for (int i = 0; i < keyCount; i++) {
        keys.add(codec.readKey(in));
      }
      RoaringBitmap buckets = new RoaringBitmap();
      buckets.deserialize(in);
      Object[] reportFacts = new Object[catalog.reports().size()];
      for (int r = 0; r < reportFacts.length; r++) {
        ReportFacts<?> facts = catalog.reports().get(r).facts();
        reportFacts[r] = facts == null ? null : facts.read(in);
      }
      if (in.read() != -1) {
        throw new IOException("bytes after the facts");
      }
      return new SharedFacts(catalog, keys, buckets, reportFacts);
    } catch (IOException e) {
      throw new UncheckedIOException("Not the codec bytes of report facts", e);
    }
  }

  /** The bucket of a key: a mixed hash of its fields, its top 18 bits. */
  static int bucket(PieceKey key) {
    int hash =
        Objects.hash(key.kind(), key.provider(), key.key(), key.detail())
            + Long.hashCode(key.number());
    return (hash * 0x9E3779B9) >>> (Integer.SIZE - 18);
  }

  ReportCatalog catalog() {
    return catalog;
  }

  /** The joined facts of the report whose kind of piece this is. */
  Object factsOf(String kind) {
    return reportFacts[catalog.reportOf(kind)];
  }

  /** Whether the piece of a key, as its {@link PieceCodec#keyText}, can yield a row. */
  boolean needed(String keyText) {
    return switch (catalog.kind(PieceCodec.tagOf(keyText)).keep()) {
      case EVERY_KEY -> true;
      case INCIDENT_KEYS -> incidentTexts().contains(keyText);
      case MARKED_BUCKETS -> buckets.contains(bucket(new PieceCodec(catalog).keyOf(keyText)));
    };
  }

  private Set<String> incidentTexts() {
    if (incidentTexts == null) {
      PieceCodec codec = new PieceCodec(catalog);
      Set<String> texts = new HashSet<>();
      incidentKeys.forEach(key -> texts.add(codec.keyText(key)));
      incidentTexts = texts;
    }
    return incidentTexts;
  }

  /** Whether a key's piece can yield a row (see {@link PieceKind.Keep}). */
  boolean needed(PieceKey key) {
    return switch (catalog.kind(key.kind()).keep()) {
      case EVERY_KEY -> true;
      case INCIDENT_KEYS -> incidentKeys.contains(key);
      case MARKED_BUCKETS -> buckets.contains(bucket(key));
    };
  }
}
