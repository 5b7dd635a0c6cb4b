package io.loopdesk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loopdesk.api.Assignment;
import io.loopdesk.api.CallbackResult;
import io.loopdesk.api.Category;
import io.loopdesk.api.Classification;
import io.loopdesk.api.IllegalTransitionException;
import io.loopdesk.api.Level;
import io.loopdesk.api.Page;
import io.loopdesk.api.ServiceDesk;
import io.loopdesk.api.Ticket;
import io.loopdesk.api.TicketId;
import io.loopdesk.api.TicketQuery;
import io.loopdesk.api.TicketStatus;
import io.loopdesk.api.VersionConflictException;
import io.loopdesk.api.event.TicketEvent;
import io.loopdesk.api.spi.TicketStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A store may answer {@link TicketStore#findForCommand} from a memory that turns out stale; the
 * desk must then decide on the stored ticket, never reject a command for a state that no longer
 * holds.
 */
class StaleMemoryTest {
  private final InMemoryTicketStore backing = new InMemoryTicketStore();
  private final RememberingStore store = new RememberingStore(backing);
  private final ServiceDesk desk =
      ServiceDesks.builder()
          .clock(ManualClock.at(Instant.parse("2026-04-01T09:00:00Z")))
          .store(store)
          .build();

  @Test
  void aRejectionDecidedOnAStaleAnswerIsCheckedAgainstTheStoredTicket() {
    Ticket resolved = resolvedTicket();
    Ticket calledBack =
        desk.recordCallback(
            resolved.id(),
            resolved.version(),
            CallbackResult.reached(true, 5, "ok"),
            Fixtures.AGENT);
    store.remember(calledBack.toBuilder().callbacks(List.of()).callbackConfirmed(false).build());

    Ticket closed = desk.close(calledBack.id(), calledBack.version(), Fixtures.AGENT);

    assertThat(closed.status()).isEqualTo(TicketStatus.CLOSED);
    assertThat(desk.get(closed.id())).isEqualTo(closed);
  }

  @Test
  void aRejectionThatHoldsForTheStoredTicketStands() {
    Ticket resolved = resolvedTicket();
    store.remember(resolved);

    assertThatThrownBy(() -> desk.close(resolved.id(), resolved.version(), Fixtures.AGENT))
        .isInstanceOf(IllegalTransitionException.class);
    assertThat(desk.get(resolved.id())).isEqualTo(resolved);
  }

  @Test
  void aStaleAnswerForAStaleVersionIsReportedAsAConflict() {
    Ticket resolved = resolvedTicket();
    Ticket calledBack =
        desk.recordCallback(
            resolved.id(),
            resolved.version(),
            CallbackResult.reached(true, 5, "ok"),
            Fixtures.AGENT);
    store.remember(resolved);

    assertThatThrownBy(() -> desk.close(resolved.id(), resolved.version(), Fixtures.AGENT))
        .isInstanceOfSatisfying(
            VersionConflictException.class,
            e -> {
              assertThat(e.expectedVersion()).isEqualTo(resolved.version());
              assertThat(e.actualVersion()).isEqualTo(calledBack.version());
            });
  }

  private Ticket resolvedTicket() {
    Ticket t = desk.open(Fixtures.newTickets().sample(), Fixtures.AGENT);
    t =
        desk.classify(
            t.id(),
            t.version(),
            Classification.of(Category.PRODUCT_FAULT, Level.LOW, Level.LOW, Level.LOW),
            Fixtures.AGENT);
    t = desk.assign(t.id(), t.version(), Assignment.of("agent-007", "support"), Fixtures.AGENT);
    t = desk.start(t.id(), t.version(), Fixtures.AGENT);
    return desk.resolve(t.id(), t.version(), "replaced the part", Fixtures.AGENT);
  }

  /**
   * Answers findForCommand from a planted memory when its version matches, like a caching store.
   */
  private static final class RememberingStore implements TicketStore {
    private final TicketStore delegate;
    private volatile Ticket memory;

    RememberingStore(TicketStore delegate) {
      this.delegate = delegate;
    }

    void remember(Ticket ticket) {
      memory = ticket;
    }

    @Override
    public Optional<Ticket> findForCommand(TicketId id, long expectedVersion) {
      Ticket remembered = memory;
      if (remembered != null
          && remembered.id().equals(id)
          && remembered.version() == expectedVersion) {
        return Optional.of(remembered);
      }
      return delegate.find(id);
    }

    @Override
    public Optional<Ticket> find(TicketId id) {
      return delegate.find(id);
    }

    @Override
    public void save(TicketEvent event, Ticket ticket) {
      delegate.save(event, ticket);
    }

    @Override
    public List<TicketEvent> events(TicketId id) {
      return delegate.events(id);
    }

    @Override
    public Page<Ticket> query(TicketQuery query) {
      return delegate.query(query);
    }
  }
}
