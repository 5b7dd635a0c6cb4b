package io.loopdesk.dashboard;

import io.loopdesk.access.PersonalDataView;
import io.loopdesk.access.Scope;
import io.loopdesk.api.Actor;
import java.util.Set;

/**
 * Who looks at the dashboard and which tickets' figures they may see, decided by {@link
 * DashboardAccess}. A ticket is visible when its latest assignee is one of {@link #agents()}, or
 * its latest department one of {@link #departments()}, or the scope is {@link Scope#ALL}. Immutable
 * and thread-safe.
 *
 * @param actor the authenticated actor
 * @param scope the widest tickets they see: OWN, QUEUE, TEAM or ALL
 * @param agents assignees whose tickets they see (themselves, and their team for a team lead)
 * @param departments departments whose tickets they see (their queues, or their team's)
 * @param personalData whether customers' personal data is shown in full or masked
 * @param mayExport whether the access policy lets them export what they see
 */
public record Viewer(
    Actor actor,
    Scope scope,
    Set<String> agents,
    Set<String> departments,
    PersonalDataView personalData,
    boolean mayExport) {

  /** Copies the sets. */
  public Viewer {
    agents = Set.copyOf(agents);
    departments = Set.copyOf(departments);
  }

  /**
   * Returns whether this viewer sees a ticket's figures.
   *
   * @param agent the ticket's latest assignee, or null
   * @param department the ticket's latest department, or null
   * @return true if visible
   */
  public boolean sees(String agent, String department) {
    return scope == Scope.ALL
        || (agent != null && agents.contains(agent))
        || (department != null && departments.contains(department));
  }

  /** Returns a key that is equal for viewers who see exactly the same figures the same way. */
  public String visibilityKey() {
    return scope == Scope.ALL
        ? "ALL/" + personalData
        : scope
            + "/"
            + new java.util.TreeSet<>(agents)
            + "/"
            + new java.util.TreeSet<>(departments)
            + "/"
            + personalData;
  }
}
