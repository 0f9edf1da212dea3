package com.hoteltraffic.report.alert;

import com.hoteltraffic.report.CredentialHealth;
import com.hoteltraffic.report.Reports;
import java.util.List;

/**
 * What the alerts read of the {@code credential_health} report: its name, the columns the
 * credential alert reads and the states it acts on, as {@link CredentialHealth} defines them. When
 * the run's results hold no such report, the credential alert yields nothing.
 */
public final class CredentialHealthColumns {
  public static final String REPORT = Reports.CREDENTIAL_HEALTH;
  public static final String PROVIDER = CredentialHealth.PROVIDER;
  public static final String TOKEN_ID = CredentialHealth.TOKEN_ID;
  public static final String TOKEN_HINT = CredentialHealth.TOKEN_HINT;
  public static final String STATE = CredentialHealth.STATE;
  public static final String SINCE = CredentialHealth.SINCE;

  public static final String STATE_HEALTHY = CredentialHealth.HEALTHY;
  public static final String STATE_DEGRADED = CredentialHealth.DEGRADED;

  /** Every request since {@link #SINCE} failed authentication: expired or revoked. */
  public static final String STATE_FAILING_AUTH = CredentialHealth.FAILING_AUTH;

  /** Hotelbeds' daily quota is used up (403 Developer Over Rate) since {@link #SINCE}. */
  public static final String STATE_QUOTA_EXHAUSTED = CredentialHealth.QUOTA_EXHAUSTED;

  /** The states that raise an alert. */
  public static final List<String> ALERTING_STATES =
      List.of(STATE_FAILING_AUTH, STATE_QUOTA_EXHAUSTED);

  /** The id of the report's section on {@code report.html}. */
  public static final String PAGE_SECTION = "credentials";

  private CredentialHealthColumns() {}
}
