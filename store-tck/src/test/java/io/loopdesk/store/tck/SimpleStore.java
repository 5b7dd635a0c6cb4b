package io.loopdesk.store.tck;

import io.loopdesk.api.Page;
import io.loopdesk.api.Ticket;
import io.loopdesk.api.TicketId;
import io.loopdesk.api.TicketQuery;
import io.loopdesk.api.ValidationException;
import io.loopdesk.api.VersionConflictException;
import io.loopdesk.api.event.TicketEvent;
import io.loopdesk.api.spi.FeedEvent;
import io.loopdesk.api.spi.FeedPosition;
import io.loopdesk.api.spi.TicketEventFeed;
import io.loopdesk.api.spi.TicketStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A small, correct store for testing the kit itself (the kit may not depend on core), with hooks
 * that the broken variants override to plant one bug each.
 */
class SimpleStore implements TicketStore, TicketEventFeed {
  private final Map<TicketId, Ticket> tickets = new HashMap<>();
  private final Map<TicketId, List<TicketEvent>> events = new HashMap<>();
  private final List<FeedEvent> feed = new ArrayList<>();
  private final Map<String, FeedPosition> subscriptions = new HashMap<>();
  private long lastPosition;

  @Override
  public synchronized Optional<Ticket> find(TicketId id) {
    return Optional.ofNullable(tickets.get(id));
  }

  @Override
  public void save(TicketEvent event, Ticket ticket) {
    TicketStore.requireMatching(event, ticket);
    synchronized (this) {
      long stored = tickets.containsKey(ticket.id()) ? tickets.get(ticket.id()).version() : 0;
      if (checksVersions() && stored != event.version() - 1) {
        throw new VersionConflictException(ticket.id(), event.version() - 1, stored);
      }
      tickets.put(ticket.id(), stored(ticket));
      if (!positionTakenBeforeCommit()) {
        lastPosition++;
        feed.add(new FeedEvent(new FeedPosition(lastPosition, lastPosition), event));
      }
      if (!eventWrittenSeparately()) {
        events.computeIfAbsent(ticket.id(), k -> new ArrayList<>()).add(event);
        if (!positionTakenBeforeCommit()) {
          return;
        }
      }
    }
    if (positionTakenBeforeCommit()) {
      // the planted bug: a number taken early, the event published later, after faster writers
      long position;
      synchronized (this) {
        position = ++lastPosition;
      }
      if (ThreadLocalRandom.current().nextBoolean()) {
        pause();
      }
      synchronized (this) {
        FeedEvent entry = new FeedEvent(new FeedPosition(position, position), event);
        int at = 0;
        while (at < feed.size() && feed.get(at).position().compareTo(entry.position()) < 0) {
          at++;
        }
        feed.add(at, entry);
      }
      if (!eventWrittenSeparately()) {
        return;
      }
    }
    pause();
    synchronized (this) {
      events.computeIfAbsent(ticket.id(), k -> new ArrayList<>()).add(event);
    }
  }

  @Override
  public synchronized List<FeedEvent> readAfter(FeedPosition after, int limit) {
    TicketEventFeed.requireReadArguments(after, limit);
    return feed.stream().filter(e -> e.position().isAfter(after)).limit(limit).toList();
  }

  @Override
  public synchronized Optional<FeedPosition> subscriptionPosition(String subscription) {
    return Optional.ofNullable(
        subscriptions.get(TicketEventFeed.requireSubscriptionName(subscription)));
  }

  @Override
  public synchronized void saveSubscriptionPosition(String subscription, FeedPosition position) {
    TicketEventFeed.requireSubscriptionName(subscription);
    if (position == null) {
      throw new ValidationException("position", null, "must not be null");
    }
    if (!subscriptionsOnlyMoveForward()
        || !subscriptions.containsKey(subscription)
        || position.isAfter(subscriptions.get(subscription))) {
      subscriptions.put(subscription, position);
    }
  }

  boolean positionTakenBeforeCommit() {
    return false;
  }

  boolean subscriptionsOnlyMoveForward() {
    return true;
  }

  @Override
  public synchronized List<TicketEvent> events(TicketId id) {
    return List.copyOf(events.getOrDefault(id, List.of()));
  }

  @Override
  public synchronized Page<Ticket> query(TicketQuery query) {
    List<Ticket> all = tickets.values().stream().filter(query::matches).sorted(order()).toList();
    int from = (int) Math.min(all.size(), (long) query.offset());
    int to = (int) Math.min(all.size(), (long) from + query.limit());
    return new Page<>(all.subList(from, to), hasMore(to, all.size(), to - from, query.limit()));
  }

  boolean checksVersions() {
    return true;
  }

  boolean eventWrittenSeparately() {
    return false;
  }

  Ticket stored(Ticket ticket) {
    return ticket;
  }

  Comparator<Ticket> order() {
    return Comparator.comparing(Ticket::createdAt).thenComparing(t -> t.id().value());
  }

  boolean hasMore(int end, int total, int returned, int limit) {
    return end < total;
  }

  private static void pause() {
    try {
      Thread.sleep(1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
