package io.loopdesk.quality;

import io.loopdesk.api.Ticket;
import io.loopdesk.api.TicketStatus;
import io.loopdesk.api.ValidationException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/**
 * Draws a stratified sample of finished tickets for quality review. In each stratum exactly
 * {@code ceil(n * rate)} of its {@code n} tickets are drawn, by a shuffle seeded from the plan's
 * seed and the stratum, after sorting by ticket id: the same plan and the same tickets give the
 * same sample, in whatever order the tickets are passed. Stateless and thread-safe.
 */
public final class QualitySampler {
  private final SamplingPlan plan;

  /**
   * Creates a sampler.
   *
   * @param plan rates, campaigns and seed
   */
  public QualitySampler(SamplingPlan plan) {
    if (plan == null) {
      throw new ValidationException("plan", null, "must not be null");
    }
    this.plan = plan;
  }

  /**
   * Draws the sample.
   *
   * @param tickets candidate tickets; those not closed or without an assignee are ignored
   * @param agents the profile of each assignee
   * @return the sampled tickets, ordered by stratum then ticket id
   */
  public List<SampledTicket> sample(Collection<Ticket> tickets, Function<String, AgentProfile> agents) {
    if (tickets == null || agents == null) {
      throw new ValidationException(tickets == null ? "tickets" : "agents", null, "must not be null");
    }
    Map<Stratum, List<SampledTicket>> strata = new EnumMap<>(Stratum.class);
    for (Ticket t : tickets) {
      if (!t.status().equals(TicketStatus.CLOSED) || t.assignee().isEmpty()) {
        continue;
      }
      String agentId = t.assignee().get();
      AgentProfile profile = agents.apply(agentId);
      if (profile == null) {
        throw new ValidationException("agents(" + agentId + ")", null, "no profile for the assignee");
      }
      Stratum stratum = plan.stratumOf(profile, t.updatedAt());
      strata.computeIfAbsent(stratum, s -> new ArrayList<>()).add(new SampledTicket(t.id(), agentId, stratum));
    }
    List<SampledTicket> sample = new ArrayList<>();
    strata.forEach((stratum, members) -> {
      members.sort(Comparator.comparing(s -> s.ticketId().value()));
      int take = (int) Math.ceil(members.size() * plan.rate(stratum) - 1e-9);
      java.util.Collections.shuffle(members, new Random(plan.seed() * 31 + stratum.ordinal()));
      List<SampledTicket> drawn = new ArrayList<>(members.subList(0, take));
      drawn.sort(Comparator.comparing(s -> s.ticketId().value()));
      sample.addAll(drawn);
    });
    return sample;
  }
}
