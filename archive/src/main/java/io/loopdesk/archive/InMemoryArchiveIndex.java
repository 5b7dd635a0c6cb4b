package io.loopdesk.archive;

import io.loopdesk.access.CustomerKeyRecord;
import io.loopdesk.api.Checks;
import io.loopdesk.api.TicketId;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Collectors;

/**
 * An {@link ArchiveIndex} in memory, for tests and single-JVM hosts; nothing survives a restart.
 * Thread-safe.
 */
public final class InMemoryArchiveIndex implements ArchiveIndex {
  private final ConcurrentMap<TicketId, ArchivedTicket> archived = new ConcurrentHashMap<>();

  @Override
  public boolean claim(ArchivedTicket ticket) {
    Checks.notNull("ticket", ticket);
    boolean[] won = {false};
    archived.compute(
        ticket.ticketId(),
        (id, old) -> {
          if (old == null || old.version() < ticket.version()) {
            won[0] = true;
            return ticket;
          }
          return old;
        });
    return won[0];
  }

  @Override
  public Optional<ArchivedTicket> find(TicketId id) {
    Checks.notNull("id", id);
    return Optional.ofNullable(archived.get(id));
  }

  @Override
  public Map<TicketId, Long> archivedAmong(Collection<TicketId> ids) {
    JdbcArchiveIndex.requireIds(ids);
    return ids.stream()
        .distinct()
        .filter(archived::containsKey)
        .collect(Collectors.toUnmodifiableMap(id -> id, id -> archived.get(id).version()));
  }

  @Override
  public List<ArchivedTicket> byCustomer(String customerId) {
    CustomerKeyRecord.requireCustomerId(customerId);
    return archived.values().stream()
        .filter(a -> a.customerId().equals(customerId))
        .sorted(Comparator.comparing(a -> a.ticketId().value()))
        .toList();
  }
}
