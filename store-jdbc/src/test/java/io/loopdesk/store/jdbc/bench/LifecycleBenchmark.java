package io.loopdesk.store.jdbc.bench;

import io.loopdesk.api.Actor;
import io.loopdesk.api.Assignment;
import io.loopdesk.api.CallbackResult;
import io.loopdesk.api.Category;
import io.loopdesk.api.Channel;
import io.loopdesk.api.Classification;
import io.loopdesk.api.Customer;
import io.loopdesk.api.NewTicket;
import io.loopdesk.api.Role;
import io.loopdesk.api.ServiceDesk;
import io.loopdesk.api.Ticket;
import io.loopdesk.api.TicketId;
import io.loopdesk.api.spi.TicketStore;
import io.loopdesk.core.InMemoryTicketStore;
import io.loopdesk.core.ServiceDesks;
import io.loopdesk.store.jdbc.JdbcTicketStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.h2.jdbcx.JdbcConnectionPool;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.postgresql.ds.PGConnectionPoolDataSource;

/**
 * Full ticket lifecycles per second through a {@link ServiceDesk}: open, classify, assign, start,
 * resolve, a satisfactory callback, close (7 commands, each a read and a transactional write), on
 * the in-memory store (the baseline), H2 in memory, H2 in a file and PostgreSQL (when {@code
 * LOOPDESK_PG_URL} is set; leave it out with {@code -p store=memory,h2-memory,h2-file} otherwise).
 * Tables are emptied before every iteration so that all iterations start alike.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class LifecycleBenchmark {
  private static final Actor AGENT = Actor.of("agent-007", Role.AGENT);
  private static final NewTicket REQUEST =
      NewTicket.builder()
          .channel(Channel.PHONE)
          .customer(Customer.of("C-1", "张三", "13800001111", "zhang.san@example.cn"))
          .product("空调 KFR-35")
          .problem("制冷不工作, E5 error 😡")
          .expectation("上门维修")
          .build();
  private static final Classification CLASSIFICATION =
      Classification.of(Category.PRODUCT_FAULT, io.loopdesk.api.Level.MEDIUM, io.loopdesk.api.Level.HIGH, io.loopdesk.api.Level.LOW);
  private static final CallbackResult SATISFIED = CallbackResult.reached(true, 5, "满意");

  /** Which store the desk writes to. */
  @Param({"memory", "h2-memory", "h2-file", "postgresql"})
  public String store;

  private final AtomicLong ids = new AtomicLong();
  private JdbcConnectionPool pool;
  private Path h2Dir;
  private ServiceDesk desk;

  /** Opens the database and builds the desk. */
  @Setup(Level.Trial)
  public void open() throws IOException {
    TicketStore ticketStore;
    switch (store) {
      case "memory" -> ticketStore = null;
      case "h2-memory" -> {
        pool = JdbcConnectionPool.create("jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1", "sa", "");
        ticketStore = jdbc(pool);
      }
      case "h2-file" -> {
        h2Dir = Files.createTempDirectory("loopdesk-bench-h2");
        pool = JdbcConnectionPool.create("jdbc:h2:file:" + h2Dir.resolve("bench"), "sa", "");
        ticketStore = jdbc(pool);
      }
      case "postgresql" -> {
        String url = System.getenv("LOOPDESK_PG_URL");
        if (url == null || url.isBlank()) {
          throw new IllegalStateException("LOOPDESK_PG_URL is not set: run under scripts/with-postgres.sh");
        }
        PGConnectionPoolDataSource pg = new PGConnectionPoolDataSource();
        pg.setURL(url);
        pg.setUser(System.getenv().getOrDefault("LOOPDESK_PG_USER", "postgres"));
        pg.setPassword(System.getenv().getOrDefault("LOOPDESK_PG_PASSWORD", ""));
        pool = JdbcConnectionPool.create(pg);
        ticketStore = jdbc(pool);
      }
      default -> throw new IllegalArgumentException("unknown store " + store);
    }
    desk = desk(ticketStore);
  }

  private static TicketStore jdbc(JdbcConnectionPool pool) {
    pool.setMaxConnections(16);
    return JdbcTicketStore.builder().dataSource(pool).migrateSchema(true).build();
  }

  private ServiceDesk desk(TicketStore ticketStore) {
    ServiceDesks.Builder builder =
        ServiceDesks.builder()
            .clock(Clock.fixed(Instant.parse("2026-06-01T08:00:00Z"), ZoneOffset.UTC))
            .idGenerator(() -> TicketId.of("B-" + ids.incrementAndGet()));
    return builder.store(ticketStore == null ? new InMemoryTicketStore() : ticketStore).build();
  }

  /** Starts every iteration with an empty store. */
  @Setup(Level.Iteration)
  public void empty() throws SQLException {
    if (pool == null) {
      desk = desk(null);
      return;
    }
    try (Connection c = pool.getConnection();
        Statement st = c.createStatement()) {
      st.executeUpdate("DELETE FROM loopdesk_ticket_event");
      st.executeUpdate("DELETE FROM loopdesk_ticket");
    }
  }

  /** Drops the database. */
  @TearDown(Level.Trial)
  public void close() throws IOException, SQLException {
    if (pool != null) {
      Databases.drop(pool, store);
      pool.dispose();
    }
    if (h2Dir != null) {
      try (Stream<Path> files = Files.walk(h2Dir)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  /** One lifecycle on one thread. */
  @Benchmark
  @Threads(1)
  public Ticket lifecycle1Thread() {
    return lifecycle();
  }

  /** Lifecycles on four threads, each on its own tickets. */
  @Benchmark
  @Threads(4)
  public Ticket lifecycle4Threads() {
    return lifecycle();
  }

  private Ticket lifecycle() {
    Ticket t = desk.open(REQUEST, AGENT);
    t = desk.classify(t.id(), t.version(), CLASSIFICATION, AGENT);
    t = desk.assign(t.id(), t.version(), Assignment.of("agent-007", "售后服务部"), AGENT);
    t = desk.start(t.id(), t.version(), AGENT);
    t = desk.resolve(t.id(), t.version(), "更换压缩机", AGENT);
    t = desk.recordCallback(t.id(), t.version(), SATISFIED, AGENT);
    return desk.close(t.id(), t.version(), AGENT);
  }

  /** Database clean-up after a trial. */
  private static final class Databases {
    private Databases() {}

    static void drop(JdbcConnectionPool pool, String store) throws SQLException {
      try (Connection c = pool.getConnection();
          Statement st = c.createStatement()) {
        if (store.startsWith("h2")) {
          st.execute("SHUTDOWN");
        } else {
          st.execute("DROP TABLE loopdesk_ticket_event");
          st.execute("DROP TABLE loopdesk_ticket");
          st.execute("DROP TABLE loopdesk_schema_history");
        }
      }
    }
  }
}
