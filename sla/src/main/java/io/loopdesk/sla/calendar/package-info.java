/**
 * Business calendars: {@link io.loopdesk.sla.calendar.BusinessCalendar} (weekly working intervals, shifts
 * crossing midnight, holidays, part-day holidays and make-up working days, a time zone) with business-time
 * arithmetic whose cost does not grow with the span; {@link io.loopdesk.sla.calendar.CalendarDefinitions}
 * for JSON and YAML; {@link io.loopdesk.sla.calendar.CalendarRegistry} for calendars by name. Invalid
 * definitions fail with {@link io.loopdesk.sla.calendar.CalendarDefinitionException}.
 */
package io.loopdesk.sla.calendar;
