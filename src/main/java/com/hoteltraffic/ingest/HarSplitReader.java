package com.hoteltraffic.ingest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hoteltraffic.json.JsonFactories;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.zip.ZipException;

/**
 * Streams the entries of one HAR file: the document is never held whole, only one entry at a time,
 * because recordings of a busy day run into gigabytes.
 *
 * <p>A HAR that is cut off or damaged part-way keeps the entries read before the damage; the file
 * is marked corrupt in its {@link SplitStats}.
 */
final class HarSplitReader extends ReadEventIterator {
  private final InputStream in;
  private final ObjectMapper mapper;
  private final HarEntryParser entryParser;
  private final SplitStats stats = new SplitStats();
  private JsonParser parser;

  /** The counts went out: nothing follows them. */
  private boolean finished;

  HarSplitReader(InputStream in, ObjectMapper mapper, HarEntryParser entryParser) {
    this.in = in;
    this.mapper = mapper;
    this.entryParser = entryParser;
  }

  @Override
  protected ReadEvent advance() {
    if (finished) {
      return null;
    }
    try {
      if (parser == null) {
        parser = mapper.getFactory().createParser(in);
        if (!moveToEntries()) {
          stats.corruptReason = "not a HAR file: no log.entries array";
          return finish();
        }
      }
      JsonToken token = parser.nextToken();
      if (token == JsonToken.END_ARRAY) {
        return finish(); // whatever follows the entries holds no exchange
      }
      if (token == null) {
        stats.corruptReason = "HAR ends inside log.entries";
        return finish();
      }
      JsonLocation start = parser.currentTokenLocation();
      long line = start == null ? 0 : Math.max(0, start.getLineNr());
      JsonNode entry = parser.readValueAsTree();
      stats.lines++;
      try {
        RawExchange exchange = entryParser.parse(entry);
        stats.exchanges++;
        return ReadEvent.exchange(line, exchange);
      } catch (MalformedRecordException e) {
        stats.quarantined++;
        return ReadEvent.quarantine(line, e.getMessage(), mapper.writeValueAsString(entry));
      }
    } catch (StreamConstraintsException e) {
      // The parser cannot go on past the value it refused, so the rest of the file is lost.
      stats.corruptReason = "HAR " + JsonFactories.reason(e) + " near line " + currentLine();
      return finish();
    } catch (JsonProcessingException | EOFException | ZipException e) {
      // Jackson's message may quote content; the location is enough to find the damage.
      stats.corruptReason = "HAR is cut off or not valid JSON near line " + currentLine();
      return finish();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read HAR input", e);
    }
  }

  /** The parser's line, or 0 when there is no parser or it cannot tell. */
  private long currentLine() {
    if (parser == null) {
      return 0;
    }
    JsonLocation location = parser.currentLocation();
    return location == null ? 0 : Math.max(0, location.getLineNr());
  }

  private ReadEvent finish() {
    finished = true;
    return ReadEvent.stats(stats);
  }

  /** Positions the parser on the START_ARRAY of {@code log.entries}; false when there is none. */
  private boolean moveToEntries() throws IOException {
    if (parser.nextToken() != JsonToken.START_OBJECT) {
      return false;
    }
    if (!moveToField("log", JsonToken.START_OBJECT)) {
      return false;
    }
    return moveToField("entries", JsonToken.START_ARRAY);
  }

  private boolean moveToField(String name, JsonToken expected) throws IOException {
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      if (field.equals(name)) {
        return value == expected;
      }
      parser.skipChildren();
    }
    return false;
  }
}
