package io.loopdesk.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Threads reserving, releasing and switching strategies at once never push an agent over capacity.
 */
class AgentPoolConcurrencyTest {

  @Test
  void concurrentReservationsFillCapacityExactlyAndNeverExceedIt() throws Exception {
    AgentPool pool = AgentPool.create(SelectionStrategy.LEAST_LOADED);
    int totalCapacity = 0;
    for (int i = 0; i < 20; i++) {
      pool.register(
          Agent.builder("agent-" + i).queues("q").capacity(1 + i % 4).skill("s", 1 + i % 3).build(),
          Presence.ONLINE);
      totalCapacity += 1 + i % 4;
    }
    ExecutorService threads = Executors.newFixedThreadPool(4);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Integer>> results = new ArrayList<>();
    Instant at = Instant.parse("2026-03-02T10:00:00Z");
    for (int t = 0; t < 4; t++) {
      int thread = t;
      results.add(
          threads.submit(
              () -> {
                start.await();
                int reserved = 0;
                for (int i = 0; i < 200; i++) {
                  if (i % 50 == 0) {
                    pool.strategy("q", SelectionStrategy.values()[(thread + i / 50) % 4]);
                  }
                  SkillRequirement req =
                      i % 3 == 0 ? SkillRequirement.skill("s", 2) : SkillRequirement.NONE;
                  if (pool.reserve("q", req, at).isPresent()) {
                    reserved++;
                  }
                }
                return reserved;
              }));
    }
    start.countDown();
    int reserved = 0;
    for (Future<Integer> f : results) {
      reserved += f.get(30, TimeUnit.SECONDS);
    }
    threads.shutdown();
    assertThat(reserved).isEqualTo(totalCapacity);
    for (int i = 0; i < 20; i++) {
      AgentStatus s = pool.status("agent-" + i).orElseThrow();
      assertThat(s.openTickets()).isEqualTo(s.agent().capacity());
    }
  }
}
