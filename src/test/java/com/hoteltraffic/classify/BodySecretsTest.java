package com.hoteltraffic.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hoteltraffic.model.RecordedExchange;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Codes and reasons copied from bodies never carry the request's credential or a card number. */
class BodySecretsTest {
  private static final Map<String, String> HEADERS =
      Map.of(
          "authorization",
          "Bearer casy_secretToken123",
          "api-key",
          "hbkey12345678",
          "x-signature",
          "abcdef0123456789");

  @Test
  void findsTheRequestsCredentialsAndCardNumbers() {
    assertTrue(
        BodySecrets.carriesSecret("casy_secretToken123", HEADERS),
        "bearer token without the scheme");
    assertTrue(BodySecrets.carriesSecret("bad key hbkey12345678!", HEADERS), "Api-key inside text");
    assertTrue(BodySecrets.carriesSecret("sig=abcdef0123456789", HEADERS), "X-Signature");
    assertTrue(BodySecrets.carriesSecret("4111111111111111", Map.of()), "16-digit card number");
    assertTrue(
        BodySecrets.carriesSecret("card 378282246310005 refused", Map.of()),
        "15-digit card number");
  }

  @Test
  void leavesOrdinaryCodesAlone() {
    for (String code :
        new String[] {
          "rate_limited",
          "INVALID_REQUEST",
          "HTTP_503",
          "tenant_db_unavailable",
          "order 123456789012",
          "12345678901234567890",
          "",
          null
        }) {
      assertFalse(BodySecrets.carriesSecret(code, HEADERS), "not a secret: " + code);
    }
    assertFalse(
        BodySecrets.carriesSecret("Bearer x", Map.of("authorization", "Bearer x")),
        "a credential shorter than 8 characters is not searched for");
  }

  @Test
  void anUndocumentedCodeThatEchoesTheTokenIsReplacedByTheStatusClassification() throws Exception {
    ExchangeInterpreter interpreter =
        new ExchangeInterpreter(
            ProviderRules.loadDefault(),
            ResponseClassifier.withDefaultTaxonomy(),
            new com.hoteltraffic.classify.TokenPseudonymizer(null),
            false);
    com.hoteltraffic.ingest.JsonLinesParser parser =
        new com.hoteltraffic.ingest.JsonLinesParser(
            new com.fasterxml.jackson.databind.ObjectMapper().getFactory(),
            interpreter.bodyNeeds());
    String echo =
        "{\"ts\":0,\"request\":{\"method\":\"GET\",\"url\":\"https://onlinebuchungen.ch/v1/reservations/1\","
            + "\"headers\":{\"Authorization\":\"Bearer casy_secretToken123\"}},\"response\":{\"status\":401,"
            + "\"body\":\"{\\\"error\\\":\\\"casy_secretToken123\\\"}\"}}";
    String plain = echo.replace("\"{\\\"error\\\":\\\"casy_secretToken123\\\"}\"", "null");
    assertFalse(plain.equals(echo), "the comparison record has no body");
    RecordedExchange echoed = parser.parse(echo.getBytes(), 0, echo.length());
    RecordedExchange noCode = parser.parse(plain.getBytes(), 0, plain.length());
    assertEquals(
        interpreter.interpret(noCode).errorCode,
        interpreter.interpret(echoed).errorCode,
        "the echoing body is classified as if it named no code");
    assertFalse(
        interpreter.interpret(echoed).errorCode.contains("casy_secretToken123"),
        "no token in the code");
  }
}
