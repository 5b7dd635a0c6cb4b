/**
 * Service-level agreements: {@link io.loopdesk.sla.SlaPolicy} (targets per priority and category on
 * named business calendars, pausing statuses, warning thresholds), {@link
 * io.loopdesk.sla.SlaTracker} (per-ticket clocks fed by ticket events, warnings, breaches and
 * escalation with an audit trail, driven by {@code tick(now)}), {@link io.loopdesk.sla.SlaMonitor}
 * (optional scheduled runner) and {@link io.loopdesk.sla.EscalationPolicy}. Business calendars live
 * in {@link io.loopdesk.sla.calendar}.
 *
 * <p>Wiring into a service desk:
 *
 * <pre>{@code
 * SlaTracker sla = SlaTracker.builder(SlaPolicy.standard(), CalendarRegistry.of(officeCalendar))
 *     .escalationHandler(action -> ...)   // e.g. notify, or call the desk as Actor.SYSTEM
 *     .build();
 * ServiceDesk desk = ServiceDesks.builder().listener(sla).deadlinePolicy(sla.deadlinePolicy()).build();
 * SlaMonitor monitor = SlaMonitor.start(sla, clock, scheduler, Duration.ofSeconds(30));
 * }</pre>
 */
package io.loopdesk.sla;
