/**
 * The standard Loopdesk engine: {@link io.loopdesk.core.ServiceDesks} builds a thread-safe {@link
 * io.loopdesk.api.ServiceDesk} from a {@link io.loopdesk.core.Lifecycle}, a {@link
 * io.loopdesk.core.ClosedLoopPolicy}, a priority model, a store and a {@link java.time.Clock}.
 */
package io.loopdesk.core;
