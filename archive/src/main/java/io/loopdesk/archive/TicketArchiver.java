package io.loopdesk.archive;

import io.loopdesk.api.Checks;
import io.loopdesk.api.Page;
import io.loopdesk.api.Ticket;
import io.loopdesk.api.TicketQuery;
import io.loopdesk.api.TicketStatus;
import io.loopdesk.api.ValidationException;
import io.loopdesk.api.spi.TicketStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * Moves closed tickets to the archive once they have stayed closed for a configurable period:
 * {@link #archiveDue()} archives every ticket whose status is a closing one and whose last change
 * (the closing) is at least {@code after} old by the injected {@link Clock}. Run it periodically,
 * from a scheduler, on one instance or on all.
 *
 * <p>Idempotent and safe with several instances on one database: each ticket version is claimed in
 * the {@link ArchiveIndex} (a primary-key insert on JDBC), so of instances archiving the same
 * ticket exactly one does, and a rerun archives nothing new. A reopen that races the archiver is
 * not lost: the archive record names the version it archived, so a ticket that changed afterwards
 * reads as live and is archived again once it is closed long enough. Thread-safe.
 */
public final class TicketArchiver {
  private static final int PAGE = 500;

  private final TicketStore store;
  private final ArchiveIndex index;
  private final Clock clock;
  private final Duration after;
  private final Set<TicketStatus> closing;
  private final String instance;

  private TicketArchiver(Builder b) {
    this.store = b.store;
    this.index = b.index;
    this.clock = b.clock;
    this.after = b.after;
    this.closing = Set.copyOf(b.closing);
    this.instance = b.instance;
  }

  /**
   * Returns a builder.
   *
   * @param store the ticket store to scan; the plain (e.g. JDBC) store is enough and cheapest,
   *     since the archiver reads no personal data
   * @param index where archived tickets are recorded
   * @return the builder
   */
  public static Builder builder(TicketStore store, ArchiveIndex index) {
    return new Builder(store, index);
  }

  /**
   * Archives every closed ticket that is due.
   *
   * @return what this run did
   */
  public ArchiveRun archiveDue() {
    Instant now = clock.instant();
    Instant cutoff = now.minus(after);
    int scanned = 0;
    int archived = 0;
    int alreadyArchived = 0;
    TicketQuery query =
        TicketQuery.builder().status(closing.toArray(TicketStatus[]::new)).limit(PAGE).build();
    while (true) {
      Page<Ticket> page = store.query(query);
      Map<io.loopdesk.api.TicketId, Long> known =
          index.archivedAmong(page.items().stream().map(Ticket::id).toList());
      for (Ticket t : page.items()) {
        scanned++;
        if (t.updatedAt().isAfter(cutoff)) {
          continue;
        }
        Long version = known.get(t.id());
        if (version != null && version >= t.version()) {
          alreadyArchived++;
          continue;
        }
        ArchivedTicket record =
            new ArchivedTicket(
                t.id(), t.version(), t.customer().customerId(), t.updatedAt(), now, instance);
        if (index.claim(record)) {
          archived++;
        } else {
          alreadyArchived++;
        }
      }
      if (!page.hasMore()) {
        return new ArchiveRun(now, scanned, archived, alreadyArchived);
      }
      query = query.nextPage();
    }
  }

  /**
   * What one {@link #archiveDue()} run did.
   *
   * @param at when it ran
   * @param scanned closed tickets looked at
   * @param archived tickets this run archived
   * @param alreadyArchived due tickets another run or instance had archived
   */
  public record ArchiveRun(Instant at, int scanned, int archived, int alreadyArchived) {}

  /** Builds a {@link TicketArchiver}. */
  public static final class Builder {
    private final TicketStore store;
    private final ArchiveIndex index;
    private Clock clock = Clock.systemUTC();
    private Duration after = Duration.ofDays(180);
    private Set<TicketStatus> closing = Set.of(TicketStatus.CLOSED);
    private String instance = "archiver";

    private Builder(TicketStore store, ArchiveIndex index) {
      Checks.notNull("store", store);
      Checks.notNull("index", index);
      this.store = store;
      this.index = index;
    }

    /**
     * Sets the clock.
     *
     * @param value the clock
     * @return this builder
     */
    public Builder clock(Clock value) {
      clock = Checks.notNull("clock", value);
      return this;
    }

    /**
     * Sets how long a ticket stays closed before it is archived; default 180 days.
     *
     * @param value zero or more, at most 100 years
     * @return this builder
     */
    public Builder archiveAfter(Duration value) {
      if (value == null || value.isNegative() || value.compareTo(Duration.ofDays(36_500)) > 0) {
        throw new ValidationException("archiveAfter", value, "must be between zero and 36500 days");
      }
      after = value;
      return this;
    }

    /**
     * Sets which statuses count as closed; default {@code CLOSED}.
     *
     * @param values the closing statuses, at least one
     * @return this builder
     */
    public Builder closingStatuses(Set<TicketStatus> values) {
      if (values == null
          || values.isEmpty()
          || values.stream().anyMatch(java.util.Objects::isNull)) {
        throw new ValidationException(
            "closingStatuses", values, "must hold at least one status and no null");
      }
      closing = Set.copyOf(values);
      return this;
    }

    /**
     * Names this instance in the archive records.
     *
     * @param value 1-200 characters without control characters
     * @return this builder
     */
    public Builder instance(String value) {
      if (value == null
          || value.isBlank()
          || value.length() > 200
          || value.chars().anyMatch(Character::isISOControl)) {
        throw new ValidationException(
            "instance", value, "must be 1-200 characters without control characters");
      }
      instance = value;
      return this;
    }

    /**
     * Builds the archiver.
     *
     * @return the archiver
     */
    public TicketArchiver build() {
      return new TicketArchiver(this);
    }
  }

  /** Returns the settings, for logs. */
  @Override
  public String toString() {
    return "TicketArchiver[after="
        + after
        + ", closing="
        + closing
        + ", instance="
        + instance
        + "]";
  }
}
