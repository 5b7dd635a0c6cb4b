package io.loopdesk.api;

/**
 * Who performed an action, and in which role. Recorded on every event for the audit trail.
 *
 * @param id the host system's user id (an employee number, not a personal name)
 * @param role the role the action was performed in
 */
public record Actor(String id, Role role) {
  /** The actor used for automatic actions taken by Loopdesk itself. */
  public static final Actor SYSTEM = new Actor("loopdesk", Role.SYSTEM);

  /** Validates the actor. */
  public Actor {
    Checks.text("actor.id", id, 64);
    Checks.notNull("actor.role", role);
  }

  /**
   * Returns an actor.
   *
   * @param id the user id
   * @param role the role
   * @return the actor
   */
  public static Actor of(String id, Role role) {
    return new Actor(id, role);
  }
}
