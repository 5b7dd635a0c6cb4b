package io.loopdesk.store.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.loopdesk.api.Page;
import io.loopdesk.api.Priority;
import io.loopdesk.api.Ticket;
import io.loopdesk.api.TicketId;
import io.loopdesk.api.TicketQuery;
import io.loopdesk.api.TicketStatus;
import io.loopdesk.api.ValidationException;
import io.loopdesk.api.VersionConflictException;
import io.loopdesk.api.event.TicketEvent;
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
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
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
 * insert of the event; a stale version, an existing id or a lost race rolls back and throws {@link
 * VersionConflictException}. Reads use single statements. The store needs read-committed isolation
 * or stronger, the default of both databases, and leaves the connection's auto-commit mode as it
 * found it.
 *
 * <p><b>Failures.</b> A database error is rethrown as {@link StorageException} after rollback. Its
 * message names the operation, the ticket id and the SQL state; the driver's exception is its
 * cause.
 *
 * <p><b>Memory.</b> The store keeps the parsed snapshots of up to 1024 recently used tickets with
 * the random write id stored in their row. {@link #find} and {@link #query} always read the
 * database and reuse a parsed snapshot only while the row is unchanged. {@link #findForCommand}
 * answers from memory when it holds exactly the expected version; the save that follows on the
 * same thread then requires the row to still hold that write.
 *
 * <p><b>Threads.</b> Thread-safe when the data source is (every pool is): the store borrows one
 * connection per call. Use a connection pool in production; opening a connection per call is slow
 * on every database. Prefer a pool that returns connections as they were (HikariCP, for one): H2's
 * own {@code JdbcConnectionPool} rolls back every returned connection, which empties H2's cache of
 * parsed statements and makes each save 1.4 to 1.9 times as expensive (BENCHMARKS.md).
 */
public final class JdbcTicketStore implements TicketStore {
  private static final Logger LOG = LoggerFactory.getLogger(JdbcTicketStore.class);

  private static final String SELECT_TICKET = "SELECT snapshot, write_id FROM loopdesk_ticket WHERE id = ?";
  private static final String SELECT_VERSION = "SELECT version FROM loopdesk_ticket WHERE id = ?";
  private static final String SELECT_EVENTS =
      "SELECT event FROM loopdesk_ticket_event WHERE ticket_id = ? ORDER BY version";
  private static final String INSERT_TICKET =
      "INSERT INTO loopdesk_ticket (status, priority, category, assignee_key, department_key, customer_key,"
          + " due_second, due_nano, snapshot, version, write_id, created_second, created_nano, id_order, id)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String UPDATE_TICKET =
      "UPDATE loopdesk_ticket SET status = ?, priority = ?, category = ?, assignee_key = ?, department_key = ?,"
          + " customer_key = ?, due_second = ?, due_nano = ?, snapshot = ?, version = ?, write_id = ?"
          + " WHERE id = ? AND version = ?";
  private static final String UPDATE_KNOWN_TICKET = UPDATE_TICKET + " AND write_id = ?";
  private static final String INSERT_EVENT =
      "INSERT INTO loopdesk_ticket_event (ticket_id, version, occurred_second, occurred_nano, actor_key,"
          + " change_type, from_status, to_status, event) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

  /** Tickets whose parsed snapshot is kept, to skip parsing a snapshot that has not changed. */
  private static final int PARSED_CACHE_ENTRIES = 1024;
  /** Longer snapshots are parsed every time, to bound the cache's memory. */
  private static final int PARSED_CACHE_MAX_CHARS = 8192;

  private final DataSource dataSource;
  private final JdbcDialect dialect;
  private final JsonCodec json = new JsonCodec();
  private final ConcurrentHashMap<TicketId, Parsed> parsed = new ConcurrentHashMap<>();
  /** The row the calling thread's last find or findForCommand answered with, for its next save. */
  private final ThreadLocal<Read> lastRead = new ThreadLocal<>();

  /** A snapshot's JSON text, the ticket it parses to and the write that stored it. */
  private record Parsed(String json, Ticket ticket, long writeId) {}

  /** A ticket row as a thread last saw it: a save based on it must find that very write. */
  private record Read(TicketId id, long version, long writeId) {}

  private JdbcTicketStore(DataSource dataSource, JdbcDialect dialect) {
    this.dataSource = dataSource;
    this.dialect = dialect;
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
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(SELECT_TICKET)) {
      ps.setString(1, id.value());
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          lastRead.remove();
          return Optional.empty();
        }
        long writeId = rs.getLong(2);
        Ticket ticket = readTicket(rs.getString(1), id, writeId);
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
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(SELECT_EVENTS)) {
      ps.setString(1, id.value());
      List<TicketEvent> events = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String text = rs.getString(1);
          try {
            events.add(json.readEvent(text));
          } catch (JsonProcessingException e) {
            throw new StorageException("Event " + (events.size() + 1) + " of ticket " + id + " is not readable JSON", e);
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
    Long basedOnWrite = read != null && read.id().equals(id) && read.version() == expected ? read.writeId() : null;
    long writeId = ThreadLocalRandom.current().nextLong();
    try (Connection c = dataSource.getConnection()) {
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
          throw conflict(c, id, expected);
        }
        insertEvent(c, event, eventJson);
        c.commit();
        remember(id, snapshotJson, ticket, writeId);
      } catch (SQLException e) {
        rollbackQuietly(c, e);
        if (isConflict(e)) {
          throw conflict(c, id, expected);
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

  @Override
  public Page<Ticket> query(TicketQuery query) {
    if (query == null) {
      throw new ValidationException("query", null, "must not be null");
    }
    StringBuilder sql = new StringBuilder("SELECT id, snapshot, write_id FROM loopdesk_ticket WHERE 1 = 1");
    List<Object> params = new ArrayList<>();
    if (!query.statuses().isEmpty()) {
      in(sql, params, "status", query.statuses().stream().map(TicketStatus::name).sorted().toList());
    }
    if (!query.priorities().isEmpty()) {
      in(sql, params, "priority", query.priorities().stream().map(Priority::name).sorted().toList());
    }
    query.assignee().ifPresent(v -> equal(sql, params, "assignee_key", Columns.key(v)));
    query.department().ifPresent(v -> equal(sql, params, "department_key", Columns.key(v)));
    query.customerId().ifPresent(v -> equal(sql, params, "customer_key", Columns.key(v)));
    query.category().ifPresent(v -> equal(sql, params, "category", v.name()));
    query.dueBefore().ifPresent(v -> {
      sql.append(" AND (due_second < ? OR (due_second = ? AND due_nano < ?))");
      params.add(v.getEpochSecond());
      params.add(v.getEpochSecond());
      params.add(v.getNano());
    });
    query.createdFrom().ifPresent(v -> {
      sql.append(" AND (created_second > ? OR (created_second = ? AND created_nano >= ?))");
      params.add(v.getEpochSecond());
      params.add(v.getEpochSecond());
      params.add(v.getNano());
    });
    sql.append(" ORDER BY created_second, created_nano, id_order OFFSET ? ROWS FETCH FIRST ? ROWS ONLY");
    params.add((long) query.offset());
    params.add((long) query.limit() + 1);
    List<Ticket> items = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql.toString())) {
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
          items.add(readTicket(rs.getString(2), TicketId.of(rs.getString(1)), rs.getLong(3)));
        }
      }
    } catch (SQLException e) {
      throw failure("query", null, e);
    }
    boolean hasMore = items.size() > query.limit();
    return new Page<>(hasMore ? items.subList(0, query.limit()) : items, hasMore);
  }

  private static void in(StringBuilder sql, List<Object> params, String column, List<String> values) {
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

  private boolean insertTicket(Connection c, Ticket t, String snapshotJson, long writeId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(INSERT_TICKET)) {
      bindTicketColumns(ps, t, snapshotJson, writeId);
      ps.setLong(12, t.createdAt().getEpochSecond());
      ps.setInt(13, t.createdAt().getNano());
      ps.setString(14, Columns.order(t.id().value()));
      ps.setString(15, t.id().value());
      return ps.executeUpdate() == 1;
    }
  }

  /**
   * Updates the row if it holds the expected version and, when the ticket was based on a write
   * this thread saw, that very write.
   */
  private boolean updateTicket(Connection c, Ticket t, String snapshotJson, long writeId, long expected, Long basedOnWrite)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(basedOnWrite == null ? UPDATE_TICKET : UPDATE_KNOWN_TICKET)) {
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
  private static void bindTicketColumns(PreparedStatement ps, Ticket t, String snapshotJson, long writeId) throws SQLException {
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

  private static void insertEvent(Connection c, TicketEvent e, String eventJson) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(INSERT_EVENT)) {
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

  private VersionConflictException conflict(Connection c, TicketId id, long expected) {
    long actual;
    try (PreparedStatement ps = c.prepareStatement(SELECT_VERSION)) {
      ps.setString(1, id.value());
      try (ResultSet rs = ps.executeQuery()) {
        actual = rs.next() ? rs.getLong(1) : 0;
      }
      if (!c.getAutoCommit()) {
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
    return "23505".equals(state) || "40001".equals(state) || "40P01".equals(state) || "90131".equals(state);
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
      throw new StorageException("Cannot write " + value.getClass().getSimpleName() + " as JSON", e);
    }
  }

  /**
   * Parses a stored snapshot, or returns the ticket parsed from (or saved as) the very same text
   * before: equal text parses to an equal ticket, and tickets are immutable.
   */
  private Ticket readTicket(String text, TicketId id, long writeId) {
    Parsed known = parsed.get(id);
    if (known != null && known.writeId() == writeId && known.json().equals(text)) {
      return known.ticket();
    }
    Ticket ticket;
    try {
      ticket = json.readTicket(text);
    } catch (JsonProcessingException e) {
      throw new StorageException("The stored snapshot of ticket " + id + " is not readable JSON", e);
    }
    remember(id, text, ticket, writeId);
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

  /** Configures a {@link JdbcTicketStore}; not thread-safe. */
  public static final class Builder {
    private DataSource dataSource;
    private boolean migrateSchema;

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
     * Returns the store after checking that the database is supported and has the schema.
     *
     * @throws ValidationException if no data source was set
     * @throws StorageException if the database is unsupported, unreachable or lacks the schema
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
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT t.id, e.version FROM loopdesk_ticket t, loopdesk_ticket_event e WHERE 1 = 0");
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
      } catch (SQLException e) {
        throw new StorageException("Cannot connect to the database (SQL state " + e.getSQLState() + ")", e);
      }
      return new JdbcTicketStore(dataSource, dialect);
    }
  }
}
