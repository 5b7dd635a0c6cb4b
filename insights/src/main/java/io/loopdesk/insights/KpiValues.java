package io.loopdesk.insights;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * KPI values for one slice of tickets, each as defined in the package's <a
 * href="package-summary.html#glossary">KPI glossary</a>. Rates are fractions in [0, 1]; a value is
 * empty when the slice has nothing to measure it on (for example no callbacks yet).
 *
 * @param tickets <a href="package-summary.html#tickets">tickets</a>
 * @param resolved <a href="package-summary.html#tickets">resolved</a> tickets
 * @param closed <a href="package-summary.html#tickets">closed</a> tickets
 * @param open <a href="package-summary.html#backlog">open</a> tickets (the backlog)
 * @param averageFirstResponse mean <a href="package-summary.html#first-response">first response</a>
 * @param averageHandling mean <a href="package-summary.html#handling-time">handling time</a>
 * @param firstContactResolutionRate <a href="package-summary.html#first-contact-resolution">
 *     first-contact resolution</a> rate
 * @param csatAverage <a href="package-summary.html#satisfaction">CSAT average</a>
 * @param satisfiedRate <a href="package-summary.html#satisfaction">satisfied rate</a>
 * @param resolutionSlaAttainment <a href="package-summary.html#resolution-sla">resolution SLA
 *     attainment</a>
 * @param reopenRate <a href="package-summary.html#reopen-rate">reopen rate</a>
 * @param callbackCompletionRate <a href="package-summary.html#callback-completion">callback
 *     completion</a> rate
 * @param agentReplies <a href="package-summary.html#communications">agent replies</a> sent
 * @param customerReplies <a href="package-summary.html#communications">customer replies</a>
 *     recorded
 * @param internalNotes <a href="package-summary.html#communications">internal notes</a> written
 */
public record KpiValues(
    long tickets,
    long resolved,
    long closed,
    long open,
    Optional<Duration> averageFirstResponse,
    Optional<Duration> averageHandling,
    OptionalDouble firstContactResolutionRate,
    OptionalDouble csatAverage,
    OptionalDouble satisfiedRate,
    OptionalDouble resolutionSlaAttainment,
    OptionalDouble reopenRate,
    OptionalDouble callbackCompletionRate,
    long agentReplies,
    long customerReplies,
    long internalNotes) {

  /**
   * Creates values without communication counts (all zero), as before communications were counted.
   *
   * @param tickets tickets
   * @param resolved resolved tickets
   * @param closed closed tickets
   * @param open open tickets
   * @param averageFirstResponse mean first response
   * @param averageHandling mean handling time
   * @param firstContactResolutionRate first-contact resolution rate
   * @param csatAverage CSAT average
   * @param satisfiedRate satisfied rate
   * @param resolutionSlaAttainment resolution SLA attainment
   * @param reopenRate reopen rate
   * @param callbackCompletionRate callback completion rate
   */
  public KpiValues(
      long tickets,
      long resolved,
      long closed,
      long open,
      Optional<Duration> averageFirstResponse,
      Optional<Duration> averageHandling,
      OptionalDouble firstContactResolutionRate,
      OptionalDouble csatAverage,
      OptionalDouble satisfiedRate,
      OptionalDouble resolutionSlaAttainment,
      OptionalDouble reopenRate,
      OptionalDouble callbackCompletionRate) {
    this(
        tickets,
        resolved,
        closed,
        open,
        averageFirstResponse,
        averageHandling,
        firstContactResolutionRate,
        csatAverage,
        satisfiedRate,
        resolutionSlaAttainment,
        reopenRate,
        callbackCompletionRate,
        0,
        0,
        0);
  }

  /**
   * Returns the mean number of agent replies per ticket.
   *
   * @return replies per ticket, empty when the slice has no tickets
   */
  public OptionalDouble agentRepliesPerTicket() {
    return tickets == 0
        ? OptionalDouble.empty()
        : OptionalDouble.of((double) agentReplies / tickets);
  }
}
