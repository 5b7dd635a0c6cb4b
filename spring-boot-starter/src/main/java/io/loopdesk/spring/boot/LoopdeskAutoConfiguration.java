package io.loopdesk.spring.boot;

import io.loopdesk.api.ServiceDesk;
import io.loopdesk.api.spi.TicketStore;
import io.loopdesk.core.InMemoryTicketStore;
import io.loopdesk.desk.DeskDefinition;
import io.loopdesk.desk.Loopdesk;
import io.loopdesk.insights.KpiCalculator;
import io.loopdesk.routing.RoutingInput;
import io.loopdesk.sla.calendar.BusinessCalendar;
import io.loopdesk.store.jdbc.JdbcTicketStore;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.ResolvableType;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Configures a whole desk from the application's properties: the {@link DeskDefinition} from {@code
 * loopdesk.*}, a {@link TicketStore} on the application's {@link DataSource} (the JDBC store,
 * schema migrated at start, ticket changes joining Spring-managed transactions) or in memory when
 * there is none, the {@link Loopdesk} built on them with the application's {@link Clock} bean if it
 * has one, the {@link ServiceDesk}, the SLA monitor in the context's lifecycle and the KPI report
 * source. Every bean backs off when the application defines its own of the same type.
 */
@AutoConfiguration(
    afterName = {
      "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
      "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration"
    })
@ConditionalOnProperty(
    prefix = LoopdeskProperties.PREFIX,
    name = "enabled",
    havingValue = "true",
    matchIfMissing = true)
@EnableConfigurationProperties(LoopdeskProperties.class)
public class LoopdeskAutoConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(LoopdeskAutoConfiguration.class);
  private static final int TOP_PROBLEMS = 10;

  /** Creates the configuration; Spring Boot does. */
  public LoopdeskAutoConfiguration() {}

  /**
   * The desk definition read from the {@code loopdesk.*} properties. Routing rules may name
   * predicates ({@code when.predicates: [repeatCaller]}): each is a bean of type {@code
   * Predicate<RoutingInput>} of that bean name.
   *
   * @param environment the application's environment
   * @param beans the application's beans, for the routing predicates
   * @return the definition
   * @throws LoopdeskConfigurationException naming the first invalid property
   */
  @Bean
  @ConditionalOnMissingBean
  public DeskDefinition loopdeskDeskDefinition(
      ConfigurableEnvironment environment, ListableBeanFactory beans) {
    return DeskDefinitionProperties.read(environment, routingPredicates(beans));
  }

  /** The application's {@code Predicate<RoutingInput>} beans by bean name. */
  @SuppressWarnings("unchecked")
  static Map<String, Predicate<RoutingInput>> routingPredicates(ListableBeanFactory beans) {
    ResolvableType type = ResolvableType.forClassWithGenerics(Predicate.class, RoutingInput.class);
    Map<String, Predicate<RoutingInput>> predicates = new LinkedHashMap<>();
    for (String name : beans.getBeanNamesForType(type)) {
      predicates.put(name, (Predicate<RoutingInput>) beans.getBean(name));
    }
    return predicates;
  }

  /**
   * The ticket store: JDBC on the application's single {@link DataSource}, in memory without one
   * (or with {@code loopdesk.store.type=memory}).
   *
   * @param properties the starter's settings
   * @param dataSources the application's data sources
   * @return the store
   */
  @Bean
  @ConditionalOnMissingBean
  public TicketStore loopdeskTicketStore(
      LoopdeskProperties properties, ObjectProvider<DataSource> dataSources) {
    LoopdeskProperties.Store settings = properties.getStore();
    DataSource dataSource =
        settings.getType() == LoopdeskProperties.StoreType.MEMORY
            ? null
            : dataSources.getIfUnique();
    if (dataSource == null) {
      if (settings.getType() == LoopdeskProperties.StoreType.JDBC) {
        throw new LoopdeskConfigurationException(
            "loopdesk.store.type", "is jdbc, but the application has no single DataSource bean");
      }
      LOG.info(
          "Loopdesk keeps tickets in memory: nothing survives a restart (define a DataSource to keep them)");
      return new InMemoryTicketStore();
    }
    JdbcTicketStore store =
        JdbcTicketStore.builder()
            .dataSource(dataSource)
            .migrateSchema(settings.isMigrateSchema())
            .build();
    return settings.isJoinSpringTransactions()
        ? new SpringTransactionTicketStore(store, dataSource)
        : store;
  }

  /**
   * The desk, wired by {@link Loopdesk#builder()} without its own SLA monitor (see {@link
   * #loopdeskSlaMonitor}); closed with the context. On a store that joins Spring transactions, the
   * SLA tracker and the desk's listeners receive an event made inside a transaction only after it
   * commits.
   *
   * @param properties the starter's settings
   * @param definition the desk definition
   * @param store the ticket store
   * @param clock the application's clock, if it defines one (else the UTC system clock)
   * @param customizers adjust the builder before it builds
   * @return the desk
   */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  public Loopdesk loopdesk(
      LoopdeskProperties properties,
      DeskDefinition definition,
      TicketStore store,
      ObjectProvider<Clock> clock,
      ObjectProvider<LoopdeskBuilderCustomizer> customizers) {
    Loopdesk.Builder builder =
        Loopdesk.builder()
            .clock(clock.getIfAvailable(Clock::systemUTC))
            .store(store)
            .definition(definition)
            .withoutMonitor();
    String instance = properties.getCluster().getInstanceName();
    if (instance != null && !instance.isBlank()) {
      builder.cluster(instance);
    }
    if (store instanceof SpringTransactionTicketStore spring) {
      builder.eventDelivery(listener -> new AfterCommitListener(listener, spring));
    }
    customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
    return builder.build();
  }

  /**
   * The service desk (the raw one, which checks no rights: hand users {@code loopdesk.as(actor)}
   * views).
   *
   * @param loopdesk the desk
   * @return its service desk
   */
  @Bean
  @ConditionalOnMissingBean
  public ServiceDesk serviceDesk(Loopdesk loopdesk) {
    return loopdesk.desk();
  }

  /**
   * The SLA monitor, started and stopped with the application context.
   *
   * @param loopdesk the desk
   * @param properties the starter's settings
   * @return the stopped monitor
   */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnProperty(
      prefix = "loopdesk.monitor",
      name = "enabled",
      havingValue = "true",
      matchIfMissing = true)
  public LoopdeskSlaMonitor loopdeskSlaMonitor(Loopdesk loopdesk, LoopdeskProperties properties) {
    return new LoopdeskSlaMonitor(
        loopdesk.sla(), loopdesk.clock(), properties.getMonitor().getPeriod());
  }

  /**
   * Computes KPI reports from the store, for the KPI gauges and for the application.
   *
   * @param loopdesk the desk
   * @param properties the starter's settings
   * @return the report source
   */
  @Bean
  @ConditionalOnMissingBean
  public StoreKpiReports loopdeskKpiReports(Loopdesk loopdesk, LoopdeskProperties properties) {
    LoopdeskProperties.Metrics metrics = properties.getMetrics();
    ZoneId zone =
        metrics.getZone() != null
            ? metrics.getZone()
            : loopdesk
                .calendars()
                .defaultCalendar()
                .map(BusinessCalendar::zone)
                .orElse(ZoneOffset.UTC);
    return new StoreKpiReports(
        loopdesk.store(),
        loopdesk.clock(),
        KpiCalculator.of(zone, TOP_PROBLEMS),
        metrics.getWindow(),
        metrics.getMaxTickets());
  }
}
