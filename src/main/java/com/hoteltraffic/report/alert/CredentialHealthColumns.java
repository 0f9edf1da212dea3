package com.hoteltraffic.report.alert;

import java.util.List;

/**
 * The one place the alerts name the {@code credential_health} report (issue 16 point 2, built on
 * its own branch): its name, the columns the credential alert reads and the states it acts on.
 * When the run's results hold no such report, the credential alert yields nothing.
 */
public final class CredentialHealthColumns {
  public static final String REPORT = "credential_health";
  public static final String PROVIDER = "provider";
  public static final String TOKEN_ID = "token_id";
  public static final String TOKEN_HINT = "token_hint";
  public static final String STATE = "state";
  public static final String SINCE = "since";

  public static final String STATE_HEALTHY = "healthy";
  public static final String STATE_DEGRADED = "degraded";
  /** Every request since {@link #SINCE} failed authentication: expired or revoked. */
  public static final String STATE_FAILING_AUTH = "failing_auth";
  /** Hotelbeds' daily quota is used up (403 Developer Over Rate) since {@link #SINCE}. */
  public static final String STATE_QUOTA_EXHAUSTED = "quota_exhausted";

  /** The states that raise an alert. */
  public static final List<String> ALERTING_STATES = List.of(STATE_FAILING_AUTH, STATE_QUOTA_EXHAUSTED);

  /** The id of the report's section on {@code report.html}. */
  public static final String PAGE_SECTION = "credential-health";

  private CredentialHealthColumns() {}
}
