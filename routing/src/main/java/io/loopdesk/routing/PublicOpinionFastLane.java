package io.loopdesk.routing;

import io.loopdesk.api.Category;
import io.loopdesk.api.Channel;
import io.loopdesk.api.Priority;
import io.loopdesk.api.Role;
import io.loopdesk.sla.SlaMetric;
import io.loopdesk.sla.SlaPolicy;
import io.loopdesk.sla.SlaTarget;
import java.time.Duration;
import java.util.List;

/**
 * A ready preset for public-opinion incidents (the handbook: a complaint exposed on social media
 * gets a response team within one hour), built only from the existing mechanisms:
 *
 * <ul>
 *   <li><b>Marking.</b> A ticket is a public-opinion incident when it is classified with the
 *       category {@link #CATEGORY} ({@code PUBLIC_OPINION}); the fast lane takes those from the
 *       {@link Channel#SOCIAL_MEDIA} channel.
 *   <li><b>Routing rule</b> {@link #RULE_ID}: sets {@link Priority#P0}, assigns to the named
 *       response team's department and queue, tags {@code public-opinion}. Put it first ({@link
 *       #prependTo(RoutingRules)}).
 *   <li><b>SLA target</b>: first response within one hour, round the clock ({@code 24x7}), for P0
 *       tickets of the category ({@link #applyTo(SlaPolicy.Builder)}).
 *   <li><b>Escalation chain</b> of the response team's department ({@link #chain()}): response team
 *       lead, public-relations manager, operations manager. With {@link Escalations#slaHandler()}
 *       and the standard SLA escalation policy, a warning escalates to the team lead and a missed
 *       hour to the public-relations manager.
 * </ul>
 *
 * <pre>{@code
 * PublicOpinionFastLane lane = PublicOpinionFastLane.of("public-relations", "opinion-response",
 *     "lead-pr", "pr-manager", "ops-manager");
 * RoutingRules rules = lane.prependTo(existingRules);
 * SlaPolicy policy = lane.applyTo(SlaPolicy.standard().toBuilder()).build();
 * Escalations escalations = Escalations.builder(desk, defaultChain).chain(lane.chain())...build();
 * }</pre>
 *
 * Immutable and thread-safe.
 *
 * @param department the response team's department, recorded on the assignment
 * @param queue the response team's queue in the agent pool
 * @param chain the department's escalation chain
 */
public record PublicOpinionFastLane(String department, String queue, EscalationChain chain) {
  /** The category that marks a public-opinion incident. */
  public static final Category CATEGORY = Category.of("PUBLIC_OPINION");

  /** The id of the preset's routing rule. */
  public static final String RULE_ID = "public-opinion-fast-lane";

  /** The tag the rule adds. */
  public static final String TAG = "public-opinion";

  /** The first-response target: one hour, round the clock. */
  public static final Duration RESPONSE_TARGET = Duration.ofHours(1);

  /** Validates the lane: the chain must be the department's. */
  public PublicOpinionFastLane {
    RoutingRule.checkName("department", department);
    RoutingRule.checkName("queue", queue);
    if (chain == null || !chain.department().equals(department)) {
      throw new io.loopdesk.api.ValidationException(
          "chain",
          chain == null ? null : chain.department(),
          "must be the escalation chain of department " + department);
    }
  }

  /**
   * Returns the lane with the handbook's chain for a named response team.
   *
   * @param department the response team's department
   * @param queue the response team's queue
   * @param teamLeadId the response team lead (level 1)
   * @param publicRelationsManagerId the public-relations manager (level 2)
   * @param operationsManagerId the operations manager (level 3)
   * @return the lane
   */
  public static PublicOpinionFastLane of(
      String department,
      String queue,
      String teamLeadId,
      String publicRelationsManagerId,
      String operationsManagerId) {
    return new PublicOpinionFastLane(
        department,
        queue,
        new EscalationChain(
            department,
            List.of(
                new EscalationChain.Step("response team lead", Role.TEAM_LEAD, teamLeadId),
                new EscalationChain.Step(
                    "public relations manager", Role.SUPERVISOR, publicRelationsManagerId),
                new EscalationChain.Step(
                    "operations manager", Role.SUPERVISOR, operationsManagerId))));
  }

  /**
   * Returns the routing rule: social-media tickets of the category become P0 and go to the response
   * team.
   */
  public RoutingRule rule() {
    return RoutingRule.builder(RULE_ID)
        .description("Public-opinion incidents on social media: P0, response team within one hour")
        .channel(Channel.SOCIAL_MEDIA)
        .category(CATEGORY)
        .setPriority(Priority.P0)
        .assignTo(department, queue)
        .tag(TAG)
        .build();
  }

  /**
   * Returns the rules with the fast-lane rule first.
   *
   * @param rules the existing rules, which must not already contain a rule with id {@link #RULE_ID}
   * @return the rules, same match mode
   */
  public RoutingRules prependTo(RoutingRules rules) {
    if (rules == null) {
      throw new io.loopdesk.api.ValidationException("rules", null, "must not be null");
    }
    RoutingRules.Builder b = RoutingRules.builder(rules.mode()).add(rule());
    rules.rules().forEach(b::add);
    return b.build();
  }

  /**
   * Adds the one-hour first-response target for P0 tickets of the category to an SLA policy.
   *
   * @param policy the policy being built
   * @return the same builder
   */
  public SlaPolicy.Builder applyTo(SlaPolicy.Builder policy) {
    if (policy == null) {
      throw new io.loopdesk.api.ValidationException("policy", null, "must not be null");
    }
    return policy.target(
        SlaMetric.FIRST_RESPONSE, Priority.P0, CATEGORY, SlaTarget.roundTheClock(RESPONSE_TARGET));
  }
}
