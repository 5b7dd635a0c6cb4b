package io.loopdesk.spring.boot;

import io.loopdesk.api.Ticket;
import io.loopdesk.api.TicketListener;
import io.loopdesk.api.event.TicketEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Delivers the desk's events to a listener only once they are committed: an event stored inside a
 * Spring transaction that the {@link SpringTransactionTicketStore} joined reaches the listener
 * after that transaction commits, and never when it rolls back; any other event at once. So the
 * in-memory SLA tracker and the host's listeners never keep a change the database undid. A
 * listener's exception is logged, as the desk does. Thread-safe: the pending events belong to the
 * calling thread's transaction.
 */
final class AfterCommitListener implements TicketListener {

  private static final Logger LOG = LoggerFactory.getLogger(AfterCommitListener.class);

  private final TicketListener listener;
  private final SpringTransactionTicketStore store;

  AfterCommitListener(TicketListener listener, SpringTransactionTicketStore store) {
    this.listener = listener;
    this.store = store;
  }

  @Override
  public void onEvent(TicketEvent event, Ticket ticket) {
    if (!store.inSpringTransaction()
        || !TransactionSynchronizationManager.isSynchronizationActive()) {
      listener.onEvent(event, ticket);
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCommit() {
            try {
              listener.onEvent(event, ticket);
            } catch (RuntimeException e) {
              LOG.warn(
                  "listener {} failed on ticket {} v{} after commit",
                  listener.getClass().getName(),
                  ticket.id(),
                  ticket.version(),
                  e);
            }
          }
        });
  }

  @Override
  public String toString() {
    return "AfterCommitListener[" + listener + "]";
  }
}
