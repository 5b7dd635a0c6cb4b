package io.loopdesk.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loopdesk.api.Channel;
import io.loopdesk.api.Customer;
import io.loopdesk.api.Ticket;
import io.loopdesk.api.TicketId;
import io.loopdesk.api.TicketStatus;
import io.loopdesk.api.ValidationException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A ticket passed twice is one candidate; inclusion is uniform even over consecutive seeds. */
class QualitySamplerTest {
  private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
  private static final Function<String, AgentProfile> REGULAR_AGENTS =
      id -> new AgentProfile(id, false, 0);

  /**
   * Upper critical values of the chi-squared distribution at significance level 0.001 (the 99.9th
   * percentile), by degrees of freedom, from the standard tables.
   */
  private static final Map<Integer, Double> CHI_SQUARED_999 =
      Map.ofEntries(
          Map.entry(2, 13.816),
          Map.entry(3, 16.266),
          Map.entry(4, 18.467),
          Map.entry(5, 20.515),
          Map.entry(6, 22.458),
          Map.entry(7, 24.322),
          Map.entry(8, 26.124),
          Map.entry(9, 27.877),
          Map.entry(11, 31.264),
          Map.entry(15, 37.697),
          Map.entry(16, 39.252),
          Map.entry(19, 43.820),
          Map.entry(23, 49.728),
          Map.entry(31, 61.098),
          Map.entry(49, 85.351),
          Map.entry(63, 103.442),
          Map.entry(96, 144.567),
          Map.entry(110, 161.581),
          Map.entry(179, 243.207));

  private static Ticket closed(String id, long version, String assignee) {
    return Ticket.builder()
        .id(TicketId.of(id))
        .version(version)
        .status(TicketStatus.CLOSED)
        .channel(Channel.PHONE)
        .customer(Customer.of("C-1", "客户", "13800001111", null))
        .product("X9")
        .problem("p")
        .assignee(assignee)
        .department("support")
        .createdAt(T0)
        .updatedAt(T0.plusSeconds(version))
        .build();
  }

  private static List<Ticket> population(int n) {
    List<Ticket> tickets = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      tickets.add(closed(String.format("T-%03d", i), 5, "agent-" + i % 4));
    }
    return tickets;
  }

  @Test
  void aTicketPassedTwiceIsOneCandidateAndItsLatestVersionCounts() {
    List<Ticket> tickets = population(10);
    List<Ticket> twice = new ArrayList<>(tickets);
    twice.add(tickets.get(3));
    twice.add(0, closed("T-007", 4, "agent-older-snapshot"));
    SamplingPlan everything = SamplingPlan.builder().rate(Stratum.REGULAR, 1.0).build();
    assertThat(new QualitySampler(everything).sample(twice, REGULAR_AGENTS))
        .isEqualTo(new QualitySampler(everything).sample(tickets, REGULAR_AGENTS))
        .hasSize(10);
    SamplingPlan tenPercent = SamplingPlan.builder().seed(3).build();
    assertThat(new QualitySampler(tenPercent).sample(twice, REGULAR_AGENTS))
        .as("n = 10, not 12: ceil(1.0)")
        .hasSize(1);
  }

  @Test
  void twoDifferentSnapshotsAtTheSameVersionAreRejected() {
    List<Ticket> tickets = new ArrayList<>(population(3));
    tickets.add(closed("T-001", 5, "agent-someone-else"));
    assertThatThrownBy(
            () ->
                new QualitySampler(SamplingPlan.builder().build()).sample(tickets, REGULAR_AGENTS))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("tickets"))
        .hasMessageContaining("T-001");
  }

  /**
   * Over the consecutive seeds 0..19,999, every ticket of a stratum must be drawn about equally
   * often. For each stratum size n and draw size k the counts are tested with Pearson's statistic,
   * corrected for drawing without replacement (the k draws of one seed are not independent): {@code
   * X = (n - 1) / n * sum((O_i - E)^2) / (S * p * (1 - p))} with {@code p = k / n} and {@code E = S
   * * p} is asymptotically chi-squared with n - 1 degrees of freedom. Each case must stay below the
   * critical value at significance level 0.001. The seeds are fixed, so the test is deterministic:
   * it cannot flake. The former {@code new Random(seed * 31 + ordinal)} shuffle failed it, e.g. n =
   * 97, k = 48: X = 315.9 against 144.6; n = 180, k = 90: X = 315.2 against 243.2.
   */
  @Test
  void inclusionIsUniformOverConsecutiveSeeds() {
    int seeds = 20_000;
    int[][] cases = {
      {3, 1}, {4, 1}, {5, 1}, {6, 1}, {7, 1}, {8, 1}, {9, 1}, {10, 1}, {12, 1}, {16, 1}, {17, 1},
      {20, 1}, {24, 1}, {32, 1}, {50, 1}, {64, 1}, {8, 3}, {10, 3}, {16, 5}, {20, 2}, {32, 8},
      {50, 10}, {64, 16}, {97, 33}, {97, 48}, {111, 55}, {180, 60}, {180, 90}
    };
    List<String> uneven = new ArrayList<>();
    for (int[] c : cases) {
      int n = c[0];
      int k = c[1];
      List<Ticket> tickets = population(n);
      Map<TicketId, Integer> index = new java.util.HashMap<>();
      for (int i = 0; i < n; i++) {
        index.put(tickets.get(i).id(), i);
      }
      long[] counts = new long[n];
      double rate = k / (double) n;
      for (int seed = 0; seed < seeds; seed++) {
        SamplingPlan plan = SamplingPlan.builder().seed(seed).rate(Stratum.REGULAR, rate).build();
        List<SampledTicket> sample = new QualitySampler(plan).sample(tickets, REGULAR_AGENTS);
        assertThat(sample).hasSize(k);
        for (SampledTicket s : sample) {
          counts[index.get(s.ticketId())]++;
        }
      }
      double p = rate;
      double expected = seeds * p;
      double squares = 0;
      for (long observed : counts) {
        squares += (observed - expected) * (observed - expected);
      }
      double statistic = (n - 1.0) / n * squares / (seeds * p * (1 - p));
      double critical = CHI_SQUARED_999.get(n - 1);
      if (statistic > critical) {
        uneven.add(
            "n=" + n + " k=" + k + ": X=" + Math.round(statistic * 10) / 10.0 + " > " + critical);
      }
    }
    assertThat(uneven).as("strata with uneven inclusion at significance level 0.001").isEmpty();
  }

  @Test
  void theSameSeedStillGivesTheSameSample() {
    List<Ticket> tickets = population(40);
    SamplingPlan plan = SamplingPlan.builder().seed(42).rate(Stratum.REGULAR, 0.25).build();
    Map<Stratum, List<TicketId>> first =
        new QualitySampler(plan)
            .sample(tickets, REGULAR_AGENTS).stream()
                .collect(
                    Collectors.groupingBy(
                        SampledTicket::stratum,
                        Collectors.mapping(SampledTicket::ticketId, Collectors.toList())));
    assertThat(
            new QualitySampler(plan)
                .sample(tickets, REGULAR_AGENTS).stream()
                    .collect(
                        Collectors.groupingBy(
                            SampledTicket::stratum,
                            Collectors.mapping(SampledTicket::ticketId, Collectors.toList()))))
        .isEqualTo(first);
    assertThat(first.get(Stratum.REGULAR)).hasSize(10);
  }
}
