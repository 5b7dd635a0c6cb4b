package io.loopdesk.core;

import io.loopdesk.api.spi.TicketStore;
import io.loopdesk.store.tck.CheckpointClaimsConformanceTest;

/** The reference store's checkpoint claims pass the claims kit. */
class InMemoryCheckpointClaimsConformanceTest extends CheckpointClaimsConformanceTest {
  @Override
  protected TicketStore newStore() {
    return new InMemoryTicketStore();
  }
}
