package io.loopdesk.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loopdesk.access.CustomerKeyRecord;
import io.loopdesk.access.CustomerKeyStore;
import io.loopdesk.api.ValidationException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The {@link CustomerKeyStore} contract, for the in-memory store and the JDBC one on H2 and
 * PostgreSQL.
 */
abstract class CustomerKeyStoreContract {
  static final Instant T = Instant.parse("2026-06-01T00:00:00Z");

  /**
   * Returns a fresh, empty store; called once per test, possibly several times for several
   * instances of one database.
   */
  abstract List<CustomerKeyStore> instances(int count);

  static CustomerKeyRecord live(String customer, String wrapped) {
    return CustomerKeyRecord.live(customer, "m1", wrapped, T);
  }

  @Test
  void theFirstKeyOfACustomerWinsForEveryInstance() throws Exception {
    List<CustomerKeyStore> stores = instances(4);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      for (int round = 0; round < 10; round++) {
        String customer = "C-" + round;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<CustomerKeyRecord>> futures = new ArrayList<>();
        for (int i = 0; i < stores.size(); i++) {
          CustomerKeyStore s = stores.get(i);
          String wrapped = "w" + i;
          futures.add(
              pool.submit(
                  (Callable<CustomerKeyRecord>)
                      () -> {
                        start.await();
                        return s.insertIfAbsent(live(customer, wrapped));
                      }));
        }
        start.countDown();
        Set<String> winners = new HashSet<>();
        for (Future<CustomerKeyRecord> f : futures) {
          winners.add(f.get(30, TimeUnit.SECONDS).wrappedKey());
        }
        assertThat(winners).hasSize(1);
        assertThat(stores.get(0).find(customer).orElseThrow().wrappedKey())
            .isEqualTo(winners.iterator().next());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void erasureIsFinalDurableAndListed() {
    List<CustomerKeyStore> stores = instances(2);
    CustomerKeyStore a = stores.get(0);
    CustomerKeyStore b = stores.get(1);
    a.insertIfAbsent(live("C-1", "w1"));
    assertThat(b.erase("C-1", T.plusSeconds(10))).isTrue();
    assertThat(a.erase("C-1", T.plusSeconds(20))).isFalse();
    CustomerKeyRecord tombstone = a.find("C-1").orElseThrow();
    assertThat(tombstone.isErased()).isTrue();
    assertThat(tombstone.wrappedKey()).isNull();
    assertThat(tombstone.erasedAt()).isEqualTo(T.plusSeconds(10));
    assertThat(tombstone.createdAt()).isEqualTo(T);
    assertThat(a.insertIfAbsent(live("C-1", "w2")).isErased()).as("no key comes back").isTrue();
    assertThat(a.rewrap("C-1", "m1", "m2", "w3")).isFalse();
    assertThat(b.erase("C-0", T.plusSeconds(5)))
        .as("a customer without a key gets a tombstone")
        .isTrue();
    assertThat(a.insertIfAbsent(live("C-0", "w4")).isErased()).isTrue();
    assertThat(b.erasures())
        .extracting(CustomerKeyRecord::customerId)
        .containsExactly("C-0", "C-1");
  }

  @Test
  void rewrappingIsACompareAndSetOnTheMasterKey() {
    CustomerKeyStore s = instances(1).get(0);
    s.insertIfAbsent(live("C-1", "w1"));
    s.insertIfAbsent(live("C-2", "w2"));
    s.insertIfAbsent(CustomerKeyRecord.live("C-3", "m2", "w3", T));
    assertThat(s.wrappedOtherThan("m2", 10))
        .extracting(CustomerKeyRecord::customerId)
        .containsExactly("C-1", "C-2");
    assertThat(s.wrappedOtherThan("m2", 1)).hasSize(1);
    assertThat(s.rewrap("C-1", "m1", "m2", "x1")).isTrue();
    assertThat(s.rewrap("C-1", "m1", "m2", "x2")).as("already rewrapped").isFalse();
    assertThat(s.find("C-1").orElseThrow()).isEqualTo(CustomerKeyRecord.live("C-1", "m2", "x1", T));
    assertThat(s.rewrap("C-9", "m1", "m2", "x9")).isFalse();
    assertThat(s.wrappedOtherThan("m2", 10))
        .extracting(CustomerKeyRecord::customerId)
        .containsExactly("C-2");
  }

  @Test
  void hostileCustomerIdsRoundTripOrAreRejectedByName() {
    CustomerKeyStore s = instances(1).get(0);
    for (String id :
        List.of("客户-😀", "o'brien\"; DROP TABLE x; --", "back\\slash", "x".repeat(64))) {
      s.insertIfAbsent(live(id, "w"));
      assertThat(s.find(id).orElseThrow().customerId()).isEqualTo(id);
    }
    assertThatThrownBy(() -> s.find("bad\u0000id"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("customerId");
    assertThatThrownBy(() -> s.find("x\uD800"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("customerId");
    assertThatThrownBy(() -> s.insertIfAbsent(null)).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> s.erase("C", null))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("at");
  }
}
