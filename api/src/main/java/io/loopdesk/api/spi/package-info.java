/**
 * Service-provider interfaces that integrators implement, starting with {@link
 * io.loopdesk.api.spi.TicketStore} for storage.
 */
package io.loopdesk.api.spi;
