/**
 * Service-provider interfaces that integrators implement, starting with {@link
 * io.loopdesk.api.spi.TicketStore} for storage, and the global event feed that stores offer to
 * readers in other services and instances ({@link io.loopdesk.api.spi.TicketEventFeed}, consumed
 * durably with {@link io.loopdesk.api.spi.FeedSubscription}).
 */
package io.loopdesk.api.spi;
