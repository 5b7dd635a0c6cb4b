package io.loopdesk.quality;

import io.loopdesk.api.Ticket;
import io.loopdesk.api.TicketId;
import io.loopdesk.api.TicketStatus;
import io.loopdesk.api.ValidationException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Draws a stratified sample of finished tickets for quality review. A ticket passed more than once
 * is one candidate, in its latest version. In each stratum exactly {@code ceil(n * rate)} of its
 * {@code n} distinct tickets are drawn, sorted by ticket id and then chosen by a partial
 * Fisher-Yates shuffle: every subset of that size is equally likely. The shuffle's random numbers
 * come from a {@link SplittableRandom} whose seed is the plan's seed and the stratum put through
 * the SplitMix64 finaliser, so that consecutive plan seeds (0, 1, 2...) give independent-looking
 * samples. The same plan and the same tickets give the same sample, in whatever order the tickets
 * are passed. Stateless and thread-safe.
 */
public final class QualitySampler {
  /**
   * The golden-ratio increment SplitMix64 adds between its outputs; separates the strata's seeds.
   */
  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

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
   * @param tickets candidate tickets; those not closed or without an assignee (in their latest
   *     version) are ignored
   * @param agents the profile of each assignee
   * @return the sampled tickets, ordered by stratum then ticket id
   * @throws ValidationException if one ticket is passed twice at the same version with different
   *     contents
   */
  public List<SampledTicket> sample(
      Collection<Ticket> tickets, Function<String, AgentProfile> agents) {
    if (tickets == null || agents == null) {
      throw new ValidationException(
          tickets == null ? "tickets" : "agents", null, "must not be null");
    }
    Map<Stratum, List<SampledTicket>> strata = new EnumMap<>(Stratum.class);
    for (Ticket t : latestVersions(tickets)) {
      if (!t.status().equals(TicketStatus.CLOSED) || t.assignee().isEmpty()) {
        continue;
      }
      String agentId = t.assignee().get();
      AgentProfile profile = agents.apply(agentId);
      if (profile == null) {
        throw new ValidationException(
            "agents(" + agentId + ")", null, "no profile for the assignee");
      }
      Stratum stratum = plan.stratumOf(profile, t.updatedAt());
      strata
          .computeIfAbsent(stratum, s -> new ArrayList<>())
          .add(new SampledTicket(t.id(), agentId, stratum));
    }
    List<SampledTicket> sample = new ArrayList<>();
    strata.forEach(
        (stratum, members) -> {
          members.sort(Comparator.comparing(s -> s.ticketId().value()));
          int take = (int) Math.ceil(members.size() * plan.rate(stratum) - 1e-9);
          SplittableRandom random =
              new SplittableRandom(mix64(plan.seed() + (stratum.ordinal() + 1) * GOLDEN_GAMMA));
          for (int i = 0; i < take; i++) {
            Collections.swap(members, i, i + random.nextInt(members.size() - i));
          }
          List<SampledTicket> drawn = new ArrayList<>(members.subList(0, take));
          drawn.sort(Comparator.comparing(s -> s.ticketId().value()));
          sample.addAll(drawn);
        });
    return sample;
  }

  private static Collection<Ticket> latestVersions(Collection<Ticket> tickets) {
    Map<TicketId, Ticket> latest = new HashMap<>();
    for (Ticket t : tickets) {
      if (t == null) {
        throw new ValidationException("tickets", null, "must not contain null");
      }
      Ticket seen = latest.get(t.id());
      if (seen == null || t.version() > seen.version()) {
        latest.put(t.id(), t);
      } else if (t.version() == seen.version() && !t.equals(seen)) {
        throw new ValidationException(
            "tickets",
            null,
            "ticket "
                + t.id()
                + " passed twice at version "
                + t.version()
                + " with different contents");
      }
    }
    return latest.values();
  }

  /** The SplitMix64 finaliser (Steele, Lea and Flood): spreads nearby seeds over all 64 bits. */
  private static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
