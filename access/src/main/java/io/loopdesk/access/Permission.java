package io.loopdesk.access;

/** An action on tickets or on the desk that a role may be granted. */
public enum Permission {
  /** See tickets, their history and allowed actions. */
  READ,
  /**
   * Open tickets and move them through the lifecycle (classify, start, wait, resolve, callback,
   * reopen).
   */
  UPDATE,
  /** Assign or reassign tickets. */
  ASSIGN,
  /** Close tickets. */
  CLOSE,
  /** Change roles, queues, teams and other configuration. */
  CONFIGURE,
  /** Export tickets for analytics (always with personal data masked). */
  EXPORT,
  /** Read archived tickets with their personal data (the archive of {@code loopdesk-archive}). */
  READ_ARCHIVE
}
