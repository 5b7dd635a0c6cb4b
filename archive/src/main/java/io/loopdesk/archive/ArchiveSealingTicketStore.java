package io.loopdesk.archive;

import io.loopdesk.access.ErasedPersonalData;
import io.loopdesk.api.Checks;
import io.loopdesk.api.Page;
import io.loopdesk.api.Ticket;
import io.loopdesk.api.TicketId;
import io.loopdesk.api.TicketQuery;
import io.loopdesk.api.event.TicketChange;
import io.loopdesk.api.event.TicketEvent;
import io.loopdesk.api.spi.CheckpointClaims;
import io.loopdesk.api.spi.FeedEvent;
import io.loopdesk.api.spi.FeedPosition;
import io.loopdesk.api.spi.TicketEventFeed;
import io.loopdesk.api.spi.TicketStore;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A {@link TicketStore} decorator that seals archived tickets: for a ticket archived at its current
 * version ({@link ArchiveIndex}), reads show {@link ArchivedPersonalData}'s marker in place of the
 * customer's personal data and of every message body, and everything else (status, times, category,
 * priority, outcomes, callbacks, events, history hashes) as stored, so KPIs computed through this
 * store are the same before and after archiving. Saving an archived ticket fails with {@link
 * ArchivedTicketException}. Put it outermost, over an {@code EncryptingTicketStore}:
 *
 * <pre>{@code
 * TicketStore clear = new EncryptingTicketStore(jdbcStore, customerKeys);
 * TicketStore store = new ArchiveSealingTicketStore(clear, new JdbcArchiveIndex(ds));
 * }</pre>
 *
 * <p>Each read asks the index (one primary-key lookup; one per page for queries), so an archiving
 * on one instance takes effect on all at their next read. Thread-safe if the wrapped store and the
 * index are.
 */
public final class ArchiveSealingTicketStore implements TicketStore {
  /** Tickets looked up in the archive index at once: {@link ArchiveIndex#archivedAmong}'s limit. */
  private static final int INDEX_BATCH = 1_000;

  private final TicketStore delegate;
  private final ArchiveIndex index;

  /**
   * Wraps a store.
   *
   * @param delegate the store, usually an {@code EncryptingTicketStore}
   * @param index the archive index
   */
  public ArchiveSealingTicketStore(TicketStore delegate, ArchiveIndex index) {
    Checks.notNull("delegate", delegate);
    Checks.notNull("index", index);
    this.delegate = delegate;
    this.index = index;
  }

  @Override
  public Optional<Ticket> find(TicketId id) {
    return delegate.find(id).map(this::sealIfArchived);
  }

  @Override
  public Optional<Ticket> findForCommand(TicketId id, long expectedVersion) {
    return delegate.findForCommand(id, expectedVersion).map(this::sealIfArchived);
  }

  /**
   * Saves unless the ticket is archived at the version the event is based on.
   *
   * @throws ArchivedTicketException if it is; nothing is written
   */
  @Override
  public void save(TicketEvent event, Ticket ticket) {
    TicketStore.requireMatching(event, ticket);
    if (index.find(ticket.id()).filter(a -> a.covers(event.version() - 1)).isPresent()) {
      throw new ArchivedTicketException(ticket.id());
    }
    delegate.save(event, ticket);
  }

  @Override
  public List<TicketEvent> events(TicketId id) {
    List<TicketEvent> events = delegate.events(id);
    if (events.isEmpty() || !archivedAt(id, events.get(events.size() - 1).version())) {
      return events;
    }
    return events.stream().map(ArchiveSealingTicketStore::seal).toList();
  }

  @Override
  public Page<Ticket> query(TicketQuery query) {
    Page<Ticket> page = delegate.query(query);
    if (page.items().isEmpty()) {
      return page;
    }
    Map<TicketId, Long> archived =
        index.archivedAmong(page.items().stream().map(Ticket::id).toList());
    if (archived.isEmpty()) {
      return page;
    }
    List<Ticket> items = new ArrayList<>(page.items().size());
    for (Ticket t : page.items()) {
      Long version = archived.get(t.id());
      items.add(version != null && version == t.version() ? seal(t) : t);
    }
    return new Page<>(items, page.hasMore());
  }

  /** Returns the wrapped feed with the personal data of archived tickets' events sealed. */
  @Override
  public Optional<TicketEventFeed> eventFeed() {
    return delegate.eventFeed().map(SealingFeed::new);
  }

  /** Returns the wrapped store's checkpoint claims. */
  @Override
  public Optional<CheckpointClaims> checkpointClaims() {
    return delegate.checkpointClaims();
  }

  private boolean archivedAt(TicketId id, long version) {
    return index.find(id).filter(a -> a.covers(version)).isPresent();
  }

  private Ticket sealIfArchived(Ticket t) {
    return archivedAt(t.id(), t.version()) ? seal(t) : t;
  }

  private static Ticket seal(Ticket t) {
    if (ErasedPersonalData.isErased(t.customer())) {
      return t;
    }
    return t.toBuilder()
        .customer(ArchivedPersonalData.customer(t.customer().customerId(), t.customer().tier()))
        .build();
  }

  private static TicketEvent seal(TicketEvent e) {
    TicketChange change = e.change();
    TicketChange sealed;
    if (change instanceof TicketChange.Opened o) {
      if (ErasedPersonalData.isErased(o.customer())) {
        return e;
      }
      sealed =
          new TicketChange.Opened(
              o.channel(),
              ArchivedPersonalData.customer(o.customer().customerId(), o.customer().tier()),
              o.product(),
              o.problem(),
              o.expectation(),
              o.alreadyTried());
    } else if (change instanceof TicketChange.AgentReplied r) {
      sealed = new TicketChange.AgentReplied(r.channel(), body(r.body()));
    } else if (change instanceof TicketChange.CustomerReplied r) {
      sealed = new TicketChange.CustomerReplied(r.channel(), body(r.body()), r.resumed());
    } else if (change instanceof TicketChange.InternalNoteAdded n) {
      sealed = new TicketChange.InternalNoteAdded(body(n.body()));
    } else {
      return e;
    }
    return new TicketEvent(
        e.ticketId(), e.version(), e.at(), e.actor(), e.from(), e.to(), sealed, e.chain());
  }

  private static String body(String body) {
    return ErasedPersonalData.BODY.equals(body) ? body : ArchivedPersonalData.BODY;
  }

  private static boolean personal(TicketEvent e) {
    return e.change() instanceof TicketChange.Opened
        || e.change() instanceof TicketChange.Communication;
  }

  /** The wrapped feed with archived tickets' personal data sealed. */
  private final class SealingFeed implements TicketEventFeed {
    private final TicketEventFeed feed;

    SealingFeed(TicketEventFeed feed) {
      this.feed = feed;
    }

    @Override
    public List<FeedEvent> readAfter(FeedPosition after, int limit) {
      List<FeedEvent> events = feed.readAfter(after, limit);
      Set<TicketId> withPersonalData = new LinkedHashSet<>();
      for (FeedEvent f : events) {
        if (personal(f.event())) {
          withPersonalData.add(f.event().ticketId());
        }
      }
      Set<TicketId> archived = archivedAsTheyAreNow(withPersonalData);
      if (archived.isEmpty()) {
        return events;
      }
      List<FeedEvent> out = new ArrayList<>(events.size());
      for (FeedEvent f : events) {
        TicketEvent e = f.event();
        boolean seal = personal(e) && archived.contains(e.ticketId());
        out.add(seal ? new FeedEvent(f.position(), seal(e)) : f);
      }
      return out;
    }

    /**
     * The tickets archived at their current version, with one index round trip per {@value
     * #INDEX_BATCH} tickets; only archived tickets are read from the store.
     */
    private Set<TicketId> archivedAsTheyAreNow(Set<TicketId> ids) {
      Set<TicketId> archived = new HashSet<>();
      List<TicketId> all = new ArrayList<>(ids);
      for (int from = 0; from < all.size(); from += INDEX_BATCH) {
        index
            .archivedAmong(all.subList(from, Math.min(all.size(), from + INDEX_BATCH)))
            .forEach(
                (id, version) -> {
                  if (delegate.find(id).filter(t -> t.version() == version).isPresent()) {
                    archived.add(id);
                  }
                });
      }
      return archived;
    }

    @Override
    public Optional<FeedPosition> subscriptionPosition(String subscription) {
      return feed.subscriptionPosition(subscription);
    }

    @Override
    public void saveSubscriptionPosition(String subscription, FeedPosition position) {
      feed.saveSubscriptionPosition(subscription, position);
    }
  }
}
