package com.hoteltraffic.output.page;

import com.hoteltraffic.report.Reports;
import com.hoteltraffic.report.credentials.CredentialHealth;
import java.util.Comparator;
import java.util.List;

/**
 * Every credential with its state, the ones to act on first (failing auth, then quota exhausted):
 * alerts on a credential link to its row.
 */
final class CredentialHealthSection extends TableSection {
  /** Credentials listed at most. */
  static final int MAX_CREDENTIALS = 500;

  CredentialHealthSection() {
    super("credentials", "Credential health", Reports.CREDENTIAL_HEALTH);
  }

  @Override
  Table table(Rows health) {
    List<String> states =
        List.of(
            CredentialHealth.FAILING_AUTH,
            CredentialHealth.QUOTA_EXHAUSTED,
            CredentialHealth.DEGRADED,
            CredentialHealth.HEALTHY);
    int state = health.columns().indexOf(CredentialHealth.STATE);
    Comparator<Object[]> order = Comparator.comparingInt(row -> states.indexOf(row[state]));
    return table(
        "failing_auth (expired or revoked: replace it), "
            + "quota_exhausted (daily quota used up), degraded, healthy; see docs/credential-health.md.",
        health.columns(),
        List.of(CredentialHealth.PROVIDER, CredentialHealth.TOKEN_ID),
        health,
        order,
        MAX_CREDENTIALS);
  }
}
