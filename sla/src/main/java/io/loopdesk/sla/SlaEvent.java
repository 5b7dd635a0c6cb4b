package io.loopdesk.sla;

import io.loopdesk.api.TicketId;
import java.time.Instant;
import java.util.Optional;

/**
 * Something that happened to an SLA clock. Emitted to {@link SlaListener}s and recorded in the
 * audit trail.
 */
public sealed interface SlaEvent {

  /** The prefix of the {@link #targetName()} of an OLA clock, followed by the team. */
  String OLA_PREFIX = "OLA:";

  /** The ticket. */
  TicketId ticketId();

  /** The clock's metric. */
  SlaMetric metric();

  /** The instant the event refers to (the exact threshold crossing for warnings and breaches). */
  Instant at();

  /** The team of an {@link SlaMetric#OLA} clock; empty for the customer-facing metrics. */
  Optional<String> team();

  /**
   * The name under which reports count this clock: the metric's name, e.g. {@code RESOLUTION}, or
   * {@code OLA:<team>} for a team's OLA clock.
   */
  default String targetName() {
    return team().map(team -> OLA_PREFIX + team).orElse(metric().name());
  }

  /**
   * A warning threshold was crossed.
   *
   * @param ticketId the ticket
   * @param metric the clock
   * @param threshold the crossed fraction of the target, e.g. 0.75
   * @param at when the threshold was crossed
   * @param target the target in force
   * @param olaTeam the team of an OLA clock, null for the other metrics
   */
  record Warned(
      TicketId ticketId,
      SlaMetric metric,
      double threshold,
      Instant at,
      SlaTarget target,
      String olaTeam)
      implements SlaEvent {

    /** A warning of a customer-facing clock (no team). */
    public Warned(
        TicketId ticketId, SlaMetric metric, double threshold, Instant at, SlaTarget target) {
      this(ticketId, metric, threshold, at, target, null);
    }

    @Override
    public Optional<String> team() {
      return Optional.ofNullable(olaTeam);
    }
  }

  /**
   * The target was exceeded.
   *
   * @param ticketId the ticket
   * @param metric the clock
   * @param at the deadline that passed
   * @param target the target in force
   * @param olaTeam the team of an OLA clock, null for the other metrics
   */
  record Breached(TicketId ticketId, SlaMetric metric, Instant at, SlaTarget target, String olaTeam)
      implements SlaEvent {

    /** A breach of a customer-facing clock (no team). */
    public Breached(TicketId ticketId, SlaMetric metric, Instant at, SlaTarget target) {
      this(ticketId, metric, at, target, null);
    }

    @Override
    public Optional<String> team() {
      return Optional.ofNullable(olaTeam);
    }
  }

  /**
   * The measured step happened.
   *
   * @param ticketId the ticket
   * @param metric the clock
   * @param at when it happened
   * @param withinTarget false when the clock had been breached before
   * @param olaTeam the team of an OLA clock, null for the other metrics
   */
  record Met(TicketId ticketId, SlaMetric metric, Instant at, boolean withinTarget, String olaTeam)
      implements SlaEvent {

    /** A customer-facing clock was met (no team). */
    public Met(TicketId ticketId, SlaMetric metric, Instant at, boolean withinTarget) {
      this(ticketId, metric, at, withinTarget, null);
    }

    /** {@link SlaResult#MET} when within the target, else {@link SlaResult#MET_LATE}. */
    public SlaResult result() {
      return withinTarget ? SlaResult.MET : SlaResult.MET_LATE;
    }

    @Override
    public Optional<String> team() {
      return Optional.ofNullable(olaTeam);
    }
  }
}
