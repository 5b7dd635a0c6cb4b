/**
 * The storage conformance kit: extend {@link io.loopdesk.store.tck.TicketStoreConformanceTest} to
 * check a {@link io.loopdesk.api.spi.TicketStore} adapter against the SPI's contract; {@link
 * io.loopdesk.store.tck.TicketHistory} and {@link io.loopdesk.store.tck.Samples} build realistic
 * and hostile ticket histories for an adapter's own tests; {@link
 * io.loopdesk.store.tck.TicketHistoryTamperingConformanceTest} shows that tampering with stored
 * histories is detected.
 */
package io.loopdesk.store.tck;
