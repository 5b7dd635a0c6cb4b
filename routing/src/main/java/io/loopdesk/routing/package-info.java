/**
 * Routing: declarative {@link io.loopdesk.routing.RoutingRules} (code, JSON, YAML) decide
 * department, queue, priority, tags and required skills with an explanation; an {@link
 * io.loopdesk.routing.AgentPool} chooses an agent in the queue (skill first, idle first, round
 * robin or quality weighted) without exceeding capacity; {@link io.loopdesk.routing.Router}
 * combines both.
 */
package io.loopdesk.routing;
