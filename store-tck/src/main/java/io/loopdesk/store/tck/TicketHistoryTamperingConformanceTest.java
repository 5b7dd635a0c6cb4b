package io.loopdesk.store.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.loopdesk.api.Category;
import io.loopdesk.api.Channel;
import io.loopdesk.api.Ticket;
import io.loopdesk.api.TicketAction;
import io.loopdesk.api.TicketId;
import io.loopdesk.api.TicketStatus;
import io.loopdesk.api.event.TicketChange;
import io.loopdesk.api.event.TicketEvent;
import io.loopdesk.api.spi.TicketStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The tamper-evidence kit for {@link TicketStore} adapters: shows that a chained ticket history
 * round-trips through the store intact, and that an edited, deleted, reordered or inserted event, a
 * forged snapshot, and a forged {@code CLOSED} event saved through {@link TicketStore#save} are all
 * detected by the history verifier.
 *
 * <p>The kit sees only the SPI, so the adapter's test supplies two things:
 *
 * <ul>
 *   <li>{@link #integrity()}: how to chain an event and how to verify a ticket; adapters built on
 *       {@code loopdesk-core} pass its {@code HistoryChain} and {@code TicketHistoryVerifier};
 *   <li>{@link #tampering(TicketStore)}: a way to change the adapter's own storage around the SPI,
 *       as someone with database access could (for SQL: {@code UPDATE}/{@code DELETE}/{@code
 *       INSERT} on the event table). It is optional: without it the storage tests are skipped with
 *       a message, and only the SPI-level forgeries run.
 * </ul>
 *
 * <p>Each test gets a new store from {@link #newStore()} and hands it to {@link #release} after.
 */
public abstract class TicketHistoryTamperingConformanceTest {
  private static final Instant T0 = Instant.parse("2026-03-02T08:15:30.123456789Z");
  private static final String NO_HOOK =
      "this adapter's test offers no storage tampering hook (override tampering(TicketStore)); only SPI-level forgeries are checked";

  /** Chains events and verifies ticket histories, as the service desk and its verifier do. */
  public interface HistoryIntegrity {
    /**
     * Returns the event with its chain set to its link after {@code previousChain}.
     *
     * @param event the event
     * @param previousChain the chain of the event before, or null for the opening event
     * @return the chained event
     */
    TicketEvent chain(TicketEvent event, String previousChain);

    /**
     * Verifies a ticket's stored history.
     *
     * @param store the store
     * @param id the ticket
     * @return the first broken version, or empty if the history is intact
     */
    OptionalLong firstBrokenVersion(TicketStore store, TicketId id);
  }

  /** Changes a store's storage directly, bypassing the SPI; each method changes one ticket only. */
  public interface StorageTampering {
    /**
     * Replaces the stored event at {@code forged.version()} of {@code forged.ticketId()} with
     * {@code forged}, chain included; the snapshot is left alone.
     *
     * @param forged the replacement
     */
    void overwriteEvent(TicketEvent forged);

    /**
     * Deletes one stored event; the snapshot is left alone.
     *
     * @param id the ticket
     * @param version the event's version
     */
    void deleteEvent(TicketId id, long version);

    /**
     * Swaps the positions of two stored events, so that {@link TicketStore#events} lists each one
     * where the other was; their content (versions included) is unchanged.
     *
     * @param id the ticket
     * @param first one version
     * @param second another version
     */
    void swapEvents(TicketId id, long first, long second);

    /**
     * Adds an event after the stored ones without touching the snapshot.
     *
     * @param forged the event, with the next version
     */
    void appendEvent(TicketEvent forged);

    /**
     * Replaces the stored snapshot of {@code forged.id()}; the events are left alone.
     *
     * @param forged the replacement
     */
    void overwriteSnapshot(Ticket forged);
  }

  /** The store under test, new for every test. */
  protected TicketStore store;

  /**
   * Returns a new, empty store.
   *
   * @return the store under test
   */
  protected abstract TicketStore newStore();

  /**
   * Releases a store from {@link #newStore()}. Does nothing by default.
   *
   * @param used the store
   */
  protected void release(TicketStore used) {}

  /**
   * Returns the chaining and verification to test with.
   *
   * @return the integrity functions
   */
  protected abstract HistoryIntegrity integrity();

  /**
   * Returns a way to tamper with the store's own storage, or empty (the default) to skip the
   * storage tests.
   *
   * @param target the store from {@link #newStore()}
   * @return the tampering hook
   */
  protected Optional<StorageTampering> tampering(TicketStore target) {
    return Optional.empty();
  }

  @BeforeEach
  void openStore() {
    store = newStore();
  }

  @AfterEach
  void releaseStore() {
    release(store);
  }

  @Test
  void chainedHistoryRoundTripsAndVerifies() {
    List<TicketEvent> saved = saveChained(TicketId.of("T-intact"));
    assertThat(store.events(TicketId.of("T-intact"))).isEqualTo(saved);
    assertThat(saved).allSatisfy(e -> assertThat(e.chain()).isNotNull());
    assertThat(store.find(TicketId.of("T-intact")).orElseThrow().historyHash())
        .contains(last(saved).chain());
    assertThat(integrity().firstBrokenVersion(store, TicketId.of("T-intact"))).isEmpty();
  }

  @Test
  void forgedCloseSavedWithoutChainIsDetected() {
    TicketId id = TicketId.of("T-forged-unchained");
    List<TicketEvent> saved = saveChained(id);
    Ticket current = store.find(id).orElseThrow();
    TicketEvent forged = forgedClose(current, null);
    store.save(forged, forged.applyTo(current));
    assertThat(integrity().firstBrokenVersion(store, id)).hasValue(saved.size() + 1L);
  }

  @Test
  void forgedCloseSavedWithWrongChainIsDetected() {
    TicketId id = TicketId.of("T-forged-wrong");
    List<TicketEvent> saved = saveChained(id);
    Ticket current = store.find(id).orElseThrow();
    TicketEvent forged = forgedClose(current, saved.get(0).chain());
    store.save(forged, forged.applyTo(current));
    assertThat(integrity().firstBrokenVersion(store, id)).hasValue(saved.size() + 1L);
  }

  @Test
  void editedEventIsDetected() {
    StorageTampering tamper = tamperingOrSkip();
    TicketId id = TicketId.of("T-edited");
    TicketEvent assigned = saveChained(id).get(2);
    tamper.overwriteEvent(
        new TicketEvent(
            id,
            assigned.version(),
            assigned.at(),
            assigned.actor(),
            assigned.from(),
            assigned.to(),
            new TicketChange.Assigned("mallory", "nowhere", "forged"),
            assigned.chain()));
    assertThat(integrity().firstBrokenVersion(store, id)).hasValue(assigned.version());
  }

  @Test
  void editedMessagesAreDetected() {
    StorageTampering tamper = tamperingOrSkip();
    TicketId id = TicketId.of("T-edited-note");
    List<TicketEvent> saved =
        saveChained(
            TicketHistory.open(id, T0)
                .replyToCustomer(Channel.EMAIL, "we received your request")
                .internalNote("customer was rude on the phone")
                .customerReply(Channel.APP, "any news?")
                .classify(Category.COMPLAINT, Samples.priority(new Random(13)), null));
    assertThat(store.events(id)).isEqualTo(saved);
    assertThat(integrity().firstBrokenVersion(store, id)).isEmpty();
    TicketEvent note = saved.get(2);
    tamper.overwriteEvent(
        new TicketEvent(
            id,
            note.version(),
            note.at(),
            note.actor(),
            note.from(),
            note.to(),
            new TicketChange.InternalNoteAdded("customer was polite"),
            note.chain()));
    assertThat(integrity().firstBrokenVersion(store, id)).hasValue(note.version());
  }

  @Test
  void editedChainIsDetected() {
    StorageTampering tamper = tamperingOrSkip();
    TicketId id = TicketId.of("T-edited-chain");
    List<TicketEvent> saved = saveChained(id);
    tamper.overwriteEvent(saved.get(3).withChain(saved.get(4).chain()));
    assertThat(integrity().firstBrokenVersion(store, id)).hasValue(4L);
  }

  @Test
  void deletedEventIsDetected() {
    StorageTampering tamper = tamperingOrSkip();
    TicketId id = TicketId.of("T-deleted");
    saveChained(id);
    tamper.deleteEvent(id, 3);
    assertThat(integrity().firstBrokenVersion(store, id)).hasValue(3L);
  }

  @Test
  void deletedLatestEventIsDetected() {
    StorageTampering tamper = tamperingOrSkip();
    TicketId id = TicketId.of("T-deleted-latest");
    List<TicketEvent> saved = saveChained(id);
    tamper.deleteEvent(id, saved.size());
    assertThat(integrity().firstBrokenVersion(store, id)).hasValue((long) saved.size());
  }

  @Test
  void reorderedEventsAreDetected() {
    StorageTampering tamper = tamperingOrSkip();
    TicketId id = TicketId.of("T-reordered");
    saveChained(id);
    tamper.swapEvents(id, 4, 5);
    assertThat(integrity().firstBrokenVersion(store, id)).hasValue(4L);
  }

  @Test
  void insertedEventIsDetectedEvenWithAValidLink() {
    StorageTampering tamper = tamperingOrSkip();
    TicketId id = TicketId.of("T-inserted");
    List<TicketEvent> saved = saveChained(id);
    Ticket current = store.find(id).orElseThrow();
    tamper.appendEvent(forgedClose(current, last(saved).chain()));
    assertThat(integrity().firstBrokenVersion(store, id)).hasValue(saved.size() + 1L);
  }

  @Test
  void forgedSnapshotIsDetected() {
    StorageTampering tamper = tamperingOrSkip();
    TicketId id = TicketId.of("T-snapshot");
    List<TicketEvent> saved = saveChained(id);
    Ticket current = store.find(id).orElseThrow();
    tamper.overwriteSnapshot(current.toBuilder().status(TicketStatus.CLOSED).build());
    assertThat(integrity().firstBrokenVersion(store, id)).hasValue((long) saved.size());
  }

  @Test
  void tamperingWithOneTicketLeavesOthersIntact() {
    StorageTampering tamper = tamperingOrSkip();
    TicketId victim = TicketId.of("T-victim");
    TicketId bystander = TicketId.of("T-bystander");
    saveChained(victim);
    saveChained(bystander);
    tamper.deleteEvent(victim, 2);
    assertThat(integrity().firstBrokenVersion(store, victim)).hasValue(2L);
    assertThat(integrity().firstBrokenVersion(store, bystander)).isEmpty();
  }

  private StorageTampering tamperingOrSkip() {
    Optional<StorageTampering> hook = tampering(store);
    assumeTrue(hook.isPresent(), NO_HOOK);
    return hook.get();
  }

  /**
   * Saves a seven-event history, each event chained to the one before; returns the saved events.
   */
  private List<TicketEvent> saveChained(TicketId id) {
    TicketHistory history =
        TicketHistory.open(id, T0)
            .classify(Category.COMPLAINT, Samples.priority(new Random(12)), T0.plusSeconds(86_400))
            .assign("agent-7", "after-sales")
            .start()
            .waitOnCustomer("waiting for the receipt")
            .resume()
            .resolve("replaced the battery");
    return saveChained(history);
  }

  /** Saves a history, each event chained to the one before; returns the saved events. */
  private List<TicketEvent> saveChained(TicketHistory history) {
    List<TicketEvent> saved = new ArrayList<>();
    Ticket ticket = null;
    String previous = null;
    for (TicketEvent event : history.events()) {
      TicketEvent chained = integrity().chain(event, previous);
      ticket = chained.applyTo(ticket);
      store.save(chained, ticket);
      saved.add(chained);
      previous = chained.chain();
    }
    return saved;
  }

  /** A CLOSED event on a resolved ticket, chained after {@code previous} or unchained if null. */
  private TicketEvent forgedClose(Ticket current, String previous) {
    TicketEvent close =
        new TicketEvent(
            current.id(),
            current.version() + 1,
            current.updatedAt().plusSeconds(60),
            Samples.AGENT,
            current.status(),
            TicketStatus.CLOSED,
            new TicketChange.Closed(TicketAction.CLOSE, ""));
    return previous == null ? close : integrity().chain(close, previous);
  }

  private static TicketEvent last(List<TicketEvent> events) {
    return events.get(events.size() - 1);
  }
}
