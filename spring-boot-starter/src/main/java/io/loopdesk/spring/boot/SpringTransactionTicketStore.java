package io.loopdesk.spring.boot;

import io.loopdesk.api.Page;
import io.loopdesk.api.Ticket;
import io.loopdesk.api.TicketId;
import io.loopdesk.api.TicketQuery;
import io.loopdesk.api.ValidationException;
import io.loopdesk.api.event.TicketEvent;
import io.loopdesk.api.spi.CheckpointClaims;
import io.loopdesk.api.spi.TicketEventFeed;
import io.loopdesk.api.spi.TicketStore;
import io.loopdesk.store.jdbc.JdbcTicketStore;
import java.sql.Connection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A {@link JdbcTicketStore} that takes part in Spring-managed transactions: while the calling
 * thread is in a transaction that holds a connection of the store's {@link DataSource} (a
 * {@code @Transactional} method under {@code DataSourceTransactionManager}, {@code
 * JdbcTransactionManager} or {@code JpaTransactionManager}), every store call runs on that
 * connection through {@link JdbcTicketStore#inTransactionOf}, so the application's own writes and
 * the ticket change commit or roll back together. Outside such a transaction each save is its own
 * transaction, as with the plain store; so the SLA monitor's escalations need no transaction.
 *
 * <p>When a transaction that created a ticket rolls back, the callback given to {@link
 * #onRolledBackCreation(Consumer)} learns the ticket's id. The starter does not need it: it
 * delivers the desk's events to the SLA tracker and to listeners only after the transaction
 * commits, and a clustered desk ({@code loopdesk.cluster.instance-name}) follows only committed
 * events from the store's feed.
 *
 * <p>Thread-safe: the store is, and the joined connection is the calling thread's own.
 */
public final class SpringTransactionTicketStore implements TicketStore {

  private final JdbcTicketStore store;
  private final DataSource dataSource;

  /** No callback: creations need no transaction synchronization. */
  private static final Consumer<TicketId> NO_CALLBACK = id -> {};

  private volatile Consumer<TicketId> rolledBackCreation = NO_CALLBACK;

  /**
   * Wraps a JDBC store.
   *
   * @param store the store, built on {@code dataSource} without {@code joinCallerTransactions}
   * @param dataSource the data source Spring's transaction manager manages
   */
  public SpringTransactionTicketStore(JdbcTicketStore store, DataSource dataSource) {
    if (store == null) {
      throw new ValidationException("store", null, "must not be null");
    }
    if (dataSource == null) {
      throw new ValidationException("dataSource", null, "must not be null");
    }
    this.store = store;
    this.dataSource = dataSource;
  }

  /** Returns the wrapped JDBC store. */
  public JdbcTicketStore jdbcStore() {
    return store;
  }

  /**
   * Sets what to do with the id of a ticket whose creation was rolled back with the Spring
   * transaction.
   *
   * @param callback receives the id after the rollback
   */
  public void onRolledBackCreation(Consumer<TicketId> callback) {
    if (callback == null) {
      throw new ValidationException("callback", null, "must not be null");
    }
    rolledBackCreation = callback;
  }

  /**
   * True when the calling thread is in a Spring transaction that holds a connection of this data
   * source.
   */
  public boolean inSpringTransaction() {
    if (!TransactionSynchronizationManager.isActualTransactionActive()) {
      return false;
    }
    return TransactionSynchronizationManager.getResource(dataSource)
            instanceof ConnectionHolder holder
        && holder.isSynchronizedWithTransaction();
  }

  private <T> T joined(Supplier<T> work) {
    if (!inSpringTransaction()) {
      return work.get();
    }
    Connection connection = DataSourceUtils.getConnection(dataSource);
    try {
      return store.inTransactionOf(connection, work);
    } finally {
      DataSourceUtils.releaseConnection(connection, dataSource);
    }
  }

  @Override
  public Optional<Ticket> find(TicketId id) {
    return joined(() -> store.find(id));
  }

  @Override
  public Optional<Ticket> findForCommand(TicketId id, long expectedVersion) {
    return joined(() -> store.findForCommand(id, expectedVersion));
  }

  @Override
  public void save(TicketEvent event, Ticket ticket) {
    boolean joining = inSpringTransaction();
    joined(
        () -> {
          store.save(event, ticket);
          return null;
        });
    Consumer<TicketId> callback = rolledBackCreation;
    if (joining
        && event.version() == 1
        && callback != NO_CALLBACK
        && TransactionSynchronizationManager.isSynchronizationActive()) {
      TicketId id = event.ticketId();
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
              if (status == STATUS_ROLLED_BACK) {
                callback.accept(id);
              }
            }
          });
    }
  }

  @Override
  public List<TicketEvent> events(TicketId id) {
    return joined(() -> store.events(id));
  }

  @Override
  public Page<Ticket> query(TicketQuery query) {
    return joined(() -> store.query(query));
  }

  /** Returns the JDBC store's event feed, which reads committed events only. */
  @Override
  public Optional<TicketEventFeed> eventFeed() {
    return store.eventFeed();
  }

  /** Returns the JDBC store's checkpoint claims. */
  @Override
  public Optional<CheckpointClaims> checkpointClaims() {
    return store.checkpointClaims();
  }
}
