package io.loopdesk.core;

import io.loopdesk.api.spi.TicketStore;
import io.loopdesk.store.tck.TicketEventFeedConformanceTest;

/** The reference store's event feed passes the feed conformance kit. */
class InMemoryTicketEventFeedConformanceTest extends TicketEventFeedConformanceTest {
  @Override
  protected TicketStore newStore() {
    return new InMemoryTicketStore();
  }
}
