package io.loopdesk.dashboard;

import io.loopdesk.access.AccessDeniedException;
import io.loopdesk.access.AccessDirectory;
import io.loopdesk.access.AccessPolicy;
import io.loopdesk.access.AuditEntry;
import io.loopdesk.access.AuditLog;
import io.loopdesk.access.Permission;
import io.loopdesk.access.Scope;
import io.loopdesk.api.Actor;
import io.loopdesk.api.Checks;
import io.loopdesk.api.Role;
import java.time.Clock;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Decides what each role sees on the dashboard, through the access module: an agent only their own
 * figures ({@link Scope#OWN}: tickets assigned to them), a team lead their team ({@link
 * Scope#TEAM}: their members' tickets and the team's queues), a supervisor their department ({@link
 * Scope#QUEUE}: the departments of their queues in the {@link AccessDirectory}), an administrator
 * and a QA specialist everything. The scope is never wider than the {@link AccessPolicy}'s {@link
 * Permission#READ} scope of the role, and the role must be the one the directory grants the user at
 * that moment. Export needs the policy's {@link Permission#EXPORT} over the same tickets; personal
 * data is masked as the policy says for the role.
 *
 * <p>A request outside one's scope (a role not granted, a role that may see nothing, a filter
 * naming an agent or a department one may not see, an export one may not make) is written to the
 * {@link AuditLog} as an {@link AuditEntry.AccessDenied} and refused with {@link
 * AccessDeniedException}. Thread-safe.
 */
public final class DashboardAccess {

  /** The operation name recorded in the audit log for dashboard views. */
  public static final String VIEW = "dashboard.view";

  /** The operation name recorded in the audit log for dashboard exports. */
  public static final String EXPORT = "dashboard.export";

  private final AccessDirectory directory;
  private final AccessPolicy policy;
  private final AuditLog audit;
  private final Clock clock;
  private final Map<Role, Scope> scopes;

  /**
   * Creates the rule with the standard scopes per role (see the class description).
   *
   * @param directory roles, queues and teams
   * @param policy the access policy
   * @param audit receives denied requests
   * @param clock stamps audit entries
   */
  public DashboardAccess(
      AccessDirectory directory, AccessPolicy policy, AuditLog audit, Clock clock) {
    this(directory, policy, audit, clock, standardScopes());
  }

  /**
   * Creates the rule with other scopes per role.
   *
   * @param directory roles, queues and teams
   * @param policy the access policy
   * @param audit receives denied requests
   * @param clock stamps audit entries
   * @param scopes the dashboard scope of each role; roles absent see nothing
   */
  public DashboardAccess(
      AccessDirectory directory,
      AccessPolicy policy,
      AuditLog audit,
      Clock clock,
      Map<Role, Scope> scopes) {
    Checks.notNull("directory", directory);
    Checks.notNull("policy", policy);
    Checks.notNull("audit", audit);
    Checks.notNull("clock", clock);
    Checks.notNull("scopes", scopes);
    this.directory = directory;
    this.policy = policy;
    this.audit = audit;
    this.clock = clock;
    this.scopes = Map.copyOf(scopes);
  }

  /**
   * Returns the standard dashboard scope per role: AGENT OWN, TEAM_LEAD TEAM, SUPERVISOR QUEUE,
   * ADMINISTRATOR and QA_SPECIALIST ALL.
   */
  public static Map<Role, Scope> standardScopes() {
    Map<Role, Scope> m = new EnumMap<>(Role.class);
    m.put(Role.AGENT, Scope.OWN);
    m.put(Role.TEAM_LEAD, Scope.TEAM);
    m.put(Role.SUPERVISOR, Scope.QUEUE);
    m.put(Role.ADMINISTRATOR, Scope.ALL);
    m.put(Role.QA_SPECIALIST, Scope.ALL);
    return m;
  }

  /**
   * Decides what an actor sees with a filter.
   *
   * @param actor the authenticated actor
   * @param filter the requested filter
   * @return the viewer
   * @throws AccessDeniedException (audited) if the role is not granted, sees nothing, or the filter
   *     names an agent or department outside the actor's scope
   */
  public Viewer viewer(Actor actor, DashboardFilter filter) {
    return decide(actor, filter, VIEW, Permission.READ);
  }

  /**
   * Decides what an actor may export with a filter: as {@link #viewer}, and the policy must grant
   * {@link Permission#EXPORT} at least as wide as what they see.
   *
   * @param actor the authenticated actor
   * @param filter the requested filter
   * @return the viewer
   * @throws AccessDeniedException (audited) if they may not see or not export it
   */
  public Viewer exporter(Actor actor, DashboardFilter filter) {
    Viewer viewer = decide(actor, filter, EXPORT, Permission.READ);
    if (!viewer.mayExport()) {
      throw deny(
          actor,
          EXPORT,
          Permission.EXPORT,
          "role " + actor.role() + " may not export these figures");
    }
    return viewer;
  }

  private Viewer decide(
      Actor actor, DashboardFilter filter, String operation, Permission permission) {
    Checks.notNull("actor", actor);
    Checks.notNull("filter", filter);
    Role granted = directory.roleOf(actor.id()).orElse(null);
    if (granted != actor.role()) {
      throw deny(
          actor,
          operation,
          permission,
          "role "
              + actor.role()
              + " is not granted to "
              + actor.id()
              + " (granted: "
              + granted
              + ")");
    }
    Scope scope =
        narrower(
            scopes.getOrDefault(actor.role(), Scope.NONE),
            policy.scope(actor.role(), Permission.READ));
    if (scope == Scope.NONE) {
      throw deny(
          actor, operation, permission, "role " + actor.role() + " sees no dashboard figures");
    }
    Set<String> agents = new HashSet<>();
    Set<String> departments = new HashSet<>();
    agents.add(actor.id());
    if (scope == Scope.QUEUE) {
      departments.addAll(directory.queuesOf(actor.id()));
    } else if (scope == Scope.TEAM) {
      agents.addAll(directory.teamOf(actor.id()));
      departments.addAll(directory.teamQueuesOf(actor.id()));
    }
    boolean mayExport = policy.scope(actor.role(), Permission.EXPORT).covers(scope);
    Viewer viewer =
        new Viewer(actor, scope, agents, departments, policy.personalData(actor.role()), mayExport);
    if (scope != Scope.ALL) {
      String agent = filter.agent();
      if (agent != null
          && !agents.contains(agent)
          && !(scope != Scope.OWN && sharesQueue(agent, departments))) {
        throw deny(actor, operation, permission, "agent filter outside the " + scope + " scope");
      }
      String department = filter.department();
      if (department != null
          && !departments.contains(department)
          && !(scope == Scope.OWN && directory.queuesOf(actor.id()).contains(department))) {
        throw deny(
            actor, operation, permission, "department filter outside the " + scope + " scope");
      }
    }
    return viewer;
  }

  private boolean sharesQueue(String agent, Set<String> departments) {
    for (String queue : directory.queuesOf(agent)) {
      if (departments.contains(queue)) {
        return true;
      }
    }
    return false;
  }

  private AccessDeniedException deny(
      Actor actor, String operation, Permission permission, String reason) {
    audit.record(
        new AuditEntry.AccessDenied(
            clock.instant(), actor.id(), actor.role(), operation, permission, null, reason));
    return new AccessDeniedException(actor.id(), actor.role(), permission, null, reason);
  }

  private static Scope narrower(Scope a, Scope b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
