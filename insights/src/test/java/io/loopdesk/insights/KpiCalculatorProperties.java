package io.loopdesk.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.loopdesk.api.CallbackRecord;
import io.loopdesk.api.Ticket;
import io.loopdesk.api.TicketStatus;
import io.loopdesk.api.event.TicketChange;
import io.loopdesk.api.event.TicketEvent;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * KPIs from events agree with the same figures derived another way, from final ticket snapshots.
 */
class KpiCalculatorProperties {
  private final KpiCalculator calculator = KpiCalculator.of(ZoneOffset.UTC, 5);

  @Property(tries = 25)
  void kpisAgreeWithTicketSnapshots(
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 80) int ticketCount) {
    ServiceHistory history = ServiceHistory.generate(seed, ticketCount);
    KpiReport report = calculator.compute(history.events, history.end);
    KpiValues all = report.overall();
    List<Ticket> tickets = history.tickets;
    Map<Object, List<TicketEvent>> byTicket =
        history.events.stream().collect(Collectors.groupingBy(TicketEvent::ticketId));

    assertThat(all.tickets()).isEqualTo(tickets.size());
    long closed = tickets.stream().filter(t -> t.status().equals(TicketStatus.CLOSED)).count();
    assertThat(all.closed()).isEqualTo(closed);
    assertThat(all.open()).isEqualTo(tickets.size() - closed).isEqualTo(report.backlog().open());

    List<Integer> ratings =
        tickets.stream()
            .flatMap(t -> t.callbacks().stream())
            .filter(c -> c.result().outcome().reached())
            .map(c -> c.result().rating())
            .toList();
    if (ratings.isEmpty()) {
      assertThat(all.csatAverage()).isEmpty();
    } else {
      assertThat(all.csatAverage().getAsDouble())
          .isCloseTo(ratings.stream().mapToInt(i -> i).average().orElseThrow(), within(1e-9));
      assertThat(all.satisfiedRate().getAsDouble())
          .isCloseTo(
              ratings.stream().filter(r -> r >= 4).count() / (double) ratings.size(), within(1e-9));
    }

    List<Ticket> resolvedOnce =
        tickets.stream()
            .filter(
                t ->
                    byTicket.get(t.id()).stream()
                        .anyMatch(e -> e.change() instanceof TicketChange.Resolved))
            .toList();
    assertThat(all.resolved()).isEqualTo(resolvedOnce.size());
    if (!resolvedOnce.isEmpty()) {
      assertThat(all.reopenRate().getAsDouble())
          .isCloseTo(
              resolvedOnce.stream().filter(t -> t.reopenCount() > 0).count()
                  / (double) resolvedOnce.size(),
              within(1e-9));
      assertThat(all.callbackCompletionRate().getAsDouble())
          .isCloseTo(
              resolvedOnce.stream()
                      .filter(
                          t ->
                              t.callbacks().stream()
                                  .map(CallbackRecord::result)
                                  .anyMatch(r -> r.outcome().reached()))
                      .count()
                  / (double) resolvedOnce.size(),
              within(1e-9));
    }
    if (closed > 0) {
      long fcr =
          tickets.stream()
              .filter(
                  t ->
                      t.status().equals(TicketStatus.CLOSED)
                          && t.reopenCount() == 0
                          && byTicket.get(t.id()).stream()
                                  .filter(e -> e.change() instanceof TicketChange.Assigned)
                                  .count()
                              == 1)
              .count();
      assertThat(all.firstContactResolutionRate().getAsDouble())
          .isCloseTo(fcr / (double) closed, within(1e-9));
    }
    for (Dimension d : Dimension.values()) {
      assertThat(report.by(d).values().stream().mapToLong(KpiValues::tickets).sum())
          .isEqualTo(tickets.size());
    }
    assertThat(report.by(Dimension.CATEGORY).keySet())
        .containsExactlyElementsOf(report.typeDistribution().keySet());
    assertThat(report.monthly().values().stream().mapToLong(KpiValues::tickets).sum())
        .isEqualTo(tickets.size());
    assertThat(report.typeDistribution().values().stream().mapToLong(Long::longValue).sum())
        .isEqualTo(tickets.size());
    assertThat(report.topProblems())
        .isSortedAccordingTo(Comparator.comparingLong(RecurringProblem::tickets).reversed());
    assertThat(report.topProblems()).hasSizeLessThanOrEqualTo(5);
  }

  @Property(tries = 15)
  void interleavingTicketsDoesNotChangeTheReport(
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 60) int ticketCount) {
    ServiceHistory history = ServiceHistory.generate(seed, ticketCount);
    List<TicketEvent> byTime = new ArrayList<>(history.events);
    byTime.sort(Comparator.comparing(TicketEvent::at));
    assertThat(calculator.compute(byTime, history.end))
        .isEqualTo(calculator.compute(history.events, history.end));
  }
}
