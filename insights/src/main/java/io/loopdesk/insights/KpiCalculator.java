package io.loopdesk.insights;

import io.loopdesk.api.ValidationException;
import io.loopdesk.api.event.TicketEvent;
import io.loopdesk.insights.internal.KpiEngine;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * Computes {@link KpiReport}s from ticket events, for example those of {@code
 * TicketStore.events(id)} for every ticket, or an export of the audit trail. Events of different
 * tickets may be interleaved; each ticket's own events must come in version order, starting with
 * the one that opened it (which tickets are counted: <a
 * href="package-summary.html#counted-tickets">KPI glossary</a>). Immutable and thread-safe; each
 * call is independent.
 *
 * <p>Every figure is defined once, in the package's <a href="package-summary.html#glossary">KPI
 * glossary</a>.
 */
public final class KpiCalculator {
  private final KpiEngine engine;

  private KpiCalculator(ZoneId zone, int topProblems) {
    this.engine = new KpiEngine(zone, topProblems);
  }

  /**
   * Returns a calculator.
   *
   * @param zone the zone in which months are counted, e.g. Asia/Shanghai
   * @param topProblems how many recurring problems to report, 1..1000
   * @return the calculator
   */
  public static KpiCalculator of(ZoneId zone, int topProblems) {
    if (zone == null) {
      throw new ValidationException("zone", null, "must not be null");
    }
    if (topProblems < 1 || topProblems > 1000) {
      throw new ValidationException("topProblems", topProblems, "must be between 1 and 1000");
    }
    return new KpiCalculator(zone, topProblems);
  }

  /**
   * Computes the KPIs of all events up to an instant.
   *
   * @param events the events
   * @param asOf the report instant; later events are ignored
   * @return the report
   */
  public KpiReport compute(Iterable<TicketEvent> events, Instant asOf) {
    return compute(events, List.of(), asOf);
  }

  /**
   * Computes the KPIs of all events up to an instant, with SLA attainment per target from the
   * outcomes an SLA module reported.
   *
   * @param events the events
   * @param slaOutcomes the SLA outcomes, in time order per ticket and target
   * @param asOf the report instant; later events and outcomes are ignored
   * @return the report
   */
  public KpiReport compute(
      Iterable<TicketEvent> events, Iterable<SlaOutcome> slaOutcomes, Instant asOf) {
    if (events == null) {
      throw new ValidationException("events", null, "must not be null");
    }
    if (slaOutcomes == null) {
      throw new ValidationException("slaOutcomes", null, "must not be null");
    }
    if (asOf == null) {
      throw new ValidationException("asOf", null, "must not be null");
    }
    return engine.compute(events, slaOutcomes, asOf);
  }
}
