package io.loopdesk.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.loopdesk.api.Category;
import io.loopdesk.api.Classification;
import io.loopdesk.api.Level;
import io.loopdesk.api.Page;
import io.loopdesk.api.ServiceDesk;
import io.loopdesk.api.Ticket;
import io.loopdesk.api.TicketId;
import io.loopdesk.api.TicketQuery;
import io.loopdesk.api.event.TicketEvent;
import io.loopdesk.api.spi.TicketStore;
import io.loopdesk.core.InMemoryTicketStore;
import io.loopdesk.core.ManualClock;
import io.loopdesk.spring.boot.app.CrmService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class LoopdeskHealthIndicatorTest {

  private static final Instant START = Instant.parse("2026-11-02T02:00:00Z");

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  LoopdeskAutoConfiguration.class, LoopdeskHealthAutoConfiguration.class))
          .withPropertyValues("loopdesk.metrics.enabled=false");

  /** A store that fails every read while {@code down} is set. */
  private static final class FlakyStore implements TicketStore {
    final AtomicBoolean down = new AtomicBoolean();
    final InMemoryTicketStore delegate = new InMemoryTicketStore();

    private void check() {
      if (down.get()) {
        throw new IllegalStateException("connection refused by db.internal:5432 for user crm");
      }
    }

    @Override
    public Optional<Ticket> find(TicketId id) {
      check();
      return delegate.find(id);
    }

    @Override
    public void save(TicketEvent event, Ticket ticket) {
      check();
      delegate.save(event, ticket);
    }

    @Override
    public List<TicketEvent> events(TicketId id) {
      check();
      return delegate.events(id);
    }

    @Override
    public Page<Ticket> query(TicketQuery query) {
      check();
      return delegate.query(query);
    }
  }

  private static Health health(org.springframework.context.ApplicationContext context) {
    return context.getBean("loopdeskHealthIndicator", LoopdeskHealthIndicator.class).health();
  }

  @Test
  void upWhileTheStoreAnswersAndTheMonitorRuns() {
    runner.run(
        context -> {
          Health health = health(context);
          assertThat(health.getStatus()).isEqualTo(Status.UP);
          assertThat(health.getDetails())
              .containsEntry("store", "InMemoryTicketStore reachable")
              .containsEntry("slaMonitor", "running every PT1S");
        });
  }

  @Test
  void downWhenTheStoreFailsWithoutEchoingTheDatabasesMessage() {
    FlakyStore store = new FlakyStore();
    runner
        .withBean(TicketStore.class, () -> store)
        .run(
            context -> {
              assertThat(health(context).getStatus()).isEqualTo(Status.UP);
              store.down.set(true);
              Health health = health(context);
              assertThat(health.getStatus()).isEqualTo(Status.DOWN);
              assertThat(health.getDetails().toString())
                  .contains("unreachable (IllegalStateException)")
                  .doesNotContain("db.internal")
                  .doesNotContain("crm");
              store.down.set(false);
              assertThat(health(context).getStatus()).isEqualTo(Status.UP);
            });
  }

  @Test
  void downWhenTheMonitorIsStopped() {
    runner.run(
        context -> {
          context.getBean(LoopdeskSlaMonitor.class).stop();
          Health health = health(context);
          assertThat(health.getStatus()).isEqualTo(Status.DOWN);
          assertThat(health.getDetails()).containsEntry("slaMonitor", "stopped");
        });
  }

  @Test
  void downWhenTheMonitorLagsBehindADueCheckpoint() {
    ManualClock clock = ManualClock.at(START);
    // the monitor ticks once at start, then not for an hour: checkpoints fall due without being
    // checked
    runner
        .withBean(Clock.class, () -> clock)
        .withPropertyValues("loopdesk.monitor.period=PT1H", "loopdesk.health.max-monitor-lag=PT5M")
        .run(
            context -> {
              ServiceDesk desk = context.getBean(ServiceDesk.class);
              Ticket t = desk.open(CrmService.newTicket("C-1"), CrmService.AGENT);
              desk.classify(
                  t.id(),
                  t.version(),
                  Classification.of(Category.PRODUCT_FAULT, Level.LOW, Level.LOW, Level.HIGH),
                  CrmService.AGENT);
              assertThat(context.getBean(io.loopdesk.desk.Loopdesk.class).sla().nextCheckpoint())
                  .isPresent();
              assertThat(health(context).getStatus()).isEqualTo(Status.UP);
              clock.advance(Duration.ofDays(10));
              Health health = health(context);
              assertThat(health.getStatus()).isEqualTo(Status.DOWN);
              assertThat(health.getDetails()).containsKey("slaMonitorProblem");
              assertThat(Duration.parse((String) health.getDetails().get("slaMonitorLag")))
                  .isGreaterThan(Duration.ofMinutes(5));
            });
  }

  @Test
  void withoutTheStartersMonitorTheIndicatorChecksTheStoreOnly() {
    runner
        .withPropertyValues("loopdesk.monitor.enabled=false")
        .run(
            context -> {
              Health health = health(context);
              assertThat(health.getStatus()).isEqualTo(Status.UP);
              assertThat(health.getDetails())
                  .containsEntry("slaMonitor", "not managed by the starter");
            });
  }

  @Test
  void managementHealthLoopdeskEnabledFalseRemovesTheIndicator() {
    runner
        .withPropertyValues("management.health.loopdesk.enabled=false")
        .run(context -> assertThat(context).doesNotHaveBean(LoopdeskHealthIndicator.class));
  }
}
