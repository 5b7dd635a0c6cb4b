package io.loopdesk.core;

import io.loopdesk.api.Assignment;
import io.loopdesk.api.Category;
import io.loopdesk.api.Classification;
import io.loopdesk.api.Level;
import io.loopdesk.api.NewTicket;
import io.loopdesk.api.ServiceDesk;
import io.loopdesk.api.Ticket;

/** Short paths through the standard lifecycle shared by tests. */
final class Scenarios {
  private Scenarios() {}

  static Ticket openAndResolve(ServiceDesk desk, NewTicket request) {
    return classifyToResolved(desk, desk.open(request, Fixtures.AGENT));
  }

  static Ticket classifyToResolved(ServiceDesk desk, Ticket t) {
    t =
        desk.classify(
            t.id(),
            t.version(),
            Classification.of(Category.PRODUCT_FAULT, Level.LOW, Level.HIGH, Level.MEDIUM),
            Fixtures.AGENT);
    t =
        desk.assign(
            t.id(), t.version(), Assignment.of("agent-007", "technical-support"), Fixtures.LEAD);
    t = desk.start(t.id(), t.version(), Fixtures.AGENT);
    return desk.resolve(t.id(), t.version(), "replaced the battery", Fixtures.AGENT);
  }
}
