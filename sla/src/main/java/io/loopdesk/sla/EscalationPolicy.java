package io.loopdesk.sla;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns SLA events into escalation actions. Immutable and thread-safe.
 *
 * <p>{@link #standard()}: any warning notifies the team lead; a first-response or resolution breach
 * notifies the team lead and reassigns to a supervisor, and a resolution breach also raises the
 * priority; a callback breach notifies the team lead.
 *
 * <p>Out of hours: every policy states whether an escalation that pages a person waits for that
 * person's calendar ({@link RecipientHours}); {@link #standard()}, {@link #none()} and an empty
 * builder page at once ({@link #DEFAULT_RECIPIENT_HOURS}), and {@link Builder#recipientHours}
 * changes that.
 */
public final class EscalationPolicy {

  private final Map<SlaMetric, Map<Double, List<EscalationAction.Kind>>> onWarning;
  private final Map<SlaMetric, List<EscalationAction.Kind>> onAnyWarning;
  private final Map<SlaMetric, List<EscalationAction.Kind>> onBreach;
  private final RecipientHours recipientHours;

  /** The recipient hours of a policy that does not set them: page at once, whatever the hour. */
  public static final RecipientHours DEFAULT_RECIPIENT_HOURS = RecipientHours.PAGE_ANYWAY;

  private EscalationPolicy(Builder builder) {
    this.recipientHours = builder.recipientHours;
    this.onWarning = Map.copyOf(builder.onWarning);
    this.onAnyWarning = Map.copyOf(builder.onAnyWarning);
    this.onBreach = Map.copyOf(builder.onBreach);
  }

  /** A policy that never escalates. */
  public static EscalationPolicy none() {
    return builder().build();
  }

  /** The standard policy described in the class documentation. */
  public static EscalationPolicy standard() {
    Builder builder = builder();
    for (SlaMetric metric : SlaMetric.values()) {
      builder.onAnyWarning(metric, EscalationAction.Kind.NOTIFY_TEAM_LEAD);
    }
    return builder
        .onBreach(
            SlaMetric.FIRST_RESPONSE,
            EscalationAction.Kind.NOTIFY_TEAM_LEAD,
            EscalationAction.Kind.REASSIGN_TO_SUPERVISOR)
        .onBreach(
            SlaMetric.RESOLUTION,
            EscalationAction.Kind.NOTIFY_TEAM_LEAD,
            EscalationAction.Kind.REASSIGN_TO_SUPERVISOR,
            EscalationAction.Kind.RAISE_PRIORITY)
        .onBreach(SlaMetric.CALLBACK, EscalationAction.Kind.NOTIFY_TEAM_LEAD)
        .build();
  }

  /** An empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Whether escalations that page a person wait for that person's calendar. */
  public RecipientHours recipientHours() {
    return recipientHours;
  }

  /** This policy with other recipient hours. */
  public EscalationPolicy withRecipientHours(RecipientHours value) {
    Builder builder = new Builder();
    builder.onWarning.putAll(onWarning);
    builder.onAnyWarning.putAll(onAnyWarning);
    builder.onBreach.putAll(onBreach);
    return builder.recipientHours(value).build();
  }

  /** The actions for {@code event}, in rule order; empty for {@link SlaEvent.Met}. */
  public List<EscalationAction> actionsFor(SlaEvent event) {
    List<EscalationAction.Kind> kinds = new ArrayList<>();
    if (event instanceof SlaEvent.Warned warned) {
      kinds.addAll(onAnyWarning.getOrDefault(warned.metric(), List.of()));
      kinds.addAll(
          onWarning
              .getOrDefault(warned.metric(), Map.of())
              .getOrDefault(warned.threshold(), List.of()));
    } else if (event instanceof SlaEvent.Breached breached) {
      kinds.addAll(onBreach.getOrDefault(breached.metric(), List.of()));
    }
    return kinds.stream().distinct().map(kind -> new EscalationAction(kind, event)).toList();
  }

  /** Builds an {@link EscalationPolicy}. Not thread-safe. */
  public static final class Builder {
    private final Map<SlaMetric, Map<Double, List<EscalationAction.Kind>>> onWarning =
        new EnumMap<>(SlaMetric.class);
    private final Map<SlaMetric, List<EscalationAction.Kind>> onAnyWarning =
        new EnumMap<>(SlaMetric.class);
    private final Map<SlaMetric, List<EscalationAction.Kind>> onBreach =
        new EnumMap<>(SlaMetric.class);
    private RecipientHours recipientHours = DEFAULT_RECIPIENT_HOURS;

    private Builder() {}

    /**
     * Whether escalations that page a person wait for that person's calendar (default {@link
     * EscalationPolicy#DEFAULT_RECIPIENT_HOURS}: page at once).
     */
    public Builder recipientHours(RecipientHours value) {
      if (value == null) {
        throw new SlaPolicyException(
            "recipientHours", null, "use RecipientHours.PAGE_ANYWAY to page at once");
      }
      this.recipientHours = value;
      return this;
    }

    /** Actions when the given warning threshold of the metric is crossed. */
    public Builder onWarning(SlaMetric metric, double threshold, EscalationAction.Kind... kinds) {
      if (!(threshold > 0 && threshold < 1)) {
        throw new SlaPolicyException("threshold", threshold, "must lie strictly between 0 and 1");
      }
      onWarning
          .computeIfAbsent(requireMetric(metric), m -> new LinkedHashMap<>())
          .put(threshold, kinds(kinds));
      return this;
    }

    /** Actions when any warning threshold of the metric is crossed. */
    public Builder onAnyWarning(SlaMetric metric, EscalationAction.Kind... kinds) {
      onAnyWarning.put(requireMetric(metric), kinds(kinds));
      return this;
    }

    /** Actions when the metric's target is exceeded. */
    public Builder onBreach(SlaMetric metric, EscalationAction.Kind... kinds) {
      onBreach.put(requireMetric(metric), kinds(kinds));
      return this;
    }

    /** Builds the policy. */
    public EscalationPolicy build() {
      return new EscalationPolicy(this);
    }

    private static SlaMetric requireMetric(SlaMetric metric) {
      if (metric == null) {
        throw new SlaPolicyException("metric", null, "an escalation rule needs a metric");
      }
      return metric;
    }

    private static List<EscalationAction.Kind> kinds(EscalationAction.Kind... kinds) {
      if (kinds == null || kinds.length == 0) {
        throw new SlaPolicyException("kinds", null, "an escalation rule needs at least one action");
      }
      for (int i = 0; i < kinds.length; i++) {
        if (kinds[i] == null) {
          throw new SlaPolicyException("kinds[" + i + "]", null, "action kind is null");
        }
      }
      return List.of(kinds);
    }
  }
}
