package io.loopdesk.core;

import io.loopdesk.api.spi.TicketStore;
import io.loopdesk.store.tck.TicketStoreConformanceTest;

/** The reference store passes the storage conformance kit. */
class InMemoryTicketStoreConformanceTest extends TicketStoreConformanceTest {
  @Override
  protected TicketStore newStore() {
    return new InMemoryTicketStore();
  }
}
