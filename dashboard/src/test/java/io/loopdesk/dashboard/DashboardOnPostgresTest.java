package io.loopdesk.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Two instances of the application on one PostgreSQL database (run under {@code
 * store-jdbc/scripts/with-postgres.sh}), each with the JDBC store and the SLA tracker in cluster
 * mode: tickets saved through either desk show on both dashboards, with the same figures, because
 * each dashboard reads the store's global event feed.
 */
@EnabledIfEnvironmentVariable(named = "LOOPDESK_PG_URL", matches = ".+")
class DashboardOnPostgresTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> SHARED_TILES =
      List.of("tickets", "open", "fcr", "csat", "satisfied", "callbacksDue", "aged");

  private static TestServer instance(String name) {
    com.zaxxer.hikari.HikariDataSource dataSource = new com.zaxxer.hikari.HikariDataSource();
    dataSource.setJdbcUrl(System.getenv("LOOPDESK_PG_URL"));
    dataSource.setUsername(System.getenv().getOrDefault("LOOPDESK_PG_USER", "postgres"));
    dataSource.setPassword(System.getenv().getOrDefault("LOOPDESK_PG_PASSWORD", ""));
    dataSource.setMaximumPoolSize(4);
    dataSource.setPoolName("dashboard-" + name);
    return new TestServer(
        dataSource, "--loopdesk.store.type=jdbc", "--loopdesk.cluster.instance-name=" + name);
  }

  private static JsonNode data(TestServer server) throws Exception {
    var r = server.get("/data?as=admin-1");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  private static List<String> shared(JsonNode snapshot) {
    List<String> out = new ArrayList<>();
    for (JsonNode tile : snapshot.get("tiles")) {
      if (SHARED_TILES.contains(tile.get("key").asText())) {
        out.add(tile.get("key").asText() + "=" + tile.get("value"));
      }
    }
    for (JsonNode agent : snapshot.get("agents")) {
      out.add(
          agent.get("agent").asText()
              + ":"
              + agent.get("tickets")
              + "/"
              + agent.get("open")
              + "/"
              + agent.get("closed"));
    }
    return out;
  }

  @Test
  void bothInstancesShowWhatEitherSaved() throws Exception {
    try (TestServer a = instance("dash-a");
        TestServer b = instance("dash-b")) {
      for (int n = 1; n <= 30; n++) {
        (n % 2 == 0 ? a : b).fixtures.openAndStep(5000 + n, n % 7);
      }
      // agreeing is not enough: a PostgreSQL feed holds events back while any older transaction
      // is still open, and both instances can agree on the same partial state; wait until the
      // agreed count has not moved for a second, so that "before" below includes all 30 tickets
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      JsonNode onA = data(a);
      JsonNode onB = data(b);
      long agreedCount = -1;
      long agreedSince = System.nanoTime();
      while (System.nanoTime() < deadline) {
        boolean agree =
            onA.get("eventsApplied").asLong() == onB.get("eventsApplied").asLong()
                && shared(onA).equals(shared(onB));
        if (!agree || onA.get("eventsApplied").asLong() != agreedCount) {
          agreedCount = agree ? onA.get("eventsApplied").asLong() : -1;
          agreedSince = System.nanoTime();
        } else if (System.nanoTime() - agreedSince >= Duration.ofSeconds(1).toNanos()) {
          break;
        }
        Thread.sleep(100);
        onA = data(a);
        onB = data(b);
      }
      assertThat(onB.get("eventsApplied").asLong()).isEqualTo(onA.get("eventsApplied").asLong());
      assertThat(shared(onB)).isEqualTo(shared(onA));
      double before = onB.get("tiles").get(0).get("value").asDouble();

      long start = System.nanoTime();
      a.fixtures.open(6000);
      double after = before;
      while (after == before && System.nanoTime() - start < Duration.ofSeconds(5).toNanos()) {
        Thread.sleep(50);
        after = data(b).get("tiles").get(0).get("value").asDouble();
      }
      long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
      assertThat(after).as("B shows the ticket A opened").isEqualTo(before + 1);
      assertThat(millis).as("within two seconds (%d ms)", millis).isLessThan(2000);
    }
  }
}
