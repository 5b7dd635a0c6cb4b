package io.loopdesk.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.loopdesk.api.Actor;
import io.loopdesk.api.Assignment;
import io.loopdesk.api.CallbackResult;
import io.loopdesk.api.Category;
import io.loopdesk.api.Channel;
import io.loopdesk.api.Classification;
import io.loopdesk.api.Customer;
import io.loopdesk.api.Escalation;
import io.loopdesk.api.Level;
import io.loopdesk.api.LoopdeskException;
import io.loopdesk.api.NewTicket;
import io.loopdesk.api.Priority;
import io.loopdesk.api.Role;
import io.loopdesk.api.ServiceDesk;
import io.loopdesk.api.Ticket;
import io.loopdesk.core.ManualClock;
import io.loopdesk.core.ServiceDesks;
import io.loopdesk.core.json.LoopdeskJson;
import io.loopdesk.sla.calendar.CalendarRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * The customer's progress view never shows anything internal: over random tickets whose internal
 * notes, reasons, assignees, departments and escalation owners carry secret markers, and whose
 * agent replies quote another person's contact data, neither the view's JSON nor its {@code
 * toString()} contains any of them.
 */
class CustomerProgressProperties {

  private static final String SECRET = "SECRET-7f3a";
  private static final String OTHER_PHONE = "13912345678";
  private static final String OTHER_EMAIL = "other.person@example.org";
  private static final String CUSTOMER_NAME = "欧阳娜娜";
  private static final Actor AGENT = Actor.of("agent-" + SECRET, Role.AGENT);
  private static final Actor CUSTOMER = Actor.of("C-1", Role.CUSTOMER);
  private static final ObjectMapper JSON = LoopdeskJson.newObjectMapper();

  private static NewTicket request() {
    return NewTicket.builder()
        .channel(Channel.APP)
        .customer(
            Customer.builder("C-1")
                .name(CUSTOMER_NAME)
                .phone("13800001111")
                .email("nana@example.com")
                .build())
        .product("X9")
        .problem("屏幕碎了")
        .build();
  }

  @Property(tries = 120)
  void theSerialisedViewHoldsNothingInternal(
      @ForAll @Size(min = 1, max = 40) List<@IntRange(min = 0, max = 99) Integer> choices)
      throws Exception {
    ManualClock clock = ManualClock.at(Instant.parse("2026-11-02T09:00:00Z"));
    SlaTracker sla = SlaTracker.builder(SlaPolicy.standard(), CalendarRegistry.of()).build();
    ServiceDesk desk =
        ServiceDesks.builder()
            .clock(clock)
            .listener(sla)
            .deadlinePolicy(sla.deadlinePolicy())
            .build();
    Ticket t = desk.open(request(), AGENT);
    for (int choice : choices) {
      clock.advance(Duration.ofMinutes(7L * choice));
      try {
        t = step(desk, desk.get(t.id()), choice);
      } catch (LoopdeskException rejected) {
        // not allowed in this status: the next step tries something else
      }
      CustomerProgress view =
          CustomerProgress.of(
              desk.get(t.id()), desk.history(t.id()), sla.status(t.id(), clock.instant()));
      String shown = JSON.writeValueAsString(view) + view;
      for (String internal :
          List.of(SECRET, OTHER_PHONE, OTHER_EMAIL, CUSTOMER_NAME, "P0", "P1", "P2", "P3")) {
        assertFalse(shown.contains(internal), () -> internal + " leaked into " + shown);
      }
      assertEquals(view.stage().step(), view.step());
    }
  }

  private static Ticket step(ServiceDesk desk, Ticket t, int choice) {
    long v = t.version();
    return switch (choice % 14) {
      case 0 ->
          desk.classify(
              t.id(),
              v,
              Classification.of(Category.COMPLAINT, Level.HIGH, Level.LOW, Level.MEDIUM),
              AGENT);
      case 1 ->
          desk.assign(
              t.id(), v, Assignment.of(AGENT.id(), "dept-" + SECRET, "rule " + SECRET), AGENT);
      case 2 -> desk.start(t.id(), v, AGENT);
      case 3 -> desk.addInternalNote(t.id(), v, "note " + SECRET + " customer is difficult", AGENT);
      case 4 ->
          desk.replyToCustomer(
              t.id(),
              v,
              Channel.EMAIL,
              "您好，我们正在处理。另一位客户 " + OTHER_PHONE + " / " + OTHER_EMAIL + " 反馈了相同问题",
              AGENT);
      case 5 -> desk.recordCustomerReply(t.id(), v, Channel.APP, "好的，谢谢", CUSTOMER);
      case 6 -> desk.waitOnCustomer(t.id(), v, "wait " + SECRET, AGENT);
      case 7 -> desk.waitOnThirdParty(t.id(), v, "supplier " + SECRET, AGENT);
      case 8 -> desk.resume(t.id(), v, AGENT);
      case 9 -> desk.resolve(t.id(), v, "resolution " + SECRET, AGENT);
      case 10 ->
          desk.escalate(
              t.id(),
              v,
              Escalation.of(t.escalationLevel() + 1, "boss-" + SECRET, "why " + SECRET),
              AGENT);
      case 11 -> desk.reprioritise(t.id(), v, Priority.P0, "reason " + SECRET, AGENT);
      case 12 ->
          desk.recordCallback(
              t.id(), v, CallbackResult.reached(choice % 3 != 0, 5, "callback " + SECRET), AGENT);
      default -> desk.close(t.id(), v, AGENT);
    };
  }

  @Test
  void aWaitingComplaintShowsPlainWordsTheRoleAndTheExpectedTime() {
    ManualClock clock = ManualClock.at(Instant.parse("2026-11-02T09:00:00Z"));
    SlaTracker sla = SlaTracker.builder(SlaPolicy.standard(), CalendarRegistry.of()).build();
    ServiceDesk desk =
        ServiceDesks.builder()
            .clock(clock)
            .listener(sla)
            .deadlinePolicy(sla.deadlinePolicy())
            .build();
    Ticket t = desk.open(request(), AGENT);
    t =
        desk.classify(
            t.id(),
            t.version(),
            Classification.of(Category.PRODUCT_FAULT, Level.LOW, Level.HIGH, Level.LOW),
            AGENT);
    t = desk.assign(t.id(), t.version(), Assignment.of("agent-7", "after-sales"), AGENT);
    t = desk.start(t.id(), t.version(), AGENT);
    t =
        desk.replyToCustomer(
            t.id(), t.version(), Channel.EMAIL, "请上传发票，或发到 nana@example.com", AGENT);
    t = desk.addInternalNote(t.id(), t.version(), "check the warranty database", AGENT);
    t = desk.waitOnCustomer(t.id(), t.version(), "invoice", AGENT);
    clock.advance(Duration.ofHours(2));
    CustomerProgress view =
        CustomerProgress.of(t, desk.history(t.id()), sla.status(t.id(), clock.instant()));
    assertEquals(CustomerProgress.Stage.WAITING_FOR_YOU, view.stage());
    assertEquals("等待您的回复", view.statusZh());
    assertEquals("Waiting for your reply", view.statusEn());
    assertEquals(4, view.step());
    assertEquals(CustomerProgress.Handler.AGENT, view.handledBy());
    assertEquals(
        Optional.empty(),
        view.expectedBy(),
        "the resolution clock is paused while waiting for the customer");
    assertEquals(1, view.messages().size(), "the internal note is not a message");
    assertTrue(
        view.messages().get(0).body().contains("nana@example.com"),
        "the customer's own address stays readable");
    assertEquals(CustomerProgress.Sender.SERVICE_TEAM, view.messages().get(0).from());
    t = desk.recordCustomerReply(t.id(), t.version(), Channel.APP, "已上传", CUSTOMER);
    view = CustomerProgress.of(t, desk.history(t.id()), sla.status(t.id(), clock.instant()));
    assertEquals(
        CustomerProgress.Stage.IN_PROGRESS,
        view.stage(),
        "the customer's reply resumed the ticket");
    assertEquals(
        Optional.of(Instant.parse("2026-11-04T11:00:00Z")),
        view.expectedBy(),
        "P1 resolution within 48 h, extended by the 2 h waiting for the customer");
  }
}
