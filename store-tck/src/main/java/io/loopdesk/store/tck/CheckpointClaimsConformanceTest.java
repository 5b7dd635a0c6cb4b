package io.loopdesk.store.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loopdesk.api.ValidationException;
import io.loopdesk.api.spi.CheckpointClaim;
import io.loopdesk.api.spi.CheckpointClaims;
import io.loopdesk.api.spi.TicketStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The conformance kit for a store's {@link CheckpointClaims}: of any number of concurrent or later
 * claims of one key exactly one wins, also across a {@link #reopen restart}; bad claims are
 * rejected with {@link ValidationException}. Extend it like {@link TicketEventFeedConformanceTest}.
 */
public abstract class CheckpointClaimsConformanceTest {
  private static final Instant DUE = Instant.parse("2026-03-02T08:00:00.000000001Z");

  /** The store under test, new for every test. */
  protected TicketStore store;

  private final List<TicketStore> opened = new ArrayList<>();

  /**
   * Returns a new, empty store that offers {@link TicketStore#checkpointClaims()}.
   *
   * @return the store under test
   */
  protected abstract TicketStore newStore();

  /**
   * Returns a new store object over the same data, as after a restart; the default returns the
   * same.
   *
   * @param used the store
   * @return a store over the same data
   */
  protected TicketStore reopen(TicketStore used) {
    return used;
  }

  /**
   * Releases a store returned by {@link #newStore()}. Does nothing by default.
   *
   * @param used the store
   */
  protected void release(TicketStore used) {}

  @BeforeEach
  void openStore() {
    store = newStore();
    opened.add(store);
    assertThat(store.checkpointClaims()).as("newStore().checkpointClaims()").isPresent();
  }

  @AfterEach
  void releaseStores() {
    for (int i = opened.size() - 1; i >= 0; i--) {
      if (opened.indexOf(opened.get(i)) == i) {
        release(opened.get(i));
      }
    }
    opened.clear();
  }

  private CheckpointClaims claims() {
    return store.checkpointClaims().orElseThrow();
  }

  private static CheckpointClaim claim(String key, String owner) {
    return new CheckpointClaim(key, DUE, DUE.plusSeconds(3), owner, false);
  }

  @Test
  void theFirstClaimOfAKeyWinsAndEveryLaterOneLosesAlsoAfterARestart() {
    assertThat(
            claims()
                .claim(
                    List.of(
                        claim("RESOLUTION|a|W0.75|T-1", "a"), claim("RESOLUTION|a|B|T-1", "a"))))
        .containsExactlyInAnyOrder("RESOLUTION|a|W0.75|T-1", "RESOLUTION|a|B|T-1");
    assertThat(
            claims().claim(List.of(claim("RESOLUTION|a|W0.75|T-1", "b"), claim("工单|😀|T-2", "b"))))
        .containsExactly("工单|😀|T-2");
    CheckpointClaims restarted = reopenedClaims();
    assertThat(restarted.claim(List.of(claim("RESOLUTION|a|B|T-1", "c"), claim("工单|😀|T-2", "c"))))
        .isEmpty();
    assertThat(restarted.claim(List.of())).isEmpty();
  }

  @Test
  void ofConcurrentClaimersEveryKeyIsWonExactlyOnce() throws Exception {
    int claimers = 6;
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      keys.add("FIRST_RESPONSE|2026-03-02T08:00:00Z|W0.9|T-" + i);
    }
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(claimers);
    List<Future<List<String>>> futures = new ArrayList<>();
    for (int c = 0; c < claimers; c++) {
      String owner = "instance-" + c;
      Random random = new Random(c);
      futures.add(
          pool.submit(
              () -> {
                go.await();
                List<String> mine = new ArrayList<>(keys);
                Collections.shuffle(mine, random);
                List<String> won = new ArrayList<>();
                for (int from = 0; from < mine.size(); from += 37) {
                  List<CheckpointClaim> batch =
                      mine.subList(from, Math.min(mine.size(), from + 37)).stream()
                          .map(k -> claim(k, owner))
                          .toList();
                  won.addAll(claims().claim(batch));
                }
                return won;
              }));
    }
    go.countDown();
    Map<String, Integer> wins = new HashMap<>();
    try {
      for (Future<List<String>> future : futures) {
        for (String key : future.get(60, TimeUnit.SECONDS)) {
          wins.merge(key, 1, Integer::sum);
        }
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(wins.keySet()).containsExactlyInAnyOrderElementsOf(keys);
    assertThat(wins.values()).allMatch(n -> n == 1);
  }

  @Test
  void badClaimsAreRejected() {
    assertThatThrownBy(() -> claims().claim(null)).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> claims().claim(List.of(claim("k", "a"), claim("k", "b"))))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("claims"));
    assertThatThrownBy(() -> claim("", "a")).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> claim("x".repeat(CheckpointClaim.MAX_KEY_LENGTH + 1), "a"))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> claim("a\u0000b", "a")).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> claim("k", " ")).isInstanceOf(ValidationException.class);
    assertThat(claims().claim(List.of(claim("k", "a"))))
        .as("nothing was claimed by the rejected calls")
        .containsExactly("k");
  }

  private CheckpointClaims reopenedClaims() {
    TicketStore again = reopen(store);
    opened.add(again);
    return again.checkpointClaims().orElseThrow();
  }
}
