package io.loopdesk.access;

import java.util.ArrayList;
import java.util.List;

/** An {@link AuditLog} in memory, for tests and small desks; unbounded. Thread-safe. */
public final class InMemoryAuditLog implements AuditLog {
  private final List<AuditEntry> entries = new ArrayList<>();

  /** Creates an empty log. */
  public InMemoryAuditLog() {}

  @Override
  public synchronized void record(AuditEntry entry) {
    if (entry == null) {
      throw new io.loopdesk.api.ValidationException("entry", null, "must not be null");
    }
    entries.add(entry);
  }

  @Override
  public synchronized List<AuditEntry> entries() {
    return List.copyOf(entries);
  }
}
