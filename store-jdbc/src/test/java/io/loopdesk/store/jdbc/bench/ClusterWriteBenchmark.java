package io.loopdesk.store.jdbc.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.loopdesk.api.Actor;
import io.loopdesk.api.Role;
import io.loopdesk.api.Ticket;
import io.loopdesk.api.TicketAction;
import io.loopdesk.api.TicketId;
import io.loopdesk.api.TicketStatus;
import io.loopdesk.api.event.TicketChange;
import io.loopdesk.api.event.TicketEvent;
import io.loopdesk.api.spi.FeedEvent;
import io.loopdesk.api.spi.FeedPosition;
import io.loopdesk.store.jdbc.JdbcSchema;
import io.loopdesk.store.jdbc.JdbcTicketStore;
import io.loopdesk.store.jdbc.internal.Columns;
import io.loopdesk.store.jdbc.internal.JsonCodec;
import io.loopdesk.store.tck.Samples;
import io.loopdesk.store.tck.TicketHistory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * PostgreSQL only ({@code LOOPDESK_PG_URL}): commands per second through {@link
 * JdbcTicketStore#save} with 1, 2, 4 and 8 writer threads, against raw-JDBC floors measured in the
 * same run, and the event feed's read throughput against a raw select of the same rows.
 *
 * <ul>
 *   <li>{@code writer=store}: one command = one {@code save} of a note on the thread's own ticket
 *       (JSON of ticket and event, conditional update, event insert with its feed position,
 *       commit).
 *   <li>{@code writer=floor}: the same two statements with the same columns and same-sized JSON
 *       prepared in advance, in one transaction: the database's share of a command.
 *   <li>{@code writer=floor-no-feed}: as {@code floor}, but the event goes to a copy of the event
 *       table without the feed columns and index (schema version 2): the feed's own write cost.
 * </ul>
 *
 * <p>{@code readFeed} reads {@value #FEED_EVENTS} events in pages of 1,000 with {@code readAfter}
 * (gap-safe query, JSON parsed to events); {@code readFloor} selects the same rows' JSON text in
 * the same order and parses nothing.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ClusterWriteBenchmark {
  static final int FEED_EVENTS = 20_000;
  private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
  private static final Actor AGENT = Actor.of("agent-007", Role.AGENT);
  private static final String FLOOR_UPDATE =
      "UPDATE loopdesk_ticket SET status = ?, priority = ?, category = ?, assignee_key = ?, department_key = ?,"
          + " customer_key = ?, due_second = ?, due_nano = ?, snapshot = ?, version = ?, write_id = ? WHERE id = ? AND version = ?";
  private static final String FLOOR_INSERT =
      "INSERT INTO %s (ticket_id, version, occurred_second, occurred_nano, actor_key, change_type, from_status, to_status, event)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

  /** What writes: the store, or a raw-JDBC floor. */
  @Param({"store", "floor", "floor-no-feed"})
  public String writer;

  private HikariDataSource dataSource;
  private JdbcTicketStore store;
  private final AtomicInteger threads = new AtomicInteger();
  private final JsonCodec json = new JsonCodec();

  /** Opens the pool, builds the schema, the plain event table and the events to read. */
  @Setup(Level.Trial)
  public void open() throws Exception {
    String url = System.getenv("LOOPDESK_PG_URL");
    if (url == null || url.isBlank()) {
      throw new IllegalStateException(
          "LOOPDESK_PG_URL is not set: run under scripts/with-postgres.sh");
    }
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setUsername(System.getenv().getOrDefault("LOOPDESK_PG_USER", "postgres"));
    config.setPassword(System.getenv().getOrDefault("LOOPDESK_PG_PASSWORD", ""));
    config.setMaximumPoolSize(12);
    dataSource = new HikariDataSource(config);
    JdbcSchema.migrate(dataSource);
    try (Connection c = dataSource.getConnection();
        Statement st = c.createStatement()) {
      st.execute("DELETE FROM loopdesk_ticket_event");
      st.execute("DELETE FROM loopdesk_ticket");
      st.execute("DROP TABLE IF EXISTS bench_event_without_feed");
      st.execute(
          "CREATE TABLE bench_event_without_feed (ticket_id VARCHAR(128) NOT NULL, version BIGINT NOT NULL,"
              + " occurred_second BIGINT NOT NULL, occurred_nano INTEGER NOT NULL, actor_key VARCHAR(400) NOT NULL,"
              + " change_type VARCHAR(64) NOT NULL, from_status VARCHAR(64), to_status VARCHAR(64) NOT NULL, event TEXT NOT NULL,"
              + " PRIMARY KEY (ticket_id, version))");
    }
    store = JdbcTicketStore.builder().dataSource(dataSource).build();
  }

  /** The events the read benchmarks read: written once per trial that reads. */
  @State(Scope.Benchmark)
  public static class FilledFeed {
    /** Writes {@value #FEED_EVENTS} events through the store. */
    @Setup(Level.Trial)
    public void fill(ClusterWriteBenchmark bench) throws Exception {
      bench.fillFeed();
    }
  }

  /** Writes {@value #FEED_EVENTS} events through the store, on a few threads. */
  private void fillFeed() throws Exception {
    Thread[] fillers = new Thread[4];
    for (int t = 0; t < fillers.length; t++) {
      int thread = t;
      fillers[t] =
          new Thread(
              () -> {
                Random random = new Random(thread);
                int written = 0;
                for (int i = 0; written < FEED_EVENTS / fillers.length; i++) {
                  TicketHistory h =
                      Samples.randomHistory(
                          random, TicketId.of("FEED-" + thread + "-" + i), T0, 10, 3);
                  int n = Math.min(h.events().size(), FEED_EVENTS / fillers.length - written);
                  for (int v = 0; v < n; v++) {
                    store.save(h.events().get(v), h.snapshots().get(v));
                  }
                  written += n;
                }
              });
      fillers[t].start();
    }
    for (Thread filler : fillers) {
      filler.join();
    }
  }

  /** Closes the pool. */
  @TearDown(Level.Trial)
  public void close() {
    dataSource.close();
  }

  /** One writer thread's ticket, and the JSON the floors write. */
  @State(Scope.Thread)
  public static class Writer {
    Ticket ticket;
    TicketEvent event;
    String snapshotJson;
    String eventJson;

    /** Opens the thread's ticket and prepares a typical command's JSON. */
    @Setup(Level.Trial)
    public void open(ClusterWriteBenchmark bench) throws Exception {
      TicketHistory h =
          TicketHistory.open(
              TicketId.of("W-" + bench.threads.incrementAndGet() + "-" + bench.writer), T0);
      h.classify(
              io.loopdesk.api.Category.PRODUCT_FAULT,
              Samples.priority(new Random(1)),
              T0.plus(Duration.ofHours(48)))
          .assign("agent-007", "售后服务部")
          .start();
      h.saveAllTo(bench.store);
      ticket = h.ticket();
      TicketEvent sample = note(ticket);
      snapshotJson = bench.json.write(sample.applyTo(ticket));
      eventJson = bench.json.write(sample);
    }
  }

  private static TicketEvent note(Ticket current) {
    return new TicketEvent(
        current.id(),
        current.version() + 1,
        current.updatedAt().plusMillis(1),
        AGENT,
        current.status(),
        TicketStatus.IN_PROGRESS,
        new TicketChange.CustomTransition(TicketAction.of("NOTE"), "called the customer back 回访"));
  }

  private void command(Writer w) throws SQLException {
    if (writer.equals("store")) {
      TicketEvent event = note(w.ticket);
      Ticket after = event.applyTo(w.ticket);
      store.save(event, after);
      w.ticket = after;
      return;
    }
    long version = w.ticket.version() + 1;
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement update = c.prepareStatement(FLOOR_UPDATE);
          PreparedStatement insert =
              c.prepareStatement(
                  String.format(
                      FLOOR_INSERT,
                      writer.equals("floor")
                          ? "loopdesk_ticket_event"
                          : "bench_event_without_feed"))) {
        Ticket t = w.ticket;
        update.setString(1, "IN_PROGRESS");
        update.setString(2, t.priority().orElseThrow().priority().name());
        update.setString(3, t.category().orElseThrow().name());
        update.setString(4, Columns.key(t.assignee().orElseThrow()));
        update.setString(5, Columns.key(t.department().orElseThrow()));
        update.setString(6, Columns.key(t.customer().customerId()));
        update.setLong(7, t.dueAt().orElseThrow().getEpochSecond());
        update.setInt(8, 0);
        update.setString(9, w.snapshotJson);
        update.setLong(10, version);
        update.setLong(11, ThreadLocalRandom.current().nextLong());
        update.setString(12, t.id().value());
        update.setLong(13, version - 1);
        if (update.executeUpdate() != 1) {
          throw new IllegalStateException("floor lost its ticket");
        }
        insert.setString(1, t.id().value());
        insert.setLong(2, version);
        insert.setLong(3, t.updatedAt().getEpochSecond());
        insert.setInt(4, 0);
        insert.setString(5, Columns.key(AGENT.id()));
        insert.setString(6, "CustomTransition");
        insert.setString(7, "IN_PROGRESS");
        insert.setString(8, "IN_PROGRESS");
        insert.setString(9, w.eventJson);
        insert.executeUpdate();
        c.commit();
      } finally {
        c.setAutoCommit(true);
      }
    }
    w.ticket =
        w.ticket.toBuilder().version(version).updatedAt(w.ticket.updatedAt().plusMillis(1)).build();
  }

  /** One command, one writer thread. */
  @Benchmark
  @Threads(1)
  public void commands1Thread(Writer w) throws SQLException {
    command(w);
  }

  /** One command, two writer threads. */
  @Benchmark
  @Threads(2)
  public void commands2Threads(Writer w) throws SQLException {
    command(w);
  }

  /** One command, four writer threads. */
  @Benchmark
  @Threads(4)
  public void commands4Threads(Writer w) throws SQLException {
    command(w);
  }

  /** One command, eight writer threads. */
  @Benchmark
  @Threads(8)
  public void commands8Threads(Writer w) throws SQLException {
    command(w);
  }

  /** Reads the whole feed through {@code readAfter}; the score is events per second. */
  @Benchmark
  @OperationsPerInvocation(FEED_EVENTS)
  public int readFeed(FilledFeed filled) {
    int read = 0;
    FeedPosition after = FeedPosition.START;
    for (List<FeedEvent> page = store.readAfter(after, 1000);
        !page.isEmpty();
        page = store.readAfter(after, 1000)) {
      read += page.size();
      after = page.get(page.size() - 1).position();
    }
    return read;
  }

  /**
   * Selects the same rows' JSON in the same order without parsing it; the score is rows per second.
   */
  @Benchmark
  @OperationsPerInvocation(FEED_EVENTS)
  public int readFloor(FilledFeed filled) throws SQLException {
    int read = 0;
    long lastTx = 0;
    long lastSeq = 0;
    while (true) {
      int page = 0;
      try (Connection c = dataSource.getConnection();
          PreparedStatement ps =
              c.prepareStatement(
                  "SELECT feed_tx, feed_seq, event FROM loopdesk_ticket_event"
                      + " WHERE (feed_tx, feed_seq) > (?, ?) ORDER BY feed_tx, feed_seq LIMIT 1000")) {
        ps.setLong(1, lastTx);
        ps.setLong(2, lastSeq);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            lastTx = rs.getLong(1);
            lastSeq = rs.getLong(2);
            read += rs.getString(3).length() > 0 ? 1 : 0;
            page++;
          }
        }
      }
      if (page == 0) {
        return read;
      }
    }
  }
}
