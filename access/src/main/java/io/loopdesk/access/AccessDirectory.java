package io.loopdesk.access;

import io.loopdesk.api.Actor;
import io.loopdesk.api.Role;
import io.loopdesk.api.Ticket;
import io.loopdesk.api.ValidationException;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who holds which role, which queues each user serves and which members each team lead leads. Every
 * change must come from an actor whose role has {@link Permission#CONFIGURE} and whose role is
 * granted here; no role is trusted because of its name, so {@link Actor#SYSTEM} can change nothing.
 * The first administrator is created with {@link #bootstrapAdministrator}, once. Nobody changes
 * their own role, queues or team (separation of duties: a second administrator must do it). Every
 * change and every denied attempt is written to the {@link AuditLog}. Thread-safe.
 *
 * <p>A queue is matched against {@link io.loopdesk.api.Ticket#department()}.
 */
public final class AccessDirectory {
  private static final Logger LOG = LoggerFactory.getLogger(AccessDirectory.class);

  private final AccessPolicy policy;
  private final AuditLog audit;
  private final Clock clock;
  private final Map<String, Role> roles = new HashMap<>();
  private final Map<String, Set<String>> queues = new HashMap<>();
  private final Map<String, Set<String>> teams = new HashMap<>();

  /**
   * Creates an empty directory.
   *
   * @param policy decides who may change it
   * @param audit receives changes and denied attempts
   * @param clock stamps audit entries
   */
  public AccessDirectory(AccessPolicy policy, AuditLog audit, Clock clock) {
    this.policy = require("policy", policy);
    this.audit = require("audit", audit);
    this.clock = require("clock", clock);
  }

  /** The name recorded as the author of the bootstrap grant. */
  public static final String BOOTSTRAP = "loopdesk-bootstrap";

  /**
   * Grants the first administrator, while nobody in the directory may configure it yet. Audited as
   * a role change by {@link #BOOTSTRAP}.
   *
   * @param userId the administrator
   * @throws AccessDeniedException if someone may already configure the directory; then that
   *     administrator grants further roles
   */
  public void bootstrapAdministrator(String userId) {
    requireUser(userId);
    synchronized (this) {
      boolean configured =
          roles.values().stream().anyMatch(r -> policy.scope(r, Permission.CONFIGURE) == Scope.ALL);
      if (configured) {
        String reason = "the directory already has an administrator; ask them to grant roles";
        audit.record(
            new AuditEntry.AccessDenied(
                clock.instant(),
                BOOTSTRAP,
                Role.SYSTEM,
                "bootstrapAdministrator",
                Permission.CONFIGURE,
                null,
                reason));
        throw new AccessDeniedException(BOOTSTRAP, Role.SYSTEM, Permission.CONFIGURE, null, reason);
      }
      Role before = roles.put(userId, Role.ADMINISTRATOR);
      audit.record(
          new AuditEntry.RoleChanged(
              clock.instant(), BOOTSTRAP, userId, before, Role.ADMINISTRATOR));
    }
    LOG.info("first administrator {} granted by bootstrap", userId);
  }

  /**
   * Grants or changes a user's role.
   *
   * @param userId the user
   * @param role the new role
   * @param by who changes it
   * @throws AccessDeniedException if {@code by} may not configure
   */
  public void grantRole(String userId, Role role, Actor by) {
    requireUser(userId);
    require("role", role);
    if (role == Role.SYSTEM) {
      throw new ValidationException(
          "role", role, "is reserved for Loopdesk's own actions and cannot be granted");
    }
    synchronized (this) {
      authorise(by, "grantRole", userId);
      Role before = roles.put(userId, role);
      audit.record(new AuditEntry.RoleChanged(clock.instant(), by.id(), userId, before, role));
    }
    LOG.info("role of {} set to {} by {}", userId, role, by.id());
  }

  /**
   * Revokes a user's role; they can do nothing any more.
   *
   * @param userId the user
   * @param by who revokes it
   */
  public void revokeRole(String userId, Actor by) {
    requireUser(userId);
    synchronized (this) {
      authorise(by, "revokeRole", userId);
      Role before = roles.remove(userId);
      audit.record(new AuditEntry.RoleChanged(clock.instant(), by.id(), userId, before, null));
    }
    LOG.info("role of {} revoked by {}", userId, by.id());
  }

  /**
   * Sets the queues a user serves.
   *
   * @param userId the user
   * @param queueNames the queues (ticket departments)
   * @param by who changes it
   */
  public void queues(String userId, Set<String> queueNames, Actor by) {
    change(userId, "queues", queues, queueNames, by);
  }

  /**
   * Sets the members of the team a lead leads.
   *
   * @param leadId the team lead
   * @param memberIds the members
   * @param by who changes it
   */
  public void team(String leadId, Set<String> memberIds, Actor by) {
    change(leadId, "team", teams, memberIds, by);
  }

  /**
   * Returns a user's granted role.
   *
   * @param userId the user
   * @return the role, or empty
   */
  public synchronized Optional<Role> roleOf(String userId) {
    return Optional.ofNullable(roles.get(userId));
  }

  /**
   * Returns the queues a user serves.
   *
   * @param userId the user
   * @return the queues, empty if none
   */
  public synchronized Set<String> queuesOf(String userId) {
    return queues.getOrDefault(userId, Set.of());
  }

  /**
   * Returns the members of a lead's team.
   *
   * @param leadId the lead
   * @return the members, empty if none
   */
  public synchronized Set<String> teamOf(String leadId) {
    return teams.getOrDefault(leadId, Set.of());
  }

  /**
   * Returns the queues of a lead and of every member of their team.
   *
   * @param leadId the lead
   * @return the queues
   */
  public synchronized Set<String> teamQueuesOf(String leadId) {
    Set<String> all = new TreeSet<>(queuesOf(leadId));
    for (String member : teamOf(leadId)) {
      all.addAll(queuesOf(member));
    }
    return all;
  }

  /**
   * Returns whether a ticket lies within an actor's scope. The ticket is the actor's own when it is
   * theirs as a customer, assigned to them, or, while unassigned, when {@code ownsUnassigned} says
   * so; {@link Scope#QUEUE} adds the tickets of their queues, {@link Scope#TEAM} those assigned to
   * their team and those of their team's queues.
   *
   * @param scope the actor's scope for the permission at hand
   * @param actor the actor
   * @param ticket the ticket
   * @param ownsUnassigned whether an unassigned ticket is the actor's own (the service desk counts
   *     the user who opened it); asked only when needed
   * @return true if the ticket is within the scope
   */
  public boolean covers(Scope scope, Actor actor, Ticket ticket, BooleanSupplier ownsUnassigned) {
    String me = actor.id();
    boolean own =
        actor.role() == Role.CUSTOMER
            ? ticket.customer().customerId().equals(me)
            : ticket
                .assignee()
                .map(me::equals)
                .orElseGet(() -> scope != Scope.ALL && ownsUnassigned.getAsBoolean());
    return switch (scope) {
      case NONE -> false;
      case OWN -> own;
      case QUEUE -> own || ticket.department().map(d -> queuesOf(me).contains(d)).orElse(false);
      case TEAM ->
          own
              || ticket.assignee().map(a -> teamOf(me).contains(a)).orElse(false)
              || ticket.department().map(d -> teamQueuesOf(me).contains(d)).orElse(false);
      case ALL -> true;
    };
  }

  private void change(
      String userId, String kind, Map<String, Set<String>> map, Set<String> values, Actor by) {
    requireUser(userId);
    require(kind, values);
    for (String v : values) {
      if (v == null || v.isBlank()) {
        throw new ValidationException(kind, values, "must not contain blank names");
      }
    }
    synchronized (this) {
      authorise(by, kind, userId);
      Set<String> before = map.getOrDefault(userId, Set.of());
      Set<String> after = Set.copyOf(values);
      map.put(userId, after);
      audit.record(
          new AuditEntry.MembershipChanged(clock.instant(), by.id(), userId, kind, before, after));
    }
    LOG.info("{} of {} changed by {}", kind, userId, by.id());
  }

  private void authorise(Actor by, String operation, String target) {
    require("by", by);
    Role granted = roles.get(by.id());
    String reason = null;
    if (granted != by.role()) {
      reason =
          "role " + by.role() + " is not granted to " + by.id() + " (granted: " + granted + ")";
    } else if (policy.scope(by.role(), Permission.CONFIGURE) != Scope.ALL) {
      reason = "role " + by.role() + " may not configure access";
    } else if (by.id().equals(target)) {
      reason = "nobody changes their own rights; another administrator must do it";
    }
    if (reason != null) {
      audit.record(
          new AuditEntry.AccessDenied(
              clock.instant(), by.id(), by.role(), operation, Permission.CONFIGURE, null, reason));
      LOG.info("denied {} to {} ({}): {}", operation, by.id(), by.role(), reason);
      throw new AccessDeniedException(by.id(), by.role(), Permission.CONFIGURE, null, reason);
    }
  }

  private static void requireUser(String userId) {
    if (userId == null || userId.isBlank() || userId.length() > 64) {
      throw new ValidationException("userId", userId, "must be 1-64 characters, not blank");
    }
  }

  private static <T> T require(String field, T value) {
    if (value == null) {
      throw new ValidationException(field, null, "must not be null");
    }
    return value;
  }
}
