package io.loopdesk.testkit;

import io.loopdesk.api.Checks;
import io.loopdesk.api.Page;
import io.loopdesk.api.Ticket;
import io.loopdesk.api.TicketId;
import io.loopdesk.api.TicketQuery;
import io.loopdesk.api.ValidationException;
import io.loopdesk.api.event.TicketEvent;
import io.loopdesk.api.spi.CheckpointClaims;
import io.loopdesk.api.spi.TicketEventFeed;
import io.loopdesk.api.spi.TicketStore;
import java.util.List;
import java.util.Optional;

/**
 * A {@link TicketStore} that passes every call on to another, including {@link #findForCommand},
 * {@link #eventFeed} and {@link #checkpointClaims}; override the calls you want to change (to plant
 * a bug in a test, count calls, inject a failure), as with Guava's forwarding collections.
 * Thread-safe when the delegate is and the overrides are.
 */
public class ForwardingTicketStore implements TicketStore {
  private final TicketStore delegate;

  /**
   * Wraps a store.
   *
   * @param delegate the store every call goes to
   * @throws ValidationException if {@code delegate} is null
   */
  public ForwardingTicketStore(TicketStore delegate) {
    this.delegate = Checks.notNull("delegate", delegate);
  }

  /** Returns the wrapped store. */
  protected TicketStore delegate() {
    return delegate;
  }

  @Override
  public Optional<Ticket> find(TicketId id) {
    return delegate.find(id);
  }

  @Override
  public Optional<Ticket> findForCommand(TicketId id, long expectedVersion) {
    return delegate.findForCommand(id, expectedVersion);
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

  @Override
  public Optional<TicketEventFeed> eventFeed() {
    return delegate.eventFeed();
  }

  @Override
  public Optional<CheckpointClaims> checkpointClaims() {
    return delegate.checkpointClaims();
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + delegate + "]";
  }
}
