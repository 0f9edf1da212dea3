package com.hoteltraffic.generate;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Writes exchanges to the files of their channels, each in its channel's format variant, and plants
 * the deliberately malformed and blank lines that the ground truth counts.
 */
final class OutputFiles implements Closeable {
  /**
   * A deliberately bad (or blank) line, planted after the {@code afterRecord}-th exchange of a
   * file.
   */
  private enum Defect {
    BLANK,
    TRUNCATED,
    LOG_TEXT,
    PROXY_TEXT,
    EMPTY_OBJECT,
    ARRAY,
    MISSING_TS,
    STATUS_ABC,
    TS_NOT_A_DATE
  }

  private record PlannedDefect(int afterRecord, Defect defect) {}

  private final Path outDir;
  private final boolean plain;
  private final long seed;
  private final long startMillis;
  private final Map<String, FileWriter> open = new TreeMap<>();
  private final Map<String, FileStats> finished = new TreeMap<>();
  private long diskBytes;
  private long textBytes;

  OutputFiles(GeneratorConfig config) {
    this.outDir = config.outDir().resolve(TrafficGenerator.TRAFFIC_DIR);
    this.plain = config.plain();
    this.seed = config.seed();
    this.startMillis = config.start().toEpochMilli();
  }

  /** The path (relative to the traffic directory) that {@code e} is written to. */
  String pathOf(Exchange e) {
    Channel channel = e.channel;
    String path =
        channel.perDay
            ? channel.pathPattern.replace("%s", Times.date(e.tsMillis))
            : channel.pathPattern;
    return plain && path.endsWith(".gz") ? path.substring(0, path.length() - 3) : path;
  }

  void write(Exchange e) throws IOException {
    String path = pathOf(e);
    FileWriter writer = open.get(path);
    if (writer == null) {
      int dayIndex = (int) Math.floorDiv(e.tsMillis - startMillis, Times.DAY);
      writer = new FileWriter(path, e.channel, defectsOf(e.channel, dayIndex));
      open.put(path, writer);
    }
    writer.write(e);
  }

  /** Closes the per-day files; the run-long files (proxy log, HAR captures) stay open. */
  void endDay() throws IOException {
    List<String> done = new ArrayList<>();
    for (Map.Entry<String, FileWriter> entry : open.entrySet()) {
      if (entry.getValue().channel.perDay) {
        entry.getValue().close();
        done.add(entry.getKey());
      }
    }
    done.forEach(open::remove);
  }

  @Override
  public void close() throws IOException {
    for (FileWriter writer : open.values()) {
      writer.close();
    }
    open.clear();
  }

  List<FileStats> stats() {
    return new ArrayList<>(finished.values());
  }

  long diskBytes() {
    return diskBytes;
  }

  long textBytes() {
    return textBytes;
  }

  private static List<PlannedDefect> defectsOf(Channel channel, int dayIndex) {
    List<PlannedDefect> plan = new ArrayList<>();
    switch (channel) {
      case CASY_APP -> {
        if (dayIndex == 0) {
          plan.add(new PlannedDefect(5, Defect.TRUNCATED));
          plan.add(new PlannedDefect(40, Defect.LOG_TEXT));
          plan.add(new PlannedDefect(41, Defect.BLANK));
          plan.add(new PlannedDefect(120, Defect.BLANK));
        }
      }
      case CASY_LEGACY -> {
        if (dayIndex == 1) {
          plan.add(new PlannedDefect(10, Defect.TS_NOT_A_DATE));
        }
      }
      case HOTELBEDS_ENGINE -> {
        if (dayIndex == 1) {
          plan.add(new PlannedDefect(3, Defect.EMPTY_OBJECT));
          plan.add(new PlannedDefect(30, Defect.ARRAY));
          plan.add(new PlannedDefect(60, Defect.MISSING_TS));
          plan.add(new PlannedDefect(61, Defect.BLANK));
        }
      }
      case EGRESS_PROXY -> {
        plan.add(new PlannedDefect(2, Defect.BLANK));
        plan.add(new PlannedDefect(15, Defect.STATUS_ABC));
        plan.add(new PlannedDefect(33, Defect.TS_NOT_A_DATE));
        plan.add(new PlannedDefect(50, Defect.PROXY_TEXT));
        plan.add(new PlannedDefect(51, Defect.BLANK));
        plan.add(new PlannedDefect(52, Defect.BLANK));
      }
      default -> {
        // HAR captures are kept clean: a browser or mitmproxy writes well-formed JSON.
      }
    }
    return plan;
  }

  /** Counts bytes that pass through, so the run can report its output size and speed. */
  private static final class CountingStream extends FilterOutputStream {
    long count;

    CountingStream(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      count += len;
    }
  }

  /** One open output file. */
  private final class FileWriter implements Closeable {
    final String path;
    final Channel channel;
    final List<PlannedDefect> defects;
    final CountingStream disk;
    final CountingStream text;
    final OutputStream out;
    final Rng rng;
    final StringBuilder line = new StringBuilder(4096);
    long lines;
    long blank;
    long exchanges;
    long quarantined;
    int nextDefect;
    Exchange lastWithResponse;
    Exchange lastWritten;

    FileWriter(String path, Channel channel, List<PlannedDefect> defects) throws IOException {
      this.path = path;
      this.channel = channel;
      this.defects = defects;
      this.rng = Rng.derive(seed, "file-" + path);
      Path file = outDir.resolve(path);
      Files.createDirectories(file.getParent());
      this.disk =
          new CountingStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
      OutputStream body = disk;
      if (path.endsWith(".gz")) {
        body =
            new GZIPOutputStream(disk, 1 << 16) {
              {
                def.setLevel(Deflater.BEST_SPEED);
              }
            };
      }
      this.text = new CountingStream(body);
      // Strings are encoded with String.getBytes (an intrinsic), several times faster than a
      // Writer.
      this.out = text;
      if (channel.format == Channel.Format.HAR) {
        emit(harHeader());
      }
    }

    void write(Exchange e) throws IOException {
      line.setLength(0);
      if (channel.format == Channel.Format.HAR) {
        if (exchanges > 0) {
          line.append(",\n");
        }
        harEntry(line, e);
        emit(line);
        exchanges++;
        lines++;
        return;
      }
      lastWritten = e;
      jsonl(line, e, null, null, false);
      line.append('\n');
      emit(line);
      exchanges++;
      lines++;
      if (e.status != null) {
        lastWithResponse = e;
      }
      while (nextDefect < defects.size() && defects.get(nextDefect).afterRecord() <= exchanges) {
        plant(defects.get(nextDefect++).defect(), e);
      }
    }

    private void emit(CharSequence chars) throws IOException {
      out.write(chars.toString().getBytes(StandardCharsets.UTF_8));
    }

    private void plant(Defect defect, Exchange last) throws IOException {
      StringBuilder bad = new StringBuilder(2048);
      Exchange model = lastWithResponse != null ? lastWithResponse : last;
      switch (defect) {
        case BLANK -> bad.setLength(0);
        case TRUNCATED -> {
          jsonl(bad, model, null, null, false);
          bad.setLength(Math.max(20, bad.length() * 3 / 5));
        }
        case LOG_TEXT ->
            bad.append(Times.casyDateTime(model.tsMillis))
                .append(
                    ",118 WARN  [sync-worker-3] c.h.casy.ReservationPoller - slow answer from CASY (2311 ms), retrying later");
        case PROXY_TEXT ->
            bad.append("-- egress-proxy restarted at ")
                .append(Times.isoUtc(model.tsMillis))
                .append(" (config reload) --");
        case EMPTY_OBJECT -> bad.append("{}");
        case ARRAY -> {
          bad.append('[');
          jsonl(bad, model, null, null, false);
          bad.append(']');
        }
        case MISSING_TS -> jsonl(bad, model, null, null, true);
        case STATUS_ABC -> jsonl(bad, model, null, "\"abc\"", false);
        case TS_NOT_A_DATE -> jsonl(bad, model, "\"not-a-date\"", null, false);
      }
      emit(bad.append('\n'));
      lines++;
      if (defect == Defect.BLANK) {
        blank++;
      } else {
        quarantined++;
      }
    }

    /** One JSON Lines record in this channel's variant; the overrides build the malformed ones. */
    private void jsonl(
        StringBuilder out, Exchange e, String tsOverride, String statusOverride, boolean omitTs) {
      boolean headersArray = channel == Channel.CASY_LEGACY || channel == Channel.EGRESS_PROXY;
      boolean embedJson = channel == Channel.CASY_LEGACY;
      out.append('{');
      if (channel == Channel.CASY_APP || (channel == Channel.HOTELBEDS_ENGINE && rng.chance(0.5))) {
        out.append("\"id\":\"")
            .append(rng.hex(8))
            .append('-')
            .append(rng.hex(4))
            .append('-')
            .append(rng.hex(4))
            .append('-')
            .append(rng.hex(4))
            .append('-')
            .append(rng.hex(12))
            .append("\",");
      }
      if (!omitTs) {
        out.append("\"ts\":");
        if (tsOverride != null) {
          out.append(tsOverride);
        } else if (channel == Channel.CASY_LEGACY
            || (channel == Channel.EGRESS_PROXY && (e.tsMillis & 1) == 1)) {
          out.append(e.tsMillis);
        } else if (channel == Channel.HOTELBEDS_ENGINE) {
          out.append('"').append(Times.isoOffset(e.tsMillis, 60, false)).append('"');
        } else {
          out.append('"').append(Times.isoUtc(e.tsMillis)).append('"');
        }
        out.append(',');
      }
      if (channel != Channel.CASY_LEGACY) {
        out.append("\"duration_ms\":").append(e.durationMs).append(',');
      }
      if (channel == Channel.CASY_LEGACY || channel == Channel.HOTELBEDS_ENGINE) {
        out.append("\"provider\":\"").append(e.provider).append("\",");
      }
      out.append("\"request\":{\"method\":\"").append(e.method).append("\",\"url\":");
      Json.quote(out, e.url).append(",\"headers\":");
      headers(out, e.requestHeaders, headersArray);
      out.append(",\"body\":");
      body(out, e.requestBody, e.requestBodyIsJson && embedJson);
      out.append('}');
      if (e.status == null && statusOverride == null) {
        if (channel != Channel.CASY_LEGACY) {
          out.append(",\"response\":null");
        }
        out.append(",\"error\":");
        Json.quote(out, e.error);
      } else {
        out.append(",\"response\":{\"status\":")
            .append(statusOverride != null ? statusOverride : e.status.toString())
            .append(",\"headers\":");
        headers(out, e.responseHeaders, headersArray);
        out.append(",\"body\":");
        body(out, e.responseBody, e.responseBodyIsJson && embedJson);
        out.append("},\"error\":null");
      }
      out.append('}');
    }

    private void headers(StringBuilder out, List<String[]> headers, boolean asArray) {
      out.append(asArray ? '[' : '{');
      for (int i = 0; i < headers.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        String[] header = headers.get(i);
        if (asArray) {
          out.append("{\"name\":");
          Json.quote(out, header[0]).append(",\"value\":");
          Json.quote(out, header[1]).append('}');
        } else {
          Json.quote(out, header[0]).append(':');
          Json.quote(out, header[1]);
        }
      }
      out.append(asArray ? ']' : '}');
    }

    private void body(StringBuilder out, String body, boolean embed) {
      if (body == null) {
        out.append("null");
      } else if (embed) {
        out.append(body);
      } else {
        Json.quote(out, body);
      }
    }

    // ------------------------------------------------------------ HAR

    private boolean firefox() {
      return channel == Channel.CASY_BROWSER_HAR;
    }

    private String harHeader() {
      if (firefox()) {
        return "{\"log\":{\"version\":\"1.2\",\"creator\":{\"name\":\"Firefox\",\"version\":\"132.0\"},"
            + "\"browser\":{\"name\":\"Firefox\",\"version\":\"132.0\"},\"pages\":[{\"startedDateTime\":\""
            + Times.isoOffset(startMillis + 9 * Times.HOUR, 60, false)
            + "\",\"id\":\"page_1\",\"title\":\"CASY API – support console\",\"pageTimings\":{\"onContentLoad\":-1,\"onLoad\":-1}}],\"entries\":[\n";
      }
      return "{\"log\":{\"version\":\"1.2\",\"creator\":{\"name\":\"mitmproxy exporthar\",\"version\":\"0.1\","
          + "\"comment\":\"mitmproxy version 11.0.2\"},\"pages\":[],\"entries\":[\n";
    }

    private void harEntry(StringBuilder out, Exchange e) {
      out.append("{");
      if (firefox()) {
        out.append("\"pageref\":\"page_1\",");
      }
      out.append("\"startedDateTime\":\"")
          .append(
              firefox()
                  ? Times.isoOffset(e.tsMillis, 60, false)
                  : Times.isoOffset(e.tsMillis, 0, true))
          .append("\",\"time\":")
          .append(e.durationMs)
          .append(",\"request\":{\"method\":\"")
          .append(e.method)
          .append("\",\"url\":");
      Json.quote(out, e.url).append(",\"httpVersion\":\"HTTP/1.1\",\"cookies\":[],\"headers\":");
      headers(out, e.requestHeaders, true);
      out.append(",\"queryString\":[");
      int query = e.url.indexOf('?');
      if (query >= 0) {
        String[] pairs = e.url.substring(query + 1).split("&");
        for (int i = 0; i < pairs.length; i++) {
          int eq = pairs[i].indexOf('=');
          out.append(i == 0 ? "" : ",").append("{\"name\":");
          Json.quote(out, eq < 0 ? pairs[i] : pairs[i].substring(0, eq)).append(",\"value\":");
          Json.quote(out, eq < 0 ? "" : pairs[i].substring(eq + 1)).append('}');
        }
      }
      out.append("],\"headersSize\":-1,\"bodySize\":")
          .append(
              e.requestBody == null ? 0 : e.requestBody.getBytes(StandardCharsets.UTF_8).length);
      if (e.requestBody != null) {
        out.append(",\"postData\":{\"mimeType\":\"application/json\",\"text\":");
        Json.quote(out, e.requestBody).append(",\"params\":[]}");
      }
      out.append("},\"response\":");
      if (e.status == null) {
        out.append(
            "{\"status\":0,\"statusText\":\"\",\"httpVersion\":\"\",\"headers\":[],\"cookies\":[],\"content\":{},"
                + "\"redirectURL\":\"\",\"headersSize\":-1,\"bodySize\":-1,\"_transferSize\":0,\"_error\":");
        Json.quote(out, e.error).append('}');
      } else {
        String body = e.responseBody == null ? "" : e.responseBody;
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String mime = "";
        for (String[] header : e.responseHeaders) {
          if (header[0].equalsIgnoreCase("Content-Type")) {
            mime = header[1];
          }
        }
        boolean base64 = !body.isEmpty() && rng.chance(firefox() ? 0.15 : 0.3);
        out.append("{\"status\":")
            .append(e.status)
            .append(",\"statusText\":\"")
            .append(statusText(e.status))
            .append("\",\"httpVersion\":\"HTTP/1.1\",\"cookies\":[],\"headers\":");
        headers(out, e.responseHeaders, true);
        out.append(",\"content\":{\"size\":").append(bytes.length).append(",\"mimeType\":");
        Json.quote(out, mime).append(",\"text\":");
        Json.quote(out, base64 ? Base64.getEncoder().encodeToString(bytes) : body);
        if (base64) {
          out.append(",\"encoding\":\"base64\"");
        }
        out.append("},\"redirectURL\":\"\",\"headersSize\":-1,\"bodySize\":")
            .append(bytes.length)
            .append('}');
      }
      long wait = Math.max(1, e.durationMs - 3);
      out.append(
              ",\"cache\":{},\"timings\":{\"blocked\":-1,\"dns\":-1,\"connect\":-1,\"ssl\":-1,\"send\":1,\"wait\":")
          .append(wait)
          .append(",\"receive\":")
          .append(e.durationMs - wait - 1)
          .append("},\"serverIPAddress\":\"")
          .append(e.url.contains("hotelbeds") ? "52.17.89.104" : "185.17.70.21")
          .append("\"}");
    }

    @Override
    public void close() throws IOException {
      if (channel.format == Channel.Format.HAR) {
        emit("\n]}}\n");
      } else {
        while (nextDefect < defects.size()) {
          plant(defects.get(nextDefect++).defect(), lastWritten);
        }
      }
      out.close();
      diskBytes += disk.count;
      textBytes += text.count;
      finished.put(
          path,
          new FileStats(
              path,
              channel.format == Channel.Format.HAR ? "har" : "jsonl",
              lines,
              blank,
              exchanges,
              quarantined));
    }
  }

  static String statusText(int status) {
    return switch (status) {
      case 200 -> "OK";
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 402 -> "Payment Required";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 422 -> "Unprocessable Entity";
      case 429 -> "Too Many Requests";
      case 500 -> "Internal Server Error";
      case 502 -> "Bad Gateway";
      case 503 -> "Service Unavailable";
      case 504 -> "Gateway Timeout";
      default -> "";
    };
  }
}
