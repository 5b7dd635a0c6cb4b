package io.loopdesk.store.jdbc;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.loopdesk.api.Page;
import io.loopdesk.api.Priority;
import io.loopdesk.api.Ticket;
import io.loopdesk.api.TicketId;
import io.loopdesk.api.TicketQuery;
import io.loopdesk.api.TicketStatus;
import io.loopdesk.api.ValidationException;
import io.loopdesk.api.VersionConflictException;
import io.loopdesk.api.event.TicketChange;
import io.loopdesk.api.event.TicketEvent;
import io.loopdesk.api.spi.CheckpointClaim;
import io.loopdesk.api.spi.CheckpointClaims;
import io.loopdesk.api.spi.FeedEvent;
import io.loopdesk.api.spi.FeedPosition;
import io.loopdesk.api.spi.TicketEventFeed;
import io.loopdesk.api.spi.TicketStore;
import io.loopdesk.store.jdbc.internal.Columns;
import io.loopdesk.store.jdbc.internal.JsonCodec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link TicketStore} on a relational database through plain JDBC: H2 (embedded, in memory or a
 * file) or PostgreSQL. Each ticket is a row holding its current snapshot as JSON plus indexed
 * columns for queries; each event is a row of the append-only audit trail.
 *
 * <pre>{@code
 * TicketStore store = JdbcTicketStore.builder()
 *     .dataSource(hostDataSource)   // your pool; Loopdesk forces none on you
 *     .migrateSchema(true)          // or run db/loopdesk/<dialect>/V*.sql with Flyway
 *     .build();
 * ServiceDesk desk = ServiceDesks.builder().clock(clock).store(store).build();
 * }</pre>
 *
 * <p><b>Transactions.</b> {@link #save} runs in one transaction on one connection: a conditional
 * update of the ticket row ({@code WHERE version = expected}), or an insert for version 1, then the
 * insert of the event (and of the outbox row, when {@link Builder#outbox enabled}); a stale
 * version, an existing id or a lost race rolls back and throws {@link VersionConflictException}.
 * Reads use single statements. The store needs read-committed isolation or stronger, the default of
 * both databases, and leaves the connection's auto-commit mode as it found it. To make a ticket
 * change part of the host's own transaction, bind the host's connection with {@link
 * #inTransactionOf} (plain JDBC) or build the store with {@link Builder#joinCallerTransactions}
 * over a transaction-aware data source (Spring, JTA): the store then writes on the caller's
 * connection and never commits.
 *
 * <p><b>Failures.</b> A database error is rethrown as {@link StorageException} after rollback. Its
 * message names the operation, the ticket id and the SQL state; the driver's exception is its
 * cause.
 *
 * <p><b>Memory.</b> The store keeps the parsed snapshots of up to 1024 recently used tickets with
 * the random write id stored in their row. {@link #find} and {@link #query} always read the
 * database and reuse a parsed snapshot only while the row is unchanged. {@link #findForCommand}
 * answers from memory when it holds exactly the expected version; the save that follows on the same
 * thread then requires the row to still hold that write.
 *
 * <p><b>Threads.</b> Thread-safe when the data source is (every pool is): the store borrows one
 * connection per call. Use a connection pool in production; opening a connection per call is slow
 * on every database. Prefer a pool that returns connections as they were (HikariCP, for one): H2's
 * own {@code JdbcConnectionPool} rolls back every returned connection, which empties H2's cache of
 * parsed statements and makes each save 1.4 to 1.9 times as expensive (BENCHMARKS.md).
 *
 * <p><b>Event feed.</b> The store is also the database's {@link TicketEventFeed}: every instance on
 * the same database reads every event, in position order, without gaps. Each event row carries its
 * position {@code (feed_tx, feed_seq)}, written in the save's transaction (schema version 3):
 *
 * <ul>
 *   <li><b>PostgreSQL</b>: {@code feed_tx} is the writing transaction's id ({@code txid_current()},
 *       the value of {@code pg_current_xact_id()}), {@code feed_seq} a sequence value, both column
 *       defaults. A reader reads in {@code (feed_tx, feed_seq)} order and only rows whose {@code
 *       feed_tx} lies below the {@code xmin} of its own statement's snapshot ({@code
 *       txid_snapshot_xmin(txid_current_snapshot())}): every transaction with a smaller id has then
 *       ended, so nothing can still commit before a position the reader passed. Trusting the
 *       largest visible sequence value instead would skip events, since sequence values are taken
 *       before commit and a slower transaction may commit a smaller one later. Writers take no
 *       extra lock and send the same statements as without the feed. The price is latency: an event
 *       is delivered once every transaction that started before it ended, so a long-running
 *       transaction anywhere on the database server holds the feed back until it ends.
 *   <li><b>H2</b>, which has no transaction ids to filter on: {@code feed_tx} is a commit counter
 *       taken by incrementing one row right before the event insert. The row stays locked until
 *       commit, so saves take numbers in commit order (H2 commits one at a time anyway) and every
 *       committed row is safe to deliver.
 * </ul>
 *
 * <p>Subscription positions are rows of {@code loopdesk_feed_subscription}; an update never moves
 * one backwards.
 *
 * <p><b>Checkpoint claims.</b> The store is also the cluster's {@link CheckpointClaims}: a claim is
 * a row of {@code loopdesk_checkpoint_claim} (schema version 5) whose primary key lets exactly one
 * insert of a key win. One call claims a whole batch in one transaction: on PostgreSQL one {@code
 * INSERT ... SELECT FROM unnest(...) ON CONFLICT DO NOTHING RETURNING} statement, keys sorted so
 * that concurrent batches never deadlock.
 */
public final class JdbcTicketStore implements TicketStore, TicketEventFeed, CheckpointClaims {
  private static final Logger LOG = LoggerFactory.getLogger(JdbcTicketStore.class);

  private static final String SELECT_TICKET =
      "SELECT snapshot, write_id FROM loopdesk_ticket WHERE id = ?";
  private static final String SELECT_VERSION = "SELECT version FROM loopdesk_ticket WHERE id = ?";
  private static final String SELECT_EVENTS =
      "SELECT event FROM loopdesk_ticket_event WHERE ticket_id = ? ORDER BY version";
  private static final String INSERT_TICKET =
      "INSERT INTO loopdesk_ticket (status, priority, category, assignee_key, department_key, customer_key,"
          + " due_second, due_nano, snapshot, version, write_id, created_second, created_nano, id_order, id)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  /**
   * PostgreSQL: an existing id inserts nothing instead of failing, which would end the transaction.
   */
  private static final String POSTGRESQL_INSERT_TICKET =
      INSERT_TICKET + " ON CONFLICT (id) DO NOTHING";

  private static final String INSERT_OUTBOX =
      "INSERT INTO loopdesk_outbox (id, aggregatetype, aggregateid, type, payload) VALUES (?, ?, ?, ?, ?)";

  /**
   * The outbox's aggregate type: Debezium's router publishes to the topic {@code
   * outbox.event.ticket}.
   */
  public static final String OUTBOX_AGGREGATE_TYPE = "ticket";

  private static final String UPDATE_TICKET =
      "UPDATE loopdesk_ticket SET status = ?, priority = ?, category = ?, assignee_key = ?, department_key = ?,"
          + " customer_key = ?, due_second = ?, due_nano = ?, snapshot = ?, version = ?, write_id = ?"
          + " WHERE id = ? AND version = ?";
  private static final String UPDATE_KNOWN_TICKET = UPDATE_TICKET + " AND write_id = ?";
  private static final String INSERT_EVENT =
      "INSERT INTO loopdesk_ticket_event (ticket_id, version, occurred_second, occurred_nano, actor_key,"
          + " change_type, from_status, to_status, event) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

  /** H2: takes the next commit number; the row stays locked until the save commits. */
  private static final String H2_NEXT_COMMIT =
      "UPDATE loopdesk_feed_clock SET last_commit = last_commit + 1 WHERE id = 1";

  private static final String H2_INSERT_EVENT =
      "INSERT INTO loopdesk_ticket_event (ticket_id, version, occurred_second, occurred_nano, actor_key,"
          + " change_type, from_status, to_status, event, feed_tx) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?,"
          + " (SELECT last_commit FROM loopdesk_feed_clock WHERE id = 1))";
  private static final String POSTGRESQL_READ_FEED =
      "SELECT feed_tx, feed_seq, event FROM loopdesk_ticket_event WHERE (feed_tx, feed_seq) > (?, ?)"
          + " AND feed_tx < txid_snapshot_xmin(txid_current_snapshot()) ORDER BY feed_tx, feed_seq LIMIT ?";
  private static final String H2_READ_FEED =
      "SELECT feed_tx, feed_seq, event FROM loopdesk_ticket_event WHERE (feed_tx, feed_seq) > (?, ?)"
          + " ORDER BY feed_tx, feed_seq FETCH FIRST ? ROWS ONLY";
  private static final String POSTGRESQL_CLAIM =
      "INSERT INTO loopdesk_checkpoint_claim (claim_key, due_second, due_nano, fired_second, fired_nano, owner, late)"
          + " SELECT * FROM unnest(?::varchar[], ?::bigint[], ?::integer[], ?::bigint[], ?::integer[], ?::varchar[],"
          + " ?::boolean[]) ORDER BY 1 ON CONFLICT (claim_key) DO NOTHING RETURNING claim_key";
  private static final String H2_CLAIM =
      "INSERT INTO loopdesk_checkpoint_claim (claim_key, due_second, due_nano, fired_second, fired_nano, owner, late)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?)";
  private static final String SELECT_SUBSCRIPTION =
      "SELECT feed_tx, feed_seq FROM loopdesk_feed_subscription WHERE name = ?";
  private static final String POSTGRESQL_SAVE_SUBSCRIPTION =
      "INSERT INTO loopdesk_feed_subscription (name, feed_tx, feed_seq) VALUES (?, ?, ?) ON CONFLICT (name) DO UPDATE"
          + " SET feed_tx = EXCLUDED.feed_tx, feed_seq = EXCLUDED.feed_seq WHERE (loopdesk_feed_subscription.feed_tx,"
          + " loopdesk_feed_subscription.feed_seq) < (EXCLUDED.feed_tx, EXCLUDED.feed_seq)";
  private static final String H2_SAVE_SUBSCRIPTION =
      "MERGE INTO loopdesk_feed_subscription t USING (VALUES (CAST(? AS VARCHAR(200)), CAST(? AS BIGINT),"
          + " CAST(? AS BIGINT))) s (name, feed_tx, feed_seq) ON t.name = s.name WHEN MATCHED AND (t.feed_tx, t.feed_seq)"
          + " < (s.feed_tx, s.feed_seq) THEN UPDATE SET feed_tx = s.feed_tx, feed_seq = s.feed_seq WHEN NOT MATCHED THEN"
          + " INSERT (name, feed_tx, feed_seq) VALUES (s.name, s.feed_tx, s.feed_seq)";

  /** The type names of ticket changes, as the event JSON writes them. */
  private static final Map<Class<?>, String> CHANGE_TYPES = changeTypes();

  /** Tickets whose parsed snapshot is kept, to skip parsing a snapshot that has not changed. */
  private static final int PARSED_CACHE_ENTRIES = 1024;

  /** Longer snapshots are parsed every time, to bound the cache's memory. */
  private static final int PARSED_CACHE_MAX_CHARS = 8192;

  private final DataSource dataSource;
  private final JdbcDialect dialect;
  private final JsonCodec json = new JsonCodec();
  private final ConcurrentHashMap<TicketId, Parsed> parsed = new ConcurrentHashMap<>();
  private final boolean joinCallerTransactions;
  private final boolean outbox;

  /** The caller's connection bound to this thread by {@link #inTransactionOf}, if any. */
  private final ThreadLocal<Connection> boundConnection = new ThreadLocal<>();

  /** The row the calling thread's last find or findForCommand answered with, for its next save. */
  private final ThreadLocal<Read> lastRead = new ThreadLocal<>();

  /** A snapshot's JSON text, the ticket it parses to and the write that stored it. */
  private record Parsed(String json, Ticket ticket, long writeId) {}

  /** A ticket row as a thread last saw it: a save based on it must find that very write. */
  private record Read(TicketId id, long version, long writeId) {}

  private JdbcTicketStore(
      DataSource dataSource, JdbcDialect dialect, boolean joinCallerTransactions, boolean outbox) {
    this.dataSource = dataSource;
    this.dialect = dialect;
    this.joinCallerTransactions = joinCallerTransactions;
    this.outbox = outbox;
  }

  /** Returns a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the database this store writes to. */
  public JdbcDialect dialect() {
    return dialect;
  }

  @Override
  public Optional<Ticket> find(TicketId id) {
    requireId(id);
    try (Lease lease = lease();
        PreparedStatement ps = lease.connection().prepareStatement(SELECT_TICKET)) {
      ps.setString(1, id.value());
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          lastRead.remove();
          return Optional.empty();
        }
        long writeId = rs.getLong(2);
        Ticket ticket = readTicket(rs.getString(1), id, writeId, lease.cacheable());
        lastRead.set(new Read(id, ticket.version(), writeId));
        return Optional.of(ticket);
      }
    } catch (SQLException e) {
      throw failure("find", id, e);
    }
  }

  /**
   * Answers from memory, without a database round trip, when this store last wrote or read exactly
   * the expected version of the ticket; otherwise reads it like {@link #find}. The next {@link
   * #save} of the ticket on the same thread then updates the row only if it still holds that very
   * write (version and a random write id), so a ticket changed by another process, or deleted and
   * created again, is never overwritten from a stale memory.
   */
  @Override
  public Optional<Ticket> findForCommand(TicketId id, long expectedVersion) {
    requireId(id);
    Parsed known = parsed.get(id);
    if (known != null && known.ticket().version() == expectedVersion) {
      lastRead.set(new Read(id, expectedVersion, known.writeId()));
      return Optional.of(known.ticket());
    }
    return find(id);
  }

  @Override
  public List<TicketEvent> events(TicketId id) {
    requireId(id);
    try (Lease lease = lease();
        PreparedStatement ps = lease.connection().prepareStatement(SELECT_EVENTS)) {
      ps.setString(1, id.value());
      List<TicketEvent> events = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String text = rs.getString(1);
          try {
            events.add(json.readEvent(text));
          } catch (JsonProcessingException e) {
            throw new StorageException(
                "Event " + (events.size() + 1) + " of ticket " + id + " is not readable JSON", e);
          }
        }
      }
      return List.copyOf(events);
    } catch (SQLException e) {
      throw failure("events", id, e);
    }
  }

  @Override
  public void save(TicketEvent event, Ticket ticket) {
    TicketStore.requireMatching(event, ticket);
    String snapshotJson = write(ticket);
    String eventJson = write(event);
    TicketId id = ticket.id();
    long expected = event.version() - 1;
    Read read = lastRead.get();
    lastRead.remove();
    Long basedOnWrite =
        read != null && read.id().equals(id) && read.version() == expected ? read.writeId() : null;
    long writeId = ThreadLocalRandom.current().nextLong();
    try (Lease lease = lease()) {
      Connection c = lease.connection();
      if (!lease.cacheable()) {
        saveInCallerTransaction(c, event, eventJson, ticket, snapshotJson, writeId, basedOnWrite);
        return;
      }
      boolean autoCommit = c.getAutoCommit();
      if (autoCommit) {
        c.setAutoCommit(false);
      }
      try {
        boolean written =
            expected == 0
                ? insertTicket(c, ticket, snapshotJson, writeId)
                : updateTicket(c, ticket, snapshotJson, writeId, expected, basedOnWrite);
        if (!written) {
          c.rollback();
          throw conflict(c, id, expected, true);
        }
        insertEvent(c, event, eventJson);
        if (outbox) {
          insertOutbox(c, event, eventJson);
        }
        c.commit();
        remember(id, snapshotJson, ticket, writeId);
      } catch (SQLException e) {
        rollbackQuietly(c, e);
        if (isConflict(e)) {
          throw conflict(c, id, expected, true);
        }
        throw failure("save", id, e);
      } catch (RuntimeException e) {
        rollbackQuietly(c, e);
        throw e;
      } finally {
        if (autoCommit) {
          c.setAutoCommit(true);
        }
      }
    } catch (SQLException e) {
      throw failure("save", id, e);
    }
  }

  /**
   * Saves on the caller's connection inside the caller's transaction: never commits, rolls back or
   * changes auto-commit, and remembers nothing, since the caller may still roll back. A conflict
   * leaves the transaction usable: the update matches no row and, on PostgreSQL, the insert of an
   * existing id does nothing instead of failing.
   */
  private void saveInCallerTransaction(
      Connection c,
      TicketEvent event,
      String eventJson,
      Ticket ticket,
      String snapshotJson,
      long writeId,
      Long basedOnWrite)
      throws SQLException {
    TicketId id = ticket.id();
    long expected = event.version() - 1;
    if (c.getAutoCommit()) {
      throw new StorageException(
          "Could not save ticket "
              + id
              + ": the store joins the caller's transaction, but the"
              + " connection is in auto-commit mode; begin a transaction first (plain JDBC: setAutoCommit(false);"
              + " Spring: @Transactional)");
    }
    parsed.remove(id);
    try {
      boolean written =
          expected == 0
              ? insertTicket(c, ticket, snapshotJson, writeId)
              : updateTicket(c, ticket, snapshotJson, writeId, expected, basedOnWrite);
      if (!written) {
        throw conflict(c, id, expected, false);
      }
      insertEvent(c, event, eventJson);
      if (outbox) {
        insertOutbox(c, event, eventJson);
      }
    } catch (SQLException e) {
      if (isConflict(e)) {
        throw conflict(c, id, expected, false);
      }
      throw failure("save", id, e);
    }
  }

  /**
   * Runs work with this store bound to the caller's connection and transaction on the calling
   * thread: every store call the work makes on this thread (through a {@code ServiceDesk} built on
   * this store, for example) uses {@code connection}, and the store neither commits, rolls back nor
   * closes it. The caller's own rows and the ticket changes then commit or roll back together:
   *
   * <pre>{@code
   * try (Connection c = dataSource.getConnection()) {
   *   c.setAutoCommit(false);
   *   try {
   *     markOrderRefunded(c, orderId);                        // the CRM's own row
   *     store.inTransactionOf(c, () -> desk.resolve(id, version, "refunded", agent));
   *     c.commit();                                           // both or neither
   *   } catch (RuntimeException | SQLException e) {
   *     c.rollback();
   *     throw e;
   *   }
   * }
   * }</pre>
   *
   * <p>The connection must not be in auto-commit mode when the work saves. After a {@code
   * VersionConflictException} the transaction is still usable. {@code TicketListener}s run before
   * the caller commits, so they may see changes that are rolled back later; readers of the {@link
   * TicketEventFeed} see only committed events.
   *
   * @param connection the caller's connection, inside its transaction
   * @param work what to run
   * @param <T> the work's result type
   * @return the work's result
   * @throws ValidationException if an argument is null or the thread is bound to another connection
   */
  public <T> T inTransactionOf(Connection connection, Supplier<T> work) {
    if (connection == null) {
      throw new ValidationException("connection", null, "must not be null");
    }
    if (work == null) {
      throw new ValidationException("work", null, "must not be null");
    }
    Connection previous = boundConnection.get();
    if (previous != null && previous != connection) {
      throw new ValidationException(
          "connection",
          "another connection",
          "this thread is already bound to a different connection");
    }
    boundConnection.set(connection);
    try {
      return work.get();
    } finally {
      if (previous == null) {
        boundConnection.remove();
      }
    }
  }

  /**
   * Returns the connection for one call: the one bound by {@link #inTransactionOf}, or one borrowed
   * from the data source.
   */
  private Lease lease() throws SQLException {
    Connection bound = boundConnection.get();
    if (bound != null) {
      return new Lease(bound, false, false);
    }
    return new Lease(dataSource.getConnection(), !joinCallerTransactions, true);
  }

  /**
   * A connection used for one call.
   *
   * @param connection the connection
   * @param cacheable whether the store runs its own transactions on it, and may therefore remember
   *     what it wrote and read; false inside the caller's transaction
   * @param owned whether closing the lease closes the connection
   */
  private record Lease(Connection connection, boolean cacheable, boolean owned)
      implements AutoCloseable {
    @Override
    public void close() throws SQLException {
      if (owned) {
        connection.close();
      }
    }
  }

  @Override
  public Page<Ticket> query(TicketQuery query) {
    if (query == null) {
      throw new ValidationException("query", null, "must not be null");
    }
    StringBuilder sql =
        new StringBuilder("SELECT id, snapshot, write_id FROM loopdesk_ticket WHERE 1 = 1");
    List<Object> params = new ArrayList<>();
    if (!query.statuses().isEmpty()) {
      in(
          sql,
          params,
          "status",
          query.statuses().stream().map(TicketStatus::name).sorted().toList());
    }
    if (!query.priorities().isEmpty()) {
      in(
          sql,
          params,
          "priority",
          query.priorities().stream().map(Priority::name).sorted().toList());
    }
    query.assignee().ifPresent(v -> equal(sql, params, "assignee_key", Columns.key(v)));
    query.department().ifPresent(v -> equal(sql, params, "department_key", Columns.key(v)));
    query.customerId().ifPresent(v -> equal(sql, params, "customer_key", Columns.key(v)));
    query.category().ifPresent(v -> equal(sql, params, "category", v.name()));
    query
        .dueBefore()
        .ifPresent(
            v -> {
              sql.append(" AND (due_second < ? OR (due_second = ? AND due_nano < ?))");
              params.add(v.getEpochSecond());
              params.add(v.getEpochSecond());
              params.add(v.getNano());
            });
    query
        .createdFrom()
        .ifPresent(
            v -> {
              sql.append(" AND (created_second > ? OR (created_second = ? AND created_nano >= ?))");
              params.add(v.getEpochSecond());
              params.add(v.getEpochSecond());
              params.add(v.getNano());
            });
    sql.append(
        " ORDER BY created_second, created_nano, id_order OFFSET ? ROWS FETCH FIRST ? ROWS ONLY");
    params.add((long) query.offset());
    params.add((long) query.limit() + 1);
    List<Ticket> items = new ArrayList<>();
    try (Lease lease = lease();
        PreparedStatement ps = lease.connection().prepareStatement(sql.toString())) {
      for (int i = 0; i < params.size(); i++) {
        Object p = params.get(i);
        if (p instanceof Long l) {
          ps.setLong(i + 1, l);
        } else if (p instanceof Integer n) {
          ps.setInt(i + 1, n);
        } else {
          ps.setString(i + 1, (String) p);
        }
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          items.add(
              readTicket(
                  rs.getString(2), TicketId.of(rs.getString(1)), rs.getLong(3), lease.cacheable()));
        }
      }
    } catch (SQLException e) {
      throw failure("query", null, e);
    }
    boolean hasMore = items.size() > query.limit();
    return new Page<>(hasMore ? items.subList(0, query.limit()) : items, hasMore);
  }

  /**
   * Returns the events after a position in position order; see the class documentation for how the
   * feed stays gap-free on each database.
   */
  @Override
  public List<FeedEvent> readAfter(FeedPosition after, int limit) {
    TicketEventFeed.requireReadArguments(after, limit);
    List<FeedEvent> events = new ArrayList<>(Math.min(limit, 256));
    try (Lease lease = lease();
        PreparedStatement ps =
            lease
                .connection()
                .prepareStatement(
                    dialect == JdbcDialect.H2 ? H2_READ_FEED : POSTGRESQL_READ_FEED)) {
      ps.setLong(1, after.transaction());
      ps.setLong(2, after.sequence());
      ps.setInt(3, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          FeedPosition position = new FeedPosition(rs.getLong(1), rs.getLong(2));
          try {
            events.add(new FeedEvent(position, json.readEvent(rs.getString(3))));
          } catch (JsonProcessingException e) {
            throw new StorageException(
                "The event at feed position " + position + " is not readable JSON", e);
          }
        }
      }
    } catch (SQLException e) {
      throw failure("read the event feed after " + after + " for", null, e);
    }
    return List.copyOf(events);
  }

  @Override
  public Optional<FeedPosition> subscriptionPosition(String subscription) {
    TicketEventFeed.requireSubscriptionName(subscription);
    try (Lease lease = lease();
        PreparedStatement ps = lease.connection().prepareStatement(SELECT_SUBSCRIPTION)) {
      ps.setString(1, subscription);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next()
            ? Optional.of(new FeedPosition(rs.getLong(1), rs.getLong(2)))
            : Optional.empty();
      }
    } catch (SQLException e) {
      throw failure("read a subscription position for", null, e);
    }
  }

  @Override
  public void saveSubscriptionPosition(String subscription, FeedPosition position) {
    TicketEventFeed.requireSubscriptionName(subscription);
    if (position == null) {
      throw new ValidationException("position", null, "must not be null");
    }
    String sql = dialect == JdbcDialect.H2 ? H2_SAVE_SUBSCRIPTION : POSTGRESQL_SAVE_SUBSCRIPTION;
    for (int attempt = 1; ; attempt++) {
      try (Lease lease = lease();
          PreparedStatement ps = lease.connection().prepareStatement(sql)) {
        ps.setString(1, subscription);
        ps.setLong(2, position.transaction());
        ps.setLong(3, position.sequence());
        ps.executeUpdate();
        return;
      } catch (SQLException e) {
        // two first saves of one name on H2: the loser's MERGE hits the key; the second attempt
        // updates
        if (attempt >= 3 || !"23505".equals(e.getSQLState())) {
          throw failure("save a subscription position for", null, e);
        }
      }
    }
  }

  /**
   * Claims checkpoints in one transaction; a key claimed before, by any instance, is not won again.
   * On PostgreSQL one statement; on H2 one insert per key, an existing key failing on the primary
   * key.
   */
  @Override
  public Set<String> claim(List<CheckpointClaim> claims) {
    CheckpointClaims.requireClaims(claims);
    if (claims.isEmpty()) {
      return Set.of();
    }
    List<CheckpointClaim> sorted = new ArrayList<>(claims);
    sorted.sort(Comparator.comparing(CheckpointClaim::key));
    Set<String> won = new HashSet<>();
    try (Lease lease = lease()) {
      Connection c = lease.connection();
      boolean own = lease.cacheable();
      boolean autoCommit = c.getAutoCommit();
      if (own && autoCommit) {
        c.setAutoCommit(false);
      }
      try {
        if (dialect == JdbcDialect.POSTGRESQL) {
          claimOnPostgres(c, sorted, won);
        } else {
          claimOnH2(c, sorted, won);
        }
        if (own) {
          c.commit();
        }
      } catch (SQLException | RuntimeException e) {
        if (own) {
          rollbackQuietly(c, e);
        }
        throw e;
      } finally {
        if (own && autoCommit) {
          c.setAutoCommit(true);
        }
      }
    } catch (SQLException e) {
      throw failure("claim " + claims.size() + " checkpoints for", null, e);
    }
    return Set.copyOf(won);
  }

  private static void claimOnPostgres(Connection c, List<CheckpointClaim> claims, Set<String> won)
      throws SQLException {
    int n = claims.size();
    Object[] keys = new Object[n];
    Object[] dueSeconds = new Object[n];
    Object[] dueNanos = new Object[n];
    Object[] firedSeconds = new Object[n];
    Object[] firedNanos = new Object[n];
    Object[] owners = new Object[n];
    Object[] late = new Object[n];
    for (int i = 0; i < n; i++) {
      CheckpointClaim claim = claims.get(i);
      keys[i] = claim.key();
      dueSeconds[i] = claim.dueAt().getEpochSecond();
      dueNanos[i] = claim.dueAt().getNano();
      firedSeconds[i] = claim.firedAt().getEpochSecond();
      firedNanos[i] = claim.firedAt().getNano();
      owners[i] = claim.owner();
      late[i] = claim.late();
    }
    try (PreparedStatement ps = c.prepareStatement(POSTGRESQL_CLAIM)) {
      ps.setArray(1, c.createArrayOf("varchar", keys));
      ps.setArray(2, c.createArrayOf("bigint", dueSeconds));
      ps.setArray(3, c.createArrayOf("integer", dueNanos));
      ps.setArray(4, c.createArrayOf("bigint", firedSeconds));
      ps.setArray(5, c.createArrayOf("integer", firedNanos));
      ps.setArray(6, c.createArrayOf("varchar", owners));
      ps.setArray(7, c.createArrayOf("boolean", late));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          won.add(rs.getString(1));
        }
      }
    }
  }

  private static void claimOnH2(Connection c, List<CheckpointClaim> claims, Set<String> won)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(H2_CLAIM)) {
      for (CheckpointClaim claim : claims) {
        ps.setString(1, claim.key());
        ps.setLong(2, claim.dueAt().getEpochSecond());
        ps.setInt(3, claim.dueAt().getNano());
        ps.setLong(4, claim.firedAt().getEpochSecond());
        ps.setInt(5, claim.firedAt().getNano());
        ps.setString(6, claim.owner());
        ps.setBoolean(7, claim.late());
        try {
          ps.executeUpdate();
          won.add(claim.key());
        } catch (SQLException e) {
          if (!"23505".equals(e.getSQLState())) {
            throw e;
          }
        }
      }
    }
  }

  private static void in(
      StringBuilder sql, List<Object> params, String column, List<String> values) {
    sql.append(" AND ").append(column).append(" IN (");
    for (int i = 0; i < values.size(); i++) {
      sql.append(i == 0 ? "?" : ", ?");
      params.add(values.get(i));
    }
    sql.append(')');
  }

  private static void equal(StringBuilder sql, List<Object> params, String column, String value) {
    sql.append(" AND ").append(column).append(" = ?");
    params.add(value);
  }

  private boolean insertTicket(Connection c, Ticket t, String snapshotJson, long writeId)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            dialect == JdbcDialect.POSTGRESQL ? POSTGRESQL_INSERT_TICKET : INSERT_TICKET)) {
      bindTicketColumns(ps, t, snapshotJson, writeId);
      ps.setLong(12, t.createdAt().getEpochSecond());
      ps.setInt(13, t.createdAt().getNano());
      ps.setString(14, Columns.order(t.id().value()));
      ps.setString(15, t.id().value());
      return ps.executeUpdate() == 1;
    }
  }

  /**
   * Updates the row if it holds the expected version and, when the ticket was based on a write this
   * thread saw, that very write.
   */
  private boolean updateTicket(
      Connection c, Ticket t, String snapshotJson, long writeId, long expected, Long basedOnWrite)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(basedOnWrite == null ? UPDATE_TICKET : UPDATE_KNOWN_TICKET)) {
      bindTicketColumns(ps, t, snapshotJson, writeId);
      ps.setString(12, t.id().value());
      ps.setLong(13, expected);
      if (basedOnWrite != null) {
        ps.setLong(14, basedOnWrite);
      }
      return ps.executeUpdate() == 1;
    }
  }

  /** Binds parameters 1..11, shared by the insert and the update. */
  private static void bindTicketColumns(
      PreparedStatement ps, Ticket t, String snapshotJson, long writeId) throws SQLException {
    ps.setString(1, t.status().name());
    ps.setString(2, t.priority().map(p -> p.priority().name()).orElse(null));
    ps.setString(3, t.category().map(cat -> cat.name()).orElse(null));
    ps.setString(4, Columns.key(t.assignee().orElse(null)));
    ps.setString(5, Columns.key(t.department().orElse(null)));
    ps.setString(6, Columns.key(t.customer().customerId()));
    Instant due = t.dueAt().orElse(null);
    if (due == null) {
      ps.setNull(7, Types.BIGINT);
      ps.setNull(8, Types.INTEGER);
    } else {
      ps.setLong(7, due.getEpochSecond());
      ps.setInt(8, due.getNano());
    }
    ps.setString(9, snapshotJson);
    ps.setLong(10, t.version());
    ps.setLong(11, writeId);
  }

  private void insertEvent(Connection c, TicketEvent e, String eventJson) throws SQLException {
    if (dialect == JdbcDialect.H2) {
      try (PreparedStatement ps = c.prepareStatement(H2_NEXT_COMMIT)) {
        ps.executeUpdate();
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement(dialect == JdbcDialect.H2 ? H2_INSERT_EVENT : INSERT_EVENT)) {
      ps.setString(1, e.ticketId().value());
      ps.setLong(2, e.version());
      ps.setLong(3, e.at().getEpochSecond());
      ps.setInt(4, e.at().getNano());
      ps.setString(5, Columns.key(e.actor().id()));
      ps.setString(6, e.change().getClass().getSimpleName());
      ps.setString(7, e.from() == null ? null : e.from().name());
      ps.setString(8, e.to().name());
      ps.setString(9, eventJson);
      ps.executeUpdate();
    }
  }

  private static void insertOutbox(Connection c, TicketEvent e, String eventJson)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(INSERT_OUTBOX)) {
      ps.setObject(1, FeedEvent.idOf(e));
      ps.setString(2, OUTBOX_AGGREGATE_TYPE);
      ps.setString(3, e.ticketId().value());
      ps.setString(4, changeType(e.change()));
      ps.setString(5, eventJson);
      ps.executeUpdate();
    }
  }

  /** The change's type name as in the event JSON, e.g. {@code RESOLVED}. */
  static String changeType(TicketChange change) {
    String name = CHANGE_TYPES.get(change.getClass());
    return name != null ? name : change.getClass().getSimpleName();
  }

  private VersionConflictException conflict(
      Connection c, TicketId id, long expected, boolean ownTransaction) {
    long actual;
    try (PreparedStatement ps = c.prepareStatement(SELECT_VERSION)) {
      ps.setString(1, id.value());
      try (ResultSet rs = ps.executeQuery()) {
        actual = rs.next() ? rs.getLong(1) : 0;
      }
      if (ownTransaction && !c.getAutoCommit()) {
        c.commit();
      }
    } catch (SQLException e) {
      throw failure("read the version after a conflict on", id, e);
    }
    parsed.remove(id);
    LOG.debug("version conflict on ticket {}: expected {}, stored {}", id, expected, actual);
    return new VersionConflictException(id, expected, actual);
  }

  /**
   * Unique violation (a concurrent create of the same id), serialisation failure or deadlock (a
   * concurrent update under stricter isolation), H2's concurrent-update error.
   */
  private static boolean isConflict(SQLException e) {
    String state = e.getSQLState();
    return "23505".equals(state)
        || "40001".equals(state)
        || "40P01".equals(state)
        || "90131".equals(state);
  }

  private static void rollbackQuietly(Connection c, Exception cause) {
    try {
      c.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  private String write(Object value) {
    try {
      return json.write(value);
    } catch (JsonProcessingException e) {
      throw new StorageException(
          "Cannot write " + value.getClass().getSimpleName() + " as JSON", e);
    }
  }

  /**
   * Parses a stored snapshot, or returns the ticket parsed from (or saved as) the very same text
   * before: equal text parses to an equal ticket, and tickets are immutable.
   */
  private Ticket readTicket(String text, TicketId id, long writeId, boolean cacheable) {
    Parsed known = parsed.get(id);
    if (known != null && known.writeId() == writeId && known.json().equals(text)) {
      return known.ticket();
    }
    Ticket ticket;
    try {
      ticket = json.readTicket(text);
    } catch (JsonProcessingException e) {
      throw new StorageException(
          "The stored snapshot of ticket " + id + " is not readable JSON", e);
    }
    if (cacheable) {
      remember(id, text, ticket, writeId);
    }
    return ticket;
  }

  private void remember(TicketId id, String text, Ticket ticket, long writeId) {
    if (text.length() > PARSED_CACHE_MAX_CHARS) {
      parsed.remove(id);
      return;
    }
    if (parsed.size() >= PARSED_CACHE_ENTRIES) {
      parsed.clear();
    }
    parsed.put(id, new Parsed(text, ticket, writeId));
  }

  private static Map<Class<?>, String> changeTypes() {
    Map<Class<?>, String> names = new HashMap<>();
    for (JsonSubTypes.Type type : TicketChange.class.getAnnotation(JsonSubTypes.class).value()) {
      names.put(type.value(), type.name());
    }
    return Map.copyOf(names);
  }

  private static void requireId(TicketId id) {
    if (id == null) {
      throw new ValidationException("id", null, "must not be null");
    }
  }

  private StorageException failure(String operation, TicketId id, SQLException e) {
    return new StorageException(
        "Could not "
            + operation
            + (id == null ? "" : " ticket " + id)
            + " on "
            + dialect
            + " (SQL state "
            + e.getSQLState()
            + ", error "
            + e.getErrorCode()
            + ")",
        e);
  }

  /**
   * Opens a durable embedded H2 database in a file, creating or upgrading its schema: the shortcut
   * for a single-process desk. The data source is H2's own connection pool (see the module README
   * for faster pools); H2 must be on the class path ({@code com.h2database:h2}, managed by the
   * BOM).
   *
   * @param file the database file without its {@code .mv.db} suffix, e.g. {@code data/loopdesk}
   * @return the store
   * @throws StorageException if H2 is missing or the file cannot be opened
   */
  public static JdbcTicketStore embeddedH2(java.nio.file.Path file) {
    if (file == null) {
      throw new ValidationException("file", null, "must not be null");
    }
    return builder().dataSource(EmbeddedH2.pool(file)).migrateSchema(true).build();
  }

  /** Configures a {@link JdbcTicketStore}; not thread-safe. */
  public static final class Builder {
    private DataSource dataSource;
    private boolean migrateSchema;
    private boolean joinCallerTransactions;
    private boolean outbox;
    private boolean allowDelayedH2Writes;
    private boolean rebuildH2IndexesOnStart = true;

    private Builder() {}

    /**
     * Sets the database; required. The store borrows a connection per call and closes it.
     *
     * @param value the host's data source, ideally a connection pool
     * @return this builder
     */
    public Builder dataSource(DataSource value) {
      if (value == null) {
        throw new ValidationException("dataSource", null, "must not be null");
      }
      dataSource = value;
      return this;
    }

    /**
     * Whether {@link #build()} creates or upgrades the schema with {@link JdbcSchema#migrate}
     * (default false: the host's migration tool owns the schema).
     *
     * @param value true to migrate on build
     * @return this builder
     */
    public Builder migrateSchema(boolean value) {
      migrateSchema = value;
      return this;
    }

    /**
     * Whether every connection the data source hands out belongs to the caller's current
     * transaction (default false). Set it when the data source is transaction-aware, such as
     * Spring's {@code TransactionAwareDataSourceProxy} or a JTA data source: the store then never
     * commits, rolls back or changes auto-commit, the ticket change commits or rolls back with the
     * caller's transaction, and a save outside a transaction (auto-commit on) fails with {@link
     * StorageException} instead of committing half of it. For plain JDBC, leave it off and use
     * {@link JdbcTicketStore#inTransactionOf}.
     *
     * @param value true to join the caller's transactions
     * @return this builder
     */
    public Builder joinCallerTransactions(boolean value) {
      joinCallerTransactions = value;
      return this;
    }

    /**
     * Whether every save also writes a row to the transactional outbox table {@code
     * loopdesk_outbox} in the same transaction (default false), in the column layout of Debezium's
     * outbox event router: {@code id} (the event id, {@link FeedEvent#idOf}), {@code aggregatetype}
     * ({@code "ticket"}), {@code aggregateid} (the ticket id), {@code type} (the change type, e.g.
     * {@code RESOLVED}) and {@code payload} (the event JSON). See the module's README for the
     * Debezium configuration.
     *
     * @param value true to write the outbox
     * @return this builder
     */
    public Builder outbox(boolean value) {
      outbox = value;
      return this;
    }

    /**
     * Whether an H2 file database may keep H2's delayed writes (default false). H2 writes committed
     * changes to its file up to {@code WRITE_DELAY} (500 ms by default) later, so a crash loses
     * saves the store already acknowledged; {@link #build()} therefore refuses a file database not
     * opened with {@code ;WRITE_DELAY=0} in its URL. Opt out only for data you can afford to lose.
     *
     * @param value true to keep delayed writes
     * @return this builder
     */
    public Builder allowDelayedH2Writes(boolean value) {
      allowDelayedH2Writes = value;
      return this;
    }

    /**
     * Whether building the store on an H2 file database rebuilds the Loopdesk indexes from the
     * table rows first (default true): H2 2.3 sometimes reopens a database after an unclean
     * shutdown with an index that misses rows of its table. It costs a scan of the Loopdesk tables
     * at start; see {@link JdbcSchema#rebuildIndexes}.
     *
     * @param value false to skip the rebuild
     * @return this builder
     */
    public Builder rebuildH2IndexesOnStart(boolean value) {
      rebuildH2IndexesOnStart = value;
      return this;
    }

    /**
     * Returns the store after checking that the database is supported and has the schema. On an H2
     * file database it also checks that commits are durable and rebuilds the indexes (see {@link
     * #allowDelayedH2Writes} and {@link #rebuildH2IndexesOnStart}).
     *
     * @throws ValidationException if no data source was set
     * @throws StorageException if the database is unsupported, unreachable, lacks the schema, or is
     *     an H2 file opened with delayed writes
     */
    public JdbcTicketStore build() {
      if (dataSource == null) {
        throw new ValidationException("dataSource", null, "must be set");
      }
      if (migrateSchema) {
        JdbcSchema.migrate(dataSource);
      }
      JdbcDialect dialect;
      try (Connection c = dataSource.getConnection()) {
        dialect = JdbcDialect.of(c);
        try (PreparedStatement ps =
                c.prepareStatement(
                    "SELECT t.id, e.version, e.feed_tx, s.name, k.claim_key FROM loopdesk_ticket t, loopdesk_ticket_event e,"
                        + " loopdesk_feed_subscription s, loopdesk_checkpoint_claim k WHERE 1 = 0");
            ResultSet rs = ps.executeQuery()) {
          rs.next();
        } catch (SQLException e) {
          throw new StorageException(
              "The Loopdesk tables are missing or outdated (SQL state "
                  + e.getSQLState()
                  + "): run the scripts in classpath:"
                  + dialect.migrationLocation()
                  + " with your migration tool, or build the store with migrateSchema(true)",
              e);
        }
        if (outbox) {
          try (PreparedStatement ps =
                  c.prepareStatement(
                      "SELECT id, aggregatetype, aggregateid, type, payload FROM loopdesk_outbox WHERE 1 = 0");
              ResultSet rs = ps.executeQuery()) {
            rs.next();
          } catch (SQLException e) {
            throw new StorageException(
                "The outbox table loopdesk_outbox is missing (SQL state "
                    + e.getSQLState()
                    + "): run the scripts in classpath:"
                    + dialect.migrationLocation()
                    + " up to V4",
                e);
          }
        }
        if (dialect == JdbcDialect.H2 && EmbeddedH2.isFile(c)) {
          if (!allowDelayedH2Writes) {
            EmbeddedH2.requireDurableCommits(c);
          }
          if (rebuildH2IndexesOnStart) {
            JdbcSchema.rebuildIndexes(dataSource);
          }
        }
      } catch (SQLException e) {
        throw new StorageException(
            "Cannot connect to the database (SQL state " + e.getSQLState() + ")", e);
      }
      return new JdbcTicketStore(dataSource, dialect, joinCallerTransactions, outbox);
    }
  }
}
