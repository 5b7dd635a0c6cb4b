/**
 * Implementation of the SLA tracker: mutable per-ticket clocks and the checkpoint heap. Not public
 * API.
 */
package io.loopdesk.sla.internal;
