package com.hoteltraffic.generate;

/**
 * A recording source: which file(s) an exchange is written to and in which format variant. Each
 * channel stands for one real recorder (an app's request log, a legacy logger, an egress proxy, a
 * browser or mitmproxy capture), so the variants differ the way real archives do.
 */
enum Channel {
  /** CASY app log: ts with Z, headers as object, bodies as strings, ids and durations. */
  CASY_APP("casy/app-%s.jsonl.gz", Format.JSONL, true),
  /** Legacy CASY integration: epoch-millis ts, HAR-style header arrays, embedded JSON bodies. */
  CASY_LEGACY("casy/legacy-%s.jsonl.gz", Format.JSONL, true),
  /** Hotelbeds booking engine: ts with +01:00 offset, provider field, bodies as strings. */
  HOTELBEDS_ENGINE("hotelbeds/booking-engine-%s.jsonl.gz", Format.JSONL, true),
  /** Egress proxy log, one plain file for the whole run: mixed providers and unknown hosts. */
  EGRESS_PROXY("proxy/egress.jsonl", Format.JSONL, false),
  /** A support engineer's Firefox capture of the CASY dashboard. */
  CASY_BROWSER_HAR("captures/casy-support-session.har", Format.HAR, false),
  /** A mitmproxy capture in front of the Hotelbeds booking engine. */
  HOTELBEDS_MITM_HAR("captures/hotelbeds-mitm.har.gz", Format.HAR, false);

  enum Format {
    JSONL,
    HAR
  }

  final String pathPattern;
  final Format format;
  final boolean perDay;

  Channel(String pathPattern, Format format, boolean perDay) {
    this.pathPattern = pathPattern;
    this.format = format;
    this.perDay = perDay;
  }
}
