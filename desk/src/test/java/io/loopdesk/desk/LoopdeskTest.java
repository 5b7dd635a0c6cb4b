package io.loopdesk.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loopdesk.access.AccessDeniedException;
import io.loopdesk.access.AuditEntry;
import io.loopdesk.api.Actor;
import io.loopdesk.api.Category;
import io.loopdesk.api.Channel;
import io.loopdesk.api.Classification;
import io.loopdesk.api.Customer;
import io.loopdesk.api.Level;
import io.loopdesk.api.NewTicket;
import io.loopdesk.api.Priority;
import io.loopdesk.api.Role;
import io.loopdesk.api.ServiceDesk;
import io.loopdesk.api.Ticket;
import io.loopdesk.api.ValidationException;
import io.loopdesk.api.kb.KnowledgeBase;
import io.loopdesk.core.ManualClock;
import io.loopdesk.routing.EscalationChain;
import io.loopdesk.sla.SlaMetric;
import io.loopdesk.sla.calendar.BusinessCalendar;
import io.loopdesk.sla.calendar.HolidayCoverageException;
import io.loopdesk.sla.calendar.WorkingInterval;
import io.loopdesk.store.jdbc.JdbcTicketStore;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoopdeskTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  /**
   * Wednesday 30 September 2026, 10:00 in Shanghai: the last working morning before National Day.
   */
  private static final Instant EVE_OF_NATIONAL_DAY =
      OffsetDateTime.parse("2026-09-30T10:00:00+08:00").toInstant();

  private static final Actor AGENT = Actor.of("agent-1", Role.AGENT);

  private static BusinessCalendar office() {
    return BusinessCalendar.builder("office", SHANGHAI)
        .weekdays(WorkingInterval.parse("09:00-12:00"), WorkingInterval.parse("13:30-18:00"))
        .build();
  }

  private static Ticket openP1(ServiceDesk desk) {
    Ticket t =
        desk.open(
            NewTicket.builder()
                .channel(Channel.PHONE)
                .customer(Customer.of("C-1", "张三", "13812345678", null))
                .product("X9 phone")
                .problem("battery does not charge")
                .build(),
            AGENT);
    t =
        desk.classify(
            t.id(),
            t.version(),
            Classification.of(Category.PRODUCT_FAULT, Level.LOW, Level.LOW, Level.HIGH),
            AGENT);
    assertThat(t.priority().orElseThrow().priority()).isEqualTo(Priority.P1);
    return t;
  }

  @Test
  void p1DeadlineSkipsNationalDayAndCountsTheMakeUpSaturdayWithNoHolidayTyped() {
    ManualClock clock = ManualClock.at(EVE_OF_NATIONAL_DAY);
    try (Loopdesk loopdesk =
        Loopdesk.builder()
            .clock(clock)
            .calendar(office())
            .chinaHolidays()
            .withoutMonitor()
            .build()) {
      Ticket t = openP1(loopdesk.desk());
      // 48 working hours of 7.5 a day: 30 Sep 6.5 h; 1-7 Oct off; 8, 9, 10 (make-up Saturday), 12,
      // 13 Oct
      // 7.5 h each = 44 h; the last 4 h on Wednesday 14 Oct: 09:00-12:00 and 13:30-14:30.
      assertThat(t.dueAt()).contains(OffsetDateTime.parse("2026-10-14T14:30:00+08:00").toInstant());
      assertThat(
              loopdesk
                  .sla()
                  .status(t.id(), clock.instant())
                  .orElseThrow()
                  .clock(SlaMetric.RESOLUTION)
                  .orElseThrow()
                  .deadline())
          .isEqualTo(t.dueAt());
    }
  }

  @Test
  void withoutTheOverlayTheHolidayWeekCountsAsWorkingTime() {
    ManualClock clock = ManualClock.at(EVE_OF_NATIONAL_DAY);
    try (Loopdesk loopdesk =
        Loopdesk.builder().clock(clock).calendar(office()).withoutMonitor().build()) {
      Ticket t = openP1(loopdesk.desk());
      assertThat(t.dueAt()).contains(OffsetDateTime.parse("2026-10-08T14:30:00+08:00").toInstant());
    }
  }

  @Test
  void aDateBeyondTheHolidayDataFailsInsteadOfGuessing() {
    ManualClock clock = ManualClock.at(Instant.parse("2031-03-03T02:00:00Z"));
    try (Loopdesk loopdesk =
        Loopdesk.builder()
            .clock(clock)
            .calendar(office())
            .chinaHolidays()
            .withoutMonitor()
            .build()) {
      assertThatThrownBy(() -> openP1(loopdesk.desk()))
          .isInstanceOf(HolidayCoverageException.class);
    }
  }

  @Test
  void aResolutionBreachClimbsTheChainAndRaisesThePriorityThroughTheAuditedSystemView() {
    ManualClock clock = ManualClock.at(Instant.parse("2026-05-11T01:00:00Z"));
    try (Loopdesk loopdesk =
        Loopdesk.builder()
            .clock(clock)
            .withoutMonitor()
            .escalationChain(
                EscalationChain.standard("customer-service", "lead-1", "sup-1", "ops-1"))
            .build()) {
      Ticket t = openP1(loopdesk.desk());
      clock.advance(Duration.ofHours(49));
      loopdesk.sla().tick(clock.instant());
      Ticket after = loopdesk.desk().get(t.id());
      assertThat(after.escalationLevel()).isEqualTo(2);
      assertThat(after.priority().orElseThrow().priority()).isEqualTo(Priority.P0);
      assertThat(loopdesk.audit().entries())
          .anySatisfy(
              entry ->
                  assertThat(entry)
                      .isInstanceOfSatisfying(
                          AuditEntry.SystemAccess.class,
                          access ->
                              assertThat(access.purpose())
                                  .isEqualTo(Loopdesk.SLA_ESCALATION_PURPOSE)));
    }
  }

  @Test
  void theMonitorEscalatesABreachWithNoManualWiringOrTick() throws InterruptedException {
    ManualClock clock = ManualClock.at(Instant.parse("2026-05-11T01:00:00Z"));
    AtomicInteger notified = new AtomicInteger();
    try (Loopdesk loopdesk =
        Loopdesk.builder()
            .clock(clock)
            .monitorPeriod(Duration.ofMillis(10))
            .escalationNotifier(action -> notified.incrementAndGet())
            .build()) {
      Ticket t = openP1(loopdesk.desk());
      clock.advance(Duration.ofHours(49));
      Ticket after = t;
      for (int i = 0; i < 500 && after.priority().orElseThrow().priority() != Priority.P0; i++) {
        Thread.sleep(10);
        after = loopdesk.desk().get(t.id());
      }
      assertThat(after.priority().orElseThrow().priority()).isEqualTo(Priority.P0);
      assertThat(notified.get()).isPositive();
    }
  }

  @Test
  void withASupervisorABreachedTicketIsReassignedToThem() {
    ManualClock clock = ManualClock.at(Instant.parse("2026-05-11T01:00:00Z"));
    try (Loopdesk loopdesk =
        Loopdesk.builder()
            .clock(clock)
            .withoutMonitor()
            .teamLead("lead-1")
            .supervisor("sup-1", "customer-service")
            .build()) {
      Ticket t = openP1(loopdesk.desk());
      clock.advance(Duration.ofHours(49));
      loopdesk.sla().tick(clock.instant());
      Ticket after = loopdesk.desk().get(t.id());
      assertThat(after.assignee()).contains("sup-1");
      assertThat(after.escalationLevel()).isEqualTo(2);
    }
  }

  @Test
  void closingStopsTheMonitorItStarted() throws InterruptedException {
    AtomicInteger reads = new AtomicInteger();
    Clock counting =
        new Clock() {
          @Override
          public ZoneId getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(ZoneId zone) {
            return this;
          }

          @Override
          public Instant instant() {
            reads.incrementAndGet();
            return Instant.parse("2026-05-11T01:00:00Z");
          }
        };
    Loopdesk loopdesk =
        Loopdesk.builder().clock(counting).monitorPeriod(Duration.ofMillis(5)).build();
    for (int i = 0; i < 400 && reads.get() < 5; i++) {
      Thread.sleep(5);
    }
    assertThat(reads.get()).as("the monitor ticks on its own").isGreaterThanOrEqualTo(5);
    loopdesk.close();
    assertThat(loopdesk.isClosed()).isTrue();
    assertThat(loopdesk.monitor().orElseThrow().isClosed()).isTrue();
    Thread.sleep(50);
    int afterClose = reads.get();
    Thread.sleep(200);
    assertThat(reads.get()).as("no tick after close").isEqualTo(afterClose);
    loopdesk.close();
  }

  @Test
  void closingLeavesTheHostsSchedulerRunningAndClosesTheKnowledgeBase() {
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    AtomicBoolean kbClosed = new AtomicBoolean();
    KnowledgeBase kb =
        (KnowledgeBase)
            Proxy.newProxyInstance(
                KnowledgeBase.class.getClassLoader(),
                new Class<?>[] {KnowledgeBase.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("close")) {
                    kbClosed.set(true);
                    return null;
                  }
                  throw new UnsupportedOperationException(method.getName());
                });
    try {
      Loopdesk loopdesk =
          Loopdesk.builder().monitor(scheduler, Duration.ofMillis(50)).knowledgeBase(kb).build();
      assertThat(loopdesk.knowledgeBase()).containsSame(kb);
      loopdesk.close();
      assertThat(loopdesk.monitor().orElseThrow().isClosed()).isTrue();
      assertThat(scheduler.isShutdown()).isFalse();
      assertThat(kbClosed).isTrue();
    } finally {
      scheduler.shutdownNow();
    }
  }

  @Test
  void usersGetSecuredViewsAndAnUngrantedActorIsDenied() {
    try (Loopdesk loopdesk =
        Loopdesk.builder()
            .withoutMonitor()
            .administrator("admin-1")
            .user("agent-1", Role.AGENT, Set.of("customer-service"), Set.of())
            .user("qa-1", Role.QA_SPECIALIST)
            .build()) {
      Ticket t = openP1(loopdesk.desk());
      assertThat(loopdesk.directory().roleOf("agent-1")).contains(Role.AGENT);
      assertThat(loopdesk.as(Actor.of("qa-1", Role.QA_SPECIALIST)).get(t.id()).customer().name())
          .as("QA sees personal data masked")
          .isNotEqualTo("张三");
      assertThatThrownBy(() -> loopdesk.as(Actor.of("stranger", Role.SUPERVISOR)).get(t.id()))
          .isInstanceOf(AccessDeniedException.class);
    }
  }

  @Test
  void eventDeliveryWrapsTheTrackerAndEveryListenerSoAHostCanHoldEventsBack() {
    ManualClock clock = ManualClock.at(Instant.parse("2026-05-11T01:00:00Z"));
    List<Runnable> held = new ArrayList<>();
    List<String> heard = new ArrayList<>();
    try (Loopdesk loopdesk =
        Loopdesk.builder()
            .clock(clock)
            .withoutMonitor()
            .listener((event, ticket) -> heard.add(ticket.id().value()))
            .eventDelivery(
                listener -> (event, ticket) -> held.add(() -> listener.onEvent(event, ticket)))
            .build()) {
      Ticket t = openP1(loopdesk.desk());

      assertThat(held).as("the tracker's and the listener's deliveries of two events").hasSize(4);
      assertThat(heard).isEmpty();
      assertThat(loopdesk.sla().status(t.id(), clock.instant())).isEmpty();

      held.forEach(Runnable::run);
      assertThat(heard).containsExactly(t.id().value(), t.id().value());
      assertThat(
              loopdesk
                  .sla()
                  .status(t.id(), clock.instant())
                  .orElseThrow()
                  .clock(SlaMetric.RESOLUTION))
          .isPresent();
    }
  }

  @Test
  void anEventDeliveryReturningNoListenerIsRejected() {
    assertThatThrownBy(
            () -> Loopdesk.builder().withoutMonitor().eventDelivery(listener -> null).build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("eventDelivery");
  }

  @Test
  void usersWithoutAnAdministratorAreRejected() {
    assertThatThrownBy(
            () -> Loopdesk.builder().withoutMonitor().user("agent-1", Role.AGENT).build())
        .hasMessageContaining("administrator");
  }

  @Test
  void anEmbeddedH2FileKeepsTheTickets(@TempDir Path dir) {
    ManualClock clock = ManualClock.at(EVE_OF_NATIONAL_DAY);
    Ticket t;
    try (Loopdesk loopdesk =
        Loopdesk.builder()
            .clock(clock)
            .embeddedH2(dir.resolve("desk"))
            .calendar(office())
            .chinaHolidays()
            .withoutMonitor()
            .build()) {
      assertThat(loopdesk.store()).isInstanceOf(JdbcTicketStore.class);
      t = openP1(loopdesk.desk());
    }
    assertThat(JdbcTicketStore.embeddedH2(dir.resolve("desk")).find(t.id())).contains(t);
  }

  @Test
  void aDataSourceGetsTheJdbcStoreWithItsSchema() {
    org.h2.jdbcx.JdbcDataSource h2 = new org.h2.jdbcx.JdbcDataSource();
    h2.setURL("jdbc:h2:mem:loopdesk-datasource;DB_CLOSE_DELAY=-1");
    try (Loopdesk loopdesk = Loopdesk.builder().dataSource(h2).withoutMonitor().build()) {
      Ticket t = openP1(loopdesk.desk());
      assertThat(loopdesk.store()).isInstanceOf(JdbcTicketStore.class);
      assertThat(loopdesk.store().find(t.id())).contains(t);
    }
  }
}
