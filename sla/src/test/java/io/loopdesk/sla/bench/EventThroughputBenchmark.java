package io.loopdesk.sla.bench;

import io.loopdesk.api.Actor;
import io.loopdesk.api.Category;
import io.loopdesk.api.Channel;
import io.loopdesk.api.Customer;
import io.loopdesk.api.CustomerTier;
import io.loopdesk.api.Level;
import io.loopdesk.api.Priority;
import io.loopdesk.api.PriorityDecision;
import io.loopdesk.api.PriorityFactors;
import io.loopdesk.api.TicketId;
import io.loopdesk.api.TicketStatus;
import io.loopdesk.api.event.TicketChange;
import io.loopdesk.api.event.TicketEvent;
import io.loopdesk.sla.EscalationPolicy;
import io.loopdesk.sla.SlaContracts;
import io.loopdesk.sla.SlaPolicy;
import io.loopdesk.sla.SlaTracker;
import io.loopdesk.sla.calendar.CalendarRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Ticket events applied per second: one ticket's lifecycle of eight events (opened, classified,
 * assigned to the first line, reassigned to the second line, started, customer reply, agent reply,
 * resolved), then the ticket is forgotten, so the tracker's size stays constant. {@code single} is
 * the tracker with one policy and no OLA (the baseline, as before OLAs and contracts); {@code
 * contractsWithOlas} chooses among three policies by tier and contract and runs the two teams' OLA
 * clocks. JMH reports events per second ({@code @OperationsPerInvocation(8)}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx1g"})
public class EventThroughputBenchmark {

  private static final Instant T0 = Instant.parse("2026-11-02T00:00:00Z");
  private static final Actor SYSTEM = Actor.SYSTEM;

  /** Which tracker: {@code single} (baseline) or {@code contractsWithOlas}. */
  @Param({"single", "contractsWithOlas"})
  public String setup;

  private SlaTracker tracker;
  private PriorityDecision p2;
  private Customer vip;
  private Instant now;
  private long next;

  /** Builds the tracker. */
  @Setup
  public void setUp() {
    SlaPolicy standard =
        SlaPolicy.standard().toBuilder()
            .target(
                io.loopdesk.sla.SlaMetric.NEXT_REPLY,
                Priority.P2,
                io.loopdesk.sla.SlaTarget.roundTheClock(Duration.ofHours(4)))
            .build();
    if (setup.equals("single")) {
      tracker =
          SlaTracker.builder(standard, CalendarRegistry.of())
              .escalationPolicy(EscalationPolicy.none())
              .build();
    } else {
      SlaPolicy withOlas =
          standard.toBuilder()
              .ola("first-line", io.loopdesk.sla.SlaTarget.roundTheClock(Duration.ofHours(2)))
              .ola("second-line", io.loopdesk.sla.SlaTarget.roundTheClock(Duration.ofHours(8)))
              .build();
      SlaPolicy vipPolicy =
          withOlas.toBuilder()
              .target(
                  io.loopdesk.sla.SlaMetric.RESOLUTION,
                  Priority.P2,
                  io.loopdesk.sla.SlaTarget.roundTheClock(Duration.ofHours(24)))
              .build();
      SlaContracts contracts =
          SlaContracts.builder("standard", withOlas)
              .policy("vip", vipPolicy)
              .policy("enterprise", vipPolicy)
              .rule(
                  io.loopdesk.sla.ContractRule.builder("enterprise", "enterprise")
                      .contracts("ENTERPRISE")
                      .build())
              .rule(
                  io.loopdesk.sla.ContractRule.builder("vip", "vip")
                      .tiers(CustomerTier.VIP)
                      .build())
              .build();
      tracker =
          SlaTracker.forContracts(contracts, CalendarRegistry.of())
              .escalationPolicy(EscalationPolicy.none())
              .build();
    }
    p2 =
        new PriorityDecision(
            Priority.P2,
            PriorityFactors.of(Level.MEDIUM, Level.MEDIUM, Level.MEDIUM),
            List.of("bench"));
    vip = Customer.of("c-1", "Li Lei", "13900000000", null).withTier(CustomerTier.VIP);
    now = T0;
  }

  /** One ticket's eight events. */
  @Benchmark
  @OperationsPerInvocation(8)
  public int lifecycle() {
    TicketId id = TicketId.of("E" + next++);
    now = now.plusSeconds(1);
    apply(
        id,
        1,
        null,
        TicketStatus.RECEIVED,
        new TicketChange.Opened(Channel.PHONE, vip, "router X1", "p", "e", "a"));
    apply(
        id,
        2,
        TicketStatus.RECEIVED,
        TicketStatus.CLASSIFIED,
        new TicketChange.Classified(Category.PRODUCT_FAULT, p2, null));
    apply(
        id,
        3,
        TicketStatus.CLASSIFIED,
        TicketStatus.ASSIGNED,
        new TicketChange.Assigned("a-1", "first-line", ""));
    apply(
        id,
        4,
        TicketStatus.ASSIGNED,
        TicketStatus.ASSIGNED,
        new TicketChange.Assigned("a-2", "second-line", ""));
    apply(id, 5, TicketStatus.ASSIGNED, TicketStatus.IN_PROGRESS, new TicketChange.Started());
    apply(
        id,
        6,
        TicketStatus.IN_PROGRESS,
        TicketStatus.IN_PROGRESS,
        new TicketChange.CustomerReplied(Channel.PHONE, "when?", false));
    apply(
        id,
        7,
        TicketStatus.IN_PROGRESS,
        TicketStatus.IN_PROGRESS,
        new TicketChange.AgentReplied(Channel.PHONE, "soon"));
    apply(
        id, 8, TicketStatus.IN_PROGRESS, TicketStatus.RESOLVED, new TicketChange.Resolved("fixed"));
    tracker.forget(id);
    return tracker.trackedTickets();
  }

  private void apply(
      TicketId id, long version, TicketStatus from, TicketStatus to, TicketChange change) {
    tracker.onEvent(new TicketEvent(id, version, now, SYSTEM, from, to, change), null);
  }
}
