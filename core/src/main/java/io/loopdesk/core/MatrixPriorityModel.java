package io.loopdesk.core;

import io.loopdesk.api.Classification;
import io.loopdesk.api.Level;
import io.loopdesk.api.Priority;
import io.loopdesk.api.PriorityDecision;
import io.loopdesk.api.PriorityFactors;
import io.loopdesk.api.PriorityModel;
import io.loopdesk.api.Ticket;
import io.loopdesk.api.ValidationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Priority from an impact x urgency x severity matrix (27 cells), then raised one level by each
 * matching {@link PriorityOverride}. Every step is recorded as a reason. Immutable and thread-safe.
 *
 * <p>The standard matrix follows the after-sales standard:
 *
 * <ul>
 *   <li>P0: a safety risk or core-function failure (severity HIGH) that affects many customers or
 *       blocks use, or a problem that both affects many customers and blocks use;
 *   <li>P1: any one of the factors HIGH (for example normal use blocked for one customer);
 *   <li>P2: any factor MEDIUM;
 *   <li>P3: all factors LOW.
 * </ul>
 *
 * <p>The standard overrides raise VIP customers, repeated complaints (one or more earlier
 * complaints in 30 days) and reopened tickets by one level each, never above P0.
 */
public final class MatrixPriorityModel implements PriorityModel {
  private static final MatrixPriorityModel STANDARD = builder().build();

  private final Map<PriorityFactors, Priority> cells;
  private final List<Named> overrides;
  private final Duration complaintLookBack;

  private record Named(String name, PriorityOverride override) {}

  private MatrixPriorityModel(Builder b) {
    this.cells = Map.copyOf(b.cells);
    this.overrides = List.copyOf(b.overrides);
    this.complaintLookBack = b.complaintLookBack;
  }

  /** Returns the standard model described in the class documentation. */
  public static MatrixPriorityModel standard() {
    return STANDARD;
  }

  /** Returns a builder preset with the standard matrix and the standard overrides. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the matrix cell for the factors, before overrides.
   *
   * @param factors the factors
   * @return the priority in the matrix
   */
  public Priority cell(PriorityFactors factors) {
    return cells.get(factors);
  }

  @Override
  public PriorityDecision assess(
      Ticket ticket, Classification classification, int priorComplaints) {
    PriorityFactors f = classification.factors();
    Priority priority = cells.get(f);
    List<String> reasons = new ArrayList<>();
    reasons.add(
        "matrix: impact "
            + f.impact()
            + ", urgency "
            + f.urgency()
            + ", severity "
            + f.severity()
            + " -> "
            + priority);
    for (Named named : overrides) {
      Optional<String> because =
          named.override().raiseBecause(ticket, classification, priorComplaints);
      if (because.isPresent()) {
        Priority raised = priority.raised();
        reasons.add(
            named.name()
                + ": "
                + because.get()
                + (raised == priority
                    ? ", already " + priority
                    : ", raised " + priority + " -> " + raised));
        priority = raised;
      }
    }
    return new PriorityDecision(priority, f, reasons);
  }

  @Override
  public Duration complaintLookBack() {
    return complaintLookBack;
  }

  private static Priority standardCell(Level impact, Level urgency, Level severity) {
    boolean manyAffected = impact == Level.HIGH;
    boolean blocking = urgency == Level.HIGH;
    boolean critical = severity == Level.HIGH;
    if ((critical && (manyAffected || blocking)) || (manyAffected && blocking)) {
      return Priority.P0;
    }
    if (manyAffected || blocking || critical) {
      return Priority.P1;
    }
    if (impact == Level.MEDIUM || urgency == Level.MEDIUM || severity == Level.MEDIUM) {
      return Priority.P2;
    }
    return Priority.P3;
  }

  /** Builds a {@link MatrixPriorityModel}; not thread-safe. */
  public static final class Builder {
    private final Map<PriorityFactors, Priority> cells = new LinkedHashMap<>();
    private final List<Named> overrides = new ArrayList<>();
    private Duration complaintLookBack = Duration.ofDays(30);

    private Builder() {
      for (Level impact : Level.values()) {
        for (Level urgency : Level.values()) {
          for (Level severity : Level.values()) {
            cells.put(
                PriorityFactors.of(impact, urgency, severity),
                standardCell(impact, urgency, severity));
          }
        }
      }
      overrides.add(new Named("vip", PriorityOverride.vipCustomer()));
      overrides.add(new Named("repeated-complaint", PriorityOverride.repeatedComplaint(1)));
      overrides.add(new Named("reopened", PriorityOverride.reopened()));
    }

    /**
     * Sets one matrix cell.
     *
     * @param impact the impact
     * @param urgency the urgency
     * @param severity the severity
     * @param priority the priority for that combination
     * @return this builder
     */
    public Builder cell(Level impact, Level urgency, Level severity, Priority priority) {
      if (priority == null) {
        throw new ValidationException("priority", null, "must not be null");
      }
      cells.put(PriorityFactors.of(impact, urgency, severity), priority);
      return this;
    }

    /** Removes all overrides, including the standard ones. */
    public Builder clearOverrides() {
      overrides.clear();
      return this;
    }

    /**
     * Adds an override, applied after the earlier ones.
     *
     * @param name the name recorded in the reasons
     * @param override the rule
     * @return this builder
     */
    public Builder override(String name, PriorityOverride override) {
      if (name == null || name.isBlank()) {
        throw new ValidationException("override.name", name, "must not be blank");
      }
      if (override == null) {
        throw new ValidationException("override", null, "must not be null");
      }
      overrides.add(new Named(name, override));
      return this;
    }

    /**
     * Sets how far back earlier complaints of the same customer are counted.
     *
     * @param value a positive duration
     * @return this builder
     */
    public Builder complaintLookBack(Duration value) {
      if (value == null || value.isNegative() || value.isZero()) {
        throw new ValidationException("complaintLookBack", value, "must be a positive duration");
      }
      complaintLookBack = value;
      return this;
    }

    /** Returns the model. */
    public MatrixPriorityModel build() {
      return new MatrixPriorityModel(this);
    }
  }
}
