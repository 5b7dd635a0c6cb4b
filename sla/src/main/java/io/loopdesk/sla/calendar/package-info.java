/**
 * Business calendars: {@link io.loopdesk.sla.calendar.BusinessCalendar} (weekly working intervals,
 * shifts crossing midnight, holidays, part-day holidays and make-up working days, a time zone) with
 * business-time arithmetic whose cost does not grow with the span; {@link
 * io.loopdesk.sla.calendar.CalendarDefinitions} for JSON and YAML; {@link
 * io.loopdesk.sla.calendar.CalendarRegistry} for calendars by name and the desk's default calendar;
 * {@link io.loopdesk.sla.calendar.PublicHolidays} for a region's public holidays and make-up
 * working days, with mainland China's built in ({@link
 * io.loopdesk.sla.calendar.ChinaPublicHolidays}). Invalid definitions fail with {@link
 * io.loopdesk.sla.calendar.CalendarDefinitionException}; questions about years the holiday data
 * does not cover fail with {@link io.loopdesk.sla.calendar.HolidayCoverageException}.
 */
package io.loopdesk.sla.calendar;
