package com.hoteltraffic.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hoteltraffic.model.Environment;
import com.hoteltraffic.model.Operation;
import com.hoteltraffic.model.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link ProviderRules} with the bundled providers.json, and with a custom rules file. */
class ProviderRulesTest {
  private static final ProviderRules RULES = ProviderRules.loadDefault();
  private static final String CASY = Provider.CASY;
  private static final String HB = Provider.HOTELBEDS;
  private static final String CASY_BASE = "https://onlinebuchungen.ch/v1";
  private static final String HB_BASE = "https://api.hotelbeds.com/hotel-api/1.0";

  static Stream<Arguments> operations() {
    return Stream.of(
        // method, url, provider, operation, hotel
        Arguments.of(
            "GET",
            CASY_BASE + "/reservations/9994?start_date=2026-11-01",
            CASY,
            Operation.CASY_RESERVATIONS,
            "9994"),
        Arguments.of(
            "GET",
            CASY_BASE + "/reservations/9994/all?arrival_from=2026-11-01",
            CASY,
            Operation.CASY_RESERVATIONS_ALL,
            "9994"),
        Arguments.of(
            "GET", CASY_BASE + "/health/hotels/1234", CASY, Operation.CASY_HOTEL_HEALTH, "1234"),
        Arguments.of("GET", CASY_BASE + "/introspect", CASY, Operation.CASY_INTROSPECT, null),
        Arguments.of("get", CASY_BASE + "/introspect", CASY, Operation.CASY_INTROSPECT, null),
        Arguments.of("POST", HB_BASE + "/hotels", HB, Operation.HB_AVAILABILITY, null),
        Arguments.of("POST", HB_BASE + "/checkrates", HB, Operation.HB_CHECKRATES, null),
        Arguments.of("POST", HB_BASE + "/bookings", HB, Operation.HB_BOOKING_CONFIRMATION, null),
        Arguments.of(
            "GET",
            HB_BASE + "/bookings?start=2026-11-01&end=2026-11-30&from=1&to=100",
            HB,
            Operation.HB_BOOKING_LIST,
            null),
        Arguments.of("GET", HB_BASE + "/bookings/1-3814850", HB, Operation.HB_BOOKING_DETAIL, null),
        Arguments.of("PUT", HB_BASE + "/bookings/1-3814850", HB, Operation.HB_BOOKING_CHANGE, null),
        Arguments.of(
            "DELETE",
            HB_BASE + "/bookings/1-3814850?cancellationFlag=CANCELLATION",
            HB,
            Operation.HB_BOOKING_CANCELLATION,
            null),
        // All four Hotelbeds hosts, and other API versions.
        Arguments.of(
            "POST",
            "https://api.test.hotelbeds.com/hotel-api/1.0/bookings",
            HB,
            Operation.HB_BOOKING_CONFIRMATION,
            null),
        Arguments.of(
            "POST",
            "https://api-secure.hotelbeds.com/hotel-api/1.2/bookings",
            HB,
            Operation.HB_BOOKING_CONFIRMATION,
            null),
        Arguments.of(
            "POST",
            "https://api-secure.test.hotelbeds.com/hotel-api/3.0/bookings",
            HB,
            Operation.HB_BOOKING_CONFIRMATION,
            null),
        // Port, userinfo, upper-case host, query, fragment, trailing slash.
        Arguments.of(
            "GET",
            "https://onlinebuchungen.ch:443/v1/reservations/9994",
            CASY,
            Operation.CASY_RESERVATIONS,
            "9994"),
        Arguments.of(
            "GET",
            "https://user:pa%40ss@onlinebuchungen.ch:8443/v1/health/hotels/77",
            CASY,
            Operation.CASY_HOTEL_HEALTH,
            "77"),
        Arguments.of(
            "GET",
            "https://ONLINEBUCHUNGEN.CH/v1/introspect",
            CASY,
            Operation.CASY_INTROSPECT,
            null),
        Arguments.of(
            "GET",
            CASY_BASE + "/reservations/9994#frag",
            CASY,
            Operation.CASY_RESERVATIONS,
            "9994"),
        Arguments.of(
            "GET",
            CASY_BASE + "/reservations/9994?x=1#frag?y",
            CASY,
            Operation.CASY_RESERVATIONS,
            "9994"),
        Arguments.of(
            "GET", CASY_BASE + "/reservations/9994/", CASY, Operation.CASY_RESERVATIONS, "9994"),
        Arguments.of(
            "GET", CASY_BASE + "/introspect/?a=b/c", CASY, Operation.CASY_INTROSPECT, null),
        Arguments.of(
            "GET",
            "http://api.hotelbeds.com/hotel-api/1.0/bookings/",
            HB,
            Operation.HB_BOOKING_LIST,
            null),
        // Known host, unknown path or method.
        Arguments.of("POST", CASY_BASE + "/reservations/9994", CASY, Operation.OTHER, null),
        Arguments.of("GET", CASY_BASE + "/reservations", CASY, Operation.OTHER, null),
        Arguments.of("GET", CASY_BASE + "/reservations//all", CASY, Operation.OTHER, null),
        Arguments.of("GET", CASY_BASE + "/reservations/9994/all/more", CASY, Operation.OTHER, null),
        Arguments.of(
            "GET", "https://onlinebuchungen.ch/v2/introspect", CASY, Operation.OTHER, null),
        Arguments.of("GET", "https://onlinebuchungen.ch", CASY, Operation.OTHER, null),
        Arguments.of(
            "GET", "https://api.hotelbeds.com/hotel-api/1.0/status", HB, Operation.OTHER, null),
        // Hotelbeds is the Hotel API only (issue 14 rule 8): its hosts' other APIs are unknown.
        Arguments.of(
            "GET",
            "https://api.hotelbeds.com/activity-api/3.0/activities",
            Provider.UNKNOWN,
            Operation.OTHER,
            null),
        Arguments.of(
            "POST",
            "https://api.test.hotelbeds.com/transfer-api/1.0/bookings",
            Provider.UNKNOWN,
            Operation.OTHER,
            null),
        Arguments.of(
            "GET",
            "https://api-secure.hotelbeds.com/activity-api/3.0/bookings",
            Provider.UNKNOWN,
            Operation.OTHER,
            null),
        Arguments.of(
            "GET",
            "https://api.hotelbeds.com/hotel-content-api/1.0/hotels",
            Provider.UNKNOWN,
            Operation.OTHER,
            null),
        Arguments.of(
            "GET", "https://api.hotelbeds.com/hotel-api", Provider.UNKNOWN, Operation.OTHER, null),
        Arguments.of("GET", "https://api.hotelbeds.com/", Provider.UNKNOWN, Operation.OTHER, null),
        // Unknown hosts.
        Arguments.of(
            "GET",
            "https://example.com/v1/reservations/9994",
            Provider.UNKNOWN,
            Operation.OTHER,
            null),
        Arguments.of(
            "GET",
            "https://onlinebuchungen.ch.evil.com/v1/introspect",
            Provider.UNKNOWN,
            Operation.OTHER,
            null),
        Arguments.of(
            "GET",
            "https://api.hotelbeds.com@evil.com/hotel-api/1.0/bookings",
            Provider.UNKNOWN,
            Operation.OTHER,
            null));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("operations")
  void operationsOfBothProviders(
      String method, String url, String provider, String operation, String hotel) {
    ProviderRules.Match match = RULES.match(method, url, null);
    assertEquals(provider, match.provider(), "provider of " + url);
    assertEquals(operation, match.operation(), "operation of " + method + " " + url);
    assertEquals(hotel, match.hotelId(), "hotel of " + url);
  }

  @Test
  void urlPartsExcludeUserinfoPortQueryAndFragment() {
    ProviderRules.Match match =
        RULES.match(
            "GET",
            "https://user:secret@onlinebuchungen.ch:8443/v1/reservations/9994?start_date=2026-11-01#top",
            null);
    assertEquals("onlinebuchungen.ch", match.host(), "host");
    assertEquals("/v1/reservations/9994", match.path(), "path");
    assertEquals("start_date=2026-11-01", match.query(), "query without fragment");
    ProviderRules.Match bare = RULES.match("GET", "https://api.hotelbeds.com?x=1", null);
    assertEquals("api.hotelbeds.com", bare.host(), "host before a query");
    assertEquals("/", bare.path(), "empty path is /");
    assertEquals("x=1", bare.query(), "query");
    assertNull(RULES.match("GET", "https://api.hotelbeds.com/", null).query(), "no query");
  }

  @Test
  void theProviderHintWinsOverTheHost() {
    ProviderRules.Match hinted =
        RULES.match("GET", "https://proxy.internal/v1/reservations/9994", "casy");
    assertEquals(CASY, hinted.provider(), "hint names the provider");
    assertEquals(
        Operation.CASY_RESERVATIONS, hinted.operation(), "operation from the provider's rules");
    assertEquals("9994", hinted.hotelId(), "hotel");
    assertEquals(
        HB,
        RULES
            .match("POST", "https://onlinebuchungen.ch/hotel-api/1.0/bookings", "HOTELBEDS")
            .provider(),
        "hint beats host, any case");
    assertEquals(
        Provider.UNKNOWN,
        RULES.match("GET", CASY_BASE + "/introspect", "hotelbeds").provider(),
        "a hint of hotelbeds on a path outside /hotel-api/ is not the Hotel API");
    assertEquals(
        Provider.UNKNOWN,
        RULES
            .match("GET", "https://api.hotelbeds.com/activity-api/3.0/activities", "hotelbeds")
            .provider(),
        "the Activities API stays unknown even when the record names hotelbeds");
    assertEquals(
        CASY,
        RULES.match("GET", CASY_BASE + "/introspect", "nobody").provider(),
        "unknown hint falls back to the host");
    assertEquals(
        Provider.UNKNOWN,
        RULES.match("GET", "https://proxy.internal/x", "nobody").provider(),
        "unknown hint, unknown host");
  }

  @Test
  void theBundledRulesTakeHotelbedsTestHostsToTheTestEnvironment() {
    for (String host : new String[] {"api.test.hotelbeds.com", "API-SECURE.TEST.hotelbeds.com"}) {
      ProviderRules.Match test =
          RULES.match("POST", "https://" + host + "/hotel-api/1.0/bookings", null);
      assertEquals(HB, test.provider(), host + " is Hotelbeds");
      assertEquals(Environment.TEST, test.environment(), host + " is its test environment");
    }
    for (String host : new String[] {"api.hotelbeds.com", "api-secure.hotelbeds.com"}) {
      assertEquals(
          Environment.PRODUCTION,
          RULES.match("POST", "https://" + host + "/hotel-api/1.0/bookings", null).environment(),
          host + " is production");
    }
    assertEquals(
        Environment.TEST,
        RULES
            .match("GET", "https://api.test.hotelbeds.com/activity-api/3.0/activities", null)
            .environment(),
        "another API on a test host is still on the test system");
    assertEquals(
        Environment.PRODUCTION,
        RULES.match("GET", CASY_BASE + "/introspect", null).environment(),
        "CASY lists no test host");
    assertEquals(
        Environment.PRODUCTION,
        RULES.match("GET", "https://proxy.internal/x", null).environment(),
        "an unknown host");
    assertEquals(
        Environment.TEST,
        RULES
            .match("GET", "https://api.test.hotelbeds.com/hotel-api/1.0/bookings/1-1", "hotelbeds")
            .environment(),
        "with the record's provider hint the host still decides the environment");
  }

  @Test
  void aRulesFileWithoutTestHostsIsProductionAndTestHostsNeedNotRepeatInHosts() throws IOException {
    ProviderRules custom =
        ProviderRules.load(new ByteArrayInputStream(CUSTOM_RULES.getBytes(StandardCharsets.UTF_8)));
    assertEquals(
        Environment.PRODUCTION,
        custom
            .match("POST", "https://hb-proxy.corp.local/hb/hotel-api/1.0/bookings", null)
            .environment(),
        "no test_hosts: production");
    assertEquals(
        Environment.PRODUCTION,
        custom
            .match("POST", "https://api.test.hotelbeds.com/hotel-api/1.0/bookings", null)
            .environment(),
        "the bundled test hosts are the bundled file's data, not code");
    String rules =
        """
        {"providers": [
          {"name": "hotelbeds", "hosts": ["hb-proxy.corp.local"], "test_hosts": ["HB-STAGING.corp.local"],
           "base_path": "/hb/hotel-api/{version}", "credential": {"header": "Api-key"},
           "operations": [{"method": "POST", "path": "/bookings", "operation": "booking_confirmation"}]}
        ]}
        """;
    ProviderRules staging =
        ProviderRules.load(new ByteArrayInputStream(rules.getBytes(StandardCharsets.UTF_8)));
    ProviderRules.Match test =
        staging.match("POST", "https://hb-staging.corp.local/hb/hotel-api/1.0/bookings", null);
    assertEquals(HB, test.provider(), "a test host is the provider's host");
    assertEquals(Operation.HB_BOOKING_CONFIRMATION, test.operation(), "operation");
    assertEquals(Environment.TEST, test.environment(), "test host, case-insensitive");
    assertEquals(
        Environment.PRODUCTION,
        staging
            .match("POST", "https://hb-proxy.corp.local/hb/hotel-api/1.0/bookings", null)
            .environment(),
        "the other host");
  }

  private static final String CUSTOM_RULES =
      """
      {"providers": [
        {"name": "casy", "hosts": ["casy-proxy.corp.local", "onlinebuchungen.ch"], "base_path": "/casy/v1",
         "credential": {"header": "X-Casy-Token"},
         "operations": [{"method": "get", "path": "/reservations/{hotel}", "operation": "reservations"}]},
        {"name": "hotelbeds", "hosts": ["HB-PROXY.corp.local"], "base_path": "/hb/hotel-api/{version}",
         "credential": {"header": "Api-key"},
         "operations": [{"method": "POST", "path": "/bookings", "operation": "booking_confirmation"}]}
      ]}
      """;

  @Test
  void aCustomRulesFileMapsAProxyHostWithoutCodeChanges() throws IOException {
    ProviderRules custom =
        ProviderRules.load(new ByteArrayInputStream(CUSTOM_RULES.getBytes(StandardCharsets.UTF_8)));
    ProviderRules.Match casy =
        custom.match("GET", "http://casy-proxy.corp.local:8080/casy/v1/reservations/42", null);
    assertEquals(CASY, casy.provider(), "proxy host → casy");
    assertEquals(Operation.CASY_RESERVATIONS, casy.operation(), "operation below the custom base");
    assertEquals("42", casy.hotelId(), "hotel");
    ProviderRules.Match hb =
        custom.match("POST", "https://hb-proxy.corp.local/hb/hotel-api/1.0/bookings", null);
    assertEquals(HB, hb.provider(), "host names are case-insensitive in the rules file too");
    assertEquals(Operation.HB_BOOKING_CONFIRMATION, hb.operation(), "operation");
    assertEquals(
        Operation.OTHER,
        custom.match("GET", "https://onlinebuchungen.ch/v1/reservations/42", null).operation(),
        "the default base no longer applies");
    assertEquals(
        "tok",
        custom.credential(CASY, Map.of("x-casy-token", "tok")),
        "custom credential header, no scheme");
    assertEquals(
        java.util.List.of(CASY, HB), custom.providerNames(), "provider names in file order");
  }

  @Test
  void repeatWindowsAreDataWithATenMinuteDefault() throws IOException {
    assertEquals(900_000L, RULES.repeatWindows().millis(HB), "built-in: Hotelbeds 15 min");
    assertEquals(600_000L, RULES.repeatWindows().millis(CASY), "built-in: CASY 10 min");
    ProviderRules custom =
        ProviderRules.load(new ByteArrayInputStream(CUSTOM_RULES.getBytes(StandardCharsets.UTF_8)));
    assertEquals(
        600_000L,
        custom.repeatWindows().millis(HB),
        "a rules file without repeat_window_s: 10 min");
    String withWindow =
        CUSTOM_RULES.replace(
            "\"hosts\": [\"HB-PROXY", "\"repeat_window_s\": 120, \"hosts\": [\"HB-PROXY");
    assertEquals(
        120_000L,
        ProviderRules.load(new ByteArrayInputStream(withWindow.getBytes(StandardCharsets.UTF_8)))
            .repeatWindows()
            .millis(HB),
        "a rules file's own window");
    String zero =
        CUSTOM_RULES.replace(
            "\"hosts\": [\"HB-PROXY", "\"repeat_window_s\": 0, \"hosts\": [\"HB-PROXY");
    assertThrows(
        IllegalArgumentException.class,
        () -> ProviderRules.load(new ByteArrayInputStream(zero.getBytes(StandardCharsets.UTF_8))),
        "a window must be positive");
  }

  @Test
  void aRulesFileScopesAProviderToItsBasePathAndCarriesItsRateLimits() throws IOException {
    String rules =
        """
        {"providers": [
          {"name": "hotelbeds", "hosts": ["hb-proxy.corp.local"], "base_path": "/hb/hotel-api/{version}",
           "base_path_required": true, "credential": {"header": "Api-key"},
           "rate_limits": {"rate_limited": {"window_seconds": 2}, "quota_exceeded": {"limit": 5000, "window_seconds": 86400}},
           "operations": [{"method": "POST", "path": "/bookings", "operation": "booking_confirmation"}]}
        ]}
        """;
    ProviderRules custom =
        ProviderRules.load(new ByteArrayInputStream(rules.getBytes(StandardCharsets.UTF_8)));
    assertEquals(
        HB,
        custom
            .match("POST", "https://hb-proxy.corp.local/hb/hotel-api/1.0/bookings", null)
            .provider(),
        "under the base");
    assertEquals(
        Provider.UNKNOWN,
        custom
            .match("GET", "https://hb-proxy.corp.local/hb/activity-api/3.0/activities", null)
            .provider(),
        "outside the base of a base_path_required provider");
    assertEquals(
        new com.hoteltraffic.model.RateLimits.Limit(null, 2),
        custom.rateLimits().of(HB, com.hoteltraffic.model.ErrorClass.RATE_LIMITED),
        "QPS window from the file");
    assertEquals(
        new com.hoteltraffic.model.RateLimits.Limit(5000, 86_400),
        custom.rateLimits().of(HB, com.hoteltraffic.model.ErrorClass.QUOTA_EXCEEDED),
        "quota from the file");
    assertNull(
        custom.rateLimits().of(CASY, com.hoteltraffic.model.ErrorClass.RATE_LIMITED),
        "no CASY in the file");
    assertEquals(
        new com.hoteltraffic.model.RateLimits.Limit(10, 60),
        RULES.rateLimits().of(CASY, com.hoteltraffic.model.ErrorClass.RATE_LIMITED),
        "bundled CASY limit");
    String noWindow =
        "{\"providers\":[{\"name\":\"casy\",\"hosts\":[],\"credential\":{\"header\":\"A\"},"
            + "\"operations\":[],\"rate_limits\":{\"rate_limited\":{\"limit\":10}}}]}";
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                ProviderRules.load(
                    new ByteArrayInputStream(noWindow.getBytes(StandardCharsets.UTF_8))),
            "no window");
    assertTrue(
        e.getMessage().contains("window_seconds") && e.getMessage().contains("casy"),
        e.getMessage());
  }

  @Test
  void aRulesFileMissingAFieldFailsNamingIt() {
    String noHosts =
        "{\"providers\":[{\"name\":\"casy\",\"credential\":{\"header\":\"A\"},\"operations\":[]}]}";
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                ProviderRules.load(
                    new ByteArrayInputStream(noHosts.getBytes(StandardCharsets.UTF_8))),
            "missing hosts");
    assertTrue(
        e.getMessage().contains("\"hosts\"") && e.getMessage().contains("casy"), e.getMessage());
  }

  @Test
  void credentials() {
    assertEquals(
        "abc123", RULES.credential(CASY, Map.of("authorization", "Bearer abc123")), "Bearer");
    assertEquals(
        "abc123",
        RULES.credential(CASY, Map.of("authorization", "bearer abc123")),
        "scheme any case");
    assertEquals(
        "abc123",
        RULES.credential(CASY, Map.of("authorization", "BEARER   abc123 ")),
        "extra spaces");
    assertEquals(
        "abc123",
        RULES.credential(CASY, Map.of("authorization", "abc123")),
        "no scheme: the value");
    assertNull(RULES.credential(CASY, Map.of("accept", "application/json")), "no header");
    assertNull(RULES.credential(CASY, Map.of("authorization", "   ")), "blank header");
    assertNull(
        RULES.credential(CASY, Map.of("authorization", "Bearer")), "the scheme with no token");
    assertNull(
        RULES.credential(CASY, Map.of("authorization", " bearer  ")),
        "the scheme with no token, spaced");
    assertEquals(
        "hb-key",
        RULES.credential(HB, Map.of("api-key", "hb-key", "x-signature", "sig")),
        "Api-key");
    assertNull(
        RULES.credential(HB, Map.of("authorization", "Bearer x")), "Hotelbeds reads only Api-key");
    assertNull(
        RULES.credential(Provider.UNKNOWN, Map.of("authorization", "Bearer x")),
        "unknown provider");
  }

  @ParameterizedTest
  @MethodSource("oddUrls")
  void matchingWithAnInternerGivesTheSameMatchAsWithout(String method, String url, String hint) {
    TextInterner interner = new TextInterner();
    ProviderRules.Match plain = RULES.match(method, url, hint);
    assertEquals(plain, RULES.match(method, url, hint, interner), "first sight: " + url);
    ProviderRules.Match again = RULES.match(method, url, hint, interner);
    assertEquals(plain, again, "second sight: " + url);
  }

  static Stream<Arguments> oddUrls() {
    return Stream.of(
        Arguments.of("GET", CASY_BASE + "/reservations/9994?start_date=2026-11-01", null),
        Arguments.of("GET", "https://user:pw@OnlineBuchungen.CH:8443/v1/health/hotels/77/", null),
        Arguments.of("get", "https://onlinebuchungen.ch//v1//health/hotels/77", null),
        Arguments.of("GET", "https://onlinebuchungen.ch/v1/health/hotels//", null),
        Arguments.of("GET", "https://[::1]:8080/v1/health/hotels/5", "casy"),
        Arguments.of("GET", "https://[::1]/v1/health/hotels/5#frag?x", "CASY"),
        Arguments.of("GET", "https://ONLİNE.example/v1/x", null),
        Arguments.of("POST", HB_BASE + "/hotels", null),
        Arguments.of("POST", "https://api.hotelbeds.com/activity-api/1.0/hotels", "hotelbeds"),
        Arguments.of("GET", "onlinebuchungen.ch?x=/v1/a", null),
        Arguments.of("GET", "", null));
  }

  @Test
  void anInternerGivesOneInstanceOfARepeatedHostAndHotel() {
    TextInterner interner = new TextInterner();
    ProviderRules.Match first =
        RULES.match("GET", CASY_BASE + "/health/hotels/3615", null, interner);
    ProviderRules.Match second =
        RULES.match("GET", CASY_BASE + "/health/hotels/3615", null, interner);
    assertEquals("3615", first.hotelId(), "hotel");
    assertTrue(first.hotelId() == second.hotelId(), "one instance of the hotel id");
    assertTrue(first.host() == second.host(), "one instance of the host");
  }

  @ParameterizedTest
  @MethodSource("paths")
  void segmentBoundsAreWhereTheSplitSegmentsAre(String path) {
    String[] split = ProviderRules.segments(path);
    int[] bounds = ProviderRules.segmentBounds(path);
    assertEquals(split.length * 2, bounds.length, "segments of " + path);
    for (int i = 0; i < split.length; i++) {
      assertEquals(
          split[i],
          path.substring(bounds[2 * i], bounds[2 * i + 1]),
          "segment " + i + " of " + path);
    }
  }

  static Stream<String> paths() {
    return Stream.of("/", "//", "", "/v1", "/v1/", "v1/a", "/v1//a/", "///a//b///", "/a/b/c/d");
  }
}
