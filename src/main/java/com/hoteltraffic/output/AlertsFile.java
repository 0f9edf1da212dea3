package com.hoteltraffic.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.hoteltraffic.report.alert.Alert;
import com.hoteltraffic.report.alert.AlertRules;
import com.hoteltraffic.report.alert.PreviousRun;
import com.hoteltraffic.report.alert.Severity;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * {@code alerts.json}: the run's alerts, critical first, each with its severity, kind, one-line
 * reason and where its rows are (the report, its key columns, and the {@code report.html} section),
 * with the count per severity and the previous run compared against.
 */
public final class AlertsFile {
  private AlertsFile() {}

  /** Writes the document of {@link #document} to {@code target}. */
  public static void write(Map<String, Object> document, Path target, Configuration conf)
      throws IOException {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    try (OutputStream out = target.getFileSystem(conf).create(target, true)) {
      mapper.writeValue(out, document);
    }
  }

  /**
   * The content of {@code alerts.json}.
   *
   * @param previous the previous run compared against, or null
   * @param reportsDir where the report CSVs are, relative to the output ({@code reports})
   * @param page the page's file name ({@code report.html})
   */
  public static Map<String, Object> document(
      List<Alert> alerts, PreviousRun previous, String reportsDir, String page) {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("previous_run", previousRun(previous));
    document.put("counts", counts(alerts));
    List<Map<String, Object>> entries = new ArrayList<>();
    for (Alert alert : alerts) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("severity", alert.severity().label());
      entry.put("kind", alert.kind());
      entry.put("reason", alert.reason());
      entry.put("report", alert.report());
      entry.put("csv", reportsDir + "/" + alert.report() + ".csv");
      entry.put("where", alert.where());
      entry.put("html", page + "#" + alert.anchor());
      entries.add(entry);
    }
    document.put("alerts", entries);
    return document;
  }

  /** {"critical": n, "warning": n}: the section {@code run_summary.json} also carries. */
  public static Map<String, Object> counts(List<Alert> alerts) {
    Map<String, Object> counts = new LinkedHashMap<>();
    for (Map.Entry<Severity, Long> entry : AlertRules.counts(alerts).entrySet()) {
      counts.put(entry.getKey().label(), entry.getValue());
    }
    return counts;
  }

  /**
   * {"path": ..., "source": ...}, or null without a previous run; with {"unreadable": [{"file",
   * "problem", "not_compared"}, ...]} when some of its files could not be read.
   */
  public static Map<String, Object> previousRun(PreviousRun previous) {
    if (previous == null) {
      return null;
    }
    Map<String, Object> run = new LinkedHashMap<>();
    run.put("path", previous.location());
    run.put("source", previous.source());
    if (!previous.unreadable().isEmpty()) {
      List<Map<String, Object>> files = new ArrayList<>();
      for (PreviousRun.Unreadable file : previous.unreadable()) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("file", file.file());
        entry.put("problem", file.problem());
        entry.put("not_compared", file.notCompared());
        files.add(entry);
      }
      run.put("unreadable", files);
    }
    return run;
  }
}
