package io.loopdesk.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loopdesk.api.ValidationException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;

/**
 * Envelope encryption: one data key per customer, wrapped under the master key, destroyed by
 * erasure.
 */
class CustomerKeysTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-01T08:00:00Z"), ZoneOffset.UTC);
  final InMemoryCustomerKeyStore store = new InMemoryCustomerKeyStore();
  final KeyProvider master =
      StaticKeyProvider.of("m1", Map.of("m1", EncryptingTicketStoreTest.key(7)));
  final CustomerKeys keys = new CustomerKeys(store, master, CLOCK);

  @Test
  void eachCustomerGetsOneStableDataKeyStoredOnlyWrapped() {
    SecretKey a = keys.forSealing("C-1");
    assertThat(keys.forSealing("C-1").getEncoded()).isEqualTo(a.getEncoded());
    assertThat(keys.forOpening("C-1").orElseThrow().getEncoded()).isEqualTo(a.getEncoded());
    assertThat(keys.forSealing("C-2").getEncoded()).isNotEqualTo(a.getEncoded());
    CustomerKeyRecord r = store.find("C-1").orElseThrow();
    assertThat(r.masterKeyId()).isEqualTo("m1");
    assertThat(r.createdAt()).isEqualTo(CLOCK.instant());
    assertThat(r.wrappedKey())
        .doesNotContain(
            java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(a.getEncoded()));
    assertThat(r.toString()).doesNotContain(r.wrappedKey());
  }

  @Test
  void anotherMasterKeyCannotUnwrapAndAnAlteredWrappedKeyIsDetected() {
    keys.forSealing("C-1");
    CustomerKeys other =
        new CustomerKeys(
            store,
            StaticKeyProvider.of("m1", Map.of("m1", EncryptingTicketStoreTest.key(8))),
            CLOCK);
    assertThatThrownBy(() -> other.forOpening("C-1"))
        .isInstanceOf(CustomerKeyException.class)
        .hasMessageContaining("C-1");
    InMemoryCustomerKeyStore swapped = new InMemoryCustomerKeyStore();
    CustomerKeyRecord real = store.find("C-1").orElseThrow();
    swapped.insertIfAbsent(
        CustomerKeyRecord.live("C-2", real.masterKeyId(), real.wrappedKey(), real.createdAt()));
    assertThatThrownBy(() -> new CustomerKeys(swapped, master, CLOCK).forOpening("C-2"))
        .as("a wrapped key copied to another customer does not unwrap")
        .isInstanceOf(CustomerKeyException.class);
    assertThatThrownBy(() -> keys.forOpening("never-seen"))
        .isInstanceOf(CustomerKeyException.class);
  }

  @Test
  void erasureDestroysTheKeyForGoodAndIsRecordedOnce() {
    keys.forSealing("C-1");
    assertThat(keys.erase("C-1")).isTrue();
    assertThat(keys.erase("C-1")).isFalse();
    assertThat(keys.isErased("C-1")).isTrue();
    assertThat(keys.forOpening("C-1")).isEmpty();
    assertThat(store.find("C-1").orElseThrow().wrappedKey()).isNull();
    assertThatThrownBy(() -> keys.forSealing("C-1"))
        .isInstanceOf(CustomerKeyException.class)
        .hasMessageContaining("erased");
    assertThat(keys.erase("C-never")).as("a customer without data is erased in advance").isTrue();
    assertThatThrownBy(() -> keys.forSealing("C-never")).isInstanceOf(CustomerKeyException.class);
    assertThat(keys.erasures())
        .extracting(CustomerKeyRecord::customerId)
        .containsExactly("C-1", "C-never");
    assertThat(keys.erasures())
        .allSatisfy(r -> assertThat(r.erasedAt()).isEqualTo(CLOCK.instant()));
  }

  @Test
  void concurrentFirstUsesAgreeOnOneKey() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      for (int round = 0; round < 20; round++) {
        String customer = "C-" + round;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<byte[]>> futures = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
          CustomerKeys instance = new CustomerKeys(store, master, CLOCK);
          futures.add(
              pool.submit(
                  () -> {
                    start.await();
                    return instance.forSealing(customer).getEncoded();
                  }));
        }
        start.countDown();
        Set<String> distinct = ConcurrentHashMap.newKeySet();
        for (Future<byte[]> f : futures) {
          distinct.add(java.util.HexFormat.of().formatHex(f.get(10, TimeUnit.SECONDS)));
        }
        assertThat(distinct).hasSize(1);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void masterKeyRotationRewrapsEveryLiveKeyAndKeepsDataKeys() {
    Map<String, byte[]> before = new HashMap<>();
    for (int i = 0; i < 25; i++) {
      before.put("C-" + i, keys.forSealing("C-" + i).getEncoded());
    }
    keys.erase("C-3");
    KeyProvider rotated =
        StaticKeyProvider.of(
            "m2",
            Map.of("m1", EncryptingTicketStoreTest.key(7), "m2", EncryptingTicketStoreTest.key(9)));
    CustomerKeys next = new CustomerKeys(store, rotated, CLOCK);
    assertThat(next.rewrapBatch(10)).isEqualTo(10);
    assertThat(next.rewrapBatch(100)).isEqualTo(14);
    assertThat(next.rewrapBatch(100)).isZero();
    CustomerKeys onlyNew =
        new CustomerKeys(
            store,
            StaticKeyProvider.of("m2", Map.of("m2", EncryptingTicketStoreTest.key(9))),
            CLOCK);
    for (int i = 0; i < 25; i++) {
      if (i == 3) {
        assertThat(onlyNew.forOpening("C-3")).isEmpty();
      } else {
        assertThat(onlyNew.forOpening("C-" + i).orElseThrow().getEncoded())
            .isEqualTo(before.get("C-" + i));
      }
    }
  }

  @Test
  void badArgumentsAreTypedAndNamed() {
    assertThatThrownBy(() -> new CustomerKeys(null, master, CLOCK))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("store");
    assertThatThrownBy(() -> keys.forSealing(null))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("customerId");
    assertThatThrownBy(() -> keys.forSealing("x".repeat(65)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("customerId");
    assertThatThrownBy(() -> keys.erase(" ")).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> store.wrappedOtherThan("m1", 0))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("limit");
    assertThatThrownBy(() -> CustomerKeyRecord.live("C", "m1", null, CLOCK.instant()))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(
            () -> new CustomerKeyRecord("C", "m1", "abc", CLOCK.instant(), CLOCK.instant()))
        .isInstanceOf(ValidationException.class);
  }
}
