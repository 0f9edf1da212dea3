package com.hoteltraffic.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.hoteltraffic.classify.Boxes;
import com.hoteltraffic.model.BodyNeeds;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * Turns one HAR 1.2 {@code log.entries[]} element into a {@link RawExchange}.
 *
 * <p>Recorders such as mitmproxy write {@code response.status: 0} and an {@code _error} field for
 * an exchange that got no response: that is a no-response exchange, not status 0. Response bodies
 * may be base64 ({@code content.encoding: "base64"}).
 */
public final class HarEntryParser {
  private final BodyNeeds bodyNeeds;
  private final HeaderNames headerNames;

  public HarEntryParser(BodyNeeds bodyNeeds) {
    this.bodyNeeds = bodyNeeds;
    this.headerNames = new HeaderNames(bodyNeeds.headers());
  }

  public RawExchange parse(JsonNode entry) throws MalformedRecordException {
    if (!entry.isObject()) {
      throw new MalformedRecordException("HAR entry is not an object");
    }
    RawExchange exchange = new RawExchange();
    JsonNode started = entry.get("startedDateTime");
    if (started == null || started.isNull()) {
      throw new MalformedRecordException("missing field startedDateTime");
    }
    if (!started.isTextual()) {
      throw new MalformedRecordException("startedDateTime is not a string");
    }
    exchange.tsMillis = Timestamps.checkRange(Timestamps.parseIso(started.asText()));
    JsonNode time = entry.get("time");
    if (time != null && time.isNumber() && time.asDouble() >= 0) {
      exchange.durationMs = Boxes.millis(Math.round(time.asDouble()));
    }

    JsonNode request = entry.get("request");
    if (request == null || !request.isObject()) {
      throw new MalformedRecordException("missing field request");
    }
    exchange.method = requiredText(request, "method", "request.method");
    exchange.url = requiredText(request, "url", "request.url");
    readHeaders(request.get("headers"), exchange.requestHeaders);
    JsonNode postText = request.path("postData").get("text");
    if (postText != null
        && postText.isTextual()
        && bodyNeeds.requestBody(exchange.method, exchange.url)) {
      exchange.requestBody = postText.asText();
    }

    JsonNode response = entry.get("response");
    int status = response == null ? 0 : response.path("status").asInt(0);
    if (response != null
        && !response.path("status").isInt()
        && !response.path("status").isMissingNode()) {
      throw new MalformedRecordException("response.status is not an integer");
    }
    if (status == 0) {
      exchange.status = null;
      exchange.error = noResponseReason(entry, response);
      return exchange;
    }
    exchange.status = Boxes.status(status);
    readHeaders(response.get("headers"), exchange.responseHeaders);
    JsonNode content = response.path("content");
    JsonNode text = content.get("text");
    if (text != null
        && text.isTextual()
        && bodyNeeds.responseBody(exchange.method, exchange.url, status)) {
      exchange.responseBody = decodeContent(text.asText(), content.path("encoding").asText(""));
    }
    return exchange;
  }

  private static String noResponseReason(JsonNode entry, JsonNode response) {
    for (JsonNode holder : new JsonNode[] {entry, response}) {
      if (holder != null && holder.get("_error") != null && !holder.get("_error").isNull()) {
        return holder.get("_error").asText();
      }
    }
    return "no response";
  }

  private static String decodeContent(String text, String encoding)
      throws MalformedRecordException {
    if (!"base64".equalsIgnoreCase(encoding)) {
      return text;
    }
    try {
      return new String(Base64.getMimeDecoder().decode(text), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new MalformedRecordException("response.content.text is not valid base64");
    }
  }

  /** The headers {@link BodyNeeds#headers()} names, first value of each. */
  private void readHeaders(JsonNode headers, Map<String, String> into) {
    if (headers == null || !headers.isArray()) {
      return;
    }
    for (JsonNode header : headers) {
      if (header != null && header.isObject()) {
        JsonNode name = header.get("name");
        JsonNode value = header.get("value");
        if (name != null && !name.isNull() && value != null && !value.isNull()) {
          String kept = headerNames.keptName(name.asText());
          if (kept != null) {
            RawExchange.putKept(into, kept, value.asText());
          }
        }
      }
    }
  }

  private static String requiredText(JsonNode node, String field, String label)
      throws MalformedRecordException {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw new MalformedRecordException("missing field " + label);
    }
    if (!value.isTextual()) {
      throw new MalformedRecordException(label + " is not a string");
    }
    return value.asText();
  }
}
