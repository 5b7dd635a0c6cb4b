/** Precomputed per-year working time (prefix sums) behind the business calendar. Not public API. */
package io.loopdesk.sla.calendar.internal;
