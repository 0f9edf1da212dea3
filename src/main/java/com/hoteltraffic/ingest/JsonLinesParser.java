package com.hoteltraffic.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.hoteltraffic.classify.Boxes;
import com.hoteltraffic.classify.TextInterner;
import com.hoteltraffic.json.JsonFactories;
import com.hoteltraffic.json.JsonScalars;
import com.hoteltraffic.model.BodyNeeds;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Parses one JSON Lines exchange record with Jackson's streaming parser, in one pass and without
 * building a tree: the line is the unit of work of the whole job, so this is its hottest code.
 *
 * <p>The record shape is the input contract's: {@code ts}, {@code duration_ms}, {@code
 * request{method,url,headers,body}}, {@code response{status,headers,body}} or null, {@code error},
 * {@code provider}, {@code id}. Unknown fields are skipped. A record that is not an object, lacks a
 * required field or has one of the wrong type is refused with a reason that names the field and
 * never its value.
 *
 * <p>A record whose bytes are not valid UTF-8 (usually a body a proxy logged in Latin-1 or cut
 * mid-character) is not lost for it: it is parsed again with U+FFFD in place of the bad bytes and
 * flagged {@link RawExchange#repairedUtf8()}. Only that failure path pays for the second look.
 */
public final class JsonLinesParser {
  private static final String NAME = "name";
  private static final String VALUE = "value";

  private final JsonFactory factory;
  private final BodyNeeds bodyNeeds;
  private final HeaderNames headerNames;
  private final TextInterner headerValues = new TextInterner();

  /** Set while a record is read again because of a header pair that names itself twice. */
  private boolean keepEveryValue;

  public JsonLinesParser(JsonFactory factory, BodyNeeds bodyNeeds) {
    this.factory = factory;
    this.bodyNeeds = bodyNeeds;
    this.headerNames = new HeaderNames(bodyNeeds.headers());
  }

  /** Parses {@code length} bytes of UTF-8 at {@code offset} of {@code buffer}. */
  public RawExchange parse(byte[] buffer, int offset, int length) throws MalformedRecordException {
    try {
      return parseBytes(buffer, offset, length);
    } catch (ReadAgain again) {
      keepEveryValue = true;
      try {
        return parseBytes(buffer, offset, length);
      } finally {
        keepEveryValue = false;
      }
    }
  }

  private RawExchange parseBytes(byte[] buffer, int offset, int length)
      throws MalformedRecordException {
    try (JsonParser parser = factory.createParser(buffer, offset, length)) {
      return parseRecord(parser);
    } catch (StreamConstraintsException e) {
      // A limit broken (see JsonFactories): decoding the bytes again would not help.
      throw new MalformedRecordException(JsonFactories.reason(e));
    } catch (JsonProcessingException e) {
      // Jackson's message quotes the offending text, which may be part of a secret: keep the place
      // only.
      int badByte = firstInvalidUtf8(buffer, offset, length);
      if (badByte < 0) {
        throw new MalformedRecordException(JsonFactories.reason(e));
      }
      return parseRepaired(new String(buffer, offset, length, StandardCharsets.UTF_8), badByte);
    } catch (IOException e) {
      throw new UncheckedIOException("reading from a byte array cannot fail", e);
    }
  }

  /** The record decoded with U+FFFD for each malformed sequence, parsed again from characters. */
  private RawExchange parseRepaired(String decoded, int badByte) throws MalformedRecordException {
    try (JsonParser parser = factory.createParser(decoded)) {
      RawExchange exchange = parseRecord(parser);
      exchange.repairedUtf8 = true;
      return exchange;
    } catch (JsonProcessingException e) {
      throw new MalformedRecordException(
          "invalid UTF-8 at byte "
              + (badByte + 1)
              + ", and "
              + JsonFactories.reason(e)
              + " with it replaced");
    } catch (IOException e) {
      throw new UncheckedIOException("reading from a string cannot fail", e);
    }
  }

  /** Offset (from {@code offset}) of the first byte that does not decode as UTF-8, or -1. */
  static int firstInvalidUtf8(byte[] buffer, int offset, int length) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(buffer, offset, length);
    CharBuffer out = CharBuffer.allocate(Math.min(length, 8192));
    while (true) {
      CoderResult result = decoder.decode(in, out, true);
      if (result.isError()) {
        return in.position() - offset;
      }
      if (result.isUnderflow()) {
        return -1;
      }
      out.clear(); // overflow: the characters are not needed, only whether decoding fails
    }
  }

  private RawExchange parseRecord(JsonParser parser) throws IOException, MalformedRecordException {
    JsonToken first = parser.nextToken();
    if (first != JsonToken.START_OBJECT) {
      throw new MalformedRecordException(
          first == JsonToken.START_ARRAY
              ? "a JSON array, not an exchange object"
              : "not a JSON object");
    }
    RawExchange exchange = new RawExchange();
    boolean hasTs = false;
    boolean hasRequest = false;
    boolean responseBeforeRequest = false;
    ResponsePart deferredResponse = null;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      switch (field) {
        case "ts" -> {
          exchange.tsMillis = parseTs(parser, value);
          hasTs = true;
        }
        case "duration_ms" -> exchange.durationMs = optionalLong(parser, value, "duration_ms");
        case "request" -> {
          if (value == JsonToken.START_OBJECT) {
            parseRequest(parser, exchange);
            hasRequest = true;
          } else if (value != JsonToken.VALUE_NULL) {
            throw new MalformedRecordException("request is not an object");
          }
        }
        case "response" -> {
          if (value == JsonToken.START_OBJECT) {
            // Without the request's method and URL we cannot tell which bodies matter yet.
            responseBeforeRequest = !hasRequest;
            deferredResponse = parseResponse(parser, exchange, responseBeforeRequest);
          } else if (value != JsonToken.VALUE_NULL) {
            throw new MalformedRecordException("response is not an object");
          }
        }
        case "error" -> exchange.error = optionalText(parser, value);
        case "provider" -> exchange.providerHint = optionalText(parser, value);
        case "id" -> exchange.requestId = optionalText(parser, value);
        default -> parser.skipChildren();
      }
    }
    if (parser.nextToken() != null) {
      throw new MalformedRecordException("unexpected content after the JSON object");
    }
    requireContract(exchange, hasTs, hasRequest, deferredResponse);
    return exchange;
  }

  /** The fields the input contract requires of every record. */
  private static void requireContract(
      RawExchange exchange, boolean hasTs, boolean hasRequest, ResponsePart response)
      throws MalformedRecordException {
    if (!hasTs) {
      throw new MalformedRecordException("missing field ts");
    }
    if (!hasRequest) {
      throw new MalformedRecordException("missing field request");
    }
    if (exchange.method == null) {
      throw new MalformedRecordException("missing field request.method");
    }
    if (exchange.url == null) {
      throw new MalformedRecordException("missing field request.url");
    }
    if (response != null && response.missingStatus) {
      throw new MalformedRecordException("missing field response.status");
    }
  }

  private static long parseTs(JsonParser parser, JsonToken value)
      throws IOException, MalformedRecordException {
    return switch (value) {
      case VALUE_STRING -> Timestamps.checkRange(Timestamps.parseIso(parser.getText()));
      case VALUE_NUMBER_INT -> Timestamps.checkRange(epochMillis(parser));
      case VALUE_NULL -> throw new MalformedRecordException("missing field ts");
      default ->
          throw new MalformedRecordException(
              "ts is neither an ISO-8601 string nor epoch milliseconds");
    };
  }

  /** An integer ts; one too big even for a long is out of range, not "invalid JSON". */
  private static long epochMillis(JsonParser parser) throws IOException, MalformedRecordException {
    if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
      throw new MalformedRecordException("ts is out of range (years 1 to 9999)");
    }
    return parser.getLongValue();
  }

  private void parseRequest(JsonParser parser, RawExchange exchange)
      throws IOException, MalformedRecordException {
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      switch (field) {
        case "method" -> exchange.method = requiredText(parser, value, "request.method");
        case "url" -> exchange.url = requiredText(parser, value, "request.url");
        case "headers" -> readHeaders(parser, value, exchange.requestHeaders, "request.headers");
        case "body" -> {
          boolean needed =
              exchange.method == null
                  || exchange.url == null
                  || bodyNeeds.requestBody(exchange.method, exchange.url);
          exchange.requestBody = needed ? bodyText(parser, value) : skip(parser);
        }
        default -> parser.skipChildren();
      }
    }
  }

  /** What the caller must still check once the whole record is read. */
  private static final class ResponsePart {
    boolean missingStatus = true;
  }

  private ResponsePart parseResponse(JsonParser parser, RawExchange exchange, boolean keepBody)
      throws IOException, MalformedRecordException {
    ResponsePart part = new ResponsePart();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      switch (field) {
        case "status" -> {
          if (value != JsonToken.VALUE_NUMBER_INT) {
            throw new MalformedRecordException("response.status is not an integer");
          }
          if (parser.getNumberType() != JsonParser.NumberType.INT) {
            throw new MalformedRecordException("response.status is out of range");
          }
          exchange.status = Boxes.status(parser.getIntValue());
          part.missingStatus = false;
        }
        case "headers" -> readHeaders(parser, value, exchange.responseHeaders, "response.headers");
        case "body" -> {
          // A record without method or URL is refused below; BodyNeeds must not see the nulls.
          boolean needed =
              keepBody
                  || exchange.status == null
                  || exchange.method == null
                  || exchange.url == null
                  || bodyNeeds.responseBody(exchange.method, exchange.url, exchange.status);
          exchange.responseBody = needed ? bodyText(parser, value) : skip(parser);
        }
        default -> parser.skipChildren();
      }
    }
    return part;
  }

  /**
   * Headers as an object {@code {name: value}} or a HAR-style array {@code [{name, value}]}. Only
   * the headers {@link BodyNeeds#headers()} names are kept, and only their first value: the others'
   * values are skipped undecoded.
   */
  private void readHeaders(
      JsonParser parser, JsonToken value, Map<String, String> into, String field)
      throws IOException, MalformedRecordException {
    if (value == JsonToken.START_OBJECT) {
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = headerNames.keptName(parser);
        JsonToken token = parser.nextToken();
        if (name == null || into.containsKey(name)) {
          parser.skipChildren();
        } else {
          RawExchange.putKept(into, name, headerValue(parser, token));
        }
      }
    } else if (value == JsonToken.START_ARRAY) {
      JsonToken element;
      while ((element = parser.nextToken()) != JsonToken.END_ARRAY) {
        if (element == JsonToken.START_OBJECT) {
          readHeaderPair(parser, into);
        } else {
          parser.skipChildren(); // a null or odd element: nothing to keep
        }
      }
    } else if (value != JsonToken.VALUE_NULL) {
      throw new MalformedRecordException(field + " is neither an object nor an array");
    }
  }

  /**
   * One {@code {name, value}} pair. A value that follows a name nothing keeps is skipped; should a
   * second {@code name} follow it (a pair no recorder writes), the record is read again keeping
   * every value, so that the last name wins as it always did.
   */
  private void readHeaderPair(JsonParser parser, Map<String, String> into) throws IOException {
    String name = null;
    boolean named = false;
    boolean valueSkipped = false;
    String value = null;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken token = parser.nextToken();
      if (NAME.equals(field)) {
        if (valueSkipped) {
          throw new ReadAgain();
        }
        name = headerName(parser, token);
        named = true;
      } else if (VALUE.equals(field)) {
        if (named && !keepEveryValue && (name == null || into.containsKey(name))) {
          parser.skipChildren();
          valueSkipped = true;
          value = null;
        } else {
          value = headerValue(parser, token);
        }
      } else {
        parser.skipChildren();
      }
    }
    if (name != null) {
      RawExchange.putKept(into, name, value);
    }
  }

  /**
   * A kept header's value as {@link JsonScalars#text}; a string from the task's interner, since
   * credentials and content types repeat from record to record.
   */
  private String headerValue(JsonParser parser, JsonToken token) throws IOException {
    if (token != JsonToken.VALUE_STRING) {
      return JsonScalars.text(parser, token);
    }
    return headerValues.intern(
        parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
  }

  /** The kept, lower-cased header name of a pair's {@code name} value, or null. */
  private String headerName(JsonParser parser, JsonToken token) throws IOException {
    if (token == JsonToken.VALUE_STRING) {
      return headerNames.keptName(parser);
    }
    String text = JsonScalars.text(parser, token);
    return text == null ? null : headerNames.keptName(text);
  }

  /** A header pair no recorder writes: the record must be read again keeping every value. */
  private static final class ReadAgain extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ReadAgain() {
      super("a header pair names its header twice", null, false, false);
    }
  }

  /** A body as text: a string as is, an embedded JSON object or array re-serialised. */
  private String bodyText(JsonParser parser, JsonToken value) throws IOException {
    if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
      StringWriter out = new StringWriter(256);
      try (JsonGenerator generator = factory.createGenerator(out)) {
        generator.copyCurrentStructure(parser);
      }
      return out.toString();
    }
    return JsonScalars.text(parser, value);
  }

  /** Skips a value without decoding it; returns null so callers can assign the "skipped" body. */
  private static String skip(JsonParser parser) throws IOException {
    parser.skipChildren();
    return null;
  }

  private static String optionalText(JsonParser parser, JsonToken value) throws IOException {
    return JsonScalars.text(parser, value);
  }

  private static String requiredText(JsonParser parser, JsonToken value, String field)
      throws IOException, MalformedRecordException {
    if (value == JsonToken.VALUE_NULL) {
      throw new MalformedRecordException("missing field " + field);
    }
    if (value != JsonToken.VALUE_STRING) {
      throw new MalformedRecordException(field + " is not a string");
    }
    return parser.getText();
  }

  private static Long optionalLong(JsonParser parser, JsonToken value, String field)
      throws IOException, MalformedRecordException {
    return switch (value) {
      case VALUE_NULL -> null;
      case VALUE_NUMBER_INT -> {
        if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
          throw new MalformedRecordException(field + " is out of range");
        }
        yield Boxes.millis(parser.getLongValue());
      }
      case VALUE_NUMBER_FLOAT -> Boxes.millis(Math.round(parser.getDoubleValue()));
      default -> throw new MalformedRecordException(field + " is not a number");
    };
  }
}
