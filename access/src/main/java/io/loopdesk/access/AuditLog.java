package io.loopdesk.access;

import java.util.List;

/**
 * Where the security-relevant facts go that have no place in a ticket's history: denied actions and
 * role, queue and team changes. Implement it to write to the host's audit store; implementations
 * must be thread-safe and must not throw on {@link #record}.
 */
public interface AuditLog {

  /**
   * Appends an entry.
   *
   * @param entry the entry
   */
  void record(AuditEntry entry);

  /**
   * Returns every entry in the order recorded.
   *
   * @return the entries
   */
  List<AuditEntry> entries();
}
