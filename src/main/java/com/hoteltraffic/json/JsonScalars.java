package com.hoteltraffic.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * Small shared steps of the streaming JSON readers (records here, Hotelbeds bodies in classify).
 */
public final class JsonScalars {
  private JsonScalars() {}

  /**
   * The value the parser is on as text: strings as they are, numbers and booleans as written; null
   * for a JSON null, and for an object or array, which is skipped whole.
   */
  public static String text(JsonParser parser, JsonToken value) throws IOException {
    if (value == null || value == JsonToken.VALUE_NULL) {
      return null;
    }
    if (value.isStructStart()) {
      parser.skipChildren();
      return null;
    }
    return parser.getText();
  }
}
