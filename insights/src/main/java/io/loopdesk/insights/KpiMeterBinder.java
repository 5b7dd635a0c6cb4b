package io.loopdesk.insights;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Publishes the overall KPIs and per-department values of the latest report as Micrometer gauges
 * named {@code loopdesk.kpi.<kpi>} (tag {@code department} for the per-department ones). Needs
 * {@code micrometer-core} on the class path. Call {@link #update()} whenever the host recomputes;
 * gauges read the latest report. Thread-safe.
 */
public final class KpiMeterBinder implements MeterBinder {
  private final Supplier<KpiReport> source;
  private final AtomicReference<KpiReport> latest = new AtomicReference<>();

  /**
   * Creates the binder.
   *
   * @param source computes a fresh report, e.g. from the store's events
   */
  public KpiMeterBinder(Supplier<KpiReport> source) {
    this.source = source;
  }

  /** Recomputes the report that the gauges read. */
  public void update() {
    latest.set(source.get());
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    if (latest.get() == null) {
      update();
    }
    for (Kpi kpi : Kpi.values()) {
      String name = "loopdesk.kpi." + kpi.name().toLowerCase(Locale.ROOT).replace('_', '.');
      Gauge.builder(name, latest, r -> kpi.of(r.get().overall()).orElse(Double.NaN))
          .register(registry);
      for (String department : latest.get().by(Dimension.DEPARTMENT).keySet()) {
        Gauge.builder(name, latest, r -> valueFor(r.get(), department, kpi))
            .tag("department", department)
            .register(registry);
      }
    }
  }

  private static double valueFor(KpiReport report, String department, Kpi kpi) {
    KpiValues v = report.by(Dimension.DEPARTMENT).get(department);
    return v == null ? Double.NaN : kpi.of(v).orElse(Double.NaN);
  }
}
