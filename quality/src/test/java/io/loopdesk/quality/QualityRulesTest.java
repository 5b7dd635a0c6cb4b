package io.loopdesk.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loopdesk.api.Channel;
import io.loopdesk.api.Customer;
import io.loopdesk.api.Ticket;
import io.loopdesk.api.TicketId;
import io.loopdesk.api.TicketStatus;
import io.loopdesk.api.ValidationException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * One example per rule of the quality module: scorecard ranges, the ledger's pass mark and running
 * average, the stratum of a ticket (highest applicable rate, campaign periods, complaint threshold)
 * and the order and independence of the sample.
 */
class QualityRulesTest {
  private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
  private static final TicketId TICKET = TicketId.of("T-1");

  private static Scorecard card(int attitude, int knowledge, int compliance) {
    return new Scorecard(TICKET, "agent-1", "qa-1", T0, attitude, knowledge, compliance, null);
  }

  private static Ticket closed(String id, String assignee, Instant finished) {
    return Ticket.builder()
        .id(TicketId.of(id))
        .version(3)
        .status(TicketStatus.CLOSED)
        .channel(Channel.PHONE)
        .customer(Customer.of("C-1", "客户", "13800001111", null))
        .product("X9")
        .problem("p")
        .assignee(assignee)
        .department("support")
        .createdAt(T0)
        .updatedAt(finished)
        .build();
  }

  @Test
  void everyScoreIsCheckedAgainstZeroToHundredAndNamed() {
    for (String field : List.of("attitude", "knowledge", "compliance")) {
      for (int bad : new int[] {-1, 101}) {
        int a = field.equals("attitude") ? bad : 50;
        int k = field.equals("knowledge") ? bad : 50;
        int c = field.equals("compliance") ? bad : 50;
        assertThatThrownBy(() -> card(a, k, c))
            .as(field + "=" + bad)
            .isInstanceOfSatisfying(
                ValidationException.class, e -> assertThat(e.field()).isEqualTo(field));
      }
    }
    assertThat(card(0, 0, 0).total()).isEqualTo(0.0);
    assertThat(card(100, 100, 100).total()).isEqualTo(100.0);
    assertThat(card(90, 60, 75).total()).isEqualTo(75.0);
    assertThat(card(1, 2, 3).comment()).isEmpty();
  }

  @Test
  void aScorecardNamesItsMissingParts() {
    assertThatThrownBy(() -> new Scorecard(null, "a", "q", T0, 1, 1, 1, ""))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("ticketId"));
    assertThatThrownBy(() -> new Scorecard(TICKET, "a", "q", null, 1, 1, 1, ""))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("at"));
    assertThatThrownBy(() -> new Scorecard(TICKET, null, "q", T0, 1, 1, 1, ""))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("agentId"));
    assertThatThrownBy(() -> new Scorecard(TICKET, " ", "q", T0, 1, 1, 1, ""))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("agentId"));
    assertThatThrownBy(() -> new Scorecard(TICKET, "a", null, T0, 1, 1, 1, ""))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("reviewerId"));
    assertThatThrownBy(() -> new Scorecard(TICKET, "a", "", T0, 1, 1, 1, ""))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("reviewerId"));
  }

  @Test
  void theLedgerAcceptsPassMarksFromZeroToHundredAndAtLeastOneFailure() {
    assertThatCode(() -> new QualityLedger(0, 1)).doesNotThrowAnyException();
    assertThatCode(() -> new QualityLedger(100, 1)).doesNotThrowAnyException();
    assertThatThrownBy(() -> new QualityLedger(-0.001, 3))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("passMark"));
    assertThatThrownBy(() -> new QualityLedger(100.001, 3))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("passMark"));
    assertThatThrownBy(() -> new QualityLedger(Double.NaN, 3))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> new QualityLedger(80, 0))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> assertThat(e.field()).isEqualTo("failuresBeforeRetraining"));
  }

  @Test
  void withOneFailureAllowedTheFirstFailureFlagsAndAPassAtTheMarkDoesNot() {
    QualityLedger ledger = new QualityLedger(100, 1);
    assertThat(ledger.status("agent-1")).isEmpty();
    assertThat(ledger.record(card(100, 100, 100)).flaggedForRetraining()).isFalse();
    assertThat(ledger.record(card(100, 100, 99)).flaggedForRetraining()).isTrue();
    assertThat(ledger.status("agent-1"))
        .hasValueSatisfying(
            s -> {
              assertThat(s.reviews()).isEqualTo(2);
              assertThat(s.consecutiveFailures()).isEqualTo(1);
            });
    assertThat(ledger.status("agent-2")).isEmpty();
  }

  /** Reference model: the average is the plain mean of every total recorded for the agent. */
  @Property(tries = 100)
  void theAverageIsTheMeanOfTheTotals(
      @ForAll @Size(min = 1, max = 30) List<@IntRange(min = 0, max = 100) Integer> scores) {
    QualityLedger ledger = QualityLedger.standard();
    double sum = 0;
    for (int i = 0; i < scores.size(); i++) {
      int s = scores.get(i);
      Scorecard card = card(s, 100 - s, s / 2);
      sum += card.total();
      AgentQualityStatus status = ledger.record(card);
      assertThat(status.averageTotal())
          .isCloseTo(sum / (i + 1), org.assertj.core.data.Offset.offset(1e-9));
    }
  }

  @Test
  void aTicketFallsInTheApplicableStratumWithTheHighestRate() {
    SamplingPlan defaults = SamplingPlan.builder().campaign(T0, T0.plusSeconds(3600)).build();
    Instant outside = T0.minusSeconds(1);
    assertThat(defaults.stratumOf(new AgentProfile("a", false, 0), outside))
        .isEqualTo(Stratum.REGULAR);
    assertThat(defaults.stratumOf(new AgentProfile("a", true, 0), outside))
        .isEqualTo(Stratum.NEW_AGENT);
    assertThat(defaults.stratumOf(new AgentProfile("a", false, 2), outside))
        .isEqualTo(Stratum.REGULAR);
    assertThat(defaults.stratumOf(new AgentProfile("a", false, 3), outside))
        .isEqualTo(Stratum.HIGH_COMPLAINT);
    assertThat(defaults.stratumOf(new AgentProfile("a", false, 0), T0)).isEqualTo(Stratum.CAMPAIGN);
    assertThat(defaults.stratumOf(new AgentProfile("a", true, 0), T0))
        .as("30 % beats the campaign's 20 %")
        .isEqualTo(Stratum.NEW_AGENT);
    assertThat(defaults.stratumOf(new AgentProfile("a", true, 3), T0))
        .isEqualTo(Stratum.HIGH_COMPLAINT);

    SamplingPlan lowRates =
        SamplingPlan.builder()
            .rate(Stratum.REGULAR, 0.4)
            .rate(Stratum.NEW_AGENT, 0.3)
            .rate(Stratum.HIGH_COMPLAINT, 0.2)
            .rate(Stratum.CAMPAIGN, 0.1)
            .campaign(T0, T0.plusSeconds(3600))
            .build();
    assertThat(lowRates.stratumOf(new AgentProfile("a", true, 9), T0))
        .as("every special rate below regular")
        .isEqualTo(Stratum.REGULAR);
    SamplingPlan campaignFirst =
        SamplingPlan.builder()
            .rate(Stratum.CAMPAIGN, 0.9)
            .campaign(T0, T0.plusSeconds(3600))
            .build();
    assertThat(campaignFirst.stratumOf(new AgentProfile("a", true, 9), T0))
        .isEqualTo(Stratum.CAMPAIGN);
  }

  /**
   * Rates that tie keep the stratum met first in the order regular, new agent, high complaint,
   * campaign: a special stratum is used only when it samples more than the one before it.
   */
  @Test
  void onATieTheEarlierStratumStays() {
    SamplingPlan allEqual =
        SamplingPlan.builder()
            .rate(Stratum.REGULAR, 0.25)
            .rate(Stratum.NEW_AGENT, 0.25)
            .rate(Stratum.HIGH_COMPLAINT, 0.25)
            .rate(Stratum.CAMPAIGN, 0.25)
            .campaign(T0, T0.plusSeconds(3600))
            .build();
    assertThat(allEqual.stratumOf(new AgentProfile("a", true, 9), T0)).isEqualTo(Stratum.REGULAR);
    SamplingPlan newAndHighEqual =
        SamplingPlan.builder()
            .rate(Stratum.NEW_AGENT, 0.5)
            .rate(Stratum.HIGH_COMPLAINT, 0.5)
            .rate(Stratum.CAMPAIGN, 0.5)
            .campaign(T0, T0.plusSeconds(3600))
            .build();
    assertThat(newAndHighEqual.stratumOf(new AgentProfile("a", true, 9), T0))
        .isEqualTo(Stratum.NEW_AGENT);
    assertThat(newAndHighEqual.stratumOf(new AgentProfile("a", false, 9), T0))
        .isEqualTo(Stratum.HIGH_COMPLAINT);
  }

  @Test
  void aCampaignIncludesItsStartAndExcludesItsEnd() {
    Instant from = T0.plusSeconds(7200);
    Instant until = from.plusSeconds(3600);
    SamplingPlan plan =
        SamplingPlan.builder()
            .campaign(T0.minusSeconds(99_999), T0.minusSeconds(99_000))
            .campaign(from, until)
            .build();
    AgentProfile regular = new AgentProfile("a", false, 0);
    assertThat(plan.stratumOf(regular, from.minusNanos(1))).isEqualTo(Stratum.REGULAR);
    assertThat(plan.stratumOf(regular, from)).isEqualTo(Stratum.CAMPAIGN);
    assertThat(plan.stratumOf(regular, until.minusNanos(1))).isEqualTo(Stratum.CAMPAIGN);
    assertThat(plan.stratumOf(regular, until)).isEqualTo(Stratum.REGULAR);
    assertThat(SamplingPlan.builder().build().stratumOf(regular, from))
        .as("no campaigns")
        .isEqualTo(Stratum.REGULAR);
  }

  @Test
  void theComplaintThresholdCanBeSetDownToOne() {
    SamplingPlan plan = SamplingPlan.builder().highComplaintThreshold(1).build();
    assertThat(plan.stratumOf(new AgentProfile("a", false, 0), T0)).isEqualTo(Stratum.REGULAR);
    assertThat(plan.stratumOf(new AgentProfile("a", false, 1), T0))
        .isEqualTo(Stratum.HIGH_COMPLAINT);
    SamplingPlan five = SamplingPlan.builder().highComplaintThreshold(5).build();
    assertThat(five.stratumOf(new AgentProfile("a", false, 4), T0)).isEqualTo(Stratum.REGULAR);
    assertThat(five.stratumOf(new AgentProfile("a", false, 5), T0))
        .isEqualTo(Stratum.HIGH_COMPLAINT);
    assertThatThrownBy(() -> SamplingPlan.builder().highComplaintThreshold(0))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> assertThat(e.field()).isEqualTo("highComplaintThreshold"));
  }

  @Test
  void theSampleIsOrderedByStratumThenTicketId() {
    List<Ticket> tickets = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      tickets.add(closed(String.format("T-%02d", i), i % 2 == 0 ? "agent-new" : "agent-old", T0));
    }
    Function<String, AgentProfile> agents = id -> new AgentProfile(id, id.equals("agent-new"), 0);
    for (long seed = 0; seed < 20; seed++) {
      SamplingPlan plan =
          SamplingPlan.builder()
              .seed(seed)
              .rate(Stratum.REGULAR, 0.5)
              .rate(Stratum.NEW_AGENT, 0.6)
              .build();
      List<SampledTicket> sample = new QualitySampler(plan).sample(tickets, agents);
      assertThat(sample).as("10 of 20 regular, 12 of 20 new-agent tickets").hasSize(22);
      assertThat(sample)
          .isSortedAccordingTo(
              Comparator.comparing(SampledTicket::stratum)
                  .thenComparing(s -> s.ticketId().value()));
      assertThat(sample.get(0).stratum()).isEqualTo(Stratum.REGULAR);
    }
  }

  /**
   * Each stratum draws with its own random stream: with two strata of the same size, the positions
   * drawn in one say nothing about the positions drawn in the other. One ticket of ten per stratum
   * (rates 9 % and 10 %: ceil(0.9) = ceil(1.0) = 1) over 400 seeds: the same position is drawn in
   * both about one time in ten, never every time.
   */
  @Test
  void strataAreDrawnIndependently() {
    List<Ticket> tickets = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      tickets.add(closed("A-" + i, "agent-old", T0));
      tickets.add(closed("B-" + i, "agent-new", T0));
    }
    Function<String, AgentProfile> agents = id -> new AgentProfile(id, id.equals("agent-new"), 0);
    int samePosition = 0;
    int seeds = 400;
    for (long seed = 0; seed < seeds; seed++) {
      SamplingPlan plan =
          SamplingPlan.builder()
              .seed(seed)
              .rate(Stratum.REGULAR, 0.09)
              .rate(Stratum.NEW_AGENT, 0.1)
              .build();
      List<SampledTicket> sample = new QualitySampler(plan).sample(tickets, agents);
      assertThat(sample)
          .extracting(SampledTicket::stratum)
          .containsExactly(Stratum.REGULAR, Stratum.NEW_AGENT);
      if (sample
          .get(0)
          .ticketId()
          .value()
          .substring(2)
          .equals(sample.get(1).ticketId().value().substring(2))) {
        samePosition++;
      }
    }
    assertThat(samePosition)
        .as("same position in both strata, expected about 40")
        .isBetween(15, 70);
  }

  @Test
  void missingArgumentsAreNamed() {
    QualitySampler sampler = new QualitySampler(SamplingPlan.builder().build());
    assertThatThrownBy(() -> sampler.sample(null, id -> null))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("tickets"));
    assertThatThrownBy(() -> sampler.sample(List.of(), null))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("agents"));
    assertThatThrownBy(() -> new QualitySampler(null))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("plan"));
  }
}
