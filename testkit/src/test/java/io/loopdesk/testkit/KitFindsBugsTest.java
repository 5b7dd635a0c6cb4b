package io.loopdesk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.loopdesk.api.Actor;
import io.loopdesk.api.Channel;
import io.loopdesk.api.Page;
import io.loopdesk.api.Role;
import io.loopdesk.api.ServiceDesk;
import io.loopdesk.api.Ticket;
import io.loopdesk.api.TicketAction;
import io.loopdesk.api.TicketId;
import io.loopdesk.api.TicketListener;
import io.loopdesk.api.TicketQuery;
import io.loopdesk.api.TicketStatus;
import io.loopdesk.api.event.TicketChange;
import io.loopdesk.api.event.TicketEvent;
import io.loopdesk.api.spi.TicketStore;
import io.loopdesk.core.HistoryChain;
import io.loopdesk.core.InMemoryTicketStore;
import io.loopdesk.core.Lifecycle;
import io.loopdesk.core.ManualClock;
import io.loopdesk.core.ServiceDesks;
import io.loopdesk.sla.SlaPolicy;
import io.loopdesk.sla.SlaTracker;
import io.loopdesk.sla.calendar.BusinessCalendar;
import io.loopdesk.sla.calendar.CalendarRegistry;
import io.loopdesk.sla.calendar.WorkingInterval;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import net.jqwik.api.AfterFailureMode;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.state.ActionChain;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The kit is only worth something if it fails on broken desks: each case below plants one bug the
 * way an embedder could (a desk wrapper, a guard, a store), runs the kit through the JUnit
 * Platform, and requires that the kit reports the right invariant and that jqwik shrank the failing
 * command sequence to a short one. A correct desk passes (see {@link CorrectDeskProperties}).
 */
class KitFindsBugsTest {
  /**
   * Surefire leaves out classes with this tag (see the module's pom); only the launcher here runs
   * them.
   */
  static final String BROKEN_CASE = "kit-broken-case";

  /**
   * The last failing run of each case; jqwik's shrinking makes it the shortest failing sequence.
   */
  private static final Map<Class<?>, Found> FOUND = new ConcurrentHashMap<>();

  record Found(Invariant invariant, List<String> commands, String message) {}

  @Test
  void aWrapperThatLetsCloseSkipTheCallbackBreaksTheClosedLoop() {
    Found found = shortestOf(SkipCallbackOnCloseCase.class, 6);
    assertThat(found.invariant()).isEqualTo(Invariant.CLOSED_LOOP);
    // open, classify, assign, start, resolve, close: the shortest way to the bug
    assertThat(found.message()).contains("entered closing status CLOSED from RESOLVED");
  }

  @Test
  void aGuardThatDeniesOnlyAgentsLetsCustomersAssign() {
    Found found = shortestOf(DenylistGuardCase.class, 4);
    assertThat(found.invariant()).isEqualTo(Invariant.PROHIBITION);
    assertThat(found.message()).contains("team leads assign").contains("accepted ASSIGN");
  }

  @Test
  void aGuardThatThrowsOnAnUnassignedTicketIsAnUntypedRejection() {
    Found found = shortestOf(CrashingGuardCase.class, 4);
    assertThat(found.invariant()).isEqualTo(Invariant.REJECTION);
    assertThat(found.message()).contains("NoSuchElementException").contains("ASSIGN");
  }

  @Test
  void aStoreThatKeysEventsByStatusLosesHistory() {
    Found found = shortestOf(StatusKeyedStoreCase.class, 6);
    assertThat(found.invariant()).isIn(Invariant.VERSIONS, Invariant.REPLAY_EQUALS_STATE);
  }

  @Test
  void aStoreThatIgnoresTheExpectedVersionLetsStaleCommandsThrough() {
    Found found = shortestOf(StaleReadStoreCase.class, 6);
    assertThat(found.invariant()).isEqualTo(Invariant.STALE_VERSION_REFUSED);
  }

  @Test
  void aTrackerFeedThatDropsThePausesLetsSlaClocksRunWhileTheCustomerIsAwaited() {
    Found found = shortestOf(DroppedPauseCase.class, 8);
    assertThat(found.invariant()).isEqualTo(Invariant.SLA_CLOCK);
    assertThat(found.message()).contains("clock is RUNNING while the ticket is WAITING_ON_");
  }

  @Test
  void aWrapperThatPostsInternalNotesAsRepliesLeaksThemToTheCustomer() {
    Found found = shortestOf(LeakingNoteCase.class, 4);
    assertThat(found.invariant()).isEqualTo(Invariant.CONVERSATION);
    assertThat(found.message()).contains("an internal note reached the customer's view");
  }

  @Test
  void aDeskThatKeepsWaitingAfterTheCustomersReplyIsCaught() {
    Found found = shortestOf(IgnoredCustomerReplyCase.class, 8);
    assertThat(found.invariant()).isEqualTo(Invariant.CONVERSATION);
    assertThat(found.message())
        .contains("a customer reply in WAITING_ON_CUSTOMER led to WAITING_ON_CUSTOMER");
  }

  /**
   * Runs the kit on a case up to three times (fresh random seeds) until jqwik shrinks the bug to at
   * most {@code bound} commands; every run must find it as the same invariant. Shrinking only drops
   * commands, so how short the result is depends on the first failing sequence found.
   */
  private static Found shortestOf(Class<? extends BrokenCase> kase, int bound) {
    Found shortest = null;
    for (int attempt = 0;
        attempt < 3 && (shortest == null || shortest.commands().size() > bound);
        attempt++) {
      Found found = run(kase);
      if (shortest != null) {
        assertThat(found.invariant()).isEqualTo(shortest.invariant());
      }
      if (shortest == null || found.commands().size() < shortest.commands().size()) {
        shortest = found;
      }
    }
    assertThat(shortest.commands()).hasSizeLessThanOrEqualTo(bound);
    return shortest;
  }

  private static Found run(Class<? extends BrokenCase> kase) {
    FOUND.remove(kase);
    long started = System.nanoTime();
    List<Throwable> failures = new ArrayList<>();
    TestExecutionListener listener =
        new TestExecutionListener() {
          @Override
          public void executionFinished(TestIdentifier id, TestExecutionResult result) {
            if (id.isTest() && result.getStatus() == TestExecutionResult.Status.FAILED) {
              failures.add(result.getThrowable().orElseThrow());
            }
          }
        };
    LauncherFactory.create()
        .execute(
            LauncherDiscoveryRequestBuilder.request().selectors(selectClass(kase)).build(),
            listener);
    assertThat(failures).as("the kit must fail on " + kase.getSimpleName()).hasSize(1);
    Found found = FOUND.get(kase);
    assertThat(found).isNotNull();
    assertThat(failures.get(0).getCause())
        .isInstanceOf(InvariantViolation.class)
        .hasMessageStartingWith(found.invariant().name());
    System.out.println(
        kase.getSimpleName()
            + " in "
            + (System.nanoTime() - started) / 1_000_000
            + " ms shrunk to "
            + found.commands().size()
            + " commands: "
            + found.commands());
    return found;
  }

  // The cases below are run by the launcher above; their names keep Surefire from running them.

  @Tag(BROKEN_CASE)
  abstract static class BrokenCase {
    @Property(tries = 300, afterFailure = AfterFailureMode.RANDOM_SEED)
    void kitRun(@ForAll("sequences") ActionChain<DeskModel> chain) {
      try {
        chain.run();
      } catch (AssertionError failure) {
        Throwable cause = failure;
        while (cause != null && !(cause instanceof InvariantViolation)) {
          cause = cause.getCause();
        }
        if (cause instanceof InvariantViolation violation) {
          FOUND.put(
              getClass(),
              new Found(violation.invariant(), chain.transformations(), violation.getMessage()));
        }
        throw failure;
      }
    }

    @Provide
    Arbitrary<ActionChain<DeskModel>> sequences() {
      return LoopdeskProperties.commandSequences(this::desk, 20);
    }

    abstract DeskUnderTest desk(ManualClock clock);
  }

  /** "Resolved is good enough": the wrapper closes a resolved ticket itself, without a callback. */
  static class SkipCallbackOnCloseCase extends BrokenCase {
    @Override
    DeskUnderTest desk(ManualClock clock) {
      InMemoryTicketStore store = new InMemoryTicketStore();
      HistoryChain chain = HistoryChain.sha256();
      ServiceDesk inner = ServiceDesks.builder().clock(clock).store(store).build();
      ServiceDesk wrapper =
          new ForwardingServiceDesk(inner) {
            @Override
            public Ticket close(TicketId id, long expectedVersion, Actor actor) {
              Ticket current = get(id);
              if (!current.status().equals(TicketStatus.RESOLVED)
                  || current.version() != expectedVersion) {
                return super.close(id, expectedVersion, actor);
              }
              TicketEvent event =
                  chain.stamp(
                      new TicketEvent(
                          id,
                          expectedVersion + 1,
                          clock.instant(),
                          actor,
                          current.status(),
                          TicketStatus.CLOSED,
                          new TicketChange.Closed()),
                      current.historyHash().orElse(null));
              Ticket closed = event.applyTo(current);
              store.save(event, closed);
              return closed;
            }
          };
      return DeskUnderTest.builder(wrapper).store(store).build();
    }
  }

  /**
   * An adapter between the desk and its SLA tracker that forwards only "real work" and drops the
   * moves into a wait: the tracker never hears that the ticket waits, so its clocks keep running.
   */
  static class DroppedPauseCase extends BrokenCase {
    @Override
    DeskUnderTest desk(ManualClock clock) {
      BusinessCalendar office =
          BusinessCalendar.builder("office", ZoneId.of("Asia/Shanghai"))
              .weekdays(WorkingInterval.parse("09:00-12:00"), WorkingInterval.parse("13:30-18:00"))
              .build();
      SlaTracker tracker =
          SlaTracker.builder(SlaPolicy.standard(), CalendarRegistry.of(office)).build();
      TicketListener workOnly =
          (event, ticket) -> {
            boolean intoWait =
                event.to().equals(TicketStatus.WAITING_ON_CUSTOMER)
                    || event.to().equals(TicketStatus.WAITING_ON_THIRD_PARTY);
            if (!intoWait) {
              tracker.onEvent(event, ticket);
            }
          };
      ServiceDesk desk =
          ServiceDesks.builder()
              .clock(clock)
              .listener(workOnly)
              .deadlinePolicy(tracker.deadlinePolicy())
              .build();
      return DeskUnderTest.builder(desk).slaTracker(tracker, SlaPolicy.standard()).build();
    }
  }

  /**
   * A desk built with {@code resumeOnCustomerReply(false)} by mistake, tested as the default desk
   * that the embedder meant: the customer answers and the ticket keeps waiting (and its clocks
   * paused).
   */
  static class IgnoredCustomerReplyCase extends BrokenCase {
    @Override
    DeskUnderTest desk(ManualClock clock) {
      return DeskUnderTest.builder(
              ServiceDesks.builder().clock(clock).resumeOnCustomerReply(false).build())
          .build();
    }
  }

  /**
   * A CRM adapter that posts internal notes to the ticket's conversation thread, where the customer
   * reads them.
   */
  static class LeakingNoteCase extends BrokenCase {
    @Override
    DeskUnderTest desk(ManualClock clock) {
      ServiceDesk wrapper =
          new ForwardingServiceDesk(ServiceDesks.builder().clock(clock).build()) {
            @Override
            public Ticket addInternalNote(
                TicketId id, long expectedVersion, String body, Actor actor) {
              return super.replyToCustomer(id, expectedVersion, Channel.EMAIL, body, actor);
            }
          };
      return DeskUnderTest.builder(wrapper).build();
    }
  }

  /**
   * "Only team leads assign", written as a denylist of agents: customers and trainers slip through.
   */
  static class DenylistGuardCase extends BrokenCase {
    static final Lifecycle LIFECYCLE =
        Lifecycle.standard().toBuilder()
            .guard(
                "team leads assign",
                (ticket, action, target, actor) ->
                    action.equals(TicketAction.ASSIGN) && actor.role() == Role.AGENT
                        ? Optional.of("only a team lead assigns")
                        : Optional.empty())
            .build();

    @Override
    DeskUnderTest desk(ManualClock clock) {
      return DeskUnderTest.builder(ServiceDesks.builder().clock(clock).lifecycle(LIFECYCLE).build())
          .lifecycle(LIFECYCLE)
          .forbid(
              "team leads assign",
              (ticket, action, actor) ->
                  action.equals(TicketAction.ASSIGN) && actor.role() != Role.TEAM_LEAD)
          .build();
    }
  }

  /** "Reassigning away from a department needs a team lead", forgetting the first assignment. */
  static class CrashingGuardCase extends BrokenCase {
    static final Lifecycle LIFECYCLE =
        Lifecycle.standard().toBuilder()
            .guard(
                "department change needs a team lead",
                (ticket, action, target, actor) ->
                    action.equals(TicketAction.ASSIGN)
                            && !ticket.department().get().isEmpty()
                            && actor.role() == Role.CUSTOMER
                        ? Optional.of("customers cannot reassign")
                        : Optional.empty())
            .build();

    @Override
    DeskUnderTest desk(ManualClock clock) {
      return DeskUnderTest.builder(ServiceDesks.builder().clock(clock).lifecycle(LIFECYCLE).build())
          .lifecycle(LIFECYCLE)
          .build();
    }
  }

  /** A store whose event table is keyed by (ticket, status) instead of (ticket, version). */
  static class StatusKeyedStoreCase extends BrokenCase {
    @Override
    DeskUnderTest desk(ManualClock clock) {
      InMemoryTicketStore inner = new InMemoryTicketStore();
      Map<TicketId, Map<TicketStatus, TicketEvent>> events = new ConcurrentHashMap<>();
      TicketStore store =
          new ForwardingTicketStore(inner) {
            @Override
            public void save(TicketEvent event, Ticket ticket) {
              super.save(event, ticket);
              events
                  .computeIfAbsent(event.ticketId(), k -> new LinkedHashMap<>())
                  .put(event.to(), event);
            }

            @Override
            public List<TicketEvent> events(TicketId id) {
              return List.copyOf(events.getOrDefault(id, Map.of()).values());
            }
          };
      return DeskUnderTest.builder(ServiceDesks.builder().clock(clock).store(store).build())
          .build();
    }
  }

  /**
   * A store that keeps every snapshot version as a read cache and answers commands from it, but
   * saves "last write wins" without checking the stored version: a stale command is applied to the
   * old snapshot and overwrites the newer ticket (a lost update).
   */
  static class StaleReadStoreCase extends BrokenCase {
    @Override
    DeskUnderTest desk(ManualClock clock) {
      return DeskUnderTest.builder(
              ServiceDesks.builder().clock(clock).store(new LastWriteWinsStore()).build())
          .build();
    }
  }

  static class LastWriteWinsStore implements TicketStore {
    private final Map<TicketId, List<Ticket>> snapshots = new ConcurrentHashMap<>();
    private final Map<TicketId, List<TicketEvent>> events = new ConcurrentHashMap<>();

    @Override
    public Optional<Ticket> find(TicketId id) {
      List<Ticket> versions = snapshots.getOrDefault(id, List.of());
      return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
    }

    @Override
    public Optional<Ticket> findForCommand(TicketId id, long expectedVersion) {
      return snapshots.getOrDefault(id, List.of()).stream()
          .filter(t -> t.version() == expectedVersion)
          .findFirst()
          .or(() -> find(id));
    }

    @Override
    public synchronized void save(TicketEvent event, Ticket ticket) {
      TicketStore.requireMatching(event, ticket);
      snapshots.computeIfAbsent(ticket.id(), k -> new ArrayList<>()).add(ticket);
      events.computeIfAbsent(ticket.id(), k -> new ArrayList<>()).add(event);
    }

    @Override
    public List<TicketEvent> events(TicketId id) {
      return List.copyOf(events.getOrDefault(id, List.of()));
    }

    @Override
    public Page<Ticket> query(TicketQuery query) {
      List<Ticket> matching = new ArrayList<>();
      snapshots.keySet().forEach(id -> find(id).filter(query::matches).ifPresent(matching::add));
      return new Page<>(matching, false);
    }
  }
}
