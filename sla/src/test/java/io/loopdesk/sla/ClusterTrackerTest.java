package io.loopdesk.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loopdesk.api.Actor;
import io.loopdesk.api.Assignment;
import io.loopdesk.api.Category;
import io.loopdesk.api.Channel;
import io.loopdesk.api.Classification;
import io.loopdesk.api.Customer;
import io.loopdesk.api.Level;
import io.loopdesk.api.NewTicket;
import io.loopdesk.api.Role;
import io.loopdesk.api.ServiceDesk;
import io.loopdesk.api.Ticket;
import io.loopdesk.api.TicketId;
import io.loopdesk.api.event.TicketEvent;
import io.loopdesk.api.spi.CheckpointClaims;
import io.loopdesk.api.spi.TicketEventFeed;
import io.loopdesk.api.spi.TicketStore;
import io.loopdesk.core.InMemoryTicketStore;
import io.loopdesk.core.ManualClock;
import io.loopdesk.core.ServiceDesks;
import io.loopdesk.sla.calendar.CalendarRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The clustered tracker inside this module, on the in-memory store's feed and claims: several
 * instances fire each checkpoint exactly once, in agreement with a plain tracker, late deliveries
 * are marked, and a restarted instance catches up from the feed. The JDBC version of the same
 * promise is store-jdbc's {@code ClusterSlaTest}.
 */
class ClusterTrackerTest {

  private static final Actor AGENT = Actor.of("agent-7", Role.AGENT);
  private static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");

  /** A fired SLA event with the instance and delivery that fired it. */
  private record Fired(SlaEvent event, SlaDelivery delivery) {}

  private static final class Recorder implements SlaListener {
    final List<Fired> fired = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void onSlaEvent(SlaEvent event) {
      fired.add(new Fired(event, null));
    }

    @Override
    public void onSlaEvent(SlaEvent event, SlaDelivery delivery) {
      fired.add(new Fired(event, delivery));
    }

    List<SlaEvent> events() {
      return fired.stream().map(Fired::event).toList();
    }
  }

  private static SlaTracker clustered(TicketStore store, String instance, Recorder recorder) {
    return SlaTracker.builder(SlaPolicy.standard(), CalendarRegistry.of())
        .cluster(store, instance)
        .listener(recorder)
        .build();
  }

  private static Ticket openWorkedTicket(ServiceDesk desk, Level urgency) {
    Ticket ticket =
        desk.open(
            NewTicket.builder()
                .channel(Channel.PHONE)
                .customer(Customer.of("c-9", "Li Lei", "13900000000", null))
                .product("router X1")
                .problem("no connection at all")
                .build(),
            AGENT);
    ticket =
        desk.classify(
            ticket.id(),
            ticket.version(),
            Classification.of(Category.PRODUCT_FAULT, Level.LOW, urgency, Level.LOW),
            AGENT);
    ticket =
        desk.assign(ticket.id(), ticket.version(), Assignment.of("agent-7", "after-sales"), AGENT);
    return desk.start(ticket.id(), ticket.version(), AGENT);
  }

  @Test
  void threeInstancesFireEveryCheckpointExactlyOnceAndAgreeWithAPlainTracker() {
    InMemoryTicketStore store = new InMemoryTicketStore();
    ManualClock clock = ManualClock.at(T0);
    Recorder plainEvents = new Recorder();
    SlaTracker plain =
        SlaTracker.builder(SlaPolicy.standard(), CalendarRegistry.of())
            .listener(plainEvents)
            .build();
    ServiceDesk desk = ServiceDesks.builder().clock(clock).store(store).listener(plain).build();
    Map<String, Recorder> recorders = new HashMap<>();
    List<SlaTracker> instances = new ArrayList<>();
    for (String name : List.of("a", "b", "c")) {
      Recorder recorder = new Recorder();
      recorders.put(name, recorder);
      instances.add(clustered(store, name, recorder));
    }
    Random random = new Random(7);
    for (int i = 0; i < 12; i++) {
      openWorkedTicket(desk, i % 2 == 0 ? Level.HIGH : Level.MEDIUM);
      clock.advance(Duration.ofMinutes(random.nextInt(300)));
    }
    for (int step = 0; step < 60; step++) {
      clock.advance(Duration.ofHours(2));
      plain.tick(clock.instant());
      List<SlaTracker> order = new ArrayList<>(instances);
      Collections.shuffle(order, random);
      for (SlaTracker instance : order) {
        instance.tick(clock.instant());
      }
    }

    List<SlaEvent> clusterEvents = new ArrayList<>();
    recorders.forEach(
        (name, recorder) -> {
          for (Fired fired : recorder.fired) {
            clusterEvents.add(fired.event());
            assertEquals(
                name, fired.delivery().instance(), "the delivery names the instance that fired it");
            assertEquals(fired.event().at(), fired.delivery().dueAt());
          }
        });
    List<SlaEvent> expected =
        plainEvents.events().stream().filter(e -> !(e instanceof SlaEvent.Met)).toList();
    assertFalse(expected.isEmpty(), "the scenario must breach something");
    assertEquals(
        new HashSet<>(expected),
        new HashSet<>(clusterEvents),
        "the cluster fires what one tracker fires");
    assertEquals(
        clusterEvents.size(), new HashSet<>(clusterEvents).size(), "no checkpoint fired twice");
    assertEquals(expected.size(), clusterEvents.size());
    long instancesThatFired = recorders.values().stream().filter(r -> !r.fired.isEmpty()).count();
    assertTrue(
        instancesThatFired >= 2,
        "work is shared when instances tick in random order: " + instancesThatFired);
  }

  @Test
  void aCheckpointFiredLaterThanLateAfterIsDeliveredAsLate() {
    InMemoryTicketStore store = new InMemoryTicketStore();
    ManualClock clock = ManualClock.at(T0);
    ServiceDesk desk = ServiceDesks.builder().clock(clock).store(store).build();
    Recorder prompt = new Recorder();
    Recorder slow = new Recorder();
    SlaTracker promptTracker =
        SlaTracker.builder(SlaPolicy.standard(), CalendarRegistry.of())
            .cluster(store, "prompt")
            .lateAfter(Duration.ofMinutes(5))
            .listener(prompt)
            .build();
    SlaTracker slowTracker =
        SlaTracker.builder(SlaPolicy.standard(), CalendarRegistry.of())
            .cluster(store, "slow")
            .lateAfter(Duration.ofMinutes(5))
            .listener(slow)
            .build();
    Ticket ticket = openWorkedTicket(desk, Level.HIGH);
    Instant resolutionDue = T0.plus(Duration.ofHours(48));

    promptTracker.tick(resolutionDue.plus(Duration.ofMinutes(5)));
    Fired breach =
        prompt.fired.stream()
            .filter(f -> f.event() instanceof SlaEvent.Breached)
            .findFirst()
            .orElseThrow();
    assertEquals(ticket.id(), breach.event().ticketId());
    assertFalse(breach.delivery().late(), "exactly lateAfter is still on time");
    assertEquals(resolutionDue.plus(Duration.ofMinutes(5)), breach.delivery().firedAt());
    assertTrue(
        slowTracker.tick(resolutionDue.plus(Duration.ofHours(1))).isEmpty(), "already claimed");
    assertTrue(slow.fired.isEmpty());
  }

  @Test
  void aTickBeyondLateAfterMarksTheDeliveryLateAndTheOtherInstanceNeverRefiresIt() {
    InMemoryTicketStore store = new InMemoryTicketStore();
    ManualClock clock = ManualClock.at(T0);
    ServiceDesk desk = ServiceDesks.builder().clock(clock).store(store).build();
    Recorder first = new Recorder();
    Recorder second = new Recorder();
    SlaTracker a =
        SlaTracker.builder(SlaPolicy.standard(), CalendarRegistry.of())
            .cluster(store, "a")
            .lateAfter(Duration.ofMinutes(5))
            .listener(first)
            .build();
    SlaTracker b =
        SlaTracker.builder(SlaPolicy.standard(), CalendarRegistry.of())
            .cluster(store, "b")
            .lateAfter(Duration.ofMinutes(5))
            .listener(second)
            .build();
    openWorkedTicket(desk, Level.HIGH);
    Instant late = T0.plus(Duration.ofHours(48)).plus(Duration.ofMinutes(6));

    List<SlaEvent> fired = a.tick(late);
    assertFalse(fired.isEmpty());
    assertTrue(
        first.fired.stream()
            .allMatch(
                f ->
                    f.delivery().late()
                        == f.event().at().plus(Duration.ofMinutes(5)).isBefore(late)),
        "late exactly when fired more than lateAfter after the due instant");
    assertTrue(first.fired.stream().anyMatch(f -> f.delivery().late()));
    assertTrue(b.tick(late).isEmpty(), "the second instance finds every checkpoint claimed");
    assertTrue(second.fired.isEmpty());
    assertEquals(a.trackedTickets(), b.trackedTickets(), "both read the same feed");
  }

  @Test
  void aClusteredTrackerIgnoresDirectEventsAndReadsEverythingFromTheFeed() {
    InMemoryTicketStore store = new InMemoryTicketStore();
    ManualClock clock = ManualClock.at(T0);
    SlaTracker tracker = clustered(store, "a", new Recorder());
    ServiceDesk desk = ServiceDesks.builder().clock(clock).store(store).listener(tracker).build();
    Ticket ticket = openWorkedTicket(desk, Level.HIGH);
    assertEquals(0, tracker.trackedTickets(), "events handed to the listener are ignored");

    tracker.tick(clock.instant());
    assertEquals(1, tracker.trackedTickets(), "the tick read the ticket from the feed, once");
    assertTrue(tracker.status(ticket.id(), clock.instant()).isPresent());
  }

  @Test
  void aRestartedInstanceCatchesUpFromTheFeedWithoutRefiringWhatWasClaimed() {
    InMemoryTicketStore store = new InMemoryTicketStore();
    ManualClock clock = ManualClock.at(T0);
    ServiceDesk desk = ServiceDesks.builder().clock(clock).store(store).build();
    Recorder before = new Recorder();
    SlaTracker original = clustered(store, "a", before);
    for (int i = 0; i < 3; i++) {
      openWorkedTicket(desk, Level.HIGH);
    }
    Instant afterBreach = T0.plus(Duration.ofHours(49));
    assertFalse(original.tick(afterBreach).isEmpty());

    Recorder after = new Recorder();
    SlaTracker restarted = clustered(store, "a", after);
    assertTrue(
        restarted.tick(afterBreach).isEmpty(),
        "claimed checkpoints are not fired again after a restart");
    assertEquals(3, restarted.trackedTickets());
    TicketId later = openWorkedTicket(desk, Level.HIGH).id();
    assertFalse(
        restarted.tick(afterBreach.plus(Duration.ofHours(49))).isEmpty(),
        "a ticket opened after the restart is tracked and fires");
    assertTrue(
        after.events().stream().allMatch(e -> e.ticketId().equals(later)),
        "only the new ticket's checkpoints fire: " + after.events());
  }

  @Test
  void moreDueCheckpointsThanOneFeedPageAreAllFiredOnce() {
    InMemoryTicketStore store = new InMemoryTicketStore();
    ManualClock clock = ManualClock.at(T0);
    ServiceDesk desk = ServiceDesks.builder().clock(clock).store(store).build();
    Set<TicketId> opened = new HashSet<>();
    for (int i = 0; i < 300; i++) {
      opened.add(openWorkedTicket(desk, Level.HIGH).id());
    }
    Recorder recorder = new Recorder();
    SlaTracker tracker = clustered(store, "a", recorder);
    tracker.tick(T0.plus(Duration.ofHours(49)));
    assertEquals(300, tracker.trackedTickets(), "1,200 events read over several feed pages");
    Set<TicketId> breached = new HashSet<>();
    for (SlaEvent event : recorder.events()) {
      if (event instanceof SlaEvent.Breached b && b.metric() == SlaMetric.RESOLUTION) {
        assertTrue(breached.add(b.ticketId()), "one resolution breach per ticket");
      }
    }
    assertEquals(opened, breached);
  }

  @Test
  void theDeadlinePolicyOfAClusteredTrackerReadsTheFeedFirst() {
    InMemoryTicketStore store = new InMemoryTicketStore();
    ManualClock clock = ManualClock.at(T0);
    SlaTracker tracker = clustered(store, "a", new Recorder());
    ServiceDesk desk =
        ServiceDesks.builder()
            .clock(clock)
            .store(store)
            .deadlinePolicy(tracker.deadlinePolicy())
            .build();
    Ticket ticket =
        desk.open(
            NewTicket.builder()
                .channel(Channel.PHONE)
                .customer(Customer.of("c-9", "Li Lei", "13900000000", null))
                .product("router X1")
                .problem("no connection at all")
                .build(),
            AGENT);
    ticket =
        desk.classify(
            ticket.id(),
            ticket.version(),
            Classification.of(Category.PRODUCT_FAULT, Level.LOW, Level.HIGH, Level.LOW),
            AGENT);
    assertEquals(T0.plus(Duration.ofHours(48)), ticket.dueAt().orElseThrow());
    assertEquals(1, tracker.trackedTickets(), "asking for a deadline caught the tracker up");
  }

  @Test
  void clusterSettingsAreValidated() {
    SlaTracker.Builder builder = SlaTracker.builder(SlaPolicy.standard(), CalendarRegistry.of());
    InMemoryTicketStore store = new InMemoryTicketStore();
    TicketStore withoutFeed = new ForwardingStoreWithoutFeed(store);
    assertEquals(
        "store",
        assertThrows(SlaPolicyException.class, () -> builder.cluster(withoutFeed, "a")).field());
    assertEquals(
        "store",
        assertThrows(SlaPolicyException.class, () -> builder.cluster((TicketStore) null, "a"))
            .field());
    assertEquals(
        "feed",
        assertThrows(SlaPolicyException.class, () -> builder.cluster(null, store, "a")).field());
    assertEquals(
        "claims",
        assertThrows(
                SlaPolicyException.class,
                () -> builder.cluster(store, (CheckpointClaims) null, "a"))
            .field());
    for (String bad : new String[] {null, "", "  ", "x".repeat(201)}) {
      assertEquals(
          "instance",
          assertThrows(
                  SlaPolicyException.class,
                  () -> builder.cluster((TicketEventFeed) store, store, bad))
              .field());
    }
    builder.cluster((TicketEventFeed) store, store, "x".repeat(200));
    assertEquals(
        "lateAfter", assertThrows(SlaPolicyException.class, () -> builder.lateAfter(null)).field());
    assertEquals(
        "lateAfter",
        assertThrows(SlaPolicyException.class, () -> builder.lateAfter(Duration.ofSeconds(-1)))
            .field());
    builder.lateAfter(Duration.ZERO);
  }

  /** A store that offers neither a feed nor claims, as a third-party adapter might. */
  private static final class ForwardingStoreWithoutFeed implements TicketStore {
    private final TicketStore delegate;

    ForwardingStoreWithoutFeed(TicketStore delegate) {
      this.delegate = delegate;
    }

    @Override
    public Optional<Ticket> find(TicketId id) {
      return delegate.find(id);
    }

    @Override
    public void save(TicketEvent event, Ticket ticket) {
      delegate.save(event, ticket);
    }

    @Override
    public List<TicketEvent> events(TicketId id) {
      return delegate.events(id);
    }

    @Override
    public io.loopdesk.api.Page<Ticket> query(io.loopdesk.api.TicketQuery query) {
      return delegate.query(query);
    }
  }
}
