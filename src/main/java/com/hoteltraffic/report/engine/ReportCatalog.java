package com.hoteltraffic.report.engine;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The reports one run computes, as the engine indexes them: each kind of piece gets a one-byte tag
 * (its position among all kinds, in the reports' order), by which blocks and shuffle keys name it.
 * Tags live only within a run: blocks are read by the run that wrote them.
 */
public final class ReportCatalog implements Serializable {
  private static final long serialVersionUID = 1L;

  private final List<Report> reports;
  private final List<PieceKind> kinds = new ArrayList<>();
  private final List<Integer> reportOfKind = new ArrayList<>();
  private final Map<String, Integer> tagOf = new HashMap<>();

  /**
   * @throws IllegalArgumentException when two reports share a kind or an output name, or there are
   *     more kinds than a tag can name
   */
  public ReportCatalog(List<Report> reports) {
    this.reports = List.copyOf(reports);
    Set<String> outputs = new HashSet<>();
    for (int r = 0; r < this.reports.size(); r++) {
      Report report = this.reports.get(r);
      for (ReportSpec spec : report.outputs(true)) {
        if (!outputs.add(spec.name())) {
          throw new IllegalArgumentException("Two reports write " + spec.name());
        }
      }
      for (PieceKind kind : report.kinds()) {
        if (tagOf.putIfAbsent(kind.name(), kinds.size()) != null) {
          throw new IllegalArgumentException("Two kinds of piece are named " + kind.name());
        }
        kinds.add(kind);
        reportOfKind.add(r);
      }
    }
    if (kinds.size() > 256) {
      throw new IllegalArgumentException(kinds.size() + " kinds of piece; a tag names 256");
    }
  }

  public List<Report> reports() {
    return reports;
  }

  /** Every kind of piece of every report, in tag order. */
  public List<PieceKind> kinds() {
    return List.copyOf(kinds);
  }

  /** Every output of every report, in order. */
  public List<ReportSpec> specs(boolean includePii) {
    List<ReportSpec> specs = new ArrayList<>();
    reports.forEach(report -> specs.addAll(report.outputs(includePii)));
    return specs;
  }

  int tag(String kind) {
    Integer tag = tagOf.get(kind);
    if (tag == null) {
      throw new IllegalArgumentException("No report has pieces of kind " + kind);
    }
    return tag;
  }

  int kindCount() {
    return kinds.size();
  }

  PieceKind kind(int tag) {
    return kinds.get(tag);
  }

  PieceKind kind(String name) {
    return kinds.get(tag(name));
  }

  /** The position in {@link #reports} of the report whose kind this is. */
  int reportOf(String kind) {
    return reportOfKind.get(tag(kind));
  }
}
