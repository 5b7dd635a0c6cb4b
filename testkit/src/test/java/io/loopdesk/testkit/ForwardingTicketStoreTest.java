package io.loopdesk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loopdesk.api.Actor;
import io.loopdesk.api.Category;
import io.loopdesk.api.Channel;
import io.loopdesk.api.Classification;
import io.loopdesk.api.Customer;
import io.loopdesk.api.Level;
import io.loopdesk.api.NewTicket;
import io.loopdesk.api.Role;
import io.loopdesk.api.ServiceDesk;
import io.loopdesk.api.Ticket;
import io.loopdesk.api.TicketQuery;
import io.loopdesk.api.ValidationException;
import io.loopdesk.api.event.TicketEvent;
import io.loopdesk.api.spi.TicketStore;
import io.loopdesk.core.InMemoryTicketStore;
import io.loopdesk.core.ManualClock;
import io.loopdesk.core.ServiceDesks;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link ForwardingTicketStore} passes every call on, and an override changes only its own. */
class ForwardingTicketStoreTest {
  private static final Actor AGENT = Actor.of("agent-1", Role.AGENT);

  private static NewTicket request() {
    return NewTicket.builder()
        .channel(Channel.PHONE)
        .customer(Customer.of("C-1", "张三", "13812345678", null))
        .product("X9 phone")
        .problem("battery does not charge")
        .build();
  }

  @Test
  void aDeskOnTheForwardingStoreReadsAndWritesTheWrappedStore() {
    InMemoryTicketStore inner = new InMemoryTicketStore();
    ForwardingTicketStore store = new ForwardingTicketStore(inner);
    ServiceDesk desk =
        ServiceDesks.builder()
            .clock(ManualClock.at(Instant.parse("2026-03-02T01:00:00Z")))
            .store(store)
            .build();

    Ticket opened = desk.open(request(), AGENT);
    Ticket started =
        desk.classify(
            opened.id(),
            opened.version(),
            Classification.of(Category.PRODUCT_FAULT, Level.LOW, Level.LOW, Level.HIGH),
            AGENT);

    assertThat(inner.find(opened.id())).contains(started);
    assertThat(store.find(opened.id())).contains(started);
    assertThat(store.findForCommand(opened.id(), started.version())).contains(started);
    assertThat(store.events(opened.id())).isEqualTo(inner.events(opened.id())).hasSize(2);
    assertThat(store.query(TicketQuery.builder().customerId("C-1").build()).items())
        .containsExactly(started);
    assertThat(store.eventFeed()).isEqualTo(inner.eventFeed());
    assertThat(store.checkpointClaims()).isEqualTo(inner.checkpointClaims());
  }

  @Test
  void anOverrideChangesOnlyItsOwnCall() {
    List<TicketEvent> seen = new ArrayList<>();
    InMemoryTicketStore inner = new InMemoryTicketStore();
    TicketStore store =
        new ForwardingTicketStore(inner) {
          @Override
          public void save(TicketEvent event, Ticket ticket) {
            seen.add(event);
            super.save(event, ticket);
          }
        };
    Ticket opened =
        ServiceDesks.builder()
            .clock(ManualClock.at(Instant.parse("2026-03-02T01:00:00Z")))
            .store(store)
            .build()
            .open(request(), AGENT);

    assertThat(seen).hasSize(1).first().extracting(TicketEvent::ticketId).isEqualTo(opened.id());
    assertThat(store.find(opened.id())).contains(opened);
  }

  @Test
  void aNullDelegateIsRejectedNamingTheField() {
    assertThatThrownBy(() -> new ForwardingTicketStore(null))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("delegate");
  }
}
