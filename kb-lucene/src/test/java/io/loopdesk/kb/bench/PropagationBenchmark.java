package io.loopdesk.kb.bench;

import io.loopdesk.api.kb.Article;
import io.loopdesk.api.kb.Hit;
import io.loopdesk.api.kb.SearchRequest;
import io.loopdesk.kb.KbJdbcSchema;
import io.loopdesk.kb.LuceneKnowledgeBase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
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

/**
 * Propagation between two instances of one shared knowledge base: the time from the start of a
 * {@code save} on instance A to the moment a search on instance B returns the saved version
 * (SampleTime gives p50/p99). Both instances hold {@link #articles} generated articles in their own
 * in-memory index and follow the database with {@link #pollMillis}. B is checked every millisecond.
 *
 * <p>{@code database}: {@code h2} (in memory, always available) or {@code postgresql} (the server
 * named by {@code LOOPDESK_PG_URL}, {@code LOOPDESK_PG_USER}, {@code LOOPDESK_PG_PASSWORD}; run
 * under {@code store-jdbc/scripts/with-postgres.sh}; its knowledge-base tables are emptied).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class PropagationBenchmark {
  private static final String PROBE_QUERY = "zqxvprobe";

  /** Which database. */
  @Param("h2")
  public String database;

  /** The instances' poll interval in milliseconds. */
  @Param({"200", "50"})
  public int pollMillis;

  /** How many articles both indexes hold besides the probe. */
  @Param("10000")
  public int articles;

  /**
   * What happens between two saves, outside the measured time: {@code none} (back to back: each
   * save comes just after B's poll found the previous one, the worst phase, so latency is about one
   * poll interval) or {@code random} (a pause of 0 to 1.5 poll intervals: saves arrive at random
   * points of the poll cycle, as editors' saves do).
   */
  @Param({"none", "random"})
  public String gap;

  private final java.util.Random random = new java.util.Random(3);

  private JdbcConnectionPool pool;
  private LuceneKnowledgeBase a;
  private LuceneKnowledgeBase b;
  private Article probe;
  private int saves;

  /** Creates the database, fills it through A, and waits until B has indexed everything. */
  @Setup(Level.Trial)
  public void setUp() throws InterruptedException {
    pool =
        switch (database) {
          case "h2" ->
              JdbcConnectionPool.create(
                  "jdbc:h2:mem:kb-propagation-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                  "sa",
                  "");
          case "postgresql" -> postgres();
          default ->
              throw new IllegalArgumentException(
                  "database must be h2 or postgresql, was " + database);
        };
    pool.setMaxConnections(8);
    KbJdbcSchema.migrate(pool);
    empty(pool);
    Clock clock = Clock.fixed(SearchBenchmark.NOW, ZoneOffset.UTC);
    a = open(clock);
    b = open(clock);
    List<Article> generated = ArticleGenerator.generate(articles, 42);
    for (int from = 0; from < generated.size(); from += 2_000) {
      a.saveAll(generated.subList(from, Math.min(generated.size(), from + 2_000)));
    }
    probe =
        a.save(
            Article.builder("probe")
                .title("Propagation " + PROBE_QUERY)
                .body("version 1")
                .published()
                .build());
    awaitOnB(probe.version());
  }

  private LuceneKnowledgeBase open(Clock clock) {
    return LuceneKnowledgeBase.builder()
        .database(pool)
        .inMemory()
        .clock(clock)
        .pollInterval(Duration.ofMillis(pollMillis))
        .open();
  }

  private static JdbcConnectionPool postgres() {
    String url = System.getenv("LOOPDESK_PG_URL");
    if (url == null || url.isBlank()) {
      throw new IllegalStateException(
          "database=postgresql needs LOOPDESK_PG_URL (run under with-postgres.sh)");
    }
    org.postgresql.ds.PGConnectionPoolDataSource pg =
        new org.postgresql.ds.PGConnectionPoolDataSource();
    pg.setURL(url);
    pg.setUser(System.getenv().getOrDefault("LOOPDESK_PG_USER", "postgres"));
    pg.setPassword(System.getenv().getOrDefault("LOOPDESK_PG_PASSWORD", ""));
    return JdbcConnectionPool.create(pg);
  }

  private static void empty(DataSource dataSource) {
    try (Connection c = dataSource.getConnection();
        Statement st = c.createStatement()) {
      st.executeUpdate("DELETE FROM loopdesk_kb_change");
      st.executeUpdate("DELETE FROM loopdesk_kb_usage");
      st.executeUpdate("DELETE FROM loopdesk_kb_article_version");
      st.executeUpdate("DELETE FROM loopdesk_kb_article");
      st.executeUpdate(
          "UPDATE loopdesk_kb_change_head SET head_position = 0, feed_id = '"
              + UUID.randomUUID()
              + "' WHERE id = 1");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot empty the benchmark database", e);
    }
  }

  private void awaitOnB(long version) throws InterruptedException {
    while (true) {
      for (Hit hit :
          b.search(SearchRequest.builder(PROBE_QUERY).facets(false).highlight(false).build())
              .hits()) {
        if (hit.version() == version) {
          return;
        }
      }
      Thread.sleep(1);
    }
  }

  /** The unmeasured pause before a save, see {@link #gap}. */
  @Setup(Level.Invocation)
  public void pause() throws InterruptedException {
    if (gap.equals("random")) {
      Thread.sleep(random.nextInt(pollMillis * 3 / 2 + 1));
    }
  }

  /** Saves the next version of the probe on A and returns once B finds that version. */
  @Benchmark
  public long saveOnAThenSearchableOnB() throws InterruptedException {
    probe = a.save(probe.toBuilder().body("version " + (++saves + 1)).build());
    awaitOnB(probe.version());
    return probe.version();
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    a.close();
    b.close();
    if (database.equals("h2")) {
      try (Connection c = pool.getConnection();
          Statement st = c.createStatement()) {
        st.execute("SHUTDOWN");
      } catch (SQLException ignored) {
        // the in-memory database goes away with the JVM anyway
      }
    }
    pool.dispose();
  }
}
