package io.loopdesk.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loopdesk.api.Actor;
import io.loopdesk.api.Assignment;
import io.loopdesk.api.Category;
import io.loopdesk.api.Channel;
import io.loopdesk.api.Classification;
import io.loopdesk.api.Customer;
import io.loopdesk.api.CustomerTier;
import io.loopdesk.api.Level;
import io.loopdesk.api.NewTicket;
import io.loopdesk.api.Role;
import io.loopdesk.api.ServiceDesk;
import io.loopdesk.api.Ticket;
import io.loopdesk.core.InMemoryTicketStore;
import io.loopdesk.core.ManualClock;
import io.loopdesk.core.ServiceDesks;
import io.loopdesk.sla.calendar.CalendarRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * OLAs and contract selection on the clustered tracker: instances reading the shared feed fire each
 * OLA checkpoint once, agree with a plain tracker (teams, reassignments back and forth at one
 * instant, VIP contracts), and a restarted instance rebuilds the same OLA clocks and selections
 * from the feed.
 */
class OlaClusterTest {

  private static final Actor AGENT = Actor.of("agent-7", Role.AGENT);
  private static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");
  private static final SlaContracts CONTRACTS =
      SlaContracts.fromYaml(
          """
            default: standard
            policies:
              standard:
                targets:
                  - { metric: RESOLUTION, duration: PT72H, calendar: 24x7 }
                olas:
                  - { team: first-line, duration: PT1H, calendar: 24x7 }
                  - { team: second-line, duration: PT4H, calendar: 24x7 }
              vip:
                targets:
                  - { metric: RESOLUTION, duration: PT24H, calendar: 24x7 }
                olas:
                  - { team: first-line, duration: PT30M, calendar: 24x7 }
                  - { team: second-line, duration: PT2H, calendar: 24x7 }
            rules:
              - { name: vip-customers, tiers: [VIP], policy: vip }
            """);

  private static SlaTracker clustered(InMemoryTicketStore store, String name, List<SlaEvent> sink) {
    return SlaTracker.forContracts(CONTRACTS, CalendarRegistry.of())
        .cluster(store, name)
        .listener(sink::add)
        .build();
  }

  @Test
  void instancesFireEachOlaCheckpointOnceAgreeWithAPlainTrackerAndRebuildItAfterARestart() {
    InMemoryTicketStore store = new InMemoryTicketStore();
    ManualClock clock = ManualClock.at(T0);
    List<SlaEvent> plainEvents = new ArrayList<>();
    SlaTracker plain =
        SlaTracker.forContracts(CONTRACTS, CalendarRegistry.of())
            .listener(plainEvents::add)
            .build();
    ServiceDesk desk = ServiceDesks.builder().clock(clock).store(store).listener(plain).build();
    List<SlaEvent> clusterEvents = Collections.synchronizedList(new ArrayList<>());
    List<SlaTracker> instances =
        List.of(clustered(store, "a", clusterEvents), clustered(store, "b", clusterEvents));
    Random random = new Random(19);
    List<Ticket> tickets = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      Customer customer =
          Customer.of("c-" + i, "Li Lei", "13900000000", null)
              .withTier(i % 2 == 0 ? CustomerTier.VIP : CustomerTier.STANDARD);
      Ticket t =
          desk.open(
              NewTicket.builder()
                  .channel(Channel.PHONE)
                  .customer(customer)
                  .product("router X1")
                  .problem("no connection")
                  .build(),
              AGENT);
      t =
          desk.classify(
              t.id(),
              t.version(),
              Classification.of(Category.PRODUCT_FAULT, Level.LOW, Level.MEDIUM, Level.LOW),
              AGENT);
      t = desk.assign(t.id(), t.version(), Assignment.of("agent-1", "first-line"), AGENT);
      tickets.add(t);
    }
    for (int step = 0; step < 40; step++) {
      clock.advance(Duration.ofMinutes(10 + random.nextInt(40)));
      Ticket t = desk.get(tickets.get(random.nextInt(tickets.size())).id());
      String team = random.nextBoolean() ? "first-line" : "second-line";
      t =
          desk.assign(
              t.id(), t.version(), Assignment.of("agent-" + random.nextInt(3), team), AGENT);
      if (step % 7 == 0) {
        // away and back at the same instant: two OLA cycles of one team that start at one instant
        t = desk.assign(t.id(), t.version(), Assignment.of("agent-9", "billing"), AGENT);
        desk.assign(t.id(), t.version(), Assignment.of("agent-1", team), AGENT);
      }
      plain.tick(clock.instant());
      List<SlaTracker> order = new ArrayList<>(instances);
      Collections.shuffle(order, random);
      order.forEach(instance -> instance.tick(clock.instant()));
    }
    List<SlaEvent> expected = List.copyOf(plainEvents);
    assertTrue(
        expected.stream()
            .anyMatch(
                e ->
                    e instanceof SlaEvent.Met m
                        && m.metric() == SlaMetric.OLA
                        && !m.withinTarget()),
        "the scenario must meet an OLA late");
    assertTrue(
        expected.stream()
            .anyMatch(e -> e.metric() == SlaMetric.OLA && e instanceof SlaEvent.Breached),
        "the scenario must breach an OLA");
    assertEquals(
        new HashSet<>(expected),
        new HashSet<>(clusterEvents),
        "the cluster fires what one tracker fires");
    assertEquals(expected.size(), clusterEvents.size(), "no checkpoint fired twice");

    List<SlaEvent> afterRestart = new ArrayList<>();
    SlaTracker restarted = clustered(store, "a", afterRestart);
    assertTrue(
        restarted.tick(clock.instant()).isEmpty(), "claimed checkpoints are not fired again");
    for (Ticket t : tickets) {
      TicketSla expectedSla = plain.status(t.id(), clock.instant()).orElseThrow();
      TicketSla rebuilt = restarted.status(t.id(), clock.instant()).orElseThrow();
      assertEquals(expectedSla, rebuilt, "the restarted instance rebuilt " + t.id());
      assertFalse(rebuilt.team().isEmpty());
    }
    assertEquals(
        "vip",
        restarted
            .status(tickets.get(0).id(), clock.instant())
            .orElseThrow()
            .selection()
            .policyName());
  }
}
