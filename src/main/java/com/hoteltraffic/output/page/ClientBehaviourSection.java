package com.hoteltraffic.output.page;

import com.hoteltraffic.report.Reports;
import com.hoteltraffic.report.behaviour.ClientBehaviour;
import java.util.List;

/**
 * The credentials whose clients wasted calls (resent what the documents say to fix, retried in
 * under a second, kept sending into bursts), most wasted first: whom to ask to change their client.
 */
final class ClientBehaviourSection extends TableSection {
  ClientBehaviourSection() {
    super("client-behaviour", "Client behaviour", Reports.CLIENT_BEHAVIOUR);
  }

  @Override
  Table table(Rows behaviour) {
    Rows wasteful =
        behaviour.filtered(
            row ->
                behaviour.number(row, ClientBehaviour.WASTED) > 0
                    || behaviour.number(row, ClientBehaviour.FAST_RETRIES) > 0);
    return table(
        "Credentials that resent calls the documents say to fix, "
            + "retried in under 1 s or kept sending into rate-limit bursts, most wasted calls first; see "
            + "docs/client-behaviour.md.",
        behaviour.columns(),
        List.of(ClientBehaviour.PROVIDER, ClientBehaviour.TOKEN_ID),
        wasteful,
        wasteful.<Long>by(ClientBehaviour.WASTED).reversed(),
        PageSections.MAX_ROWS);
  }
}
