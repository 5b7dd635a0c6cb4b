package io.loopdesk.access;

import io.loopdesk.api.TicketId;
import io.loopdesk.api.event.TicketEvent;
import io.loopdesk.api.spi.TicketStore;
import io.loopdesk.core.HistoryChain;
import io.loopdesk.core.HistoryVerification;
import io.loopdesk.core.InMemoryTicketStore;
import io.loopdesk.core.TicketHistoryVerifier;
import io.loopdesk.store.tck.TicketHistoryTamperingConformanceTest;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Chained histories verify through the encrypting store (the chain covers the clear opening event,
 * which reads back equal), and forgeries saved through it are detected. It has no storage of its
 * own, so the storage tampering tests are left to the wrapped stores' kits.
 */
class EncryptingHistoryTamperingConformanceTest extends TicketHistoryTamperingConformanceTest {
  @Override
  protected TicketStore newStore() {
    return new EncryptingTicketStore(
        new InMemoryTicketStore(),
        StaticKeyProvider.of("k1", Map.of("k1", EncryptingTicketStoreTest.key(1))));
  }

  @Override
  protected HistoryIntegrity integrity() {
    HistoryChain chain =
        HistoryChain.hmacSha256(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16});
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
}
