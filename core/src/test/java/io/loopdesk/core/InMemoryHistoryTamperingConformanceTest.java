package io.loopdesk.core;

import io.loopdesk.api.Ticket;
import io.loopdesk.api.TicketId;
import io.loopdesk.api.event.TicketEvent;
import io.loopdesk.api.spi.TicketStore;
import io.loopdesk.store.tck.TicketHistoryTamperingConformanceTest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.UnaryOperator;

/** Tampering with the reference store's memory is detected by the history verifier. */
class InMemoryHistoryTamperingConformanceTest extends TicketHistoryTamperingConformanceTest {
  @Override
  protected TicketStore newStore() {
    return new InMemoryTicketStore();
  }

  @Override
  protected HistoryIntegrity integrity() {
    return coreIntegrity(HistoryChain.sha256());
  }

  /** Core's chain and verifier as the kit's integrity functions. */
  static HistoryIntegrity coreIntegrity(HistoryChain chain) {
    return new HistoryIntegrity() {
      @Override
      public TicketEvent chain(TicketEvent event, String previousChain) {
        return chain.stamp(event, previousChain);
      }

      @Override
      public OptionalLong firstBrokenVersion(TicketStore store, TicketId id) {
        HistoryVerification result = TicketHistoryVerifier.of(store, chain).verify(id);
        return result.isIntact() ? OptionalLong.empty() : OptionalLong.of(result.brokenVersion());
      }
    };
  }

  @Override
  protected Optional<StorageTampering> tampering(TicketStore target) {
    InMemoryTicketStore memory = (InMemoryTicketStore) target;
    return Optional.of(
        new StorageTampering() {
          @Override
          public void overwriteEvent(TicketEvent forged) {
            events(forged.ticketId(), list -> replace(list, forged));
          }

          @Override
          public void deleteEvent(TicketId id, long version) {
            events(
                id,
                list -> {
                  list.removeIf(e -> e.version() == version);
                  return list;
                });
          }

          @Override
          public void swapEvents(TicketId id, long first, long second) {
            events(
                id,
                list -> {
                  Collections.swap(list, indexOf(list, first), indexOf(list, second));
                  return list;
                });
          }

          @Override
          public void appendEvent(TicketEvent forged) {
            events(
                forged.ticketId(),
                list -> {
                  list.add(forged);
                  return list;
                });
          }

          @Override
          public void overwriteSnapshot(Ticket forged) {
            memory.tamper(forged.id(), UnaryOperator.identity(), stored -> forged);
          }

          private void events(TicketId id, UnaryOperator<List<TicketEvent>> change) {
            memory.tamper(
                id, list -> change.apply(new ArrayList<>(list)), UnaryOperator.identity());
          }
        });
  }

  private static List<TicketEvent> replace(List<TicketEvent> list, TicketEvent forged) {
    list.set(indexOf(list, forged.version()), forged);
    return list;
  }

  private static int indexOf(List<TicketEvent> list, long version) {
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i).version() == version) {
        return i;
      }
    }
    throw new IllegalArgumentException("no stored event at version " + version);
  }
}
