package io.loopdesk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loopdesk.api.Actor;
import io.loopdesk.api.Assignment;
import io.loopdesk.api.CallbackResult;
import io.loopdesk.api.Category;
import io.loopdesk.api.Channel;
import io.loopdesk.api.Classification;
import io.loopdesk.api.IllegalTransitionException;
import io.loopdesk.api.Level;
import io.loopdesk.api.Role;
import io.loopdesk.api.ServiceDesk;
import io.loopdesk.api.Ticket;
import io.loopdesk.api.TicketAction;
import io.loopdesk.api.TicketStatus;
import io.loopdesk.api.ValidationException;
import io.loopdesk.api.event.TicketChange;
import io.loopdesk.api.event.TicketEvent;
import io.loopdesk.core.json.LoopdeskJson;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Agent replies, customer replies and internal notes: audited events that keep the status, with one
 * exception.
 */
class ConversationCommandsTest {
  private static final Actor CUSTOMER = Actor.of("C-1", Role.CUSTOMER);
  private final ManualClock clock = ManualClock.at(Instant.parse("2026-06-01T00:00:00Z"));
  private final InMemoryTicketStore store = new InMemoryTicketStore();
  private final ServiceDesk desk = ServiceDesks.builder().clock(clock).store(store).build();

  private Ticket inProgress(ServiceDesk on) {
    Ticket t = on.open(Fixtures.newTickets().sample(), Fixtures.AGENT);
    t =
        on.classify(
            t.id(),
            t.version(),
            Classification.of(Category.COMPLAINT, Level.LOW, Level.HIGH, Level.MEDIUM),
            Fixtures.AGENT);
    t = on.assign(t.id(), t.version(), Assignment.of("agent-007", "after-sales"), Fixtures.LEAD);
    return on.start(t.id(), t.version(), Fixtures.AGENT);
  }

  @Test
  void eachCommunicationIsAnAuditedChainedEventThatKeepsTheStatus() {
    Ticket t = inProgress(desk);
    clock.advance(Duration.ofMinutes(5));
    t =
        desk.replyToCustomer(
            t.id(), t.version(), Channel.EMAIL, "We are looking into it.", Fixtures.AGENT);
    assertThat(t.status()).isEqualTo(TicketStatus.IN_PROGRESS);
    t =
        desk.recordCustomerReply(
            t.id(), t.version(), Channel.ONLINE_CHAT, "Thanks, my number is 13800001111", CUSTOMER);
    t =
        desk.addInternalNote(
            t.id(), t.version(), "Customer sounds upset; offer a voucher", Fixtures.LEAD);
    assertThat(t.version()).isEqualTo(7);
    assertThat(t.status()).isEqualTo(TicketStatus.IN_PROGRESS);

    List<TicketEvent> trail = desk.history(t.id());
    assertThat(trail.subList(4, 7))
        .extracting(TicketEvent::change)
        .containsExactly(
            new TicketChange.AgentReplied(Channel.EMAIL, "We are looking into it."),
            new TicketChange.CustomerReplied(
                Channel.ONLINE_CHAT, "Thanks, my number is 13800001111", false),
            new TicketChange.InternalNoteAdded("Customer sounds upset; offer a voucher"));
    assertThat(trail.subList(4, 7))
        .extracting(TicketEvent::actor)
        .containsExactly(Fixtures.AGENT, CUSTOMER, Fixtures.LEAD);
    assertThat(trail.get(4).at()).isEqualTo(clock.instant());
    assertThat(trail).allSatisfy(e -> assertThat(e.chain()).isNotNull());
    assertThat(TicketHistoryVerifier.of(store, HistoryChain.sha256()).verify(t.id()).isIntact())
        .isTrue();
    assertThat(TicketEvent.replay(trail)).isEqualTo(t);
  }

  @Test
  void editingAStoredNoteBreaksTheHistoryChain() {
    Ticket t = inProgress(desk);
    t = desk.addInternalNote(t.id(), t.version(), "original note", Fixtures.AGENT);
    t = desk.replyToCustomer(t.id(), t.version(), Channel.PHONE, "called back", Fixtures.AGENT);
    List<TicketEvent> events = desk.history(t.id());
    TicketEvent note = events.get(4);
    TicketEvent forged =
        new TicketEvent(
            note.ticketId(),
            note.version(),
            note.at(),
            note.actor(),
            note.from(),
            note.to(),
            new TicketChange.InternalNoteAdded("forged note"),
            note.chain());
    HistoryChain chain = HistoryChain.sha256();
    assertThat(chain.stamp(forged.withChain(null), events.get(3).chain()).chain())
        .isNotEqualTo(note.chain());
    assertThat(chain.stamp(note.withChain(null), events.get(3).chain()).chain())
        .isEqualTo(note.chain());
  }

  @Test
  void aCustomerReplyResumesATicketWaitingOnTheCustomerAndThatIsWork() {
    Ticket t = inProgress(desk);
    t = desk.waitOnCustomer(t.id(), t.version(), "need the invoice photo", Fixtures.AGENT);
    t = desk.recordCustomerReply(t.id(), t.version(), Channel.APP, "photo attached", CUSTOMER);
    assertThat(t.status()).isEqualTo(TicketStatus.IN_PROGRESS);
    TicketEvent last = desk.history(t.id()).get((int) t.version() - 1);
    assertThat(last.from()).isEqualTo(TicketStatus.WAITING_ON_CUSTOMER);
    assertThat(last.change())
        .isEqualTo(new TicketChange.CustomerReplied(Channel.APP, "photo attached", true));
    assertThat(last.change().isWork()).isTrue();

    t = desk.waitOnThirdParty(t.id(), t.version(), "supplier", Fixtures.AGENT);
    t = desk.recordCustomerReply(t.id(), t.version(), Channel.APP, "any news?", CUSTOMER);
    assertThat(t.status())
        .as("a reply does not resume a wait on a third party")
        .isEqualTo(TicketStatus.WAITING_ON_THIRD_PARTY);
  }

  @Test
  void resumingOnCustomerRepliesCanBeSwitchedOff() {
    ServiceDesk keepWaiting =
        ServiceDesks.builder().clock(clock).resumeOnCustomerReply(false).build();
    Ticket t = inProgress(keepWaiting);
    t = keepWaiting.waitOnCustomer(t.id(), t.version(), "need the invoice photo", Fixtures.AGENT);
    t =
        keepWaiting.recordCustomerReply(
            t.id(), t.version(), Channel.APP, "photo attached", CUSTOMER);
    assertThat(t.status()).isEqualTo(TicketStatus.WAITING_ON_CUSTOMER);
    TicketEvent last = keepWaiting.history(t.id()).get((int) t.version() - 1);
    assertThat(((TicketChange.CustomerReplied) last.change()).resumed()).isFalse();
  }

  @Test
  void theResumeFollowsTheLifecycleAndItsGuards() {
    Lifecycle guarded =
        Lifecycle.standard().toBuilder()
            .guard(
                "resume-by-staff",
                (t, action, target, actor) ->
                    action.equals(TicketAction.RESUME) && actor.role() == Role.CUSTOMER
                        ? Optional.of("staff resume only")
                        : Optional.empty())
            .build();
    ServiceDesk guardedDesk = ServiceDesks.builder().clock(clock).lifecycle(guarded).build();
    Ticket t = inProgress(guardedDesk);
    t = guardedDesk.waitOnCustomer(t.id(), t.version(), "photo", Fixtures.AGENT);
    t =
        guardedDesk.recordCustomerReply(
            t.id(), t.version(), Channel.APP, "photo attached", CUSTOMER);
    assertThat(t.status())
        .as("the guard keeps the ticket waiting, the reply is recorded")
        .isEqualTo(TicketStatus.WAITING_ON_CUSTOMER);
    assertThat(t.version()).isEqualTo(6);

    Lifecycle noResume =
        Lifecycle.standard().toBuilder()
            .removeTransition(TicketStatus.WAITING_ON_CUSTOMER, TicketAction.RESUME)
            .build();
    ServiceDesk noResumeDesk = ServiceDesks.builder().clock(clock).lifecycle(noResume).build();
    Ticket u = inProgress(noResumeDesk);
    u = noResumeDesk.waitOnCustomer(u.id(), u.version(), "photo", Fixtures.AGENT);
    u =
        noResumeDesk.recordCustomerReply(
            u.id(), u.version(), Channel.APP, "photo attached", CUSTOMER);
    assertThat(u.status()).isEqualTo(TicketStatus.WAITING_ON_CUSTOMER);
  }

  @Test
  void communicationsKeepAConfirmingCallbackValid() {
    Ticket t = Scenarios.openAndResolve(desk, Fixtures.newTickets().sample());
    t =
        desk.recordCallback(
            t.id(), t.version(), CallbackResult.reached(true, 5, ""), Fixtures.AGENT);
    t =
        desk.replyToCustomer(
            t.id(), t.version(), Channel.of("SMS"), "Thank you for confirming", Fixtures.AGENT);
    t = desk.recordCustomerReply(t.id(), t.version(), Channel.EMAIL, "you're welcome", CUSTOMER);
    t = desk.addInternalNote(t.id(), t.version(), "closing", Fixtures.AGENT);
    assertThat(t.isCallbackConfirmed()).isTrue();
    t = desk.close(t.id(), t.version(), Fixtures.AGENT);
    assertThat(t.status()).isEqualTo(TicketStatus.CLOSED);
    Ticket closed = t;
    assertThatThrownBy(
            () -> desk.addInternalNote(closed.id(), closed.version(), "late note", Fixtures.AGENT))
        .isInstanceOf(IllegalTransitionException.class);
    assertThatThrownBy(
            () ->
                desk.recordCustomerReply(
                    closed.id(), closed.version(), Channel.EMAIL, "hi", CUSTOMER))
        .isInstanceOf(IllegalTransitionException.class);
  }

  @Test
  void badBodiesAreRejectedNamingTheFieldWithoutEchoingTheText() {
    Ticket t = inProgress(desk);
    String secret = "身份证 11010519491231002X";
    String tooLong = secret + "x".repeat(TicketChange.Communication.MAX_BODY_LENGTH);
    assertThatThrownBy(
            () -> desk.replyToCustomer(t.id(), t.version(), Channel.EMAIL, tooLong, Fixtures.AGENT))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> {
              assertThat(e.field()).isEqualTo("body");
              assertThat(e.getMessage()).doesNotContain("11010519491231002X");
            });
    assertThatThrownBy(() -> desk.addInternalNote(t.id(), t.version(), " \n ", Fixtures.AGENT))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("body"));
    assertThatThrownBy(
            () -> desk.recordCustomerReply(t.id(), t.version(), Channel.EMAIL, null, CUSTOMER))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("body"));
    assertThatThrownBy(
            () -> desk.replyToCustomer(t.id(), t.version(), null, secret, Fixtures.AGENT))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> {
              assertThat(e.field()).isEqualTo("channel");
              assertThat(e.getMessage()).doesNotContain("11010519491231002X");
            });
    assertThat(desk.get(t.id()).version()).isEqualTo(t.version());
  }

  @Test
  void toStringShowsNoBodyButJsonKeepsIt() throws Exception {
    String secret = "call me on 13800001111, li@example.cn";
    List<TicketChange> changes =
        List.of(
            new TicketChange.AgentReplied(Channel.EMAIL, secret),
            new TicketChange.CustomerReplied(Channel.PHONE, secret, true),
            new TicketChange.InternalNoteAdded(secret));
    for (TicketChange change : changes) {
      assertThat(change.toString())
          .doesNotContain("13800001111")
          .doesNotContain("li@example")
          .contains(secret.length() + " chars");
      String json = LoopdeskJson.newObjectMapper().writeValueAsString(change);
      assertThat(LoopdeskJson.newObjectMapper().readValue(json, TicketChange.class))
          .isEqualTo(change);
    }
    assertThat(changes.get(2))
        .isInstanceOfSatisfying(
            TicketChange.Communication.class, c -> assertThat(c.visibleToCustomer()).isFalse());
  }
}
