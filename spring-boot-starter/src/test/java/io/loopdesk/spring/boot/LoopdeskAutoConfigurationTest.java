package io.loopdesk.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.loopdesk.api.Category;
import io.loopdesk.api.Classification;
import io.loopdesk.api.Level;
import io.loopdesk.api.ServiceDesk;
import io.loopdesk.api.Ticket;
import io.loopdesk.api.TicketListener;
import io.loopdesk.api.spi.TicketStore;
import io.loopdesk.core.InMemoryTicketStore;
import io.loopdesk.core.ManualClock;
import io.loopdesk.desk.DeskDefinition;
import io.loopdesk.desk.Loopdesk;
import io.loopdesk.insights.KpiMeterBinder;
import io.loopdesk.sla.SlaEvent;
import io.loopdesk.sla.SlaMetric;
import io.loopdesk.spring.boot.app.CrmService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

class LoopdeskAutoConfigurationTest {

  /**
   * Wednesday 30 September 2026, 10:00 in Shanghai: the last working morning before National Day.
   */
  private static final Instant EVE_OF_NATIONAL_DAY =
      OffsetDateTime.parse("2026-09-30T10:00:00+08:00").toInstant();

  private static final String[] OFFICE = {
    "loopdesk.calendars.office.zone=Asia/Shanghai",
    "loopdesk.calendars.office.weekly.WEEKDAYS[0]=09:00-12:00",
    "loopdesk.calendars.office.weekly.WEEKDAYS[1]=13:30-18:00",
    "loopdesk.calendars.office.holidays=china"
  };

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  LoopdeskAutoConfiguration.class, LoopdeskMetricsAutoConfiguration.class));

  private static DataSource h2() {
    return new DriverManagerDataSource(
        "jdbc:h2:mem:starter-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
  }

  private static Ticket openP1(ServiceDesk desk) {
    Ticket t = desk.open(CrmService.newTicket("C-1"), CrmService.AGENT);
    return desk.classify(
        t.id(),
        t.version(),
        Classification.of(Category.PRODUCT_FAULT, Level.LOW, Level.LOW, Level.HIGH),
        CrmService.AGENT);
  }

  @Test
  void withoutADataSourceTheDeskKeepsTicketsInMemory() {
    runner.run(
        context -> {
          assertThat(context).hasSingleBean(Loopdesk.class).hasSingleBean(ServiceDesk.class);
          assertThat(context.getBean(TicketStore.class)).isInstanceOf(InMemoryTicketStore.class);
          ServiceDesk desk = context.getBean(ServiceDesk.class);
          Ticket t = desk.open(CrmService.newTicket("C-1"), CrmService.AGENT);
          assertThat(context.getBean(Loopdesk.class).store().find(t.id())).contains(t);
        });
  }

  @Test
  void onTheApplicationsDataSourceTheJdbcStoreMigratesItsSchemaAtStart() {
    DataSource dataSource = h2();
    runner
        .withBean(DataSource.class, () -> dataSource)
        .run(
            context -> {
              TicketStore store = context.getBean(TicketStore.class);
              assertThat(store).isInstanceOf(SpringTransactionTicketStore.class);
              Ticket t =
                  context
                      .getBean(ServiceDesk.class)
                      .open(CrmService.newTicket("C-1"), CrmService.AGENT);
              JdbcTemplate jdbc = new JdbcTemplate(dataSource);
              assertThat(
                      jdbc.queryForObject(
                          "SELECT COUNT(*) FROM loopdesk_ticket WHERE id = ?",
                          Integer.class,
                          t.id().value()))
                  .isOne();
            });
  }

  @Test
  void storeTypeMemoryIgnoresTheDataSourceAndJoiningCanBeTurnedOff() {
    runner
        .withBean(DataSource.class, LoopdeskAutoConfigurationTest::h2)
        .withPropertyValues("loopdesk.store.type=memory")
        .run(
            context ->
                assertThat(context.getBean(TicketStore.class))
                    .isInstanceOf(InMemoryTicketStore.class));
    runner
        .withBean(DataSource.class, LoopdeskAutoConfigurationTest::h2)
        .withPropertyValues("loopdesk.store.join-spring-transactions=false")
        .run(
            context ->
                assertThat(context.getBean(TicketStore.class).getClass().getSimpleName())
                    .isEqualTo("JdbcTicketStore"));
  }

  @Test
  void storeTypeJdbcWithoutADataSourceFailsNamingTheProperty() {
    runner
        .withPropertyValues("loopdesk.store.type=jdbc")
        .run(
            context -> {
              assertThat(context).hasFailed();
              assertThat(context.getStartupFailure())
                  .rootCause()
                  .hasMessageContaining("loopdesk.store.type");
            });
  }

  @Test
  void theDeskComesFromThePropertiesWithTheApplicationsClock() {
    ManualClock clock = ManualClock.at(EVE_OF_NATIONAL_DAY);
    runner
        .withBean(Clock.class, () -> clock)
        .withPropertyValues(OFFICE)
        .run(
            context -> {
              Loopdesk loopdesk = context.getBean(Loopdesk.class);
              assertThat(loopdesk.clock()).isSameAs(clock);
              assertThat(loopdesk.calendars().names()).contains("office");
              assertThat(loopdesk.calendars().defaultCalendar().orElseThrow().name())
                  .isEqualTo("office");
              Ticket t = openP1(context.getBean(ServiceDesk.class));
              // the P1 resolution target, 48 working hours, skips National Day and counts the
              // make-up Saturday
              assertThat(t.dueAt())
                  .contains(OffsetDateTime.parse("2026-10-14T14:30:00+08:00").toInstant());
            });
  }

  @Test
  void usersAndRolesFromThePropertiesAreGranted() {
    runner
        .withPropertyValues(
            "loopdesk.access.administrator=admin-1",
            "loopdesk.access.users.lead-1.role=TEAM_LEAD",
            "loopdesk.access.users.lead-1.queues[0]=customer-service")
        .run(
            context -> {
              DeskDefinition definition = context.getBean(DeskDefinition.class);
              assertThat(definition.administrator()).contains("admin-1");
              assertThat(definition.users()).containsOnlyKeys("lead-1");
              assertThat(definition.users().get("lead-1").queues())
                  .containsExactly("customer-service");
            });
  }

  @Test
  void theApplicationsOwnBeansWin() {
    ManualClock clock = ManualClock.at(EVE_OF_NATIONAL_DAY);
    InMemoryTicketStore store = new InMemoryTicketStore();
    DeskDefinition definition =
        DeskDefinition.fromYaml(
            "calendars: { own: { zone: UTC, weekly: { EVERYDAY: ['00:00-24:00'] } } }");
    runner
        .withBean(Clock.class, () -> clock)
        .withBean(TicketStore.class, () -> store)
        .withBean(DeskDefinition.class, () -> definition)
        .withBean(DataSource.class, LoopdeskAutoConfigurationTest::h2)
        // ignored: the application's definition wins over the properties, even invalid ones
        .withPropertyValues("loopdesk.calendars.office.zone=Not/AZone")
        .run(
            context -> {
              Loopdesk loopdesk = context.getBean(Loopdesk.class);
              assertThat(loopdesk.store()).isSameAs(store);
              assertThat(loopdesk.calendars().names()).contains("own").doesNotContain("office");
              assertThat(context.getBean(DeskDefinition.class)).isSameAs(definition);
            });
  }

  @Test
  void anApplicationsLoopdeskAndServiceDeskReplaceTheStarters() {
    Loopdesk own = Loopdesk.builder().withoutMonitor().build();
    runner
        .withBean(Loopdesk.class, () -> own)
        .run(
            context -> {
              assertThat(context).hasSingleBean(Loopdesk.class);
              assertThat(context.getBean(Loopdesk.class)).isSameAs(own);
              assertThat(context.getBean(ServiceDesk.class)).isSameAs(own.desk());
            });
    ServiceDesk ownDesk = Loopdesk.builder().withoutMonitor().build().desk();
    runner
        .withBean("myDesk", ServiceDesk.class, () -> ownDesk)
        .run(
            context -> {
              assertThat(context).hasSingleBean(ServiceDesk.class);
              assertThat(context.getBean(ServiceDesk.class)).isSameAs(ownDesk);
            });
  }

  @Test
  void customizersAdjustTheBuilder() {
    AtomicInteger changes = new AtomicInteger();
    TicketListener listener = (event, after) -> changes.incrementAndGet();
    runner
        .withBean(LoopdeskBuilderCustomizer.class, () -> builder -> builder.listener(listener))
        .run(
            context -> {
              context
                  .getBean(ServiceDesk.class)
                  .open(CrmService.newTicket("C-1"), CrmService.AGENT);
              assertThat(changes).hasValue(1);
            });
  }

  @Test
  void loopdeskEnabledFalseConfiguresNothing() {
    runner
        .withPropertyValues("loopdesk.enabled=false")
        .run(
            context ->
                assertThat(context)
                    .doesNotHaveBean(Loopdesk.class)
                    .doesNotHaveBean(ServiceDesk.class)
                    .doesNotHaveBean(KpiMeterBinder.class));
  }

  @Test
  void theSlaMonitorRunsWithTheContextAndStopsWithIt() {
    List<SlaEvent> events = new CopyOnWriteArrayList<>();
    ManualClock clock = ManualClock.at(EVE_OF_NATIONAL_DAY);
    runner
        .withBean(Clock.class, () -> clock)
        .withPropertyValues(OFFICE)
        .withPropertyValues("loopdesk.monitor.period=PT0.05S")
        .withBean(
            LoopdeskBuilderCustomizer.class, () -> builder -> builder.slaListener(events::add))
        .run(
            context -> {
              LoopdeskSlaMonitor monitor = context.getBean(LoopdeskSlaMonitor.class);
              Loopdesk loopdesk = context.getBean(Loopdesk.class);
              assertThat(monitor.isRunning()).isTrue();
              assertThat(loopdesk.monitor())
                  .as("the starter's monitor replaces the builder's own")
                  .isEmpty();
              openP1(context.getBean(ServiceDesk.class));
              clock.advance(Duration.ofDays(30));
              long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
              while (events.stream().noneMatch(SlaEvent.Breached.class::isInstance)
                  && System.nanoTime() < deadline) {
                Thread.sleep(20);
              }
              assertThat(events)
                  .as("the monitor ticked without anyone calling tick()")
                  .anyMatch(SlaEvent.Breached.class::isInstance);
              context.close();
              assertThat(monitor.isRunning()).isFalse();
              assertThat(loopdesk.isClosed()).isTrue();
            });
  }

  @Test
  void aClusterInstanceNameMakesTheSlaTrackerFollowTheStoresFeed() {
    String url = "jdbc:h2:mem:cluster-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    ApplicationContextRunner instance =
        runner
            .withPropertyValues("loopdesk.monitor.enabled=false")
            .withBean(DataSource.class, () -> new DriverManagerDataSource(url, "sa", ""));
    instance
        .withPropertyValues("loopdesk.cluster.instance-name=a")
        .run(
            a ->
                instance
                    .withPropertyValues("loopdesk.cluster.instance-name=b")
                    .run(
                        b -> {
                          Ticket t = openP1(a.getBean(ServiceDesk.class));
                          Loopdesk one = a.getBean(Loopdesk.class);
                          Loopdesk other = b.getBean(Loopdesk.class);
                          one.sla().tick(one.clock().instant());
                          Map<SlaMetric, ?> clocks =
                              one.sla()
                                  .status(t.id(), one.clock().instant())
                                  .orElseThrow()
                                  .clocks();
                          assertThat(clocks).isNotEmpty();
                          other.sla().tick(other.clock().instant());
                          assertThat(
                                  other
                                      .sla()
                                      .status(t.id(), other.clock().instant())
                                      .orElseThrow()
                                      .clocks()
                                      .keySet())
                              .as("instance b learnt of a's ticket from the feed")
                              .isEqualTo(clocks.keySet());
                        }));
  }

  @Test
  void theSlaMonitorCanBeLeftToTheApplication() {
    runner
        .withPropertyValues("loopdesk.monitor.enabled=false")
        .run(
            context ->
                assertThat(context)
                    .hasSingleBean(Loopdesk.class)
                    .doesNotHaveBean(LoopdeskSlaMonitor.class));
  }

  @Test
  void withoutMicrometerThereAreNoKpiGaugesButReportsStillWork() {
    runner
        .withClassLoader(new FilteredClassLoader("io.micrometer"))
        .run(
            context -> {
              assertThat(context)
                  .doesNotHaveBean(KpiMeterBinder.class)
                  .doesNotHaveBean(KpiRefresher.class);
              context
                  .getBean(ServiceDesk.class)
                  .open(CrmService.newTicket("C-1"), CrmService.AGENT);
              assertThat(context.getBean(StoreKpiReports.class).get().overall().tickets()).isOne();
            });
  }
}
