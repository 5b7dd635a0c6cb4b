/**
 * Stable contracts of Loopdesk: immutable value types for tickets, customers, priorities and
 * callbacks, the {@link io.loopdesk.api.ServiceDesk} facade, and typed exceptions.
 *
 * <p>Nothing in this package holds mutable state or performs I/O. Implementations live in other
 * modules (for example {@code loopdesk-core}) and depend on this one, never the reverse.
 */
package io.loopdesk.api;
