package com.hoteltraffic.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * {@code run_summary.json}: what was read (inputs, per-file counts, skipped and corrupt files), the
 * totals, the time range, the settings and the version. Built on the driver from per-file counts
 * and report row counts, never from exchange data. Sections keep insertion order.
 */
public final class RunSummary {
  private final Map<String, Object> root = new LinkedHashMap<>();

  public RunSummary() {
    root.put("version", version());
  }

  /** Sets a top-level section; values are maps, lists, strings and numbers. */
  public RunSummary put(String section, Object value) {
    root.put(section, value);
    return this;
  }

  public Object get(String section) {
    return root.get(section);
  }

  public void write(Path target, Configuration conf) throws IOException {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    try (OutputStream out = target.getFileSystem(conf).create(target, true)) {
      mapper.writeValue(out, root);
    }
  }

  public static String version() {
    try (InputStream in =
        RunSummary.class.getResourceAsStream("/traffic-analyzer-version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
