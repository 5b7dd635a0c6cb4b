package io.loopdesk.examples.spring;

import io.loopdesk.insights.KpiReport;
import io.loopdesk.insights.KpiValues;
import io.loopdesk.spring.boot.StoreKpiReports;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Logs the desk's KPIs every {@code helpdesk.kpi-log-every}, from the starter's report source. */
@Component
public class KpiLogger {

  private static final Logger LOG = LoggerFactory.getLogger(KpiLogger.class);

  private final StoreKpiReports reports;
  private volatile KpiReport last;

  /**
   * Creates the logger.
   *
   * @param reports the starter's KPI report source
   */
  public KpiLogger(StoreKpiReports reports) {
    this.reports = reports;
  }

  /** Computes and logs the KPIs. */
  @Scheduled(
      fixedDelayString = "${helpdesk.kpi-log-every:PT10S}",
      initialDelayString = "${helpdesk.kpi-log-every:PT10S}")
  public void log() {
    KpiReport report = reports.get();
    last = report;
    KpiValues v = report.overall();
    LOG.info(
        "KPIs: {} tickets, {} open, {} resolved, {} closed, first response {}, FCR {}, CSAT {}",
        v.tickets(),
        v.open(),
        v.resolved(),
        v.closed(),
        v.averageFirstResponse().map(Duration::toString).orElse("-"),
        v.firstContactResolutionRate().isPresent()
            ? String.format("%.0f%%", 100 * v.firstContactResolutionRate().getAsDouble())
            : "-",
        v.csatAverage().isPresent() ? String.format("%.1f", v.csatAverage().getAsDouble()) : "-");
  }

  /** Returns the last report logged, or null before the first. */
  public KpiReport last() {
    return last;
  }
}
