package io.loopdesk.archive;

import io.loopdesk.api.Checks;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An {@link ErasureLog} in memory, for tests and single-JVM hosts; nothing survives a restart.
 * Thread-safe.
 */
public final class InMemoryErasureLog implements ErasureLog {
  private final Map<String, ErasureEntry> entries = new LinkedHashMap<>();

  @Override
  public synchronized boolean record(ErasureEntry entry) {
    Checks.notNull("entry", entry);
    return entries.putIfAbsent(entry.customerId() + "\u0000" + entry.ticketId().value(), entry)
        == null;
  }

  @Override
  public synchronized List<ErasureEntry> entries() {
    List<ErasureEntry> out = new ArrayList<>(entries.values());
    out.sort(
        Comparator.comparing(ErasureEntry::erasedAt)
            .thenComparing(ErasureEntry::customerId)
            .thenComparing(e -> e.ticketId().value()));
    return List.copyOf(out);
  }
}
