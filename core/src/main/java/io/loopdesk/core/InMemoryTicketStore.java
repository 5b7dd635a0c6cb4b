package io.loopdesk.core;

import io.loopdesk.api.Page;
import io.loopdesk.api.Ticket;
import io.loopdesk.api.TicketId;
import io.loopdesk.api.TicketQuery;
import io.loopdesk.api.VersionConflictException;
import io.loopdesk.api.event.TicketEvent;
import io.loopdesk.api.spi.TicketStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The default {@link TicketStore}: keeps everything in memory, loses it on restart. Thread-safe;
 * a save is atomic per ticket. Queries scan all tickets, which suits tests and small desks.
 */
public final class InMemoryTicketStore implements TicketStore {
  private static final Comparator<Ticket> QUERY_ORDER =
      Comparator.comparing(Ticket::createdAt).thenComparing(t -> t.id().value());

  private final ConcurrentHashMap<TicketId, Entry> entries = new ConcurrentHashMap<>();

  private record Entry(Ticket ticket, List<TicketEvent> events) {}

  /** Creates an empty store. */
  public InMemoryTicketStore() {}

  @Override
  public Optional<Ticket> find(TicketId id) {
    return Optional.ofNullable(entries.get(id)).map(Entry::ticket);
  }

  @Override
  public void save(TicketEvent event, Ticket ticket) {
    TicketStore.requireMatching(event, ticket);
    entries.compute(
        ticket.id(),
        (id, current) -> {
          long stored = current == null ? 0 : current.ticket().version();
          if (stored != event.version() - 1) {
            throw new VersionConflictException(id, event.version() - 1, stored);
          }
          List<TicketEvent> events = new ArrayList<>(current == null ? List.of() : current.events());
          events.add(event);
          return new Entry(ticket, List.copyOf(events));
        });
  }

  @Override
  public List<TicketEvent> events(TicketId id) {
    Entry entry = entries.get(id);
    return entry == null ? List.of() : entry.events();
  }

  @Override
  public Page<Ticket> query(TicketQuery query) {
    List<Ticket> matches =
        entries.values().stream()
            .map(Entry::ticket)
            .filter(query::matches)
            .sorted(QUERY_ORDER)
            .skip(query.offset())
            .limit(query.limit() + 1L)
            .toList();
    boolean hasMore = matches.size() > query.limit();
    return new Page<>(hasMore ? matches.subList(0, query.limit()) : matches, hasMore);
  }
}
