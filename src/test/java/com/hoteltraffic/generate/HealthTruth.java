package com.hoteltraffic.generate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The ground truth of the integration-health reports, derived from every written exchange by the
 * documented rules (docs/, independently of the analyzer): per credential its health, per
 * credential × hotel its permission denials, per hour the Hotelbeds booking confirmations slower
 * than the documented 60 s, and the scripted situations ({@link HealthSituations}) the rows must
 * show.
 */
public final class HealthTruth {
  /** Documented Hotelbeds booking-confirmation timeout. */
  static final long CONFIRMATION_TIMEOUT_MS = 60_000;

  static final int FAILING_AUTH_MIN = 3;

  /** A scripted situation: which credential (raw) and hotel the truth's rows for it belong to. */
  public record Situation(String name, String provider, String token, String hotelId) {}

  /**
   * One row of {@code credential_health}; {@code failures} in the report's column order; times ISO
   * or null; {@code remedyCode} the "status code" whose taxonomy remedy the row quotes (null when
   * healthy).
   */
  public record Credential(
      String provider,
      String token,
      String firstSeen,
      String lastSeen,
      long requests,
      String lastSuccess,
      String lastAccepted,
      List<Long> failures,
      String state,
      String since,
      String remedyCode) {}

  /** One row of {@code access_denied}. */
  public record Denied(
      String provider,
      String token,
      String hotelId,
      long forbidden,
      long forbiddenAction,
      long unclassified,
      String firstSeen,
      String lastSeen,
      boolean everSucceeded,
      String lastSuccess) {}

  /**
   * Bodies written to say JSON or XML that cannot be read, per provider × operation × body × format
   * ({@code body_parse_failures} in {@code run_summary.json}).
   */
  public record ParseFailures(
      String provider,
      String operation,
      String body,
      String format,
      long count,
      String firstSeen,
      String lastSeen) {}

  /** Hotelbeds booking confirmations of one hour window. */
  public record Confirmations(String windowStart, long requests, long overTimeout) {}

  /** Everything {@code ground_truth.json} says about integration health. */
  public record Result(
      List<Credential> credentials,
      List<Denied> denied,
      List<Confirmations> confirmations,
      List<Situation> situations,
      List<ParseFailures> parseFailures) {}

  /**
   * The failure columns of {@code credential_health}: provider and "status code" pairs each counts.
   */
  private static final List<Map.Entry<String, Set<String>>> FAILURE_COLUMNS =
      List.of(
          Map.entry("casy", Set.of("401 missing_token")),
          Map.entry("casy", Set.of("401 invalid_token")),
          Map.entry("casy", Set.of("401 invalid_token_or_not_found")),
          Map.entry(
              "hotelbeds",
              Set.of(
                  "401 NOT_AUTHORIZED",
                  "401 SIGNATURE_VERIFICATION_FAILED",
                  "401 AUTHORIZATION_FIELD_MISSING",
                  "403 NOT_AUTHORIZED")),
          Map.entry("hotelbeds", Set.of("403 DEVELOPER_INACTIVE")),
          Map.entry("hotelbeds", Set.of("403 DEVELOPER_OVER_RATE")));

  private record Row(
      long ts,
      String provider,
      String token,
      String hotel,
      Integer status,
      String code,
      String errorClass,
      long durationMs,
      boolean confirmation,
      String[] unreadable) {
    String statusAndCode() {
      return status + " " + code;
    }
  }

  private final List<Row> rows = new ArrayList<>();

  void add(Exchange e) {
    boolean confirmation =
        "hotelbeds".equals(e.provider)
            && "POST".equals(e.method)
            && e.url.replaceFirst("\\?.*", "").matches("https?://[^/]+/hotel-api/[^/]+/bookings");
    rows.add(
        new Row(
            e.tsMillis,
            e.provider,
            e.token,
            e.hotelId,
            e.status,
            e.errorCode,
            e.errorClass,
            e.durationMs,
            confirmation,
            e.unreadable));
  }

  Result build(List<Situation> situations) {
    rows.sort(Comparator.comparingLong(Row::ts));
    return new Result(
        credentials(), denied(), confirmations(), List.copyOf(situations), parseFailures());
  }

  /**
   * The {@code credential_health} row of every credential over the exchanges from {@code from}
   * (inclusive) to {@code to} (exclusive), as a daily run of that day sees them; keyed by provider
   * and raw credential joined by a NUL. Call after {@link #build}.
   */
  Map<String, Credential> credentialsBetween(long from, long to) {
    Map<String, List<Row>> byCredential = new TreeMap<>();
    for (Row r : rows) {
      if (r.ts() >= from && r.ts() < to) {
        byCredential
            .computeIfAbsent(r.provider() + '\u0000' + r.token(), k -> new ArrayList<>())
            .add(r);
      }
    }
    Map<String, Credential> credentials = new TreeMap<>();
    byCredential.forEach((key, traffic) -> credentials.put(key, credential(traffic)));
    return credentials;
  }

  private List<Credential> credentials() {
    Map<String, List<Row>> byCredential = new TreeMap<>();
    for (Row r : rows) {
      byCredential
          .computeIfAbsent(r.provider() + '\u0000' + r.token(), k -> new ArrayList<>())
          .add(r);
    }
    List<Credential> out = new ArrayList<>();
    byCredential.forEach((key, traffic) -> out.add(credential(traffic)));
    return out;
  }

  /**
   * What one answer says about its credential (docs/credential-health.md, on the generator's
   * codes).
   */
  private enum Answer {
    AUTH,
    QUOTA,
    ACCEPTED,
    NEUTRAL
  }

  /**
   * The 401 and 403 codes that name a documented sub-case (not the status's default, not named
   * after the status): any other 401 or 403 proves nothing about the credential.
   */
  private static final Set<String> NAMED_SUB_CASES =
      Set.of(
          "casy 401 missing_token",
          "casy 401 invalid_token",
          "casy 401 invalid_token_or_not_found",
          "casy 403 forbidden",
          "casy 403 forbidden_action",
          "hotelbeds 401 SIGNATURE_VERIFICATION_FAILED",
          "hotelbeds 401 AUTHORIZATION_FIELD_MISSING",
          "hotelbeds 403 DEVELOPER_OVER_QPS",
          "hotelbeds 403 DEVELOPER_OVER_RATE",
          "hotelbeds 403 DEVELOPER_INACTIVE",
          "hotelbeds 403 NOT_AUTHORIZED",
          "hotelbeds 403 ACCESS_DISALLOWED");

  private static Answer answer(Row r) {
    if ("auth".equals(r.errorClass())) {
      return Answer.AUTH;
    }
    if ("quota_exceeded".equals(r.errorClass())) {
      return Answer.QUOTA;
    }
    Integer status = r.status();
    if (status == null || status >= 500) {
      return Answer.NEUTRAL;
    }
    if (status < 400) {
      return Answer.ACCEPTED;
    }
    if ("rate_limited".equals(r.errorClass()) || status == 429) {
      return Answer.NEUTRAL;
    }
    if ((status == 401 || status == 403)
        && !NAMED_SUB_CASES.contains(r.provider() + " " + r.statusAndCode())) {
      return Answer.NEUTRAL;
    }
    return Answer.ACCEPTED;
  }

  /** The state rule of docs/credential-health.md on one credential's traffic in time order. */
  private static Credential credential(List<Row> traffic) {
    Row first = traffic.get(0);
    long lastSuccess = Long.MIN_VALUE;
    long lastAccepted = Long.MIN_VALUE;
    Row firstProblem = null;
    List<Long> failures = new ArrayList<>();
    FAILURE_COLUMNS.forEach(c -> failures.add(0L));
    for (Row r : traffic) {
      Answer answer = answer(r);
      if ("ok".equals(r.errorClass())) {
        lastSuccess = r.ts();
      }
      if (answer == Answer.ACCEPTED) {
        lastAccepted = r.ts();
      }
      if ((answer == Answer.AUTH || answer == Answer.QUOTA)
          && (firstProblem == null || earlier(r, firstProblem))) {
        firstProblem = r;
      }
      for (int i = 0; i < FAILURE_COLUMNS.size(); i++) {
        if (FAILURE_COLUMNS.get(i).getKey().equals(r.provider())
            && FAILURE_COLUMNS.get(i).getValue().contains(r.statusAndCode())) {
          failures.set(i, failures.get(i) + 1);
        }
      }
    }
    List<Row> authRun = trailing(traffic, Answer.AUTH, lastAccepted);
    List<Row> quotaRun = trailing(traffic, Answer.QUOTA, lastAccepted);
    String state;
    Row since;
    Row remedy;
    if (authRun.size() >= FAILING_AUTH_MIN) {
      state = "failing_auth";
      since = authRun.get(0);
      remedy = latest(authRun);
    } else if (!quotaRun.isEmpty()) {
      state = "quota_exhausted";
      since = quotaRun.get(0);
      remedy = latest(quotaRun);
    } else if (firstProblem != null) {
      state = "degraded";
      since = firstProblem;
      remedy = firstProblem;
    } else {
      state = "healthy";
      since = null;
      remedy = null;
    }
    Row last = traffic.get(traffic.size() - 1);
    return new Credential(
        first.provider(),
        first.token(),
        Times.isoUtc(first.ts()),
        Times.isoUtc(last.ts()),
        traffic.size(),
        lastSuccess == Long.MIN_VALUE ? null : Times.isoUtc(lastSuccess),
        lastAccepted == Long.MIN_VALUE ? null : Times.isoUtc(lastAccepted),
        List.copyOf(failures),
        state,
        since == null ? null : Times.isoUtc(since.ts()),
        remedy == null ? null : remedy.statusAndCode());
  }

  /** Earlier, or at the same instant with the smaller "status code" (the report's tie rule). */
  private static boolean earlier(Row a, Row b) {
    return a.ts() < b.ts()
        || (a.ts() == b.ts() && a.statusAndCode().compareTo(b.statusAndCode()) < 0);
  }

  private static Row latest(List<Row> run) {
    Row latest = run.get(0);
    for (Row r : run) {
      if (r.ts() > latest.ts()
          || (r.ts() == latest.ts() && r.statusAndCode().compareTo(latest.statusAndCode()) < 0)) {
        latest = r;
      }
    }
    return latest;
  }

  /**
   * The failures of one kind strictly after the last accepted answer, in time order: answers of
   * neither kind (neutral ones, the other kind of failure) do not interrupt them.
   */
  private static List<Row> trailing(List<Row> traffic, Answer kind, long lastAccepted) {
    List<Row> run = new ArrayList<>();
    for (Row r : traffic) {
      if (answer(r) == kind && r.ts() > lastAccepted) {
        run.add(r);
      }
    }
    return run;
  }

  private List<Denied> denied() {
    Map<String, long[]> cells = new TreeMap<>();
    Map<String, Row> keys = new TreeMap<>();
    for (Row r : rows) {
      String key = r.provider() + '\u0000' + r.token() + '\u0000' + r.hotel();
      // {forbidden, forbidden_action, unclassified, first denial, last denial, last success}
      long[] cell =
          cells.computeIfAbsent(
              key, k -> new long[] {0, 0, 0, Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE});
      keys.putIfAbsent(key, r);
      String denial = denial(r);
      if ("ok".equals(r.errorClass())) {
        cell[5] = Math.max(cell[5], r.ts());
      } else if (denial != null) {
        cell[List.of("forbidden", "forbidden_action", "unclassified").indexOf(denial)]++;
        cell[3] = Math.min(cell[3], r.ts());
        cell[4] = Math.max(cell[4], r.ts());
      }
    }
    List<Denied> out = new ArrayList<>();
    cells.forEach(
        (key, c) -> {
          if (c[0] + c[1] + c[2] > 0) {
            Row r = keys.get(key);
            boolean succeeded = c[5] != Long.MIN_VALUE;
            out.add(
                new Denied(
                    r.provider(),
                    r.token(),
                    r.hotel(),
                    c[0],
                    c[1],
                    c[2],
                    Times.isoUtc(c[3]),
                    Times.isoUtc(c[4]),
                    succeeded,
                    succeeded ? Times.isoUtc(c[5]) : null));
          }
        });
    return out;
  }

  private static String denial(Row r) {
    String key = r.provider() + " " + r.statusAndCode();
    return switch (key) {
      case "casy 403 forbidden" -> "forbidden";
      case "casy 403 forbidden_action", "hotelbeds 403 ACCESS_DISALLOWED" -> "forbidden_action";
      // No sub-case named: the body named no code, nor (Hotelbeds) X-Mashery-Error-Code.
      case "casy 403 HTTP_403", "hotelbeds 403 FORBIDDEN" -> "unclassified";
      default -> null;
    };
  }

  private List<ParseFailures> parseFailures() {
    Map<String, long[]> cells = new TreeMap<>();
    for (Row r : rows) {
      if (r.unreadable() != null) {
        String key = r.provider() + '\u0000' + String.join("\u0000", r.unreadable());
        long[] cell =
            cells.computeIfAbsent(key, k -> new long[] {0, Long.MAX_VALUE, Long.MIN_VALUE});
        cell[0]++;
        cell[1] = Math.min(cell[1], r.ts());
        cell[2] = Math.max(cell[2], r.ts());
      }
    }
    List<ParseFailures> out = new ArrayList<>();
    cells.forEach(
        (key, c) -> {
          String[] parts = key.split("\u0000");
          out.add(
              new ParseFailures(
                  parts[0],
                  parts[1],
                  parts[2],
                  parts[3],
                  c[0],
                  Times.isoUtc(c[1]),
                  Times.isoUtc(c[2])));
        });
    return out;
  }

  private List<Confirmations> confirmations() {
    Map<Long, long[]> windows = new TreeMap<>();
    for (Row r : rows) {
      if (r.confirmation()) {
        long[] w =
            windows.computeIfAbsent(
                Math.floorDiv(r.ts(), Times.HOUR) * Times.HOUR, k -> new long[2]);
        w[0]++;
        if (r.durationMs() > CONFIRMATION_TIMEOUT_MS) {
          w[1]++;
        }
      }
    }
    List<Confirmations> out = new ArrayList<>();
    windows.forEach((start, w) -> out.add(new Confirmations(Times.isoUtc(start), w[0], w[1])));
    return out;
  }

  /** The JSON of {@code ground_truth.json}'s {@code health} member. */
  static String json(Result result) {
    StringBuilder out = new StringBuilder(16 * 1024).append("{\"situations\":[");
    for (int i = 0; i < result.situations().size(); i++) {
      Situation s = result.situations().get(i);
      out.append(i == 0 ? "\n  " : ",\n  ")
          .append("{\"name\":\"")
          .append(s.name())
          .append("\",\"provider\":\"")
          .append(s.provider())
          .append("\",\"token\":");
      Json.quote(out, s.token()).append(",\"hotel_id\":");
      Json.quote(out, s.hotelId()).append('}');
    }
    out.append("],\n\"credentials\":[");
    for (int i = 0; i < result.credentials().size(); i++) {
      Credential c = result.credentials().get(i);
      out.append(i == 0 ? "\n  " : ",\n  ")
          .append("{\"provider\":\"")
          .append(c.provider())
          .append("\",\"token\":");
      Json.quote(out, c.token())
          .append(",\"first_seen\":\"")
          .append(c.firstSeen())
          .append("\",\"last_seen\":\"")
          .append(c.lastSeen())
          .append("\",\"requests\":")
          .append(c.requests())
          .append(",\"last_success\":");
      Json.quote(out, c.lastSuccess()).append(",\"last_accepted\":");
      Json.quote(out, c.lastAccepted())
          .append(",\"failures\":")
          .append(c.failures().toString().replace(" ", ""))
          .append(",\"state\":\"")
          .append(c.state())
          .append("\",\"since\":");
      Json.quote(out, c.since()).append(",\"remedy_code\":");
      Json.quote(out, c.remedyCode()).append('}');
    }
    out.append("],\n\"access_denied\":[");
    for (int i = 0; i < result.denied().size(); i++) {
      Denied d = result.denied().get(i);
      out.append(i == 0 ? "\n  " : ",\n  ")
          .append("{\"provider\":\"")
          .append(d.provider())
          .append("\",\"token\":");
      Json.quote(out, d.token()).append(",\"hotel_id\":");
      Json.quote(out, d.hotelId())
          .append(",\"forbidden\":")
          .append(d.forbidden())
          .append(",\"forbidden_action\":")
          .append(d.forbiddenAction())
          .append(",\"unclassified\":")
          .append(d.unclassified())
          .append(",\"first_seen\":\"")
          .append(d.firstSeen())
          .append("\",\"last_seen\":\"")
          .append(d.lastSeen())
          .append("\",\"ever_succeeded\":")
          .append(d.everSucceeded())
          .append(",\"last_success\":");
      Json.quote(out, d.lastSuccess()).append('}');
    }
    out.append("],\n\"booking_confirmations\":[");
    for (int i = 0; i < result.confirmations().size(); i++) {
      Confirmations c = result.confirmations().get(i);
      out.append(i == 0 ? "\n  " : ",\n  ")
          .append("{\"window_start\":\"")
          .append(c.windowStart())
          .append("\",\"requests\":")
          .append(c.requests())
          .append(",\"over_timeout\":")
          .append(c.overTimeout())
          .append('}');
    }
    out.append("],\n\"body_parse_failures\":[");
    for (int i = 0; i < result.parseFailures().size(); i++) {
      ParseFailures p = result.parseFailures().get(i);
      out.append(i == 0 ? "\n  " : ",\n  ")
          .append("{\"provider\":\"")
          .append(p.provider())
          .append("\",\"operation\":\"")
          .append(p.operation())
          .append("\",\"body\":\"")
          .append(p.body())
          .append("\",\"format\":\"")
          .append(p.format())
          .append("\",\"count\":")
          .append(p.count())
          .append(",\"first_seen\":\"")
          .append(p.firstSeen())
          .append("\",\"last_seen\":\"")
          .append(p.lastSeen())
          .append("\"}");
    }
    return out.append("]}").toString();
  }
}
