package io.loopdesk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loopdesk.api.Actor;
import io.loopdesk.api.ServiceDesk;
import io.loopdesk.api.Ticket;
import io.loopdesk.api.TicketAction;
import io.loopdesk.api.TicketId;
import io.loopdesk.api.TicketNotFoundException;
import io.loopdesk.api.TicketStatus;
import io.loopdesk.api.ValidationException;
import io.loopdesk.api.event.TicketChange;
import io.loopdesk.api.event.TicketEvent;
import io.loopdesk.core.HistoryVerification.Verdict;
import io.loopdesk.core.json.LoopdeskJson;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The desk chains every event; the verifier names the first broken version and why. */
class TicketHistoryVerifierTest {
  private static final byte[] HOST_KEY =
      "a host key kept in the vault, 32b".getBytes(StandardCharsets.US_ASCII);

  private final ManualClock clock = ManualClock.at(Instant.parse("2026-06-01T00:00:00Z"));
  private final InMemoryTicketStore store = new InMemoryTicketStore();
  private final ServiceDesk desk = ServiceDesks.builder().clock(clock).store(store).build();
  private final TicketHistoryVerifier verifier =
      TicketHistoryVerifier.of(store, HistoryChain.sha256());

  @Test
  void everyEventIsChainedAndTheSnapshotCarriesTheHeadHash() {
    Ticket t = Scenarios.openAndResolve(desk, Fixtures.newTickets().sample());
    List<TicketEvent> history = desk.history(t.id());
    String previous = null;
    for (TicketEvent event : history) {
      assertThat(event.chain()).isEqualTo(HistoryChain.sha256().link(previous, event));
      previous = event.chain();
    }
    assertThat(t.historyHash()).contains(previous);
    assertThat(TicketEvent.replay(history)).isEqualTo(t);
    assertThat(verifier.verify(t.id()))
        .isEqualTo(HistoryVerification.intact(t.id(), history.size()));
  }

  @Test
  void aForgedCloseSavedThroughTheStoreIsReported() {
    Ticket t = Scenarios.openAndResolve(desk, Fixtures.newTickets().sample());
    TicketEvent forged = close(t);
    store.save(forged, forged.applyTo(t));
    assertThat(desk.get(t.id()).status()).isEqualTo(TicketStatus.CLOSED);
    HistoryVerification result = verifier.verify(t.id());
    assertThat(result.verdict()).isEqualTo(Verdict.UNCHAINED);
    assertThat(result.brokenVersion()).isEqualTo(t.version() + 1);
  }

  @Test
  void aForgerWhoRecomputesTheChainPassesPlainSha256ButNotAHostKey() {
    ServiceDesk keyed =
        ServiceDesks.builder()
            .clock(clock)
            .store(store)
            .historyChain(HistoryChain.hmacSha256(HOST_KEY))
            .build();
    Ticket t = Scenarios.openAndResolve(keyed, Fixtures.newTickets().sample());
    TicketEvent forged = HistoryChain.sha256().stamp(close(t), t.historyHash().orElseThrow());
    store.save(forged, forged.applyTo(t));
    assertThat(TicketHistoryVerifier.of(store, HistoryChain.hmacSha256(HOST_KEY)).verify(t.id()))
        .extracting(HistoryVerification::verdict, HistoryVerification::brokenVersion)
        .containsExactly(Verdict.EDITED, t.version() + 1);

    Ticket plain = Scenarios.openAndResolve(desk, Fixtures.newTickets().sample());
    TicketEvent recomputed =
        HistoryChain.sha256().stamp(close(plain), plain.historyHash().orElseThrow());
    store.save(recomputed, recomputed.applyTo(plain));
    assertThat(verifier.verify(plain.id()).isIntact())
        .as("plain SHA-256 cannot stop a forger who recomputes it")
        .isTrue();
  }

  @Test
  void eachKindOfDamageIsNamedWithItsFirstBrokenVersion() {
    assertThat(
            damaged(
                list -> {
                  TicketEvent e = list.get(2);
                  list.set(
                      2,
                      new TicketEvent(
                          e.ticketId(),
                          e.version(),
                          e.at(),
                          Actor.SYSTEM,
                          e.from(),
                          e.to(),
                          e.change(),
                          e.chain()));
                  return list;
                },
                UnaryOperator.identity()))
        .containsExactly(Verdict.EDITED, 3L);
    assertThat(
            damaged(
                list -> {
                  list.remove(1);
                  return list;
                },
                UnaryOperator.identity()))
        .containsExactly(Verdict.MISSING, 2L);
    assertThat(
            damaged(
                list -> {
                  list.remove(list.size() - 1);
                  return list;
                },
                UnaryOperator.identity()))
        .containsExactly(Verdict.MISSING, 5L);
    assertThat(
            damaged(
                list -> {
                  Collections.swap(list, 2, 3);
                  return list;
                },
                UnaryOperator.identity()))
        .containsExactly(Verdict.OUT_OF_ORDER, 3L);
    assertThat(
            damaged(
                list -> {
                  list.add(2, list.get(1));
                  return list;
                },
                UnaryOperator.identity()))
        .containsExactly(Verdict.INSERTED, 2L);
    assertThat(
            damaged(
                list -> {
                  list.add(
                      HistoryChain.sha256()
                          .stamp(
                              close(TicketEvent.replay(list)), list.get(list.size() - 1).chain()));
                  return list;
                },
                UnaryOperator.identity()))
        .containsExactly(Verdict.INSERTED, 6L);
    assertThat(
            damaged(
                UnaryOperator.identity(), t -> t.toBuilder().status(TicketStatus.CLOSED).build()))
        .containsExactly(Verdict.SNAPSHOT_MISMATCH, 5L);
    assertThat(
            damaged(
                UnaryOperator.identity(), t -> t.toBuilder().historyHash("0".repeat(64)).build()))
        .containsExactly(Verdict.SNAPSHOT_MISMATCH, 5L);
  }

  @Test
  void eventsFromBeforeChainingAreReportedUnlessAnUnchainedPrefixIsAccepted() {
    ServiceDesk legacy =
        ServiceDesks.builder().clock(clock).store(store).withoutHistoryChain().build();
    Ticket t = legacy.open(Fixtures.newTickets().sample(), Fixtures.AGENT);
    assertThat(store.events(t.id())).allSatisfy(e -> assertThat(e.chain()).isNull());
    t = Scenarios.classifyToResolved(desk, t);
    assertThat(verifier.verify(t.id()))
        .extracting(HistoryVerification::verdict, HistoryVerification::brokenVersion)
        .containsExactly(Verdict.UNCHAINED, 1L);
    assertThat(verifier.acceptingUnchainedPrefix().verify(t.id()).isIntact()).isTrue();

    Ticket later = legacy.reopen(t.id(), t.version(), "the customer called again", Fixtures.AGENT);
    assertThat(verifier.acceptingUnchainedPrefix().verify(later.id()))
        .extracting(HistoryVerification::verdict, HistoryVerification::brokenVersion)
        .containsExactly(Verdict.UNCHAINED, later.version());
  }

  @Test
  void verifyAllWalksEveryTicketAndListsOnlyTheBrokenOnes() {
    List<Ticket> tickets = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      tickets.add(Scenarios.openAndResolve(desk, Fixtures.newTickets().sample()));
    }
    TicketId victim = tickets.get(3).id();
    store.tamper(victim, list -> list.subList(0, 2), UnaryOperator.identity());
    HistoryAudit audit = verifier.verifyAll();
    assertThat(audit.ticketsChecked()).isEqualTo(5);
    assertThat(audit.isClean()).isFalse();
    assertThat(audit.broken())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.ticketId()).isEqualTo(victim);
              assertThat(r.verdict()).isEqualTo(Verdict.MISSING);
              assertThat(r.brokenVersion()).isEqualTo(3);
            });
  }

  @Test
  void unknownTicketsAndBadArgumentsAreRejected() {
    assertThatThrownBy(() -> verifier.verify(TicketId.of("T-none")))
        .isInstanceOf(TicketNotFoundException.class);
    assertThatThrownBy(() -> verifier.verify(null)).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> TicketHistoryVerifier.of(store, null))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> HistoryChain.hmacSha256(new byte[15]))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("hostKey"));
    assertThat(HistoryChain.hmacSha256(HOST_KEY).toString())
        .doesNotContain("vault")
        .contains("HMAC");
    assertThatThrownBy(() -> ServiceDesks.builder().historyChain(null))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void chainValuesAreValidatedWithoutEchoingThem() {
    TicketEvent event =
        desk.history(desk.open(Fixtures.newTickets().sample(), Fixtures.AGENT).id()).get(0);
    assertThatThrownBy(() -> event.withChain("13800001111"))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> {
              assertThat(e.field()).isEqualTo("event.chain");
              assertThat(e.getMessage()).doesNotContain("13800001111");
            });
    assertThatThrownBy(() -> event.withChain("A".repeat(64)))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void theCodecRoundTripsChainAndHeadHashAndReadsDocumentsWithoutThem() {
    Ticket t = Scenarios.openAndResolve(desk, Fixtures.newTickets().sample());
    TicketEvent last = desk.history(t.id()).get(4);
    LoopdeskJson json = LoopdeskJson.standard();
    assertThat(json.read(json.write(last), TicketEvent.class)).isEqualTo(last);
    assertThat(json.read(json.write(t), Ticket.class)).isEqualTo(t);

    TicketEvent legacy = last.withChain(null);
    String legacyJson = json.write(legacy).replace(",\"chain\":null", "");
    assertThat(legacyJson).doesNotContain("chain");
    assertThat(json.read(legacyJson, TicketEvent.class)).isEqualTo(legacy);
    Ticket unhashed = t.toBuilder().historyHash(null).build();
    String unhashedJson = json.write(unhashed).replace(",\"historyHash\":null", "");
    assertThat(unhashedJson).doesNotContain("historyHash");
    assertThat(json.read(unhashedJson, Ticket.class)).isEqualTo(unhashed);
  }

  @Test
  void theCanonicalFormIsAsciiAndDistinguishesUnpairedSurrogates() {
    Ticket t = desk.open(Fixtures.newTickets().sample(), Fixtures.AGENT);
    TicketEvent base = desk.history(t.id()).get(0);
    TicketEvent lone = withNote(base, "note \uD800");
    TicketEvent question = withNote(base, "note ?");
    assertThat(new String(HistoryChain.canonical(lone), StandardCharsets.US_ASCII))
        .contains("\\uD800");
    assertThat(HistoryChain.sha256().link(null, lone))
        .isNotEqualTo(HistoryChain.sha256().link(null, question));
  }

  private static TicketEvent withNote(TicketEvent opening, String note) {
    return new TicketEvent(
        opening.ticketId(),
        2,
        opening.at(),
        opening.actor(),
        TicketStatus.RECEIVED,
        TicketStatus.RECEIVED,
        new TicketChange.CustomTransition(TicketAction.of("NOTE"), note, false));
  }

  /**
   * Opens and resolves a ticket (five events), damages its storage, and returns verdict and
   * version.
   */
  private List<Object> damaged(
      UnaryOperator<List<TicketEvent>> events, UnaryOperator<Ticket> snapshot) {
    Ticket t = Scenarios.openAndResolve(desk, Fixtures.newTickets().sample());
    store.tamper(t.id(), list -> events.apply(new ArrayList<>(list)), snapshot);
    HistoryVerification result = verifier.verify(t.id());
    return List.of(result.verdict(), result.brokenVersion());
  }

  private TicketEvent close(Ticket t) {
    clock.advance(Duration.ofMinutes(5));
    return new TicketEvent(
        t.id(),
        t.version() + 1,
        clock.instant(),
        Fixtures.AGENT,
        t.status(),
        TicketStatus.CLOSED,
        new TicketChange.Closed(TicketAction.CLOSE, ""));
  }
}
