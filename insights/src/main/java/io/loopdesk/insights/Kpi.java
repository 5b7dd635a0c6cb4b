package io.loopdesk.insights;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * A single KPI as a number, for trends and monitoring. Durations are in minutes. Each constant is
 * defined in the package's <a href="package-summary.html#glossary">KPI glossary</a>.
 */
public enum Kpi {
  /** <a href="package-summary.html#tickets">Tickets</a>. */
  TICKETS(v -> OptionalDouble.of(v.tickets())),
  /** <a href="package-summary.html#backlog">Open tickets</a> (backlog). */
  BACKLOG(v -> OptionalDouble.of(v.open())),
  /** Mean <a href="package-summary.html#first-response">first response</a>, minutes. */
  FIRST_RESPONSE_MINUTES(v -> minutes(v.averageFirstResponse())),
  /** Mean <a href="package-summary.html#handling-time">handling time</a>, minutes. */
  HANDLING_MINUTES(v -> minutes(v.averageHandling())),
  /** <a href="package-summary.html#first-contact-resolution">First-contact resolution</a> rate. */
  FIRST_CONTACT_RESOLUTION(KpiValues::firstContactResolutionRate),
  /** <a href="package-summary.html#satisfaction">CSAT average</a>. */
  CSAT_AVERAGE(KpiValues::csatAverage),
  /** <a href="package-summary.html#satisfaction">Satisfied rate</a>. */
  SATISFIED_RATE(KpiValues::satisfiedRate),
  /** <a href="package-summary.html#resolution-sla">Resolution SLA attainment</a>. */
  RESOLUTION_SLA_ATTAINMENT(KpiValues::resolutionSlaAttainment),
  /** <a href="package-summary.html#reopen-rate">Reopen rate</a>. */
  REOPEN_RATE(KpiValues::reopenRate),
  /** <a href="package-summary.html#callback-completion">Callback completion</a> rate. */
  CALLBACK_COMPLETION(KpiValues::callbackCompletionRate),
  /** <a href="package-summary.html#communications">Agent replies</a> sent. */
  AGENT_REPLIES(v -> OptionalDouble.of(v.agentReplies())),
  /** <a href="package-summary.html#communications">Customer replies</a> recorded. */
  CUSTOMER_REPLIES(v -> OptionalDouble.of(v.customerReplies())),
  /** <a href="package-summary.html#communications">Internal notes</a> written. */
  INTERNAL_NOTES(v -> OptionalDouble.of(v.internalNotes())),
  /** Mean <a href="package-summary.html#communications">agent replies per ticket</a>. */
  AGENT_REPLIES_PER_TICKET(KpiValues::agentRepliesPerTicket);

  private final Function<KpiValues, OptionalDouble> extractor;

  Kpi(Function<KpiValues, OptionalDouble> extractor) {
    this.extractor = extractor;
  }

  /**
   * Returns this KPI's value.
   *
   * @param values the slice's values
   * @return the number, empty if not measurable
   */
  public OptionalDouble of(KpiValues values) {
    return extractor.apply(values);
  }

  private static OptionalDouble minutes(Optional<java.time.Duration> d) {
    return d.map(x -> OptionalDouble.of(x.getSeconds() / 60.0 + x.getNano() / 60e9))
        .orElse(OptionalDouble.empty());
  }
}
