package io.loopdesk.spring.boot;

import io.loopdesk.desk.Loopdesk;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * Adds the {@code loopdesk} health indicator when the application has Spring Boot 4's health
 * support (Actuator): store reachable, SLA monitor running and not lagging. Turn it off with {@code
 * management.health.loopdesk.enabled=false}.
 */
@AutoConfiguration(after = LoopdeskAutoConfiguration.class)
@ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
@ConditionalOnBean(Loopdesk.class)
public class LoopdeskHealthAutoConfiguration {

  /** Creates the configuration; Spring Boot does. */
  public LoopdeskHealthAutoConfiguration() {}

  /**
   * The health indicator.
   *
   * @param loopdesk the desk
   * @param monitor the SLA monitor, absent when {@code loopdesk.monitor.enabled=false}
   * @param properties the starter's settings
   * @return the indicator
   */
  @Bean
  @ConditionalOnMissingBean(name = "loopdeskHealthIndicator")
  @ConditionalOnEnabledHealthIndicator("loopdesk")
  public LoopdeskHealthIndicator loopdeskHealthIndicator(
      Loopdesk loopdesk,
      ObjectProvider<LoopdeskSlaMonitor> monitor,
      LoopdeskProperties properties) {
    return new LoopdeskHealthIndicator(
        loopdesk, monitor.getIfAvailable(), properties.getHealth().getMaxMonitorLag());
  }
}
