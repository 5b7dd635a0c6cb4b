package io.loopdesk.access;

import io.loopdesk.api.Role;
import io.loopdesk.api.TicketId;
import java.time.Instant;
import java.util.Set;

/**
 * An entry of the security {@link AuditLog}: a denied action, an action of the system view, or a
 * change of roles, queues or teams. Ticket changes themselves are audited by the ticket's event
 * history. Entries hold user ids, never personal data.
 */
public sealed interface AuditEntry {

  /** Returns when it happened. */
  Instant at();

  /**
   * An action was denied and nothing changed.
   *
   * @param at when
   * @param actorId who tried
   * @param role in which role
   * @param operation the facade method, e.g. {@code assign}
   * @param permission the permission needed
   * @param ticketId the ticket, or null
   * @param reason why it was denied
   */
  record AccessDenied(
      Instant at,
      String actorId,
      Role role,
      String operation,
      Permission permission,
      TicketId ticketId,
      String reason)
      implements AuditEntry {}

  /**
   * Loopdesk's own machinery (an SLA monitor, an escalation handler, an import) acted through the
   * explicit system view {@link AccessControl#system(String)}.
   *
   * @param at when
   * @param purpose the purpose the host gave when it created the view
   * @param operation the facade method, e.g. {@code escalate}
   * @param ticketId the ticket, or null
   */
  record SystemAccess(Instant at, String purpose, String operation, TicketId ticketId)
      implements AuditEntry {}

  /**
   * A user's role was granted, changed or revoked.
   *
   * @param at when
   * @param changedBy who changed it
   * @param userId whose role
   * @param from the role before, or null if none
   * @param to the role after, or null if revoked
   */
  record RoleChanged(Instant at, String changedBy, String userId, Role from, Role to)
      implements AuditEntry {}

  /**
   * A user's queues or a team lead's team members changed.
   *
   * @param at when
   * @param changedBy who changed it
   * @param userId whose membership
   * @param kind {@code queues} or {@code team}
   * @param from the set before
   * @param to the set after
   */
  record MembershipChanged(
      Instant at, String changedBy, String userId, String kind, Set<String> from, Set<String> to)
      implements AuditEntry {
    /** Copies the sets. */
    public MembershipChanged {
      from = Set.copyOf(from);
      to = Set.copyOf(to);
    }
  }
}
