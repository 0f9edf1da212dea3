package com.hoteltraffic.classify;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.hoteltraffic.json.JsonFactories;
import java.io.IOException;
import java.io.StringReader;
import java.util.Locale;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Finds the error code an error response body names, cheaply: a streaming JSON parse that stops at
 * the top-level {@code error} field, or a plain string scan of XML. Only the first {@link
 * #MAX_SCANNED_CHARS} characters are looked at: error bodies are small, and a body that is not does
 * not get to cost more.
 *
 * <p>A body that is missing, truncated, malformed or of another shape names no code (null): for
 * classification that is an ordinary answer. Whether a body that says it is JSON or XML could not
 * be read is asked apart ({@link #unreadableFormat}), so that the run can count it.
 */
final class ErrorBodyReader {
  private ErrorBodyReader() {}

  /** How much of a body is scanned. */
  static final int MAX_SCANNED_CHARS = 16 * 1024;

  private static final String ERROR_FIELD = "error";
  private static final String CODE_FIELD = "code";
  private static final String XML_ERROR_OPEN = "<error";
  private static final String XML_CODE_OPEN = "<code>";
  private static final String XML_CODE_CLOSE = "</code>";
  private static final String XML_ERROR_CLOSE = "</error>";

  /** Thread-safe once configured; static so that it never travels with a serialized classifier. */
  private static final JsonFactory JSON = JsonFactories.factory();

  /** One per thread: a factory's thread safety is not promised. No DTDs, no external entities. */
  private static final ThreadLocal<XMLInputFactory> XML =
      ThreadLocal.withInitial(
          () -> {
            XMLInputFactory factory = XMLInputFactory.newFactory();
            factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
            return factory;
          });

  /** CASY: the string value of the top-level JSON field {@code error}, or null. */
  static String topLevelErrorString(String body) {
    String scanned = scannedPart(body);
    return startsWith(scanned, '{') ? readJsonError(scanned, false) : null;
  }

  /**
   * Hotelbeds formatted errors: the whole {@code code} (type and token) of {@code
   * {"error":{"code":..}}} in JSON or of {@code <error><code>..</code>} in XML, or null.
   */
  static String formattedErrorCode(String body) {
    String scanned = scannedPart(body);
    if (startsWith(scanned, '{')) {
      return readJsonError(scanned, true);
    }
    if (startsWith(scanned, '<')) {
      return readXmlErrorCode(scanned);
    }
    return null;
  }

  /**
   * {@link BodyFormat#JSON} or {@link BodyFormat#XML} when the error body says it is one ({@link
   * BodyFormat#declared}) and its scanned part is not well formed; null when it was read, or says
   * it is neither (a plain-text gateway answer). A body longer than {@link #MAX_SCANNED_CHARS} is
   * judged on its scanned part: JSON cut there short is not a failure, XML cut there is not judged.
   *
   * @param contentType the response's {@code Content-Type} header, may be null
   */
  static String unreadableFormat(String body, String contentType) {
    String format = BodyFormat.declared(contentType, body);
    if (format == null) {
      return null;
    }
    String scanned = scannedPart(body);
    boolean cut = scanned.length() < body.length();
    if (BodyFormat.JSON.equals(format)) {
      return wellFormedJson(scanned, cut) ? null : format;
    }
    return cut || wellFormedXml(scanned) ? null : format;
  }

  private static boolean wellFormedJson(String text, boolean cut) {
    int start = 0;
    while (start < text.length()
        && (Character.isWhitespace(text.charAt(start)) || text.charAt(start) == '\uFEFF')) {
      start++; // declared() saw a '{' or '[' or a Content-Type: a byte-order mark is not JSON
    }
    try (JsonParser parser = JSON.createParser(text.substring(start))) {
      while (parser.nextToken() != null) {
        parser.skipChildren();
      }
      return true;
    } catch (JsonEOFException endOfScan) {
      return cut; // cut by the scan: what was read was fine so far
    } catch (IOException malformed) {
      return false;
    }
  }

  private static boolean wellFormedXml(String text) {
    try {
      // An XML declaration must come first: the blanks the first-character rule skipped go.
      XMLStreamReader xml = XML.get().createXMLStreamReader(new StringReader(text.strip()));
      try {
        while (xml.hasNext()) {
          xml.next();
        }
        return true;
      } finally {
        xml.close();
      }
    } catch (XMLStreamException malformed) {
      return false;
    }
  }

  /** The scanned part of the body, lower-cased, for phrase rules; empty when there is no body. */
  static String lowerCaseScannedPart(String body) {
    String scanned = scannedPart(body);
    return scanned == null ? "" : scanned.toLowerCase(Locale.ROOT);
  }

  private static String scannedPart(String body) {
    if (body == null || body.length() <= MAX_SCANNED_CHARS) {
      return body;
    }
    return body.substring(0, MAX_SCANNED_CHARS);
  }

  /** Whether the first character that is not blank (or a byte-order mark) is {@code expected}. */
  private static boolean startsWith(String text, char expected) {
    if (text == null) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!Character.isWhitespace(c) && c != '\uFEFF') {
        return c == expected;
      }
    }
    return false;
  }

  /**
   * Streams the JSON object to its top-level {@code error} field and stops there.
   *
   * @param nestedCode false: the field's string value; true: the string {@code code} inside the
   *     field's object value
   */
  private static String readJsonError(String json, boolean nestedCode) {
    // The BOM, if any, is not JSON: start at the '{' startsWith found.
    String text = json.charAt(0) == '\uFEFF' ? json.substring(1) : json;
    try (JsonParser parser = JSON.createParser(text)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        if (ERROR_FIELD.equals(field)) {
          if (!nestedCode) {
            return value == JsonToken.VALUE_STRING ? parser.getText() : null;
          }
          return value == JsonToken.START_OBJECT ? readStringField(parser, CODE_FIELD) : null;
        }
        parser.skipChildren();
      }
      return null;
    } catch (IOException unreadable) {
      // Malformed, or cut by MAX_SCANNED_CHARS before the error field: it names no code.
      return null;
    }
  }

  /** With the parser just inside an object: the string value of {@code name} in it, or null. */
  private static String readStringField(JsonParser parser, String name) throws IOException {
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      if (name.equals(field)) {
        return value == JsonToken.VALUE_STRING ? parser.getText() : null;
      }
      parser.skipChildren();
    }
    return null;
  }

  /** The text of the first {@code <code>} inside the first {@code <error>} element, or null. */
  private static String readXmlErrorCode(String xml) {
    int error = indexOfErrorElement(xml);
    if (error < 0) {
      return null;
    }
    int codeOpen = xml.indexOf(XML_CODE_OPEN, error);
    int errorClose = xml.indexOf(XML_ERROR_CLOSE, error);
    if (codeOpen < 0 || (errorClose >= 0 && errorClose < codeOpen)) {
      return null;
    }
    int codeStart = codeOpen + XML_CODE_OPEN.length();
    int codeEnd = xml.indexOf(XML_CODE_CLOSE, codeStart);
    return codeEnd < 0 ? null : xml.substring(codeStart, codeEnd).trim();
  }

  /** Where an {@code <error>} or {@code <error ...>} start tag begins (not {@code <errors>}). */
  private static int indexOfErrorElement(String xml) {
    int from = 0;
    while (true) {
      int at = xml.indexOf(XML_ERROR_OPEN, from);
      if (at < 0) {
        return -1;
      }
      int next = at + XML_ERROR_OPEN.length();
      if (next < xml.length()) {
        char c = xml.charAt(next);
        if (c == '>' || Character.isWhitespace(c)) {
          return at;
        }
      }
      from = next;
    }
  }
}
