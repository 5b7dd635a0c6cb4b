package io.loopdesk.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loopdesk.api.Channel;
import io.loopdesk.api.Customer;
import io.loopdesk.api.Ticket;
import io.loopdesk.api.TicketId;
import io.loopdesk.api.TicketStatus;
import io.loopdesk.api.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** Sampling is exact per stratum and reproducible; retraining follows three failures in a row. */
class QualityProperties {
  private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

  static List<Ticket> tickets(long seed, int count) {
    Random random = new Random(seed);
    List<Ticket> tickets = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Instant created = T0.plus(Duration.ofHours(random.nextInt(24 * 60)));
      TicketStatus status = random.nextInt(5) == 0 ? TicketStatus.IN_PROGRESS : TicketStatus.CLOSED;
      tickets.add(
          Ticket.builder()
              .id(TicketId.of("T-" + i))
              .status(status)
              .channel(Channel.PHONE)
              .customer(Customer.of("C-" + i, "客户", "13800001111", null))
              .product("X9")
              .problem("p")
              .assignee(random.nextInt(10) == 0 ? null : "agent-" + random.nextInt(8))
              .department("support")
              .createdAt(created)
              .updatedAt(created.plus(Duration.ofHours(random.nextInt(48))))
              .build());
    }
    return tickets;
  }

  static final Function<String, AgentProfile> AGENTS =
      id -> new AgentProfile(id, id.endsWith("1") || id.endsWith("2"), id.endsWith("7") ? 5 : 0);

  @Property(tries = 60)
  void sampleIsExactPerStratumReproducibleAndOrderIndependent(
      @ForAll long seed,
      @ForAll @IntRange(min = 0, max = 400) int count,
      @ForAll @DoubleRange(min = 0, max = 1) double regular,
      @ForAll @DoubleRange(min = 0, max = 1) double newAgents,
      @ForAll @DoubleRange(min = 0, max = 1) double campaign) {
    SamplingPlan plan =
        SamplingPlan.builder()
            .seed(seed)
            .rate(Stratum.REGULAR, regular)
            .rate(Stratum.NEW_AGENT, newAgents)
            .rate(Stratum.CAMPAIGN, campaign)
            .campaign(T0.plus(Duration.ofDays(10)), T0.plus(Duration.ofDays(20)))
            .build();
    List<Ticket> tickets = tickets(seed, count);
    QualitySampler sampler = new QualitySampler(plan);
    List<SampledTicket> sample = sampler.sample(tickets, AGENTS);

    List<Ticket> shuffled = new ArrayList<>(tickets);
    Collections.shuffle(shuffled, new Random(seed + 1));
    assertThat(sampler.sample(shuffled, AGENTS)).isEqualTo(sample);

    Map<Stratum, Long> population =
        tickets.stream()
            .filter(t -> t.status().equals(TicketStatus.CLOSED) && t.assignee().isPresent())
            .collect(
                Collectors.groupingBy(
                    t -> plan.stratumOf(AGENTS.apply(t.assignee().get()), t.updatedAt()),
                    Collectors.counting()));
    Map<Stratum, Long> drawn =
        sample.stream()
            .collect(Collectors.groupingBy(SampledTicket::stratum, Collectors.counting()));
    for (Stratum s : Stratum.values()) {
      long n = population.getOrDefault(s, 0L);
      assertThat(drawn.getOrDefault(s, 0L))
          .as(s.toString())
          .isEqualTo((long) Math.ceil(n * plan.rate(s) - 1e-9));
    }
    Map<TicketId, Ticket> byId = tickets.stream().collect(Collectors.toMap(Ticket::id, t -> t));
    for (SampledTicket s : sample) {
      Ticket t = byId.get(s.ticketId());
      assertThat(t.status()).isEqualTo(TicketStatus.CLOSED);
      assertThat(t.assignee()).contains(s.agentId());
      assertThat(plan.stratumOf(AGENTS.apply(s.agentId()), t.updatedAt())).isEqualTo(s.stratum());
    }
    assertThat(sample.stream().map(SampledTicket::ticketId).distinct().count())
        .isEqualTo(sample.size());
  }

  @Property(tries = 200)
  void agentsAreFlaggedExactlyAfterThreeFailuresInARow(
      @ForAll @Size(max = 40) List<@IntRange(min = 0, max = 100) Integer> totals,
      @ForAll @Size(max = 40) List<Boolean> retrainAfter) {
    QualityLedger ledger = QualityLedger.standard();
    AtomicInteger notifications = new AtomicInteger();
    ledger.onRetrainingNeeded(s -> notifications.incrementAndGet());
    int run = 0;
    boolean flagged = false;
    int expectedNotifications = 0;
    for (int i = 0; i < totals.size(); i++) {
      int score = totals.get(i);
      AgentQualityStatus status =
          ledger.record(
              new Scorecard(TicketId.of("T-" + i), "agent-1", "qa-1", T0, score, score, score, ""));
      run = score < 80 ? run + 1 : 0;
      if (!flagged && run >= 3) {
        flagged = true;
        expectedNotifications++;
      }
      assertThat(status.consecutiveFailures()).isEqualTo(run);
      assertThat(status.flaggedForRetraining()).isEqualTo(flagged);
      assertThat(status.reviews()).isEqualTo(i + 1);
      if (flagged && i < retrainAfter.size() && retrainAfter.get(i)) {
        assertThat(ledger.completeRetraining("agent-1").flaggedForRetraining()).isFalse();
        flagged = false;
        run = 0;
      }
    }
    assertThat(notifications.get()).isEqualTo(expectedNotifications);
  }

  @Test
  void defaultsAndBadInput() {
    SamplingPlan plan = SamplingPlan.builder().build();
    assertThat(plan.rate(Stratum.REGULAR)).isEqualTo(0.10);
    assertThat(plan.rate(Stratum.NEW_AGENT)).isEqualTo(0.30);
    assertThat(plan.stratumOf(new AgentProfile("a", true, 9), T0))
        .isEqualTo(Stratum.HIGH_COMPLAINT);
    assertThatThrownBy(() -> SamplingPlan.builder().rate(Stratum.REGULAR, 1.5))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("rate.REGULAR"));
    assertThatThrownBy(() -> SamplingPlan.builder().campaign(T0, T0))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> new Scorecard(TicketId.of("T"), "a", "q", T0, 101, 0, 0, ""))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("attitude"));
    assertThatThrownBy(() -> QualityLedger.standard().completeRetraining("nobody"))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> new QualitySampler(plan).sample(tickets(1, 50), id -> null))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("no profile");
  }
}
