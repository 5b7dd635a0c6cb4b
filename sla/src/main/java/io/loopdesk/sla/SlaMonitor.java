package io.loopdesk.sla;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Optional runner that ticks an {@link SlaTracker} periodically on a host-supplied {@link
 * ScheduledExecutorService}, with {@code now} taken from an injected {@link Clock}. Closing it
 * cancels the schedule; the executor stays owned by the host. Thread-safe.
 */
public final class SlaMonitor implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SlaMonitor.class);

  private final ScheduledFuture<?> future;

  private SlaMonitor(ScheduledFuture<?> future) {
    this.future = future;
  }

  /**
   * Starts ticking {@code tracker} every {@code period}. A failing tick is logged and the schedule
   * continues.
   *
   * @throws SlaPolicyException when an argument is null or the period is not positive
   */
  public static SlaMonitor start(
      SlaTracker tracker, Clock clock, ScheduledExecutorService executor, Duration period) {
    if (tracker == null || clock == null || executor == null) {
      throw new SlaPolicyException(
          tracker == null ? "tracker" : clock == null ? "clock" : "executor", null, "is required");
    }
    if (period == null || period.isNegative() || period.isZero()) {
      throw new SlaPolicyException("period", period, "must be positive");
    }
    Runnable tick =
        () -> {
          try {
            tracker.tick(clock.instant());
          } catch (RuntimeException e) {
            LOG.error("SLA tick failed", e);
          }
        };
    long nanos = period.toNanos();
    return new SlaMonitor(executor.scheduleAtFixedRate(tick, 0, nanos, TimeUnit.NANOSECONDS));
  }

  /** Stops the schedule (a tick in progress completes). */
  @Override
  public void close() {
    future.cancel(false);
  }

  /** True once closed. */
  public boolean isClosed() {
    return future.isCancelled();
  }
}
