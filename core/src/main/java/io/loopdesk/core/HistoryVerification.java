package io.loopdesk.core;

import io.loopdesk.api.TicketId;
import io.loopdesk.api.ValidationException;

/**
 * The result of verifying one ticket's history ({@link TicketHistoryVerifier#verify}): intact, or
 * the first broken version and why. The detail names versions and statuses only, never personal
 * data or free text.
 *
 * @param ticketId the ticket
 * @param verdict intact or the kind of damage
 * @param brokenVersion the first version found broken, 0 when intact
 * @param eventsRead how many events the store returned
 * @param detail what was found, for people
 */
public record HistoryVerification(
    TicketId ticketId, Verdict verdict, long brokenVersion, int eventsRead, String detail) {

  /** What the verifier found. */
  public enum Verdict {
    /** Every event links to the one before and the snapshot is the replay of the history. */
    INTACT,
    /**
     * An event does not match its chain: its content or its chain was changed after it was written,
     * or it was forged with a wrong chain, or it was moved from another ticket.
     */
    EDITED,
    /** A version is missing from the history: an event was deleted. */
    MISSING,
    /** The versions are not in ascending order: events were reordered. */
    OUT_OF_ORDER,
    /**
     * An event was added: a second event claims a version, or the history goes beyond the snapshot.
     */
    INSERTED,
    /**
     * An event has no chain although chaining was on: it was written around the desk (through the
     * store SPI, or straight into the database), or the desk ran with chaining off for a while.
     */
    UNCHAINED,
    /**
     * Each event follows its chain but the events cannot be replayed (an impossible transition).
     */
    REPLAY_REJECTED,
    /** The snapshot is missing or differs from the replay of the history, head hash included. */
    SNAPSHOT_MISMATCH,
    /** The store could not read the ticket or its events (for example malformed stored JSON). */
    UNREADABLE
  }

  /** Validates the fields. */
  public HistoryVerification {
    if (ticketId == null || verdict == null || detail == null) {
      throw new ValidationException(
          "verification", null, "ticketId, verdict and detail must not be null");
    }
    if ((verdict == Verdict.INTACT) != (brokenVersion == 0)) {
      throw new ValidationException(
          "brokenVersion", brokenVersion, "must be 0 exactly when the history is intact");
    }
  }

  /** Returns true if nothing was found broken. */
  public boolean isIntact() {
    return verdict == Verdict.INTACT;
  }

  static HistoryVerification intact(TicketId id, int events) {
    return new HistoryVerification(id, Verdict.INTACT, 0, events, "intact");
  }

  static HistoryVerification broken(
      TicketId id, Verdict verdict, long version, int events, String detail) {
    return new HistoryVerification(id, verdict, version, events, detail);
  }
}
