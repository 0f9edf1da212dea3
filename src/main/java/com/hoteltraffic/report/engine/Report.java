package com.hoteltraffic.report.engine;

import com.hoteltraffic.model.ClassifiedExchange;
import java.io.Serializable;
import java.util.List;

/**
 * One report as the engine runs it, after Beam's {@code CombineFn} with its accumulator {@code
 * Coder} and Druid's {@code AggregatorFactory}: what it writes ({@link #outputs}), which exchanges
 * it folds ({@link #scope}) into which keys ({@link #fold}), and per kind of key how a partial (a
 * {@link Piece}) merges, is written and read as bytes, and which keys may be dropped before the
 * merge's shuffle ({@link #kinds}). The pieces yield the rows ({@link Piece#rows}).
 *
 * <p>The engine ({@link ReportFold}, {@link ReportEngine}) knows reports only through this
 * interface; the registry ({@code com.hoteltraffic.report.Reports}) is the one list of them. A
 * report is a value: it holds no state of a run, and travels to the read's tasks with the fold.
 */
public interface Report extends Serializable {
  /** Its outputs (name, columns, row order, whether written), in the order the job writes them. */
  List<ReportSpec> outputs(boolean includePii);

  /** Which exchanges of a daily run it folds. */
  Scope scope();

  /** Its kinds of piece; their names are unique among all reports. */
  List<PieceKind> kinds();

  /**
   * Folds one exchange into its pieces.
   *
   * @param exchange the exchange; the caller may reuse the object afterwards, so copy what is kept
   * @param at where and when the exchange is, in the run's terms
   * @param pieces this task's pieces of this report
   */
  void fold(ClassifiedExchange exchange, FoldContext at, Pieces pieces);

  /** Facts this report gathers from every task before the merge ({@link Pieces#facts}), or null. */
  default ReportFacts<?> facts() {
    return null;
  }

  /** Which exchanges a report folds in a daily run (in a whole run, every exchange). */
  enum Scope {
    /** The exchanges of the reported day only (counts: rates, codes, credentials). */
    DAY,
    /**
     * Every exchange of the read window, look-back and look-ahead included (detection: bursts,
     * outages, bookings); {@link FoldContext#inDay} tells which belong to the day.
     */
    READ_WINDOW
  }
}
