package io.loopdesk.insights;

import static org.assertj.core.api.Assertions.assertThat;

import io.loopdesk.api.Actor;
import io.loopdesk.api.Channel;
import io.loopdesk.api.Customer;
import io.loopdesk.api.Role;
import io.loopdesk.api.TicketId;
import io.loopdesk.api.TicketStatus;
import io.loopdesk.api.event.TicketChange;
import io.loopdesk.api.event.TicketEvent;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A year of a 300-tickets-a-day desk: averages stay exact. */
class KpiVolumeTest {
  @Test
  void averagesOverAYearOfTicketsDoNotOverflow() {
    int tickets = 110_000;
    Actor agent = Actor.of("a-1", Role.AGENT);
    Customer customer = Customer.of("C-1", "张三", "13800001111", null);
    Instant start = Instant.parse("2025-01-01T00:00:00Z");
    List<TicketEvent> events = new ArrayList<>(tickets * 3);
    for (int i = 0; i < tickets; i++) {
      TicketId id = TicketId.of("T-" + i);
      Instant opened = start.plusSeconds(i * 288L);
      Instant started = opened.plus(Duration.ofHours(24));
      events.add(
          new TicketEvent(
              id,
              1,
              opened,
              agent,
              null,
              TicketStatus.RECEIVED,
              new TicketChange.Opened(Channel.PHONE, customer, "X9", "battery", "", "")));
      events.add(
          new TicketEvent(
              id,
              2,
              started,
              agent,
              TicketStatus.ASSIGNED,
              TicketStatus.IN_PROGRESS,
              new TicketChange.Started()));
      events.add(
          new TicketEvent(
              id,
              3,
              started.plus(Duration.ofHours(24)),
              agent,
              TicketStatus.IN_PROGRESS,
              TicketStatus.RESOLVED,
              new TicketChange.Resolved("fixed")));
    }
    KpiValues all =
        KpiCalculator.of(ZoneOffset.UTC, 3)
            .compute(events, start.plus(Duration.ofDays(800)))
            .overall();
    assertThat(all.tickets()).isEqualTo(tickets);
    assertThat(all.averageFirstResponse()).contains(Duration.ofHours(24));
    assertThat(all.averageHandling()).contains(Duration.ofHours(24));
    assertThat(Kpi.FIRST_RESPONSE_MINUTES.of(all).getAsDouble()).isEqualTo(1440.0);
  }
}
