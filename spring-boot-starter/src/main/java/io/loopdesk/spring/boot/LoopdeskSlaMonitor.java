package io.loopdesk.spring.boot;

import io.loopdesk.api.ValidationException;
import io.loopdesk.sla.SlaMonitor;
import io.loopdesk.sla.SlaTracker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the SLA monitor while the application context runs: started after the context's beans are
 * ready and stopped before they are destroyed, on a daemon thread of its own ({@code
 * loopdesk-sla-monitor}). Reports whether it runs and how far it is behind the earliest due SLA
 * checkpoint, for the health indicator. Thread-safe.
 */
public final class LoopdeskSlaMonitor implements SmartLifecycle {

  private final SlaTracker tracker;
  private final Clock clock;
  private final Duration period;
  private SlaMonitor monitor;
  private ScheduledExecutorService executor;

  /**
   * Creates the stopped monitor.
   *
   * @param tracker the SLA tracker to tick
   * @param clock gives {@code now} for each tick
   * @param period how often to tick
   */
  public LoopdeskSlaMonitor(SlaTracker tracker, Clock clock, Duration period) {
    if (tracker == null || clock == null) {
      throw new ValidationException(
          tracker == null ? "tracker" : "clock", null, "must not be null");
    }
    if (period == null || period.isNegative() || period.isZero()) {
      throw new ValidationException("loopdesk.monitor.period", period, "must be positive");
    }
    this.tracker = tracker;
    this.clock = clock;
    this.period = period;
  }

  @Override
  public synchronized void start() {
    if (monitor != null) {
      return;
    }
    executor =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "loopdesk-sla-monitor");
              thread.setDaemon(true);
              return thread;
            });
    monitor = SlaMonitor.start(tracker, clock, executor, period);
  }

  @Override
  public synchronized void stop() {
    if (monitor == null) {
      return;
    }
    monitor.close();
    executor.shutdown();
    monitor = null;
    executor = null;
  }

  @Override
  public synchronized boolean isRunning() {
    return monitor != null && !monitor.isClosed();
  }

  /** Returns how often the monitor ticks. */
  public Duration period() {
    return period;
  }

  /**
   * Returns how long the earliest queued SLA checkpoint has been due, or empty when none is due: a
   * monitor that keeps up shows at most about one period.
   *
   * @return the lag, if a checkpoint is overdue
   */
  public Optional<Duration> lag() {
    Instant now = clock.instant();
    return tracker
        .nextCheckpoint()
        .filter(next -> next.isBefore(now))
        .map(next -> Duration.between(next, now));
  }
}
