package io.loopdesk.core.bench;

import io.loopdesk.api.Actor;
import io.loopdesk.api.Assignment;
import io.loopdesk.api.Category;
import io.loopdesk.api.Channel;
import io.loopdesk.api.Classification;
import io.loopdesk.api.Customer;
import io.loopdesk.api.NewTicket;
import io.loopdesk.api.Role;
import io.loopdesk.api.ServiceDesk;
import io.loopdesk.api.Ticket;
import io.loopdesk.api.TicketId;
import io.loopdesk.core.HistoryChain;
import io.loopdesk.core.HistoryVerification;
import io.loopdesk.core.InMemoryTicketStore;
import io.loopdesk.core.ManualClock;
import io.loopdesk.core.ServiceDesks;
import io.loopdesk.core.TicketHistoryVerifier;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The cost of chaining each event: a five-command lifecycle (open, classify, assign, start,
 * resolve) on the in-memory store with chaining off (the baseline), SHA-256 and HMAC-SHA256, and
 * the cost of verifying one such five-event ticket. Single thread.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class HistoryChainBenchmark {
  private static final Actor AGENT = Actor.of("agent-007", Role.AGENT);
  private static final NewTicket REQUEST =
      NewTicket.builder()
          .channel(Channel.PHONE)
          .customer(Customer.of("C-1", "张三", "13800001111", null))
          .product("X9 phone")
          .problem("电池无法充电 battery won't charge")
          .expectation("refund")
          .build();
  private static final Classification CLASSIFICATION =
      Classification.of(
          Category.PRODUCT_FAULT,
          io.loopdesk.api.Level.LOW,
          io.loopdesk.api.Level.HIGH,
          io.loopdesk.api.Level.MEDIUM);
  private static final byte[] KEY =
      "benchmark host key of 32 bytes!!".getBytes(StandardCharsets.US_ASCII);

  /** The chain the desk writes with. */
  @Param({"off", "sha256", "hmac"})
  public String chaining;

  private ServiceDesk desk;
  private TicketHistoryVerifier verifier;
  private TicketId verified;

  /** A new store per iteration, so that memory does not grow across the run. */
  @Setup(Level.Iteration)
  public void setUp() {
    InMemoryTicketStore store = new InMemoryTicketStore();
    ServiceDesks.Builder builder =
        ServiceDesks.builder()
            .clock(ManualClock.at(Instant.parse("2026-06-01T00:00:00Z")))
            .store(store);
    HistoryChain chain =
        "hmac".equals(chaining) ? HistoryChain.hmacSha256(KEY) : HistoryChain.sha256();
    desk =
        "off".equals(chaining)
            ? builder.withoutHistoryChain().build()
            : builder.historyChain(chain).build();
    verifier = TicketHistoryVerifier.of(store, chain).acceptingUnchainedPrefix();
    verified = lifecycle().id();
  }

  /** Five commands; divide by five for the cost per command. */
  @Benchmark
  public Ticket lifecycle() {
    Ticket t = desk.open(REQUEST, AGENT);
    t = desk.classify(t.id(), t.version(), CLASSIFICATION, AGENT);
    t = desk.assign(t.id(), t.version(), Assignment.of("agent-007", "technical-support"), AGENT);
    t = desk.start(t.id(), t.version(), AGENT);
    return desk.resolve(t.id(), t.version(), "replaced the battery", AGENT);
  }

  /** Verifies one five-event ticket (with chaining off: replay and snapshot check only). */
  @Benchmark
  public HistoryVerification verifyOne() {
    return verifier.verify(verified);
  }
}
