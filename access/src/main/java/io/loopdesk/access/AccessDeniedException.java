package io.loopdesk.access;

import io.loopdesk.api.LoopdeskException;
import io.loopdesk.api.Role;
import io.loopdesk.api.TicketId;
import java.util.Optional;

/**
 * An actor tried an action their role does not permit on this ticket. Nothing was changed; the
 * attempt was written to the {@link AuditLog}. The message names user id, role, permission and
 * ticket id, never personal data.
 */
public final class AccessDeniedException extends LoopdeskException {
  private static final long serialVersionUID = 1L;

  private final String actorId;
  private final Role role;
  private final Permission permission;
  private final TicketId ticketId;
  private final String reason;

  /**
   * Creates the exception.
   *
   * @param actorId who tried
   * @param role in which role
   * @param permission the permission needed
   * @param ticketId the ticket, or null for actions not on a ticket
   * @param reason why it was denied
   */
  public AccessDeniedException(
      String actorId, Role role, Permission permission, TicketId ticketId, String reason) {
    super(
        "Access denied: "
            + actorId
            + " ("
            + role
            + ") may not "
            + permission
            + (ticketId == null ? "" : " ticket " + ticketId)
            + ": "
            + reason);
    this.actorId = actorId;
    this.role = role;
    this.permission = permission;
    this.ticketId = ticketId;
    this.reason = reason;
  }

  /** Returns who tried. */
  public String actorId() {
    return actorId;
  }

  /** Returns the role they acted in. */
  public Role role() {
    return role;
  }

  /** Returns the permission that was missing. */
  public Permission permission() {
    return permission;
  }

  /** Returns the ticket, if the action was on one. */
  public Optional<TicketId> ticketId() {
    return Optional.ofNullable(ticketId);
  }

  /** Returns why access was denied. */
  public String reason() {
    return reason;
  }
}
