package io.loopdesk.core;

import io.loopdesk.api.Page;
import io.loopdesk.api.Ticket;
import io.loopdesk.api.TicketId;
import io.loopdesk.api.TicketQuery;
import io.loopdesk.api.ValidationException;
import io.loopdesk.api.VersionConflictException;
import io.loopdesk.api.event.TicketEvent;
import io.loopdesk.api.spi.CheckpointClaim;
import io.loopdesk.api.spi.CheckpointClaims;
import io.loopdesk.api.spi.FeedEvent;
import io.loopdesk.api.spi.FeedPosition;
import io.loopdesk.api.spi.TicketEventFeed;
import io.loopdesk.api.spi.TicketStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * The default {@link TicketStore}: keeps everything in memory, loses it on restart. Thread-safe; a
 * save is atomic per ticket. Queries scan all tickets, which suits tests and small desks.
 *
 * <p>It is also a {@link TicketEventFeed} for readers in the same JVM: saves are serialised by one
 * lock, and each event gets the next number of a counter, as both parts of its {@link
 * FeedPosition}, in the same step that makes it visible; so the feed is in commit order and
 * gap-free. Subscription positions and {@link CheckpointClaims} live in memory too, so several SLA
 * trackers in one JVM can share them. Single-JVM: nothing survives a restart.
 */
public final class InMemoryTicketStore implements TicketStore, TicketEventFeed, CheckpointClaims {
  private static final Comparator<Ticket> QUERY_ORDER =
      Comparator.comparing(Ticket::createdAt).thenComparing(t -> t.id().value());

  private final ConcurrentHashMap<TicketId, Entry> entries = new ConcurrentHashMap<>();

  /** Every saved event in commit order; guarded by itself, which also serialises saves. */
  private final List<FeedEvent> feed = new ArrayList<>();

  private final ConcurrentHashMap<String, FeedPosition> subscriptions = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, CheckpointClaim> claims = new ConcurrentHashMap<>();

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
    synchronized (feed) {
      entries.compute(
          ticket.id(),
          (id, current) -> {
            long stored = current == null ? 0 : current.ticket().version();
            if (stored != event.version() - 1) {
              throw new VersionConflictException(id, event.version() - 1, stored);
            }
            List<TicketEvent> events =
                new ArrayList<>(current == null ? List.of() : current.events());
            events.add(event);
            return new Entry(ticket, List.copyOf(events));
          });
      long number = feed.size() + 1L;
      feed.add(new FeedEvent(new FeedPosition(number, number), event));
    }
  }

  @Override
  public List<FeedEvent> readAfter(FeedPosition after, int limit) {
    TicketEventFeed.requireReadArguments(after, limit);
    synchronized (feed) {
      int low = 0;
      int high = feed.size();
      while (low < high) {
        int middle = (low + high) >>> 1;
        if (feed.get(middle).position().isAfter(after)) {
          high = middle;
        } else {
          low = middle + 1;
        }
      }
      int from = low;
      return List.copyOf(feed.subList(from, Math.min(feed.size(), from + limit)));
    }
  }

  @Override
  public Optional<FeedPosition> subscriptionPosition(String subscription) {
    return Optional.ofNullable(
        subscriptions.get(TicketEventFeed.requireSubscriptionName(subscription)));
  }

  @Override
  public void saveSubscriptionPosition(String subscription, FeedPosition position) {
    TicketEventFeed.requireSubscriptionName(subscription);
    if (position == null) {
      throw new ValidationException("position", null, "must not be null");
    }
    subscriptions.merge(
        subscription, position, (stored, offered) -> offered.isAfter(stored) ? offered : stored);
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

  @Override
  public Set<String> claim(List<CheckpointClaim> requested) {
    CheckpointClaims.requireClaims(requested);
    Set<String> won = new HashSet<>();
    for (CheckpointClaim claim : requested) {
      if (claims.putIfAbsent(claim.key(), claim) == null) {
        won.add(claim.key());
      }
    }
    return Set.copyOf(won);
  }

  /**
   * Rewrites a ticket's stored events and snapshot behind the SPI's back, as someone with access to
   * the storage could; the feed is left alone. Package-private, for the store kit's tampering tests
   * only.
   */
  void tamper(
      TicketId id, UnaryOperator<List<TicketEvent>> events, UnaryOperator<Ticket> snapshot) {
    synchronized (feed) {
      entries.computeIfPresent(
          id,
          (key, entry) ->
              new Entry(
                  snapshot.apply(entry.ticket()),
                  List.copyOf(events.apply(new ArrayList<>(entry.events())))));
    }
  }
}
