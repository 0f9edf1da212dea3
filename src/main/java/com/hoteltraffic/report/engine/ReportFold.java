package com.hoteltraffic.report.engine;

import com.hoteltraffic.model.ClassifiedExchange;
import com.hoteltraffic.model.ExchangeFold;
import com.hoteltraffic.report.shared.WindowClock;
import java.io.DataOutput;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.roaringbitmap.RoaringBitmap;

/**
 * Folds every exchange a read task yields into the pieces of every report of a {@link
 * ReportCatalog} (see {@link ExchangeFold}), so that the reports come from one read: each report
 * folds the exchanges of its {@link Report.Scope} into its own keys. A daily run keeps only its
 * day's exchanges in the table.
 */
public final class ReportFold implements ExchangeFold<ReportFold.Partial> {
  private static final long serialVersionUID = 1L;

  private final ReportCatalog catalog;
  private final ReportSettings settings;
  private final ReportSettings.Bounds bounds;

  public ReportFold(ReportCatalog catalog, ReportSettings settings) {
    this.catalog = catalog;
    this.settings = settings;
    this.bounds = settings.bounds();
  }

  public ReportCatalog catalog() {
    return catalog;
  }

  /** One task's pieces by key, and its small facts. */
  public static final class Partial {
    final PieceMap pieces = new PieceMap();
    final Set<PieceKey> incidentKeys = new HashSet<>();
    final RoaringBitmap buckets = new RoaringBitmap();

    /** Per report, its task facts (or null) and its view of the pieces. */
    final Object[] facts;

    final Pieces[] views;
    final FoldContext context;

    Partial(ReportCatalog catalog, ReportSettings settings) {
      List<Report> reports = catalog.reports();
      facts = new Object[reports.size()];
      views = new Pieces[reports.size()];
      for (int r = 0; r < facts.length; r++) {
        ReportFacts<?> codec = reports.get(r).facts();
        facts[r] = codec == null ? null : codec.empty();
        views[r] = new View(r);
      }
      context = new FoldContext(settings, new WindowClock(settings.window(), settings.zone()));
    }

    /** What one report's {@link Report#fold} adds to. */
    private final class View implements Pieces {
      private final int report;

      View(int report) {
        this.report = report;
      }

      @Override
      @SuppressWarnings("unchecked")
      public <T extends Piece> T piece(PieceKey key, Supplier<T> fresh) {
        return (T) pieces.piece(key, fresh);
      }

      @Override
      @SuppressWarnings("unchecked")
      public <T extends Piece> T piece(
          String kind, String provider, String key, String detail, long number, Supplier<T> fresh) {
        return (T) pieces.piece(kind, provider, key, detail, number, fresh);
      }

      @Override
      public void incident(PieceKey key) {
        incidentKeys.add(key);
      }

      @Override
      public void markBucket(PieceKey key) {
        buckets.add(SharedFacts.bucket(key));
      }

      @Override
      @SuppressWarnings("unchecked")
      public <F> F facts() {
        return (F) facts[report];
      }
    }
  }

  @Override
  public Partial start() {
    return new Partial(catalog, settings);
  }

  @Override
  public boolean inTable(ClassifiedExchange exchange) {
    return bounds.counts(exchange.tsMillis * 1_000L);
  }

  @Override
  public void add(Partial partial, ClassifiedExchange exchange, String source, long line) {
    long tsMicros = exchange.tsMillis * 1_000L;
    boolean inDay = bounds.counts(tsMicros);
    if (!inDay && !bounds.detects(tsMicros)) {
      return;
    }
    partial.context.set(tsMicros, source, line, inDay);
    List<Report> reports = catalog.reports();
    for (int r = 0; r < reports.size(); r++) {
      Report report = reports.get(r);
      if (inDay || report.scope() == Report.Scope.READ_WINDOW) {
        report.fold(exchange, partial.context, partial.views[r]);
      }
    }
  }

  @Override
  public void writeBlock(Partial partial, DataOutput out) throws IOException {
    new PieceCodec(catalog).writeBlock(out, partial.pieces);
  }

  @Override
  public byte[] facts(Partial partial) {
    partial.buckets.runOptimize();
    return SharedFacts.encode(catalog, partial.incidentKeys, partial.buckets, partial.facts);
  }
}
