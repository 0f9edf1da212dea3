package com.hoteltraffic.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the reports read of the bundled {@code taxonomy.json} (the classifier validates and applies
 * the whole of it): each documented code's remedy, which codes are a status's default, and at which
 * statuses the documents name authentication failures. One source of the words: a report quotes a
 * remedy from here, never writes its own.
 *
 * @param entries per {@link #key} of a documented code: its remedy and whether it is its status's
 *     default (the entry used when a response names nothing more specific)
 * @param authStatuses the HTTP statuses at which any provider documents a code of class {@code
 *     auth}
 */
public record DocumentedCodes(Map<String, Entry> entries, Set<Integer> authStatuses)
    implements Serializable {
  static final String RESOURCE = "/taxonomy.json";

  /** One documented code's facts. */
  public record Entry(String remedy, boolean statusDefault) implements Serializable {}

  public DocumentedCodes {
    entries = Map.copyOf(entries);
    authStatuses = Set.copyOf(authStatuses);
  }

  /** The codes of the bundled {@code taxonomy.json} (read on first use). */
  public static DocumentedCodes builtIn() {
    return Holder.CODES;
  }

  private static final class Holder {
    static final DocumentedCodes CODES = read();
  }

  /** The key of a provider's code at a status ({@code null} status: no response). */
  public static String key(String provider, Integer httpStatus, String errorCode) {
    return provider + " " + httpStatus + " " + errorCode;
  }

  /** The documented remedy of a code, or null when the documents list no such code. */
  public String remedy(String provider, Integer httpStatus, String errorCode) {
    Entry entry = entries.get(key(provider, httpStatus, errorCode));
    return entry == null ? null : entry.remedy();
  }

  /**
   * Whether a response names a documented sub-case of its status: its code is a documented entry at
   * that status and not the status's default. False for a code named after the status ({@code
   * HTTP_403}: the body named none), for an undocumented code and for Hotelbeds' {@code FORBIDDEN},
   * the 403 of no recognised sub-case.
   */
  public boolean namesSubCase(String provider, Integer httpStatus, String errorCode) {
    Entry entry = entries.get(key(provider, httpStatus, errorCode));
    return entry != null && !entry.statusDefault();
  }

  /** Whether the documents name authentication failures at this status (401, 403). */
  public boolean isAuthStatus(Integer httpStatus) {
    return httpStatus != null && authStatuses.contains(httpStatus);
  }

  /** The codes of a document of the {@code taxonomy.json} shape. */
  public static DocumentedCodes of(JsonNode taxonomy) {
    Map<String, Entry> entries = new HashMap<>();
    Set<Integer> authStatuses = new TreeSet<>();
    for (JsonNode entry : taxonomy.path("entries")) {
      JsonNode status = entry.get("http_status");
      Integer httpStatus = status == null || status.isNull() ? null : status.asInt();
      entries.put(
          key(entry.path("provider").asText(), httpStatus, entry.path("error_code").asText()),
          new Entry(entry.path("remedy").asText(), entry.path("status_default").asBoolean(false)));
      if (ErrorClass.AUTH.equals(entry.path("error_class").asText()) && httpStatus != null) {
        authStatuses.add(httpStatus);
      }
    }
    return new DocumentedCodes(entries, authStatuses);
  }

  private static DocumentedCodes read() {
    try (InputStream in = DocumentedCodes.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("taxonomy.json is missing from the classpath");
      }
      return of(new ObjectMapper().readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the built-in taxonomy.json", e);
    }
  }
}
