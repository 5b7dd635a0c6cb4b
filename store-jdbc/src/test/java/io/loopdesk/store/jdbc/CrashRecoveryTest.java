package io.loopdesk.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.loopdesk.api.Page;
import io.loopdesk.api.Ticket;
import io.loopdesk.api.TicketId;
import io.loopdesk.api.TicketQuery;
import io.loopdesk.api.event.TicketEvent;
import io.loopdesk.api.spi.FeedEvent;
import io.loopdesk.api.spi.FeedPosition;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A child JVM writes tickets and events with several threads and is killed with SIGKILL in the
 * middle of its writes, several times in a row on the same database. After each kill the database
 * is reopened and must be consistent: every ticket equals the replay of its own events, versions
 * have no gaps, no event exists without its ticket, and nothing is half written; every save the
 * child saw committed must be there too, and the event feed holds every stored event exactly once
 * in strictly increasing positions.
 *
 * <p>The H2 database is opened the way the README tells a newcomer to, {@link
 * JdbcTicketStore#embeddedH2}'s durable file, and the child and the checker go through the store's
 * builder and nothing else (a plain {@code jdbc:h2:file:} URL with H2's delayed writes is refused
 * by the builder, see {@code H2DurabilityTest}). The builder rebuilds the indexes on start. Without
 * the rebuild, H2 2.3 sometimes reopens a killed database with an index that misses rows of its
 * table (a ticket found by a full scan but not by its id), in about one run of this test in seven
 * (one in three with H2's default delayed writes, which also lost 54 to 262 acknowledged saves over
 * five kills).
 */
class CrashRecoveryTest {
  private static final int KILLS = 2;

  @TempDir Path dir;

  @Test
  void theEmbeddedH2FileIsConsistentAndDurableAfterTheWriterIsKilledMidWrite() throws Exception {
    Path file = dir.resolve("durable");
    crashRepeatedly(
        CrashWriter.EMBEDDED + file.toAbsolutePath(),
        "sa",
        "",
        () -> (JdbcConnectionPool) EmbeddedH2.pool(file));
  }

  @Test
  @RequiresPostgres
  void aPostgresDatabaseIsConsistentAndDurableAfterTheWriterIsKilledMidWrite() throws Exception {
    JdbcConnectionPool admin = Databases.postgres().orElseThrow();
    try {
      JdbcSchema.migrate(admin);
      Databases.empty(admin);
    } finally {
      admin.dispose();
    }
    crashRepeatedly(
        System.getenv(Databases.PG_URL),
        System.getenv().getOrDefault("LOOPDESK_PG_USER", "postgres"),
        System.getenv().getOrDefault("LOOPDESK_PG_PASSWORD", ""),
        () -> Databases.postgres().orElseThrow());
  }

  private interface PoolFactory {
    JdbcConnectionPool open();
  }

  private void crashRepeatedly(String url, String user, String password, PoolFactory pools)
      throws Exception {
    Random random = new Random(42);
    int ticketsBefore = 0;
    for (int kill = 1; kill <= KILLS; kill++) {
      long extraMillis = 150 + random.nextInt(400);
      Map<String, Long> acknowledged =
          runAndKill(url, user, password, "crash-" + kill, extraMillis);
      assertThat(acknowledged).as("saves the child reported before kill %d", kill).isNotEmpty();
      JdbcConnectionPool pool = pools.open();
      try {
        int tickets = verifyConsistent(pool, acknowledged);
        assertThat(tickets).as("tickets after kill %d", kill).isGreaterThan(ticketsBefore);
        ticketsBefore = tickets;
      } finally {
        pool.dispose();
      }
    }
    assertThat(ticketsBefore).as("tickets that survived the kills").isPositive();
  }

  /**
   * Starts the writer, waits until it has committed some saves, lets it run a little and kills it.
   */
  private Map<String, Long> runAndKill(
      String url, String user, String password, String prefix, long extraMillis) throws Exception {
    String classPath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Path argsFile = dir.resolve(prefix + ".args");
    // the class path goes through an @argfile: it may be longer than a command line allows
    Files.writeString(
        argsFile, "-cp \"" + classPath.replace("\\", "\\\\") + "\"\n", StandardCharsets.UTF_8);
    ProcessBuilder builder =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx256m",
            "-XX:TieredStopAtLevel=1",
            "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
            "@" + argsFile,
            CrashWriter.class.getName(),
            url,
            user,
            password,
            prefix);
    builder.redirectError(dir.resolve(prefix + ".err").toFile());
    Process child = builder.start();
    Map<String, Long> acknowledged = new HashMap<>();
    AtomicInteger lines = new AtomicInteger();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader in =
                  new BufferedReader(
                      new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                  int space = line.lastIndexOf(' ');
                  if (space > 0) {
                    synchronized (acknowledged) {
                      acknowledged.merge(
                          line.substring(0, space),
                          Long.parseLong(line.substring(space + 1)),
                          Math::max);
                    }
                    lines.incrementAndGet();
                  }
                }
              } catch (IOException | NumberFormatException e) {
                // the stream ends abruptly when the child is killed
              }
            });
    reader.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (lines.get() < 200 && child.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(child.isAlive())
        .as("writer alive before the kill; its stderr: %s", errors(prefix))
        .isTrue();
    Thread.sleep(extraMillis);
    child.destroyForcibly();
    assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(137);
    reader.join(10_000);
    synchronized (acknowledged) {
      return new HashMap<>(acknowledged);
    }
  }

  private String errors(String prefix) {
    File err = dir.resolve(prefix + ".err").toFile();
    try {
      return err.exists() ? Files.readString(err.toPath()) : "";
    } catch (IOException e) {
      return e.toString();
    }
  }

  /** Checks the reopened database; returns the number of tickets. */
  private static int verifyConsistent(DataSource dataSource, Map<String, Long> acknowledged)
      throws SQLException {
    JdbcTicketStore store = JdbcTicketStore.builder().dataSource(dataSource).build();
    List<Ticket> tickets = new ArrayList<>();
    TicketQuery query = TicketQuery.builder().limit(TicketQuery.MAX_LIMIT).build();
    Page<Ticket> page;
    do {
      page = store.query(query);
      tickets.addAll(page.items());
      query = query.nextPage();
    } while (page.hasMore());

    List<TicketEvent> inFeed = new ArrayList<>();
    FeedPosition after = FeedPosition.START;
    for (List<FeedEvent> batch = store.readAfter(after, 1000);
        !batch.isEmpty();
        batch = store.readAfter(after, 1000)) {
      for (FeedEvent e : batch) {
        assertThat(e.position().isAfter(after))
            .as("feed position %s after %s", e.position(), after)
            .isTrue();
        after = e.position();
        inFeed.add(e.event());
      }
    }
    List<TicketEvent> storedEvents = new ArrayList<>();
    for (Ticket ticket : tickets) {
      List<TicketEvent> events = store.events(ticket.id());
      storedEvents.addAll(events);
      assertThat(events).as("events of %s", ticket.id()).hasSize((int) ticket.version());
      assertThat(TicketEvent.replay(events)).as("replay of %s", ticket.id()).isEqualTo(ticket);
      assertThat(store.find(ticket.id())).contains(ticket);
    }
    assertThat(inFeed)
        .as("the feed holds every stored event once")
        .containsExactlyInAnyOrderElementsOf(storedEvents);
    try (Connection c = dataSource.getConnection();
        Statement st = c.createStatement()) {
      assertThat(count(st, "SELECT COUNT(*) FROM loopdesk_ticket")).isEqualTo(tickets.size());
      assertThat(
              count(
                  st,
                  "SELECT COUNT(*) FROM loopdesk_ticket_event e WHERE NOT EXISTS"
                      + " (SELECT 1 FROM loopdesk_ticket t WHERE t.id = e.ticket_id AND e.version <= t.version)"))
          .as("events without their ticket or beyond its version")
          .isZero();
      assertThat(
              count(
                  st,
                  "SELECT COUNT(*) FROM loopdesk_ticket t WHERE t.version <>"
                      + " (SELECT COUNT(*) FROM loopdesk_ticket_event e WHERE e.ticket_id = t.id)"))
          .as("tickets whose version differs from their number of events")
          .isZero();
    }
    int lost = 0;
    for (Map.Entry<String, Long> ack : acknowledged.entrySet()) {
      long stored = store.find(TicketId.of(ack.getKey())).map(Ticket::version).orElse(0L);
      if (stored < ack.getValue()) {
        lost++;
      }
    }
    System.out.printf(
        "crash recovery: %d tickets consistent; %d of %d reported saves not in the database%n",
        tickets.size(), lost, acknowledged.size());
    assertThat(lost).as("tickets missing a save the writer saw committed").isZero();
    return tickets.size();
  }

  private static long count(Statement st, String sql) throws SQLException {
    try (ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
