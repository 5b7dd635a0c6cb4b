package io.loopdesk.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loopdesk.api.Actor;
import io.loopdesk.api.Assignment;
import io.loopdesk.api.Category;
import io.loopdesk.api.Channel;
import io.loopdesk.api.Classification;
import io.loopdesk.api.Customer;
import io.loopdesk.api.DelayRequest;
import io.loopdesk.api.Level;
import io.loopdesk.api.NewTicket;
import io.loopdesk.api.ServiceDesk;
import io.loopdesk.api.Ticket;
import io.loopdesk.api.TicketId;
import io.loopdesk.api.ValidationException;
import io.loopdesk.api.VersionConflictException;
import io.loopdesk.api.event.TicketChange;
import io.loopdesk.api.event.TicketEvent;
import io.loopdesk.core.ManualClock;
import io.loopdesk.core.ServiceDesks;
import io.loopdesk.routing.EscalationException.Problem;
import io.loopdesk.sla.EscalationAction;
import io.loopdesk.sla.SlaEvent;
import io.loopdesk.sla.SlaMetric;
import io.loopdesk.sla.SlaTarget;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * One example per rule of {@link Escalations} not shown by {@link EscalationsTest}: texts checked
 * before anything is read, the complaint rule's count and look-back, the SLA trigger and its words,
 * delay requests without a deadline or on the default calendar, their numbering and order, and
 * retrying after a concurrent change.
 */
class EscalationRulesTest {
  static final Actor AGENT = EscalationsTest.AGENT;
  static final Actor LEAD = EscalationsTest.LEAD;
  static final Actor LEAD0 = Actor.of("lead0", io.loopdesk.api.Role.TEAM_LEAD);
  static final Instant MONDAY_9 = EscalationsTest.MONDAY_9;
  static final TicketId MISSING = TicketId.of("T-missing");

  final ManualClock clock = ManualClock.at(MONDAY_9);
  final ServiceDesk desk =
      ServiceDesks.builder()
          .clock(clock)
          .deadlinePolicy((t, at) -> Optional.of(at.plus(Duration.ofDays(4))))
          .build();
  final EscalationChain chain = EscalationChain.standard("any", "lead0", "sup0", "ops0");

  Escalations.Builder escalations(ServiceDesk on) {
    return Escalations.builder(on, chain).clock(clock);
  }

  static Ticket ticket(ServiceDesk desk, String customerId, Category category, Level severity) {
    Ticket t =
        desk.open(
            NewTicket.builder()
                .channel(Channel.PHONE)
                .customer(Customer.of(customerId, "张三", "13812345678", null))
                .product("X9")
                .problem("broken")
                .build(),
            AGENT);
    t =
        desk.classify(
            t.id(),
            t.version(),
            Classification.of(category, Level.LOW, Level.HIGH, severity),
            AGENT);
    return desk.assign(t.id(), t.version(), Assignment.of("a1", "repair"), LEAD);
  }

  static String lastReason(ServiceDesk desk, TicketId id) {
    List<TicketEvent> history = desk.history(id);
    TicketChange change = history.get(history.size() - 1).change();
    return ((TicketChange.Escalated) change).escalation().reason();
  }

  @Test
  void blankTextsAreRejectedBeforeTheTicketIsLookedUp() {
    Escalations e = escalations(desk).build();
    assertThatThrownBy(() -> e.escalate(MISSING, 1, EscalationTrigger.MANUAL, " ", AGENT))
        .isInstanceOfSatisfying(
            ValidationException.class, x -> assertThat(x.field()).isEqualTo("detail"));
    assertThatThrownBy(() -> e.escalateAtLeast(MISSING, 1, EscalationTrigger.MANUAL, " ", AGENT))
        .isInstanceOfSatisfying(
            ValidationException.class, x -> assertThat(x.field()).isEqualTo("detail"));
    assertThatThrownBy(() -> e.deescalate(MISSING, 1, 0, " ", AGENT))
        .isInstanceOfSatisfying(
            ValidationException.class, x -> assertThat(x.field()).isEqualTo("reason"));
    assertThatThrownBy(() -> e.requestDelay(MISSING, MONDAY_9, " ", AGENT))
        .isInstanceOfSatisfying(
            ValidationException.class, x -> assertThat(x.field()).isEqualTo("reason"));
    assertThatThrownBy(() -> e.rejectDelay("DR-404", " ", LEAD))
        .isInstanceOfSatisfying(
            ValidationException.class, x -> assertThat(x.field()).isEqualTo("note"));
    assertThatThrownBy(() -> e.rejectDelay("DR-404", "no", LEAD))
        .isInstanceOfSatisfying(
            EscalationException.class,
            x -> {
              assertThat(x.problem()).isEqualTo(Problem.UNKNOWN_REQUEST);
              assertThat(x.ticketId()).isNull();
            });
  }

  @Test
  void theComplaintRuleCountsOnlyComplaintsWithinTheLookBack() {
    Escalations e = escalations(desk).repeatedComplaints(1, Duration.ofDays(7)).build();
    Ticket old = ticket(desk, "C-9", Category.COMPLAINT, Level.LOW);
    clock.set(MONDAY_9.plus(Duration.ofDays(8)));
    Ticket second = ticket(desk, "C-9", Category.COMPLAINT, Level.LOW);
    assertThat(e.onComplaint(second.id(), Actor.SYSTEM).orElseThrow().escalationLevel())
        .as("the first complaint is 8 days old, outside the 7-day look-back")
        .isEqualTo(1);
    Ticket third = ticket(desk, "C-9", Category.COMPLAINT, Level.LOW);
    assertThat(e.onComplaint(third.id(), Actor.SYSTEM).orElseThrow().escalationLevel())
        .isEqualTo(2);
    assertThat(lastReason(desk, third.id()))
        .contains("1 other complaints by the same customer within 7 days");
    assertThat(old.escalationLevel()).isZero();
  }

  @Test
  void theComplaintRuleNeedsACountOfOneOrMoreAndAPositiveLookBack() {
    assertThatThrownBy(() -> escalations(desk).repeatedComplaints(0, Duration.ofDays(1)))
        .isInstanceOfSatisfying(
            ValidationException.class, x -> assertThat(x.field()).isEqualTo("repeatedComplaints"));
    for (Duration bad : new Duration[] {null, Duration.ZERO, Duration.ofDays(-1)}) {
      assertThatThrownBy(() -> escalations(desk).repeatedComplaints(2, bad))
          .as(String.valueOf(bad))
          .isInstanceOfSatisfying(
              ValidationException.class, x -> assertThat(x.field()).isEqualTo("complaintLookBack"));
    }
    assertThat(escalations(desk).repeatedComplaints(1, Duration.ofSeconds(1)).build()).isNotNull();
  }

  @Test
  void slaEscalationsNameTheirTriggerAndThreshold() {
    Escalations e = escalations(desk).build();
    SlaTarget target = SlaTarget.roundTheClock(Duration.ofHours(48));
    Ticket warnedTicket = ticket(desk, "C-1", Category.PRODUCT_FAULT, Level.LOW);
    e.slaHandler()
        .execute(
            new EscalationAction(
                EscalationAction.Kind.NOTIFY_TEAM_LEAD,
                new SlaEvent.Warned(
                    warnedTicket.id(), SlaMetric.RESOLUTION, 0.75, MONDAY_9, target)));
    assertThat(lastReason(desk, warnedTicket.id()))
        .isEqualTo("SLA_WARNING: RESOLUTION warning at 75% -> team lead");
    Ticket breachedTicket = ticket(desk, "C-2", Category.PRODUCT_FAULT, Level.LOW);
    e.slaHandler()
        .execute(
            new EscalationAction(
                EscalationAction.Kind.NOTIFY_TEAM_LEAD,
                new SlaEvent.Breached(
                    breachedTicket.id(), SlaMetric.RESOLUTION, MONDAY_9, target)));
    assertThat(lastReason(desk, breachedTicket.id()))
        .isEqualTo("SLA_BREACH: RESOLUTION breached -> team lead");
  }

  @Test
  void aTicketWithoutADeadlineCannotBeDelayed() {
    ServiceDesk noDeadlines =
        ServiceDesks.builder().clock(clock).deadlinePolicy((t, at) -> Optional.empty()).build();
    Ticket t = ticket(noDeadlines, "C-1", Category.PRODUCT_FAULT, Level.LOW);
    assertThatThrownBy(
            () ->
                escalations(noDeadlines)
                    .build()
                    .requestDelay(t.id(), MONDAY_9.plus(Duration.ofDays(9)), "parts", AGENT))
        .isInstanceOfSatisfying(
            EscalationException.class,
            x -> {
              assertThat(x.problem()).isEqualTo(Problem.NO_DEADLINE);
              assertThat(x.ticketId()).isEqualTo(t.id());
            });
  }

  @Test
  void withoutCalendarsNoticeIsCountedRoundTheClock() {
    Escalations e = escalations(desk).build();
    Ticket t = ticket(desk, "C-1", Category.PRODUCT_FAULT, Level.LOW);
    Instant due = t.dueAt().orElseThrow();
    clock.set(due.minus(Duration.ofHours(24)));
    DelayRequest request = e.requestDelay(t.id(), due.plus(Duration.ofDays(1)), "parts", AGENT);
    assertThat(request.status()).isEqualTo(DelayRequest.Status.PENDING);
    assertThat(request.decided()).isEmpty();
    Ticket other = ticket(desk, "C-2", Category.PRODUCT_FAULT, Level.LOW);
    clock.set(other.dueAt().orElseThrow().minus(Duration.ofHours(23)));
    assertThatThrownBy(
            () ->
                e.requestDelay(
                    other.id(),
                    other.dueAt().orElseThrow().plus(Duration.ofDays(1)),
                    "parts",
                    AGENT))
        .isInstanceOfSatisfying(
            EscalationException.class, x -> assertThat(x.problem()).isEqualTo(Problem.TOO_LATE));
  }

  @Test
  void delayRequestsAreNumberedFromOneAndListedInThatOrder() {
    Escalations e = escalations(desk).build();
    Ticket t = ticket(desk, "C-1", Category.PRODUCT_FAULT, Level.LOW);
    Instant later = t.dueAt().orElseThrow().plus(Duration.ofDays(2));
    for (int i = 1; i <= 14; i++) {
      DelayRequest r = e.requestDelay(t.id(), later, "attempt " + i, AGENT);
      assertThat(r.id()).isEqualTo("DR-" + i);
      DelayRequest rejected = e.rejectDelay(r.id(), "no", LEAD0);
      assertThat(rejected.decided()).contains(clock.instant());
      assertThat(rejected.toString())
          .contains("DR-" + i, t.id().toString(), "approver=lead0", "REJECTED");
    }
    assertThat(e.delayRequests(t.id()).stream().map(DelayRequest::id).collect(Collectors.toList()))
        .isEqualTo(
            IntStream.rangeClosed(1, 14).mapToObj(i -> "DR-" + i).collect(Collectors.toList()));
    assertThat(e.delayRequests(TicketId.of("T-other"))).isEmpty();
  }

  /**
   * A desk whose first {@code conflicts} escalations fail as if another instance had just changed
   * the ticket.
   */
  static ServiceDesk conflicting(ServiceDesk desk, int conflicts, AtomicInteger escalateCalls) {
    return (ServiceDesk)
        Proxy.newProxyInstance(
            ServiceDesk.class.getClassLoader(),
            new Class<?>[] {ServiceDesk.class},
            (proxy, method, args) -> {
              if (method.getName().equals("escalate")
                  && escalateCalls.incrementAndGet() <= conflicts) {
                throw new VersionConflictException(
                    (TicketId) args[0], (Long) args[1], (Long) args[1] + 1);
              }
              try {
                return method.invoke(desk, args);
              } catch (InvocationTargetException x) {
                throw x.getCause();
              }
            });
  }

  @Test
  void automaticEscalationRetriesTwiceAfterConcurrentChangesThenGivesUp() {
    Ticket t = ticket(desk, "C-1", Category.PRODUCT_FAULT, Level.LOW);
    AtomicInteger calls = new AtomicInteger();
    Escalations twoConflicts = escalations(conflicting(desk, 2, calls)).build();
    assertThat(
            twoConflicts.escalateAtLeast(
                t.id(), 1, EscalationTrigger.SLA_WARNING, "late", Actor.SYSTEM))
        .hasValueSatisfying(after -> assertThat(after.escalationLevel()).isEqualTo(1));
    assertThat(calls.get()).isEqualTo(3);

    Ticket u = ticket(desk, "C-2", Category.PRODUCT_FAULT, Level.LOW);
    AtomicInteger more = new AtomicInteger();
    Escalations threeConflicts = escalations(conflicting(desk, 3, more)).build();
    assertThatThrownBy(
            () ->
                threeConflicts.escalateAtLeast(
                    u.id(), 1, EscalationTrigger.SLA_WARNING, "late", Actor.SYSTEM))
        .isInstanceOf(VersionConflictException.class);
    assertThat(more.get()).isEqualTo(3);
    assertThat(desk.get(u.id()).escalationLevel()).isZero();
  }
}
