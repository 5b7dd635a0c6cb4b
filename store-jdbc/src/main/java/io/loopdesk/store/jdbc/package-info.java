/**
 * A {@link io.loopdesk.api.spi.TicketStore} on H2 or PostgreSQL through plain JDBC: {@link
 * io.loopdesk.store.jdbc.JdbcTicketStore}, its schema scripts and opt-in migrator {@link
 * io.loopdesk.store.jdbc.JdbcSchema}, and {@link io.loopdesk.store.jdbc.StorageException} for
 * database failures.
 */
package io.loopdesk.store.jdbc;
