package io.loopdesk.operations;

import io.loopdesk.api.Channel;
import io.loopdesk.api.ValidationException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Staffs every interval of a forecast with Erlang C: the fewest agents that meet the service target
 * for the forecast arrivals of the live channels (those a customer waits on, e.g. phone and chat),
 * then the agents to schedule given the shrinkage (breaks, training, absence). Immutable and
 * thread-safe.
 *
 * <pre>{@code
 * List<StaffingInterval> plan = StaffingPlanner.builder(Duration.ofMinutes(4))
 *     .channels(Set.of(Channel.PHONE, Channel.ONLINE_CHAT))
 *     .target(ServiceTarget.HANDBOOK)            // 85 % within 15 s
 *     .shrinkage(0.30)
 *     .build()
 *     .plan(forecast);
 * }</pre>
 */
public final class StaffingPlanner {
  private final Duration averageHandleTime;
  private final Set<Channel> channels;
  private final ServiceTarget target;
  private final double shrinkage;

  private StaffingPlanner(Builder b) {
    this.averageHandleTime = b.averageHandleTime;
    this.channels = b.channels;
    this.target = b.target;
    this.shrinkage = b.shrinkage;
  }

  /**
   * Returns a builder.
   *
   * @param averageHandleTime the mean handling time of a contact, positive
   * @return the builder: all forecast channels, the handbook target, no shrinkage
   */
  public static Builder builder(Duration averageHandleTime) {
    ErlangC.positiveSeconds("averageHandleTime", averageHandleTime);
    return new Builder(averageHandleTime);
  }

  /**
   * Staffs every interval of the forecast.
   *
   * @param forecast the forecast
   * @return one entry per interval, in order
   */
  public List<StaffingInterval> plan(ArrivalForecast forecast) {
    if (forecast == null) {
      throw new ValidationException("forecast", null, "must not be null");
    }
    Set<Channel> staffed = channels == null ? forecast.channels() : channels;
    List<StaffingInterval> plan = new ArrayList<>();
    for (LocalDateTime start : forecast.intervals()) {
      plan.add(staff(start, forecast.expected(staffed, start), forecast.interval()));
    }
    return plan;
  }

  /**
   * Staffs one interval.
   *
   * @param start the interval's local start
   * @param arrivals the expected arrivals
   * @param interval the interval length
   * @return the staffing
   */
  public StaffingInterval staff(LocalDateTime start, double arrivals, Duration interval) {
    ErlangC model = ErlangC.of(arrivals, interval, averageHandleTime);
    int required = model.requiredAgents(target);
    int scheduled = (int) Math.ceil(required / (1 - shrinkage) - 1e-9);
    QueueFigures figures = required == 0 ? null : model.figures(required, target.answerWithin());
    return new StaffingInterval(start, arrivals, required, scheduled, figures);
  }

  /** Builds a {@link StaffingPlanner}; not thread-safe. */
  public static final class Builder {
    private final Duration averageHandleTime;
    private Set<Channel> channels;
    private ServiceTarget target = ServiceTarget.HANDBOOK;
    private double shrinkage;

    private Builder(Duration averageHandleTime) {
      this.averageHandleTime = averageHandleTime;
    }

    /**
     * Sets the live channels to staff; by default every channel of the forecast.
     *
     * @param value the channels, not empty
     * @return this builder
     */
    public Builder channels(Set<Channel> value) {
      if (value == null || value.isEmpty() || value.stream().anyMatch(java.util.Objects::isNull)) {
        throw new ValidationException(
            "channels", null, "must name at least one channel and no null");
      }
      channels = Set.copyOf(value);
      return this;
    }

    /**
     * Sets the service target.
     *
     * @param value the target
     * @return this builder
     */
    public Builder target(ServiceTarget value) {
      if (value == null) {
        throw new ValidationException("target", null, "must not be null");
      }
      target = value;
      return this;
    }

    /**
     * Sets the shrinkage: the share of paid time agents are not available for contacts.
     *
     * @param value from 0 up to (not including) 0.9
     * @return this builder
     */
    public Builder shrinkage(double value) {
      if (!(value >= 0 && value < 0.9)) {
        throw new ValidationException("shrinkage", value, "must be at least 0 and below 0.9");
      }
      shrinkage = value;
      return this;
    }

    /** Returns the planner. */
    public StaffingPlanner build() {
      return new StaffingPlanner(this);
    }
  }
}
