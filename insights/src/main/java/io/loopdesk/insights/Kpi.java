package io.loopdesk.insights;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;

/** A single KPI as a number, for trends and monitoring. Durations are in minutes. */
public enum Kpi {
  /** Tickets opened. */
  TICKETS(v -> OptionalDouble.of(v.tickets())),
  /** Open tickets (backlog). */
  BACKLOG(v -> OptionalDouble.of(v.open())),
  /** Mean first response time, minutes. */
  FIRST_RESPONSE_MINUTES(v -> minutes(v.averageFirstResponse())),
  /** Mean handling time, minutes. */
  HANDLING_MINUTES(v -> minutes(v.averageHandling())),
  /** First-contact resolution rate. */
  FIRST_CONTACT_RESOLUTION(KpiValues::firstContactResolutionRate),
  /** Mean callback rating. */
  CSAT_AVERAGE(KpiValues::csatAverage),
  /** Share of satisfied callbacks (rating 4 or 5). */
  SATISFIED_RATE(KpiValues::satisfiedRate),
  /** Resolution SLA attainment. */
  RESOLUTION_SLA_ATTAINMENT(KpiValues::resolutionSlaAttainment),
  /** Reopen rate. */
  REOPEN_RATE(KpiValues::reopenRate),
  /** Callback completion rate. */
  CALLBACK_COMPLETION(KpiValues::callbackCompletionRate);

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
    return d.map(x -> OptionalDouble.of(x.getSeconds() / 60.0 + x.getNano() / 60e9)).orElse(OptionalDouble.empty());
  }
}
