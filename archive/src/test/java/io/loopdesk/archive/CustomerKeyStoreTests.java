package io.loopdesk.archive;

import io.loopdesk.access.CustomerKeyStore;
import io.loopdesk.access.InMemoryCustomerKeyStore;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The key store contract on every implementation: several instances share one store or database.
 */
class CustomerKeyStoreTests {
  @Nested
  class InMemory extends CustomerKeyStoreContract {
    @Override
    List<CustomerKeyStore> instances(int count) {
      return Collections.nCopies(count, new InMemoryCustomerKeyStore());
    }
  }

  @Nested
  class H2 extends CustomerKeyStoreContract {
    @Override
    List<CustomerKeyStore> instances(int count) {
      return jdbc(Databases.h2(), count);
    }
  }

  @Nested
  @EnabledIfEnvironmentVariable(named = "LOOPDESK_PG_URL", matches = ".+")
  class Postgres extends CustomerKeyStoreContract {
    @Override
    List<CustomerKeyStore> instances(int count) {
      return jdbc(Databases.postgres(), count);
    }
  }

  static List<CustomerKeyStore> jdbc(DataSource ds, int count) {
    List<CustomerKeyStore> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.add(new JdbcCustomerKeyStore(ds));
    }
    return out;
  }
}
