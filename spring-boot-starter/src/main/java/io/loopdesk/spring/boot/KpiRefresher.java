package io.loopdesk.spring.boot;

import io.loopdesk.api.ValidationException;
import io.loopdesk.insights.KpiMeterBinder;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Recomputes the report behind the KPI gauges on a schedule while the application context runs, on
 * a daemon thread of its own ({@code loopdesk-kpi}). A failed refresh is logged and the gauges keep
 * the last report. Thread-safe.
 */
public final class KpiRefresher implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(KpiRefresher.class);

  private final KpiMeterBinder binder;
  private final Duration period;
  private ScheduledExecutorService executor;

  /**
   * Creates the stopped refresher.
   *
   * @param binder the gauges' binder
   * @param period how often to recompute
   */
  public KpiRefresher(KpiMeterBinder binder, Duration period) {
    if (binder == null) {
      throw new ValidationException("binder", null, "must not be null");
    }
    if (period == null || period.isNegative() || period.isZero()) {
      throw new ValidationException("loopdesk.metrics.refresh", period, "must be positive");
    }
    this.binder = binder;
    this.period = period;
  }

  @Override
  public synchronized void start() {
    if (executor != null) {
      return;
    }
    executor =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "loopdesk-kpi");
              thread.setDaemon(true);
              return thread;
            });
    long millis = Math.max(1, period.toMillis());
    executor.scheduleWithFixedDelay(this::refresh, millis, millis, TimeUnit.MILLISECONDS);
  }

  private void refresh() {
    try {
      binder.update();
    } catch (RuntimeException e) {
      LOG.warn("KPI refresh failed; the gauges keep the last report", e);
    }
  }

  @Override
  public synchronized void stop() {
    if (executor != null) {
      executor.shutdownNow();
      executor = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return executor != null;
  }
}
