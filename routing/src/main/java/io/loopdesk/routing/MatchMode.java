package io.loopdesk.routing;

/** How many rules of a {@link RoutingRules} set may fire for one ticket. */
public enum MatchMode {
  /** Only the first rule (in declaration order) whose conditions all hold fires. */
  FIRST_MATCH,
  /**
   * Every rule whose conditions all hold fires, in declaration order. The first assignment wins,
   * later ones are recorded as ignored; priorities are set and raised in order; tags and skill
   * requirements accumulate.
   */
  ALL_MATCH
}
