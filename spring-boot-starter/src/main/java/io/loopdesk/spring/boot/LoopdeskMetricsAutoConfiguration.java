package io.loopdesk.spring.boot;

import io.loopdesk.insights.KpiMeterBinder;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * Publishes the desk's KPIs as Micrometer gauges ({@code loopdesk.kpi.*}) when the application has
 * Micrometer: the {@link KpiMeterBinder} bean is bound to every meter registry by Spring Boot's
 * metrics support, and a {@link KpiRefresher} recomputes the report behind it every {@code
 * loopdesk.metrics.refresh}.
 */
@AutoConfiguration(after = LoopdeskAutoConfiguration.class)
@ConditionalOnClass(name = "io.micrometer.core.instrument.binder.MeterBinder")
@ConditionalOnBean(StoreKpiReports.class)
@ConditionalOnProperty(
    prefix = "loopdesk.metrics",
    name = "enabled",
    havingValue = "true",
    matchIfMissing = true)
public class LoopdeskMetricsAutoConfiguration {

  /** Creates the configuration; Spring Boot does. */
  public LoopdeskMetricsAutoConfiguration() {}

  /**
   * The KPI gauges' binder.
   *
   * @param reports the report source
   * @return the binder
   */
  @Bean
  @ConditionalOnMissingBean
  public KpiMeterBinder loopdeskKpiMeterBinder(StoreKpiReports reports) {
    return new KpiMeterBinder(reports);
  }

  /**
   * Recomputes the gauges' report on a schedule while the context runs.
   *
   * @param binder the binder
   * @param properties the starter's settings
   * @return the stopped refresher
   */
  @Bean
  @ConditionalOnMissingBean
  public KpiRefresher loopdeskKpiRefresher(KpiMeterBinder binder, LoopdeskProperties properties) {
    return new KpiRefresher(binder, properties.getMetrics().getRefresh());
  }
}
