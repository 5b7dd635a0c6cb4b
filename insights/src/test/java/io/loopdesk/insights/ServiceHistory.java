package io.loopdesk.insights;

import io.loopdesk.api.Actor;
import io.loopdesk.api.Assignment;
import io.loopdesk.api.CallbackOutcome;
import io.loopdesk.api.CallbackResult;
import io.loopdesk.api.Category;
import io.loopdesk.api.Channel;
import io.loopdesk.api.Classification;
import io.loopdesk.api.Customer;
import io.loopdesk.api.Escalation;
import io.loopdesk.api.Level;
import io.loopdesk.api.NewTicket;
import io.loopdesk.api.Page;
import io.loopdesk.api.Role;
import io.loopdesk.api.ServiceDesk;
import io.loopdesk.api.Ticket;
import io.loopdesk.api.TicketQuery;
import io.loopdesk.api.TicketStatus;
import io.loopdesk.api.event.TicketEvent;
import io.loopdesk.core.InMemoryTicketStore;
import io.loopdesk.core.ManualClock;
import io.loopdesk.core.ServiceDesks;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/** Random but reproducible service histories produced by a real desk, for tests and benchmarks. */
final class ServiceHistory {
  static final List<Channel> CHANNELS =
      List.of(Channel.PHONE, Channel.ONLINE_CHAT, Channel.EMAIL, Channel.APP);
  static final List<Category> CATEGORIES =
      List.of(
          Category.PRODUCT_FAULT,
          Category.SERVICE_EXPERIENCE,
          Category.COMPLAINT,
          Category.CONSULTATION);
  static final List<String> PRODUCTS = List.of("X9 phone", "Router R2", "空调 KFR-35", "扫地机器人 S7");
  static final List<String> DEPARTMENTS =
      List.of("technical-support", "customer-service", "after-sales");

  final List<Ticket> tickets = new ArrayList<>();
  final List<TicketEvent> events = new ArrayList<>();
  final Instant end;

  private ServiceHistory(List<Ticket> tickets, List<TicketEvent> events, Instant end) {
    this.tickets.addAll(tickets);
    this.events.addAll(events);
    this.end = end;
  }

  static ServiceHistory generate(long seed, int ticketCount) {
    Random random = new Random(seed);
    ManualClock clock = ManualClock.at(Instant.parse("2026-01-05T01:00:00Z"));
    InMemoryTicketStore store = new InMemoryTicketStore();
    ServiceDesk desk =
        ServiceDesks.builder()
            .clock(clock)
            .store(store)
            .deadlinePolicy(
                (t, at) ->
                    Optional.of(
                        at.plus(
                            Duration.ofHours(
                                24L * (t.priority().orElseThrow().priority().ordinal() + 1)))))
            .build();
    List<Ticket> open = new ArrayList<>();
    int opened = 0;
    while (opened < ticketCount || !open.isEmpty()) {
      clock.advance(Duration.ofMinutes(1 + random.nextInt(180)));
      if (opened < ticketCount && (open.isEmpty() || random.nextInt(3) == 0)) {
        open.add(desk.open(request(random), Actor.of("hotline-" + random.nextInt(5), Role.AGENT)));
        opened++;
        continue;
      }
      int index = random.nextInt(open.size());
      Ticket next = step(desk, open.get(index), random);
      if (next.status().equals(TicketStatus.CLOSED)
          || next.status().equals(TicketStatus.UNREACHABLE)
          || (opened >= ticketCount && random.nextInt(20) == 0)) {
        open.remove(index);
      } else {
        open.set(index, next);
      }
    }
    List<Ticket> tickets = new ArrayList<>();
    List<TicketEvent> events = new ArrayList<>();
    TicketQuery q = TicketQuery.builder().limit(TicketQuery.MAX_LIMIT).build();
    Page<Ticket> page = store.query(q);
    tickets.addAll(page.items());
    while (page.hasMore()) {
      q = q.nextPage();
      page = store.query(q);
      tickets.addAll(page.items());
    }
    for (Ticket t : tickets) {
      events.addAll(store.events(t.id()));
    }
    if (tickets.isEmpty()) {
      throw new IllegalStateException("no tickets generated");
    }
    return new ServiceHistory(tickets, events, clock.instant());
  }

  private static NewTicket request(Random r) {
    return NewTicket.builder()
        .channel(CHANNELS.get(r.nextInt(CHANNELS.size())))
        .customer(
            Customer.of(
                "C-" + r.nextInt(500),
                "客户" + r.nextInt(100),
                "1380000" + (1000 + r.nextInt(9000)),
                null))
        .product(PRODUCTS.get(r.nextInt(PRODUCTS.size())))
        .problem("problem " + r.nextInt(1000))
        .build();
  }

  private static Ticket step(ServiceDesk desk, Ticket t, Random r) {
    Actor agent = Actor.of("agent-" + r.nextInt(6), Role.AGENT);
    TicketStatus s = t.status();
    if (s.equals(TicketStatus.RECEIVED)) {
      Level[] l = Level.values();
      return desk.classify(
          t.id(),
          t.version(),
          Classification.of(
              CATEGORIES.get(r.nextInt(CATEGORIES.size())),
              l[r.nextInt(3)],
              l[r.nextInt(3)],
              l[r.nextInt(3)]),
          agent);
    }
    if (s.equals(TicketStatus.CLASSIFIED)
        || (s.equals(TicketStatus.ASSIGNED) && r.nextInt(6) == 0)) {
      return desk.assign(
          t.id(),
          t.version(),
          Assignment.of("agent-" + r.nextInt(6), DEPARTMENTS.get(r.nextInt(DEPARTMENTS.size()))),
          agent);
    }
    if (s.equals(TicketStatus.ASSIGNED)) {
      return desk.start(t.id(), t.version(), agent);
    }
    if (s.equals(TicketStatus.IN_PROGRESS)) {
      int roll = r.nextInt(10);
      if (roll == 0) {
        return desk.waitOnCustomer(t.id(), t.version(), "photo of the invoice", agent);
      }
      if (roll == 1) {
        return desk.escalate(
            t.id(),
            t.version(),
            Escalation.of(t.escalationLevel() + 1, "lead", "slow"),
            Actor.SYSTEM);
      }
      return desk.resolve(t.id(), t.version(), "fixed", agent);
    }
    if (s.equals(TicketStatus.WAITING_ON_CUSTOMER)
        || s.equals(TicketStatus.WAITING_ON_THIRD_PARTY)) {
      return desk.resume(t.id(), t.version(), agent);
    }
    if (s.equals(TicketStatus.RESOLVED)
        || (s.equals(TicketStatus.CALLBACK) && !t.isCallbackConfirmed())) {
      int roll = r.nextInt(10);
      CallbackResult result =
          roll < 2
              ? CallbackResult.notReached(CallbackOutcome.NO_ANSWER, "")
              : CallbackResult.reached(roll > 3, 1 + r.nextInt(5), "");
      return desk.recordCallback(t.id(), t.version(), result, agent);
    }
    if (s.equals(TicketStatus.CALLBACK)) {
      return desk.close(t.id(), t.version(), agent);
    }
    throw new IllegalStateException("unexpected status " + s);
  }
}
