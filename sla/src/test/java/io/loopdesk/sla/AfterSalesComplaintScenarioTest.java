package io.loopdesk.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import io.loopdesk.core.ManualClock;
import io.loopdesk.core.ServiceDesks;
import io.loopdesk.sla.calendar.CalendarRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The after-sales complaint of the call-centre handbook through the real desk: a VIP customer's
 * complaint gets the VIP contract's policy (with the reason), a progress update to the customer
 * within 24 hours, and the first and second line's OLAs as the ticket moves between them; the
 * update that comes late is met late, the second line's OLA is breached and met late at the
 * resolution, and everything is in the SLA audit trail.
 */
class AfterSalesComplaintScenarioTest {

  private static final Actor AGENT = Actor.of("agent-7", Role.AGENT);
  private static final Instant MONDAY_9 = Instant.parse("2026-11-02T09:00:00Z");
  private static final SlaContracts CONTRACTS =
      SlaContracts.fromYaml(
          """
            default: standard
            policies:
              standard:
                pausingStatuses: [WAITING_ON_CUSTOMER]
                targets:
                  - { metric: RESOLUTION, duration: PT72H, calendar: 24x7 }
                  - { metric: PERIODIC_UPDATE, category: COMPLAINT, duration: PT24H, calendar: 24x7 }
                olas:
                  - { team: first-line, duration: PT2H, calendar: 24x7 }
                  - { team: second-line, duration: PT8H, calendar: 24x7 }
              vip:
                pausingStatuses: [WAITING_ON_CUSTOMER]
                targets:
                  - { metric: RESOLUTION, duration: PT48H, calendar: 24x7 }
                  - { metric: FIRST_RESPONSE, category: COMPLAINT, duration: PT2H, calendar: 24x7 }
                  - { metric: PERIODIC_UPDATE, category: COMPLAINT, duration: PT24H, calendar: 24x7 }
                  - { metric: NEXT_REPLY, duration: PT4H, calendar: 24x7 }
                olas:
                  - { team: first-line, duration: PT1H, calendar: 24x7 }
                  - { team: second-line, duration: PT8H, calendar: 24x7 }
            rules:
              - { name: vip-customers, tiers: [VIP], policy: vip }
            """);

  @Test
  void aVipComplaintNeedsAProgressUpdateWithin24HoursAndEachTeamIsHeldToItsOla() {
    ManualClock clock = ManualClock.at(MONDAY_9);
    List<SlaEvent> events = new ArrayList<>();
    SlaTracker sla =
        SlaTracker.forContracts(CONTRACTS, CalendarRegistry.of()).listener(events::add).build();
    ServiceDesk desk =
        ServiceDesks.builder()
            .clock(clock)
            .listener(sla)
            .deadlinePolicy(sla.deadlinePolicy())
            .build();

    Ticket t =
        desk.open(
            NewTicket.builder()
                .channel(Channel.PHONE)
                .customer(
                    Customer.of("c-88", "Zhao Min", "13700000000", null).withTier(CustomerTier.VIP))
                .product("washing machine W3")
                .problem("the repair technician did not come")
                .build(),
            AGENT);
    t =
        desk.classify(
            t.id(),
            t.version(),
            Classification.of(Category.COMPLAINT, Level.MEDIUM, Level.MEDIUM, Level.LOW),
            AGENT);
    assertEquals(
        Optional.of(MONDAY_9.plus(Duration.ofHours(48))),
        t.dueAt(),
        "the VIP policy's resolution target");
    t = desk.assign(t.id(), t.version(), Assignment.of("agent-7", "first-line"), AGENT);
    TicketSla state = sla.status(t.id(), clock.instant()).orElseThrow();
    assertEquals("rule 'vip-customers' (tier VIP) chose policy 'vip'", state.selection().reason());

    clock.advance(Duration.ofMinutes(40));
    t =
        desk.replyToCustomer(
            t.id(), t.version(), Channel.PHONE, "we are sorry; a technician will call you", AGENT);
    clock.advance(Duration.ofMinutes(10));
    t = desk.assign(t.id(), t.version(), Assignment.of("agent-12", "second-line"), AGENT);
    t = desk.start(t.id(), t.version(), Actor.of("agent-12", Role.AGENT));
    clock.advance(Duration.ofMinutes(30));
    t = desk.recordCustomerReply(t.id(), t.version(), Channel.PHONE, "when will he come?", AGENT);
    clock.advance(Duration.ofHours(2));
    t = desk.replyToCustomer(t.id(), t.version(), Channel.of("SMS"), "tomorrow morning", AGENT);

    // no further update for a day: the 24 h progress update and the second line's 8 h OLA run out
    Instant tuesday = MONDAY_9.plus(Duration.ofHours(28));
    clock.set(tuesday);
    List<SlaEvent> overnight = sla.tick(tuesday);
    Instant lastUpdate = MONDAY_9.plus(Duration.ofMinutes(40 + 10 + 30)).plus(Duration.ofHours(2));
    assertTrue(
        overnight.contains(
            new SlaEvent.Breached(
                t.id(),
                SlaMetric.PERIODIC_UPDATE,
                lastUpdate.plus(Duration.ofHours(24)),
                SlaTarget.on("24x7", Duration.ofHours(24)))),
        overnight.toString());
    Instant secondLineFrom = MONDAY_9.plus(Duration.ofMinutes(50));
    assertTrue(
        overnight.contains(
            new SlaEvent.Breached(
                t.id(),
                SlaMetric.OLA,
                secondLineFrom.plus(Duration.ofHours(8)),
                SlaTarget.on("24x7", Duration.ofHours(8)),
                "second-line")),
        overnight.toString());

    clock.advance(Duration.ofMinutes(30));
    t =
        desk.replyToCustomer(
            t.id(), t.version(), Channel.PHONE, "the technician is on his way", AGENT);
    clock.advance(Duration.ofHours(2));
    t = desk.resolve(t.id(), t.version(), "technician repaired the machine; voucher given", AGENT);

    List<SlaEvent> outcomes = events.stream().filter(e -> e instanceof SlaEvent.Met).toList();
    assertEquals(
        List.of(
            new SlaEvent.Met(
                t.id(), SlaMetric.FIRST_RESPONSE, MONDAY_9.plus(Duration.ofMinutes(40)), true),
            new SlaEvent.Met(
                t.id(), SlaMetric.PERIODIC_UPDATE, MONDAY_9.plus(Duration.ofMinutes(40)), true),
            new SlaEvent.Met(
                t.id(), SlaMetric.OLA, MONDAY_9.plus(Duration.ofMinutes(50)), true, "first-line"),
            new SlaEvent.Met(t.id(), SlaMetric.NEXT_REPLY, lastUpdate, true),
            new SlaEvent.Met(t.id(), SlaMetric.PERIODIC_UPDATE, lastUpdate, true),
            new SlaEvent.Met(
                t.id(), SlaMetric.PERIODIC_UPDATE, tuesday.plus(Duration.ofMinutes(30)), false),
            new SlaEvent.Met(
                t.id(), SlaMetric.RESOLUTION, tuesday.plus(Duration.ofMinutes(150)), true),
            new SlaEvent.Met(
                t.id(), SlaMetric.PERIODIC_UPDATE, tuesday.plus(Duration.ofMinutes(150)), true),
            new SlaEvent.Met(
                t.id(),
                SlaMetric.OLA,
                tuesday.plus(Duration.ofMinutes(150)),
                false,
                "second-line")),
        outcomes);
    assertTrue(
        sla.auditTrail(t.id()).stream()
            .anyMatch(e -> e.detail().equals("OLA:second-line met late")));
    assertTrue(
        sla.auditTrail(t.id()).stream()
            .anyMatch(e -> e.detail().equals("PERIODIC_UPDATE met late")));
  }
}
