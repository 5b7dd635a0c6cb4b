package io.loopdesk.desk.readme;

// The root README's Quick start, from the tag to the end tag; ReadmeSnippetsTest checks that the
// README shows exactly this text and runs it, and the it module builds it as a fresh Maven project.
// tag::quick-start[]
import io.loopdesk.api.Actor;
import io.loopdesk.api.Assignment;
import io.loopdesk.api.CallbackResult;
import io.loopdesk.api.Category;
import io.loopdesk.api.Channel;
import io.loopdesk.api.Classification;
import io.loopdesk.api.Customer;
import io.loopdesk.api.Level;
import io.loopdesk.api.NewTicket;
import io.loopdesk.api.Role;
import io.loopdesk.api.ServiceDesk;
import io.loopdesk.api.Ticket;
import io.loopdesk.desk.Loopdesk;
import io.loopdesk.sla.calendar.BusinessCalendar;
import io.loopdesk.sla.calendar.WorkingInterval;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

public class QuickStart {
  public static void main(String[] args) {
    // All business time comes from an injected Clock; this one stands still on the eve of National
    // Day.
    Clock clock = Clock.fixed(Instant.parse("2026-09-30T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
    BusinessCalendar office =
        BusinessCalendar.builder("office", ZoneId.of("Asia/Shanghai"))
            .weekdays(WorkingInterval.parse("09:00-12:00"), WorkingInterval.parse("13:30-18:00"))
            .build();

    try (Loopdesk loopdesk =
        Loopdesk.builder()
            .clock(clock)
            .calendar(office) // the only calendar, so SLA deadlines count its working hours
            .chinaHolidays() // mainland China's public holidays and make-up working days, built in
            .build()) { // in-memory store, standard lifecycle, SLA monitor running
      ServiceDesk desk = loopdesk.desk();
      Actor agent = Actor.of("hotline-12", Role.AGENT);
      Actor lead = Actor.of("lead-1", Role.TEAM_LEAD);
      Actor engineer = Actor.of("tech-3", Role.AGENT);
      Actor callbackAgent = Actor.of("callback-5", Role.AGENT);

      Ticket t =
          desk.open(
              NewTicket.builder()
                  .channel(Channel.PHONE)
                  .customer(Customer.of("C-1001", "张三", "13812345678", null))
                  .product("X9 phone")
                  .problem("电池充不进电")
                  .alreadyTried("换了充电器")
                  .build(),
              agent);
      t =
          desk.classify(
              t.id(),
              t.version(),
              Classification.of(Category.PRODUCT_FAULT, Level.LOW, Level.HIGH, Level.MEDIUM),
              agent);
      // P1 (urgency HIGH), due after 48 office hours: 2026-10-14T14:30+08:00, National Day skipped
      System.out.println(
          t.priority().orElseThrow().priority()
              + ", due "
              + t.dueAt().orElseThrow().atZone(office.zone()).toOffsetDateTime());
      t = desk.assign(t.id(), t.version(), Assignment.of("tech-3", "technical-support"), lead);
      t = desk.start(t.id(), t.version(), engineer);
      t = desk.resolve(t.id(), t.version(), "battery replaced", engineer);
      t =
          desk.recordCallback(
              t.id(), t.version(), CallbackResult.reached(true, 5, "满意"), callbackAgent);
      t = desk.close(t.id(), t.version(), callbackAgent);
      System.out.println(
          t.id() + " " + t.status() + " after " + desk.history(t.id()).size() + " events");
    }
  }
}
// end::quick-start[]
