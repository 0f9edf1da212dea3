package com.hoteltraffic.report.engine;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The scope of a scheduled daily run ({@code --date}): one calendar day in the run's time zone,
 * analysed from inputs that may hold more. Detection reads a wider window than it reports — {@code
 * lookback} before local midnight so that an incident which began the evening before is seen whole,
 * {@code lookahead} after the day so that later traffic can still confirm or refute an uncertain
 * booking — and only what belongs to the day is reported:
 *
 * <ul>
 *   <li>error rates and error codes: exchanges inside the day;
 *   <li>bursts and outages: every incident that overlaps the day, whole, also when it began in the
 *       look-back or ran on into the look-ahead;
 *   <li>unconfirmed bookings: attempts inside the day, with evidence from anywhere in the read
 *       window.
 * </ul>
 *
 * <p>The run applies these bounds per exchange and per incident through {@link
 * ReportSettings#bounds()}.
 *
 * <p>An incident that started before the look-back is reported from the look-back's start; a longer
 * look-back costs only reading time.
 *
 * @param date the day analysed
 * @param zone the time zone whose midnight starts and ends the day (a 23- or 25-hour day across a
 *     daylight-saving change)
 * @param lookback how long before the day's start exchanges are read for detection
 * @param lookahead how long after the day's end exchanges are read for detection and evidence
 */
public record DayScope(LocalDate date, ZoneId zone, Duration lookback, Duration lookahead)
    implements java.io.Serializable {
  /** The default look-back: a night-time incident rarely runs longer. */
  public static final Duration DEFAULT_LOOKBACK = Duration.ofHours(6);

  /** The default look-ahead: clients usually look a failed booking up within a day. */
  public static final Duration DEFAULT_LOOKAHEAD = Duration.ofHours(24);

  public DayScope {
    if (lookback.isNegative() || lookahead.isNegative()) {
      throw new IllegalArgumentException("look-back and look-ahead cannot be negative");
    }
  }

  /** Local midnight starting the day, as an instant. */
  public Instant dayStart() {
    return date.atStartOfDay(zone).toInstant();
  }

  /** Local midnight ending the day (exclusive). */
  public Instant dayEnd() {
    return date.plusDays(1).atStartOfDay(zone).toInstant();
  }

  public Instant readFrom() {
    return dayStart().minus(lookback);
  }

  public Instant readUntil() {
    return dayEnd().plus(lookahead);
  }

  /** The output folder of the day under the output directory: {@code date=YYYY-MM-DD}. */
  public String partitionName() {
    return "date=" + date;
  }
}
