package io.loopdesk.spring.boot;

import io.loopdesk.spring.boot.app.TestApplication;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The transaction contract on the PostgreSQL server named by {@code LOOPDESK_PG_URL} (run under
 * {@code store-jdbc/scripts/with-postgres.sh}); skipped without one.
 */
@EnabledIfEnvironmentVariable(named = "LOOPDESK_PG_URL", matches = ".+")
@SpringBootTest(classes = TestApplication.class, properties = "loopdesk.monitor.period=PT0.2S")
class TransactionsOnPostgresTest extends TransactionContract {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> System.getenv("LOOPDESK_PG_URL"));
    registry.add(
        "spring.datasource.username",
        () -> System.getenv().getOrDefault("LOOPDESK_PG_USER", "postgres"));
    registry.add(
        "spring.datasource.password",
        () -> System.getenv().getOrDefault("LOOPDESK_PG_PASSWORD", ""));
  }
}
