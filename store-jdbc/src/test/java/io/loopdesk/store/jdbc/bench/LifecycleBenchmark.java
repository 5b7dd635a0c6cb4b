package io.loopdesk.store.jdbc.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
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
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import javax.sql.DataSource;
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
 * resolve, a satisfactory callback, close (7 commands, each a transactional write; the JDBC store
 * answers the commands' reads from memory), on the in-memory store (the baseline), H2 in memory, H2
 * in a file ({@code WRITE_DELAY=0}, as the README requires) and PostgreSQL (when {@code
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
      Classification.of(
          Category.PRODUCT_FAULT,
          io.loopdesk.api.Level.MEDIUM,
          io.loopdesk.api.Level.HIGH,
          io.loopdesk.api.Level.LOW);
  private static final CallbackResult SATISFIED = CallbackResult.reached(true, 5, "满意");

  /** Which store the desk writes to. */
  @Param({"memory", "h2-memory", "h2-file", "postgresql"})
  public String store;

  /**
   * The host's connection pool: {@code hikari} (HikariCP), or {@code h2} (H2's own {@code
   * JdbcConnectionPool}, which rolls every connection back when it is returned, and a rollback
   * empties H2's per-session cache of parsed statements).
   */
  @Param({"hikari"})
  public String pool;

  private final AtomicLong ids = new AtomicLong();
  private DataSource dataSource;
  private String url;
  private String user;
  private String password;
  private Path h2Dir;
  private ServiceDesk desk;

  /** Opens the database and builds the desk. */
  @Setup(Level.Trial)
  public void open() throws IOException {
    switch (store) {
      case "memory" -> dataSource = null;
      case "h2-memory" -> dataSource = pool("jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1", "sa", "");
      case "h2-file" -> {
        h2Dir = Files.createTempDirectory("loopdesk-bench-h2");
        dataSource = pool("jdbc:h2:file:" + h2Dir.resolve("bench") + ";WRITE_DELAY=0", "sa", "");
      }
      case "postgresql" -> {
        String url = System.getenv("LOOPDESK_PG_URL");
        if (url == null || url.isBlank()) {
          throw new IllegalStateException(
              "LOOPDESK_PG_URL is not set: run under scripts/with-postgres.sh");
        }
        dataSource =
            pool(
                url,
                System.getenv().getOrDefault("LOOPDESK_PG_USER", "postgres"),
                System.getenv().getOrDefault("LOOPDESK_PG_PASSWORD", ""));
      }
      default -> throw new IllegalArgumentException("unknown store " + store);
    }
    desk =
        desk(
            dataSource == null
                ? null
                : JdbcTicketStore.builder().dataSource(dataSource).migrateSchema(true).build());
  }

  private DataSource pool(String jdbcUrl, String jdbcUser, String jdbcPassword) {
    url = jdbcUrl;
    user = jdbcUser;
    password = jdbcPassword;
    switch (pool) {
      case "hikari" -> {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(16);
        return new HikariDataSource(config);
      }
      case "h2" -> {
        JdbcConnectionPool h2Pool;
        if (url.startsWith("jdbc:postgresql:")) {
          PGConnectionPoolDataSource pg = new PGConnectionPoolDataSource();
          pg.setURL(url);
          pg.setUser(user);
          pg.setPassword(password);
          h2Pool = JdbcConnectionPool.create(pg);
        } else {
          h2Pool = JdbcConnectionPool.create(url, user, password);
        }
        h2Pool.setMaxConnections(16);
        return h2Pool;
      }
      default -> throw new IllegalArgumentException("unknown pool " + pool);
    }
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
    if (dataSource == null) {
      desk = desk(null);
      return;
    }
    try (Connection c = dataSource.getConnection();
        Statement st = c.createStatement()) {
      st.executeUpdate("DELETE FROM loopdesk_ticket_event");
      st.executeUpdate("DELETE FROM loopdesk_ticket");
    }
  }

  /** Drops the database: closes the pool first, then shuts H2 down or drops the tables. */
  @TearDown(Level.Trial)
  public void close() throws IOException, SQLException {
    if (dataSource instanceof HikariDataSource hikari) {
      hikari.close();
    } else if (dataSource instanceof JdbcConnectionPool h2Pool) {
      h2Pool.dispose();
    }
    if (url != null) {
      Databases.drop(url, user, password, store);
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

    static void drop(String url, String user, String password, String store) throws SQLException {
      try (Connection c = DriverManager.getConnection(url, user, password);
          Statement st = c.createStatement()) {
        if (store.startsWith("h2")) {
          st.execute("SHUTDOWN");
        } else {
          st.execute("DROP TABLE loopdesk_ticket_event");
          st.execute("DROP TABLE loopdesk_ticket");
          st.execute("DROP TABLE loopdesk_schema_history");
          st.execute("DROP TABLE IF EXISTS loopdesk_feed_subscription");
          st.execute("DROP SEQUENCE IF EXISTS loopdesk_feed_seq");
          st.execute("DROP TABLE IF EXISTS loopdesk_outbox");
          st.execute("DROP TABLE IF EXISTS loopdesk_checkpoint_claim");
        }
      }
    }
  }
}
