package io.loopdesk.sla.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.loopdesk.sla.calendar.BusinessCalendar;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The benchmark baseline must compute the same deadlines as the engine, or the comparison is
 * meaningless.
 */
class NaiveDaySteppingTest {

  @Test
  void baselineAgreesWithTheEngine() {
    ZoneId zone = ZoneId.of("Asia/Shanghai");
    Random random = new Random(1);
    for (BusinessCalendar calendar :
        new BusinessCalendar[] {
          CalendarBenchmark.simple(zone), CalendarBenchmark.holidayHeavy(zone)
        }) {
      Instant origin = LocalDate.of(2026, 1, 1).atStartOfDay(zone).toInstant();
      for (int i = 0; i < 500; i++) {
        Instant start = origin.plusSeconds(random.nextInt(2 * 365 * 86_400));
        Duration duration = Duration.ofSeconds(random.nextInt(3_000 * 3_600));
        assertEquals(
            calendar.add(start, duration),
            NaiveDayStepping.add(calendar, start, duration),
            calendar.name() + " " + start + " + " + duration);
      }
    }
  }
}
