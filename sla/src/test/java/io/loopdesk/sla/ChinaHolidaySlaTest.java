package io.loopdesk.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.loopdesk.api.Category;
import io.loopdesk.api.Priority;
import io.loopdesk.sla.calendar.BusinessCalendar;
import io.loopdesk.sla.calendar.CalendarRegistry;
import io.loopdesk.sla.calendar.ChinaPublicHolidays;
import io.loopdesk.sla.calendar.WorkingInterval;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/**
 * A newcomer's office calendar gets China's holidays without typing one, and the default SLA policy
 * uses it.
 */
class ChinaHolidaySlaTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  private static Instant shanghai(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
  }

  @Test
  void p1DeadlineAcrossNationalDayWithTheBuiltInHolidays() {
    BusinessCalendar office =
        BusinessCalendar.builder("office", SHANGHAI)
            .weekdays(WorkingInterval.parse("09:00-18:00"))
            .publicHolidays(ChinaPublicHolidays.builtIn())
            .build();
    SlaTracker tracker =
        SlaTracker.builder(SlaPolicy.standard(), CalendarRegistry.of(office)).build();
    Instant created = shanghai("2026-09-30T10:00");
    TicketScript ticket =
        TicketScript.open(tracker, "T-1", created)
            .classify(created, Priority.P1, Category.PRODUCT_FAULT);

    SlaStatus resolution =
        tracker
            .status(ticket.id(), created)
            .orElseThrow()
            .clock(SlaMetric.RESOLUTION)
            .orElseThrow();

    // 48 working hours of 9 a day: 30 Sep 8 h; 1-7 Oct National Day closed; 8, 9, 10 (make-up
    // Saturday) and
    // 12 Oct 9 h each make 44 h; the last 4 h end at 13:00 on 13 Oct
    assertEquals(shanghai("2026-10-13T13:00"), resolution.deadline().orElseThrow());
    assertEquals(
        resolution.deadline(), tracker.deadlinePolicy().resolutionDue(ticket.ticket(), created));
  }
}
