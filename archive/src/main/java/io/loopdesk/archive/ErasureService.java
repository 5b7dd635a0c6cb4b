package io.loopdesk.archive;

import io.loopdesk.access.CustomerKeyRecord;
import io.loopdesk.access.CustomerKeys;
import io.loopdesk.api.Checks;
import io.loopdesk.api.LoopdeskException;
import io.loopdesk.api.Page;
import io.loopdesk.api.Ticket;
import io.loopdesk.api.TicketQuery;
import io.loopdesk.api.event.TicketChange;
import io.loopdesk.api.event.TicketEvent;
import io.loopdesk.api.spi.TicketStore;
import io.loopdesk.core.HistoryChain;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Erases a customer's personal data on request (PIPL, GDPR) by crypto-shredding: it records in the
 * {@link ErasureLog} which events of each of the customer's tickets carry personal data (the
 * opening event with the customer, and every message body) together with their history chain
 * values, then destroys the customer's data key ({@link CustomerKeys#erase}). Tickets, events,
 * statuses, times, categories and outcomes stay, so KPIs do not change; the erased events read with
 * the {@link io.loopdesk.access.ErasedPersonalData} marker, and {@link ErasedHistoryVerifier} still
 * verifies the histories.
 *
 * <p>Idempotent and safe on several instances: log entries are recorded once per customer and
 * ticket, and destroying a destroyed key changes nothing. If the process dies between the log and
 * the key, the next call completes the erasure. Thread-safe.
 */
public final class ErasureService {
  private final TicketStore clearStore;
  private final CustomerKeys keys;
  private final ErasureLog log;
  private final Clock clock;
  private final HistoryChain verifyWith;

  private ErasureService(Builder b) {
    this.clearStore = b.clearStore;
    this.keys = b.keys;
    this.log = b.log;
    this.clock = b.clock;
    this.verifyWith = b.verifyWith;
  }

  /**
   * Returns a builder.
   *
   * @param clearStore the {@code EncryptingTicketStore} that seals under {@code keys}
   * @param keys the per-customer data keys
   * @param log where erasures are recorded
   * @return the builder
   */
  public static Builder builder(TicketStore clearStore, CustomerKeys keys, ErasureLog log) {
    return new Builder(clearStore, keys, log);
  }

  /**
   * Erases a customer's personal data.
   *
   * @param customerId the customer (the CRM reference)
   * @param requestedBy who asked, e.g. the data-protection officer's user id
   * @return what was erased
   * @throws ErasureRefusedException if a history does not verify under the configured chain (the
   *     key is not destroyed, so the evidence stays)
   */
  public ErasureResult erase(String customerId, String requestedBy) {
    CustomerKeyRecord.requireCustomerId(customerId);
    Instant at = clock.instant();
    List<ErasureEntry> entries = new ArrayList<>();
    TicketQuery query = TicketQuery.builder().customerId(customerId).limit(200).build();
    while (true) {
      Page<Ticket> page = clearStore.query(query);
      for (Ticket t : page.items()) {
        entries.add(entry(customerId, t, at, requestedBy));
      }
      if (!page.hasMore()) {
        break;
      }
      query = query.nextPage();
    }
    int recorded = 0;
    for (ErasureEntry e : entries) {
      if (log.record(e)) {
        recorded++;
      }
    }
    boolean destroyed = keys.erase(customerId);
    int events = entries.stream().mapToInt(e -> e.erasedVersions().size()).sum();
    return new ErasureResult(customerId, at, entries.size(), events, destroyed, recorded);
  }

  private ErasureEntry entry(String customerId, Ticket ticket, Instant at, String requestedBy) {
    List<TicketEvent> events = clearStore.events(ticket.id());
    if (verifyWith != null) {
      verify(ticket, events);
    }
    List<Long> versions = new ArrayList<>();
    List<String> chains = new ArrayList<>();
    for (TicketEvent e : events) {
      if (e.change() instanceof TicketChange.Opened
          || e.change() instanceof TicketChange.Communication) {
        versions.add(e.version());
        chains.add(e.chain() == null ? "" : e.chain());
      }
    }
    return new ErasureEntry(customerId, ticket.id(), at, requestedBy, versions, chains);
  }

  private void verify(Ticket ticket, List<TicketEvent> events) {
    if (io.loopdesk.access.ErasedPersonalData.isErased(ticket.customer())) {
      return;
    }
    String previous = null;
    for (TicketEvent e : events) {
      if (e.chain() != null && !verifyWith.link(previous, e).equals(e.chain())) {
        throw new ErasureRefusedException(ticket.id(), e.version());
      }
      previous = e.chain();
    }
  }

  /**
   * What one erasure did.
   *
   * @param customerId the customer
   * @param at when
   * @param tickets the customer's tickets
   * @param events the events whose personal data was erased
   * @param keyDestroyed true if this call destroyed the key (false if it was destroyed before)
   * @param entriesRecorded log entries this call recorded (0 on a repeated call)
   */
  public record ErasureResult(
      String customerId,
      Instant at,
      int tickets,
      int events,
      boolean keyDestroyed,
      int entriesRecorded) {}

  /** The customer's history did not verify before the erasure; nothing was erased. */
  public static final class ErasureRefusedException extends LoopdeskException {
    private static final long serialVersionUID = 1L;

    ErasureRefusedException(io.loopdesk.api.TicketId id, long version) {
      super(
          "Erasure refused: the history of ticket "
              + id
              + " does not verify at version "
              + version
              + "; investigate before destroying the key, or erase without verifyWith");
    }
  }

  /** Builds an {@link ErasureService}. */
  public static final class Builder {
    private final TicketStore clearStore;
    private final CustomerKeys keys;
    private final ErasureLog log;
    private Clock clock = Clock.systemUTC();
    private HistoryChain verifyWith;

    private Builder(TicketStore clearStore, CustomerKeys keys, ErasureLog log) {
      Checks.notNull("clearStore", clearStore);
      Checks.notNull("keys", keys);
      Checks.notNull("log", log);
      this.clearStore = clearStore;
      this.keys = keys;
      this.log = log;
    }

    /**
     * Sets the clock of the erasure instants.
     *
     * @param value the clock
     * @return this builder
     */
    public Builder clock(Clock value) {
      clock = Checks.notNull("clock", value);
      return this;
    }

    /**
     * Verifies each history under this chain before erasing, and refuses if one does not verify.
     *
     * @param value the desk's history chain
     * @return this builder
     */
    public Builder verifyWith(HistoryChain value) {
      verifyWith = Checks.notNull("verifyWith", value);
      return this;
    }

    /**
     * Builds the service.
     *
     * @return the service
     */
    public ErasureService build() {
      return new ErasureService(this);
    }
  }
}
