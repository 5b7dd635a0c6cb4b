package io.loopdesk.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loopdesk.api.Actor;
import io.loopdesk.api.Channel;
import io.loopdesk.api.Customer;
import io.loopdesk.api.NewTicket;
import io.loopdesk.api.Role;
import io.loopdesk.api.ServiceDesk;
import io.loopdesk.api.Ticket;
import io.loopdesk.api.TicketId;
import io.loopdesk.api.TicketStatus;
import io.loopdesk.api.ValidationException;
import io.loopdesk.api.event.TicketEvent;
import io.loopdesk.core.ManualClock;
import io.loopdesk.core.ServiceDesks;
import io.loopdesk.sla.CustomerProgress.Handler;
import io.loopdesk.sla.CustomerProgress.Stage;
import io.loopdesk.sla.calendar.CalendarRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Each rule of the customer's progress view, one example at a time: stages, handlers, expected
 * time, masking.
 */
class CustomerProgressRulesTest {

  private static final Actor AGENT = Actor.of("agent-7", Role.AGENT);
  private static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");

  private final ManualClock clock = ManualClock.at(T0);
  private final ServiceDesk desk = ServiceDesks.builder().clock(clock).build();
  private final Ticket opened =
      desk.open(
          NewTicket.builder()
              .channel(Channel.PHONE)
              .customer(Customer.of("c-9", "Li Lei", "13900000000", "li@example.com"))
              .product("router X1")
              .problem("no connection at all")
              .build(),
          AGENT);

  @Test
  void everyStandardStatusHasItsStageStepAndWording() {
    Map<TicketStatus, Stage> expected = new LinkedHashMap<>();
    expected.put(TicketStatus.RECEIVED, Stage.RECEIVED);
    expected.put(TicketStatus.CLASSIFIED, Stage.REVIEWED);
    expected.put(TicketStatus.ASSIGNED, Stage.ASSIGNED);
    expected.put(TicketStatus.IN_PROGRESS, Stage.IN_PROGRESS);
    expected.put(TicketStatus.WAITING_ON_CUSTOMER, Stage.WAITING_FOR_YOU);
    expected.put(TicketStatus.WAITING_ON_THIRD_PARTY, Stage.WAITING_FOR_OTHERS);
    expected.put(TicketStatus.RESOLVED, Stage.RESOLVED);
    expected.put(TicketStatus.CALLBACK, Stage.CONFIRMING);
    expected.put(TicketStatus.UNREACHABLE, Stage.CONFIRMING);
    expected.put(TicketStatus.CLOSED, Stage.CLOSED);
    expected.forEach((status, stage) -> assertEquals(stage, Stage.of(status), status.toString()));
    assertEquals(Stage.UNDER_REVIEW, Stage.of(TicketStatus.of("QA_REVIEW")), "a custom status");

    int[] steps = {1, 2, 3, 4, 4, 4, 4, 5, 6, 7};
    Stage[] stages = Stage.values();
    for (int i = 0; i < stages.length; i++) {
      assertEquals(steps[i], stages[i].step(), stages[i].name());
    }
    assertEquals(CustomerProgress.STEPS, Stage.CLOSED.step());
    Set<String> zh = new HashSet<>();
    Set<String> en = new HashSet<>();
    for (Stage stage : stages) {
      assertTrue(zh.add(stage.zh()) && !stage.zh().isBlank(), "distinct Chinese wording: " + stage);
      assertTrue(en.add(stage.en()) && !stage.en().isBlank(), "distinct English wording: " + stage);
    }
    assertEquals("处理中", Stage.IN_PROGRESS.zh());
    assertEquals("We are working on it", Stage.IN_PROGRESS.en());
  }

  @Test
  void theHandlerIsNamedByRoleFromTheEscalationLevelAndTheAssignment() {
    assertEquals(Handler.SERVICE_CENTRE, view(opened).handledBy(), "nobody assigned");
    assertEquals(Handler.AGENT, view(opened.toBuilder().assignee("agent-7").build()).handledBy());
    assertEquals(
        Handler.TEAM_LEAD,
        view(opened.toBuilder().assignee("agent-7").escalationLevel(1).build()).handledBy());
    assertEquals(
        Handler.SERVICE_MANAGER, view(opened.toBuilder().escalationLevel(2).build()).handledBy());
    assertEquals(
        Handler.SERVICE_MANAGER, view(opened.toBuilder().escalationLevel(3).build()).handledBy());
    Set<String> words = new HashSet<>();
    for (Handler handler : Handler.values()) {
      assertTrue(words.add(handler.zh()) && words.add(handler.en()), handler.name());
    }
    assertEquals("客服主管", Handler.TEAM_LEAD.zh());
    assertEquals("a team lead", Handler.TEAM_LEAD.en());
    CustomerProgress progress = view(opened.toBuilder().escalationLevel(1).build());
    assertEquals(Stage.RECEIVED.zh(), progress.statusZh());
    assertEquals(Stage.RECEIVED.en(), progress.statusEn());
    assertEquals(1, progress.step());
  }

  @Test
  void theExpectedTimeComesFromTheSlaClockOrTheDueDateAndEndsAtResolution() {
    Instant due = T0.plus(Duration.ofHours(48));
    Ticket inProgress = opened.toBuilder().status(TicketStatus.IN_PROGRESS).dueAt(due).build();
    assertEquals(
        Optional.of(due), view(inProgress).expectedBy(), "no SLA clock: the ticket's due date");
    assertEquals(due, view(inProgress).expectedByOrNull());

    Instant slaDeadline = T0.plus(Duration.ofHours(24));
    SlaTracker tracker = SlaTracker.builder(SlaPolicy.standard(), CalendarRegistry.of()).build();
    ServiceDesk tracked = ServiceDesks.builder().clock(clock).listener(tracker).build();
    Ticket ticket =
        tracked.open(
            NewTicket.builder()
                .channel(Channel.PHONE)
                .customer(Customer.of("c-9", "Li Lei", "13900000000", null))
                .product("router X1")
                .problem("no connection at all")
                .build(),
            AGENT);
    ticket =
        tracked.classify(
            ticket.id(),
            ticket.version(),
            io.loopdesk.api.Classification.of(
                io.loopdesk.api.Category.PRODUCT_FAULT,
                io.loopdesk.api.Level.HIGH,
                io.loopdesk.api.Level.HIGH,
                io.loopdesk.api.Level.HIGH),
            AGENT);
    Optional<TicketSla> sla = tracker.status(ticket.id(), clock.instant());
    assertTrue(sla.isPresent());
    CustomerProgress withClock = CustomerProgress.of(ticket, tracked.history(ticket.id()), sla);
    assertEquals(
        sla.get().clock(SlaMetric.RESOLUTION).orElseThrow().deadline(),
        withClock.expectedBy(),
        "the SLA clock wins over the due date");
    assertEquals(Optional.of(slaDeadline), withClock.expectedBy(), "P0 resolution on 24x7");

    assertEquals(
        Optional.empty(),
        view(inProgress.toBuilder().status(TicketStatus.RESOLVED).build()).expectedBy());
    assertNull(view(inProgress.toBuilder().status(TicketStatus.CLOSED).build()).expectedByOrNull());
    assertEquals(
        Optional.of(due),
        view(inProgress.toBuilder().status(TicketStatus.of("QA_REVIEW")).build()).expectedBy(),
        "a custom step before resolution still shows the time");
  }

  @Test
  void anAgentReplyKeepsTheCustomersOwnContactDataAndMasksOthers() {
    Ticket ticket =
        desk.replyToCustomer(
            opened.id(),
            opened.version(),
            Channel.EMAIL,
            "We will call 13900000000 or write to li@example.com; our engineer is wang@partner.com, 13811112222.",
            AGENT);
    ticket =
        desk.recordCustomerReply(
            ticket.id(),
            ticket.version(),
            Channel.EMAIL,
            "my other number is 13700001111",
            Actor.of("c-9", Role.CUSTOMER));
    CustomerProgress progress =
        CustomerProgress.of(ticket, desk.history(ticket.id()), Optional.empty());
    assertEquals(2, progress.messages().size());
    String agentText = progress.messages().get(0).body();
    assertTrue(
        agentText.contains("13900000000") && agentText.contains("li@example.com"), agentText);
    assertFalse(
        agentText.contains("wang@partner.com") || agentText.contains("13811112222"), agentText);
    assertEquals(CustomerProgress.Sender.SERVICE_TEAM, progress.messages().get(0).from());
    assertEquals(CustomerProgress.Sender.YOU, progress.messages().get(1).from());
    assertEquals(
        "my other number is 13700001111",
        progress.messages().get(1).body(),
        "the customer's own words");
    String shown = progress.messages().get(1).toString();
    assertTrue(shown.contains("<30 chars>") && !shown.contains("13700001111"), shown);

    Ticket masked = ticket.toBuilder().customer(ticket.customer().masked()).build();
    String maskedText =
        CustomerProgress.of(masked, desk.history(ticket.id()), Optional.empty())
            .messages()
            .get(0)
            .body();
    assertFalse(
        maskedText.contains("13900000000"),
        "a masked customer's data is not known to be theirs: " + maskedText);
  }

  @Test
  void argumentsAreChecked() {
    List<TicketEvent> history = desk.history(opened.id());
    assertEquals(
        "ticket",
        assertThrows(
                ValidationException.class,
                () -> CustomerProgress.of(null, history, Optional.empty()))
            .field());
    assertEquals(
        "history",
        assertThrows(
                ValidationException.class,
                () -> CustomerProgress.of(opened, null, Optional.empty()))
            .field());
    assertEquals(
        "sla",
        assertThrows(ValidationException.class, () -> CustomerProgress.of(opened, history, null))
            .field());
    Ticket other = opened.toBuilder().id(TicketId.of("T-other")).build();
    assertEquals(
        "history",
        assertThrows(
                ValidationException.class,
                () -> CustomerProgress.of(other, history, Optional.empty()))
            .field());
  }

  private CustomerProgress view(Ticket ticket) {
    return CustomerProgress.of(
        ticket,
        desk.history(opened.id()).stream().filter(e -> e.ticketId().equals(ticket.id())).toList(),
        Optional.empty());
  }

  @Test
  void aPolicyDescribesItsRules() {
    String text = SlaPolicy.standard().toString();
    assertTrue(
        text.startsWith("SlaPolicy[rules=")
            && text.contains("pausing=")
            && text.contains("warnings="),
        text);
  }
}
