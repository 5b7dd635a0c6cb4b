package io.loopdesk.sla.bench;

import io.loopdesk.api.Actor;
import io.loopdesk.api.Category;
import io.loopdesk.api.Level;
import io.loopdesk.api.Priority;
import io.loopdesk.api.PriorityDecision;
import io.loopdesk.api.PriorityFactors;
import io.loopdesk.api.TicketId;
import io.loopdesk.api.TicketStatus;
import io.loopdesk.api.event.TicketChange;
import io.loopdesk.api.event.TicketEvent;
import io.loopdesk.sla.EscalationPolicy;
import io.loopdesk.sla.SlaEvent;
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
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Monitor tick cost with 1,000 versus 1,000,000 open tickets whose deadlines are days away. Each
 * operation advances time, opens and classifies one consultation ticket whose 10-minute
 * first-response clock has already run out (so exactly three checkpoints fall due: 75%, 90%,
 * breach), ticks, and forgets the ticket. If the tick cost depended on the number of open tickets,
 * the 1M case would be ~1000x slower. The baseline {@code naiveScan} is what a scanning monitor
 * must do per tick: look at every open ticket's deadline.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx4g"})
public class MonitorBenchmark {

  private static final Instant T0 = Instant.parse("2026-11-02T00:00:00Z");
  private static final Actor SYSTEM = Actor.SYSTEM;

  /** Open tickets in the background. */
  @Param({"1000", "1000000"})
  public int openTickets;

  private SlaTracker tracker;
  private long[] naiveDeadlines;
  private final TicketId[] hotIds = new TicketId[1024];
  private PriorityDecision p3;
  private Instant now;
  private int next;

  /** Opens and classifies the background tickets. */
  @Setup
  public void setUp() {
    tracker =
        SlaTracker.builder(SlaPolicy.standard(), CalendarRegistry.of())
            .escalationPolicy(EscalationPolicy.none())
            .build();
    PriorityFactors factors = PriorityFactors.of(Level.MEDIUM, Level.MEDIUM, Level.MEDIUM);
    p3 = new PriorityDecision(Priority.P3, factors, List.of("benchmark"));
    PriorityDecision p2 = new PriorityDecision(Priority.P2, factors, List.of("benchmark"));
    naiveDeadlines = new long[openTickets];
    for (int i = 0; i < openTickets; i++) {
      Instant created = T0.plusSeconds(i % 3_600);
      TicketId id = TicketId.of("B" + i);
      open(id, created, p2, Category.PRODUCT_FAULT);
      naiveDeadlines[i] = created.plus(Duration.ofHours(72)).toEpochMilli();
    }
    for (int i = 0; i < hotIds.length; i++) {
      hotIds[i] = TicketId.of("H" + i);
    }
    now = T0.plus(Duration.ofHours(2));
  }

  private void open(TicketId id, Instant at, PriorityDecision priority, Category category) {
    tracker.onEvent(
        new TicketEvent(
            id,
            1,
            at,
            SYSTEM,
            null,
            TicketStatus.RECEIVED,
            new TicketChange.Opened(null, null, null, null, null, null)),
        null);
    tracker.onEvent(
        new TicketEvent(
            id,
            2,
            at,
            SYSTEM,
            TicketStatus.RECEIVED,
            TicketStatus.CLASSIFIED,
            new TicketChange.Classified(category, priority, null)),
        null);
  }

  /** One tick with three checkpoints due, among {@code openTickets} open tickets. */
  @Benchmark
  public List<SlaEvent> tickWithThreeDue() {
    now = now.plusMillis(1);
    TicketId id = hotIds[next++ & (hotIds.length - 1)];
    open(id, now.minus(Duration.ofMinutes(11)), p3, Category.CONSULTATION);
    List<SlaEvent> events = tracker.tick(now);
    tracker.forget(id);
    return events;
  }

  /**
   * A tick when nothing is due: one look at the head of the queue, whatever the number of open
   * tickets.
   */
  @Benchmark
  public List<SlaEvent> tickNothingDue() {
    now = now.plusMillis(1);
    return tracker.tick(now);
  }

  /** Baseline: a scanning monitor's tick, comparing every open ticket's deadline with now. */
  @Benchmark
  public int naiveScan() {
    now = now.plusMillis(1);
    long nowMillis = now.toEpochMilli();
    int due = 0;
    for (long deadline : naiveDeadlines) {
      if (deadline <= nowMillis) {
        due++;
      }
    }
    return due;
  }
}
