package io.loopdesk.quality;

import io.loopdesk.api.ValidationException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Sampling rates per stratum, campaign periods, the complaint threshold and the seed. Immutable.
 * Defaults: 10% regular, 30% new agents, 50% high-complaint agents (3 or more recent complaints),
 * 20% during campaigns.
 */
public final class SamplingPlan {
  private final Map<Stratum, Double> rates;
  private final List<Instant[]> campaigns;
  private final int highComplaintThreshold;
  private final long seed;

  private SamplingPlan(Builder b) {
    this.rates = Map.copyOf(b.rates);
    this.campaigns = List.copyOf(b.campaigns);
    this.highComplaintThreshold = b.highComplaintThreshold;
    this.seed = b.seed;
  }

  /** Returns a builder with the default rates and seed 0. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the rate of a stratum.
   *
   * @param stratum the stratum
   * @return the share of its tickets to sample, 0..1
   */
  public double rate(Stratum stratum) {
    return rates.get(stratum);
  }

  /** Returns the seed that makes the sample reproducible. */
  public long seed() {
    return seed;
  }

  /**
   * Returns the stratum of a ticket: the applicable one with the highest rate.
   *
   * @param agent the agent who handled it
   * @param finishedAt when it was finished
   * @return the stratum
   */
  public Stratum stratumOf(AgentProfile agent, Instant finishedAt) {
    Stratum best = Stratum.REGULAR;
    if (agent.newAgent() && rate(Stratum.NEW_AGENT) > rate(best)) {
      best = Stratum.NEW_AGENT;
    }
    if (agent.recentComplaints() >= highComplaintThreshold
        && rate(Stratum.HIGH_COMPLAINT) > rate(best)) {
      best = Stratum.HIGH_COMPLAINT;
    }
    if (inCampaign(finishedAt) && rate(Stratum.CAMPAIGN) > rate(best)) {
      best = Stratum.CAMPAIGN;
    }
    return best;
  }

  private boolean inCampaign(Instant at) {
    for (Instant[] c : campaigns) {
      if (!at.isBefore(c[0]) && at.isBefore(c[1])) {
        return true;
      }
    }
    return false;
  }

  /** Builds a {@link SamplingPlan}; not thread-safe. */
  public static final class Builder {
    private final Map<Stratum, Double> rates = new EnumMap<>(Stratum.class);
    private final List<Instant[]> campaigns = new ArrayList<>();
    private int highComplaintThreshold = 3;
    private long seed;

    private Builder() {
      rates.put(Stratum.REGULAR, 0.10);
      rates.put(Stratum.NEW_AGENT, 0.30);
      rates.put(Stratum.HIGH_COMPLAINT, 0.50);
      rates.put(Stratum.CAMPAIGN, 0.20);
    }

    /**
     * Sets a stratum's rate.
     *
     * @param stratum the stratum
     * @param rate the share to sample, 0..1
     * @return this builder
     */
    public Builder rate(Stratum stratum, double rate) {
      if (stratum == null) {
        throw new ValidationException("stratum", null, "must not be null");
      }
      if (!(rate >= 0 && rate <= 1)) {
        throw new ValidationException("rate." + stratum, rate, "must be between 0 and 1");
      }
      rates.put(stratum, rate);
      return this;
    }

    /**
     * Adds a campaign period.
     *
     * @param from inclusive start
     * @param until exclusive end, after {@code from}
     * @return this builder
     */
    public Builder campaign(Instant from, Instant until) {
      if (from == null || until == null || !until.isAfter(from)) {
        throw new ValidationException(
            "campaign", from + ".." + until, "needs a start before its end");
      }
      campaigns.add(new Instant[] {from, until});
      return this;
    }

    /**
     * Sets how many recent complaints make an agent high-complaint.
     *
     * @param value at least 1
     * @return this builder
     */
    public Builder highComplaintThreshold(int value) {
      if (value < 1) {
        throw new ValidationException("highComplaintThreshold", value, "must be at least 1");
      }
      highComplaintThreshold = value;
      return this;
    }

    /**
     * Sets the seed; the same seed and tickets give the same sample.
     *
     * @param value any number
     * @return this builder
     */
    public Builder seed(long value) {
      seed = value;
      return this;
    }

    /** Returns the plan. */
    public SamplingPlan build() {
      return new SamplingPlan(this);
    }
  }
}
