package io.loopdesk.archive;

import io.loopdesk.api.Checks;
import io.loopdesk.api.Ticket;
import io.loopdesk.api.TicketId;
import io.loopdesk.api.event.TicketEvent;
import io.loopdesk.api.spi.TicketStore;
import io.loopdesk.core.HistoryChain;
import java.util.List;
import java.util.Optional;

/**
 * Verifies a ticket's history chain after some of its events lost their personal data to an
 * erasure. The chain of an event covers its clear content, which no longer exists for an erased
 * event; so an erased event's stored chain must equal the value the {@link ErasureLog} attested
 * when the erasure ran, and every other event's link is recomputed from its content as {@code
 * TicketHistoryVerifier} does. Since every link covers the chain before it, an edit of any kept
 * event, or of an erased event's chain, still breaks verification; what can no longer be checked is
 * the erased personal data itself, which no longer exists. The snapshot's history hash must equal
 * the last chain. Thread-safe.
 */
public final class ErasedHistoryVerifier {
  private final TicketStore clearStore;
  private final ErasureLog log;
  private final HistoryChain chain;

  /**
   * Creates the verifier.
   *
   * @param clearStore the {@code EncryptingTicketStore} (kept events must read in clear)
   * @param log the erasure log
   * @param chain the chain the desk writes with
   */
  public ErasedHistoryVerifier(TicketStore clearStore, ErasureLog log, HistoryChain chain) {
    this.clearStore = Checks.notNull("clearStore", clearStore);
    this.log = Checks.notNull("log", log);
    this.chain = Checks.notNull("chain", chain);
  }

  /**
   * Verifies one ticket.
   *
   * @param id the ticket
   * @return the outcome
   */
  public Verification verify(TicketId id) {
    Checks.notNull("id", id);
    List<ErasureEntry> entries = log.entriesOf(id);
    List<TicketEvent> events = clearStore.events(id);
    String previous = null;
    int attested = 0;
    for (TicketEvent e : events) {
      Optional<String> attestation =
          entries.stream()
              .map(x -> x.attestedChain(e.version()))
              .flatMap(Optional::stream)
              .findFirst();
      if (attestation.isPresent()) {
        String expected = attestation.get().isEmpty() ? null : attestation.get();
        if (!java.util.Objects.equals(expected, e.chain())) {
          return new Verification(
              id,
              false,
              e.version(),
              attested,
              "the erased event's chain differs from the one attested at erasure");
        }
        attested++;
      } else if (e.chain() != null && !chain.link(previous, e).equals(e.chain())) {
        return new Verification(
            id, false, e.version(), attested, "the event does not match its chain link");
      }
      previous = e.chain();
    }
    Optional<Ticket> snapshot = clearStore.find(id);
    if (snapshot.isPresent()
        && snapshot.get().historyHash().isPresent()
        && !snapshot.get().historyHash().get().equals(previous)) {
      return new Verification(
          id,
          false,
          snapshot.get().version(),
          attested,
          "the snapshot's history hash is not the last event's chain");
    }
    return new Verification(id, true, 0, attested, "intact");
  }

  /**
   * The outcome of one verification.
   *
   * @param ticketId the ticket
   * @param intact true if every check passed
   * @param brokenVersion the first version that failed, 0 if intact
   * @param erasedEventsAttested how many erased events were checked against the erasure log
   * @param reason what failed, or {@code intact}
   */
  public record Verification(
      TicketId ticketId,
      boolean intact,
      long brokenVersion,
      int erasedEventsAttested,
      String reason) {}
}
