package io.loopdesk.spring.boot;

import io.loopdesk.api.TicketId;
import io.loopdesk.api.ValidationException;
import io.loopdesk.desk.Loopdesk;
import java.time.Duration;
import java.util.Optional;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The desk's health: DOWN when the store cannot be read, when the SLA monitor is stopped, or when
 * the earliest due SLA checkpoint has waited longer than the tolerated lag (warnings and breaches
 * would come late). Details name the store's type, the tracked tickets, the monitor's state and its
 * lag; never ticket content or a database message. Thread-safe.
 */
public final class LoopdeskHealthIndicator implements HealthIndicator {

  /** A ticket id no desk creates: reading it checks that the store answers. */
  private static final TicketId PROBE = TicketId.of("loopdesk-health-probe");

  private final Loopdesk loopdesk;
  private final LoopdeskSlaMonitor monitor;
  private final Duration maxLag;

  /**
   * Creates the indicator.
   *
   * @param loopdesk the desk
   * @param monitor the SLA monitor, or null when the application ticks the tracker itself
   * @param maxLag the longest tolerated monitor lag
   */
  public LoopdeskHealthIndicator(Loopdesk loopdesk, LoopdeskSlaMonitor monitor, Duration maxLag) {
    if (loopdesk == null) {
      throw new ValidationException("loopdesk", null, "must not be null");
    }
    if (maxLag == null || maxLag.isNegative()) {
      throw new ValidationException(
          "loopdesk.health.max-monitor-lag", maxLag, "must not be negative");
    }
    this.loopdesk = loopdesk;
    this.monitor = monitor;
    this.maxLag = maxLag;
  }

  @Override
  public Health health() {
    Health.Builder health = Health.up();
    String storeType = loopdesk.store().getClass().getSimpleName();
    try {
      loopdesk.store().find(PROBE);
      health.withDetail("store", storeType + " reachable");
    } catch (RuntimeException e) {
      return Health.down()
          .withDetail("store", storeType + " unreachable (" + e.getClass().getSimpleName() + ")")
          .build();
    }
    health.withDetail("trackedTickets", loopdesk.sla().trackedTickets());
    if (monitor == null) {
      return health.withDetail("slaMonitor", "not managed by the starter").build();
    }
    if (!monitor.isRunning()) {
      return health.down().withDetail("slaMonitor", "stopped").build();
    }
    Optional<Duration> lag = monitor.lag();
    health.withDetail("slaMonitor", "running every " + monitor.period());
    health.withDetail("slaMonitorLag", lag.orElse(Duration.ZERO).toString());
    if (lag.isPresent() && lag.get().compareTo(maxLag) > 0) {
      health
          .down()
          .withDetail(
              "slaMonitorProblem",
              "the earliest due SLA checkpoint has waited longer than " + maxLag);
    }
    return health.build();
  }
}
