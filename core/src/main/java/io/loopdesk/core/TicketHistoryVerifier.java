package io.loopdesk.core;

import io.loopdesk.api.LoopdeskException;
import io.loopdesk.api.Page;
import io.loopdesk.api.Ticket;
import io.loopdesk.api.TicketId;
import io.loopdesk.api.TicketNotFoundException;
import io.loopdesk.api.TicketQuery;
import io.loopdesk.api.ValidationException;
import io.loopdesk.api.event.TicketEvent;
import io.loopdesk.api.spi.TicketStore;
import io.loopdesk.core.HistoryVerification.Verdict;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks that tickets' stored histories are the ones the desk wrote: every event links to the one
 * before under the {@link HistoryChain} the desk used, versions run 1, 2, 3... without gaps or
 * repeats, the events replay, and the snapshot equals the replay (head hash included).
 *
 * <p>Verification is separate from reading on purpose: {@code desk.get} and {@code desk.history}
 * return what the store holds without checking it, so reads stay as fast as the store. Run {@link
 * #verify} before relying on a ticket's history (an audit export, a dispute), and {@link
 * #verifyAll()} on a schedule. What a chain can and cannot detect is described on {@link
 * HistoryChain}.
 *
 * <p>By default every event must carry a chain. A store with events written before chaining existed
 * can use {@link #acceptingUnchainedPrefix()}: then each ticket's leading unchained events are
 * accepted unprotected and checking starts at its first chained event; an unchained event after a
 * chained one is still reported. Note that an attacker can strip every chain of a ticket to make it
 * look old, so prefer the default once all tickets are chained.
 *
 * <p>Stateless and thread-safe; reads through the store only. A ticket changed while it is verified
 * is read again once, so a concurrent command is not reported as damage.
 */
public final class TicketHistoryVerifier {
  private final TicketStore store;
  private final HistoryChain chain;
  private final boolean acceptUnchainedPrefix;

  private TicketHistoryVerifier(
      TicketStore store, HistoryChain chain, boolean acceptUnchainedPrefix) {
    this.store = store;
    this.chain = chain;
    this.acceptUnchainedPrefix = acceptUnchainedPrefix;
  }

  /**
   * Creates a verifier.
   *
   * @param store the store to read
   * @param chain the chain the desk writes with (same algorithm and key)
   * @return a verifier that requires every event to be chained
   * @throws ValidationException if an argument is null
   */
  public static TicketHistoryVerifier of(TicketStore store, HistoryChain chain) {
    if (store == null) {
      throw new ValidationException("store", null, "must not be null");
    }
    if (chain == null) {
      throw new ValidationException("chain", null, "must not be null");
    }
    return new TicketHistoryVerifier(store, chain, false);
  }

  /** Returns a verifier that accepts each ticket's leading events written without a chain. */
  public TicketHistoryVerifier acceptingUnchainedPrefix() {
    return new TicketHistoryVerifier(store, chain, true);
  }

  /**
   * Verifies one ticket's history against its snapshot.
   *
   * @param id the ticket
   * @return intact, or the first broken version and why
   * @throws TicketNotFoundException if the store has neither a snapshot nor events for the id
   * @throws ValidationException if the id is null
   */
  public HistoryVerification verify(TicketId id) {
    if (id == null) {
      throw new ValidationException("id", null, "must not be null");
    }
    List<TicketEvent> events;
    Optional<Ticket> snapshot;
    try {
      events = store.events(id);
      snapshot = store.find(id);
      if (snapshot.isPresent() && snapshot.get().version() > lastVersion(events)) {
        events = store.events(id);
      }
    } catch (LoopdeskException e) {
      return HistoryVerification.broken(
          id,
          Verdict.UNREADABLE,
          1,
          0,
          "the store could not read the ticket: " + e.getClass().getSimpleName());
    }
    if (events.isEmpty() && snapshot.isEmpty()) {
      throw new TicketNotFoundException(id);
    }
    return check(id, events, snapshot);
  }

  /**
   * Verifies every ticket the store's queries return, page by page in query order. Tickets opened
   * during the walk may or may not be included; a ticket whose snapshot was deleted is not found by
   * a query, so verify such ids with {@link #verify} from an archived list.
   *
   * @return how many tickets were checked and which are broken
   */
  public HistoryAudit verifyAll() {
    List<HistoryVerification> broken = new ArrayList<>();
    long checked = 0;
    TicketQuery query = TicketQuery.builder().limit(TicketQuery.MAX_LIMIT).build();
    while (true) {
      Page<Ticket> page = store.query(query);
      for (Ticket ticket : page.items()) {
        HistoryVerification result;
        try {
          result = verify(ticket.id());
        } catch (TicketNotFoundException e) {
          continue;
        }
        checked++;
        if (!result.isIntact()) {
          broken.add(result);
        }
      }
      if (!page.hasMore()) {
        return new HistoryAudit(checked, broken);
      }
      query = query.nextPage();
    }
  }

  private HistoryVerification check(
      TicketId id, List<TicketEvent> events, Optional<Ticket> snapshot) {
    int read = events.size();
    Set<Long> versions = new HashSet<>();
    for (TicketEvent event : events) {
      versions.add(event.version());
    }
    long expected = 1;
    String previous = null;
    boolean chained = false;
    Ticket replayed = null;
    for (TicketEvent event : events) {
      if (!event.ticketId().equals(id)) {
        return HistoryVerification.broken(
            id,
            Verdict.EDITED,
            expected,
            read,
            "the event at version " + expected + " names another ticket");
      }
      if (event.version() < expected) {
        return HistoryVerification.broken(
            id,
            Verdict.INSERTED,
            event.version(),
            read,
            "a second event claims version " + event.version());
      }
      if (event.version() > expected) {
        return versions.contains(expected)
            ? HistoryVerification.broken(
                id,
                Verdict.OUT_OF_ORDER,
                expected,
                read,
                "version " + event.version() + " is stored before version " + expected)
            : HistoryVerification.broken(
                id, Verdict.MISSING, expected, read, "version " + expected + " is missing");
      }
      if (event.chain() == null) {
        if (chained || !acceptUnchainedPrefix) {
          return HistoryVerification.broken(
              id,
              Verdict.UNCHAINED,
              expected,
              read,
              "version "
                  + expected
                  + " has no chain"
                  + (chained ? " although version " + (expected - 1) + " has one" : ""));
        }
      } else {
        if (!chain.link(previous, event).equals(event.chain())) {
          return HistoryVerification.broken(
              id,
              Verdict.EDITED,
              expected,
              read,
              "version " + expected + " does not match its chain (" + chain + ")");
        }
        chained = true;
        previous = event.chain();
      }
      try {
        replayed = event.applyTo(replayed);
      } catch (ValidationException e) {
        return HistoryVerification.broken(
            id,
            Verdict.REPLAY_REJECTED,
            expected,
            read,
            "version "
                + expected
                + " cannot follow version "
                + (expected - 1)
                + " ("
                + e.field()
                + ")");
      }
      expected++;
    }
    long last = expected - 1;
    if (snapshot.isEmpty()) {
      return HistoryVerification.broken(
          id,
          Verdict.SNAPSHOT_MISMATCH,
          Math.max(1, last),
          read,
          "the ticket has events but no snapshot");
    }
    Ticket stored = snapshot.get();
    if (stored.version() < last) {
      return HistoryVerification.broken(
          id,
          Verdict.INSERTED,
          stored.version() + 1,
          read,
          "the history goes beyond the snapshot's version " + stored.version());
    }
    if (stored.version() > last) {
      return HistoryVerification.broken(
          id,
          Verdict.MISSING,
          last + 1,
          read,
          "the history ends before the snapshot's version " + stored.version());
    }
    if (!stored.equals(replayed)) {
      return HistoryVerification.broken(
          id,
          Verdict.SNAPSHOT_MISMATCH,
          stored.version(),
          read,
          stored.historyHash().equals(replayed.historyHash())
              ? "the snapshot differs from the replay of its history"
              : "the snapshot's head hash differs from the history's");
    }
    return HistoryVerification.intact(id, read);
  }

  private static long lastVersion(List<TicketEvent> events) {
    return events.isEmpty() ? 0 : events.get(events.size() - 1).version();
  }
}
