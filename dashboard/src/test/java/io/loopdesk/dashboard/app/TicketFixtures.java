package io.loopdesk.dashboard.app;

import io.loopdesk.api.Actor;
import io.loopdesk.api.Assignment;
import io.loopdesk.api.CallbackResult;
import io.loopdesk.api.Category;
import io.loopdesk.api.Channel;
import io.loopdesk.api.Classification;
import io.loopdesk.api.Customer;
import io.loopdesk.api.Level;
import io.loopdesk.api.NewTicket;
import io.loopdesk.api.Role;
import io.loopdesk.api.ServiceDesk;
import io.loopdesk.api.Ticket;
import io.loopdesk.api.TicketStatus;
import java.util.List;

/**
 * Opens tickets and moves them through the lifecycle on the raw desk, as the help desk's staff
 * would.
 */
public final class TicketFixtures {

  /** The agents and their departments. */
  public static final List<String[]> AGENTS =
      List.of(
          new String[] {"agent-1", "repair"},
          new String[] {"agent-2", "repair"},
          new String[] {"agent-3", "billing"});

  private static final Actor LEAD = Actor.of("lead-1", Role.TEAM_LEAD);

  private final ServiceDesk desk;

  /**
   * Creates the fixtures.
   *
   * @param desk the raw desk
   */
  public TicketFixtures(ServiceDesk desk) {
    this.desk = desk;
  }

  /**
   * Opens a ticket.
   *
   * @param n its number, which decides channel and customer
   * @return the ticket
   */
  public Ticket open(int n) {
    return desk.open(
        NewTicket.builder()
            .channel(n % 3 == 0 ? Channel.PHONE : Channel.ONLINE_CHAT)
            .customer(Customer.of("C-" + n, "张三" + n, "13812345678", null))
            .product("X9 phone")
            .problem(n % 2 == 0 ? "battery does not charge" : "invoice shows the wrong amount")
            .build(),
        Actor.of("agent-1", Role.AGENT));
  }

  /**
   * Moves a ticket one step: classify, assign (agent by number), start, resolve, call back, close.
   *
   * @param t the ticket
   * @param n its number, which decides the agent and category
   * @return the ticket after the step, the same when it is closed
   */
  public Ticket step(Ticket t, int n) {
    String[] agent = AGENTS.get(n % AGENTS.size());
    Actor actor = Actor.of(agent[0], Role.AGENT);
    TicketStatus s = t.status();
    if (s.equals(TicketStatus.RECEIVED)) {
      return desk.classify(
          t.id(),
          t.version(),
          Classification.of(
              n % 2 == 0 ? Category.PRODUCT_FAULT : Category.SERVICE_EXPERIENCE,
              Level.LOW,
              Level.MEDIUM,
              n % 4 == 0 ? Level.HIGH : Level.MEDIUM),
          actor);
    } else if (s.equals(TicketStatus.CLASSIFIED)) {
      return desk.assign(t.id(), t.version(), Assignment.of(agent[0], agent[1], "on shift"), LEAD);
    } else if (s.equals(TicketStatus.ASSIGNED)) {
      return desk.start(t.id(), t.version(), actor);
    } else if (s.equals(TicketStatus.IN_PROGRESS)) {
      return desk.resolve(t.id(), t.version(), "fixed", actor);
    } else if (s.equals(TicketStatus.RESOLVED)
        || (s.equals(TicketStatus.CALLBACK) && !t.isCallbackConfirmed())) {
      return desk.recordCallback(
          t.id(), t.version(), CallbackResult.reached(true, 3 + n % 3, "ok"), actor);
    } else if (s.equals(TicketStatus.CALLBACK)) {
      return desk.close(t.id(), t.version(), actor);
    }
    return t;
  }

  /**
   * Opens a ticket and moves it a number of steps.
   *
   * @param n its number
   * @param steps how many steps (6 closes it)
   * @return the ticket
   */
  public Ticket openAndStep(int n, int steps) {
    Ticket t = open(n);
    for (int i = 0; i < steps; i++) {
      t = step(t, n);
    }
    return t;
  }
}
